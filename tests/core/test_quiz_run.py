"""The quiz's run state: order, skips, feedback and time, with the clock as an argument."""

from __future__ import annotations

from datetime import UTC, datetime

from quiz_app.core.ids import LearnerId, QuestionId, QuizSessionId
from quiz_app.core.quiz import GivenAnswer, QuizMode, QuizSession, QuizSettings
from quiz_app.core.quiz_run import QuizRun

Q1, Q2, Q3 = QuestionId(1), QuestionId(2), QuestionId(3)


def _quiz(
    ids: tuple[QuestionId, ...] = (Q1, Q2, Q3),
    answered: dict[QuestionId, int] | None = None,
    *,
    limit_s: int | None = None,
) -> QuizSession:
    mode = QuizMode.EXAM if limit_s is not None else QuizMode.PRACTICE
    answers = {q: GivenAnswer(q, True, 1.0, ms) for q, ms in (answered or {}).items()}
    return QuizSession(
        QuizSessionId(1),
        LearnerId(1),
        QuizSettings(mode, count=len(ids), time_limit_s=limit_s),
        ids,
        datetime(2026, 12, 1, tzinfo=UTC),
        answers=answers,
    )


def test_questions_come_in_the_quiz_order_skipping_answered_ones() -> None:
    quiz = _quiz(answered={Q1: 500})
    run = QuizRun.start(quiz)
    assert run.next_question(quiz, 0.0) == Q2


def test_no_question_left_ends_the_quiz() -> None:
    quiz = _quiz((Q1,), {Q1: 100})
    run = QuizRun.start(quiz)
    assert run.next_question(quiz, 0.0) is None
    assert not run.answering
    assert run.elapsed_ms(5.0) == 0


def test_a_one_question_quiz_cannot_skip_past_itself() -> None:
    quiz = _quiz((Q1,))
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    assert run.skip(1.0)
    assert run.next_question(quiz, 1.0) == Q1
    assert run.elapsed_ms(1.5) == 1500  # its first second was kept


def test_a_skipped_question_comes_back_after_the_others() -> None:
    quiz = _quiz()
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    run.skip(2.0)
    assert run.order == [Q2, Q3, Q1]
    assert run.next_question(quiz, 2.0) == Q2


def test_two_questions_skipped_in_turn_swap_places() -> None:
    quiz = _quiz((Q1, Q2))
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    run.skip(1.0)
    assert run.next_question(quiz, 1.0) == Q2
    run.skip(3.0)
    assert run.next_question(quiz, 3.0) == Q1
    assert run.order == [Q1, Q2]
    assert run.banked_ms == {Q2: 2000}


def test_no_skip_while_paused_or_after_answering() -> None:
    quiz = _quiz()
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    run.pause(1.0)
    assert not run.skip(1.0)
    run.resume(2.0)
    run.answered(1.0, 3.0)
    assert not run.skip(3.0)
    assert run.order == [Q1, Q2, Q3]


def test_answering_measures_the_time_on_the_question_without_pauses() -> None:
    quiz = _quiz()
    run = QuizRun.start(quiz)
    run.next_question(quiz, 10.0)
    run.pause(12.0)
    run.resume(100.0)
    assert run.answered(0.5, 101.0) == 3000
    assert run.feedback == 0.5
    assert not run.answering
    assert run.elapsed_ms(200.0) == 3000  # the clock stopped with the answer


def test_pausing_twice_or_resuming_twice_changes_nothing() -> None:
    quiz = _quiz()
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    run.pause(1.0)
    run.pause(5.0)
    run.resume(10.0)
    run.resume(20.0)
    assert run.elapsed_ms(11.0) == 2000


def test_the_clock_does_not_start_again_on_feedback() -> None:
    quiz = _quiz()
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    run.answered(1.0, 1.0)
    run.start_clock(2.0)
    assert run.elapsed_ms(9.0) == 1000


def test_the_next_question_starts_from_zero() -> None:
    quiz = _quiz()
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    run.answered(1.0, 4.0)
    answered = _quiz(answered={Q1: 4000})
    assert run.next_question(answered, 6.0) == Q2
    assert run.feedback is None
    assert run.elapsed_ms(6.5) == 500


def test_practice_has_no_time_limit() -> None:
    quiz = _quiz()
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    assert run.remaining_ms(quiz, 100.0) is None


def test_an_exam_counts_answered_skipped_and_current_time() -> None:
    quiz = _quiz(answered={Q1: 10_000}, limit_s=60)
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)  # Q2
    run.skip(5.0)
    run.next_question(quiz, 5.0)  # Q3
    assert run.remaining_ms(quiz, 8.0) == 60_000 - 10_000 - 5_000 - 3_000


def test_an_exam_reaches_zero_and_stays_there() -> None:
    quiz = _quiz(limit_s=2)
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    assert run.remaining_ms(quiz, 1.999) == 1
    assert run.remaining_ms(quiz, 2.0) == 0
    assert run.remaining_ms(quiz, 50.0) == 0


def test_a_paused_exam_does_not_lose_time() -> None:
    quiz = _quiz(limit_s=60)
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    run.pause(10.0)
    assert run.remaining_ms(quiz, 1000.0) == 50_000


def test_time_during_feedback_is_not_counted() -> None:
    quiz = _quiz(limit_s=60)
    run = QuizRun.start(quiz)
    run.next_question(quiz, 0.0)
    run.answered(1.0, 10.0)
    answered = _quiz(answered={Q1: 10_000}, limit_s=60)
    assert run.remaining_ms(answered, 30.0) == 50_000
