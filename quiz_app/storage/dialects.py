"""Writes that stay correct with many writers at once, on SQLite and PostgreSQL alike.

Check-then-write is a race on a server: two computers both find no row, both insert, and
one fails on the key. These write in one statement instead (``INSERT ... ON CONFLICT``,
which both databases have), so the database's own constraint decides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


def _insert(session: Session, table: Table) -> Any:
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no insert-or-update for {name}")


def upsert(session: Session, table: Table, values: Mapping[str, Any], keys: Sequence[str]) -> None:
    """Insert ``values``, or update the row with the same ``keys`` to them."""
    statement = _insert(session, table).values(**values)
    changed = {k: statement.excluded[k] for k in values if k not in keys}
    session.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=changed))


def insert_ignoring(session: Session, table: Table, keys: Sequence[str]) -> Any:
    """An insert of many rows that leaves out each whose ``keys`` are taken already."""
    return _insert(session, table).on_conflict_do_nothing(index_elements=list(keys))


def insert_new(
    session: Session, table: Table, values: Mapping[str, Any], keys: Sequence[str]
) -> Any | None:
    """Insert ``values`` unless a row with the same ``keys`` exists: the new row's primary
    key, or None when one was there (the constraint decided, not an earlier read)."""
    statement = (
        _insert(session, table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=list(keys))
        .returning(*table.primary_key.columns)
    )
    row = session.execute(statement).first()
    return None if row is None else (row[0] if len(row) == 1 else tuple(row))


QUIZ_LOCKS = 0x4351
"""The advisory-lock namespace of one quiz's writes (PostgreSQL's two-key form)."""


def lock_quiz(session: Session, quiz_id: int) -> None:
    """Hold this quiz until the transaction ends: two computers writing to one quiz at
    once (the same answer sent twice, a flag and an answer) take turns, so each check of
    the quiz (already answered? finished?) still holds when it writes. SQLite has one
    writer at a time already."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:space, :key)"),
            {"space": QUIZ_LOCKS, "key": quiz_id},
        )


PACK_LOCKS = 0x5041
"""The advisory-lock namespace of one pack's imports."""


def lock_pack(session: Session, pack_id: str) -> None:
    """Hold this pack's id until the transaction ends: two teachers importing one pack at
    once take turns, so the second sees the first's pack and plans against it (rather
    than both inserting it). SQLite has one writer at a time already."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:key))"),
            {"space": PACK_LOCKS, "key": pack_id},
        )
