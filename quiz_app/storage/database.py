"""Opening the bank: engine, migrations (with a backup first), transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.util import CommandError
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from quiz_app.core.errors import StorageError
from quiz_app.storage.engine import create_bank_engine, integrity_problems
from quiz_app.storage.migrate import head_revision, upgrade_bank

__all__ = ["Database", "SchemaState", "head_revision", "open_database", "upgrade_schema"]


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str


class Database:
    """The question bank: hands out sessions, one transaction at a time."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads; whatever happens in it is rolled back."""
        with Session(self.engine) as session:
            try:
                yield session
            finally:
                session.rollback()

    def schema_state(self) -> SchemaState:
        with self.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
        return SchemaState(current, head_revision())

    def integrity_problems(self) -> list[str]:
        with self.engine.connect() as connection:
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
    except (SQLAlchemyError, CommandError) as err:
        engine.dispose()
        reason = getattr(err, "orig", None) or err
        raise StorageError(
            f"cannot open the question bank at {url}: {reason}",
            zh=f"无法打开 {url} 的题库：{reason}",
        ) from err
    return database


def upgrade_schema(database: Database) -> Path | None:
    """Apply pending migrations; returns the backup taken first, if one was needed."""
    return upgrade_bank(database.engine, database.url)
