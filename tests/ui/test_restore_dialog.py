"""The restore dialog: what each backup is, damaged ones out of reach, keys and confirmation."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quiz_app.services.backups import (
    BackupInfo,
    BackupReason,
    backup_bank,
    backup_if_changed,
    list_backups,
)
from quiz_app.services.learners import create_learner
from quiz_app.storage import Database
from quiz_app.ui.i18n import set_language
from quiz_app.ui.restore_dialog import (
    ANSWERS,
    DATE,
    LEARNERS,
    QUIZZES,
    REASON,
    SIZE,
    RestoreBackupDialog,
)
from tests.conftest import NOW, sqlite_only

pytestmark = sqlite_only(
    "backups copy the bank's file; a server is copied with pg_dump (tests/server_mode)"
)


@pytest.fixture
def backups(database: Database) -> list[BackupInfo]:
    """A bank's real backups: on close, a damaged one, by hand, before an upgrade."""
    create_learner(database, "Ada", now=NOW)
    manual = backup_bank(database, NOW - timedelta(days=2))
    create_learner(database, "李娜", now=NOW)
    on_close = backup_if_changed(database, NOW)
    assert on_close is not None
    damaged = manual.with_name("bank-20261123T100000Z-close.sqlite3")
    damaged.write_bytes(manual.read_bytes()[:3000])
    upgrade = manual.with_name("bank-20261101T100000Z-upgrade-0004-0005.sqlite3")
    upgrade.write_bytes(manual.read_bytes())
    found = list_backups(database)
    assert [b.stamp.reason for b in found] == [
        BackupReason.CLOSE,
        BackupReason.CLOSE,
        BackupReason.MANUAL,
        BackupReason.UPGRADE,
    ]
    return found


def _dialog(qtbot: QtBot, backups: list[BackupInfo]) -> RestoreBackupDialog:
    dialog = RestoreBackupDialog(backups)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_each_backup_says_when_why_what_it_holds_and_its_size(
    qtbot: QtBot, backups: list[BackupInfo]
) -> None:
    dialog = _dialog(qtbot, backups)
    table = dialog.table

    def row(r: int) -> list[str]:
        return [table.item(r, c).text() for c in (DATE, REASON, LEARNERS, QUIZZES, ANSWERS, SIZE)]

    local = backups[0].stamp.when.astimezone().strftime("%Y-%m-%d %H:%M")
    assert row(0) == [
        local,
        "When the app closed",
        "2",
        "0",
        "0",
        QLocale().formattedDataSize(backups[0].size),
    ]
    assert row(2)[1:5] == ["By hand", "1", "0", "0"]
    assert row(3)[1] == "Before an upgrade"
    assert table.item(1, LEARNERS).text() == "Damaged: cannot be restored"
    assert table.columnSpan(1, LEARNERS) == 3
    assert backups[1].problem in table.item(1, DATE).toolTip()
    assert table.item(1, DATE).flags() == Qt.ItemFlag.NoItemFlags
    assert table.item(0, DATE).flags() & Qt.ItemFlag.ItemIsSelectable


def test_the_table_has_the_focus_and_enter_restores_after_confirming(
    qtbot: QtBot, backups: list[BackupInfo], monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, backups)
    assert dialog.focusWidget() is dialog.table
    assert dialog.table.currentRow() == 0
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # over the damaged one
    assert dialog.table.currentRow() == 2
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() == backups[2]
    [text] = asked
    assert "backed up first" in text
    assert backups[2].stamp.when.astimezone().strftime("%Y-%m-%d %H:%M") in text


def test_saying_no_to_the_confirmation_keeps_the_dialog_open(
    qtbot: QtBot, backups: list[BackupInfo], monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, backups)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert dialog.isVisible()
    assert dialog.chosen() is None
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.chosen() is None


def test_a_damaged_backup_cannot_be_chosen_with_the_mouse(
    qtbot: QtBot, backups: list[BackupInfo], monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, backups)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    table = dialog.table
    rect = table.visualRect(table.model().index(1, DATE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentRow() == 0
    assert asked == []
    assert dialog.chosen() is None
    assert dialog.isVisible()
    # A double click on a good one restores it, after the question.
    rect = table.visualRect(table.model().index(2, DATE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked == []
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(asked) == 1
    assert dialog.chosen() == backups[2]


def test_with_nothing_restorable_the_button_is_off_and_says_why(
    qtbot: QtBot, backups: list[BackupInfo]
) -> None:

    empty = _dialog(qtbot, [])
    assert not empty.restore.isEnabled()
    assert empty.note.text() == "There are no backups of this bank yet."
    damaged = _dialog(qtbot, [backups[1]])
    assert not damaged.restore.isEnabled()
    assert damaged.note.text() == "None of these backups can be restored."
    qtbot.keyClick(damaged.table, Qt.Key.Key_Return)
    assert damaged.isVisible()


def test_a_backup_path_is_shown_on_hover(qtbot: QtBot, backups: list[BackupInfo]) -> None:
    dialog = _dialog(qtbot, backups)
    assert dialog.table.item(0, SIZE).toolTip() == str(Path(backups[0].path))


def test_the_dialog_speaks_chinese(qtbot: QtBot, backups: list[BackupInfo]) -> None:
    set_language("zh")
    try:
        dialog = _dialog(qtbot, backups)
        assert dialog.windowTitle() == "恢复备份"
        assert [dialog.table.item(r, REASON).text() for r in range(4)] == [
            "关闭程序时",
            "关闭程序时",
            "手动",
            "升级之前",
        ]
        assert dialog.table.item(1, LEARNERS).text() == "已损坏：无法恢复"
        assert dialog.restore.text() == "恢复(&R)…"
    finally:
        set_language("en")
