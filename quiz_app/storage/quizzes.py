"""Repository of quiz sessions and the answers given in them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import bindparam, func, insert, select, update
from sqlmodel import Session

from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import LearnerId, QuestionId, QuizSessionId
from quiz_app.core.quiz import GivenAnswer, QuizSession, QuizSettings
from quiz_app.storage.draws import question_conditions
from quiz_app.storage.models import ANSWER, QUESTION, QUIZ_SESSION

_S = QUIZ_SESSION.c
_A = ANSWER.c
_Q = QUESTION.c


def add_session(
    session: Session,
    learner_id: LearnerId,
    settings: QuizSettings,
    question_ids: Sequence[QuestionId],
    now: datetime,
    orders: Mapping[QuestionId, Sequence[str]] | None = None,
) -> QuizSessionId:
    new_id = session.execute(
        insert(QUIZ_SESSION)
        .values(
            learner_id=learner_id,
            mode=settings.mode.value,
            settings=settings.as_dict(),
            question_ids=list(question_ids),
            orders=orders_to_json(orders or {}),
            started_at=now,
        )
        .returning(_S.id)
    ).scalar_one()
    return QuizSessionId(new_id)


def orders_to_json(orders: Mapping[QuestionId, Sequence[str]]) -> dict[str, list[str]]:
    """JSON object keys are text: question ids are written as such."""
    return {str(q): list(order) for q, order in orders.items() if order}


def orders_from_json(data: Mapping[str, Sequence[str]] | None) -> dict[QuestionId, tuple[str, ...]]:
    return {QuestionId(int(q)): tuple(str(i) for i in order) for q, order in (data or {}).items()}


# Built once: a quiz is read (and locked) at every answer, and building a statement costs
# a server about as much as a round trip.
_QUIZ = select(QUIZ_SESSION).where(_S.id == bindparam("quiz"))
_LOCKED_QUIZ = _QUIZ.with_for_update()
_QUIZ_ANSWERS = (
    select(_A.question_id, _A.given, _A.score, _A.time_ms)
    .where(_A.session_id == bindparam("quiz"))
    .order_by(_A.id)
)


def get_session(
    session: Session, session_id: QuizSessionId, *, lock: bool = False
) -> QuizSession | None:
    """The quiz with its answers. ``lock``: hold the quiz until the transaction ends, so
    two computers writing to one quiz at once (the same answer sent twice, a flag and an
    answer) take turns, and each check of the quiz (already answered? finished?) still
    holds when it writes. A row lock on a server; SQLite has one writer at a time already
    (and its SQL has no FOR UPDATE, which SQLAlchemy leaves out)."""
    params = {"quiz": session_id}
    row = session.execute(_LOCKED_QUIZ if lock else _QUIZ, params).one_or_none()
    if row is None:
        return None
    answers = {
        QuestionId(a.question_id): GivenAnswer(
            QuestionId(a.question_id), a.given, a.score, a.time_ms
        )
        for a in session.execute(_QUIZ_ANSWERS, params)
    }
    return QuizSession(
        id=QuizSessionId(row.id),
        learner_id=LearnerId(row.learner_id),
        settings=QuizSettings.from_dict(row.settings),
        question_ids=tuple(QuestionId(q) for q in row.question_ids),
        started_at=row.started_at,
        finished_at=row.finished_at,
        answers=answers,
        flagged=frozenset(QuestionId(q) for q in row.flagged),
        orders=orders_from_json(row.orders),
        abandoned_at=row.abandoned_at,
    )


def latest_unfinished(session: Session, learner_id: LearnerId) -> QuizSessionId | None:
    found = session.execute(
        select(_S.id)
        .where(_S.learner_id == learner_id, _S.finished_at.is_(None), _S.abandoned_at.is_(None))
        .order_by(_S.started_at.desc(), _S.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return None if found is None else QuizSessionId(found)


def mark_finished(session: Session, session_id: QuizSessionId, now: datetime) -> None:
    session.execute(update(QUIZ_SESSION).where(_S.id == session_id).values(finished_at=now))


def mark_abandoned(session: Session, session_id: QuizSessionId, now: datetime) -> None:
    session.execute(update(QUIZ_SESSION).where(_S.id == session_id).values(abandoned_at=now))


def mistaken_question_ids(
    session: Session, learner_id: LearnerId, draw: DrawFilter
) -> list[QuestionId]:
    """Questions whose latest answer by this learner was not fully right.

    Latest by the time it was given, not by row id: answers merged from another
    computer arrive after newer ones given here."""
    ranked = (
        select(
            _A.question_id,
            _A.score,
            func.row_number()
            .over(partition_by=_A.question_id, order_by=(_A.answered_at.desc(), _A.id.desc()))
            .label("recency"),
        )
        .where(_A.learner_id == learner_id)
        .subquery()
    )
    query = (
        select(_Q.id)
        .join(ranked, ranked.c.question_id == _Q.id)
        .where(ranked.c.recency == 1, ranked.c.score < 1.0, question_conditions(draw))
        .order_by(_Q.id)
    )
    return [QuestionId(i) for i in session.scalars(query)]


def finished_session_ids(
    session: Session, learner_id: LearnerId, limit: int
) -> list[QuizSessionId]:
    return [
        QuizSessionId(i)
        for i in session.scalars(
            select(_S.id)
            .where(_S.learner_id == learner_id, _S.finished_at.is_not(None))
            .order_by(_S.finished_at.desc(), _S.id.desc())
            .limit(limit)
        )
    ]


def set_flagged(
    session: Session, session_id: QuizSessionId, flagged: frozenset[QuestionId]
) -> None:
    # A new list, not one edited in place: a JSON column only saves what is assigned.
    session.execute(update(QUIZ_SESSION).where(_S.id == session_id).values(flagged=sorted(flagged)))
