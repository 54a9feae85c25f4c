"""Opening and checking the question bank."""

from __future__ import annotations

from dataclasses import dataclass

from quiz_app.services.packs import install_builtin_packs
from quiz_app.services.review import ensure_schedules
from quiz_app.storage import Database, database_url, open_database
from quiz_app.storage.engine import ENV_VAR as DATABASE_ENV_VAR
from quiz_app.storage.engine import (
    INTEGRITY_CHECKS,
    default_database_path,
    is_server,
    shown_url,
)
from quiz_app.storage.errors import ServerUnreachableError

__all__ = [
    "DATABASE_ENV_VAR",
    "BankCheck",
    "Database",
    "ServerUnreachableError",
    "check_bank",
    "database_url",
    "on_server",
    "open_bank",
    "own_bank_url",
]


def own_bank_url() -> str:
    """This computer's own bank (in the user's data folder), whatever it is connected to."""
    return f"sqlite:///{default_database_path()}"


def on_server(database: Database) -> bool:
    """True when ``database`` is a classroom server's bank (PostgreSQL)."""
    return is_server(database.url)


@dataclass(frozen=True)
class BankCheck:
    url: str
    schema: str | None
    latest_schema: str
    problems: tuple[str, ...]
    checked: str = ""
    """What the integrity check looked at, to say so."""

    @property
    def healthy(self) -> bool:
        return not self.problems and self.schema == self.latest_schema


def open_bank(url: str | None = None, *, builtin: bool = True) -> Database:
    """The bank at ``url`` (or the default place), migrated to the current schema, with
    the built-in packs imported or upgraded."""
    database = open_database(database_url(url))
    if is_server(database.url):
        return database  # packs and schedules are the teacher's `server init` and `upgrade`
    if builtin:
        install_builtin_packs(database)
    ensure_schedules(database)
    return database


def check_bank(database: Database) -> BankCheck:
    state = database.schema_state()
    return BankCheck(
        shown_url(database.url),
        state.current,
        state.head,
        tuple(database.integrity_problems()),
        INTEGRITY_CHECKS.get(database.engine.dialect.name, "nothing (an unknown database)"),
    )
