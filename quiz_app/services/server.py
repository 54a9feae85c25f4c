"""The classroom server: a class's bank on PostgreSQL, made and upgraded by the teacher."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from quiz_app.core.errors import StorageError
from quiz_app.core.importing import ImportPlan
from quiz_app.services.packs import install_builtin_packs
from quiz_app.services.review import ensure_schedules
from quiz_app.storage import open_database
from quiz_app.storage.connection import ServerConnection, read_connection, save_connection
from quiz_app.storage.database import Database, upgrade_schema
from quiz_app.storage.engine import APP_NAME, is_server, shown_url
from quiz_app.storage.migrate import head_revision, known_revision, newer_schema_error
from quiz_app.storage.server import (
    add_class_role,
    connect_command,
    dump_bank,
    secure_bank,
    teacher_lock,
)

__all__ = [
    "ClassReport",
    "ServerConnection",
    "ServerReport",
    "add_class",
    "connect_to_server",
    "connected_server",
    "disconnect_from_server",
    "init_server",
    "upgrade_server",
]


@dataclass(frozen=True)
class ServerReport:
    """What ``init_server`` or ``upgrade_server`` did."""

    where: str
    """The bank, its password masked."""
    schema_before: str | None
    schema: str
    dump: Path | None
    """The copy taken before the schema changed (None: it did not change)."""
    packs: tuple[ImportPlan, ...]
    """Built-in packs imported or upgraded."""


def default_dump_folder() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "server-backups"


def _refuse_newer(url: str, current: str | None) -> None:
    if current is not None and not known_revision(current):
        raise newer_schema_error(shown_url(url), current)


def _server_bank(url: str) -> Database:
    if not is_server(url):
        raise StorageError(
            f"{shown_url(url)} is not a PostgreSQL server; give a URL such as "
            "postgresql+psycopg://teacher@school-server/change_quiz",
            zh=f"{shown_url(url)} 不是 PostgreSQL 服务器；请给出类似 "
            "postgresql+psycopg://teacher@school-server/change_quiz 的地址",
        )
    return open_database(url, migrate=False)


def _no_bank(url: str) -> StorageError:
    return StorageError(
        f"{shown_url(url)} holds no bank yet: make it with quiz-app server init",
        zh=f"{shown_url(url)} 里还没有题库：请用 quiz-app server init 创建",
    )


def _secure(database: Database) -> str:
    with database.engine.begin() as connection:
        return secure_bank(connection)


@dataclass(frozen=True)
class ClassReport:
    """What ``add_class`` did."""

    role: str
    made: bool
    """The role was made (else it existed and was only let in)."""
    group: str
    connect_command: str
    """What each of the class's computers runs (``server connect ...``)."""


def add_class(url: str, role: str, password: str | None = None) -> ClassReport:
    """Let a class's computers use the server's bank as the role ``role`` (made if need
    be): they see only the learners added with that role, and their quizzes."""
    database = _server_bank(url)
    try:
        with database.plain_errors(), teacher_lock(database.engine):
            if database.schema_state().current is None:
                raise _no_bank(url)
            group = _secure(database)
            with database.engine.begin() as connection:
                made = add_class_role(connection, role, password)
    finally:
        database.close()
    return ClassReport(role, made, group, connect_command(url, role))


def init_server(url: str, *, now: datetime | None = None) -> ServerReport:
    """Make the class's bank on an empty server database: the schema (one migrator at a
    time), then the built-in packs. Run again on a current bank, it changes nothing."""
    database = _server_bank(url)
    try:
        with database.plain_errors(), teacher_lock(database.engine):
            before = database.schema_state().current
            _refuse_newer(url, before)
            if before is not None and before != head_revision():
                raise StorageError(
                    f"{shown_url(url)} already holds a bank at schema {before}: upgrade it with "
                    "quiz-app server upgrade (which copies it first).",
                    zh=f"{shown_url(url)} 已有数据结构为 {before} 的题库：请用 "
                    "quiz-app server upgrade 升级（升级前会先备份）。",
                )
            upgrade_schema(database, server_upgrade=True)
            _secure(database)
            plans = install_builtin_packs(database, now=now)
    finally:
        database.close()
    return ServerReport(shown_url(url), before, head_revision(), None, tuple(plans))


def upgrade_server(
    url: str, *, dump_folder: Path | None = None, now: datetime | None = None
) -> ServerReport:
    """Bring the server's bank to this app's schema and built-in packs, after a
    ``pg_dump`` of it whenever the schema changes. Learner computers never do this."""
    when = now or datetime.now(UTC)
    database = _server_bank(url)
    try:
        with database.plain_errors(), teacher_lock(database.engine):
            before = database.schema_state().current
            if before is None:
                raise _no_bank(url)
            _refuse_newer(url, before)
            dump = None
            if before != head_revision():
                folder = dump_folder or default_dump_folder()
                dump = dump_bank(url, folder, when, f"before-{head_revision()}")
                upgrade_schema(database, server_upgrade=True)
            _secure(database)
            plans = install_builtin_packs(database, now=when)
            ensure_schedules(database)  # for answers from before schedules were kept
    finally:
        database.close()
    return ServerReport(shown_url(url), before, head_revision(), dump, tuple(plans))


def connect_to_server(connection: ServerConnection) -> str:
    """Use the classroom server's bank on this computer from now on: checked first (it
    must answer and hold a bank of this app's schema), then remembered. Returns where."""
    url = connection.url()
    database = open_database(url)  # refuses an empty, older or newer bank, plainly
    try:
        database.schema_state()
    finally:
        database.close()
    save_connection(connection)
    return shown_url(url)


def disconnect_from_server() -> None:
    """Back to this computer's own bank (the server keeps everything it has)."""
    save_connection(None)


def connected_server() -> ServerConnection | None:
    return read_connection()
