"""The native format's data model, as pydantic models that validate files.

These are input models only (the ``table=True`` models in storage do not validate).
``extra="forbid"`` turns a misspelt field into a reported problem, and ``strict``
keeps ``difficulty = "2"`` from passing as a number. The JSON Schemas in docs/schema/
are generated from these models (``quiz-app packs schema``).
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from quiz_app.core.text import FALLBACK_LANGUAGE, LANGUAGES

Language = Literal["en", "zh"]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters no text should hold (tab, line feed and carriage return may)."""


def refused(en: str, zh: str) -> PydanticCustomError:
    """A value the format refuses, saying why in English and in Chinese (the Chinese
    travels in the error's context, where ``packs.native`` finds it)."""
    return PydanticCustomError("refused", "{en}", {"en": en, "zh": zh})


def _readable(value: str) -> str:
    if not value.strip():
        raise refused(
            "is blank: write the text, or leave the field out", "是空白的：请填写文字，或删去该字段"
        )
    bad = _CONTROL.search(value)
    if bad:
        code, at = f"U+{ord(bad.group()):04X}", bad.start() + 1
        raise refused(
            f"holds a control character ({code}) at position {at}: remove it",
            f"第 {at} 个字符是控制字符（{code}）：请删除它",
        )
    return value


NonEmpty = Annotated[
    str, StringConstraints(min_length=1, max_length=20_000), AfterValidator(_readable)
]
Ident = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
PackIdent = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]

_TEXT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "minLength": 1, "description": "English text"},
        {
            "type": "object",
            "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
            "required": [FALLBACK_LANGUAGE],
            "additionalProperties": False,
            "description": "text per language (en: English, zh: Simplified Chinese)",
        },
    ]
}


def _english_only(value: object) -> object:
    return {FALLBACK_LANGUAGE: value} if isinstance(value, str) else value


def _needs_english(value: dict[str, Any]) -> dict[str, Any]:
    if FALLBACK_LANGUAGE not in value:
        raise refused(
            "needs English text ('en'), the fallback for every learner",
            "需要英文文字（'en'），它是所有学习者的后备语言",
        )
    return value


Text = Annotated[
    dict[Language, NonEmpty],
    BeforeValidator(_english_only),
    AfterValidator(_needs_english),
    WithJsonSchema(_TEXT_SCHEMA),
]

_ACCEPT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
        {
            "type": "object",
            "properties": {
                lang: {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
                for lang in LANGUAGES
            },
            "required": [FALLBACK_LANGUAGE],
            "additionalProperties": False,
        },
    ]
}


def _english_list(value: object) -> object:
    return {FALLBACK_LANGUAGE: value} if isinstance(value, list) else value


Accept = Annotated[
    dict[Language, Annotated[list[NonEmpty], Field(min_length=1)]],
    BeforeValidator(_english_list),
    AfterValidator(_needs_english),
    WithJsonSchema(_ACCEPT_SCHEMA),
]


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise refused("must be a finite number", "必须是有限的数")
    return value


Finite = Annotated[float, AfterValidator(_finite)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Item(Strict):
    """An item to put in order."""

    id: Ident
    text: Text


class Choice(Item):
    """A choice of a single or multiple question."""

    feedback: Text | None = None
    """Shown when the learner picks this choice."""


class Pair(Strict):
    id: Ident
    left: Text
    right: Text


class QuestionBase(Strict):
    id: Ident
    topic: Ident
    difficulty: Annotated[int, Field(ge=1, le=3)]
    prompt: Text
    explanation: Text | None = None
    source: NonEmpty | None = None
    image: NonEmpty | None = None
    image_alt: Text | None = None
    shuffle: bool | None = None
    """False keeps the choices in the written order; absent takes the pack's default."""
    title: Annotated[str, StringConstraints(min_length=1, max_length=255)] | None = None
    """The question's own name (e.g. from Moodle), shown to teachers; the id stays a slug."""
    group: Ident | None = None
    """A group from pack.toml's ``groups``: a quiz never draws two questions of one group."""


Choices = Annotated[list[Choice], Field(min_length=2, max_length=10)]
Items = Annotated[list[Item], Field(min_length=2, max_length=10)]


class SingleQuestion(QuestionBase):
    type: Literal["single"]
    choices: Choices
    answer: Ident


class MultipleQuestion(QuestionBase):
    type: Literal["multiple"]
    choices: Choices
    answers: Annotated[list[Ident], Field(min_length=1)]


class TrueFalseQuestion(QuestionBase):
    type: Literal["true_false"]
    answer: bool


class NumericQuestion(QuestionBase):
    type: Literal["numeric"]
    answer: Finite
    tolerance: Annotated[Finite, Field(ge=0)] = 0.0
    unit: Text | None = None


class ShortTextQuestion(QuestionBase):
    type: Literal["short_text"]
    accept: Accept


class OrderingQuestion(QuestionBase):
    type: Literal["ordering"]
    items: Items


class MatchingQuestion(QuestionBase):
    type: Literal["matching"]
    pairs: Annotated[list[Pair], Field(min_length=2, max_length=10)]


class CardQuestion(QuestionBase):
    """A self-rated card: the prompt is the front, ``back`` the answer the learner checks
    their recall against before rating it."""

    type: Literal["card"]
    back: Text


AnyQuestion = Annotated[
    SingleQuestion
    | MultipleQuestion
    | TrueFalseQuestion
    | NumericQuestion
    | ShortTextQuestion
    | OrderingQuestion
    | MatchingQuestion
    | CardQuestion,
    Field(discriminator="type"),
]


class QuestionFile(Strict):
    """A question file: ``[[questions]]`` tables (TOML) or ``{"questions": [...]}`` (JSON)."""

    questions: list[AnyQuestion]


class TopicEntry(Strict):
    id: Ident
    title: Text


class GroupEntry(Strict):
    """A group of questions that give each other away, so no quiz holds two of them."""

    id: Ident
    note: NonEmpty | None = None
    """Why they are kept apart, for the pack's authors."""


class Manifest(Strict):
    """``pack.toml``."""

    format: Literal[1]
    id: PackIdent
    version: Annotated[
        str, StringConstraints(pattern=r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
    ]
    title: Text
    description: Text | None = None
    author: NonEmpty | None = None
    license: NonEmpty | None = None
    shuffle: bool | None = None
    """The default for the pack's questions: false keeps every question's choices as written."""
    languages: Annotated[list[Language], Field(min_length=1)]
    topics: Annotated[list[TopicEntry], Field(min_length=1)]
    groups: list[GroupEntry] | None = None
    retired: list[Ident] | None = None
    """Question ids once used for other questions, never to be used again."""
