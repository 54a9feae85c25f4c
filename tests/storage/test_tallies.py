"""The figures the bank keeps (``storage.tallies``) are the figures counted from scratch:
the class's sums as finishing, giving up and merging quizzes leave them, and the packs'
question counts as imports and the editor leave them. On SQLite, and on PostgreSQL when
``$QUIZ_APP_TEST_DB`` names a server."""

from __future__ import annotations

import json
from dataclasses import astuple
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from quiz_app.core.grading import right_response
from quiz_app.core.ids import LearnerId, PackId, QuizSessionId
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.editing import open_pack_for_editing, save_edited_pack
from quiz_app.services.exchange import export_results, merge_results
from quiz_app.services.learners import create_learner, list_learners
from quiz_app.services.packs import import_pack, list_packs
from quiz_app.services.quiz import (
    abandon_quiz,
    finish_quiz,
    quiz_questions,
    retry_mistakes,
    start_quiz,
    submit_answer,
    unfinished_quiz,
)
from quiz_app.services.results import class_results
from quiz_app.storage import Database, Session, open_database
from quiz_app.storage.class_figures import (
    learner_sums,
    learner_sums_from_answers,
    question_sums,
    question_sums_from_answers,
)
from quiz_app.storage.models import QUESTION
from quiz_app.storage.tallies import question_counts, recount_class_figures
from tests.conftest import DATA, NOW
from tests.services.test_quiz import _wrong


def _close(got: tuple[Any, ...], want: tuple[Any, ...]) -> bool:
    return all(
        x == pytest.approx(y, rel=1e-9, abs=1e-9) if isinstance(y, float) else x == y
        for x, y in zip(got, want, strict=True)
    )


def assert_kept_as_counted(database: Database) -> None:
    """The kept sums and counts equal those counted from the answers and questions."""
    with database.reading() as session:
        kept_learners = sorted(astuple(r) for r in learner_sums(session))
        counted_learners = sorted(astuple(r) for r in learner_sums_from_answers(session))
        kept_questions = [astuple(r) for r in question_sums(session)]
        counted_questions = [astuple(r) for r in question_sums_from_answers(session)]
        kept_counts = sorted(tuple(r) for r in question_counts(session))
        q = QUESTION.c
        columns = (q.pack_id, q.topic_id, q.type, q.difficulty, q.languages, q.retired)
        counted = sorted(
            tuple(r)
            for r in session.execute(select(*columns, func.count()).group_by(*columns)).all()
        )
    assert [r[0] for r in kept_learners] == [r[0] for r in counted_learners]
    for got, want in zip(kept_learners, counted_learners, strict=True):
        assert _close(got, want), (got, want)
    assert [r[0] for r in kept_questions] == [r[0] for r in counted_questions]
    for got, want in zip(kept_questions, counted_questions, strict=True):
        assert _close(got, want), (got, want)
    assert kept_counts == counted


def _quiz(
    bank: Database, learner: LearnerId, marks: str, *, end: str, count: int = 4, seed: int = 1
) -> QuizSessionId:
    """A quiz whose questions are answered as ``marks`` says (R right, W wrong, - left
    unanswered), then finished, given up or left."""
    quiz = start_quiz(bank, learner, QuizSettings(count=count), seed=seed, now=NOW).value
    for question, mark in zip(quiz_questions(bank, quiz), marks, strict=False):
        if mark == "-":
            continue
        body = question.question.body
        response = right_response(body) if mark == "R" else _wrong(body)
        submit_answer(bank, quiz.id, question.id, response, 1000 + 10 * len(marks), now=NOW)
    if end == "finish":
        finish_quiz(bank, quiz.id, now=NOW + timedelta(minutes=5))
    elif end == "abandon":
        abandon_quiz(bank, quiz.id, now=NOW + timedelta(minutes=5))
    return quiz.id


def test_a_bank_with_no_learners_keeps_no_figures(database: Database) -> None:
    import_pack(database, DATA / "sample-pack", now=NOW)
    assert_kept_as_counted(database)
    assert class_results(database).learners == ()
    with database.reading() as session:
        assert (learner_sums(session), question_sums(session)) == ([], [])


