"""Backup files of an SQLite bank: where they live, how they are named, written and read.

They live in a ``backups/`` folder beside the bank (mode 0700, files 0600: they hold
learners' names and results), named ``<bank>-<UTC stamp>-<reason>[-<from>-<to>].sqlite3``,
e.g. ``bank-20261124T120000Z-upgrade-0001-0005.sqlite3``. Each is a complete, consistent
copy made with SQLite's backup API, in rollback-journal mode, so it is one self-contained
file that can be opened read-only. Which ones to keep is ``quiz_app.core.backups``'s
business; the operations are in ``quiz_app.services.backups``.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz_app.core.backups import (
    BackupContents,
    BackupInfo,
    BackupReason,
    BackupStamp,
    backups_to_keep,
)

FOLDER = "backups"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(
    r"(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z]+)(?:-(?P<old>\w+)-(?P<new>\w+))?\.sqlite3"
)
# Before backups had a folder, the only ones were taken before an upgrade, beside the bank.
_LEGACY = re.compile(r"\.before-(?P<new>\w+)-(?P<stamp>\d{8}T\d{6}Z)\.bak")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    stamp: BackupStamp
    upgrade: tuple[str, str] | None


def backup_folder(bank: Path) -> Path:
    return bank.parent / FOLDER


def _parse(bank: Path, path: Path) -> BackupFile | None:
    if path.parent == backup_folder(bank) and path.name.startswith(f"{bank.stem}-"):
        found = _NAME.fullmatch(path.name[len(bank.stem) + 1 :])
        if found is None:
            return None
        try:
            reason = BackupReason(found["reason"])
        except ValueError:
            return None
        upgrade = (found["old"], found["new"]) if found["old"] else None
    elif path.parent == bank.parent and path.name.startswith(bank.name):
        found = _LEGACY.fullmatch(path.name[len(bank.name) :])
        if found is None:
            return None
        reason, upgrade = BackupReason.UPGRADE, None
    else:
        return None
    when = datetime.strptime(found["stamp"], _STAMP).replace(tzinfo=UTC)
    return BackupFile(path, BackupStamp(when, reason), upgrade)


def existing_backups(bank: Path) -> list[BackupFile]:
    """The bank's backups, newest first (also those of older versions, beside the bank)."""
    folder = backup_folder(bank)
    candidates = list(folder.iterdir()) if folder.is_dir() else []
    candidates += bank.parent.glob(f"{glob_escape(bank.name)}.before-*.bak")
    found = [b for b in (_parse(bank, p) for p in candidates if p.is_file()) if b is not None]
    return sorted(found, key=lambda b: (b.stamp.when, b.path.name), reverse=True)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def write_backup(
    bank: Path, when: datetime, reason: BackupReason, upgrade: tuple[str, str] | None = None
) -> Path:
    """A consistent copy of the live ``bank`` (its WAL included) into the backups folder."""
    folder = backup_folder(bank)
    folder.mkdir(mode=0o700, exist_ok=True)
    folder.chmod(0o700)
    detail = f"-{upgrade[0]}-{upgrade[1]}" if upgrade else ""
    stamp = when.astimezone(UTC).replace(microsecond=0)
    # One stamp per backup, so that their order is their names' order.
    while any(folder.glob(f"{glob_escape(bank.stem)}-{stamp:{_STAMP}}-*")):
        stamp += timedelta(seconds=1)
    target = folder / f"{bank.stem}-{stamp:{_STAMP}}-{reason.value}{detail}.sqlite3"
    part = folder / f".{target.name}.{uuid.uuid4().hex[:8]}.part"
    try:
        # Created private before SQLite writes a byte into it.
        os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        copy_database(bank, part)
        os.replace(part, target)
    except BaseException:
        with suppress(OSError):
            part.unlink()
        raise
    return target


