"""The quiz screen's head: where the learner is, a review's mix of due and new, the
exam's labelled clock, the other-language button and the way out."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

URGENT_MS = 60_000
"""Under a minute left, the clock says so in more than its numbers."""


def clock_text(remaining_ms: int) -> str:
    """``m:ss``, rounded up: 0.4 s left still shows 0:01, and 0:00 means it is over."""
    seconds = -(-remaining_ms // 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


class QuizHead(QWidget):
    def __init__(self, parent: QWidget, *, timed: bool, reviewing: bool) -> None:
        super().__init__(parent)
        self._reviewing = reviewing
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.place = QLabel(self)
        self.place.setObjectName("quizProgress")
        self.review_info = QLabel(self)
        self.review_info.setObjectName("reviewInfo")
        self.review_info.setVisible(reviewing)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.timer = QLabel(self)
        self.timer.setObjectName("timer")
        self.timer.setAccessibleName(self.tr("Time left"))
        self.timer.setVisible(timed)
        self.peek_button = QPushButton(self)
        self.peek_button.setCheckable(True)
        self.leave_button = QPushButton(self.tr("&Leave…"), self)
        self.leave_button.setToolTip(self.tr("Keep this quiz for later, or abandon it"))
        layout.addWidget(self.place)
        layout.addWidget(self.review_info)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.timer)
        layout.addWidget(self.peek_button)
        layout.addWidget(self.leave_button)

    def show_place(self, number: int, total: int) -> None:
        """``Question 3 of 10`` (in a review: ``Review: 3 of 10``)."""
        place = self.tr("Review: %1 of %2") if self._reviewing else self.tr("Question %1 of %2")
        self.place.setText(place.replace("%1", str(number)).replace("%2", str(total)))
        self.progress.setRange(0, total)
        self.progress.setValue(number - 1)

    def show_mix(self, due: int, new: int) -> None:
        self.review_info.setText(
            self.tr("%1 due · %2 new").replace("%1", str(due)).replace("%2", str(new))
        )

    def show_time(self, remaining_ms: int) -> None:
        self.timer.setText(self.tr("Time left %1").replace("%1", clock_text(remaining_ms)))
        self.timer.setAccessibleName(self.timer.text())  # the time itself, not only a label
        urgent = "true" if remaining_ms < URGENT_MS else "false"
        if self.timer.property("urgent") != urgent:
            self.timer.setProperty("urgent", urgent)
            self.timer.style().unpolish(self.timer)
            self.timer.style().polish(self.timer)

    def show_peek(self, language_name: str | None) -> None:
        """The other-language button, named after that language (hidden if none)."""
        self.peek_button.setChecked(False)
        self.peek_button.setVisible(language_name is not None)
        if language_name is not None:
            self.peek_button.setText(language_name)
            self.peek_button.setAccessibleName(
                self.tr("Show this question in %1 (F2)").replace("%1", language_name)
            )
            self.peek_button.setToolTip(self.peek_button.accessibleName())
