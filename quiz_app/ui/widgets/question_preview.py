"""A question as the learner will see it, for the editor: the same widgets as a quiz."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from quiz_app.core.questions import Question
from quiz_app.ui.images import pixmap_from_bytes
from quiz_app.ui.widgets.answers import AnswerWidget, answer_widget
from quiz_app.ui.widgets.card import CardWidget
from quiz_app.ui.widgets.heading import Heading
from quiz_app.ui.widgets.rich_text import RichText
from quiz_app.ui.widgets.rows_editor import LANGUAGE_NAMES
from quiz_app.ui.widgets.scaled_image import ScaledImage

PREVIEW_IMAGE_WIDTH = 320


def _plain(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # pack text is never rich text
    label.setWordWrap(True)
    return label


class QuestionPreview(QFrame):
    def __init__(self, languages: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._question: Question | None = None
        self._image: bytes | None = None
        self._answer: AnswerWidget | None = None
        layout = self._layout = QVBoxLayout(self)
        title = Heading(self.tr("As the learner sees it"), self, "title")
        layout.addWidget(title)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Preview language"))
        for lang in languages:
            self.language.addItem(LANGUAGE_NAMES.get(lang, lang), lang)
        self.language.currentIndexChanged.connect(self._redraw)
        # Under the title, not beside it: beside it, the two were wider than the preview's
        # panel at 800x600 and the box was cut off at the panel's edge.
        layout.addWidget(self.language, 0, Qt.AlignmentFlag.AlignLeft)
        self.note = _plain(self)
        self.prompt = RichText(self, "prompt")
        self.prompt.setProperty("role", "prompt")  # as on the quiz screen
        # Scaled to the preview's width (at 800x600 narrower than PREVIEW_IMAGE_WIDTH), so
        # the image never makes the preview wider than its panel.
        self.image = ScaledImage(self)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._slot = QVBoxLayout()
        self.reveal = QPushButton(self.tr("Show the answer"), self)
        self.reveal.clicked.connect(self.show_answer)
        self.explanation = RichText(self, "explanation")
        for widget in (self.note, self.prompt, self.image):
            layout.addWidget(widget)
        layout.addLayout(self._slot)
        layout.addWidget(self.reveal, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        self.show_question(None)

    def show_question(self, question: Question | None, image: bytes | None = None) -> None:
        """Show ``question``; None while the question has problems."""
        self._question, self._image = question, image
        self._redraw()

    def _redraw(self) -> None:
        if self._answer is not None:
            # out of the layout at once: deleteLater waits for the event loop
            self._slot.removeWidget(self._answer)
            self._answer.hide()
            self._answer.deleteLater()
            self._answer = None
        question = self._question
        has_question = question is not None
        for widget in (self.prompt, self.reveal):
            widget.setVisible(has_question)
        self.explanation.hide()
        self.note.setVisible(not has_question)
        self.image.hide()
        if question is None:
            self.note.setText(self.tr("The preview shows once the question has no problems."))
            return
        language = str(self.language.currentData())
        self.prompt.set_markdown(question.prompt.get(language))
        if question.image is not None and self._image is not None:
            pixmap = pixmap_from_bytes(self._image, question.image, PREVIEW_IMAGE_WIDTH)
            self.image.set_source(pixmap)
            self._fit_image()
        # the written order (ordering and matching rotated): steady while the teacher types
        self._answer = answer_widget(
            question.body, language, (), (self.tr("True"), self.tr("False"))
        )
        self._slot.addWidget(self._answer)
        if isinstance(self._answer, CardWidget):
            # A card has its own "Show answer": one button, not two that read alike.
            self.reveal.hide()
            self._answer.show_button.clicked.connect(self.show_answer)
        explanation = question.explanation
        self.explanation.set_markdown("" if explanation is None else explanation.get(language))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_image()

    def _fit_image(self) -> None:
        """At most PREVIEW_IMAGE_WIDTH square, and no wider than the preview's inside."""
        margins = self._layout.contentsMargins()
        inner = self.contentsRect().width() - margins.left() - margins.right()
        self.image.fit(min(inner, PREVIEW_IMAGE_WIDTH), PREVIEW_IMAGE_WIDTH)

    @property
    def answer(self) -> AnswerWidget | None:
        return self._answer

    def show_answer(self) -> None:
        if self._answer is not None:
            self._answer.show_answer()
            self.explanation.setVisible(bool(self.explanation.text()))
