"""The question screen: one question at a time, feedback in practice mode.

Enter submits the answer, and in practice mode Enter again goes on after the feedback.
Each answer is stored the moment it is submitted (``submit_answer`` is one transaction),
so closing the window or killing the process loses at most the answer being typed.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from quiz_app.core.bank import StoredQuestion
from quiz_app.core.changes import Changed
from quiz_app.core.errors import QuizError
from quiz_app.core.questions import Card
from quiz_app.core.quiz import QuizMode, QuizSession
from quiz_app.core.quiz_run import QuizRun
from quiz_app.core.review import RATING_NAMES, Rating, comes_back
from quiz_app.services.bank import Database, on_server
from quiz_app.services.outbox import finish_or_keep, keep_ready, submit_or_keep
from quiz_app.services.packs import pack_media
from quiz_app.services.quiz import AnswerOutcome
from quiz_app.ui.announce import announce
from quiz_app.ui.answer_text import question_text, right_text
from quiz_app.ui.i18n import language_name
from quiz_app.ui.images import pixmap_from_bytes
from quiz_app.ui.screens.quiz_head import URGENT_MS, QuizHead
from quiz_app.ui.widgets.answers import AnswerWidget, ChoiceAnswers, answer_widget
from quiz_app.ui.widgets.card import CardWidget
from quiz_app.ui.widgets.feedback_panel import FeedbackPanel, plain_label
from quiz_app.ui.widgets.rich_text import MediaSource, RichText
from quiz_app.ui.widgets.scaled_image import ScaledImage
from quiz_app.ui.worker import database_worker

T = TypeVar("T")

CONTENT_WIDTH = 960
"""The widest the question column grows: longer lines are hard to read."""
IMAGE_WIDTH = 560
"""Images are drawn at most this wide, and smaller when the window is."""
IMAGE_SHARE = 0.4
"""An image takes at most this share of the answers' height, so the answers stay in view."""


