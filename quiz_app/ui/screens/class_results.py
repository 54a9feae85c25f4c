"""Class results for the teacher: by learner, by pack, by question (with item analysis)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quiz_app.services.results import ClassResults
from quiz_app.ui.widgets.heading import Heading

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(False)
    table.setTabKeyNavigation(False)  # Tab leaves a read-only table
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):  # numbers: as wide as their header needs
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c > 0:
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)


class ClassResultsScreen(QWidget):
    go_home = Signal()
    export_requested = Signal(str)
    """'learner', 'pack' or 'question': which table to export."""
    report_requested = Signal()
    """The teacher wants the printable report (every table)."""

    def __init__(self, results: ClassResults | None = None, parent: QWidget | None = None) -> None:
        """With ``results`` None the screen says it is counting until ``show_results``."""
        super().__init__(parent)
        self.results: ClassResults | None = None
        layout = QVBoxLayout(self)
        heading = Heading(self.tr("Class results"), self)
        layout.addWidget(heading)
        self.counting = QLabel(self.tr("Counting the class's results…"), self)
        layout.addWidget(self.counting)
        self.tabs = QTabWidget(self)
        self.learners = _table(
            self,
            [
                self.tr("Learner"),
                self.tr("Quizzes"),
                self.tr("Answers"),
                self.tr("Mean score"),
                self.tr("Minutes"),
            ],
            self.tr("Results by learner"),
        )
        self.packs = _table(
            self,
            [self.tr("Pack"), self.tr("Answers"), self.tr("Mean score")],
            self.tr("Results by pack"),
        )
        self.questions = _table(
            self,
            [
                self.tr("Question"),
                self.tr("Attempts"),
                self.tr("Facility index"),
                self.tr("Discrimination index"),
                self.tr("Mean time (s)"),
            ],
            self.tr("Results by question"),
        )
        self.questions.setToolTip(
            self.tr(
                "Facility index: the mean mark (higher is easier). Discrimination index: how well "
                "the question separates stronger from weaker learners; low or negative values "
                "point at a question worth checking."
            )
        )
        self.tabs.addTab(self.learners, self.tr("By &learner"))
        self.tabs.addTab(self.packs, self.tr("By &pack"))
        self.tabs.addTab(self.questions, self.tr("By &question"))
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export = QPushButton(self.tr("&Export CSV…"), self)
        self.export.clicked.connect(
            lambda: self.export_requested.emit(
                ("learner", "pack", "question")[self.tabs.currentIndex()]
            )
        )
        self.report = QPushButton(self.tr("Save &report…"), self)
        self.report.setToolTip(self.tr("Every table as a PDF or web page, to print"))
        self.report.clicked.connect(self.report_requested)
        self.home = QPushButton(self.tr("Home"), self)
        self.home.clicked.connect(self.go_home)
        buttons.addWidget(self.export)
        buttons.addWidget(self.report)
        buttons.addWidget(self.home)
        layout.addLayout(buttons)
        self.export.setEnabled(False)  # until there is something to export
        self.report.setEnabled(False)
        if results is not None:
            self.show_results(results)

    def show_results(self, results: ClassResults) -> None:
        """Fill the tables (the figures are counted off the GUI thread)."""
        self.results = results
        _fill(
            self.learners,
            [
                [
                    r.learner,
                    str(r.quizzes),
                    str(r.answers),
                    f"{r.mean_score:.0f} %",
                    f"{r.minutes:.1f}",
                ]
                for r in results.learners
            ],
        )
        _fill(
            self.packs,
            [[p.pack_id, str(p.answers), f"{p.mean_score:.0f} %"] for p in results.packs],
        )
        _fill(
            self.questions,
            [
                [
                    f"{q.pack_id}: {q.question}",
                    str(q.attempts),
                    f"{q.facility:.0f} %",
                    "—" if q.discrimination is None else f"{q.discrimination:.0f} %",
                    f"{q.mean_seconds:.0f}",
                ]
                for q in results.questions
            ],
        )
        self.counting.hide()
        self.export.setEnabled(True)
        self.report.setEnabled(True)
