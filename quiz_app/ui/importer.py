"""Importing a pack in the app: a preview first, then the import with a progress bar.

Both run off the GUI thread. The preview reads the file once; the import writes exactly
the pack that was previewed. Cancelling the progress dialog stops the import at its
next step and its single transaction is rolled back, so the bank stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from quiz_app.ui.i18n import error_text
from quiz_app.ui.worker import Job, database_worker

if TYPE_CHECKING:
    from quiz_app.core.importing import ImportControl, ImportPlan
    from quiz_app.core.questions import Pack
    from quiz_app.services.bank import Database
    from quiz_app.services.packs import ImportPreview


class ImportFlow(QObject):
    preview_shown = Signal(object)
    """The ImportPreviewDialog, just before it is shown."""
    progress_shown = Signal(object)
    """The QProgressDialog of a running import, once it is shown."""
    finished = Signal(str)
    """The message about how the import ended."""
    bank_changed = Signal(object)
    """Changes: what the import changed in the bank."""
    progressed = Signal(int, int)
    """(done, total) as the import writes; emitted on the import's thread, so it reaches
    the GUI thread queued."""

    def __init__(self, window: QWidget, database: Callable[[], Database | None]) -> None:
        super().__init__(window)
        self._window = window
        self._database = database
        self._job: object | None = None
        self._progress: QProgressDialog | None = None
        self._control: ImportControl | None = None
        self.progressed.connect(self._moved)

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, path: Path) -> None:
        """Preview the import of ``path`` (the caller has checked the teacher PIN)."""
        from quiz_app.services.packs import preview_import

        database = self._database()
        if database is None or self.running:
            return
        self._job = database_worker(database).run(
            lambda: preview_import(database, path),
            lambda preview: self._preview(path, preview),
            lambda error: self._preview_failed(path, error),
            self._ended,
        )

    def _preview(self, path: Path, preview: ImportPreview) -> None:
        from quiz_app.ui.import_preview import ImportPreviewDialog

        self._job = None
        dialog = ImportPreviewDialog(path.name, preview.plan, parent=self._window)
        self.preview_shown.emit(dialog)
        accepted = dialog.exec() == ImportPreviewDialog.DialogCode.Accepted
        if not accepted or not dialog.can_import:
            self.finished.emit(self.tr("Import cancelled: nothing was changed."))
            return
        self._write(path, preview.pack)

    def _preview_failed(self, path: Path, error: Exception) -> None:
        from quiz_app.core.errors import PackError
        from quiz_app.ui.import_preview import ImportPreviewDialog

        self._job = None
        if not isinstance(error, PackError):
            self._failed(error)
            return
        dialog = ImportPreviewDialog(path.name, None, list(error.problems), parent=self._window)
        self.preview_shown.emit(dialog)
        dialog.exec()
        self.finished.emit(error_text(error))

    def _write(self, path: Path, pack: Pack) -> None:
        from quiz_app.core.importing import ImportControl
        from quiz_app.services.packs import import_loaded_pack

        database = self._database()
        assert database is not None
        progress = self.progress_dialog(path.name)
        control = ImportControl(self.progressed.emit)
        progress.canceled.connect(control.cancel)
        self._progress, self._control = progress, control
        progress.show()
        self.progress_shown.emit(progress)
        self._job = database_worker(database).run(
            lambda: import_loaded_pack(database, pack, control=control),
            self._imported,
            self._failed,
            self._ended,
        )

    def progress_dialog(self, name: str) -> QProgressDialog:
        """The progress bar of an import, with its Cancel button."""
        progress = QProgressDialog(
            self.tr("Importing %1…").replace("%1", name),
            self.tr("Cancel"),
            0,
            100,
            self._window,
        )
        progress.setWindowTitle(self.tr("Import pack"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        return progress

    def cancel(self) -> None:
        """Stop a running import; the bank is left as it was."""
        if self._control is not None:
            self._control.cancel()

    def _moved(self, done: int, total: int) -> None:
        if self._progress is not None and total:
            self._progress.setValue(round(100 * done / total))

    def _close_progress(self) -> None:
        self._job = None
        self._control = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _imported(self, plan: ImportPlan) -> None:
        from quiz_app.ui.import_preview import plan_message  # not needed to show the window

        self._close_progress()
        self.bank_changed.emit(plan.changes)
        message = (
            self.tr("%1 %2 is already in the bank.")
            if not plan.changes_anything
            else self.tr("Imported %1 %2: %3 added, %4 changed, %5 retired.")
        )
        self.finished.emit(plan_message(message, plan))

    def _ended(self, job: Job[Any]) -> None:
        """A bug in the preview or the import ends the import too (the crash dialog
        says the rest), unless the job had already handed over to the next one."""
        if job.crashed and self._job in (None, job):
            self._close_progress()
            self.finished.emit(self.tr("The import was stopped by an error in the app."))

    def _failed(self, error: Exception) -> None:
        from quiz_app.core.errors import ImportCancelledError

        self._close_progress()
        if isinstance(error, ImportCancelledError):
            self.finished.emit(self.tr("Import cancelled: the bank is as it was."))
            return
        QMessageBox.warning(self._window, self.tr("Import pack"), error_text(error))
        self.finished.emit(error_text(error))
