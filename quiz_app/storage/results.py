"""What class results need from the bank: finished quizzes with their answers."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from quiz_app.storage.models import ANSWER, LEARNER, QUESTION, QUIZ_SESSION

_S, _A, _Q, _L = QUIZ_SESSION.c, ANSWER.c, QUESTION.c, LEARNER.c


def finished_quizzes(session: Session) -> list[dict[str, Any]]:
    """Every finished quiz: learner, question ids, and (question -> score, time_ms)."""
    answers: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)
    for session_id, question_id, score, time_ms in session.execute(
        select(_A.session_id, _A.question_id, _A.score, _A.time_ms)
        .join(QUIZ_SESSION, _S.id == _A.session_id)
        .where(_S.finished_at.is_not(None))
    ):
        answers[session_id][question_id] = (float(score), int(time_ms))
    return [
        {
            "id": row.id,
            "learner_id": row.learner_id,
            "learner": row.name,
            "question_ids": list(row.question_ids),
            "answers": answers.get(row.id, {}),
        }
        for row in session.execute(
            select(_S.id, _S.learner_id, _L.name, _S.question_ids)
            .join(LEARNER, _L.id == _S.learner_id)
            .where(_S.finished_at.is_not(None))
            .order_by(_S.id)
        )
    ]


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
