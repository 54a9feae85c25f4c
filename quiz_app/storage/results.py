"""Questions as the teacher knows them, for class results (their sums: ``class_figures``)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlmodel import Session

from quiz_app.storage.models import QUESTION

_Q = QUESTION.c


def question_labels(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    """question id -> (pack id, question key, with its title after it when it has one)."""
    if not ids:
        return {}
    rows = session.execute(select(_Q.id, _Q.pack_id, _Q.key, _Q.content).where(_Q.id.in_(ids)))
    return {row.id: (row.pack_id, _label(row.key, row.content)) for row in rows}


def _label(key: str, content: str) -> str:
    """``key — title``: the title is the name the teacher knows it by (e.g. from Moodle)."""
    if '"title"' not in content:  # most questions: no JSON to parse
        return key
    title = json.loads(content).get("title")
    return f"{key} — {title}" if title else key
