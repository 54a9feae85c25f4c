"""Repository of learners and the answer log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlmodel import Session

from quiz_app.core.errors import QuizError
from quiz_app.core.ids import LearnerId, QuestionId, QuizSessionId
from quiz_app.core.learners import AnswerRecord, Learner, PasswordRecord
from quiz_app.storage.dialects import insert_new
from quiz_app.storage.models import (
    ANSWER,
    LEARNER,
    AnswerRow,
    LearnerPasswordRow,
    LearnerRow,
    new_uid,
)
from quiz_app.storage.models import LEARNER_PASSWORD as PASSWORD


def _learner(row: LearnerRow, has_password: bool = False) -> Learner:
    assert row.id is not None
    return Learner(LearnerId(row.id), row.name, row.colour, row.language, row.uid, has_password)


def add_learner(
    session: Session,
    name: str,
    now: datetime,
    colour: str = "#3b82f6",
    language: str = "en",
    uid: str | None = None,
) -> Learner:
    """A new learner; ``uid`` keeps the one a merged file gives (else a new one)."""
    row = LearnerRow(name=name, colour=colour, language=language, created_at=now)
    if uid is not None:
        row.uid = uid
    values = {c: getattr(row, c) for c in ("name", "colour", "language", "created_at", "uid")}
    # The unique name decides, not an earlier look: two computers adding one name at once
    # on a server get one learner and one clear refusal.
    new_id = insert_new(session, LEARNER, values, ("name",))
    if new_id is None:
        seen = session.execute(select(LEARNER.c.id).where(LEARNER.c.name == name)).first()
        if seen is None:  # taken, yet hidden: a learner of another class on a server
            raise QuizError(
                f"Another class on this classroom server already has a learner called {name}."
                " Add an initial to tell them apart.",
                zh=f"这台课堂服务器上的另一个班级已经有一位叫 {name} 的学习者。"
                "请加上姓氏或首字母以示区分。",
            )
        raise QuizError(
            f"There is already a learner called {name}.", zh=f"已经有一位叫 {name} 的学习者了。"
        )
    row.id = new_id
    return _learner(row)


def append_answer(session: Session, answer: AnswerRecord) -> None:
    """Add a line to the answer log; the log is never updated or deleted from. A second
    answer to a question of one quiz is refused by the bank's own constraint."""
    values = {
        "learner_id": answer.learner_id,
        "question_id": answer.question_id,
        "session_id": answer.session_id,
        "given": answer.given,
        "score": answer.score,
        "time_ms": answer.time_ms,
        "answered_at": answer.answered_at,
        "uid": new_uid(),
    }
    if insert_new(session, ANSWER, values, ("session_id", "question_id")) is None:
        raise QuizError(
            "This question has already been answered in this quiz.",
            zh="这道题在本次测验中已经回答过了。",
        )


def answers_of(session: Session, learner_id: LearnerId) -> list[AnswerRecord]:
    rows = session.scalars(
        select(AnswerRow).where(ANSWER.c.learner_id == learner_id).order_by(ANSWER.c.id)
    )
    return [
        AnswerRecord(
            LearnerId(r.learner_id),
            QuestionId(r.question_id),
            r.given,
            r.score,
            r.time_ms,
            r.answered_at,
            None if r.session_id is None else QuizSessionId(r.session_id),
        )
        for r in rows
    ]


def all_learners(session: Session) -> list[Learner]:
    protected = set(session.scalars(select(PASSWORD.c.learner_id)))
    rows = session.scalars(select(LearnerRow).order_by(LEARNER.c.name))
    return [_learner(r, r.id in protected) for r in rows]


def update_language(session: Session, learner_id: LearnerId, language: str) -> None:
    session.execute(update(LEARNER).where(LEARNER.c.id == learner_id).values(language=language))


def get_learner(session: Session, learner_id: LearnerId) -> Learner | None:
    row = session.get(LearnerRow, learner_id)
    if row is None:
        return None
    return _learner(row, session.get(LearnerPasswordRow, learner_id) is not None)


def password_of(session: Session, learner_id: LearnerId) -> PasswordRecord | None:
    row = session.get(LearnerPasswordRow, learner_id)
    return None if row is None else PasswordRecord(row.hash, row.failures, row.failed_at)


def put_password(session: Session, learner_id: LearnerId, hashed: str | None) -> None:
    """Set a learner's password (its hash), or take it away (None); either way the wrong
    tries counted so far are forgotten."""
    session.execute(delete(PASSWORD).where(PASSWORD.c.learner_id == learner_id))
    if hashed is not None:
        session.execute(insert(PASSWORD), {"learner_id": learner_id, "hash": hashed})


def count_password_try(session: Session, learner_id: LearnerId, when: datetime | None) -> None:
    """One more wrong try at ``when``; None: the right one, the count starts again."""
    failures = 0 if when is None else PASSWORD.c.failures + 1
    session.execute(
        update(PASSWORD)
        .where(PASSWORD.c.learner_id == learner_id)
        .values(failures=failures, failed_at=when)
    )
