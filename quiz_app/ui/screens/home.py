"""Home: who is learning, which topics, how many questions, and which kind of quiz."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quiz_app.core.changes import Changed, Changes
from quiz_app.core.ids import LearnerId, PackId, TopicId
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.core.settings import MAX_QUESTIONS, MIN_QUESTIONS
from quiz_app.ui.context import AppContext, ChangeTracker
from quiz_app.ui.modes import mode_name
from quiz_app.ui.widgets.heading import Heading
from quiz_app.ui.worker import database_worker

if TYPE_CHECKING:
    from collections.abc import Callable

    from quiz_app.core.errors import QuizError
    from quiz_app.core.learners import Learner
    from quiz_app.core.quiz import QuizSession
    from quiz_app.services.bank import Database
    from quiz_app.ui.widgets.pack_list import PackListWidget

_PACK_TREE = Changes.PACKS | Changes.SCHEDULES | Changes.ANSWERS
"""Mastery comes from the schedules, which answers move."""
_LEARNER_LINE = Changes.QUIZZES | Changes.ANSWERS | Changes.SCHEDULES
"""Recent results, the unfinished quiz, the number of questions due."""

_MODE_ICONS = {
    QuizMode.PRACTICE: "practice",
    QuizMode.EXAM: "exam",
    QuizMode.MISTAKES: "mistakes",
    QuizMode.REVIEW: "review",
}
_NEXT_ICONS = {"continue": "continue", "review": "review", "practice": "practice"}
_MODE_TIPS: dict[QuizMode, Callable[[], str]] = {
    QuizMode.PRACTICE: lambda: QCoreApplication.translate(
        "HomeScreen", "Feedback after every answer"
    ),
    QuizMode.EXAM: lambda: QCoreApplication.translate(
        "HomeScreen", "Timed, one minute a question; the score at the end"
    ),
    QuizMode.MISTAKES: lambda: QCoreApplication.translate(
        "HomeScreen", "Questions you got wrong the last time you met them"
    ),
    QuizMode.REVIEW: lambda: QCoreApplication.translate(
        "HomeScreen", "Spaced repetition: what is due today, and a few new questions"
    ),
}


class HomeScreen(QWidget):
    start_requested = Signal(object, object)
    """(LearnerId, QuizSettings)"""
    resume_requested = Signal(object)
    """LearnerId"""
    learner_changed = Signal(object)
    """LearnerId: the learner now chosen."""
    bank_counted = Signal(int)
    """The number of questions in the bank, each time the packs are listed."""
    history_requested = Signal(object)
    """LearnerId"""
    progress_requested = Signal(object)
    """LearnerId"""

    def __init__(
        self, packs: PackListWidget, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.packs = packs
        layout = QVBoxLayout(self)

        who = QHBoxLayout()
        who_label = QLabel(self.tr("&Learner:"), self)
        self.learner = QComboBox(self)
        # The learner's name may be cut short, never the buttons beside it.
        self.learner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.learner.setMinimumContentsLength(6)
        self.learner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.learner.setMaximumWidth(360)
        self.learner.setPlaceholderText(self.tr("Create a learner to start"))
        who_label.setBuddy(self.learner)
        self.new_learner = QPushButton(self.tr("New learner…"), self)
        self.new_learner.clicked.connect(self.ask_new_learner)
        who.addWidget(who_label)
        who.addWidget(self.learner)
        who.addWidget(self.new_learner)
        who.addStretch(1)
        self.history = QPushButton(self.tr("Histor&y"), self)
        self.history.clicked.connect(self._history)
        self.progress_button = QPushButton(self.tr("Pr&ogress"), self)
        self.progress_button.clicked.connect(self._progress)
        who.addWidget(self.progress_button)
        who.addWidget(self.history)
        layout.addLayout(who)

        # The one obvious next step: continue the quiz left open, review what is due,
        # or start practising.
        self.next_card = QFrame(self)
        self.next_card.setObjectName("card")
        card = QHBoxLayout(self.next_card)
        words = QVBoxLayout()
        self.greeting = Heading("", self.next_card)
        self.greeting.setWordWrap(True)
        self.next_text = QLabel(self.next_card)
        self.next_text.setWordWrap(True)
        words.addWidget(self.greeting)
        words.addWidget(self.next_text)
        card.addLayout(words, 1)
        self.next_button = QPushButton(self.next_card)
        self.next_button.setProperty("primary", "true")
        self.next_button.clicked.connect(self._next_step)
        card.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._next: str = "practice"
        self._bank_total = 0
        layout.addWidget(self.next_card)

        layout.addWidget(self.packs, 1)
        self.scope = QLabel(self)
        self.scope.setObjectName("scope")
        self.scope.setWordWrap(True)
        layout.addWidget(self.scope)
        self.packs.itemChanged.connect(self._show_scope)
        self.recent = QLabel(self)
        self.recent.setObjectName("recent")
        self.recent.setWordWrap(True)
        layout.addWidget(self.recent)

        start = QHBoxLayout()
        count_label = QLabel(self.tr("&Questions:"), self)
        self.count = QSpinBox(self)
        self.count.setRange(MIN_QUESTIONS, MAX_QUESTIONS)
        self.count.setValue(context.settings.question_count)
        self.count.valueChanged.connect(self._count_changed)
        count_label.setBuddy(self.count)
        # The spin box's own text field is what takes focus: it carries the name too.
        for part in (self.count, self.count.findChild(QLineEdit)):
            if part is not None:
                part.setAccessibleName(self.tr("Questions in a quiz"))
        start.addWidget(count_label)
        start.addWidget(self.count)
        start.addSpacing(16)
        self.difficulty: dict[int, QCheckBox] = {}
        for level, text in ((1, self.tr("Easy")), (2, self.tr("Medium")), (3, self.tr("Hard"))):
            box = QCheckBox(text, self)
            box.setToolTip(self.tr("Tick none for every difficulty"))
            box.setChecked(level in context.settings.difficulties)
            box.toggled.connect(self._difficulty_changed)
            start.addWidget(box)
            self.difficulty[level] = box
        start.addStretch(1)
        layout.addLayout(start)
        # The kinds of quiz on a row of their own, so that at large text sizes the
        # settings above and the buttons each still fit the width.
        modes = QHBoxLayout()
        modes.addStretch(1)
        self.mode_buttons: dict[QuizMode, QPushButton] = {}
        for mode, text in (
            (QuizMode.PRACTICE, self.tr("&Practice")),
            (QuizMode.EXAM, self.tr("&Exam")),
            (QuizMode.MISTAKES, self.tr("My &mistakes")),
            (QuizMode.REVIEW, self.tr("&Review")),
        ):
            button = QPushButton(text, self)
            button.setToolTip(_MODE_TIPS[mode]())
            button.clicked.connect(lambda _=False, m=mode: self._start(m))
            modes.addWidget(button)
            self.mode_buttons[mode] = button
        layout.addLayout(modes)
        self._show_icons()
        self._learners: dict[int, Learner] = {}
        self._admit: Callable[[Learner], bool] = lambda learner: not learner.has_password
        self._shown = -1
        """The learner's index before the change being made (to go back to if refused)."""
        self.learner.currentIndexChanged.connect(self._learner_chosen)
        self.tracker = ChangeTracker(
            self, context, Changes.LEARNERS | _PACK_TREE | _LEARNER_LINE, self.redraw
        )
        if context.database is not None:
            self.tracker.notify(Changes.EVERYTHING)

    def _show_icons(self) -> None:
        """Icons in the theme's text colour (drawn again when the theme changes)."""
        from quiz_app.ui.icons import icon

        for mode, name in _MODE_ICONS.items():
            self.mode_buttons[mode].setIcon(icon(name))
        self._show_next_icon()

    def _show_next_icon(self) -> None:
        from quiz_app.ui.icons import icon

        self.next_button.setIcon(icon(_NEXT_ICONS[self._next], QPalette.ColorRole.HighlightedText))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._show_icons()

    def _show_scope(self) -> None:
        """Which topics a quiz started now draws from, said in words."""
        _, topics = self.selected_topics()
        if not topics:
            total = self._bank_total
            self.scope.setText(
                self.tr("No topic ticked: a quiz draws from every topic (%1 questions).").replace(
                    "%1", str(total)
                )
            )
            return
        names = self._ticked_topic_names()
        shown = "; ".join(names[:3]) + ("; …" if len(names) > 3 else "")
        text = (
            self.tr("A quiz draws from the topic %1.")
            if len(names) == 1
            else self.tr("A quiz draws from %1 topics: %2.").replace("%1", str(len(names)))
        )
        self.scope.setText(text.replace("%2", shown).replace("%1", shown))

    def _ticked_topic_names(self) -> list[str]:
        names = []
        for i in range(self.packs.topLevelItemCount()):
            pack = self.packs.topLevelItem(i)
            assert pack is not None
            for j in range(pack.childCount()):
                topic = pack.child(j)
                if topic is not None and topic.checkState(0) == Qt.CheckState.Checked:
                    names.append(topic.text(0))
        return names

    def _show_next_step(self, unfinished: QuizSession | None, due: int) -> None:
        """Continue the open quiz, else review what is due, else practise."""
        name = self.learner.currentText()
        self.greeting.setText(
            self.tr("Hello, %1").replace("%1", name) if name else self.tr("Hello")
        )
        if self.current_learner() is None:
            self._next = "practice"
            self.next_text.setText(
                self.tr("Choose who you are above, or make a new learner.")
                if self.learner.count()
                else self.tr("Make a learner with New learner… to start.")
            )
            self.next_button.setText(self.tr("&Start practising"))
        elif unfinished is not None:
            self._next = "continue"
            self.next_text.setText(
                self.tr("You have a %1 quiz open: %2 of %3 answered.")
                .replace("%1", mode_name(unfinished.settings.mode).lower())
                .replace("%2", str(len(unfinished.answers)))
                .replace("%3", str(len(unfinished.question_ids)))
            )
            self.next_button.setText(self.tr("&Continue the quiz"))
        elif due:
            self._next = "review"
            self.next_text.setText(
                self.tr("%1 questions are due for review: a few minutes keeps them fresh.").replace(
                    "%1", str(due)
                )
                if due > 1
                else self.tr("1 question is due for review: a minute keeps it fresh.")
            )
            self.next_button.setText(self.tr("Re&view now"))
        else:
            self._next = "practice"
            self.next_text.setText(
                self.tr(
                    "Nothing is due. Tick topics below, or just start: a quiz of %1 questions."
                ).replace("%1", str(self.count.value()))
            )
            self.next_button.setText(self.tr("&Start practising"))
        self.next_button.setEnabled(self.current_learner() is not None)
        self._show_next_icon()

    def _next_step(self) -> None:
        if self._next == "continue":
            self._resume()
        elif self._next == "review":
            self._start(QuizMode.REVIEW)
        else:
            self._start(QuizMode.PRACTICE)

    @property
    def _database(self) -> Database | None:
        return self._context.database

    def redraw(self, changes: Changes) -> None:
        """Show again what ``changes`` touched, each part once."""
        if self._database is None:
            return
        if changes & Changes.LEARNERS:
            self.reload_learners()  # also redraws the rest for the learner chosen
            return
        if changes & _PACK_TREE:
            self.show_packs()
        if changes & _LEARNER_LINE:
            self._show_learner_line()

    def show_packs(self) -> None:
        """The pack tree with the current learner's mastery."""
        from quiz_app.services.packs import list_packs
        from quiz_app.services.review import topic_mastery

        assert self._database is not None
        packs = list_packs(self._database)
        learner = self.current_learner()
        mastery = None if learner is None else topic_mastery(self._database, learner)
        self.packs.show_packs(packs, self._context.language, mastery)
        self._bank_total = sum(p.question_count for p in packs)
        self.bank_counted.emit(self._bank_total)
        self._show_scope()

    def reload_learners(self, select: LearnerId | None = None) -> None:
        """The learners again; the one wanted (else the last one) chosen, unless they keep
        a password and have not given it since (then nobody is)."""
        from quiz_app.services.learners import list_learners
        from quiz_app.ui.learner_dialog import swatch

        assert self._database is not None
        wanted = select if select is not None else self._context.settings.last_learner
        learners = list_learners(self._database)
        self._learners = {int(one.id): one for one in learners}
        self.learner.blockSignals(True)
        self.learner.clear()
        for learner in learners:
            self.learner.addItem(swatch(learner.colour), learner.name, learner.id)
        index = self.learner.findData(int(wanted)) if wanted is not None else -1
        if index < 0 and learners:
            index = 0  # the one chosen before is gone
        if index >= 0 and not self._may_be_chosen(learners[index]):
            index = -1  # let them choose themselves
        self.learner.setCurrentIndex(index)
        self.learner.setPlaceholderText(
            self.tr("Choose who you are") if learners else self.tr("Create a learner to start")
        )
        self.learner.blockSignals(False)
        self._shown = index
        self._learner_changed()

    def set_admission(self, admit: Callable[[Learner], bool]) -> None:
        """``admit(learner)``: whether a learner who keeps a password may be chosen now
        (asking for it); without one, such a learner is never chosen."""
        self._admit = admit

    def _may_be_chosen(self, learner: Learner) -> bool:
        return not learner.has_password or self._context.signed_in == learner.id

    def chosen_learner(self) -> Learner | None:
        learner = self.current_learner()
        return None if learner is None else self._learners.get(int(learner))

    def choose_nobody(self) -> None:
        """Sign out: no learner chosen, their results no longer shown."""
        self._context.signed_in = None
        self.learner.blockSignals(True)
        self.learner.setCurrentIndex(-1)
        self.learner.blockSignals(False)
        self._shown = -1
        self._learner_changed()

    def current_learner(self) -> LearnerId | None:
        data = self.learner.currentData()
        return None if data is None else LearnerId(int(data))

    def _learner_chosen(self, index: int) -> None:
        """A learner picked in the box: one who keeps a password is let in only with it."""
        learner = self.chosen_learner()
        if learner is not None and not self._may_be_chosen(learner) and not self._admit(learner):
            self.learner.blockSignals(True)
            self.learner.setCurrentIndex(self._shown)
            self.learner.blockSignals(False)
            return
        self._context.signed_in = None if learner is None else learner.id
        self._shown = index
        self._learner_changed()

    def _learner_changed(self) -> None:
        learner = self.current_learner()
        has_learner = learner is not None
        for button in (*self.mode_buttons.values(), self.history, self.progress_button):
            button.setEnabled(has_learner)
        if self._database is None:
            return
        self.show_packs()
        self._show_learner_line()
        if learner is not None:
            self._context.update_settings(last_learner=int(learner))
            self.learner_changed.emit(learner)

    def _show_learner_line(self) -> None:
        """Recent results, the number due and the unfinished quiz of the learner chosen."""
        from quiz_app.services.quiz import unfinished_quiz
        from quiz_app.services.review import due_now

        learner = self.current_learner()
        self.recent.clear()
        self.mode_buttons[QuizMode.REVIEW].setText(self.tr("&Review"))
        if learner is None or self._database is None:
            self._show_next_step(None, 0)
            return
        self._show_recent(learner)
        due = due_now(self._database, learner)
        if due:
            self.mode_buttons[QuizMode.REVIEW].setText(
                self.tr("&Review (%1 due)").replace("%1", str(due))
            )
        unfinished = unfinished_quiz(self._database, learner)
        self._show_next_step(unfinished, due)

    def _count_changed(self, count: int) -> None:
        self._context.update_settings(question_count=count)

    def _difficulty_changed(self) -> None:
        ticked = frozenset(d for d, box in self.difficulty.items() if box.isChecked())
        self._context.update_settings(difficulties=ticked)

    def _show_recent(self, learner: LearnerId) -> None:
        from quiz_app.services.quiz import quiz_history

        assert self._database is not None
        recent = quiz_history(self._database, learner, limit=3)
        if not recent:
            self.recent.setText(self.tr("No quizzes yet: choose topics and start one."))
            return
        parts = [
            f"{round(q.score * 100)} % ({mode_name(q.settings.mode)}, "
            f"{(q.finished_at or q.started_at).astimezone():%Y-%m-%d})"
            for q in recent
        ]
        self.recent.setText(self.tr("Recent results: %1").replace("%1", " · ".join(parts)))

    def ask_new_learner(self) -> None:
        from quiz_app.services.learners import create_learner
        from quiz_app.ui.learner_dialog import NewLearnerDialog

        dialog = NewLearnerDialog(self._context.language, self)
        database = self._database
        if dialog.exec() != NewLearnerDialog.DialogCode.Accepted or database is None:
            return
        name, colour, language = dialog.name.text(), dialog.colour(), dialog.chosen_language()
        password = dialog.password()
        database_worker(database).run(
            lambda: create_learner(
                database, name, colour=colour, language=language, password=password
            ),
            self._learner_created,
            self._learner_refused,
        )

    def _learner_created(self, created: Changed[Learner]) -> None:
        self._context.signed_in = created.value.id  # who just chose the password
        self._context.update_settings(last_learner=int(created.value.id))
        self._context.notify(created.changes)

    def _learner_refused(self, error: QuizError) -> None:
        QMessageBox.warning(self, self.tr("New learner"), error.message(self._context.language))

    def selected_topics(self) -> tuple[tuple[PackId, ...], tuple[TopicId, ...]]:
        """Checked topics, and the packs they belong to (nothing checked: everything)."""
        packs: list[PackId] = []
        topics: list[TopicId] = []
        for i in range(self.packs.topLevelItemCount()):
            pack = self.packs.topLevelItem(i)
            assert pack is not None
            for j in range(pack.childCount()):
                topic = pack.child(j)
                assert topic is not None
                if topic.checkState(0) == Qt.CheckState.Checked:
                    topics.append(TopicId(int(topic.data(0, Qt.ItemDataRole.UserRole))))
                    packs.append(PackId(str(pack.data(0, Qt.ItemDataRole.UserRole))))
        return tuple(dict.fromkeys(packs)), tuple(topics)

    def _start(self, mode: QuizMode) -> None:
        learner = self.current_learner()
        if learner is None:
            return
        packs, topics = self.selected_topics()
        settings = QuizSettings(
            mode=mode,
            count=self.count.value(),
            pack_ids=packs,
            topic_ids=topics,
            difficulties=frozenset(d for d, box in self.difficulty.items() if box.isChecked()),
            time_limit_s=60 * self.count.value() if mode is QuizMode.EXAM else None,
            new_per_day=self._context.settings.new_per_day,
        )
        self.start_requested.emit(learner, settings)

    def _progress(self) -> None:
        learner = self.current_learner()
        if learner is not None:
            self.progress_requested.emit(learner)

    def _history(self) -> None:
        learner = self.current_learner()
        if learner is not None:
            self.history_requested.emit(learner)

    def _resume(self) -> None:
        learner = self.current_learner()
        if learner is not None:
            self.resume_requested.emit(learner)