class QuizScreen(QWidget):
    """Asks the quiz's unanswered questions in order; emits ``quiz_finished`` at the end."""

    quiz_finished = Signal(object)
    """The finished QuizSession."""
    answered = Signal(object)
    """Changes: an answer (or a flag) was stored."""
    left = Signal()
    """The learner left the quiz (kept for later, or abandoned)."""

    def __init__(
        self,
        database: Database,
        quiz: QuizSession,
        questions: list[StoredQuestion],
        language: str,
        parent: QWidget | None = None,
        *,
        run: QuizRun | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._quiz = quiz
        self._questions = {q.id: q for q in questions}
        self._language = language
        self._answer: AnswerWidget | None = None
        self._retired: QWidget | None = None  # the answer left last (see _retire)
        self._current: StoredQuestion | None = None
        self._saving: object | None = None
        self.timed_out = False
        """The exam's time ran out before every question was answered."""
        self._warned = False
        """The last minute of an exam has been announced (an exam that is shorter than a
        minute has none to announce: the rules said how long it is)."""
        self._next_due: datetime | None = None
        """When the question just answered comes back (its schedule, moved by the answer)."""
        self._mix_shown = False
        """A review's head has shown how many of its questions are due and how many new."""
        self.run = run if run is not None else QuizRun.start(quiz)
        """Order, skips, feedback and time: kept when the screen is built again."""
        self._build()
        limit = self.time_limit_ms
        self._warned = limit is not None and limit <= URGENT_MS
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        if self.time_limit_ms is not None:
            self._timer.start()
        if run is None or run.current is None:
            self._show_next()
        else:
            self._show_again()
        remaining = self.remaining_ms()
        if remaining is not None:
            self._show_time(remaining)
        if run is None and on_server(database):
            # A classroom server: the outbox learns the quiz now, so that even its first
            # answer can wait on this computer if the server goes (failing, it says nothing:
            # the first answer will say the server cannot be reached).
            database_worker(database).run(
                lambda: keep_ready(database, quiz), lambda _done: None, lambda _err: None
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter and Esc reach here from whichever answer control has focus (they leave
        # them unhandled), so they work the same for every question type.
        if event.key() == Qt.Key.Key_Escape:
            self.toggle_pause()
            return
        if self.run.paused:
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.advance()
            return
        if event.key() == Qt.Key.Key_F2:
            self.toggle_peek()
            return
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            bar = self._scroll.verticalScrollBar()
            step = bar.pageStep() if event.key() == Qt.Key.Key_PageDown else -bar.pageStep()
            bar.setValue(bar.value() + step)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        side = max(0, (event.size().width() - CONTENT_WIDTH) // 2)
        self._content_layout.setContentsMargins(side, 0, side, 0)
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The answers' viewport gets its size after the screen's own resize event: the
        # image is fitted to it then, and again each time it changes.
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_image()
        return super().eventFilter(watched, event)

    def _fit_image(self) -> None:
        viewport = self._scroll.viewport()
        margins = self._body.contentsMargins()
        width = viewport.width() - margins.left() - margins.right()
        self.image.fit(min(width, IMAGE_WIDTH), int(viewport.height() * IMAGE_SHARE))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The stack shows the screen after it is built, and gives focus to its own
        # choice: put it on the answer once the screen is really on view.
        QTimer.singleShot(0, self, self.focus_answer)

    def first_focus(self) -> QWidget | None:
        """The answer control (Next after feedback; the paused notice in a pause)."""
        if self.run.paused:
            return self.paused
        if self.run.feedback is not None:
            return self.submit
        return self._answer

    def focus_answer(self) -> None:
        """Keyboard focus on the answer control (or Next after feedback), so number keys,
        letters, T/F and Enter work at once."""
        if not isValid(self) or self.run.paused:
            return
        first = self.first_focus()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- exam time, pause, skip ---------------------------------------------------------------
    @property
    def time_limit_ms(self) -> int | None:
        limit = self._quiz.settings.time_limit_s
        return (
            None if limit is None or self._quiz.settings.mode is not QuizMode.EXAM else limit * 1000
        )

    def remaining_ms(self) -> int | None:
        """Time left in an exam. Time spent away from the quiz (closed, crashed, paused)
        does not count: only the time on each question does."""
        return self.run.remaining_ms(self._quiz, time.monotonic())

    def _tick(self) -> None:
        remaining = self.remaining_ms()
        if remaining is None:
            return
        self._show_time(remaining)
        if 0 < remaining < URGENT_MS and not self._warned:
            self._warned = True
            announce(self.timer_label, self.tr("One minute left."), urgent=True)
        if remaining == 0:
            self._timer.stop()
            self.timed_out = True
            self._finish()

    def _show_time(self, remaining_ms: int) -> None:
        self.head.show_time(remaining_ms)

    def toggle_pause(self) -> None:
        """Esc: hide the question and stop the clock, or carry on."""
        if not self.run.paused:
            self.run.pause(time.monotonic())
            self._timer.stop()
            self.paused.show()
            self._content.hide()
            self.paused.setFocus()
        else:
            self.run.resume(time.monotonic())
            self.paused.hide()
            self._content.show()
            if self.time_limit_ms is not None:
                self._timer.start()
            self.focus_answer()

    def toggle_flag(self) -> None:
        """Flag (or unflag) the question; stored at once, so it survives a resume."""
        from quiz_app.services.quiz import toggle_flag

        # Flag is a side step: the keyboard goes straight back to the answer.
        self.focus_answer()
        if self._current is None or self.saving:
            self._show_flag()
            return
        quiz_id, question_id, database = self._quiz.id, self._current.id, self._database
        self._save(lambda: toggle_flag(database, quiz_id, question_id), self._flagged)

    def _flagged(self, flagged: Changed[QuizSession]) -> None:
        self._quiz = flagged.value
        self._show_flag()
        self.answered.emit(flagged.changes)
        self.focus_answer()

    def _show_flag(self) -> None:
        flagged = self._current is not None and self._current.id in self._quiz.flagged
        self.flag_button.setChecked(flagged)
        self.flag_button.setText(self.tr("⚑ Fla&gged") if flagged else self.tr("Fla&g"))

    def skip(self) -> None:
        """Leave this question for later: it comes back after the others."""
        if not self.saving and self.run.skip(time.monotonic()):
            self._show_next()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        # A review has its own look (the style sheet reads the property): it is a
        # different kind of session from a quiz, a few minutes of spaced repetition.
        self.setProperty("mode", self._quiz.settings.mode.value)
        outer = QVBoxLayout(self)
        self.head = QuizHead(self, timed=self.time_limit_ms is not None, reviewing=self.reviewing)
        self.head.peek_button.clicked.connect(self.toggle_peek)
        self.head.leave_button.clicked.connect(self.ask_leave)
        # the head's parts, by the names the rest of the screen (and its tests) use
        self.progress_label, self.progress = self.head.place, self.head.progress
        self.timer_label, self.review_info = self.head.timer, self.head.review_info
        self.peek_button, self.leave_button = self.head.peek_button, self.head.leave_button
        outer.addWidget(self.head)
        self.paused = QLabel(self.tr("Paused. Press Esc to carry on."), self)
        self.paused.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.paused.hide()
        outer.addWidget(self.paused, 1)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        # The question stays in view above the answers: on a small screen only the
        # answers scroll.
        self.prompt = RichText(content, "prompt")
        self.prompt.setProperty("role", "prompt")
        content_layout.addWidget(self.prompt)
        self.peek = plain_label(content, "peek")
        self.peek.hide()
        content_layout.addWidget(self.peek)

        scroll = QScrollArea(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Everything wraps to the window's width: nothing ever scrolls sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        self._body = QVBoxLayout(body)
        self.image = ScaledImage(body)
        self._answer_slot = QVBoxLayout()
        self.feedback = FeedbackPanel(body)
        self.verdict, self.comes_back = self.feedback.verdict, self.feedback.comes_back
        self.explanation, self.source = self.feedback.explanation, self.feedback.source
        self._body.addWidget(self.image)
        self._body.addLayout(self._answer_slot)
        self._body.addWidget(self.feedback)
        self._body.addStretch(1)
        scroll.setWidget(body)
        self._scroll = scroll
        # Not a Tab stop of its own (a screen reader would land on a nameless frame):
        # it follows the focus, and Page Up / Page Down scroll it from anywhere.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName(self.tr("Answers"))
        scroll.viewport().installEventFilter(self)
        content_layout.addWidget(scroll, 1)
        # Lines of a readable length on a wide screen: the question and its answers stay
        # in a centred column rather than stretching across 1,300 px.
        # (resizeEvent widens the column's side margins as the window grows.)
        outer.addWidget(content, 1)
        self._content = content
        self._content_layout = content_layout

        buttons = QHBoxLayout()
        self.skip_button = QPushButton(self.tr("S&kip"), self)
        self.skip_button.clicked.connect(self.skip)
        buttons.addWidget(self.skip_button)
        self.flag_button = QPushButton(self.tr("Fla&g"), self)
        self.flag_button.setCheckable(True)
        self.flag_button.setToolTip(self.tr("Mark this question to look at again"))
        self.flag_button.clicked.connect(self.toggle_flag)
        buttons.addWidget(self.flag_button)
        buttons.addStretch(1)
        self.submit = QPushButton(self.tr("Submit"), self)
        self.submit.setDefault(True)
        self.submit.setProperty("primary", "true")
        self.submit.clicked.connect(self.advance)
        buttons.addWidget(self.submit)
        outer.addLayout(buttons)

    def _set_tab_order(self) -> None:
        """Tab goes through the screen as it reads: the top bar, the answer, then the
        buttons below it."""
        chain: list[QWidget] = [self.peek_button, self.leave_button]
        if self._answer is not None:
            chain += [
                w
                for w in [self._answer, *self._answer.findChildren(QWidget)]
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and w.focusProxy() is None
                and w.window() is self.window()  # not a drop-down's pop-up list
            ]
        chain += [self.skip_button, self.flag_button, self.submit]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- spaced repetition ----------------------------------------------------------------
    @property
    def reviewing(self) -> bool:
        return self._quiz.settings.mode is QuizMode.REVIEW

    def _card_intervals(self) -> dict[Rating, str]:
        """What each rating of the card in front would do: "Good: in 3 days"."""
        from quiz_app.services.review import rating_dues

        assert self._current is not None
        now = datetime.now(UTC)
        dues = rating_dues(self._database, self._quiz.learner_id, self._current.id, now)
        return {rating: comes_back(now, due, self._language) for rating, due in dues.items()}

    def _comes_back_text(self) -> str:
        """After an answer in a review (or to a card): when the question comes back."""
        card = isinstance(self._answer, CardWidget)
        if self._next_due is None or not (self.reviewing or card):
            return ""
        when = comes_back(datetime.now(UTC), self._next_due, self._language)
        return self.tr("↻ Comes back %1").replace("%1", when)

    def _show_review_info(self) -> None:
        """A review's head: of the questions left in it, how many are due again and how
        many are new."""
        if not self.reviewing or self._mix_shown:
            return
        from quiz_app.services.review import review_mix

        left = [q for q in self._quiz.question_ids if q not in self._quiz.answers]
        due, new = review_mix(self._database, self._quiz.learner_id, left)
        self._mix_shown = True
        self.head.show_mix(due, new)

    # -- the other language ----------------------------------------------------------------
    def other_language(self) -> str | None:
        """The question's other language, for a bilingual learner to peek at."""
        if self._current is None:
            return None
        others = sorted(self._current.question.languages - {self._language})
        return others[0] if others else None

    def toggle_peek(self) -> None:
        """F2: show (or hide) the question in the pack's other language, under the prompt."""
        other = self.other_language()
        if other is None or self._current is None or self.peek.isVisible():
            self.peek.hide()
            self.peek_button.setChecked(False)
            self.focus_answer()
            return
        order = self._answer.display_order() if self._answer is not None else ()
        self.peek.setText(question_text(self._current.question, other, order))
        self.peek.show()
        self.peek_button.setChecked(True)
        self.focus_answer()

    def _show_peek_button(self) -> None:
        other = self.other_language()
        self.peek.hide()
        self.head.show_peek(None if other is None else language_name(other))

    # -- leaving ----------------------------------------------------------------------------
    def ask_leave(self) -> None:
        """Keep the quiz for later (Home offers to continue it), or abandon it."""
        from quiz_app.ui.screens.leave_quiz import LeaveQuizBox

        if self.saving:
            return
        box = LeaveQuizBox(self, len(self._quiz.answers))
        box.exec()
        choice = box.choice()
        if choice == "keep":
            self.leave()
        elif choice == "abandon":
            self.abandon()
        else:
            self.focus_answer()

    def leave(self) -> None:
        """Back to Home; the quiz stays unfinished, to be continued."""
        # Time away does not count: a resumed screen starts the question's clock again.
        self._timer.stop()
        self.run.stop_clock(time.monotonic())
        self.left.emit()

    def abandon(self) -> None:
        """End the quiz without a score; its answers stay in the learner's history."""
        from quiz_app.services.quiz import abandon_quiz

        self._timer.stop()
        quiz_id, database = self._quiz.id, self._database
        self._save(lambda: abandon_quiz(database, quiz_id), self._abandoned)

    def _abandoned(self, abandoned: Changed[QuizSession]) -> None:
        self._quiz = abandoned.value
        self.answered.emit(abandoned.changes)
        self.left.emit()

    # -- flow -----------------------------------------------------------------------------
    @property
    def quiz(self) -> QuizSession:
        return self._quiz

    def _show_next(self) -> bool:
        """The next question, or the end of the quiz (False) when none is left."""
        if self.run.next_question(self._quiz, time.monotonic()) is None:
            self._finish()
            return False
        self._show_current()
        return True

    def _show_again(self) -> None:
        """The run's current question, as it was: being answered, or with its feedback."""
        self._show_current()
        if self.run.feedback is not None:
            self._show_feedback(self.run.feedback)
        else:
            self.run.start_clock(time.monotonic())

    def _show_current(self) -> None:
        assert self.run.current is not None
        self._current = self._questions[self.run.current]
        question = self._current.question
        total = len(self._quiz.question_ids)
        number = min(len(self._quiz.answers) + 1, total)
        if self.run.feedback is not None:
            number = len(self._quiz.answers)
        self.head.show_place(number, total)
        self._show_review_info()
        self.prompt.set_markdown(question.prompt.get(self._language), self._media())
        self._show_peek_button()
        self._show_image()
        left = self._answer
        # The order drawn when the quiz started: the same on resume and language switch.
        if isinstance(question.body, Card):
            self._answer = CardWidget(question.body, self._language, self._card_intervals())
        else:
            self._answer = answer_widget(
                question.body,
                self._language,
                self._quiz.orders.get(self._current.id, ()),
                (self.tr("True"), self.tr("False")),
            )
        self._answer.ask(self.prompt.text())  # its plain text: a name is read, not shown
        if isinstance(self._answer, CardWidget):
            self._answer.rated.connect(self.advance)  # a card's rating is its answer
        self._answer_slot.addWidget(self._answer)
        self.feedback.hide()
        self._show_flag()
        self.skip_button.setEnabled(True)
        self.submit.setText(self.tr("Submit"))
        # A card is submitted by its rating; there is nothing else to submit.
        self.submit.setVisible(not isinstance(self._answer, CardWidget))
        self._set_tab_order()
        self.focus_answer()
        if left is not None:
            self._retire(left)

    def _retire(self, answer: QWidget) -> None:
        """Hide the answer just left (the focus has moved on) and delete the one left
        before it: a screen reader asks about the control that lost the focus after the
        focus has moved, and Qt logs "Could not find accessible" for one already gone."""
        answer.hide()
        if self._retired is not None:
            self._retired.deleteLater()
        self._retired = answer

    def _media(self) -> MediaSource:
        """The current question's pack files, for the images in its text."""
        assert self._current is not None
        return partial(pack_media, self._database, self._current.pack_id)

    def _show_image(self) -> None:
        assert self._current is not None
        question = self._current.question
        if question.image is None:
            self.image.set_source(QPixmap())
            return
        data = pack_media(self._database, self._current.pack_id, question.image)
        self.image.set_source(pixmap_from_bytes(data or b"", question.image, IMAGE_WIDTH))
        if question.image_alt is not None:
            self.image.setAccessibleName(question.image_alt.get(self._language))
            self.image.setToolTip(question.image_alt.get(self._language))
        self._fit_image()

    @property
    def saving(self) -> bool:
        """An answer, a flag or the quiz's end is being written by the bank's writer."""
        return self._saving is not None

    def _save(self, work: Callable[[], T], on_done: Callable[[T], object]) -> None:
        """Write on the bank's one writer, off the GUI thread; a bank that stays busy
        (or another expected error) is a message, and what is on screen stays."""
        self._saving = database_worker(self._database).run(
            work, partial(self._saved, on_done), self._not_saved, self._save_ended
        )

    def _saved(self, on_done: Callable[[T], object], result: T) -> None:
        self._saving = None
        if isValid(self):  # the screen may have been rebuilt (a language switch) since
            on_done(result)

    def _save_ended(self, job: object) -> None:
        if self._saving is job:
            self._saving = None

    def advance(self) -> None:
        """Enter: submit the answer, or (after feedback) go to the next question."""
        if self.saving:
            return
        if self.run.feedback is not None:
            self._show_next()
            return
        if self._answer is None or self._current is None:
            return
        response = self._answer.response()
        if response is None:
            self._answer.setFocus()
            return
        elapsed_ms = self.run.elapsed_ms(time.monotonic())
        quiz, question, database = self._quiz, self._current, self._database
        # On a classroom server that stops answering, the answer waits in the outbox.
        self._save(
            lambda: submit_or_keep(database, quiz, question, response, elapsed_ms),
            self._answered,
        )

    def _answered(self, outcome: AnswerOutcome) -> None:
        self._quiz = outcome.quiz
        self._next_due = outcome.next_due
        self.run.answered(outcome.score, time.monotonic())
        self.answered.emit(outcome.changes)
        if self.remaining_ms() == 0:  # the exam's time ran out while the answer was saved
            self._finish()
            return
        if self._quiz.settings.mode is QuizMode.EXAM:
            # No feedback in an exam: the next question comes at once, its answer control
            # takes the focus (read out with its question), and this says the answer is in.
            if self._show_next():
                place = self.head.place.text()
                announce(self.head.place, self.tr("Answer saved. %1").replace("%1", place))
            return
        self._show_feedback(outcome.score)

    def _show_feedback(self, score: float) -> None:
        assert self._answer is not None
        assert self._current is not None
        question = self._current.question
        # Focus straight to Next before the answer locks (a locked answer gives up its
        # focus, which would otherwise hop over Skip and Flag, each spoken aloud).
        self.submit.setText(self.tr("Next"))
        self.submit.show()
        self.submit.setFocus()
        self.skip_button.setEnabled(False)  # answered: nothing left to skip
        self._answer.show_answer()
        rating = self._answer.response() if isinstance(self._answer, CardWidget) else None
        rated = (
            RATING_NAMES[Rating(rating)].get(self._language) if isinstance(rating, int) else None
        )
        self.feedback.show_result(
            score,
            question,
            self._language,
            rated=rated,
            comes_back=self._comes_back_text(),
            media=self._media(),
        )
        self._announce_feedback(score, rated is not None)
        QTimer.singleShot(0, self, self._feedback_into_view)

    def _announce_feedback(self, score: float, card: bool) -> None:
        """What the feedback shows, read out: the verdict, the right answer when it was
        missed, and (in a review) when the question comes back."""
        assert self._current is not None
        parts = [self.verdict.text()]
        if isinstance(self._answer, ChoiceAnswers):
            parts += self._answer.picked_feedback()  # what the picked choice itself says
        if score < 1.0 and not card:
            yes_no = (self.tr("True"), self.tr("False"))
            right = right_text(self._current.question.body, self._language, yes_no)
            parts.append(self.tr("The right answer: %1").replace("%1", right))
        if self.comes_back.text():
            parts.append(self.comes_back.text())
        announce(self.feedback, " ".join(parts))

    def _feedback_into_view(self) -> None:
        """On a small screen the feedback may lie below the answers: scroll to it."""
        if isValid(self) and self.feedback.isVisible():
            self._scroll.ensureWidgetVisible(self.feedback, 0, 0)

    def _not_saved(self, error: QuizError) -> None:
        self._saving = None
        if not isValid(self):
            return
        self._show_flag()
        QMessageBox.warning(self, self.tr("Not saved"), error.message(self._language))
        if self._answer is not None:
            self._answer.setFocus()

    def _finish(self) -> None:
        self._timer.stop()
        if self.saving:
            return  # the clock ran out while an answer was being saved: that finishes it
        quiz, database = self._quiz, self._database
        self._save(lambda: finish_or_keep(database, quiz), self._finished)

    def _finished(self, finished: Changed[QuizSession]) -> None:
        self._quiz = finished.value
        self.answered.emit(finished.changes)
        self.quiz_finished.emit(self._quiz)
