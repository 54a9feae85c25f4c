"""History: the learner's past quizzes; open one to review it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quiz_app.core.quiz import QuizSession
from quiz_app.ui.modes import mode_name
from quiz_app.ui.widgets.heading import Heading


class _QuizTable(QTableWidget):
    opened = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.opened.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class HistoryScreen(QWidget):
    open_quiz = Signal(object)
    """The QuizSession to review."""
    go_home = Signal()

    def __init__(
        self,
        quizzes: list[QuizSession],
        pack_titles: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._quizzes = quizzes
        layout = QVBoxLayout(self)
        heading = Heading(self.tr("History"), self)
        layout.addWidget(heading)
        self.empty = QLabel(self.tr("No finished quizzes yet."), self)
        self.empty.setVisible(not quizzes)
        layout.addWidget(self.empty)
        self.table = _QuizTable(len(quizzes), 5, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves a read-only table
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Packs"),
                self.tr("Mode"),
                self.tr("Questions"),
                self.tr("Score"),
            ]
        )
        self.table.setAccessibleName(self.tr("Past quizzes"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, quiz in enumerate(quizzes):
            when = (quiz.finished_at or quiz.started_at).astimezone()
            packs = ", ".join(pack_titles.get(p, p) for p in quiz.settings.pack_ids) or self.tr(
                "All packs"
            )
            cells = [
                when.strftime("%Y-%m-%d %H:%M"),
                packs,
                mode_name(quiz.settings.mode),
                str(len(quiz.question_ids)),
                f"{round(quiz.score * 100)} %",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.opened.connect(self._open)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open(row))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.review = QPushButton(self.tr("&Review"), self)
        self.review.setEnabled(bool(quizzes))
        self.review.clicked.connect(lambda: self._open(max(self.table.currentRow(), 0)))
        self.home = QPushButton(self.tr("&Home"), self)
        self.home.setToolTip(self.tr("Back to Home (Esc)"))
        self.home.clicked.connect(self.go_home)
        buttons.addWidget(self.review)
        buttons.addWidget(self.home)
        layout.addLayout(buttons)
        if quizzes:
            self.table.setCurrentCell(0, 0)
            self.table.setFocus()

    def first_focus(self) -> QWidget:
        """The newest quiz (Enter opens it), or Home when there is none."""
        return self.table if self._quizzes else self.home

    def _open(self, row: int) -> None:
        if 0 <= row < len(self._quizzes):
            self.open_quiz.emit(self._quizzes[row])
