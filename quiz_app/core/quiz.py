"""Quiz sessions: settings, progress and results, as plain values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import LearnerId, PackId, QuestionId, QuizSessionId, TopicId
from quiz_app.core.questions import QuestionType


class QuizMode(StrEnum):
    PRACTICE = "practice"
    """Feedback after each answer."""
    EXAM = "exam"
    """A time limit, no feedback until the end."""
    MISTAKES = "mistakes"
    """Only questions this learner got wrong the last time they met them."""
    REVIEW = "review"
    """Spaced repetition: the questions due now, most overdue first, then a few new."""


@dataclass(frozen=True)
class QuizSettings:
    mode: QuizMode = QuizMode.PRACTICE
    count: int = 10
    pack_ids: tuple[PackId, ...] = ()
    topic_ids: tuple[TopicId, ...] = ()
    difficulties: frozenset[int] = field(default_factory=frozenset)
    types: frozenset[QuestionType] = field(default_factory=frozenset)
    time_limit_s: int | None = None
    retry_of: QuizSessionId | None = None
    """The quiz whose mistakes this one retries (``services.quiz.retry_mistakes``)."""
    new_per_day: int | None = None
    """A review's daily ration of never-seen questions (None: the default, 20)."""

    def draw_filter(self) -> DrawFilter:
        return DrawFilter(self.pack_ids, self.topic_ids, self.difficulties, self.types)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "mode": self.mode.value,
            "count": self.count,
            "pack_ids": list(self.pack_ids),
            "topic_ids": list(self.topic_ids),
            "difficulties": sorted(self.difficulties),
            "types": sorted(t.value for t in self.types),
            "time_limit_s": self.time_limit_s,
            "new_per_day": self.new_per_day,
        }
        if self.retry_of is not None:  # absent otherwise: older readers ignore nothing new
            out["retry_of"] = self.retry_of
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QuizSettings:
        return cls(
            mode=QuizMode(data["mode"]),
            count=int(data["count"]),
            pack_ids=tuple(PackId(p) for p in data["pack_ids"]),
            topic_ids=tuple(TopicId(t) for t in data["topic_ids"]),
            difficulties=frozenset(data["difficulties"]),
            types=frozenset(QuestionType(t) for t in data["types"]),
            time_limit_s=data.get("time_limit_s"),
            retry_of=None if data.get("retry_of") is None else QuizSessionId(data["retry_of"]),
            new_per_day=data.get("new_per_day"),  # absent in quizzes stored before it
        )


@dataclass(frozen=True)
class GivenAnswer:
    question_id: QuestionId
    given: Any
    score: float
    time_ms: int


@dataclass(frozen=True)
class QuizSession:
    id: QuizSessionId
    learner_id: LearnerId
    settings: QuizSettings
    question_ids: tuple[QuestionId, ...]
    started_at: datetime
    finished_at: datetime | None = None
    answers: Mapping[QuestionId, GivenAnswer] = field(default_factory=dict)
    flagged: frozenset[QuestionId] = frozenset()
    """Questions the learner marked to look at again."""
    orders: Mapping[QuestionId, tuple[str, ...]] = field(default_factory=dict)
    """The order each question shows its choices, items or partners in (see
    ``core.shuffle``), drawn when the quiz started; empty for quizzes older than that."""
    abandoned_at: datetime | None = None
    """When the learner gave the quiz up: not finished, and no longer offered to resume."""

    @property
    def next_question(self) -> QuestionId | None:
        """The first question not answered yet: where a resumed quiz carries on."""
        return next((q for q in self.question_ids if q not in self.answers), None)

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def abandoned(self) -> bool:
        return self.abandoned_at is not None

    @property
    def score(self) -> float:
        """Mean score over all the quiz's questions; an unanswered one counts as 0."""
        if not self.question_ids:
            return 0.0
        return sum(a.score for a in self.answers.values()) / len(self.question_ids)

    @property
    def time_ms(self) -> int:
        return sum(a.time_ms for a in self.answers.values())
