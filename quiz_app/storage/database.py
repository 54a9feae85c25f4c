"""Opening the bank: engine, migrations (with a backup first), transactions."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlmodel import Session

from quiz_app.core.errors import StorageError
from quiz_app.storage import retry as retrying
from quiz_app.storage.engine import create_bank_engine, integrity_problems, shown_url, writing
from quiz_app.storage.errors import BankBusyError, storage_error
from quiz_app.storage.migrate import head_revision, stored_revision, upgrade_bank
from quiz_app.storage.retry import RetryPolicy
from quiz_app.storage.server import is_class_computer

T = TypeVar("T")

__all__ = ["Database", "SchemaState", "head_revision", "open_database", "upgrade_schema"]


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str


class Database:
    """The question bank: hands out sessions, one transaction at a time.

    Services write through ``write(work)``: ``work(session)`` runs in one transaction,
    committed when it returns, rolled back whole when it raises. Many processes may
    share one SQLite bank (two learners, a teacher importing a pack), and SQLite lets
    one of them write at a time, so:

    - a write transaction begins IMMEDIATE (engine.py): it takes the write lock before
      its first read, and SQLite itself waits for the lock up to the busy timeout. (A
      deferred transaction that read first and then wanted to write would fail at once,
      whatever the timeout: the failure the issue measured.) Reads stay deferred, and in
      WAL mode they never wait for a writer.
    - when the bank is still busy after that (a writer kept it for longer than the busy
      timeout, or PostgreSQL reports a serialization failure or a deadlock, which only
      running the transaction again can cure), ``work`` is run again from the start after
      a jittered, growing pause, a few times, within ``retry.patience_s`` in all; then
      the BankBusyError reaches the person. So ``work`` must only touch the session:
      everything slow that needs no lock (parsing, hashing) belongs before ``write``.
    - every other database failure (full disk, read-only or damaged file, lost server)
      becomes a StorageError in the person's language, never a traceback; bugs (an
      IntegrityError, wrong SQL) are not dressed up and reach the crash handler.
    """

    def __init__(self, url: str, engine: Engine, retry: RetryPolicy | None = None) -> None:
        self.url = url
        self.engine = engine
        self.retry = retry or retrying.WRITE_RETRY
        self._writer = writing(engine)
        self._class_computer: bool | None = None

    @property
    def class_computer(self) -> bool:
        """True on a classroom server's bank reached with a class's role: it may not
        change packs or see the teacher PIN (teacher tools are on the teacher's computer)."""
        if self._class_computer is None:
            with self.plain_errors(), self.engine.connect() as connection:
                self._class_computer = is_class_computer(connection)
        return self._class_computer

    def write(self, work: Callable[[Session], T], *, dry_run: bool = False) -> T:
        """``work(session)`` in one write transaction, run again while the bank is busy.

        With ``dry_run`` the transaction is rolled back instead of committed: ``work``
        may write to see what would happen, and nothing stays.
        """
        policy = self.retry
        give_up_at = policy.clock() + policy.patience_s
        attempt = 0
        while True:
            attempt += 1
            try:
                with self._write_transaction(commit=not dry_run) as session:
                    return work(session)
            except BankBusyError:
                pause = policy.pause(attempt)
                if attempt >= policy.attempts or policy.clock() + pause > give_up_at:
                    raise
                policy.sleep(pause)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one write transaction: committed on success, rolled back on any
        error. Not run again when the bank is busy: services use ``write``."""
        with self._write_transaction(commit=True) as session:
            yield session

    @contextmanager
    def _write_transaction(self, *, commit: bool) -> Iterator[Session]:
        with (
            self.plain_errors(),
            Session(self._writer, expire_on_commit=False) as session,
            session.begin() as transaction,
        ):
            yield session
            if not commit:
                transaction.rollback()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads; whatever happens in it is rolled back."""
        with self.plain_errors(), Session(self.engine) as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def plain_errors(self) -> Iterator[None]:
        """Database failures as StorageError; bugs as they are."""
        try:
            yield
        except DBAPIError as err:
            translated = storage_error(err, self.url)
            if translated is None:
                raise
            raise translated from err

    def schema_state(self) -> SchemaState:
        with self.plain_errors(), self.engine.connect() as connection:
            current = stored_revision(connection)
        return SchemaState(current, head_revision())

    def integrity_problems(self) -> list[str]:
        with self.plain_errors(), self.engine.connect() as connection:
            return integrity_problems(connection)

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Connect to the bank at ``url`` and bring its schema up to date."""
    engine = create_bank_engine(url)
    database = Database(url, engine)
    try:
        if migrate:
            upgrade_schema(database)
    except StorageError:
        engine.dispose()
        raise
    except Exception as err:
        if not isinstance(err, (SQLAlchemyError, *_alembic_errors())):
            raise
        engine.dispose()
        if isinstance(err, DBAPIError) and (translated := storage_error(err, url)) is not None:
            raise translated from err  # a busy, damaged, read-only ... bank, said plainly
        reason = getattr(err, "orig", None) or err
        where = shown_url(url)
        raise StorageError(
            f"cannot open the question bank at {where}: {reason}",
            zh=f"无法打开 {where} 的题库：{reason}",
        ) from err
    return database


def _alembic_errors() -> tuple[type[Exception], ...]:
    """Alembic's own error, if Alembic was imported (only a migration imports it)."""
    util = sys.modules.get("alembic.util")
    return (util.CommandError,) if util is not None else ()


def upgrade_schema(database: Database, *, server_upgrade: bool = False) -> Path | None:
    """Apply pending migrations; returns the backup taken first, if one was needed.
    A server's bank is migrated only when ``server_upgrade`` (the teacher's command)."""
    return upgrade_bank(database.engine, database.url, server_upgrade=server_upgrade)
