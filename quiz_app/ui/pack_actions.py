"""Choosing a pack, and exporting one to a file (File › Export pack…)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from quiz_app.ui.i18n import current_language, error_text
from quiz_app.ui.worker import Job, database_worker

if TYPE_CHECKING:
    from quiz_app.core.bank import PackSummary
    from quiz_app.services.bank import Database
    from quiz_app.services.packs import ExportReport

EXPORT_KINDS = {
    ".zip": "toml",
    ".gift": "gift",
    ".xml": "moodle-xml",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".txt": "aiken",
}
"""What an export's file name asks for."""


def choose_pack(
    parent: QWidget, packs: list[PackSummary], language: str, title: str, current: str | None
) -> str | None:
    """The id of the pack the teacher picks (no question when there is only one)."""
    if len(packs) <= 1:
        return packs[0].id if packs else None
    labels = [f"{p.title.get(language)} ({p.id} {p.version})" for p in packs]
    ids: list[str] = [p.id for p in packs]
    start = ids.index(current) if current in ids else 0
    label, ok = QInputDialog.getItem(parent, title, parent.tr("Pack:"), labels, start, False)
    return ids[labels.index(label)] if ok and label in labels else None


class PackExport(QObject):
    finished = Signal(str)
    """The message about how the export ended."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._job: object | None = None

    def ask(self, database: Database, pack_id: str, language: str) -> None:
        filters = ";;".join(
            (
                self.tr("Pack archive (*.zip)"),
                self.tr("GIFT for Moodle (*.gift)"),
                self.tr("Moodle XML (*.xml)"),
                self.tr("Spreadsheet (*.csv)"),
                self.tr("Excel workbook (*.xlsx)"),
                self.tr("Aiken (*.txt)"),
            )
        )
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export pack"), f"{pack_id}.zip", filters
        )
        if path:
            self.export(database, pack_id, Path(path), language)

    def export(self, database: Database, pack_id: str, path: Path, language: str) -> None:
        """Write the pack to ``path``, in the format its extension names (the save dialog
        has already asked before replacing a file)."""
        from quiz_app.services.packs import export_pack

        kind = EXPORT_KINDS.get(path.suffix.lower())
        if kind is None:
            path = path.with_suffix(".zip")
            kind = "toml"
        self._job = database_worker(database).run(
            lambda: export_pack(database, pack_id, path, kind, language, replace_file=True),
            lambda report: self._done(path, report),
            self._failed,
            self._ended,
        )

    def _done(self, path: Path, report: ExportReport) -> None:
        self._job = None
        message = (
            self.tr("Exported %1 questions to %2.")
            .replace("%1", str(report.written))
            .replace("%2", path.name)
        )
        parts = []
        if report.left_out:
            zh = current_language() == "zh"
            lines = "\n".join(f"{key}: {why.zh if zh else why.en}" for key, why in report.left_out)
            left = self.tr("%1 question(s) could not go into this format:").replace(
                "%1", str(len(report.left_out))
            )
            parts.append(f"{left}\n{lines}")
        if report.notes:
            zh = current_language() == "zh"
            lines = "\n".join(f"{key}: {how.zh if zh else how.en}" for key, how in report.notes)
            near = self.tr("%1 question(s) went in as the nearest thing this format has:")
            parts.append(f"{near.replace('%1', str(len(report.notes)))}\n{lines}")
        if parts:
            QMessageBox.information(
                self._window, self.tr("Export pack"), "\n\n".join([message, *parts])
            )
        self.finished.emit(message)

    def _ended(self, job: Job[Any]) -> None:
        if job.crashed and self._job in (None, job):  # the crash dialog says the rest
            self._job = None
            self.finished.emit(self.tr("The export was stopped by an error in the app."))

    def _failed(self, error: Exception) -> None:
        self._job = None
        QMessageBox.warning(self._window, self.tr("Export pack"), error_text(error))
        self.finished.emit(error_text(error))
