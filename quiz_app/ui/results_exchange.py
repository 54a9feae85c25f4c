"""Results between computers in the app: a learner saves theirs to a file, the teacher
merges such files into the class's bank (docs/results-file.md).

The merge is shown first as what it would add (a dry run of the same code), then done
in one transaction off the GUI thread; a file with any problem merges nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from quiz_app.ui.i18n import current_language, error_text
from quiz_app.ui.worker import Job, database_worker

if TYPE_CHECKING:
    from quiz_app.services.bank import Database
    from quiz_app.services.exchange import ExportedResults, MergeReport


class ResultsExchange(QObject):
    finished = Signal(str)
    """The message about how an export or a merge ended."""
    bank_changed = Signal(object)
    """Changes: what the merge changed in the bank."""
    confirm_shown = Signal(object)
    """The QMessageBox asking whether to merge, just before it is shown."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._job: object | None = None
        self._same: tuple[str, ...] = ()  # learners the teacher said are one person

    def _filter(self) -> str:
        return self.tr("Chang'e Quiz results (*.jsonl);;All files (*)")

    # -- export -----------------------------------------------------------------------------
    def ask_export(self, database: Database, learners: Sequence[str] | None, name: str) -> None:
        """Save ``learners``' results (None: everyone's) to a file the person chooses."""
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export results"), f"{name}.jsonl", self._filter()
        )
        if path:
            self.export(database, learners, Path(path))

    def export(self, database: Database, learners: Sequence[str] | None, path: Path) -> None:
        from quiz_app.services.exchange import export_results

        chosen = None if learners is None else list(learners)
        self._job = database_worker(database).run(
            lambda: export_results(database, path, chosen),
            lambda done: self._exported(path, done),
            lambda error: self._failed(error, merging=False),
            self._ended,
        )

    def _exported(self, path: Path, done: ExportedResults) -> None:
        self._job = None
        self.finished.emit(
            self.tr("Saved %1 quiz(zes) and %2 answer(s) to %3.")
            .replace("%1", str(done.sessions))
            .replace("%2", str(done.answers))
            .replace("%3", path.name)
        )

    # -- merge ------------------------------------------------------------------------------
    def ask_merge(self, database: Database) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Merge results"), "", self._filter()
        )
        if path:
            self.merge(database, Path(path))

    def merge(self, database: Database, path: Path, same: tuple[str, ...] = ()) -> None:
        """Check ``path`` against the bank, ask, then merge it (``same``: learners the
        teacher said are one person, though created on two computers)."""
        from quiz_app.services.exchange import merge_results

        self._same = same
        self._job = database_worker(database).run(
            lambda: merge_results(database, path, dry_run=True, same_learners=same),
            lambda report: self._confirm(database, path, report),
            lambda error: self._not_merged(database, path, error),
            self._ended,
        )

    def _not_merged(self, database: Database, path: Path, error: Exception) -> None:
        """A clash of names only the teacher can settle: ask, then check again."""
        from quiz_app.core.errors import LearnerClashError

        if not isinstance(error, LearnerClashError):
            self._failed(error, merging=True)
            return
        self._job = None
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Merge results"), "", parent=self._window
        )
        box.setText(
            self.tr(
                "%1 has results of %2, and this bank has a learner of that name created on "
                "another computer. Are they the same learner?"
            )
            .replace("%1", path.name)
            .replace("%2", self.tr(", ").join(error.names))
        )
        box.setInformativeText(
            self.tr("If not, nothing is merged: rename the learner on one computer first.")
        )
        same = box.addButton(self.tr("&Same learner"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Not the same"), QMessageBox.ButtonRole.RejectRole)
        self.confirm_shown.emit(box)
        box.exec()
        if box.clickedButton() is not same:
            self.finished.emit(self.tr("Merge cancelled: nothing was changed."))
            return
        self.merge(database, path, (*self._same, *error.names))

    def _confirm(self, database: Database, path: Path, report: MergeReport) -> None:
        from quiz_app.services.exchange import merge_results

        self._job = None
        if not (report.learners_added or report.sessions_added or report.answers_added) and (
            not report.sessions_finished
        ):
            self.finished.emit(
                self.tr("Everything in %1 is already in this bank.").replace("%1", path.name)
            )
            return
        box, merge = self.confirm_box(path, report)
        self.confirm_shown.emit(box)
        box.exec()
        if box.clickedButton() is not merge:
            self.finished.emit(self.tr("Merge cancelled: nothing was changed."))
            return
        same = self._same
        self._job = database_worker(database).run(
            lambda: merge_results(database, path, same_learners=same),
            lambda done: self._merged(path, done),
            lambda error: self._failed(error, merging=True),
            self._ended,
        )

    def confirm_box(self, path: Path, report: MergeReport) -> tuple[QMessageBox, QPushButton]:
        """The question before a merge, and its Merge button."""
        title = self.tr("Merge results")
        text = (
            self.tr(
                "%1 holds the results of %2. Merging adds %3 learner(s), %4 quiz(zes) and "
                "%5 answer(s); %6 quiz(zes) and %7 answer(s) are already here."
            )
            .replace("%1", path.name)
            .replace("%2", self.tr(", ").join(report.learners))
            .replace("%3", str(report.learners_added))
            .replace("%4", str(report.sessions_added))
            .replace("%5", str(report.answers_added))
            .replace("%6", str(report.sessions_already_there))
            .replace("%7", str(report.answers_already_there))
        )
        if report.scores_corrected:
            text += " " + self.tr(
                "%1 score(s) in the file do not match what the answer earns against this "
                "bank's question: they are scored again."
            ).replace("%1", str(report.scores_corrected))
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._window)
        merge = box.addButton(self.tr("&Merge"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(merge)
        return box, merge

    def _merged(self, path: Path, report: MergeReport) -> None:
        self._job = None
        self.bank_changed.emit(report.changes)
        self.finished.emit(
            self.tr("Merged %1: %2 learner(s), %3 quiz(zes) and %4 answer(s) added.")
            .replace("%1", path.name)
            .replace("%2", str(report.learners_added))
            .replace("%3", str(report.sessions_added))
            .replace("%4", str(report.answers_added))
        )

    def _ended(self, job: Job[Any]) -> None:
        if job.crashed and self._job in (None, job):  # the crash dialog says the rest
            self._job = None
            self.finished.emit(self.tr("That was stopped by an error in the app."))

    def _failed(self, error: Exception, *, merging: bool) -> None:
        from quiz_app.core.errors import ResultsFileError

        self._job = None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Results"),
            error_text(error),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        if merging and isinstance(error, ResultsFileError):
            box.setText(
                self.tr("The file has %1 problem(s); nothing was merged.").replace(
                    "%1", str(len(error.problems))
                )
            )
            language = current_language()
            box.setDetailedText("\n".join(p.text(language) for p in error.problems))
        self.confirm_shown.emit(box)
        box.exec()
        self.finished.emit(box.text())
