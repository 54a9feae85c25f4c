"""Questions to and from plain dicts in the shape of the native pack format.

The same dicts are what the bank stores as JSON, what ``packs show --json`` prints and
what an export writes, so one canonical form serves them all (and the content hash).
Input is assumed valid: files are validated in ``quiz_app.packs`` before they get here.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.questions import (
    Body,
    Card,
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    PackInfo,
    Pair,
    Question,
    QuestionGroup,
    QuestionType,
    ShortText,
    SingleChoice,
    Topic,
    TrueFalse,
)
from quiz_app.core.text import LocalizedList, LocalizedText

JsonDict = dict[str, Any]


def _choices(choices: tuple[Choice, ...]) -> list[JsonDict]:
    out = []
    for choice in choices:
        item: JsonDict = {"id": choice.id, "text": choice.text.as_dict()}
        if choice.feedback is not None:  # left out when absent: older hashes stay
            item["feedback"] = choice.feedback.as_dict()
        out.append(item)
    return out


def _choices_from(data: list[JsonDict]) -> tuple[Choice, ...]:
    return tuple(
        Choice(c["id"], LocalizedText.of(c["text"]), _optional_text(c.get("feedback")))
        for c in data
    )


def body_to_dict(body: Body) -> JsonDict:
    """The type-specific fields of a question."""
    match body:
        case SingleChoice(choices, answer):
            return {"choices": _choices(choices), "answer": answer}
        case MultipleResponse(choices, answers):
            wanted = [c.id for c in choices if c.id in answers]
            return {"choices": _choices(choices), "answers": wanted}
        case TrueFalse(answer):
            return {"answer": answer}
        case Numeric(answer, tolerance, unit):
            out: JsonDict = {"answer": answer, "tolerance": tolerance}
            if unit is not None:
                out["unit"] = unit.as_dict()
            return out
        case ShortText(accept):
            return {"accept": accept.as_dict()}
        case Ordering(items):
            return {"items": _choices(items)}
        case Matching(pairs):
            return {
                "pairs": [
                    {"id": p.id, "left": p.left.as_dict(), "right": p.right.as_dict()}
                    for p in pairs
                ]
            }
        case Card(back):
            return {"back": back.as_dict()}
    raise TypeError(f"unknown question body {body!r}")  # pragma: no cover


def body_from_dict(kind: QuestionType, data: JsonDict) -> Body:
    match kind:
        case QuestionType.SINGLE:
            return SingleChoice(_choices_from(data["choices"]), data["answer"])
        case QuestionType.MULTIPLE:
            return MultipleResponse(_choices_from(data["choices"]), frozenset(data["answers"]))
        case QuestionType.TRUE_FALSE:
            return TrueFalse(bool(data["answer"]))
        case QuestionType.NUMERIC:
            unit = data.get("unit")
            return Numeric(
                float(data["answer"]),
                float(data.get("tolerance", 0.0)),
                None if unit is None else LocalizedText.of(unit),
            )
        case QuestionType.SHORT_TEXT:
            return ShortText(LocalizedList.of(data["accept"]))
        case QuestionType.ORDERING:
            return Ordering(_choices_from(data["items"]))
        case QuestionType.MATCHING:
            return Matching(
                tuple(
                    Pair(p["id"], LocalizedText.of(p["left"]), LocalizedText.of(p["right"]))
                    for p in data["pairs"]
                )
            )
        case QuestionType.CARD:
            return Card(LocalizedText.of(data["back"]))
    raise ValueError(f"unknown question type {kind!r}")  # pragma: no cover


def _optional_text(value: JsonDict | str | None) -> LocalizedText | None:
    return None if value is None else LocalizedText.of(value)


def question_to_dict(question: Question) -> JsonDict:
    """A question in the native format's shape (optional fields left out when empty)."""
    out: JsonDict = {
        "id": question.key,
        "type": question.type.value,
        "topic": question.topic,
        "difficulty": question.difficulty,
        "prompt": question.prompt.as_dict(),
        **body_to_dict(question.body),
    }
    if question.explanation is not None:
        out["explanation"] = question.explanation.as_dict()
    if question.source is not None:
        out["source"] = question.source
    if question.image is not None:
        out["image"] = question.image
    if question.image_alt is not None:
        out["image_alt"] = question.image_alt.as_dict()
    if not question.shuffle:  # left out when true, so older questions keep their hash
        out["shuffle"] = False
    if question.title is not None:
        out["title"] = question.title
    if question.group is not None:  # left out when none, so older questions keep their hash
        out["group"] = question.group
    return out


def question_from_dict(data: JsonDict) -> Question:
    kind = QuestionType(data["type"])
    return Question(
        key=QuestionKey(data["id"]),
        topic=TopicKey(data["topic"]),
        difficulty=int(data["difficulty"]),
        prompt=LocalizedText.of(data["prompt"]),
        body=body_from_dict(kind, data),
        explanation=_optional_text(data.get("explanation")),
        source=data.get("source"),
        image=data.get("image"),
        image_alt=_optional_text(data.get("image_alt")),
        shuffle=bool(data.get("shuffle", True)),
        title=data.get("title"),
        group=data.get("group"),
    )


def pack_info_to_dict(info: PackInfo) -> JsonDict:
    out: JsonDict = {
        "format": 1,
        "id": info.id,
        "version": info.version,
        "title": info.title.as_dict(),
    }
    if info.description is not None:
        out["description"] = info.description.as_dict()
    if info.author is not None:
        out["author"] = info.author
    if info.license is not None:
        out["license"] = info.license
    if not info.shuffle:
        out["shuffle"] = False
    out["languages"] = list(info.languages)
    out["topics"] = [{"id": t.key, "title": t.title.as_dict()} for t in info.topics]
    # Left out when empty, so the fingerprint of a pack without them stays as it was.
    if info.groups:
        out["groups"] = [
            {"id": g.key} | ({"note": g.note} if g.note is not None else {}) for g in info.groups
        ]
    if info.retired:
        out["retired"] = list(info.retired)
    return out


def pack_info_from_dict(data: JsonDict) -> PackInfo:
    return PackInfo(
        id=PackId(data["id"]),
        version=data["version"],
        title=LocalizedText.of(data["title"]),
        languages=tuple(data["languages"]),
        topics=tuple(
            Topic(TopicKey(t["id"]), LocalizedText.of(t["title"])) for t in data["topics"]
        ),
        description=_optional_text(data.get("description")),
        author=data.get("author"),
        license=data.get("license"),
        shuffle=bool(data.get("shuffle", True)),
        groups=tuple(QuestionGroup(g["id"], g.get("note")) for g in data.get("groups") or ()),
        retired=tuple(data.get("retired") or ()),
    )


def canonical_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


_QUESTION_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def question_json(question: Question) -> str:
    """A question's canonical JSON text. ``question_to_dict`` builds keys in a fixed
    order (and text tables sorted by language), so no key sorting is needed."""
    return _QUESTION_ENCODER.encode(question_to_dict(question))
