"""Backups of banks full of answers: taken, thinned, listed and restored."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from quiz_app.core.changes import Changes
from quiz_app.core.errors import StorageError
from quiz_app.core.grading import right_response
from quiz_app.core.ids import LearnerId
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.backups import (
    BackupReason,
    backup_bank,
    backup_if_changed,
    list_backups,
    restore_backup,
)
from quiz_app.services.quiz import (
    finish_quiz,
    quiz_questions,
    start_quiz,
    submit_answer,
    toggle_flag,
    unfinished_quiz,
)
from quiz_app.storage import Database, open_database
from quiz_app.storage.migrate import head_revision
from tests.conftest import NOW
from tests.storage.corpus import REVISIONS, Rows, build_bank_at, class_template, read_rows


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Rows:
    return class_template(tmp_path_factory)


@pytest.fixture
def bank(template: Rows, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "class" / "bank.sqlite3"
    path.parent.mkdir()
    build_bank_at(head_revision(), path, template)
    database = open_database(f"sqlite:///{path}")
    yield database
    database.close()


def _file(database: Database) -> Path:
    return Path(database.url.removeprefix("sqlite:///"))


def _answer_one(database: Database) -> None:
    quiz = start_quiz(database, LearnerId(1), QuizSettings(count=3), seed=9, now=NOW).value
    question = quiz_questions(database, quiz)[0]
    submit_answer(database, quiz.id, question.id, right_response(question.question.body), 800)


def test_a_backup_is_a_private_consistent_copy_named_by_its_utc_time(bank: Database) -> None:
    _answer_one(bank)  # still in the WAL, not yet in the bank's file
    taken = backup_bank(bank, NOW.astimezone(UTC) + timedelta(hours=8, seconds=1.5))
    assert taken.parent == _file(bank).parent / "backups"
    assert taken.name == "bank-20261124T200001Z-manual.sqlite3"
    assert stat.S_IMODE(taken.stat().st_mode) == 0o600
    assert stat.S_IMODE(taken.parent.stat().st_mode) == 0o700
    assert read_rows(taken) == read_rows(_file(bank))
    with closing(sqlite3.connect(taken)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert [p.name for p in taken.parent.iterdir()] == [taken.name]  # nothing left over


def test_two_backups_in_one_second_both_stay(bank: Database) -> None:
    first = backup_bank(bank, NOW)
    second = backup_bank(bank, NOW)
    assert first != second
    assert [b.path for b in list_backups(bank)] == [second, first]


def test_on_close_a_backup_is_taken_only_when_something_changed(bank: Database) -> None:
    first = backup_if_changed(bank, NOW)
    assert first is not None  # no backup yet
    assert backup_if_changed(bank, NOW + timedelta(minutes=1)) is None

    # A checkpoint and a vacuum rewrite the file, not its content.
    with closing(sqlite3.connect(_file(bank), isolation_level=None)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("VACUUM")
    assert backup_if_changed(bank, NOW + timedelta(minutes=2)) is None

    changes = [
        lambda: _answer_one(bank),
        lambda: toggle_flag(bank, quiz.id, quiz.question_ids[0]),
        lambda: finish_quiz(bank, quiz.id, now=NOW),
    ]
    quiz = unfinished_quiz(bank, LearnerId(1))
    assert quiz is not None
    for minute, change in enumerate(changes, start=3):
        change()
        assert backup_if_changed(bank, NOW + timedelta(minutes=minute)) is not None
        assert backup_if_changed(bank, NOW + timedelta(minutes=minute, seconds=30)) is None


def test_a_damaged_newest_backup_does_not_stop_the_next_one(bank: Database) -> None:
    newest = backup_bank(bank, NOW)
    newest.write_bytes(b"garbage" * 100)
    assert backup_if_changed(bank, NOW + timedelta(minutes=1)) is not None


def test_backups_are_thinned_as_they_are_taken(bank: Database) -> None:
    bank.close()
    upgrade_era = NOW - timedelta(days=500)
    for day in range(0, 400, 5):
        backup_bank(bank, upgrade_era + timedelta(days=day))
    folder = _file(bank).parent / "backups"
    before = {p.name for p in folder.iterdir()}
    # As an upgrade long ago would have left it:
    old_upgrade = folder / "bank-20250101T000000Z-upgrade-0004-0005.sqlite3"
    shutil.copy(next(folder.iterdir()), old_upgrade)
    backup_bank(bank, NOW)
    after = list_backups(bank)
    assert 10 < len(after) <= 5 + 7 + 4 + 6 + 1
    assert after[0].stamp.when == NOW
    assert old_upgrade in [b.path for b in after]
    assert {b.path.name for b in after} <= before | {after[0].path.name, old_upgrade.name}


def test_the_list_says_what_each_backup_holds_and_which_are_damaged(
    bank: Database, template: Rows
) -> None:
    good = backup_bank(bank, NOW - timedelta(days=2))
    _answer_one(bank)
    closing_time = backup_if_changed(bank, NOW)
    assert closing_time is not None
    folder = good.parent
    half = folder / "bank-20261123T100000Z-manual.sqlite3"
    half.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    (folder / "bank-20261123T110000Z-close.sqlite3").write_text("a shopping list")
    with closing(sqlite3.connect(folder / "bank-20261123T120000Z-close.sqlite3")) as other:
        other.execute("CREATE TABLE accounts (id INTEGER)")
    (folder / "notes.txt").write_text("not a backup at all")  # not listed
    (folder / "other-20261123T120000Z-close.sqlite3").write_bytes(
        good.read_bytes()
    )  # another bank's
    legacy = _file(bank).parent / "bank.sqlite3.before-0005-20261101T080000Z.bak"
    shutil.copy(good, legacy)

    listed = list_backups(bank)
    assert [b.path.name for b in listed] == [
        closing_time.name,
        "bank-20261123T120000Z-close.sqlite3",
        "bank-20261123T110000Z-close.sqlite3",
        "bank-20261123T100000Z-manual.sqlite3",
        good.name,
        legacy.name,
    ]
    newest = listed[0]
    assert newest.stamp.reason is BackupReason.CLOSE
    assert newest.restorable
    assert newest.contents is not None
    answers = len(template["answer"]) * 12
    assert (newest.contents.learners, newest.contents.quizzes, newest.contents.answers) == (
        len(template["learner"]),
        len(template["quiz_session"]) * 12 + 1,
        answers + 1,
    )
    assert newest.contents.packs == len(template["pack"])
    assert newest.size == closing_time.stat().st_size
    assert listed[4].contents is not None
    assert listed[4].contents.answers == answers
    assert [b.restorable for b in listed[1:4]] == [False, False, False]
    assert "not a Chang'e Quiz bank" in listed[1].problem
    assert listed[3].problem
    assert (listed[5].stamp.reason, listed[5].restorable) == (BackupReason.UPGRADE, True)


def test_a_restore_brings_the_backup_back_and_can_be_undone(bank: Database) -> None:
    saved = read_rows(_file(bank))
    backup = backup_bank(bank, NOW - timedelta(days=1))
    _answer_one(bank)
    changed = read_rows(_file(bank))
    # Another window on the same bank, with a connection open in its pool.
    other = open_database(bank.url)
    with other.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM answer").scalar() == len(
            changed["answer"]
        )

    result = restore_backup(bank, backup, NOW)
    assert result.changes is Changes.EVERYTHING
    assert (result.restored, result.migrated_from) == (backup, None)
    assert read_rows(_file(bank)) == saved
    with other.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM answer").scalar() == len(
            saved["answer"]
        )
    other.close()
    assert bank.integrity_problems() == []
    with bank.engine.connect() as connection:  # still the app's own settings
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    _answer_one(bank)  # the bank works on

    assert result.undo.parent == backup.parent
    assert read_rows(result.undo) == changed
    assert next(b for b in list_backups(bank) if b.path == result.undo).stamp.reason is (
        BackupReason.RESTORE
    )
    assert backup.exists()
    restore_backup(bank, result.undo, NOW + timedelta(minutes=1))
    assert read_rows(_file(bank)) == changed


@pytest.mark.parametrize("revision", REVISIONS[:2])
def test_an_older_backup_is_upgraded_as_it_is_restored(
    bank: Database, template: Rows, tmp_path: Path, revision: str
) -> None:
    old = tmp_path / f"old-{revision}.sqlite3"
    written = build_bank_at(revision, old, template)
    old_bytes = old.read_bytes()
    result = restore_backup(bank, old, NOW)
    assert result.migrated_from == revision
    assert bank.schema_state().current == head_revision()
    assert bank.integrity_problems() == []
    restored = read_rows(_file(bank))
    for table, rows in written.items():
        assert [{c: r[c] for c in rows[0]} for r in restored[table]] == rows, table
    assert len(restored["schedule"]) > 0  # rebuilt from the answers
    assert old.read_bytes() == old_bytes  # the file restored from is left as it was
    assert not list(tmp_path.glob("class/backups/.restoring-*"))


def _damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for at in range(3 * page, len(data) - page, 7 * page):
        data[at + 8 : at + 200] = b"\xff" * 192  # scribble over some pages' headers
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda p: p.write_text("a shopping list\n" * 300), "not a readable Chang'e Quiz bank"),
        (_damaged, "not a readable Chang'e Quiz bank"),
        (lambda p: p.unlink(), "no such file"),
    ],
    ids=["not-a-bank", "damaged", "missing"],
)
def test_a_file_that_cannot_be_restored_is_refused_and_the_bank_left_alone(
    bank: Database, tmp_path: Path, make: object, why: str
) -> None:
    source = backup_bank(bank, NOW - timedelta(days=1))
    candidate = tmp_path / "candidate.sqlite3"
    shutil.copy(source, candidate)
    assert callable(make)
    make(candidate)
    before = read_rows(_file(bank))
    backups = [b.path for b in list_backups(bank)]
    with pytest.raises(StorageError, match=why) as refused:
        restore_backup(bank, candidate, NOW)
    assert "题库未被改动" in refused.value.message("zh")
    assert read_rows(_file(bank)) == before
    assert [b.path for b in list_backups(bank)] == backups  # not even an undo backup
    assert not list(source.parent.glob(".restoring-*"))


def test_a_backup_from_a_newer_app_is_refused(bank: Database, tmp_path: Path) -> None:
    newer = backup_bank(bank, NOW - timedelta(days=1))
    with closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    before = read_rows(_file(bank))
    with pytest.raises(StorageError, match="newer version of Chang'e Quiz") as refused:
        restore_backup(bank, newer, NOW)
    assert "更新版本" in refused.value.message("zh")
    assert read_rows(_file(bank)) == before


def test_a_backup_with_other_pages_is_restored(bank: Database, tmp_path: Path) -> None:
    small_pages = tmp_path / "small-pages.sqlite3"
    with closing(sqlite3.connect(small_pages)) as connection:
        connection.execute("PRAGMA page_size = 1024")
        with closing(sqlite3.connect(_file(bank))) as live:
            live.backup(connection)
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("VACUUM")
        assert connection.execute("PRAGMA page_size").fetchone() == (1024,)
    expected = read_rows(small_pages)
    _answer_one(bank)
    restore_backup(bank, small_pages, NOW)
    assert read_rows(_file(bank)) == expected


def test_a_server_database_is_not_backed_up_by_the_app() -> None:
    server = Database("postgresql://teacher@school/quiz", create_engine("sqlite://"))
    assert list_backups(server) == []
    assert backup_if_changed(server, NOW) is None
    with pytest.raises(StorageError, match="only a bank in a file") as refused:
        backup_bank(server, NOW)
    assert "数据库服务器" in refused.value.message("zh")
    with pytest.raises(StorageError, match="only a bank in a file"):
        restore_backup(server, Path("backup.sqlite3"), NOW)
