"""Cards in core (grading, the response log, serializing) and "when it comes back"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from quiz_app.core.grading import ResponseMismatchError, grade, right_response
from quiz_app.core.questions import Card, QuestionType
from quiz_app.core.responses import response_from_json, response_json_fits, response_to_json
from quiz_app.core.review import Rating, card_score, comes_back, day_start, rating_for
from quiz_app.core.serialize import body_from_dict, body_to_dict
from quiz_app.core.text import LocalizedText

CARD = Card(LocalizedText.of({"en": "Queqiao", "zh": "鹊桥"}))
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_a_cards_score_is_its_rating() -> None:
    assert [grade(CARD, r) for r in Rating] == [0.0, 0.5, 1.0, 1.0]
    assert grade(CARD, right_response(CARD)) == 1.0
    # the score maps back to the rating for all but Easy (the log keeps the rating)
    assert [rating_for(card_score(r)) for r in Rating] == [
        Rating.AGAIN,
        Rating.HARD,
        Rating.GOOD,
        Rating.GOOD,
    ]


@pytest.mark.parametrize("response", [0, 5, True, "3", 3.0, None])
def test_anything_but_a_rating_cannot_answer_a_card(response: object) -> None:
    with pytest.raises(ResponseMismatchError):
        grade(CARD, response)  # type: ignore[arg-type]


def test_a_rating_travels_through_the_answer_log_as_a_number() -> None:
    for rating in Rating:
        data = response_to_json(rating)
        assert data == int(rating)
        assert type(data) is int
        assert response_json_fits(QuestionType.CARD, data)
        assert response_from_json(QuestionType.CARD, data) is rating
    for bad in (0, 5, True, "3", 2.5, None, [3]):
        assert not response_json_fits(QuestionType.CARD, bad)


def test_a_card_serializes_with_its_back_in_every_language() -> None:
    assert body_to_dict(CARD) == {"back": {"en": "Queqiao", "zh": "鹊桥"}}
    assert body_from_dict(QuestionType.CARD, body_to_dict(CARD)) == CARD


@pytest.mark.parametrize(
    ("after", "en", "zh"),
    [
        (timedelta(seconds=0), "now", "现在"),
        (timedelta(seconds=-5), "now", "现在"),
        (timedelta(seconds=1), "in 1 minute", "1分钟后"),
        (timedelta(seconds=89), "in 1 minute", "1分钟后"),
        (timedelta(seconds=91), "in 2 minutes", "2分钟后"),
        (timedelta(minutes=10), "in 10 minutes", "10分钟后"),
        (timedelta(minutes=59), "in 59 minutes", "59分钟后"),
        (timedelta(minutes=59, seconds=31), "in 1 hour", "1小时后"),
        (timedelta(minutes=89), "in 1 hour", "1小时后"),
        (timedelta(minutes=91), "in 2 hours", "2小时后"),
        (timedelta(hours=23), "in 23 hours", "23小时后"),
        (timedelta(hours=23, minutes=31), "tomorrow", "明天"),
        (timedelta(days=1), "tomorrow", "明天"),
        (timedelta(days=1, hours=11), "tomorrow", "明天"),
        (timedelta(days=1, hours=13), "in 2 days", "2天后"),
        (timedelta(days=3), "in 3 days", "3天后"),
        (timedelta(days=30), "in 30 days", "30天后"),
        (timedelta(days=31), "in 1 month", "1个月后"),
        (timedelta(days=45), "in 1 month", "1个月后"),
        (timedelta(days=46), "in 2 months", "2个月后"),
        (timedelta(days=334), "in 11 months", "11个月后"),
        (timedelta(days=350), "in 11 months", "11个月后"),
        (timedelta(days=351), "in 1 year", "1年后"),
        (timedelta(days=365), "in 1 year", "1年后"),
        (timedelta(days=700), "in 2 years", "2年后"),
    ],
)
def test_when_a_question_comes_back_is_said_as_a_person_says_it(
    after: timedelta, en: str, zh: str
) -> None:
    assert comes_back(NOW, NOW + after, "en") == en
    assert comes_back(NOW, NOW + after, "zh") == zh
    assert comes_back(NOW, NOW + after, "fr") == en  # English is the fallback


def test_the_day_starts_at_midnight_in_the_clocks_own_zone() -> None:
    from datetime import timezone

    beijing = timezone(timedelta(hours=8))
    late = datetime(2026, 11, 25, 0, 30, tzinfo=beijing)  # 16:30 UTC on the 24th
    assert day_start(late) == datetime(2026, 11, 25, tzinfo=beijing)
    assert day_start(late.astimezone(UTC)) == datetime(2026, 11, 24, tzinfo=UTC)


@pytest.mark.parametrize(
    ("later", "en", "zh"),
    [
        (timedelta(minutes=90), "in 2 hours", "2小时后"),  # an hour and a half rounds up
        (timedelta(hours=36), "in 2 days", "2天后"),  # a day and a half rounds up
        (timedelta(days=548), "in 2 years", "2年后"),  # a year and a half rounds up
    ],
)
def test_half_way_rounds_to_the_next_whole_unit(later: timedelta, en: str, zh: str) -> None:
    now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    assert comes_back(now, now + later, "en") == en
    assert comes_back(now, now + later, "zh") == zh


def test_a_day_starts_at_midnight_to_the_microsecond() -> None:
    beijing = timezone(timedelta(hours=8))
    late = datetime(2026, 12, 3, 23, 59, 59, 999_999, tzinfo=beijing)
    assert day_start(late) == datetime(2026, 12, 3, tzinfo=beijing)
