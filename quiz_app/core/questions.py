"""Questions, topics and packs as plain immutable values."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from quiz_app.core.errors import Problem
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.text import LocalizedList, LocalizedText


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    NUMERIC = "numeric"
    SHORT_TEXT = "short_text"
    ORDERING = "ordering"
    MATCHING = "matching"
    CARD = "card"


@dataclass(frozen=True)
class Choice:
    """A choice of a single/multiple question, or an item to put in order."""

    id: str
    text: LocalizedText
    feedback: LocalizedText | None = None
    """Shown when the learner picks this choice (single/multiple only): why it is right or
    what it gets wrong. The question's explanation stays its general feedback."""


@dataclass(frozen=True)
class Pair:
    id: str
    left: LocalizedText
    right: LocalizedText


@dataclass(frozen=True)
class SingleChoice:
    choices: tuple[Choice, ...]
    answer: str


@dataclass(frozen=True)
class MultipleResponse:
    choices: tuple[Choice, ...]
    answers: frozenset[str]


@dataclass(frozen=True)
class TrueFalse:
    answer: bool


@dataclass(frozen=True)
class Numeric:
    answer: float
    tolerance: float = 0.0
    unit: LocalizedText | None = None


@dataclass(frozen=True)
class ShortText:
    accept: LocalizedList


@dataclass(frozen=True)
class Ordering:
    items: tuple[Choice, ...]
    """In the right order."""


@dataclass(frozen=True)
class Matching:
    pairs: tuple[Pair, ...]


@dataclass(frozen=True)
class Card:
    """A self-rated card: the prompt is its front; the learner recalls the answer, shows
    the back, and rates how well they knew it (Again, Hard, Good, Easy)."""

    back: LocalizedText


Body = (
    SingleChoice | MultipleResponse | TrueFalse | Numeric | ShortText | Ordering | Matching | Card
)

BODY_TYPES: Mapping[type[Body], QuestionType] = {
    SingleChoice: QuestionType.SINGLE,
    MultipleResponse: QuestionType.MULTIPLE,
    TrueFalse: QuestionType.TRUE_FALSE,
    Numeric: QuestionType.NUMERIC,
    ShortText: QuestionType.SHORT_TEXT,
    Ordering: QuestionType.ORDERING,
    Matching: QuestionType.MATCHING,
    Card: QuestionType.CARD,
}


@dataclass(frozen=True)
class Question:
    key: QuestionKey
    topic: TopicKey
    difficulty: int
    prompt: LocalizedText
    body: Body
    explanation: LocalizedText | None = None
    source: str | None = None
    image: str | None = None
    image_alt: LocalizedText | None = None
    shuffle: bool = True
    """False pins the choices in the written order (e.g. "all of the above" last);
    ordering and matching are shuffled regardless (see ``core.shuffle``)."""
    title: str | None = None
    """The question's own name where it came from (Moodle's ``<name>``, GIFT's ``::Title::``),
    shown to teachers and written back on export; ``key`` stays a stable slug."""
    group: str | None = None
    """A group declared by the pack: no quiz draws two questions of one group, because
    each gives away another's answer (see ``core.drawing.KeptApart``)."""

    @property
    def type(self) -> QuestionType:
        return BODY_TYPES[type(self.body)]

    @property
    def languages(self) -> frozenset[str]:
        """Languages the question's prompt is written in."""
        return self.prompt.languages


@dataclass(frozen=True)
class Topic:
    key: TopicKey
    title: LocalizedText


_VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


def parse_version(text: str) -> tuple[int, int, int]:
    """``"1.10.0"`` -> ``(1, 10, 0)``; ValueError unless MAJOR.MINOR.PATCH."""
    match = _VERSION.fullmatch(text)
    if match is None:
        raise ValueError(f"version {text!r} is not MAJOR.MINOR.PATCH, e.g. 1.0.0")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def next_minor_version(version: str) -> str:
    """``"1.2.3"`` -> ``"1.3.0"``: the version a changed pack without its own takes."""
    major, minor, _ = parse_version(version)
    return f"{major}.{minor + 1}.0"


@dataclass(frozen=True)
class QuestionGroup:
    """Questions that are never drawn into one quiz (one would give another away)."""

    key: str
    note: str | None = None
    """Why, for the pack's authors (never shown to learners)."""


@dataclass(frozen=True)
class PackInfo:
    """A pack's manifest: everything but its questions and media."""

    id: PackId
    version: str
    title: LocalizedText
    languages: tuple[str, ...]
    topics: tuple[Topic, ...]
    description: LocalizedText | None = None
    author: str | None = None
    license: str | None = None
    shuffle: bool = True
    """The default of the pack's questions that do not say (``shuffle`` in pack.toml)."""
    groups: tuple[QuestionGroup, ...] = ()
    """Groups the pack's questions may name in ``group``."""
    retired: tuple[str, ...] = ()
    """Question ids the pack once used for other questions: never to be used again, so a
    learner's old answers never attach to a new question."""


@dataclass(frozen=True)
class Pack:
    info: PackInfo
    questions: tuple[Question, ...]
    media: Mapping[str, bytes] = field(default_factory=dict)
    """Pack-relative path -> file content."""
    origin: str = "native"
    """``native`` for a pack with a manifest; else the format of the file it was read from
    (``gift``, ``csv`` ...), which has no version of its own."""
    notes: tuple[Problem, ...] = field(default=(), compare=False)
    """What reading the pack from another format changed or left out of a question that
    was still imported (e.g. a GIFT answer worth 50%), for the import preview to show."""
