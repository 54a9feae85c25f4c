"""Quiz settings as the bank stores them, and a session's progress (issue 19)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import LearnerId, PackId, QuestionId, QuizSessionId, TopicId
from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import GivenAnswer, QuizMode, QuizSession, QuizSettings

EXAM = QuizSettings(
    mode=QuizMode.EXAM,
    count=20,
    pack_ids=(PackId("change-missions"), PackId("lunar-science")),
    topic_ids=(TopicId(3), TopicId(1)),
    difficulties=frozenset({3, 1}),
    types=frozenset({QuestionType.SINGLE, QuestionType.NUMERIC}),
    time_limit_s=900,
    new_per_day=15,
)
STORED_EXAM = {
    "mode": "exam",
    "count": 20,
    "pack_ids": ["change-missions", "lunar-science"],
    "topic_ids": [3, 1],
    "difficulties": [1, 3],
    "types": ["numeric", "single"],
    "time_limit_s": 900,
    "new_per_day": 15,
}
STARTED = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def test_settings_are_stored_as_plain_sorted_values() -> None:
    assert EXAM.as_dict() == STORED_EXAM


def test_stored_settings_read_back_as_they_were() -> None:
    assert QuizSettings.from_dict(STORED_EXAM) == EXAM
    retry = QuizSettings(mode=QuizMode.MISTAKES, retry_of=QuizSessionId(7))
    assert retry.as_dict()["retry_of"] == 7
    assert QuizSettings.from_dict(retry.as_dict()) == retry


def test_a_quiz_that_retries_nothing_stores_no_retry_of() -> None:
    assert "retry_of" not in QuizSettings().as_dict()


def test_settings_stored_before_retries_and_daily_rations_still_read() -> None:
    older = {k: v for k, v in STORED_EXAM.items() if k != "new_per_day"}
    settings = QuizSettings.from_dict(older)
    assert settings.new_per_day is None
    assert settings.retry_of is None
    assert settings.time_limit_s == 900


def test_the_default_quiz_is_ten_questions_of_practice_from_anything() -> None:
    assert QuizSettings().as_dict() == {
        "mode": "practice",
        "count": 10,
        "pack_ids": [],
        "topic_ids": [],
        "difficulties": [],
        "types": [],
        "time_limit_s": None,
        "new_per_day": None,
    }


def test_the_draw_filter_is_the_settings_choice_of_questions() -> None:
    assert EXAM.draw_filter() == DrawFilter(
        (PackId("change-missions"), PackId("lunar-science")),
        (TopicId(3), TopicId(1)),
        frozenset({1, 3}),
        frozenset({QuestionType.SINGLE, QuestionType.NUMERIC}),
    )


def _session(answers: dict[int, float], questions: int = 4, **kw: object) -> QuizSession:
    return QuizSession(
        QuizSessionId(1),
        LearnerId(1),
        QuizSettings(),
        tuple(QuestionId(q) for q in range(1, questions + 1)),
        STARTED,
        answers={
            QuestionId(q): GivenAnswer(QuestionId(q), "a", score, 1_500 * q)
            for q, score in answers.items()
        },
        **kw,  # type: ignore[arg-type]
    )


def test_an_unanswered_question_counts_as_zero_in_the_score() -> None:
    assert _session({1: 1.0, 2: 0.5}).score == pytest.approx(1.5 / 4)


def test_a_quiz_of_no_questions_scores_zero() -> None:
    assert _session({}, questions=0).score == 0.0


def test_the_time_is_the_sum_of_the_answers_times() -> None:
    assert _session({1: 1.0, 3: 0.0}).time_ms == 1_500 + 4_500
    assert _session({}).time_ms == 0


def test_a_resumed_quiz_carries_on_at_the_first_unanswered_question() -> None:
    assert _session({1: 1.0, 3: 1.0}).next_question == 2
    assert _session({}).next_question == 1
    assert _session({1: 1.0, 2: 1.0, 3: 1.0, 4: 0.0}).next_question is None


def test_finished_and_abandoned_follow_their_times() -> None:
    fresh = _session({})
    assert not fresh.finished
    assert not fresh.abandoned
    assert _session({}, finished_at=STARTED).finished
    assert _session({}, abandoned_at=STARTED).abandoned
    assert not _session({}, abandoned_at=STARTED).finished
