"""The quiz's clock at its edges (issue 19): exams without limits, limits outside exams,
the moment between a skip and the next question."""

from __future__ import annotations

from datetime import UTC, datetime

from quiz_app.core.ids import LearnerId, QuestionId, QuizSessionId
from quiz_app.core.quiz import QuizMode, QuizSession, QuizSettings
from quiz_app.core.quiz_run import QuizRun

Q1, Q2 = QuestionId(1), QuestionId(2)


def _quiz(mode: QuizMode, limit_s: int | None) -> QuizSession:
    return QuizSession(
        QuizSessionId(1),
        LearnerId(1),
        QuizSettings(mode, count=2, time_limit_s=limit_s),
        (Q1, Q2),
        datetime(2026, 12, 1, tzinfo=UTC),
    )


def test_an_exam_without_a_limit_has_no_time_left_to_show() -> None:
    quiz = _quiz(QuizMode.EXAM, None)
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    assert run.remaining_ms(quiz, 30.0) is None


def test_a_time_limit_counts_only_in_an_exam() -> None:
    for mode in (QuizMode.PRACTICE, QuizMode.REVIEW, QuizMode.MISTAKES):
        quiz = _quiz(mode, 60)
        run = QuizRun.start(quiz)
        run.next_question(quiz, 0.0)
        assert run.remaining_ms(quiz, 30.0) is None


def test_between_a_skip_and_the_next_question_the_skipped_time_counts_once() -> None:
    quiz = _quiz(QuizMode.EXAM, 60)
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    assert run.skip(5.0)
    assert run.remaining_ms(quiz, 7.0) == 55_000  # the clock stopped at the skip
    assert run.next_question(quiz, 7.0) == Q2
    assert run.remaining_ms(quiz, 9.0) == 53_000


def test_resuming_is_not_paused() -> None:
    quiz = _quiz(QuizMode.PRACTICE, None)
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    run.pause(1.0)
    run.resume(2.0)
    assert run.paused is False
    assert run.elapsed_ms(3.0) == 2_000
