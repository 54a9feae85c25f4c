"""Putting a backup in place of the live bank: checked, upgraded, then copied in whole."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from quiz_app.core.errors import StorageError
from quiz_app.storage.backups import (
    backup_folder,
    copy_database,
    copy_into,
    page_size,
    read_contents,
)
from quiz_app.storage.database import Database
from quiz_app.storage.engine import BUSY_TIMEOUT_MS, create_bank_engine, sqlite_path
from quiz_app.storage.migrate import known_revision, newer_schema_error, upgrade_bank


def bank_file(database: Database) -> Path | None:
    """The SQLite file behind the bank; None for a server database."""
    return sqlite_path(database.url)


@dataclass(frozen=True)
class StagedBank:
    path: Path
    """A private copy of the backup, brought up to the newest schema and checked."""
    schema: str
    """The schema the backup was made at."""


def _refused(source: Path, why: str, why_zh: str) -> StorageError:
    return StorageError(
        f"{source} cannot be restored: {why}. The bank was not changed.",
        zh=f"无法恢复 {source}：{why_zh}。题库未被改动。",
    )


@contextmanager
def staged_restore(bank: Path, source: Path) -> Iterator[StagedBank]:
    """A copy of ``source`` ready to go in place of ``bank``; raises StorageError (and
    touches nothing of the bank) for a file that is not a bank, is damaged, or was made
    by a newer version of the app. The copy is deleted on leaving."""
    if not source.is_file():
        raise _refused(source, "there is no such file", "文件不存在")
    try:
        contents = read_contents(source, thorough=True)
    except ValueError as err:
        raise _refused(
            source,
            f"it is not a readable Chang'e Quiz bank ({err})",
            f"它不是完好的嫦娥问答题库（{err}）",
        ) from err
    if not known_revision(contents.schema):
        raise newer_schema_error(str(source), contents.schema)
    folder = backup_folder(bank)
    folder.mkdir(mode=0o700, exist_ok=True)
    staging = folder / f".restoring-{uuid.uuid4().hex[:8]}.sqlite3"
    try:
        os.close(os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        copy_database(source, staging)
        _upgrade(staging, source)
        if bank.exists() and page_size(staging) != page_size(bank):
            _set_page_size(staging, page_size(bank))
        yield StagedBank(staging, contents.schema)
    finally:
        for leftover in (staging, *(Path(f"{staging}{s}") for s in ("-wal", "-shm", "-journal"))):
            with suppress(OSError):
                leftover.unlink()


def _upgrade(staging: Path, source: Path) -> None:
    url = f"sqlite:///{staging}"
    engine = create_bank_engine(url)
    try:
        upgrade_bank(engine, url, backup=False)
        with engine.connect() as connection:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    except StorageError as err:
        raise _refused(
            source,
            f"it could not be brought up to this version of the app ({err})",
            f"无法把它升级到本版本（{err.message('zh')}）",
        ) from err
    finally:
        engine.dispose()
    if broken:
        raise _refused(
            source,
            f"{len(broken)} of its rows point at missing rows",
            f"其中 {len(broken)} 行指向不存在的行",
        )


def _set_page_size(path: Path, size: int) -> None:
    """A live bank in WAL mode only takes pages of its own size through the backup API."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute(f"PRAGMA page_size = {int(size)}")
        connection.execute("VACUUM")


def replace_bank(database: Database, staged: StagedBank) -> None:
    """Copy the staged bank into the live one through SQLite, so that every connection,
    in this process or another, sees the whole new content at once."""
    bank = bank_file(database)
    assert bank is not None
    database.engine.dispose()  # no pooled connection keeps a read of the old content
    try:
        copy_into(staged.path, bank, BUSY_TIMEOUT_MS)
    except sqlite3.Error as err:
        raise StorageError(
            f"The backup could not be copied into the bank ({err}); the bank is as it was.",
            zh=f"无法把备份复制进题库（{err}）；题库保持原样。",
        ) from err
    finally:
        database.engine.dispose()
