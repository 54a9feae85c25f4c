"""What an operation changed, so each screen redraws only what it shows.

Every writing service returns its result with a ``changes`` value (Anki's OpChanges):
the GUI passes it to one signal, and a screen redraws, once and when it is visible, only
if a flag it depends on is set.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Flag, auto
from typing import Generic, TypeVar

T = TypeVar("T")


class Changes(Flag):
    """Kinds of data an operation may have changed."""

    NONE = 0
    PACKS = auto()
    """Packs, topics, questions or media: what can be drawn."""
    LEARNERS = auto()
    """Learners: who they are, their colour and language."""
    QUIZZES = auto()
    """Quiz sessions: started, flagged, finished."""
    ANSWERS = auto()
    """The answer log: scores, history, class results."""
    SCHEDULES = auto()
    """Spaced-repetition schedules: what is due, mastery."""
    SETTINGS = auto()
    """Bank or app settings (the teacher PIN, theme, text size ...)."""
    EVERYTHING = PACKS | LEARNERS | QUIZZES | ANSWERS | SCHEDULES | SETTINGS
    """A whole bank replaced (restored from a backup)."""


@dataclass(frozen=True)
class Changed(Generic[T]):
    """What a writing operation made (a quiz, a learner ...), and what it changed."""

    value: T
    changes: Changes
