"""The results file's format: its lines as pydantic models, and as they are written.

docs/results-file.md describes it. These are input models only, strict and with
``extra="forbid"``, so a misspelt field or a number in quotes is a reported problem.
Reading a whole file, and what its lines must agree on, is results_file's business.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

from quiz_app.core.exchange import AnswerEntry, LearnerEntry, QuestionRef, SessionEntry
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import QuizMode
from quiz_app.packs.schema import Language

FORMAT = "change-quiz-results"
VERSION = 1
MAX_BYTES = 64 * 1024 * 1024

_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
# fsrs adds intervals of up to a century to these times; keep them far from datetime.max.
_LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def _in_range(value: datetime) -> datetime:
    try:
        value = value.astimezone(UTC)
    except OverflowError:
        raise ValueError("is out of range") from None
    if not _EARLIEST <= value < _LATEST:
        raise ValueError("must lie between the years 1970 and 2199")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


When = Annotated[AwareDatetime, AfterValidator(_in_range)]
Uid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=80), AfterValidator(_not_blank)]
Key = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Ref = tuple[Key, Key]
Count = Annotated[int, Field(ge=0, le=2**31 - 1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Header(_Strict):
    format: Literal["change-quiz-results"]
    version: Literal[1]
    exported_at: When
    app: Annotated[str, StringConstraints(max_length=64)]


class LearnerLine(_Strict):
    kind: Literal["learner"]
    name: Name
    colour: Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
    language: Language
    uid: Uid | None = None
    """Absent in files written before learners had one."""


class SettingsLine(_Strict):
    count: Count
    packs: list[Key]
    topics: list[Ref]
    difficulties: list[Annotated[int, Field(ge=1, le=3)]]
    types: list[QuestionType]
    time_limit_s: Count | None


class SessionLine(_Strict):
    kind: Literal["session"]
    uid: Uid
    learner: Name
    mode: QuizMode
    settings: SettingsLine
    questions: Annotated[list[Ref], Field(min_length=1)]
    flagged: list[Ref]
    started_at: When
    finished_at: When | None
    orders: list[list[Key]] | None = None
    """Optional: the order each question showed its choices in, one list per question."""
    abandoned_at: When | None = None
    """Optional: when the learner gave the quiz up."""

    @model_validator(mode="after")
    def _one_order_per_question(self) -> SessionLine:
        if self.orders is not None and len(self.orders) != len(self.questions):
            raise ValueError("orders must have one list per question")
        return self


class AnswerLine(_Strict):
    kind: Literal["answer"]
    uid: Uid
    session: Uid | None
    learner: Name
    pack: Key
    question: Key
    given: JsonValue
    score: Annotated[float, Field(ge=0.0, le=1.0)]
    time_ms: Annotated[int, Field(ge=0, le=2**53)]
    answered_at: When


KINDS: dict[str, type[LearnerLine | SessionLine | AnswerLine]] = {
    "learner": LearnerLine,
    "session": SessionLine,
    "answer": AnswerLine,
}


ANY_LINE: TypeAdapter[LearnerLine | SessionLine | AnswerLine] = TypeAdapter(
    Annotated[LearnerLine | SessionLine | AnswerLine, Field(discriminator="kind")]
)


def _ref(value: tuple[str, str]) -> QuestionRef:
    return PackId(value[0]), QuestionKey(value[1])


def learner_entry(line: LearnerLine) -> LearnerEntry:
    return LearnerEntry(line.name, line.colour, line.language, line.uid)


def session_entry(line: SessionLine) -> SessionEntry:
    settings = line.settings
    return SessionEntry(
        uid=line.uid,
        learner=line.learner,
        mode=line.mode,
        count=settings.count,
        pack_ids=tuple(PackId(p) for p in settings.packs),
        topics=tuple((PackId(p), TopicKey(t)) for p, t in settings.topics),
        difficulties=tuple(settings.difficulties),
        types=tuple(settings.types),
        time_limit_s=settings.time_limit_s,
        questions=tuple(_ref(q) for q in line.questions),
        flagged=tuple(_ref(q) for q in line.flagged),
        started_at=line.started_at,
        finished_at=line.finished_at,
        orders=tuple(tuple(order) for order in line.orders or ()),
        abandoned_at=line.abandoned_at,
    )


def answer_entry(line: AnswerLine) -> AnswerEntry:
    return AnswerEntry(
        uid=line.uid,
        session=line.session,
        learner=line.learner,
        question=(PackId(line.pack), QuestionKey(line.question)),
        given=line.given,
        score=line.score,
        time_ms=line.time_ms,
        answered_at=line.answered_at,
    )


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def header_record(exported_at: datetime, app: str) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "exported_at": _when(exported_at), "app": app}


def learner_record(entry: LearnerEntry) -> dict[str, Any]:
    return {
        "kind": "learner",
        "name": entry.name,
        "colour": entry.colour,
        "language": entry.language,
        **({"uid": entry.uid} if entry.uid else {}),
    }


def session_record(entry: SessionEntry) -> dict[str, Any]:
    record = {
        "kind": "session",
        "uid": entry.uid,
        "learner": entry.learner,
        "mode": entry.mode.value,
        "settings": {
            "count": entry.count,
            "packs": list(entry.pack_ids),
            "topics": [list(t) for t in entry.topics],
            "difficulties": list(entry.difficulties),
            "types": [t.value for t in entry.types],
            "time_limit_s": entry.time_limit_s,
        },
        "questions": [list(q) for q in entry.questions],
        "flagged": [list(q) for q in entry.flagged],
        "started_at": _when(entry.started_at),
        "finished_at": _when(entry.finished_at),
    }
    # Written only when there is something to say, so files of quizzes without them
    # stay readable by apps from before these fields.
    if any(entry.orders):
        record["orders"] = [list(order) for order in entry.orders]
    if entry.abandoned_at is not None:
        record["abandoned_at"] = _when(entry.abandoned_at)
    return record


def answer_record(entry: AnswerEntry) -> dict[str, Any]:
    return {
        "kind": "answer",
        "uid": entry.uid,
        "session": entry.session,
        "learner": entry.learner,
        "pack": entry.question[0],
        "question": entry.question[1],
        "given": entry.given,
        "score": entry.score,
        "time_ms": entry.time_ms,
        "answered_at": _when(entry.answered_at),
    }


def dump_line(record: dict[str, Any]) -> str:
    """One line of the file, newline included."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
