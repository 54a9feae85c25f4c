"""Learner operations."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from quiz_app.core.changes import Changed, Changes
from quiz_app.core.errors import QuizError
from quiz_app.core.ids import LearnerId
from quiz_app.core.learners import Learner
from quiz_app.core.pin import hash_password, needs_rehash, seconds_to_wait, verify_secret
from quiz_app.core.text import LANGUAGES
from quiz_app.storage import Database, Session
from quiz_app.storage import learners as repo


def create_learner(
    database: Database,
    name: str,
    *,
    colour: str = "#3b82f6",
    language: str = "en",
    password: str | None = None,
    now: datetime | None = None,
) -> Changed[Learner]:
    """A new learner; with a ``password``, chosen on this computer only with it."""
    name = " ".join(name.split())
    if not name:
        raise QuizError("A learner needs a name.", zh="学习者需要一个名字。")
    hashed = None if password is None else hash_password(password)  # slow: before writing

    def work(session: Session) -> Learner:
        learner = repo.add_learner(session, name, now or datetime.now(UTC), colour, language)
        if hashed is None:
            return learner
        repo.put_password(session, learner.id, hashed)
        return replace(learner, has_password=True)

    return Changed(database.write(work), Changes.LEARNERS)


class WrongPasswordError(QuizError):
    """The password given is not the learner's."""


class PasswordWaitError(WrongPasswordError):
    """Too many wrong passwords in a row: none is heard until the wait is over."""

    def __init__(self, seconds: int) -> None:
        super().__init__(
            f"Too many wrong passwords: try again in {seconds} s.",
            zh=f"密码错误次数过多：请在 {seconds} 秒后再试。",
        )
        self.seconds = seconds


def check_password(
    database: Database, learner_id: LearnerId, password: str, now: datetime | None = None
) -> None:
    """Raise WrongPasswordError unless ``password`` is the learner's (or they have none).

    Wrong tries slow the next ones down as wrong teacher PINs do (``core.pin``), counted
    in the bank; the right password starts the count again.
    """
    when = now or datetime.now(UTC)
    with database.reading() as session:
        record = repo.password_of(session, learner_id)
    if record is None:
        return
    if record.failed_at is not None:
        wait = seconds_to_wait(record.failures, (when - record.failed_at).total_seconds())
        if wait:
            raise PasswordWaitError(wait)
    right = verify_secret(password, record.hash)  # slow on purpose: outside any transaction
    fresh = hash_password(password) if right and needs_rehash(record.hash) else None
    if right and fresh is not None:
        database.write(lambda session: repo.put_password(session, learner_id, fresh))
    elif right and record.failures:
        database.write(lambda session: repo.count_password_try(session, learner_id, None))
    elif not right:
        database.write(lambda session: repo.count_password_try(session, learner_id, when))
        raise WrongPasswordError("That is not this learner's password.", zh="密码不正确。")


def set_password(
    database: Database, learner_id: LearnerId, new: str | None, current: str | None = None
) -> Changes:
    """Set, change or (``new`` None) remove a learner's own password: the current one
    is needed when there is one. A teacher who has unlocked teacher mode uses
    ``clear_password`` for a forgotten one."""
    hashed = None if new is None else hash_password(new)
    with database.reading() as session:
        protected = repo.password_of(session, learner_id) is not None
    if protected:
        check_password(database, learner_id, current or "")  # may make the hash again
    with database.reading() as session:
        before = repo.password_of(session, learner_id)

    def work(session: Session) -> None:
        stored = repo.password_of(session, learner_id)
        if (stored and stored.hash) != (before and before.hash):  # changed meanwhile
            raise WrongPasswordError(
                "The password was changed meanwhile; nothing was set.",
                zh="密码刚被改过；没有做任何更改。",
            )
        repo.put_password(session, learner_id, hashed)

    database.write(work)
    return Changes.LEARNERS


def clear_password(database: Database, learner_id: LearnerId) -> Changes:
    """The teacher takes a learner's password away (one forgotten): the caller has
    checked the teacher PIN."""
    database.write(lambda session: repo.put_password(session, learner_id, None))
    return Changes.LEARNERS


def list_learners(database: Database) -> list[Learner]:
    with database.reading() as session:
        return repo.all_learners(session)


def set_learner_language(database: Database, learner_id: LearnerId, language: str) -> Changes:
    """Remember the learner's language for the interface and the questions."""
    if language not in LANGUAGES:
        raise QuizError(f"unknown language {language!r}", zh=f"未知的语言 {language!r}")
    database.write(lambda session: repo.update_language(session, learner_id, language))
    return Changes.LEARNERS


def get_learner(database: Database, learner_id: LearnerId) -> Learner | None:
    with database.reading() as session:
        return repo.get_learner(session, learner_id)
