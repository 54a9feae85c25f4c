from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from quiz_app.core.errors import StorageError
from quiz_app.storage import database_url, open_database
from quiz_app.storage import migrate as migrate_module
from quiz_app.storage.backups import existing_backups
from quiz_app.storage.engine import default_database_path


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    db = open_database(db_url)
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    db.close()
    assert differences == []


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(db_url: str) -> None:
    db = open_database(db_url)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    db.close()


def test_a_failed_transaction_leaves_nothing_behind(db_url: str) -> None:
    db = open_database(db_url)

    def write_then_fail() -> None:
        with db.transaction() as session:
            session.execute(
                text(
                    "INSERT INTO learner (name, colour, language, created_at, uid) "
                    "VALUES ('Ada', '#fff', 'en', '2026-01-01', :uid)"
                ),
                {"uid": "0" * 32},
            )
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        write_then_fail()
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM learner").scalar() == 0
    db.close()


_EXTRA_MIGRATION = '''"""add a learner motto

Revision ID: 9999
Revises: {head}
"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("learner") as batch:
        batch.add_column(sa.Column("motto", sa.String(), nullable=False, server_default="hi"))


def downgrade() -> None:
    with op.batch_alter_table("learner") as batch:
        batch.drop_column("motto")
'''


def test_a_migration_first_backs_the_bank_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = tmp_path / "bank.sqlite3"
    db = open_database(f"sqlite:///{bank}")
    with db.transaction() as session:
        session.execute(
            text(
                "INSERT INTO learner (name, colour, language, created_at, uid) "
                "VALUES ('Ada', '#fff', 'en', '2026-01-01', lower(hex(randomblob(16))))"
            )
        )
    head = db.schema_state().head
    db.close()

    # A newer app: the shipped migrations plus one more.
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate_module.MIGRATIONS, migrations)
    (migrations / "versions" / "9999_motto.py").write_text(_EXTRA_MIGRATION.format(head=head))
    monkeypatch.setattr(migrate_module, "MIGRATIONS", migrations)

    db = open_database(f"sqlite:///{bank}")
    assert db.schema_state().current == "9999"
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT name, motto FROM learner").all() == [
            ("Ada", "hi")
        ]
    db.close()
    [backup] = existing_backups(bank)
    assert backup.upgrade == (head, "9999")
    assert backup.path.parent == tmp_path / "backups"
    old = open_database(f"sqlite:///{backup.path}", migrate=False)
    assert old.schema_state().current == head
    with old.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT name FROM learner").all() == [("Ada",)]
    old.close()


def test_a_bank_from_a_newer_app_is_refused(db_url: str) -> None:
    db = open_database(db_url)
    with db.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'zzzz'"))
    db.close()
    with pytest.raises(StorageError, match="newer version of Chang'e Quiz"):
        open_database(db_url)


def test_a_foreign_database_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    import sqlite3

    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE accounts (id INTEGER)")
    connection.close()
    with pytest.raises(StorageError, match="not a Chang'e Quiz bank"):
        open_database(f"sqlite:///{other}")


def test_database_url_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert database_url(None) == f"sqlite:///{default_database_path()}"
    assert str(default_database_path()).startswith(str(tmp_path.parent))  # XDG_DATA_HOME
    monkeypatch.setenv("QUIZ_APP_DB", str(tmp_path / "env.sqlite3"))
    assert database_url(None) == f"sqlite:///{tmp_path / 'env.sqlite3'}"
    assert database_url("postgresql://u@h/db") == "postgresql://u@h/db"
    assert database_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"


def test_an_unopenable_bank_is_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / "dir.sqlite3").mkdir()
    with pytest.raises(StorageError, match="cannot open the question bank"):
        open_database(f"sqlite:///{tmp_path / 'dir.sqlite3'}")
