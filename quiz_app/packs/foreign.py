"""Turning questions read from another format into a pack the bank can import.

A foreign file has no manifest: the pack takes its id and title from the file name, one
topic, English as its language, and difficulty 2. Question ids come from a hash of the
question's text, so an edited file re-imported keeps the ids of questions it did not
change (and learners' answers stay linked to them).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from quiz_app.core.errors import Message, PackError, PartialPackError, Problem
from quiz_app.core.ids import QuestionKey, TopicKey
from quiz_app.core.questions import Body, Pack, Question
from quiz_app.core.serialize import question_to_dict
from quiz_app.core.text import LocalizedText
from quiz_app.packs.files import PackFiles
from quiz_app.packs.messages import NO_QUESTIONS
from quiz_app.packs.native import parse_pack

TOPIC = TopicKey("imported")
DEFAULT_DIFFICULTY = 2


def pack_id_for(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:64]
    return slug or "imported"


@dataclass(frozen=True)
class TextExport:
    """A pack written in another tool's format, and what that format could not hold."""

    text: str
    left_out: tuple[tuple[QuestionKey, Message], ...] = ()
    """(question, why) for each question left out, in English and Chinese."""
    notes: tuple[tuple[QuestionKey, Message], ...] = ()
    """(question, how) for each question written as something near it, e.g. a
    self-rated card as an essay."""


_NATIVE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def slug(text: str, length: int = 60) -> str:
    """``Français: Mondphasen`` -> ``francais-mondphasen``: ASCII letters and digits
    joined by ``-`` (accents dropped, other scripts left out); empty if nothing is left."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:length].strip("-")


def unique_slug(title: str, taken: set[str]) -> str:
    """A topic id made from its title, not one of ``taken``: "Chang'e-4" -> "chang-e-4"."""
    base = slug(title) or "imported"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def name_key(name: str, taken: set[str]) -> QuestionKey | None:
    """A question id from its name in another tool, not one of ``taken`` (then added):
    the name itself when it is a valid id (this app's own exports), else a readable slug
    (``Q1 Far side`` -> ``q1-far-side``, a second one ``q1-far-side-2``); None when the
    name leaves nothing (``月球``), for the caller to fall back on a hash of the text."""
    name = name.strip()
    if _NATIVE_ID.fullmatch(name) and name not in taken:
        taken.add(name)
        return QuestionKey(name)
    base = slug(name)
    if not base:
        return None
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return QuestionKey(key)


def question_key(prefix: str, text: str, taken: set[str]) -> QuestionKey:
    digest = hashlib.sha256(text.encode()).hexdigest()[:10]
    key, n = f"{prefix}-{digest}", 2
    while key in taken:  # the same text twice in one file
        key, n = f"{prefix}-{digest}-{n}", n + 1
    taken.add(key)
    return QuestionKey(key)


def foreign_pack(
    path: Path,
    prefix: str,
    questions: Sequence[tuple[int | None, str, Body]],
    skipped: Sequence[Problem] = (),
) -> Pack:
    """A pack of (line, prompt, body) read from ``path``: one topic, English, checked.
    With ``skipped`` (questions that could not be read) the rest is offered to the
    teacher (PartialPackError)."""
    taken: set[str] = set()
    entries = [
        Entry(
            line,
            question_to_dict(
                Question(
                    key=question_key(prefix, prompt, taken),
                    topic=TOPIC,
                    difficulty=DEFAULT_DIFFICULTY,
                    prompt=LocalizedText.of(prompt),
                    body=body,
                )
            ),
        )
        for line, prompt, body in questions
    ]
    return checked_pack(
        path, entries, {path.stem: TOPIC}, origin=prefix, skipped=skipped, partial=bool(skipped)
    )


@dataclass(frozen=True)
class Entry:
    """A question read from another format, in the native format's shape."""

    line: int | None
    """Where the question starts in the file it came from."""
    question: dict[str, Any]


def checked_pack(
    path: Path,
    entries: Sequence[Entry],
    topics: Mapping[str, str],
    *,
    origin: str,
    media: Mapping[str, bytes] | None = None,
    skipped: Sequence[Problem] = (),
    notes: Sequence[Problem] = (),
    partial: bool = False,
) -> Pack:
    """The pack made of ``entries``, checked by the very validator of native packs.

    ``topics`` maps each topic's title to its id. Each problem is reported at the line
    its question came from. ``skipped`` are questions the reader could not make sense of.
    Unless ``partial``, any problem raises PackError and nothing is imported. With
    ``partial`` the questions that pass make the pack, carried by a PartialPackError
    next to every problem, for the teacher to accept or not.
    """
    label = str(path)
    languages = ["en"]
    if any("zh" in (e.question.get("prompt") or {}) for e in entries):
        languages.append("zh")
    manifest = {
        "format": 1,
        "id": pack_id_for(path),
        "version": "1.0.0",
        "title": path.stem,
        "languages": languages,
        "topics": [{"id": key, "title": title} for title, key in topics.items()],
    }

    def parse(chosen: Sequence[Entry]) -> Pack:
        # questions.json holds question i on line i + 2, so a problem's line says which.
        body = (
            '{"questions": [\n'
            + ",\n".join(json.dumps(e.question, ensure_ascii=False) for e in chosen)
            + "\n]}\n"
        )
        files = {"pack.toml": tomli_w.dumps(manifest).encode(), "questions.json": body.encode()}
        files.update(media or {})
        return parse_pack(PackFiles(label, files))

    def at_line(problem: Problem, chosen: Sequence[Entry]) -> int | None:
        index = (problem.line or 0) - 2
        return index if 0 <= index < len(chosen) and problem.file.endswith(".json") else None

    problems = list(skipped)
    try:
        pack = parse(entries) if entries else None
    except PackError as err:
        bad = {at_line(p, entries) for p in err.problems}
        problems += [
            Problem(
                label,
                None if (i := at_line(p, entries)) is None else entries[i].line,
                p.message,
                p.question,
                zh=p.zh,
            )
            for p in err.problems
        ]
        if not partial or None in bad:
            raise PackError(sorted(problems, key=_order)) from err
        kept = [e for i, e in enumerate(entries) if i not in bad]
        pack = parse(kept) if kept else None
    if pack is None:
        raise PackError(sorted(problems, key=_order) or [Problem.of(label, None, NO_QUESTIONS)])
    kept_keys = {q.key for q in pack.questions}
    # Images named in the texts (Markdown ``![alt](media/x.png)``) travel with the pack
    # as the question's own image does; only those a kept question names.
    texts = "\n".join(
        json.dumps(e.question, ensure_ascii=False) for e in entries if e.question["id"] in kept_keys
    )
    inline = {name: data for name, data in (media or {}).items() if f"]({name})" in texts}
    pack = Pack(
        pack.info,
        pack.questions,
        {**inline, **pack.media},
        origin,
        tuple(n for n in notes if n.question is None or n.question in kept_keys),
    )
    if problems:
        if not partial:
            raise PackError(sorted(problems, key=_order))
        raise PartialPackError(sorted(problems, key=_order), pack)
    return pack


def _order(problem: Problem) -> tuple[int, str]:
    return problem.line or 0, problem.message
