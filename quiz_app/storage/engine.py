"""Where the bank lives and how to connect to it.

This is the only module that knows about SQLite: WAL, foreign keys, a busy timeout and
how write transactions begin are set here, so a server database can replace SQLite by
changing the URL alone. The bank holds learners' names and results: on POSIX its folder
is made 0700 and its files 0600.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import NoSuchModuleError

from quiz_app.core.errors import StorageError
from quiz_app.storage.connection import read_connection

APP_NAME = "change-quiz"
ENV_VAR = "QUIZ_APP_DB"
BUSY_TIMEOUT_MS = 5000
"""How long SQLite waits for another writer before reporting the bank busy."""

WRITE_OPTION = "change_quiz_write"
"""Execution option of connections that write: on SQLite they begin IMMEDIATE."""

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "bank.sqlite3"


def database_url(explicit: str | None = None) -> str:
    """The bank's URL: ``--db``, else ``$QUIZ_APP_DB``, else the classroom server this
    computer was connected to, else the user data directory.

    A plain file path is accepted and means an SQLite file.
    """
    chosen = explicit or os.environ.get(ENV_VAR)
    if not chosen:
        server = read_connection()
        chosen = server.url() if server is not None else str(default_database_path())
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


def shown_url(url: str) -> str:
    """Where the bank is, as shown to a person: a file's path, or a server's URL with
    any password masked (a URL may carry one; no message, log or report prints it)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    return parsed.render_as_string(hide_password=True)


def is_server(url: str) -> bool:
    """True for a bank on a database server (PostgreSQL), shared by a class."""
    return make_url(url).get_backend_name() == "postgresql"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL; None for memory or other databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


SERVER_TIMEOUT_S = 10
"""How long a learner computer waits to reach the classroom server before its answer
goes to the outbox (``services.outbox``)."""


def create_bank_engine(url: str, *, busy_timeout_ms: int | None = None) -> Engine:
    """An engine for the bank at ``url`` (SQLite waits ``busy_timeout_ms`` for a writer,
    ``BUSY_TIMEOUT_MS`` unless given)."""
    path = sqlite_path(url)
    if path is not None:
        _make_private(path)
    options: dict[str, Any] = {}
    if is_server(url):
        # A pooled connection a server restart broke is replaced before use, not failed
        # on; a server that vanished is given up on after SERVER_TIMEOUT_S, not minutes.
        options = {"pool_pre_ping": True, "connect_args": {"connect_timeout": SERVER_TIMEOUT_S}}
    try:
        engine = create_engine(url, **options)
    except (ImportError, NoSuchModuleError) as err:
        raise StorageError(
            f"Chang'e Quiz cannot reach {shown_url(url)}: this installation has no driver "
            f"for it ({err}). For a classroom server: pip install 'change-quiz[server]'.",
            zh=f"嫦娥问答无法连接 {shown_url(url)}：本次安装缺少相应的驱动（{err}）。"
            "如需连接课堂服务器：pip install 'change-quiz[server]'。",
        ) from err
    if engine.dialect.name == "sqlite":
        timeout = BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        _configure_sqlite(engine, wal=path is not None, busy_timeout_ms=timeout)
    return engine


def writing(engine: Engine) -> Engine:
    """The engine for write transactions (same pool): on SQLite they begin IMMEDIATE."""
    return engine.execution_options(**{WRITE_OPTION: True})


def _make_private(path: Path) -> None:
    """The bank's folder 0700 and its files 0600, before SQLite creates any of them.

    SQLite gives the -wal and -shm files the mode of the bank file, so creating that
    one private is enough for new banks; an existing bank is made private too. A folder
    the app did not create (``--db /tmp/bank.sqlite3``) is left as it is, except the
    app's own data folder.
    """
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        except OSError as err:
            why = err.strerror or str(err)
            raise StorageError(
                f"The folder for the question bank, {folder}, cannot be made: {why}.",
                zh=f"无法创建题库所在的文件夹 {folder}：{why}。",
            ) from err
        _chmod(folder, PRIVATE_FOLDER)
    elif folder == default_database_path().parent:
        _chmod(folder, PRIVATE_FOLDER)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        pass
    except OSError:
        return  # SQLite will say why it cannot open the file, in its own words
    for file in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        if file.is_file():
            _chmod(file, PRIVATE_FILE)


def _chmod(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    # Another user's file (a bank shared read-only) keeps its mode.
    with contextlib.suppress(OSError):
        path.chmod(mode)


def _configure_sqlite(engine: Engine, *, wal: bool, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins, so that a
        # transaction covers reads too and rolls back whole (SQLAlchemy's pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if wal:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A transaction that reads and then writes would have to upgrade its read lock
        # while another writer may hold the bank: SQLite then fails at once, whatever the
        # busy timeout. A write transaction takes the write lock as it begins instead,
        # and there SQLite waits up to the busy timeout. Reads stay deferred and cheap.
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


INTEGRITY_CHECKS = {
    "sqlite": "SQLite's integrity_check and foreign_key_check",
    "postgresql": "every index valid and every constraint validated (PostgreSQL)",
}
"""What ``integrity_problems`` checks on each kind of database, to say so."""


def integrity_problems(connection: Connection) -> list[str]:
    """What the database's own checks find wrong (empty when healthy): on SQLite its
    checker of the whole file; on PostgreSQL, which keeps its files itself, indexes left
    invalid (a failed concurrent build) and constraints never validated."""
    if connection.dialect.name == "postgresql":
        invalid = connection.execute(
            text(
                "SELECT i.indexrelid::regclass::text FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indrelid "
                "WHERE c.relnamespace = current_schema()::regnamespace AND NOT i.indisvalid"
            )
        )
        unchecked = connection.execute(
            text(
                "SELECT conname, conrelid::regclass::text FROM pg_constraint "
                "WHERE connamespace = current_schema()::regnamespace AND NOT convalidated"
            )
        )
        return [f"index {row[0]} is not valid" for row in invalid] + [
            f"constraint {row[0]} of table {row[1]} was never validated" for row in unchecked
        ]
    if connection.dialect.name != "sqlite":
        return []
    problems = [
        row[0] for row in connection.execute(text("PRAGMA integrity_check")) if row[0] != "ok"
    ]
    problems += [
        f"row {row[1]} of table {row[0]} points at a missing row of {row[2]}"
        for row in connection.execute(text("PRAGMA foreign_key_check"))
    ]
    return problems
