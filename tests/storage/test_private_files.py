"""The bank holds learners' names and results: only its owner may read it (POSIX)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from quiz_app.storage import database_url, open_database
from quiz_app.storage.engine import default_database_path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _open_umask() -> Iterator[None]:
    """A umask that would let everyone read what is created, unless the app says not."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _write_something(url: str) -> None:
    db = open_database(url)
    with db.transaction() as session:
        session.execute(
            text(
                "INSERT INTO learner (name, colour, language, created_at, uid) "
                "VALUES ('Ada', '#fff', 'en', '2026-01-01', lower(hex(randomblob(16))))"
            )
        )
    # While the bank is open, its write-ahead log and shared memory exist too.
    bank = Path(url.removeprefix("sqlite:///"))
    for name in (bank.name, f"{bank.name}-wal", f"{bank.name}-shm"):
        assert _mode(bank.with_name(name)) == 0o600, name
    db.close()


def test_a_new_bank_is_private(tmp_path: Path) -> None:
    bank = tmp_path / "new" / "folder" / "bank.sqlite3"
    _write_something(f"sqlite:///{bank}")
    assert _mode(bank.parent) == 0o700
    assert _mode(bank) == 0o600


def test_an_existing_bank_is_made_private(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    bank = tmp_path / "bank.sqlite3"
    open_database(f"sqlite:///{bank}").close()
    bank.chmod(0o644)
    _write_something(f"sqlite:///{bank}")
    assert _mode(bank) == 0o600
    assert _mode(tmp_path) == 0o755  # a folder chosen with --db is the user's business


def test_the_apps_own_folder_is_made_private() -> None:
    folder = default_database_path().parent
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    _write_something(database_url(None))
    assert _mode(folder) == 0o700
