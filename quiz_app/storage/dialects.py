"""Writes that stay correct with many writers at once, on SQLite and PostgreSQL alike.

Check-then-write is a race on a server: two computers both find no row, both insert, and
one fails on the key. These write in one statement instead (``INSERT ... ON CONFLICT``,
which both databases have), so the database's own constraint decides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table
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
