"""Each writing service says what it changed, and a change that did nothing says so."""

from __future__ import annotations

from pathlib import Path

from quiz_app.core.changes import Changes
from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.exchange import export_results, merge_results
from quiz_app.services.learners import create_learner, set_learner_language
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import (
    finish_quiz,
    quiz_questions,
    start_quiz,
    submit_answer,
    toggle_flag,
)
from quiz_app.services.teacher import set_pin
from quiz_app.storage import Database, open_database
from tests.conftest import NOW


def test_an_import_changes_packs_once(database: Database, sample_pack: Path) -> None:
    assert import_pack(database, sample_pack, dry_run=True, now=NOW).changes == Changes.NONE
    assert import_pack(database, sample_pack, now=NOW).changes == Changes.PACKS
    assert import_pack(database, sample_pack, now=NOW).changes == Changes.NONE  # same version


def test_a_quiz_changes_quizzes_and_its_answers_answers_and_schedules(
    database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    learner = create_learner(database, "Ada", now=NOW)
    assert learner.changes == Changes.LEARNERS
    started = start_quiz(database, learner.value.id, QuizSettings(count=1), seed=1, now=NOW)
    assert started.changes == Changes.QUIZZES
    quiz = started.value
    [question] = quiz_questions(database, quiz)
    assert toggle_flag(database, quiz.id, question.id).changes == Changes.QUIZZES
    outcome = submit_answer(
        database, quiz.id, question.id, right_response(question.question.body), 500, now=NOW
    )
    assert outcome.changes == Changes.ANSWERS | Changes.SCHEDULES | Changes.QUIZZES
    finished = finish_quiz(database, quiz.id, now=NOW)
    assert (finished.changes, finished.value.finished) == (Changes.QUIZZES, True)


def test_settings_and_languages(database: Database) -> None:
    learner = create_learner(database, "Ada", now=NOW).value
    assert set_learner_language(database, learner.id, "zh") == Changes.LEARNERS
    assert set_pin(database, "2468") == Changes.SETTINGS


def test_a_merge_changes_what_it_added_and_only_once(
    database: Database, sample_pack: Path, tmp_path: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    learner = create_learner(database, "Ada", now=NOW).value
    quiz = start_quiz(database, learner.id, QuizSettings(count=2), seed=1, now=NOW).value
    for question in quiz_questions(database, quiz):
        submit_answer(database, quiz.id, question.id, right_response(question.question.body), 1)
    results = tmp_path / "ada.jsonl"
    export_results(database, results, ["Ada"], now=NOW)

    teacher = open_database(f"sqlite:///{tmp_path / 'teacher.sqlite3'}")
    try:
        import_pack(teacher, sample_pack, now=NOW)
        assert merge_results(teacher, results, dry_run=True, now=NOW).changes == Changes.NONE
        merged = merge_results(teacher, results, now=NOW).changes
        assert merged == Changes.LEARNERS | Changes.QUIZZES | Changes.ANSWERS | Changes.SCHEDULES
        assert merge_results(teacher, results, now=NOW).changes == Changes.NONE  # twice: nothing
    finally:
        teacher.close()
