"""Saving reports: a learner's progress report, the class report and results as CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from quiz_app.core.ids import LearnerId
from quiz_app.ui.context import AppContext
from quiz_app.ui.navigation import Navigation
from quiz_app.ui.worker import database_worker

if TYPE_CHECKING:
    from quiz_app.services.results import ClassResults


class ReportActions(QObject):
    def __init__(self, window: QMainWindow, context: AppContext, navigation: Navigation) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._navigation = navigation
        navigation.report_requested.connect(self.ask_save_report)

    def _saved(self, path: Path) -> None:
        self._window.statusBar().showMessage(self.tr("Report saved: %1").replace("%1", str(path)))

    def _ask_path(self, title: str, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self._window, title, name, self.tr("PDF (*.pdf);;Web page (*.html)")
        )
        return Path(path) if path else None

    # -- the learner's report ---------------------------------------------------------------
    def ask_save_report(self, learner: LearnerId) -> None:
        path = self._ask_path(self.tr("Save my report"), self.tr("report.pdf"))
        if path is not None:
            self.write_report(learner, path)

    def write_report(self, learner: LearnerId, path: Path) -> None:
        from quiz_app.services.learners import get_learner
        from quiz_app.services.packs import list_packs
        from quiz_app.services.review import learner_progress, topic_mastery
        from quiz_app.ui.report import save_report

        database = self._context.database
        assert database is not None
        language = self._context.language
        now = datetime.now(UTC)
        found = get_learner(database, learner)
        mastery_by_topic = topic_mastery(database, learner, now)
        rows = []
        for pack in list_packs(database):
            for topic in pack.topics:
                recall, total = mastery_by_topic.get(int(topic.id), (0.0, 0))
                percent = round(100 * recall / total) if total else 0
                title = f"{pack.title.get(language)}: {topic.title.get(language)}"
                rows.append((title, percent))
        progress_screen = self._navigation.progress_screen
        charts = []
        if progress_screen is not None:
            charts = [(v.chart().title(), v.grab().toImage()) for v in progress_screen.views]
        save_report(
            path,
            "" if found is None else found.name,
            learner_progress(database, learner, now),
            rows,
            charts,
            now,
        )
        self._saved(path)

    # -- the class's results ---------------------------------------------------------------
    # Given the figures the Class results screen shows, these write them; given none,
    # they count them first on the bank's worker, off the GUI thread.
    def ask_export_results(self, by: str, results: ClassResults | None = None) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export class results"), f"results-by-{by}.csv", "CSV (*.csv)"
        )
        if path:
            self.export_results(by, Path(path), results)

    def export_results(self, by: str, path: Path, results: ClassResults | None = None) -> None:
        from quiz_app.services.files import write_text_whole
        from quiz_app.services.results import results_csv

        def write(results: ClassResults) -> None:
            write_text_whole(path, results_csv(results, by))
            message = self.tr("Results saved: %1").replace("%1", str(path))
            self._window.statusBar().showMessage(message)

        self._with_results(results, write)

    def ask_save_class_report(self, results: ClassResults | None = None) -> None:
        path = self._ask_path(self.tr("Save the class report"), self.tr("class-report.pdf"))
        if path is not None:
            self.write_class_report(path, results)

    def write_class_report(self, path: Path, results: ClassResults | None = None) -> None:
        from quiz_app.ui.report import save_class_report

        def write(results: ClassResults) -> None:
            save_class_report(path, results, datetime.now(UTC))
            self._saved(path)

        self._with_results(results, write)

    def _with_results(
        self, results: ClassResults | None, then: Callable[[ClassResults], object]
    ) -> None:
        if results is not None:
            then(results)
            return
        from quiz_app.services.results import class_results

        database = self._context.database
        assert database is not None
        database_worker(database).run(lambda: class_results(database), then)
