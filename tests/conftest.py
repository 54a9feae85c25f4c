"""Shared fixtures. Qt must be told there is no display before it is imported."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("QUIZ_APP_DB", None)

import shutil
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, make_url, select

from quiz_app.storage import Database, open_database

DATA = Path(__file__).parent / "data"
SAMPLE_PACK = DATA / "sample-pack"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the real user data directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the log folder lives here
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("QUIZ_APP_DB", raising=False)
    # QSettings reads its location once per process: point it at this test's own folder,
    # or one test's "last learner" leaks into the next.
    from PySide6.QtCore import QSettings

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(home / "config"))


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """As in the app (ui/app.py): in a test with Qt widgets, cycles are collected on the
    GUI thread only, never on the bank's writer thread."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qapp")
    from quiz_app.ui.gc_guard import GuiThreadGarbageCollector

    collector = GuiThreadGarbageCollector()
    yield
    collector.stop()
    collector.deleteLater()


SERVER_ENV = "QUIZ_APP_TEST_DB"
"""A PostgreSQL server's URL (``.ci/start-postgres``): the tests' banks are made there."""


def sqlite_only(reason: str) -> pytest.MarkDecorator:
    """For a test of SQLite itself (its file, its locks, its pragmas): skipped in the run
    against a server, saying why."""
    return pytest.mark.skipif(bool(os.environ.get(SERVER_ENV)), reason=f"SQLite only: {reason}")


@pytest.fixture(scope="session")
def test_server() -> Iterator[str | None]:
    """The server named by ``$QUIZ_APP_TEST_DB`` with an empty bank at today's schema,
    the template each test's bank is copied from; None: banks are SQLite files."""
    server = os.environ.get(SERVER_ENV)
    if not server:
        yield None
        return
    from tests.pg import drop_database, make_template

    template = make_template(server)
    yield template
    drop_database(server, make_url(template).database or "")


@pytest.fixture
def db_url(tmp_path: Path, test_server: str | None) -> Iterator[str]:
    """A new, empty bank for this test: an SQLite file, or a database on the test server."""
    if test_server is None:
        yield f"sqlite:///{tmp_path / 'bank.sqlite3'}"
        return
    from tests.pg import copy_database, drop_database

    url = copy_database(test_server)
    yield url
    drop_database(test_server, make_url(url).database or "")


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    db = open_database(db_url)
    yield db
    worker = sys.modules.get("quiz_app.ui.worker")  # only where a test used the GUI
    if worker is not None:
        assert worker.drain_all(timeout=30), "a background job did not end"
    db.close()


@pytest.fixture
def sample_pack(tmp_path: Path) -> Path:
    """A private copy of the sample pack that a test may edit."""
    target = tmp_path / "sample-pack"
    shutil.copytree(SAMPLE_PACK, target)
    return target


def snapshot(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to show that something changed nothing."""
    metadata = MetaData()
    metadata.reflect(database.engine)
    with database.engine.connect() as connection:
        return {
            name: sorted(connection.execute(select(table)).all(), key=repr)
            for name, table in metadata.tables.items()
        }