def copy_database(source: Path, destination: Path) -> None:
    """``source`` copied page by page into a new self-contained file ``destination``."""
    with (
        closing(sqlite3.connect(source)) as src,
        closing(sqlite3.connect(destination, isolation_level=None)) as dst,
    ):
        src.backup(dst)
        # A copy of a WAL bank says WAL in its header; one file, openable read-only, is
        # what a backup should be.
        dst.execute("PRAGMA journal_mode = DELETE")


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change ``path`` (nor create anything beside it)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def read_contents(path: Path, *, thorough: bool = False) -> BackupContents:
    """What the bank file at ``path`` holds; raises ``ValueError`` (with why) when it is
    damaged or not a bank. ``thorough`` runs the full integrity check, not the quick one."""
    try:
        with closing(open_read_only(path)) as connection:
            check = "integrity_check" if thorough else "quick_check"
            problems = [r[0] for r in connection.execute(f"PRAGMA {check}") if r[0] != "ok"]
            if problems:
                raise ValueError("damaged: " + "; ".join(problems[:3]))
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
            if not {"alembic_version", "learner", "quiz_session", "answer", "pack"} <= tables:
                raise ValueError("not a Chang'e Quiz bank")
            version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if version is None:
                raise ValueError("not a Chang'e Quiz bank (no schema version)")
            schema = version[0]

            def count(table: str) -> int:
                return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

            return BackupContents(
                schema=str(schema),
                learners=count("learner"),
                quizzes=count("quiz_session"),
                answers=count("answer"),
                packs=count("pack"),
            )
    except sqlite3.Error as err:
        raise ValueError(f"cannot be read: {err}") from err


# Every kind of write the app makes shows in one of these: answers are only ever
# appended, so their count and newest id say whether any came; the small tables that
# the app updates in place (quizzes finished or flagged, learners, packs and their
# questions, settings) are read whole; schedules move only with answers or a rebuild.
_SIGNATURE_QUERIES = (
    "SELECT version_num FROM alembic_version",
    "SELECT count(*), max(id) FROM answer",
    "SELECT id, name, colour, language FROM learner ORDER BY id",
    "SELECT * FROM quiz_session ORDER BY id",
    "SELECT id, version, content_hash, title FROM pack ORDER BY id",
    "SELECT id, content_hash, retired, topic_id, slot FROM question ORDER BY id",
    "SELECT id, title, slot_count FROM topic ORDER BY id",
    "SELECT count(*), max(id), total(length(content)) FROM media",
    "SELECT count(*), total(reviews), max(last_review), max(due) FROM schedule",
    "SELECT key, value FROM setting ORDER BY key",
)


def content_signature(path: Path) -> str:
    """A digest of the bank's content that changes with every write the app makes (and
    not with a checkpoint or a vacuum, as the file's bytes and times do)."""
    digest = hashlib.sha256()
    with closing(open_read_only(path)) as connection:
        for query in _SIGNATURE_QUERIES:
            digest.update(query.encode())
            try:
                rows: Iterator[tuple[object, ...]] = connection.execute(query)
                for row in rows:
                    digest.update(repr(row).encode())
            except sqlite3.OperationalError as err:  # a table or column of a later schema
                digest.update(f"missing: {err}".encode())
    return digest.hexdigest()


def copy_into(source: Path, live: Path, busy_timeout_ms: int) -> None:
    """Replace the content of the live bank by ``source``'s, through SQLite: one write
    transaction that other connections see committed whole, or not at all."""
    with (
        closing(sqlite3.connect(source)) as src,
        closing(sqlite3.connect(live, timeout=busy_timeout_ms / 1000)) as dst,
    ):
        src.backup(dst)


def page_size(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("PRAGMA page_size").fetchone()[0])


def backup_infos(bank: Path) -> list[BackupInfo]:
    """The bank's backups, newest first, each with what it holds (or why it cannot)."""
    infos = []
    for found in existing_backups(bank):
        try:
            size = found.path.stat().st_size
        except OSError:  # deleted meanwhile
            continue
        try:
            contents, problem = read_contents(found.path), ""
        except ValueError as err:
            contents, problem = None, str(err)
        infos.append(BackupInfo(found.path, found.stamp, size, contents, problem, found.upgrade))
    return infos


def thin_backups(bank: Path, now: datetime) -> list[Path]:
    """Delete the backups that ``backups_to_keep`` lets go; returns them."""
    found = existing_backups(bank)
    keep = backups_to_keep([b.stamp for b in found], now)
    gone = [b.path for b in found if b.stamp not in keep]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone
