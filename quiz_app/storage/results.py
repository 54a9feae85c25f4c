"""Questions as the teacher knows them, for class results (their sums: ``class_figures``)."""

from __future__ import annotations

import json

from sqlalchemy import case, select
from sqlmodel import Session

from quiz_app.storage.models import QUESTION

_Q = QUESTION.c


def question_labels(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    """question id -> (pack id, question key, with its title after it when it has one)."""
    if not ids:
        return {}
    # Most questions have no title: their content (all of the question) stays in the bank.
    titled = case((_Q.content.like(TITLED), _Q.content), else_=None)
    rows = session.execute(select(_Q.id, _Q.pack_id, _Q.key, titled).where(_Q.id.in_(ids)))
    return {q: (pack, label_of(key, content)) for q, pack, key, content in rows}


TITLED = '%"title"%'
"""Content LIKE this may have a title: only such content need leave the bank."""


def label_of(key: str, content: str | None) -> str:
    """``key — title``: the title is the name the teacher knows it by (e.g. from Moodle)."""
    if content is None:
        return key
    title = json.loads(content).get("title")
    return f"{key} — {title}" if title else key
