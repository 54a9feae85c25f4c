"""Writes that stay correct with many writers at once, on SQLite and PostgreSQL alike.

Check-then-write is a race on a server: two computers both find no row, both insert, and
one fails on the key. These write in one statement instead (``INSERT ... ON CONFLICT``,
which both databases have), so the database's own constraint decides.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import Table, text
from sqlmodel import Session

_DIALECTS = ("postgresql", "sqlite")


@cache
def _insert_of(dialect: str) -> Callable[[Table], Any]:
    """The dialect's own ``insert`` (the one with ON CONFLICT), imported for the bank's
    own kind of database only: a computer's SQLite bank never loads the PostgreSQL
    dialect (about a tenth of a second of imports at start)."""
    if dialect not in _DIALECTS:
        raise NotImplementedError(f"no insert-or-update for {dialect}")
    insert: Callable[[Table], Any] = importlib.import_module(
        f"sqlalchemy.dialects.{dialect}"
    ).insert
    return insert


def _dialect(session: Session) -> str:
    """The session's kind of database (``_insert_of`` refuses one it does not know)."""
    dialect: str = session.get_bind().dialect.name
    return dialect


def _insert(session: Session, table: Table) -> Any:
    """An ``insert`` of ``table`` that has ON CONFLICT, for the session's database."""
    return _insert_of(_dialect(session))(table)


@lru_cache(maxsize=64)
def _upsert_statement(
    dialect: str, table: Table, columns: tuple[str, ...], keys: tuple[str, ...]
) -> Any:
    """One insert-or-update per table and shape, built once: an answer's schedule is saved
    with every answer, and building the statement cost as much as a server's round trip."""
    statement = _insert_of(dialect)(table)
    changed = {k: statement.excluded[k] for k in columns if k not in keys}
    return statement.on_conflict_do_update(index_elements=list(keys), set_=changed)


@lru_cache(maxsize=64)
def adding_statement(
    dialect: str, table: Table, keys: tuple[str, ...], sums: tuple[str, ...]
) -> Any:
    """Insert a row of ``sums``, or add them to the row with the same ``keys``; built once
    per table and shape, as ``upsert``'s is: the kept figures add to rows at every
    finished quiz, and the statement is a graph of objects with reference cycles that the
    garbage collector would otherwise have to find and free each time."""
    statement = _insert_of(dialect)(table)
    return statement.on_conflict_do_update(
        index_elements=list(keys),
        set_={name: table.c[name] + statement.excluded[name] for name in sums},
    )


def upsert(session: Session, table: Table, values: Mapping[str, Any], keys: Sequence[str]) -> None:
    """Insert ``values``, or update the row with the same ``keys`` to them."""
    statement = _upsert_statement(_dialect(session), table, tuple(values), tuple(keys))
    session.execute(statement, dict(values))


def insert_ignoring(session: Session, table: Table, keys: Sequence[str]) -> Any:
    """An insert of many rows that leaves out each whose ``keys`` are taken already."""
    return _insert(session, table).on_conflict_do_nothing(index_elements=list(keys))


@lru_cache(maxsize=64)
def _insert_new_statement(dialect: str, table: Table, keys: tuple[str, ...]) -> Any:
    """``insert_new``'s statement, built once per table and key, its values given at each
    execution: every answer is inserted with it."""
    statement = _insert_of(dialect)(table)
    return statement.on_conflict_do_nothing(index_elements=list(keys)).returning(
        *table.primary_key.columns
    )


def insert_new(
    session: Session, table: Table, values: Mapping[str, Any], keys: Sequence[str]
) -> Any | None:
    """Insert ``values`` unless a row with the same ``keys`` exists: the new row's primary
    key, or None when one was there (the constraint decided, not an earlier read)."""
    statement = _insert_new_statement(_dialect(session), table, tuple(keys))
    row = session.execute(statement, dict(values)).first()
    return None if row is None else (row[0] if len(row) == 1 else tuple(row))


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
