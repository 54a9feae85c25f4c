"""Backups of the bank, like Anki's: taken on close when something changed, before an
upgrade and before a restore, thinned to a few per day, week and month, and restorable.

Only an SQLite bank (a file) is backed up by the app. A server database (PostgreSQL)
is backed up by its own tools (``pg_dump``): for one, ``list_backups`` is empty,
``backup_if_changed`` takes none, and ``backup_bank`` and ``restore_backup`` refuse.
Where the files live and how they are thinned: docs/backups.md.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quiz_app.core.backups import BackupInfo, BackupReason
from quiz_app.core.changes import Changes
from quiz_app.core.errors import StorageError
from quiz_app.services.review import ensure_schedules
from quiz_app.storage import Database, database_url, open_database
from quiz_app.storage.backups import (
    backup_infos,
    content_signature,
    existing_backups,
    thin_backups,
    write_backup,
)
from quiz_app.storage.migrate import head_revision
from quiz_app.storage.restore import bank_file, replace_bank, staged_restore

__all__ = [
    "BackupInfo",
    "BackupReason",
    "RestoreResult",
    "backup_bank",
    "backup_if_changed",
    "list_backups",
    "open_for_backups",
    "restore_backup",
]


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    """The backup now in place of the bank."""
    undo: Path
    """The backup of the bank as it was just before: restoring it undoes the restore."""
    migrated_from: str | None
    """The schema the restored backup was upgraded from; None if it was at the newest."""
    changes: Changes = Changes.EVERYTHING


def _file_of(database: Database) -> Path:
    path = bank_file(database)
    if path is None:
        raise StorageError(
            "Chang'e Quiz backs up only a bank in a file (SQLite); back up this database "
            "server with its own tools.",
            zh="嫦娥问答只备份存放在文件里的题库（SQLite）；这个数据库服务器请用它自己的工具备份。",
        )
    return path


def backup_bank(
    database: Database, now: datetime, reason: BackupReason = BackupReason.MANUAL
) -> Path:
    """A consistent copy of the bank into its backups folder, then thinning; returns it.

    A backup before a restore thins nothing, so the one being restored stays listed.
    """
    bank = _file_of(database)
    try:
        taken = write_backup(bank, now, reason)
        if reason is not BackupReason.RESTORE:
            thin_backups(bank, now)
    except (OSError, sqlite3.Error) as err:
        raise StorageError(
            f"No backup could be written into {bank.parent / 'backups'}: {err}",
            zh=f"无法把备份写入 {bank.parent / 'backups'}：{err}",
        ) from err
    return taken


def backup_if_changed(database: Database, now: datetime) -> Path | None:
    """A backup when the app closes, if the bank changed since its newest backup.

    "Changed" compares a digest of the content (storage.backups.content_signature), not
    the file's bytes or times, which a checkpoint changes without any change of content.
    Returns the backup taken, or None (nothing changed, or not an SQLite bank).
    """
    bank = bank_file(database)
    if bank is None:
        return None
    found = existing_backups(bank)
    if found:
        try:
            if content_signature(found[0].path) == content_signature(bank):
                return None
        except sqlite3.Error:
            pass  # a damaged newest backup is no reason to skip a good one
    return backup_bank(database, now, BackupReason.CLOSE)


def open_for_backups(url: str | None = None) -> Database:
    """The bank at ``url`` (or the default place) as it is, not upgraded: enough to list
    its backups even when it cannot be opened for anything else."""
    return open_database(database_url(url), migrate=False)


def list_backups(database: Database) -> list[BackupInfo]:
    """The bank's backups, newest first, with what each holds; damaged ones say so."""
    bank = bank_file(database)
    return [] if bank is None else backup_infos(bank)


def restore_backup(database: Database, backup_path: Path, now: datetime) -> RestoreResult:
    """Put a backup in place of the bank, after backing the bank up (to undo it).

    The backup is checked (a bank, undamaged, not from a newer version of the app) and
    upgraded to the newest schema in a private copy first; only then is the bank backed
    up and replaced, through SQLite, so open connections see the restored content. On
    any refusal the bank is as it was.
    """
    bank = _file_of(database)
    with staged_restore(bank, backup_path) as staged:
        undo = backup_bank(database, now, BackupReason.RESTORE)
        replace_bank(database, staged)
    ensure_schedules(database)  # a backup from before schedules existed
    migrated = None if staged.schema == head_revision() else staged.schema
    return RestoreResult(backup_path, undo, migrated)
