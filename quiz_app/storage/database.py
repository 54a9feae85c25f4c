"""Opening the bank: engine, migrations (with a backup first), transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from quiz_app.core.errors import StorageError
from quiz_app.storage.engine import (
    backup_sqlite,
    create_bank_engine,
    integrity_problems,
    sqlite_path,
)

MIGRATIONS = Path(__file__).parent / "migrations"


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


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
    except OperationalError as err:
        engine.dispose()
        raise StorageError(f"cannot open the question bank at {url}: {err.orig}") from err
    except StorageError:
        engine.dispose()
        raise
    return database


def _known_revision(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(_alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_schema(database: Database) -> Path | None:
    """Apply pending migrations; returns the backup taken first, if one was needed."""
    state = database.schema_state()
    if state.current == state.head:
        return None
    if state.current is not None and not _known_revision(state.current):
        raise StorageError(
            f"the question bank at {database.url} was made by a newer version of Chang'e "
            f"Quiz (schema {state.current}); update the app to open it"
        )
    with database.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    if state.current is None and tables:
        raise StorageError(
            f"{database.url} already holds tables ({', '.join(sorted(tables))}) that are not "
            "a Chang'e Quiz bank; choose another file with --db"
        )
    backup = None
    path = sqlite_path(database.url)
    if state.current is not None and path is not None and path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = path.with_name(f"{path.name}.before-{state.head}-{stamp}.bak")
        backup_sqlite(path, backup)
    config = _alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup
