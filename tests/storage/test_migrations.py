"""Every schema revision's bank, full of a class's work, upgrades with nothing lost."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from quiz_app.core.errors import StorageError
from quiz_app.core.grading import right_response
from quiz_app.core.ids import LearnerId
from quiz_app.core.quiz import QuizSettings
from quiz_app.core.shuffle import written_order
from quiz_app.services.bank import open_bank
from quiz_app.services.packs import list_packs
from quiz_app.services.quiz import (
    quiz_history,
    quiz_questions,
    start_quiz,
    submit_answer,
    unfinished_quiz,
)
from quiz_app.services.review import due_now, learner_progress
from quiz_app.storage import Database, open_database
from quiz_app.storage import migrate as migrate_module
from quiz_app.storage.backups import existing_backups
from quiz_app.storage.class_figures import learner_sums, question_sums
from quiz_app.storage.engine import create_bank_engine
from quiz_app.storage.migrate import head_revision, migrate
from tests.conftest import NOW
from tests.storage.corpus import (
    LATER_TABLES,
    REVISIONS,
    Rows,
    build_bank_at,
    class_template,
    read_rows,
)
from tests.storage.test_tallies import assert_kept_as_counted

SHIPPED = migrate_module.MIGRATIONS


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Rows:
    return class_template(tmp_path_factory)


def test_the_corpus_covers_every_revision() -> None:
    assert REVISIONS[-1] == head_revision()


def test_the_template_is_a_class_at_work(template: Rows) -> None:
    sessions = template["quiz_session"]
    assert len(template["learner"]) == 5
    assert len(template["answer"]) > 90
    assert len({a["question_id"] for a in template["answer"]}) > 7
    assert any(s["finished_at"] is None for s in sessions)
    assert any(s["flagged"] != "[]" for s in sessions)
    assert any(s["abandoned_at"] is not None for s in sessions)
    assert any('"retry_of"' in s["settings"] for s in sessions)
    assert sum(s["orders"] != "{}" for s in sessions) > len(sessions) / 2
    assert any(q["retired"] for q in template["question"])
    assert {p["origin"] for p in template["pack"]} == {"native", "gift"}
    assert template["media"]
    assert template["schedule"]
    assert template["setting"]


def _columns(path: Path, table: str) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [r[1] for r in connection.execute(f"PRAGMA table_info({table})")]


@pytest.mark.parametrize("revision", REVISIONS)
def test_a_bank_at_each_revision_upgrades_with_every_row_kept(
    revision: str, template: Rows, tmp_path: Path
) -> None:
    path = tmp_path / "bank.sqlite3"
    before = build_bank_at(revision, path, template)
    assert len(before["answer"]) > 1000

    bank = open_bank(str(path), builtin=False)
    try:
        assert bank.schema_state().current == head_revision()
        with bank.engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
        assert bank.integrity_problems() == []
        after = read_rows(path, tuple(before))
        for table, rows in before.items():
            columns = list(rows[0])
            kept = [{c: row[c] for c in columns} for row in after[table]]
            assert kept == rows, table
        _new_columns_are_filled(revision, path)
        _figures_are_kept(bank)
        _services_work_on(bank, before)
    finally:
        bank.close()
    backups = existing_backups(path)
    assert len(backups) == (0 if revision == head_revision() else 1)
    if revision != head_revision():
        assert backups[0].upgrade == (revision, head_revision())
        assert read_rows(backups[0].path, tuple(before)) == before


def _new_columns_are_filled(revision: str, path: Path) -> None:
    after = read_rows(path, ("quiz_session", "answer", "pack", "schedule", "learner", "question"))
    if revision < "0002":
        assert {s["flagged"] for s in after["quiz_session"]} == {"[]"}
    if revision < "0003":  # rebuilt from the answer log when the bank is opened
        assert len(after["schedule"]) == len(
            {(a["learner_id"], a["question_id"]) for a in after["answer"]}
        )
    if revision < "0005":
        assert {p["origin"] for p in after["pack"]} == {"native"}
    if revision < "0006":  # shown in the written order, as before; none given up
        assert {s["orders"] for s in after["quiz_session"]} == {"{}"}
        assert {s["abandoned_at"] for s in after["quiz_session"]} == {None}
    if revision < "0008":  # nobody had a password
        assert read_rows(path, ("learner_password",))["learner_password"] == []
    if revision < "0009":  # no question in a group, no pack with groups or retired ids
        assert {q["draw_group"] for q in after["question"]} == {None}
        assert {(p["groups"], p["retired_keys"]) for p in after["pack"]} == {("[]", "[]")}
    for table in ("quiz_session", "answer", "learner"):  # learners' since 0007
        uids = [r["uid"] for r in after[table]]
        assert all(len(u) == 32 and int(u, 16) >= 0 for u in uids)
        assert len(set(uids)) == len(uids)


def _figures_are_kept(bank: Database) -> None:
    """0013's sums, filled from the answers and questions already there (a bank at 0013
    or later kept them as it went), are those counted from scratch."""
    assert_kept_as_counted(bank)
    with bank.reading() as session:
        learners, questions = learner_sums(session), question_sums(session)
    assert len(learners) == 5  # every learner of the template finished a quiz
    assert sum(q.attempts for q in questions) > sum(r.quizzes for r in learners) > 100
    assert list_packs(bank)[0].question_count > 0


def _services_work_on(bank: object, before: Rows) -> None:
    from quiz_app.storage import Database

    assert isinstance(bank, Database)
    for learner in before["learner"]:
        ada = LearnerId(learner["id"])
        finished = [
            s for s in before["quiz_session"] if s["learner_id"] == ada and s["finished_at"]
        ]
        assert len(quiz_history(bank, ada, limit=10_000)) == len(finished)
        progress = learner_progress(bank, ada, NOW + timedelta(days=20))
        assert progress.answers == sum(1 for a in before["answer"] if a["learner_id"] == ada)
        assert due_now(bank, ada, NOW + timedelta(days=400)) > 0
        left = unfinished_quiz(bank, ada)
        assert left is None or not left.abandoned  # a quiz given up is never offered
    ada = LearnerId(before["learner"][0]["id"])
    left = unfinished_quiz(bank, ada)
    assert left is not None
    assert len(left.answers) == 4
    stored = json.loads(
        next(s for s in before["quiz_session"] if s["id"] == left.id).get("orders", "{}")
    )
    assert {str(q): list(o) for q, o in left.orders.items()} == stored  # {} before 0006
    quiz = start_quiz(bank, ada, QuizSettings(count=5), seed=3, now=NOW + timedelta(days=30)).value
    with_choices = [q for q in quiz_questions(bank, quiz) if written_order(q.question.body)]
    assert with_choices
    assert all(
        sorted(quiz.orders[q.id]) == sorted(written_order(q.question.body)) for q in with_choices
    )
    question = quiz_questions(bank, quiz)[0]
    outcome = submit_answer(
        bank,
        quiz.id,
        question.id,
        right_response(question.question.body),
        1500,
        now=NOW + timedelta(days=30),
    )
    assert outcome.score == 1.0


_NEXT_MIGRATION = '''"""a migration of a later version of the app

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
    with op.batch_alter_table("quiz_session") as batch:
        batch.add_column(sa.Column("note", sa.String(), nullable=False, server_default=""))
    op.execute("UPDATE learner SET name = name || ' (moved)'")
{body}


