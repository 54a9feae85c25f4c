"""What a practice answer earns: the verdict in words and signs (✓ ◐ ✗, never colour
alone), when the question comes back in a review, the explanation and its source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from quiz_app.core.questions import Question
from quiz_app.ui.widgets.answers import mark_feedback
from quiz_app.ui.widgets.rich_text import MediaSource, RichText


def plain_label(parent: QWidget, name: str) -> QLabel:
    """A label for pack text: plain text only, wrapped. Not selectable: a selectable
    label's text engine sends text events the accessibility bus cannot take (QLabel has
    no accessible text interface, so Qt logs "Received text event for invalid interface"
    at every change)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def verdict_state(score: float) -> str:
    """``right``, ``partial`` or ``wrong``: the style sheet's name for a score."""
    return "right" if score >= 1.0 else "partial" if score > 0 else "wrong"


class FeedbackPanel(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("feedback")
        layout = QVBoxLayout(self)
        self.verdict = plain_label(self, "verdict")
        self.comes_back = plain_label(self, "comesBack")
        self.comes_back.hide()
        self.explanation = RichText(self, "explanation")
        self.source = plain_label(self, "source")
        for widget in (self.verdict, self.comes_back, self.explanation, self.source):
            layout.addWidget(widget)

    def show_result(
        self,
        score: float,
        question: Question,
        language: str,
        *,
        rated: str | None = None,
        comes_back: str = "",
        media: MediaSource | None = None,
    ) -> None:
        """The verdict on ``score`` (for a card: the rating it was given, ``rated``)."""
        if rated is not None:
            self.verdict.setText(self.tr("You rated it: %1").replace("%1", rated))
        elif score >= 1.0:
            self.verdict.setText(self.tr("✓ Right!"))
        elif score > 0:
            self.verdict.setText(
                self.tr("◐ Partly right: %1 %").replace("%1", str(round(score * 100)))
            )
        else:
            self.verdict.setText(self.tr("✗ Not quite."))
        state = verdict_state(score)
        mark_feedback(self.verdict, state)
        mark_feedback(self, state)
        self.comes_back.setText(comes_back)
        self.comes_back.setVisible(bool(comes_back))
        explanation = question.explanation
        self.explanation.set_markdown(
            "" if explanation is None else explanation.get(language), media
        )
        self.explanation.setVisible(explanation is not None)
        self.source.setText(
            self.tr("Source: %1").replace("%1", question.source) if question.source else ""
        )
        self.show()
