"""Which screen is in front, and the learner's way through them: Home, a quiz, its
results, History and Progress.

Screens other than Home are built when they are opened. When an operation changes what
the screen in front shows (a merge while Class results is open, say), that screen is
built again, once; screens behind it are built afresh when next opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from quiz_app.core.changes import Changed, Changes
from quiz_app.core.errors import QuizError
from quiz_app.core.ids import LearnerId, QuizSessionId
from quiz_app.core.quiz import QuizMode, QuizSession, QuizSettings
from quiz_app.ui.context import AppContext
from quiz_app.ui.screens.home import HomeScreen
from quiz_app.ui.widgets.pack_list import PackListWidget
from quiz_app.ui.worker import database_worker

if TYPE_CHECKING:
    from quiz_app.core.quiz_run import QuizRun
    from quiz_app.services.bank import Database
    from quiz_app.ui.screens.editor import PackEditorScreen
    from quiz_app.ui.screens.history import HistoryScreen
    from quiz_app.ui.screens.progress import ProgressScreen
    from quiz_app.ui.screens.quiz import QuizScreen
    from quiz_app.ui.screens.results import ResultsScreen


@runtime_checkable
class FocusFirst(Protocol):
    """A screen that knows where the keyboard focus belongs when it comes to the front."""

    def first_focus(self) -> QWidget | None: ...


@dataclass
class _Shown:
    """A screen built from the bank, and how to build it again."""

    name: str
    watches: Changes
    build: Callable[[], QWidget]


class Navigation(QObject):
    def __init__(self, window: QWidget, context: AppContext) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self.stack = QStackedWidget(window)
        self.quiz_screen: QuizScreen | None = None
        self.results_screen: ResultsScreen | None = None
        self.history_screen: HistoryScreen | None = None
        self.progress_screen: ProgressScreen | None = None
        self.class_results_screen: QWidget | None = None
        self.editor_screen: PackEditorScreen | None = None
        self.rules_screen: QWidget | None = None
        self._rebuilds: dict[str, _Shown] = {}
        self._stale = Changes.NONE
        self.build_home()
        context.changed.connect(self._changed)

    @property
    def database(self) -> Database:
        database = self._context.database
        assert database is not None, "the bank opens before any screen needs it"
        return database

    def build_home(self) -> None:
        """Home, (re)built in the current language."""
        old = getattr(self, "home", None)
        self.packs = PackListWidget()
        self.home = HomeScreen(self.packs, self._context)
        self.home.start_requested.connect(self.start_quiz)
        self.home.resume_requested.connect(self.resume_quiz)
        self.home.history_requested.connect(self.show_history)
        self.home.progress_requested.connect(self.show_progress)
        self.stack.insertWidget(0, self.home)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def go_home(self) -> None:
        self.stack.setCurrentWidget(self.home)

    def back_home(self) -> None:
        """Study › Home: from any screen; a quiz in front is kept for later, as Leave does."""
        if self.quiz_screen is not None and self.stack.currentWidget() is self.quiz_screen:
            self.quiz_screen.leave()
        else:
            self.go_home()

    def show_screen(
        self,
        name: str,
        screen: QWidget,
        watches: Changes = Changes.NONE,
        build: Callable[[], QWidget] | None = None,
    ) -> None:
        """Put ``screen`` in front (replacing the previous one of that name); with
        ``watches``, it is built again by ``build`` when such a change happens."""
        old = getattr(self, name)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        setattr(self, name, screen)
        self.stack.addWidget(screen)
        # The stack hands the focus to the new page's own focus widget, else to its first
        # control: name it before, or a screen reader hears that first control on the way.
        first = screen.first_focus() if isinstance(screen, FocusFirst) else None
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.stack.setCurrentWidget(screen)
        if watches and build is not None:
            self._rebuilds[name] = _Shown(name, watches, build)
        else:
            self._rebuilds.pop(name, None)

    def _changed(self, changes: Changes) -> None:
        current = self.stack.currentWidget()
        for shown in self._rebuilds.values():
            if getattr(self, shown.name) is current and changes & shown.watches:
                if not self._stale:
                    QTimer.singleShot(0, self, self._rebuild_current)
                self._stale |= changes
                return

    def _rebuild_current(self) -> None:
        self._stale = Changes.NONE
        current = self.stack.currentWidget()
        for shown in list(self._rebuilds.values()):
            if getattr(self, shown.name) is current:
                self.show_screen(shown.name, shown.build(), shown.watches, shown.build)
                return

    # -- the quiz --------------------------------------------------------------------------
    def start_quiz(self, learner: LearnerId, settings: QuizSettings) -> None:
        """An exam shows its rules first; any other quiz starts at once."""
        if settings.mode is QuizMode.EXAM:
            self.show_exam_rules(learner, settings)
        else:
            self.begin_quiz(learner, settings)

    def show_exam_rules(self, learner: LearnerId, settings: QuizSettings) -> None:
        from quiz_app.ui.screens.exam_rules import ExamRulesScreen

        screen = ExamRulesScreen(settings)
        screen.accepted.connect(lambda: self.begin_quiz(learner, settings))
        screen.go_home.connect(self.go_home)
        self.show_screen("rules_screen", screen)

    def begin_quiz(self, learner: LearnerId, settings: QuizSettings) -> None:
        """Draw and record a quiz on the bank's writer, then show its first question."""
        from quiz_app.services.quiz import start_quiz

        database = self.database
        database_worker(database).run(
            lambda: start_quiz(database, learner, settings), self._started, self._not_started
        )

    def retry_mistakes(self, quiz_id: QuizSessionId) -> None:
        """A new practice quiz of exactly this quiz's mistakes (not older ones)."""
        from quiz_app.services.quiz import retry_mistakes

        database = self.database
        database_worker(database).run(
            lambda: retry_mistakes(database, quiz_id), self._started, self._not_started
        )

    def _started(self, started: Changed[QuizSession]) -> None:
        self._context.notify(started.changes)
        self.show_quiz(started.value)

    def _not_started(self, error: QuizError) -> None:
        QMessageBox.information(
            self._window, self.tr("Chang'e Quiz"), error.message(self._context.language)
        )

    def resume_quiz(self, learner: LearnerId) -> None:
        from quiz_app.services.quiz import unfinished_quiz

        quiz = unfinished_quiz(self.database, learner)
        if quiz is None:
            return
        run = None
        if self.quiz_screen is not None and self.quiz_screen.quiz.id == quiz.id:
            run = self.quiz_screen.run  # skipped questions and time spent stay as they were
        self.show_quiz(quiz, run)

    def show_quiz(self, quiz: QuizSession, run: QuizRun | None = None) -> None:
        from quiz_app.services.quiz import quiz_questions
        from quiz_app.ui.screens.quiz import QuizScreen

        screen = QuizScreen(
            self.database,
            quiz,
            quiz_questions(self.database, quiz),
            self._context.language,
            run=run,
        )
        screen.answered.connect(self._context.notify)
        screen.quiz_finished.connect(self._quiz_finished)
        screen.left.connect(self.go_home)
        self.show_screen("quiz_screen", screen)

    def _quiz_finished(self, quiz: QuizSession) -> None:
        screen = self.quiz_screen
        self.show_results(quiz, times_up=screen is not None and screen.timed_out)

    def show_results(self, quiz: QuizSession, *, times_up: bool = False) -> None:
        from quiz_app.services.quiz import quiz_questions
        from quiz_app.ui.screens.results import ResultsScreen

        screen = ResultsScreen(
            quiz, quiz_questions(self.database, quiz), self._context.language, times_up=times_up
        )
        screen.go_home.connect(self.go_home)
        screen.retry_mistakes.connect(lambda: self.retry_mistakes(quiz.id))
        self.show_screen("results_screen", screen)

    def show_history(self, learner: LearnerId) -> None:
        def build() -> QWidget:
            from quiz_app.services.packs import list_packs
            from quiz_app.services.quiz import quiz_history
            from quiz_app.ui.screens.history import HistoryScreen

            language = self._context.language
            titles = {str(p.id): p.title.get(language) for p in list_packs(self.database)}
            screen = HistoryScreen(quiz_history(self.database, learner), titles)
            screen.open_quiz.connect(self.show_results)
            screen.go_home.connect(self.go_home)
            return screen

        self.show_screen("history_screen", build(), Changes.QUIZZES | Changes.PACKS, build)

    def show_progress(self, learner: LearnerId) -> None:
        def build() -> QWidget:
            from quiz_app.services.learners import get_learner
            from quiz_app.services.review import learner_progress
            from quiz_app.ui.screens.progress import ProgressScreen

            found = get_learner(self.database, learner)
            screen = ProgressScreen(
                "" if found is None else found.name,
                learner_progress(self.database, learner),
                self.topic_titles(),
            )
            screen.go_home.connect(self.go_home)
            screen.save_report.connect(lambda: self.report_requested.emit(learner))
            return screen

        watches = Changes.ANSWERS | Changes.SCHEDULES | Changes.PACKS | Changes.LEARNERS
        self.show_screen("progress_screen", build(), watches, build)

    report_requested = Signal(object)
    """LearnerId: Progress's "Save my report…"."""

    def topic_titles(self) -> dict[int, str]:
        from quiz_app.services.packs import list_packs

        language = self._context.language
        return {
            int(t.id): t.title.get(language) for p in list_packs(self.database) for t in p.topics
        }
