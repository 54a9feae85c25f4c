"""The question screen: one question at a time, feedback in practice mode.

Enter submits the answer, and in practice mode Enter again goes on after the feedback.
Each answer is stored the moment it is submitted (``submit_answer`` is one transaction),
so closing the window or killing the process loses at most the answer being typed.
"""

from __future__ import annotations

import random
import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from quiz_app.core.bank import StoredQuestion
from quiz_app.core.quiz import QuizMode, QuizSession
from quiz_app.services.bank import Database
from quiz_app.services.packs import pack_media
from quiz_app.services.quiz import finish_quiz, submit_answer
from quiz_app.ui.images import pixmap_from_bytes
from quiz_app.ui.widgets.answers import AnswerWidget, answer_widget, mark_feedback

IMAGE_WIDTH = 560


def _plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class QuizScreen(QWidget):
    """Asks the quiz's unanswered questions in order; emits ``quiz_finished`` at the end."""

    quiz_finished = Signal(object)
    """The finished QuizSession."""

    def __init__(
        self,
        database: Database,
        quiz: QuizSession,
        questions: list[StoredQuestion],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._quiz = quiz
        self._questions = {q.id: q for q in questions}
        self._language = language
        self._rng = random.Random(quiz.id)
        self._answer: AnswerWidget | None = None
        self._current: StoredQuestion | None = None
        self._shown_at = time.monotonic()
        self._awaiting_next = False
        self._build()
        self._show_next()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter reaches here from whichever answer control has focus (they leave it
        # unhandled), so it works the same for every question type.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.advance()
            return
        super().keyPressEvent(event)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.progress_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress, 1)
        outer.addLayout(top)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        self._body = QVBoxLayout(body)
        self.prompt = _plain_label(body, "prompt")
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.prompt.setFont(font)
        self.image = QLabel(body)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._answer_slot = QVBoxLayout()
        self.feedback = QFrame(body)
        self.feedback.setObjectName("feedback")
        feedback_layout = QVBoxLayout(self.feedback)
        self.verdict = _plain_label(self.feedback, "verdict")
        self.explanation = _plain_label(self.feedback, "explanation")
        self.source = _plain_label(self.feedback, "source")
        for widget in (self.verdict, self.explanation, self.source):
            feedback_layout.addWidget(widget)
        self._body.addWidget(self.prompt)
        self._body.addWidget(self.image)
        self._body.addLayout(self._answer_slot)
        self._body.addWidget(self.feedback)
        self._body.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.submit = QPushButton(self.tr("Submit"), self)
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.advance)
        buttons.addWidget(self.submit)
        outer.addLayout(buttons)

    # -- flow -----------------------------------------------------------------------------
    @property
    def quiz(self) -> QuizSession:
        return self._quiz

    def _show_next(self) -> None:
        next_id = self._quiz.next_question
        if next_id is None:
            self._finish()
            return
        self._current = self._questions[next_id]
        question = self._current.question
        total = len(self._quiz.question_ids)
        number = len(self._quiz.answers) + 1
        self.progress_label.setText(
            self.tr("Question %1 of %2").replace("%1", str(number)).replace("%2", str(total))
        )
        self.progress.setRange(0, total)
        self.progress.setValue(number - 1)
        self.prompt.setText(question.prompt.get(self._language))
        self._show_image()
        if self._answer is not None:
            self._answer.deleteLater()
        self._answer = answer_widget(
            question.body, self._language, self._rng, (self.tr("True"), self.tr("False"))
        )
        self._answer.setAccessibleDescription(question.prompt.get(self._language))
        self._answer_slot.addWidget(self._answer)
        self.feedback.hide()
        self.submit.setText(self.tr("Submit"))
        self._awaiting_next = False
        self._shown_at = time.monotonic()
        self._answer.setFocus()

    def _show_image(self) -> None:
        assert self._current is not None
        question = self._current.question
        if question.image is None:
            self.image.clear()
            self.image.hide()
            return
        data = pack_media(self._database, self._current.pack_id, question.image)
        pixmap = pixmap_from_bytes(data or b"", question.image, IMAGE_WIDTH)
        self.image.setPixmap(pixmap)
        if question.image_alt is not None:
            self.image.setAccessibleName(question.image_alt.get(self._language))
            self.image.setToolTip(question.image_alt.get(self._language))
        self.image.setVisible(not pixmap.isNull())

    def advance(self) -> None:
        """Enter: submit the answer, or (after feedback) go to the next question."""
        if self._awaiting_next:
            self._show_next()
            return
        if self._answer is None or self._current is None:
            return
        response = self._answer.response()
        if response is None:
            self._answer.setFocus()
            return
        elapsed_ms = round((time.monotonic() - self._shown_at) * 1000)
        outcome = submit_answer(
            self._database, self._quiz.id, self._current.id, response, elapsed_ms
        )
        self._quiz = outcome.quiz
        if self._quiz.settings.mode is QuizMode.EXAM:
            self._show_next()
            return
        self._show_feedback(outcome.score)

    def _show_feedback(self, score: float) -> None:
        assert self._answer is not None
        assert self._current is not None
        question = self._current.question
        self._answer.show_answer()
        if score >= 1.0:
            self.verdict.setText(self.tr("Right!"))
            state = "right"
        elif score > 0:
            self.verdict.setText(
                self.tr("Partly right: %1 %").replace("%1", str(round(score * 100)))
            )
            state = "partial"
        else:
            self.verdict.setText(self.tr("Not quite."))
            state = "wrong"
        mark_feedback(self.verdict, state)
        explanation = question.explanation
        self.explanation.setText("" if explanation is None else explanation.get(self._language))
        self.source.setText(
            self.tr("Source: %1").replace("%1", question.source) if question.source else ""
        )
        self.feedback.show()
        self.submit.setText(self.tr("Next"))
        self._awaiting_next = True
        self.submit.setFocus()

    def _finish(self) -> None:
        self._quiz = finish_quiz(self._database, self._quiz.id)
        self.quiz_finished.emit(self._quiz)
