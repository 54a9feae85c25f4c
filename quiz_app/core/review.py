"""From an answer to a spaced-repetition rating (documented in docs/progress.md).

The mapping uses the score only:

- fully right (score 1)             -> Good
- partly right (0.5 <= score < 1)   -> Hard: remembered, with effort or gaps
- otherwise                         -> Again: forgotten

Answer time is not used: reading time grows with the length of the prompt and the
number of choices, so a slow answer is not a sign of weak memory, and "Easy" is left to
the scheduler's growing intervals rather than guessed from a stopwatch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum


class Rating(IntEnum):
    """The four FSRS ratings, with FSRS's own numbers."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


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
