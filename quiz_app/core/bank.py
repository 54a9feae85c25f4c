"""Read models of the question bank: what repositories hand back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from quiz_app.core.ids import PackId, QuestionId, TopicId
from quiz_app.core.questions import Question, QuestionType
from quiz_app.core.text import LocalizedText


@dataclass(frozen=True)
class StoredQuestion:
    """A question as the bank holds it: its row id, its pack, and the question itself."""

    id: QuestionId
    pack_id: PackId
    question: Question


@dataclass(frozen=True)
class TopicSummary:
    id: TopicId
    key: str
    title: LocalizedText
    question_count: int


@dataclass(frozen=True)
class PackSummary:
    id: PackId
    version: str
    title: LocalizedText
    languages: tuple[str, ...]
    imported_at: datetime
    question_count: int
    retired_count: int
    topics: tuple[TopicSummary, ...]
    by_type: Mapping[str, int]
    by_difficulty: Mapping[int, int]
    by_language: Mapping[str, int]


@dataclass(frozen=True)
class DrawFilter:
    """Which questions a quiz may draw from; an empty field means "any"."""

    pack_ids: tuple[PackId, ...] = ()
    topic_ids: tuple[TopicId, ...] = ()
    difficulties: frozenset[int] = field(default_factory=frozenset)
    types: frozenset[QuestionType] = field(default_factory=frozenset)
