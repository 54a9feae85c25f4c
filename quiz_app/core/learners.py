"""Learners and the answers they give."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from quiz_app.core.ids import LearnerId, QuestionId, QuizSessionId


@dataclass(frozen=True)
class Learner:
    id: LearnerId
    name: str
    colour: str
    language: str
    uid: str = ""
    """The same on every bank the learner's results are merged into: two learners of
    one name on two computers stay two learners."""
    has_password: bool = False
    """Chosen on a shared computer only with their password (or by the teacher)."""


@dataclass(frozen=True)
class PasswordRecord:
    """A learner's password as the bank keeps it: a salted hash, and the wrong tries in a
    row with when the last was given."""

    hash: str
    failures: int = 0
    failed_at: datetime | None = None


@dataclass(frozen=True)
class AnswerRecord:
    """One line of the append-only answer log."""

    learner_id: LearnerId
    question_id: QuestionId
    given: Any
    """The response as JSON-able data."""
    score: float
    time_ms: int
    answered_at: datetime
    session_id: QuizSessionId | None = None
