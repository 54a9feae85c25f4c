"""The results of a finished quiz: score, time, and every question with both answers."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
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
from shiboken6 import isValid

from quiz_app.core.bank import StoredQuestion
from quiz_app.core.quiz import QuizSession
from quiz_app.ui.announce import announce
from quiz_app.ui.answer_text import given_text, plain, right_text
from quiz_app.ui.widgets.heading import Heading

RIGHT_ALIGNED = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _duration(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _score_text(score: float | None, not_answered: str) -> str:
    """A question's score with its sign (✓ right, ◐ partly, ✗ wrong): never colour alone."""
    if score is None:
        return f"✗ {not_answered}"
    sign = "✓" if score >= 1.0 else "◐" if score > 0 else "✗"
    return f"{sign} {round(score * 100)} %"


class _AnswerTable(QTableWidget):
    """Rows as tall as their wrapped text at the table's real width."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resizeRowsToContents()


class ResultsScreen(QWidget):
    """The score first, announced to a screen reader as the screen appears; then every
    question with both answers."""

    retry_mistakes = Signal()
    go_home = Signal()

    def __init__(
        self,
        quiz: QuizSession,
        questions: list[StoredQuestion],
        language: str,
        parent: QWidget | None = None,
        *,
        times_up: bool = False,
    ) -> None:
        super().__init__(parent)
        self.quiz = quiz
        yes_no = (self.tr("True"), self.tr("False"))
        layout = QVBoxLayout(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        unanswered = len(quiz.question_ids) - len(quiz.answers)
        if times_up and unanswered > 1:
            self.notice.setText(
                self.tr("Time's up. The %1 questions not answered count as wrong.").replace(
                    "%1", str(unanswered)
                )
            )
        elif times_up:
            self.notice.setText(
                self.tr("Time's up. The question not answered counts as wrong.")
                if unanswered
                else self.tr("Time's up, just as the last answer was saved.")
            )
        self.notice.setVisible(times_up)
        layout.addWidget(self.notice)
        self.score = Heading(
            self.tr("Score: %1 %").replace("%1", str(round(quiz.score * 100))), self, "score"
        )
        self.score.setObjectName("score")
        self.summary = QLabel(
            self.tr("%1 of %2 answered · time %3")
            .replace("%1", str(len(quiz.answers)))
            .replace("%2", str(len(quiz.question_ids)))
            .replace("%3", _duration(quiz.time_ms)),
            self,
        )
        layout.addWidget(self.score)
        layout.addWidget(self.summary)

        by_id = {q.id: q for q in questions}
        self.table = _AnswerTable(len(quiz.question_ids), 4, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves a read-only table
        self.table.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Your answer"), self.tr("Right answer"), self.tr("Score")]
        )
        self.table.setAccessibleName(self.tr("Answers"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        for row, question_id in enumerate(quiz.question_ids):
            body = by_id[question_id].question.body
            answer = quiz.answers.get(question_id)
            flag = "⚑ " if question_id in quiz.flagged else ""
            order = quiz.orders.get(question_id, ())  # choices as the quiz showed them
            cells = [
                flag + plain(by_id[question_id].question.prompt, language),
                "—" if answer is None else given_text(body, answer.given, language, yes_no, order),
                right_text(body, language, yes_no, order),
                _score_text(None if answer is None else answer.score, self.tr("not answered")),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        mistakes = [
            q for q in quiz.question_ids if (a := quiz.answers.get(q)) is None or a.score < 1.0
        ]
        self.retry = QPushButton(self.tr("&Retry this quiz's mistakes"), self)
        self.retry.setEnabled(bool(mistakes))
        self.retry.clicked.connect(self.retry_mistakes)
        self.home = QPushButton(self.tr("&Home"), self)
        self.home.setToolTip(self.tr("Back to Home (Esc)"))
        self.home.setDefault(True)
        self.home.clicked.connect(self.go_home)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.home)
        layout.addLayout(buttons)
        self._announced = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._arrived)

    def first_focus(self) -> QWidget:
        return self.home

    def _arrived(self) -> None:
        """Focus on Home, and the score read out (with "time's up" first, if it was)."""
        if not isValid(self) or not self.isVisible():
            return
        self.home.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._announced:
            return
        self._announced = True
        parts = [self.notice.text()] if self.notice.isVisible() else []
        parts += [self.score.text(), self.summary.text()]
        announce(self.score, " ".join(parts), urgent=self.notice.isVisible())
