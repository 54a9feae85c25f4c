"""A learner's results as they travel between banks (docs/results-file.md).

Row ids differ from one computer to the next, so everything here names a question by
its pack and key, a topic by its pack and key, a learner by name, and a quiz or an
answer by the uid it was given where it happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from quiz_app.core.ids import PackId, QuestionKey, QuizSessionId, TopicKey
from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import QuizMode

QuestionRef = tuple[PackId, QuestionKey]
TopicRef = tuple[PackId, TopicKey]


@dataclass(frozen=True)
class LearnerEntry:
    name: str
    colour: str
    language: str
    uid: str | None = None
    """None in files from before learners had uids: matched by name."""


@dataclass(frozen=True)
class SessionEntry:
    """A quiz: its settings and questions, with topics and questions named by key."""

    uid: str
    learner: str
    mode: QuizMode
    count: int
    pack_ids: tuple[PackId, ...]
    topics: tuple[TopicRef, ...]
    difficulties: tuple[int, ...]
    types: tuple[QuestionType, ...]
    time_limit_s: int | None
    questions: tuple[QuestionRef, ...]
    flagged: tuple[QuestionRef, ...]
    started_at: datetime
    finished_at: datetime | None
    orders: tuple[tuple[str, ...], ...] = ()
    """The order each of ``questions`` showed its choices in (``()`` each when unknown;
    empty for quizzes from before orders were stored)."""
    abandoned_at: datetime | None = None
    """When the learner gave the quiz up."""


@dataclass(frozen=True)
class AnswerEntry:
    """One line of the answer log."""

    uid: str
    session: str | None
    """The uid of the quiz it was given in (None: an answer outside any quiz)."""
    learner: str
    question: QuestionRef
    given: Any
    score: float
    time_ms: int
    answered_at: datetime


@dataclass(frozen=True)
class BankSession:
    """What a merge needs to know of a quiz the bank already holds."""

    id: QuizSessionId
    learner: str
    questions: frozenset[QuestionRef]
    finished: bool
    abandoned: bool = False
