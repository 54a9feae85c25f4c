"""Throwaway databases on the test PostgreSQL server (``$QUIZ_APP_TEST_DB``).

A template bank is migrated once per run; each test gets a copy (``CREATE DATABASE ...
TEMPLATE``, a file copy on the server, far faster than migrating) and drops it after.
"""

from __future__ import annotations

import os
import uuid

from sqlalchemy import create_engine, make_url


def _admin(server: str, sql: str) -> None:
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(sql)
    finally:
        engine.dispose()


def _url(server: str, name: str) -> str:
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def make_template(server: str) -> str:
    """A database at today's schema, no packs, no learners: the template of each test's."""
    from quiz_app.storage import open_database

    name = f"quiz_template_{os.getpid()}"
    _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(server, f'CREATE DATABASE "{name}"')
    open_database(_url(server, name)).close()
    return _url(server, name)


def copy_database(template: str) -> str:
    """A new database copied from ``template``; its URL."""
    name = f"quiz_test_{uuid.uuid4().hex[:12]}"
    source = make_url(template).database
    _admin(template, f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return _url(template, name)


def new_database(server: str) -> str:
    """A new, empty database (no schema at all); its URL."""
    name = f"quiz_test_{uuid.uuid4().hex[:12]}"
    _admin(server, f'CREATE DATABASE "{name}"')
    return _url(server, name)


def drop_database(server: str, name: str) -> None:
    """Drop ``name``, closing whatever a test left connected to it."""
    _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
