"""Repository of spaced-repetition state (the ``schedule`` table)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, exists, func, insert, select
from sqlmodel import Session

from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import LearnerId, QuestionId
from quiz_app.core.review import CardState
from quiz_app.storage.dialects import upsert
from quiz_app.storage.draws import question_conditions
from quiz_app.storage.models import ANSWER, QUESTION, SCHEDULE
from quiz_app.storage.tallies import active_questions_by_topic

_C = SCHEDULE.c
_A = ANSWER.c
_Q = QUESTION.c


def _card(row: Any) -> CardState:
    return CardState(
        row.state, row.step, row.stability, row.difficulty, row.due, row.last_review, row.reviews
    )


def _values(card: CardState) -> dict[str, Any]:
    return {
        "state": card.state,
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": card.due,
        "last_review": card.last_review,
        "reviews": card.reviews,
    }


_CARD = select(SCHEDULE).where(
    _C.learner_id == bindparam("learner"), _C.question_id == bindparam("question")
)
"""Built once: every answer reads its question's schedule."""


def card_state(session: Session, learner: LearnerId, question: QuestionId) -> CardState | None:
    row = session.execute(_CARD, {"learner": learner, "question": question}).one_or_none()
    return None if row is None else _card(row)


def save_card_state(
    session: Session, learner: LearnerId, question: QuestionId, card: CardState
) -> None:
    values = {"learner_id": learner, "question_id": question, **_values(card)}
    upsert(session, SCHEDULE, values, ("learner_id", "question_id"))


def card_states(session: Session, learner: LearnerId) -> dict[QuestionId, CardState]:
    rows = session.execute(select(SCHEDULE).where(_C.learner_id == learner))
    return {QuestionId(r.question_id): _card(r) for r in rows}


def replace_all(
    session: Session,
    learner: LearnerId | None,
    cards: Sequence[tuple[LearnerId, QuestionId, CardState]],
) -> None:
    """Drop the schedules (of one learner, or everyone's) and write ``cards`` instead."""
    query = delete(SCHEDULE)
    if learner is not None:
        query = query.where(_C.learner_id == learner)
    session.execute(query)
    if cards:
        session.execute(
            insert(SCHEDULE),
            [{"learner_id": lr, "question_id": q, **_values(c)} for lr, q, c in cards],
        )


def answers_in_order(
    session: Session, learner: LearnerId | None
) -> Iterator[tuple[LearnerId, QuestionId, float, datetime, int | None]]:
    """The answer log in the order the answers were given, streamed: (learner,
    question, score, when, the rating given to a self-rated card, else None).

    By time, not by row id: answers merged from another computer are written after
    answers given here later. Equal times keep the order they were written in.
    """
    query = (
        select(_A.learner_id, _A.question_id, _A.score, _A.answered_at, _A.given, _Q.type)
        .join(QUESTION, _Q.id == _A.question_id)
        .order_by(_A.answered_at, _A.id)
    )
    if learner is not None:
        query = query.where(_A.learner_id == learner)
    for row in session.execute(query.execution_options(yield_per=10_000)):
        rating = row[4] if row[5] == "card" and isinstance(row[4], int) else None
        yield LearnerId(row[0]), QuestionId(row[1]), float(row[2]), row[3], rating


def first_met_since(session: Session, learner: LearnerId, since: datetime) -> int:
    """How many questions the learner answered for the first time at or after ``since``."""
    firsts = (
        select(_A.question_id)
        .where(_A.learner_id == learner)
        .group_by(_A.question_id)
        .having(func.min(_A.answered_at) >= since)
        .subquery()
    )
    count: int = session.execute(select(func.count()).select_from(firsts)).scalar_one()
    return count


def unseen_count(session: Session, learner: LearnerId) -> int:
    """How many active questions the learner has never answered (no schedule yet)."""
    seen = exists().where(_C.learner_id == learner, _C.question_id == _Q.id)
    count: int = session.execute(
        select(func.count()).select_from(QUESTION).where(_Q.retired.is_(False), ~seen)
    ).scalar_one()
    return count


def _filtered(query: Any, draw: DrawFilter) -> Any:
    return query.where(question_conditions(draw))


def due_question_ids(
    session: Session, learner: LearnerId, now: datetime, draw: DrawFilter, limit: int
) -> list[QuestionId]:
    """Questions due by ``now``, most overdue first."""
    query = (
        select(_C.question_id)
        .join(QUESTION, _Q.id == _C.question_id)
        .where(_C.learner_id == learner, _C.due <= now)
        .order_by(_C.due, _C.question_id)
        .limit(limit)
    )
    return [QuestionId(i) for i in session.scalars(_filtered(query, draw))]


def unscheduled(
    session: Session, learner: LearnerId, ids: Sequence[QuestionId]
) -> list[QuestionId]:
    """Those of ``ids`` the learner has never answered, in the order given."""
    if not ids:
        return []
    seen = set(
        session.scalars(
            select(_C.question_id).where(_C.learner_id == learner, _C.question_id.in_(ids))
        )
    )
    return [i for i in ids if i not in seen]


def next_due(session: Session, learner: LearnerId) -> datetime | None:
    found: datetime | None = session.execute(
        select(func.min(_C.due)).where(_C.learner_id == learner)
    ).scalar_one()
    return found


def has_answers_without_schedules(session: Session) -> bool:
    return bool(
        session.execute(select(exists().where(_A.id.is_not(None)))).scalar()
        and not session.execute(select(exists().where(_C.learner_id.is_not(None)))).scalar()
    )


def due_count(session: Session, learner: LearnerId, now: datetime) -> int:
    count: int = session.execute(
        select(func.count())
        .select_from(SCHEDULE)
        .join(QUESTION, _Q.id == _C.question_id)
        .where(_C.learner_id == learner, _C.due <= now, _Q.retired.is_(False))
    ).scalar_one()
    return count


def cards_by_topic(
    session: Session, learner: LearnerId
) -> tuple[dict[int, list[tuple[QuestionId, CardState]]], dict[int, int]]:
    """The learner's cards grouped by topic (active questions only), and every topic's
    number of active questions."""
    rows = session.execute(
        select(_Q.topic_id, SCHEDULE)
        .join(QUESTION, _Q.id == _C.question_id)
        .where(_C.learner_id == learner, _Q.retired.is_(False))
    )
    cards: dict[int, list[tuple[QuestionId, CardState]]] = {}
    for row in rows:
        cards.setdefault(row.topic_id, []).append((QuestionId(row.question_id), _card(row)))
    return cards, active_questions_by_topic(session)  # kept counts: no count of the bank
