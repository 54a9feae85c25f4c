"""Before an exam: how many questions, how much time, and how it is marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from quiz_app.core.quiz import QuizSettings
from quiz_app.ui.widgets.heading import Heading


def minutes_text(seconds: int) -> str:
    """The exam's time as the rules state it: whole minutes, or minutes and seconds."""
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}" if rest else str(minutes)


class ExamRulesScreen(QWidget):
    accepted = Signal()
    """Start the exam."""
    go_home = Signal()

    def __init__(self, settings: QuizSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        card = QWidget(self)
        card.setObjectName("card")
        card.setMaximumWidth(640)
        inner = QVBoxLayout(card)
        heading = Heading(self.tr("Exam"), card)
        inner.addWidget(heading)
        limit = settings.time_limit_s or 0
        self.summary = QLabel(
            self.tr("%1 questions · %2 minutes")
            .replace("%1", str(settings.count))
            .replace("%2", minutes_text(limit)),
            card,
        )
        self.summary.setProperty("role", "title")
        inner.addWidget(self.summary)
        rules = [
            self.tr("No feedback until the end: then you see your score and every answer."),
            self.tr(
                "The clock runs only while a question is on screen. Esc pauses it and "
                "hides the question."
            ),
            self.tr(
                "When the time is up, the exam ends at once; questions not answered count as wrong."
            ),
            self.tr("Skip leaves a question for later. Leave keeps the exam to finish later."),
        ]
        self.rules = QLabel("\n".join(f"•  {rule}" for rule in rules), card)
        self.rules.setTextFormat(Qt.TextFormat.PlainText)
        self.rules.setWordWrap(True)
        inner.addWidget(self.rules)
        buttons = QHBoxLayout()
        self.back = QPushButton(self.tr("&Back"), card)
        self.back.clicked.connect(self.go_home)
        self.start = QPushButton(self.tr("&Start the exam"), card)
        self.start.setProperty("primary", "true")
        self.start.setDefault(True)
        self.start.clicked.connect(self._start)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        inner.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self._started = False

    def _start(self) -> None:
        if not self._started:  # one exam per press, however fast the second one comes
            self._started = True  # (not disabled: the focus would hop to Back, read aloud)
            self.accepted.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._start()
        elif event.key() == Qt.Key.Key_Escape:
            self.go_home.emit()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._focus_start)

    def first_focus(self) -> QWidget:
        return self.start

    def _focus_start(self) -> None:
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)