def test_one_finished_quiz_is_counted_once(database: Database) -> None:
    import_pack(database, DATA / "sample-pack", now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value.id
    quiz = _quiz(database, ada, "RW-", end="finish")
    finish_quiz(database, quiz, now=NOW + timedelta(minutes=6))  # a double click
    assert_kept_as_counted(database)
    with database.reading() as session:
        [mine] = learner_sums(session)
        sums = question_sums(session)
    assert (mine.name, mine.quizzes, mine.answers, mine.score) == ("Ada", 1, 2, 1.0)
    assert sorted(q.attempts for q in sums) == [1, 1, 1, 1]  # four questions, one unanswered
    assert sorted(q.answers for q in sums) == [0, 0, 1, 1]
    assert {q.totals for q in sums} == {1.0}


def test_unfinished_and_given_up_quizzes_count_nothing(database: Database) -> None:
    import_pack(database, DATA / "sample-pack", now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value.id
    _quiz(database, ada, "RR", end="leave")
    _quiz(database, ada, "RW", end="abandon", seed=2)
    assert_kept_as_counted(database)
    with database.reading() as session:
        assert (learner_sums(session), question_sums(session)) == ([], [])
    _quiz(database, ada, "WWR", end="finish", seed=3)
    assert_kept_as_counted(database)


def _answer_lines_dropped(path: Path, keep: int) -> Path:
    """The results file with only its first ``keep`` answers: one exported before the
    quiz's last answers reached the computer it came from."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    answers = [line for line in lines if json.loads(line).get("kind") == "answer"]
    cut = path.with_name(f"cut-{path.name}")
    dropped = set(answers[keep:])
    cut.write_text("".join(line for line in lines if line not in dropped), encoding="utf-8")
    return cut


def test_merges_keep_the_figures(database: Database, tmp_path: Path) -> None:
    """A merged new quiz, a quiz merged midway and finished by a later merge, and a
    quiz merged finished that gains answers later, each counted as it ends up."""
    import_pack(database, DATA / "sample-pack", now=NOW)
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    import_pack(other, DATA / "sample-pack", now=NOW)
    chen = create_learner(other, "陈静", now=NOW).value.id
    midway = _quiz(other, chen, "RW", end="leave", count=5)
    _quiz(other, chen, "RRWR", end="finish", seed=4)
    export_results(other, tmp_path / "first.results", now=NOW)
    merge_results(database, tmp_path / "first.results", now=NOW)
    assert_kept_as_counted(database)

    left = unfinished_quiz(other, chen)  # the quiz left midway goes on
    assert left is not None
    assert left.id == midway
    for question in quiz_questions(other, left)[2:4]:
        body = question.question.body
        submit_answer(other, left.id, question.id, right_response(body), 900, now=NOW)
    finish_quiz(other, left.id, now=NOW + timedelta(minutes=9))
    _quiz(other, chen, "WRRW", end="finish", seed=5)
    export_results(other, tmp_path / "second.results", now=NOW)
    other.close()
    # First without its last answer: the last quiz arrives finished, one answer short ...
    report = merge_results(database, _answer_lines_dropped(tmp_path / "second.results", -1))
    assert report.sessions_finished == 1
    assert_kept_as_counted(database)
    # ... which the whole file then brings: that finished quiz's total changes.
    report = merge_results(database, tmp_path / "second.results", now=NOW)
    assert report.answers_added == 1
    assert_kept_as_counted(database)
    report = merge_results(database, tmp_path / "second.results", now=NOW)  # twice: no change
    assert report.answers_added == 0
    assert_kept_as_counted(database)
    with database.reading() as session:
        [mine] = learner_sums(session)
    assert (mine.name, mine.quizzes) == ("陈静", 3)


def test_a_dry_run_merge_keeps_nothing(database: Database, tmp_path: Path) -> None:
    import_pack(database, DATA / "sample-pack", now=NOW)
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    import_pack(other, DATA / "sample-pack", now=NOW)
    _quiz(other, create_learner(other, "Bo", now=NOW).value.id, "RW", end="finish")
    export_results(other, tmp_path / "bo.results", now=NOW)
    other.close()
    merge_results(database, tmp_path / "bo.results", dry_run=True)
    with database.reading() as session:
        assert (learner_sums(session), question_sums(session)) == ([], [])


def _all_sums(session: Session) -> list[tuple[Any, ...]]:
    learners = sorted(astuple(r) for r in learner_sums(session))
    return learners + [astuple(r) for r in question_sums(session)]


def test_recounting_from_scratch_gives_the_kept_figures(database: Database) -> None:
    import_pack(database, DATA / "sample-pack", now=NOW)
    for n, name in enumerate(["Ada", "Bo", "Cy"]):
        learner = create_learner(database, name, now=NOW).value.id
        last = _quiz(database, learner, "RWR-W"[n:], end="finish", count=5, seed=n)
        retry = retry_mistakes(database, last, seed=n, now=NOW).value
        finish_quiz(database, retry.id, now=NOW + timedelta(hours=1))
    with database.reading() as session:
        before = _all_sums(session)
    with database.transaction() as session:
        recount_class_figures(session)
    with database.reading() as session:
        after = _all_sums(session)
    assert len(before) == len(after) > 3
    for got, want in zip(before, after, strict=True):
        assert _close(got, want), (got, want)
    assert_kept_as_counted(database)


_MARKS = st.text(alphabet="RW-", max_size=6)
_QUIZ = st.tuples(st.integers(0, 2), _MARKS, st.sampled_from(["finish", "abandon", "leave"]))


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(quizzes=st.lists(_QUIZ, min_size=1, max_size=5), seed=st.integers(0, 1000))
def test_any_class_keeps_the_figures_it_would_count(
    database: Database, quizzes: list[tuple[int, str, str]], seed: int
) -> None:
    """One bank through every example (the figures must hold whatever came before)."""
    if not list_packs(database):
        import_pack(database, DATA / "sample-pack", now=NOW)
        for name in ("Ada", "Bo", "Cy"):
            create_learner(database, name, now=NOW)
    learners = [one.id for one in list_learners(database)]
    for n, (who, marks, end) in enumerate(quizzes):
        _quiz(database, learners[who], marks, end=end, count=6, seed=seed + n)
    assert_kept_as_counted(database)


# -- question counts --------------------------------------------------------------------------
def test_imports_and_the_editor_keep_the_question_counts(
    database: Database, sample_pack: Path
) -> None:
    assert list_packs(database) == []
    assert_kept_as_counted(database)
    import_pack(database, sample_pack, now=NOW)
    assert_kept_as_counted(database)
    [before] = list_packs(database)
    # A newer version retires one question: counted apart, no longer in its topic.
    science = sample_pack / "science.toml"
    text = science.read_text(encoding="utf-8")
    start = text.index('[[questions]]\nid = "names"')
    science.write_text(text[:start] + text[start:].replace('id = "names"', 'id = "names-2"', 1))
    manifest = sample_pack / "pack.toml"
    manifest.write_text(manifest.read_text().replace('version = "1.0.0"', 'version = "1.1.0"'))
    import_pack(database, sample_pack, now=NOW)
    assert_kept_as_counted(database)
    [after] = list_packs(database)
    assert (after.question_count, after.retired_count) == (before.question_count, 1)
    # The editor moves a question to another topic and makes it harder.
    edited = open_pack_for_editing(database, "sample")
    questions = [dict(q) for q in edited.questions]
    topics = [t.key for t in edited.info.topics]
    moved = questions[0]
    moved["topic"] = next(t for t in topics if t != moved["topic"])
    moved["difficulty"] = 3 if moved.get("difficulty") != 3 else 1
    save_edited_pack(database, edited, questions[:-1], now=NOW)  # and the last one deleted
    assert_kept_as_counted(database)
    [saved] = list_packs(database)
    assert (saved.question_count, saved.retired_count) == (after.question_count - 1, 2)
    assert sum(t.question_count for t in saved.topics) == saved.question_count
    assert sum(saved.by_type.values()) == sum(saved.by_difficulty.values()) == saved.question_count
    assert saved.topics != after.topics or saved.by_difficulty != after.by_difficulty


def test_another_pack_keeps_its_own_counts(database: Database) -> None:
    import_pack(database, DATA / "sample-pack", now=NOW)
    import_pack(database, DATA / "gift" / "class-quiz.gift", now=NOW, skip_invalid=True)
    assert_kept_as_counted(database)
    packs = {p.id: p for p in list_packs(database)}
    assert set(packs) == {PackId("sample"), PackId("class-quiz")}
    assert all(p.question_count > 0 for p in packs.values())
