"""A learner's study streak (issue 19): today, yesterday, and the gap that ends it."""

from __future__ import annotations

from datetime import date, timedelta

from quiz_app.core.progress import streak

TODAY = date(2026, 12, 3)


def _days(*back: int) -> list[date]:
    return [TODAY - timedelta(days=d) for d in back]


def test_no_study_no_streak() -> None:
    assert streak([], TODAY) == 0


def test_studying_today_alone_is_a_streak_of_one() -> None:
    assert streak(_days(0), TODAY) == 1


def test_a_streak_survives_until_today_is_over() -> None:
    assert streak(_days(1, 2, 3), TODAY) == 3  # not yet studied today


def test_a_missed_day_ends_the_streak() -> None:
    assert streak(_days(2, 3, 4), TODAY) == 0
    assert streak(_days(0, 1, 3, 4), TODAY) == 2


def test_days_studied_twice_count_once_and_order_does_not_matter() -> None:
    assert streak([*_days(2, 0, 1), *_days(0, 1)], TODAY) == 3


def test_a_long_streak() -> None:
    assert streak(_days(*range(400)), TODAY) == 400
