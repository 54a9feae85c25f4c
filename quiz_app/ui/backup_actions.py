"""File › Restore from backup… (teacher), and the backup taken when the app closes."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from quiz_app.ui.context import AppContext
from quiz_app.ui.teacher_gate import TeacherGate
from quiz_app.ui.worker import database_worker

if TYPE_CHECKING:
    from quiz_app.core.backups import BackupInfo
    from quiz_app.core.errors import QuizError
    from quiz_app.services.backups import RestoreResult
    from quiz_app.services.bank import Database

_log = logging.getLogger(__name__)


def backup_on_close(database: Database) -> None:
    """A backup of the bank if it changed since its newest one (the app is closing, so
    a problem is logged, not shown)."""
    from quiz_app.core.errors import QuizError
    from quiz_app.services.backups import backup_if_changed

    try:
        taken = backup_if_changed(database, datetime.now().astimezone())
    except QuizError as err:
        _log.warning("no backup on close: %s", err)
        return
    if taken is not None:
        _log.info("backed up the bank on close: %s", taken)


class BackupActions(QObject):
    restored = Signal(str)
    """The message shown once a backup is in place of the bank."""

    def __init__(self, window: QMainWindow, context: AppContext, gate: TeacherGate) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._gate = gate

    def ask_restore(self) -> None:
        """File › Restore from backup…: every learner's results are replaced, so the
        teacher's PIN comes first."""
        from quiz_app.services.backups import list_backups

        database = self._context.database
        if database is None or not self._gate.unlock():
            return
        database_worker(database).run(lambda: list_backups(database), self._choose, self._failed)

    def _choose(self, backups: list[BackupInfo]) -> None:
        from quiz_app.ui.restore_dialog import RestoreBackupDialog

        if not backups:
            QMessageBox.information(
                self._window,
                self.tr("Restore a backup"),
                self.tr("This question bank has no backups yet."),
            )
            return
        dialog = RestoreBackupDialog(backups, self._window)
        if dialog.exec() != RestoreBackupDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen is not None:
            self.restore(chosen)

    def restore(self, backup: BackupInfo) -> None:
        from quiz_app.services.backups import restore_backup

        database = self._context.database
        assert database is not None
        now = datetime.now().astimezone()
        database_worker(database).run(
            lambda: restore_backup(database, backup.path, now), self._restored, self._failed
        )

    def _restored(self, result: RestoreResult) -> None:
        self._context.notify(result.changes)
        message = (
            self.tr("Restored %1. The bank as it was is kept as %2.")
            .replace("%1", result.restored.name)
            .replace("%2", result.undo.name)
        )
        self._window.statusBar().showMessage(message)
        self.restored.emit(message)

    def _failed(self, error: QuizError) -> None:
        QMessageBox.warning(
            self._window, self.tr("Restore a backup"), error.message(self._context.language)
        )
