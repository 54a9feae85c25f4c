"""Orders stored with a quiz; giving a quiz up; retrying a quiz's mistakes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from quiz_app.core.errors import QuizError
from quiz_app.core.grading import right_response
from quiz_app.core.ids import LearnerId, QuizSessionId
from quiz_app.core.questions import Matching, Ordering
from quiz_app.core.quiz import QuizMode, QuizSession, QuizSettings
from quiz_app.core.shuffle import written_order
from quiz_app.services.exchange import export_results, merge_results
from quiz_app.services.learners import create_learner, list_learners
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import (
    abandon_quiz,
    finish_quiz,
    quiz_history,
    quiz_questions,
    retry_mistakes,
    start_quiz,
    submit_answer,
    unfinished_quiz,
)
from quiz_app.services.results import class_results
from quiz_app.services.review import learner_progress
from quiz_app.storage import Database, open_database
from tests.conftest import NOW
from tests.services.test_quiz import _wrong


@pytest.fixture
def bank(database: Database, sample_pack: Path) -> Database:
    import_pack(database, sample_pack, now=NOW)
    return database


@pytest.fixture
def ada(bank: Database) -> LearnerId:
    return create_learner(bank, "Ada", now=NOW).value.id


def _answer(bank: Database, quiz: QuizSession, wrong: set[int]) -> QuizSession:
    """Answer every question, the ones at the positions in ``wrong`` wrongly."""
    for i, question in enumerate(quiz_questions(bank, quiz)):
        body = question.question.body
        response = _wrong(body) if i in wrong else right_response(body)
        quiz = submit_answer(bank, quiz.id, question.id, response, 1000, now=NOW).quiz
    return quiz


# --- orders ---------------------------------------------------------------------------


def test_a_quiz_stores_an_order_for_every_question_with_choices(
    bank: Database, ada: LearnerId, db_url: str
) -> None:
    quiz = start_quiz(bank, ada, QuizSettings(count=7), seed=4, now=NOW).value
    questions = quiz_questions(bank, quiz)
    for question in questions:
        body = question.question.body
        written = written_order(body)
        assert sorted(quiz.orders.get(question.id, ())) == sorted(written), question.question.key
        if isinstance(body, Ordering | Matching):
            assert quiz.orders[question.id] != written  # never starts solved
    assert len(quiz.orders) == 4  # single, multiple, ordering, matching
    # Reopened from the bank, as on resume after a restart: the very same orders.
    bank.close()
    again = open_database(db_url)
    try:
        resumed = unfinished_quiz(again, ada)
        assert resumed is not None
        assert resumed.id == quiz.id
        assert resumed.orders == quiz.orders
    finally:
        again.close()


def test_orders_follow_the_seed_and_differ_between_quizzes(bank: Database, ada: LearnerId) -> None:
    one = start_quiz(bank, ada, QuizSettings(count=7), seed=4, now=NOW).value
    same = start_quiz(bank, ada, QuizSettings(count=7), seed=4, now=NOW).value
    assert one.orders == same.orders
    seen = {
        tuple(
            sorted(
                start_quiz(bank, ada, QuizSettings(count=7), seed=s, now=NOW).value.orders.items()
            )
        )
        for s in range(8)
    }
    assert len(seen) > 1


def test_a_pinned_question_keeps_its_written_order_in_every_quiz(
    database: Database, sample_pack: Path
) -> None:
    missions = sample_pack / "missions.toml"
    missions.write_text(
        missions.read_text(encoding="utf-8").replace(
            'answer = "b"\n', 'answer = "b"\nshuffle = false\n'
        ),
        encoding="utf-8",
    )
    import_pack(database, sample_pack, now=NOW)
    learner = create_learner(database, "Ada", now=NOW).value.id
    settings = QuizSettings(count=7)
    for seed in range(20):
        quiz = start_quiz(database, learner, settings, seed=seed, now=NOW).value
        [pinned] = [q for q in quiz_questions(database, quiz) if q.question.key == "far-side-first"]
        assert quiz.orders[pinned.id] == ("a", "b", "c")


# --- giving up ------------------------------------------------------------------------


def test_a_quiz_given_up_is_not_resumed_nor_counted_but_its_answers_stay(
    bank: Database, ada: LearnerId
) -> None:
    quiz = start_quiz(bank, ada, QuizSettings(count=5), seed=1, now=NOW).value
    first, second = quiz_questions(bank, quiz)[:2]
    submit_answer(bank, quiz.id, first.id, right_response(first.question.body), 900, now=NOW)
    submit_answer(bank, quiz.id, second.id, _wrong(second.question.body), 900, now=NOW)
    assert unfinished_quiz(bank, ada) is not None  # left for later: offered to resume

    changed = abandon_quiz(bank, quiz.id, now=NOW + timedelta(minutes=2))
    given_up = changed.value
    assert given_up.abandoned
    assert not given_up.finished
    assert given_up.abandoned_at == NOW + timedelta(minutes=2)
    assert len(given_up.answers) == 2
    assert unfinished_quiz(bank, ada) is None
    assert quiz_history(bank, ada) == []
    assert class_results(bank).learners == ()
    progress = learner_progress(bank, ada, NOW)
    assert progress.scores == ()
    assert progress.answers == 2  # what was answered happened, and still counts as practice

    with pytest.raises(QuizError) as refused:
        submit_answer(
            bank, quiz.id, quiz.question_ids[2], right_response(first.question.body), 1, now=NOW
        )
    assert "given up" in str(refused.value)
    assert "放弃" in refused.value.message("zh")
    with pytest.raises(QuizError):
        finish_quiz(bank, quiz.id, now=NOW)
    assert abandon_quiz(bank, quiz.id).value == given_up  # twice: nothing more happens


def test_an_older_unfinished_quiz_is_offered_once_the_newer_is_given_up(
    bank: Database, ada: LearnerId
) -> None:
    older = start_quiz(bank, ada, QuizSettings(count=3), seed=1, now=NOW).value
    newer = start_quiz(bank, ada, QuizSettings(count=3), seed=2, now=NOW + timedelta(1)).value
    abandon_quiz(bank, newer.id)
    offered = unfinished_quiz(bank, ada)
    assert offered is not None
    assert offered.id == older.id


def test_a_finished_quiz_cannot_be_given_up(bank: Database, ada: LearnerId) -> None:
    quiz = start_quiz(bank, ada, QuizSettings(count=3), seed=1, now=NOW).value
    _answer(bank, quiz, set())
    finish_quiz(bank, quiz.id, now=NOW)
    with pytest.raises(QuizError) as refused:
        abandon_quiz(bank, quiz.id)
    assert str(refused.value) == (
        "This quiz is finished, so it cannot be given up; it stays in your history."
    )
    assert refused.value.message("zh") == "这次测验已经完成，不能放弃；它会保留在你的记录中。"
    assert len(quiz_history(bank, ada)) == 1


def _by_key(database: Database, quiz: QuizSession) -> dict[str, tuple[str, ...]]:
    return {
        q.question.key: quiz.orders[q.id]
        for q in quiz_questions(database, quiz)
        if q.id in quiz.orders
    }


def test_a_quiz_given_up_travels_given_up(
    bank: Database, ada: LearnerId, sample_pack: Path, tmp_path: Path
) -> None:
    """Merged into another computer's bank it is not offered to resume there either, and
    its orders come along."""
    quiz = start_quiz(bank, ada, QuizSettings(count=7), seed=1, now=NOW).value
    question = quiz_questions(bank, quiz)[0]
    submit_answer(bank, quiz.id, question.id, right_response(question.question.body), 9, now=NOW)
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        import_pack(other, sample_pack, now=NOW)
        # Merged first while still going on, then again once given up.
        export_results(bank, tmp_path / "a.results", now=NOW)
        merge_results(other, tmp_path / "a.results", now=NOW)
        [theirs] = [learner.id for learner in list_learners(other)]
        going_on = unfinished_quiz(other, theirs)
        assert going_on is not None
        assert _by_key(other, going_on) == _by_key(bank, quiz)
        assert len(_by_key(other, going_on)) == 4

        abandon_quiz(bank, quiz.id, now=NOW + timedelta(minutes=1))
        export_results(bank, tmp_path / "b.results", now=NOW)
        merge_results(other, tmp_path / "b.results", now=NOW)
        assert unfinished_quiz(other, theirs) is None
        assert quiz_history(other, theirs) == []
    finally:
        other.close()


# --- retrying the mistakes ------------------------------------------------------------


def test_a_retry_holds_exactly_this_quizs_mistakes(bank: Database, ada: LearnerId) -> None:
    # An earlier quiz's mistakes are not this quiz's: they stay out of the retry.
    earlier = start_quiz(bank, ada, QuizSettings(count=7), seed=9, now=NOW).value
    _answer(bank, earlier, set(range(7)))
    finish_quiz(bank, earlier.id, now=NOW)

    quiz = start_quiz(bank, ada, QuizSettings(count=7, mode=QuizMode.EXAM), seed=1, now=NOW).value
    quiz = _answer(bank, quiz, {1, 4})
    finish_quiz(bank, quiz.id, now=NOW)
    retry = retry_mistakes(bank, quiz.id, seed=3, now=NOW + timedelta(hours=1)).value
    assert retry.question_ids == (quiz.question_ids[1], quiz.question_ids[4])
    assert retry.learner_id == ada
    assert retry.settings.mode is QuizMode.PRACTICE
    assert retry.settings.retry_of == quiz.id
    assert retry.settings.count == 2
    assert not retry.answers
    assert not retry.finished
    assert set(retry.orders) <= set(retry.question_ids)
    offered = unfinished_quiz(bank, ada)
    assert offered is not None
    assert offered.id == retry.id


def test_one_mistake_makes_a_retry_of_one(bank: Database, ada: LearnerId) -> None:
    quiz = _answer(bank, start_quiz(bank, ada, QuizSettings(count=7), seed=1, now=NOW).value, {6})
    finish_quiz(bank, quiz.id, now=NOW)
    assert retry_mistakes(bank, quiz.id, seed=1).value.question_ids == (quiz.question_ids[6],)


def test_all_wrong_retries_them_all(bank: Database, ada: LearnerId) -> None:
    quiz = start_quiz(bank, ada, QuizSettings(count=7), seed=1, now=NOW).value
    quiz = _answer(bank, quiz, set(range(7)))
    finish_quiz(bank, quiz.id, now=NOW)
    assert retry_mistakes(bank, quiz.id, seed=1).value.question_ids == quiz.question_ids


def test_partial_credit_and_unanswered_questions_of_a_finished_quiz_are_mistakes(
    bank: Database, ada: LearnerId
) -> None:
    quiz = start_quiz(bank, ada, QuizSettings(count=7), seed=1, now=NOW).value
    questions = quiz_questions(bank, quiz)
    multiple = next(q for q in questions if q.question.type.value == "multiple")
    body = multiple.question.body
    right = right_response(body)
    assert isinstance(right, frozenset)
    half = frozenset(list(right)[:1])  # one of the two right choices: half marks
    outcome = submit_answer(bank, quiz.id, multiple.id, half, 900, now=NOW)
    assert 0 < outcome.score < 1
    # an unfinished quiz: only what was answered counts as a mistake
    assert retry_mistakes(bank, quiz.id, seed=1).value.question_ids == (multiple.id,)
    finish_quiz(bank, quiz.id, now=NOW)  # the rest scored 0 in the finished quiz
    assert retry_mistakes(bank, quiz.id, seed=1).value.question_ids == quiz.question_ids


def test_nothing_to_retry_when_all_were_right(bank: Database, ada: LearnerId) -> None:
    quiz = _answer(bank, start_quiz(bank, ada, QuizSettings(count=7), seed=1, now=NOW).value, set())
    finish_quiz(bank, quiz.id, now=NOW)
    with pytest.raises(QuizError) as refused:
        retry_mistakes(bank, quiz.id)
    assert str(refused.value) == "No mistakes in this quiz to retry."
    assert refused.value.message("zh") == "这次测验没有可以重做的错题。"


def test_a_retry_of_a_quiz_given_up_takes_its_answered_mistakes(
    bank: Database, ada: LearnerId
) -> None:
    quiz = start_quiz(bank, ada, QuizSettings(count=7), seed=1, now=NOW).value
    first = quiz_questions(bank, quiz)[0]
    submit_answer(bank, quiz.id, first.id, _wrong(first.question.body), 900, now=NOW)
    abandon_quiz(bank, quiz.id)
    retry = retry_mistakes(bank, quiz.id, seed=1).value
    assert retry.question_ids == (first.id,)


def test_settings_of_older_quizzes_still_read() -> None:
    old = QuizSettings().as_dict()
    assert "retry_of" not in old  # older apps read the settings of new ordinary quizzes
    assert QuizSettings.from_dict(old) == QuizSettings()
    with_retry = QuizSettings(retry_of=QuizSessionId(7)).as_dict()
    assert QuizSettings.from_dict(with_retry).retry_of == 7
