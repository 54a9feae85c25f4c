"""A learner's progress figures, as plain values (computed in storage by aggregate SQL)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class QuizScore:
    finished_at: datetime
    score: float


@dataclass(frozen=True)
class TopicAccuracy:
    topic_id: int
    answers: int
    mean_score: float


@dataclass(frozen=True)
class Progress:
    scores: tuple[QuizScore, ...]
    """Finished quizzes, oldest first."""
    accuracy: tuple[TopicAccuracy, ...]
    due_per_day: tuple[tuple[date, int], ...]
    """The next 30 days, today first; questions already overdue count for today."""
    minutes_per_day: tuple[tuple[date, float], ...]
    """The last 30 days, oldest first."""
    study_days: tuple[date, ...]
    streak: int
    answers: int


def streak(days: Sequence[date], today: date) -> int:
    """Consecutive study days ending today (or yesterday, so a streak survives until the
    learner has had the chance to study today)."""
    studied = set(days)
    day = today if today in studied else today - timedelta(days=1)
    count = 0
    while day in studied:
        count += 1
        day -= timedelta(days=1)
    return count
