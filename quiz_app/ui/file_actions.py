"""The File menu's work: importing a pack (a teacher's), exporting a pack, and a
learner exporting their own results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressBar

from quiz_app.ui.context import AppContext
from quiz_app.ui.importer import ImportFlow
from quiz_app.ui.pack_actions import PackExport, choose_pack
from quiz_app.ui.results_exchange import ResultsExchange
from quiz_app.ui.teacher_gate import TeacherGate
from quiz_app.ui.widgets.pack_list import PackListWidget, selected_pack


def dropped_path(mime: QMimeData) -> Path | None:
    """The one local file or folder being dragged, if that is what it is."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    return Path(urls[0].toLocalFile())


class FileActions(QObject):
    import_finished = Signal(str)
    """The message shown to the user about the import."""
    pack_exported = Signal(str)
    """The message shown to the user about an export."""
    results_moved = Signal(str)
    """The message about an export or a merge of learners' results."""

    def __init__(
        self,
        window: QMainWindow,
        context: AppContext,
        gate: TeacherGate,
        packs: PackListWidget,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._gate = gate
        self._packs = packs
        self._busy = QProgressBar(window)
        self._busy.setRange(0, 0)  # busy: no percentage to show
        self._busy.setMaximumWidth(160)
        self._busy.hide()
        window.statusBar().addPermanentWidget(self._busy)
        self.importer = ImportFlow(window, lambda: self._context.database)
        self.importer.preview_shown.connect(self._hide_busy)
        self.importer.finished.connect(self._import_finished)
        self.importer.bank_changed.connect(context.notify)
        self.exporter = PackExport(window)
        self.exporter.finished.connect(self._exported)
        self.exchange = ResultsExchange(window)
        self.exchange.finished.connect(self._results_moved)
        self.exchange.bank_changed.connect(context.notify)

    def set_packs(self, packs: PackListWidget) -> None:
        """The pack list whose current pack is offered first (Home is rebuilt on a
        language switch)."""
        self._packs = packs

    def _status(self, message: str) -> None:
        self._window.statusBar().showMessage(message)

    # -- import ----------------------------------------------------------------------------
    def ask_import(self) -> None:
        """File › Import pack: a pack file, or a pack.toml for its folder (teacher)."""
        if not self._gate.unlock():
            return
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import pack"),
            "",
            self.tr(
                "Question packs (*.zip pack.toml *.gift *.txt *.aiken *.xml *.csv *.xlsx);;"
                "All files (*)"
            ),
        )
        if path:
            chosen = Path(path)
            self.import_pack(chosen.parent if chosen.name == "pack.toml" else chosen)

    def ask_import_folder(self) -> None:
        """File › Import pack folder (teacher)."""
        if not self._gate.unlock():
            return
        path = QFileDialog.getExistingDirectory(self._window, self.tr("Import pack folder"))
        if path:
            self.import_pack(Path(path))

    def import_dropped(self, mime: QMimeData) -> bool:
        """A pack file or folder dropped on the window is imported (teacher)."""
        path = dropped_path(mime)
        if path is None:
            return False
        if self._gate.unlock():
            self.import_pack(path.parent if path.name == "pack.toml" else path)
        return True

    def import_pack(self, path: Path) -> None:
        """Preview the import of ``path``, then import it if the teacher accepts."""
        self._status(self.tr("Checking %1…").replace("%1", path.name))
        self._busy.show()
        self.importer.start(path)

    def _import_finished(self, message: str) -> None:
        self._busy.hide()
        self._status(message)
        self.import_finished.emit(message)

    def _hide_busy(self, _dialog: object) -> None:
        self._busy.hide()

    # -- export ----------------------------------------------------------------------------
    def choose_pack(self, title: str) -> str | None:
        """A pack of the bank, asked for (the one selected on Home first)."""
        from quiz_app.services.packs import list_packs

        database = self._context.database
        assert database is not None
        packs = list_packs(database)
        if not packs:
            QMessageBox.information(self._window, title, self.tr("The bank has no packs yet."))
            return None
        return choose_pack(
            self._window, packs, self._context.language, title, selected_pack(self._packs)
        )

    def ask_export_pack(self) -> None:
        """File › Export pack: any learner may take a copy of a pack."""
        database = self._context.database
        if database is None:
            return
        pack_id = self.choose_pack(self.tr("Export pack"))
        if pack_id is not None:
            self.exporter.ask(database, pack_id, self._context.language)

    def _exported(self, message: str) -> None:
        self._status(message)
        self.pack_exported.emit(message)

    # -- results between computers ----------------------------------------------------------
    def ask_export_mine(self, learner_name: str | None) -> None:
        """File › Export my results: the current learner's own, no PIN needed."""
        database = self._context.database
        if database is None or learner_name is None:
            QMessageBox.information(
                self._window, self.tr("Export results"), self.tr("Choose who is learning first.")
            )
            return
        self.exchange.ask_export(database, [learner_name], f"{learner_name}-results")

    def ask_export_everyone(self) -> None:
        """Teacher › Export all learners' results (PIN), e.g. to move the class's bank."""
        database = self._context.database
        if database is not None and self._gate.unlock():
            self.exchange.ask_export(database, None, "class-results")

    def ask_merge(self) -> None:
        """Teacher › Merge learners' results (PIN)."""
        database = self._context.database
        if database is not None and self._gate.unlock():
            self.exchange.ask_merge(database)

    def _results_moved(self, message: str) -> None:
        self._status(message)
        self.results_moved.emit(message)