def downgrade() -> None:
    with op.batch_alter_table("quiz_session") as batch:
        batch.drop_column("note")
'''


def _next_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """The app as a later version would be: the shipped migrations and one more."""
    migrations = tmp_path / "migrations"
    shutil.copytree(SHIPPED, migrations)
    (migrations / "versions" / "9999_next.py").write_text(
        _NEXT_MIGRATION.format(head=REVISIONS[-1], body=body)
    )
    monkeypatch.setattr(migrate_module, "MIGRATIONS", migrations)


@pytest.fixture
def full_bank(template: Rows, tmp_path: Path) -> Path:
    path = tmp_path / "bank.sqlite3"
    build_bank_at(head_revision(), path, template)
    return path


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ('    raise RuntimeError("a bug in the migration")', "a bug in the migration"),
        # Rows left pointing nowhere are caught before the commit.
        ('    op.execute("DELETE FROM learner WHERE id = 1")', "pointing at missing rows"),
    ],
    ids=["bug", "broken-foreign-keys"],
)
def test_a_failed_upgrade_leaves_the_bank_as_it_was_and_names_its_backup(
    full_bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, why: str
) -> None:
    before = full_bank.read_bytes()
    _next_version(tmp_path, monkeypatch, body)
    with pytest.raises(StorageError) as raised:
        open_database(f"sqlite:///{full_bank}")
    [backup] = existing_backups(full_bank)
    assert backup.upgrade == (REVISIONS[-1], "9999")
    assert str(backup.path) in str(raised.value)
    assert str(backup.path) in raised.value.message("zh")
    assert "unchanged" in str(raised.value)
    assert why in str(raised.value)
    assert "题库未被改动" in raised.value.message("zh")
    assert full_bank.read_bytes() == before  # the rebuilt table and the update rolled back
    assert not Path(f"{full_bank}-wal").exists()
    assert read_rows(backup.path) == read_rows(full_bank)

    # Trying again (each launch) replaces that backup rather than adding another.
    with pytest.raises(StorageError) as again:
        open_database(f"sqlite:///{full_bank}")
    [newer] = existing_backups(full_bank)
    assert str(newer.path) in str(again.value)
    assert full_bank.read_bytes() == before


def test_a_good_upgrade_after_failed_ones_keeps_one_backup(
    full_bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = read_rows(full_bank)
    _next_version(tmp_path, monkeypatch, '    raise RuntimeError("a bug")')
    with pytest.raises(StorageError):
        open_database(f"sqlite:///{full_bank}")
    _next_version(tmp_path / "fixed", monkeypatch, "")
    bank = open_database(f"sqlite:///{full_bank}")
    bank.close()
    [backup] = existing_backups(full_bank)
    assert read_rows(backup.path) == rows
    assert {r["name"] for r in read_rows(full_bank)["learner"]} == {
        f"{r['name']} (moved)" for r in rows["learner"]
    }
    bank = open_database(f"sqlite:///{full_bank}")  # at its newest: no more backups
    bank.close()
    assert len(existing_backups(full_bank)) == 1


def test_a_downgrade_keeps_every_row(full_bank: Path) -> None:
    rows = read_rows(full_bank)
    engine = create_bank_engine(f"sqlite:///{full_bank}")
    migrate(engine, "downgrade", REVISIONS[0])
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
    down = read_rows(full_bank)
    assert set(down) == set(rows) - set(LATER_TABLES)  # all came after 0001
    for table, kept in down.items():
        assert kept == [{c: r[c] for c in kept[0]} for r in rows[table]], table
    assert "flagged" not in down["quiz_session"][0]
    assert "uid" not in down["answer"][0]

    bank = open_bank(str(full_bank), builtin=False)  # and up again
    bank.close()
    again = read_rows(full_bank)
    # Schedules are rebuilt from the answers; the teacher PIN went with 0004's table,
    # the learner's password with 0008's.
    assert {t: len(r) for t, r in again.items()} == {t: len(r) for t, r in rows.items()} | {
        "setting": 0,
        "learner_password": 0,
    }
    assert len(rows["learner_password"]) == 1


def test_going_back_before_the_first_schema_is_refused(full_bank: Path) -> None:
    before = full_bank.read_bytes()
    engine = create_bank_engine(f"sqlite:///{full_bank}")
    with pytest.raises(StorageError, match="restore a backup instead") as refused:
        migrate(engine, "downgrade", "base")
    engine.dispose()
    assert "恢复一个备份" in refused.value.message("zh")
    assert full_bank.read_bytes() == before


def test_migrations_refuse_to_run_with_foreign_keys_on(full_bank: Path) -> None:
    """Run by hand (Alembic's command with the app's engine), they stop before a change."""
    before = full_bank.read_bytes()
    engine = create_bank_engine(f"sqlite:///{full_bank}")
    config = migrate_module.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        with pytest.raises(RuntimeError, match="foreign keys off"):
            command.downgrade(config, REVISIONS[0])
    engine.dispose()
    assert full_bank.read_bytes() == before


def test_a_file_that_is_not_a_database_is_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "bank.sqlite3"
    path.write_bytes(b"this is a shopping list, not a bank\n" * 200)
    with pytest.raises(StorageError, match="cannot open the question bank") as raised:
        open_database(f"sqlite:///{path}")
    assert "无法打开" in raised.value.message("zh")
    assert path.read_bytes() == b"this is a shopping list, not a bank\n" * 200
