"""From an answer to a spaced-repetition rating (documented in docs/progress.md).

The mapping uses the score only:

- fully right (score 1)             -> Good
- partly right (0.5 <= score < 1)   -> Hard: remembered, with effort or gaps
- otherwise                         -> Again: forgotten

Answer time is not used: reading time grows with the length of the prompt and the
number of choices, so a slow answer is not a sign of weak memory, and "Easy" is left to
the scheduler's growing intervals rather than guessed from a stopwatch.

A self-rated card is the exception: the learner's own rating goes to the scheduler as it
is, and ``card_score`` turns it into the score results show (see there).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from quiz_app.core.text import LocalizedText


class Rating(IntEnum):
    """The four FSRS ratings, with FSRS's own numbers."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


RATING_NAMES: Mapping[Rating, LocalizedText] = {
    Rating.AGAIN: LocalizedText.of({"en": "Again", "zh": "忘记了"}),
    Rating.HARD: LocalizedText.of({"en": "Hard", "zh": "困难"}),
    Rating.GOOD: LocalizedText.of({"en": "Good", "zh": "记得"}),
    Rating.EASY: LocalizedText.of({"en": "Easy", "zh": "简单"}),
}

_CARD_SCORES: Mapping[Rating, float] = {
    Rating.AGAIN: 0.0,
    Rating.HARD: 0.5,
    Rating.GOOD: 1.0,
    Rating.EASY: 1.0,
}


def card_score(rating: Rating) -> float:
    """The score a self-rated card counts for in results: Again 0, Hard 0.5, Good and
    Easy 1.

    Results answer "did the learner know it?". Again is "I had forgotten", so 0; Good and
    Easy both mean the answer was recalled, and how easily is the scheduler's business,
    not a mark above full; Hard is "recalled, with effort or gaps", the same half mark a
    partly right answer gets, so that ``rating_for(card_score(r)) == r`` for every rating
    but Easy (the log keeps the rating itself, for replaying schedules exactly).
    """
    return _CARD_SCORES[rating]


def rating_for(score: float) -> Rating:
    if score >= 1.0:
        return Rating.GOOD
    if score >= 0.5:
        return Rating.HARD
    return Rating.AGAIN


@dataclass(frozen=True)
class CardState:
    """What the scheduler knows about one learner and one question."""

    state: int
    """FSRS's state: 1 learning, 2 review, 3 relearning."""
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reviews: int = 0


_UNITS = {
    "minute": ("in 1 minute", "in {n} minutes", "{n}分钟后"),
    "hour": ("in 1 hour", "in {n} hours", "{n}小时后"),
    "day": ("tomorrow", "in {n} days", "{n}天后"),
    "month": ("in 1 month", "in {n} months", "{n}个月后"),
    "year": ("in 1 year", "in {n} years", "{n}年后"),
}
_DAYS_PER_MONTH = 365.25 / 12


def comes_back(now: datetime, due: datetime, language: str) -> str:
    """When a question comes back, as a person says it: "in 10 minutes", "tomorrow",
    "in 3 days", "in 2 months" / "10分钟后", "明天", "3天后", "2个月后".

    The interval is rounded to the nearest whole unit, and the unit is the largest that
    still counts at least one: under an hour in minutes (at least 1), under a day in
    hours, under 31 days in days (one day is "tomorrow"), under a year in months, then
    years. Something already due comes back "now".
    """
    seconds = (due - now).total_seconds()
    if seconds <= 0:
        return "现在" if language == "zh" else "now"
    minutes = max(1, round(seconds / 60))
    hours = round(seconds / 3600)
    days = round(seconds / 86400)
    if minutes < 60:
        unit, n = "minute", minutes
    elif hours < 24:
        unit, n = "hour", hours
    elif days < 31:
        unit, n = "day", days
    elif round(days / _DAYS_PER_MONTH) < 12:
        unit, n = "month", round(days / _DAYS_PER_MONTH)
    else:
        unit, n = "year", max(1, round(days / 365.25))
    one, many, zh = _UNITS[unit]
    if language == "zh":
        return "明天" if unit == "day" and n == 1 else zh.format(n=n)
    return one if n == 1 else many.format(n=n)


def day_start(now: datetime) -> datetime:
    """Midnight at the start of ``now``'s calendar day, in ``now``'s own time zone.

    The learner's day for the daily limit of new questions: the caller passes its local
    time (``datetime.now().astimezone()``), so a day starts at the learner's midnight,
    not at UTC midnight (08:00 in Beijing).
    """
    return now.replace(hour=0, minute=0, second=0, microsecond=0)
