"""The answer widget of a self-rated card: show the back, then say how well you knew it.

Space or Enter shows the back; 1-4 (or a click) rates it Again, Hard, Good or Easy, and
``rated`` tells the screen to submit. The rating is the response: it goes to the
scheduler as it is (services.quiz.submit_answer).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from quiz_app.core.grading import Response
from quiz_app.core.questions import Card
from quiz_app.core.review import RATING_NAMES, Rating
from quiz_app.ui.widgets.answers import AnswerWidget
from quiz_app.ui.widgets.rich_text import RichText

_SHOW_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CardWidget(AnswerWidget):
    rated = Signal(int)
    """The learner chose a rating (1 Again .. 4 Easy)."""

    def __init__(
        self,
        body: Card,
        language: str,
        intervals: Mapping[Rating, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rating: Rating | None = None
        self._locked = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.show_button = QPushButton(self.tr("Show answer"), self)
        self.show_button.setToolTip(self.tr("Recall the answer first, then show it (Space)"))
        self.show_button.setProperty("primary", "true")  # the one thing to do, for now
        self.show_button.clicked.connect(self.reveal)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.back = RichText(self, "back")
        self.back.set_markdown(body.back.get(language))
        self.back.hide()
        layout.addWidget(self.back)
        self.question = QLabel(self.tr("How well did you know it?"), self)
        self.question.hide()
        layout.addWidget(self.question)
        row = QHBoxLayout()
        self.buttons: dict[Rating, QPushButton] = {}
        for rating in Rating:
            name = RATING_NAMES[rating].get(language)
            text = f"{int(rating)}  {name}"
            when = (intervals or {}).get(rating)
            if when:
                text += f"\n{when}"
            button = QPushButton(text, self)
            button.setObjectName("rating")
            button.setCheckable(True)
            button.setAccessibleName(name if not when else f"{name}, {when}")
            button.clicked.connect(self._clicked)
            button.hide()
            row.addWidget(button)
            self.buttons[rating] = button
        layout.addLayout(row)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.show_button)

    @property
    def revealed(self) -> bool:
        return not self.back.isHidden()

    def reveal(self) -> None:
        """Show the back and the four ratings."""
        if self.revealed:
            return
        self.show_button.hide()
        self.back.show()
        self.question.show()
        for button in self.buttons.values():
            button.show()
        self.setFocusProxy(self.buttons[Rating.GOOD])
        self.buttons[Rating.GOOD].setFocus()

    def rate(self, rating: Rating) -> None:
        """Choose ``rating`` (the back must be showing) and tell the screen."""
        if self._locked or not self.revealed:
            return
        self._rating = rating
        for each, button in self.buttons.items():
            button.setChecked(each is rating)
        self.rated.emit(int(rating))

    def _clicked(self) -> None:
        if self._locked:  # a click cannot change what was submitted
            for rating, button in self.buttons.items():
                button.setChecked(rating is self._rating)
            return
        sender = self.sender()
        for rating, button in self.buttons.items():
            if button is sender:
                self.rate(rating)
                return

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._locked and not self.revealed and event.key() in _SHOW_KEYS:
            self.reveal()
            return
        text = event.text()
        if not self._locked and self.revealed and text in ("1", "2", "3", "4"):
            self.rate(Rating(int(text)))
            return
        super().keyPressEvent(event)

    def response(self) -> Response | None:
        return self._rating

    def show_answer(self) -> None:
        """Show the back with the rating given, and take no other."""
        self.reveal()
        self._locked = True
        for rating, button in self.buttons.items():
            button.setChecked(rating is self._rating)
