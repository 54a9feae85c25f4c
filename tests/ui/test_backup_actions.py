"""File › Restore from backup… in the window, and the backup taken when the app closes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.backups import backup_bank, list_backups
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import (
    finish_quiz,
    quiz_history,
    quiz_questions,
    start_quiz,
    submit_answer,
)
from quiz_app.storage import Database
from quiz_app.ui.backup_actions import backup_on_close
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.restore_dialog import RestoreBackupDialog
from tests.conftest import NOW, sqlite_only

pytestmark = sqlite_only(
    "backups copy the bank's file; a server is copied with pg_dump (tests/server_mode)"
)


def _quiz(database: Database, learner: int, seed: int) -> None:
    quiz = start_quiz(database, learner, QuizSettings(count=3), seed=seed).value  # type: ignore[arg-type]
    for question in quiz_questions(database, quiz):
        submit_answer(database, quiz.id, question.id, right_response(question.question.body), 800)
    finish_quiz(database, quiz.id)


def test_a_bank_that_changed_is_backed_up_on_close_and_only_then(
    database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    _quiz(database, ada.id, 1)
    backup_on_close(database)
    assert len(list_backups(database)) == 1
    backup_on_close(database)  # nothing new since
    assert len(list_backups(database)) == 1
    _quiz(database, ada.id, 2)
    backup_on_close(database)
    assert len(list_backups(database)) == 2


def test_restoring_a_backup_brings_back_its_results_and_redraws_home(
    qtbot: QtBot, database: Database, sample_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    _quiz(database, ada.id, 1)
    backup_bank(database, datetime(2026, 12, 1, tzinfo=UTC))
    _quiz(database, ada.id, 2)  # after the backup: the restore takes it away
    assert len(quiz_history(database, ada.id)) == 2

    shown: list[int] = []

    def choose_the_backup(dialog: RestoreBackupDialog) -> int:
        shown.append(dialog.table.rowCount())
        dialog._chosen = dialog._backups[0]
        return RestoreBackupDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RestoreBackupDialog, "exec", choose_the_backup)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.recent.text().startswith("Recent results"))
    window.gate.unlocked = True
    with qtbot.waitSignal(window.backups.restored, timeout=30_000) as done:
        window.backups.ask_restore()
    assert shown == [1]
    assert done.args[0].startswith("Restored ")
    assert len(quiz_history(database, ada.id)) == 1
    # the bank as it was before the restore is kept, to undo it
    assert len(list_backups(database)) == 2
    qtbot.waitUntil(lambda: window.home.recent.text().count("%") == 1)


def test_without_the_pin_nothing_is_listed_or_restored(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:

    from PySide6.QtWidgets import QInputDialog

    from quiz_app.services.teacher import set_pin

    set_pin(database, "2468")
    backup_bank(database, NOW)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a: ("1111", True))
    warned: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning", lambda _p, _t, text: warned.append(text)
    )
    opened: list[object] = []
    monkeypatch.setattr(RestoreBackupDialog, "exec", lambda d: opened.append(d) or 0)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.backups.ask_restore()
    qtbot.wait(50)
    assert warned == ["That is not the teacher PIN."]
    assert opened == []
