"""The main window: a composition of named parts that share one ``AppContext``.

- ``navigation``: the screens and the learner's way through them (Home, quiz, results,
  History, Progress);
- ``gate``: the teacher PIN; ``access``: learners' passwords and signing out;
  ``files``: import, export and results files; ``teacher``: the editor and Class
  results; ``reports``: saved reports;
- ``backups``: restoring a backup; ``server``: connecting to a classroom server;
  ``view``: theme, text size and the window's place; the menus (``ui/menus.py``).

Operations report what they changed to the context; each screen redraws itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from quiz_app import __version__
from quiz_app.core.changes import Changes
from quiz_app.core.ids import LearnerId
from quiz_app.core.settings import AppSettings
from quiz_app.ui.backup_actions import BackupActions
from quiz_app.ui.context import AppContext
from quiz_app.ui.file_actions import FileActions, dropped_path
from quiz_app.ui.i18n import set_language as set_app_language
from quiz_app.ui.learner_access import LearnerAccess
from quiz_app.ui.menus import build_menus
from quiz_app.ui.navigation import Navigation
from quiz_app.ui.plain_text import plain_labels
from quiz_app.ui.report_actions import ReportActions
from quiz_app.ui.screens.home import HomeScreen
from quiz_app.ui.server_dialog import ServerActions
from quiz_app.ui.server_status import ServerStatus
from quiz_app.ui.teacher_actions import TeacherActions
from quiz_app.ui.teacher_gate import TeacherGate
from quiz_app.ui.view import ViewSettings
from quiz_app.ui.worker import database_worker

if TYPE_CHECKING:  # the database stack is imported off the GUI thread (bank_loader)
    from quiz_app.services.bank import Database


MINIMUM_SIZE = QSize(760, 540)


class MainWindow(QMainWindow):
    def __init__(
        self,
        database: Database | None,
        language: str = "en",
        settings: AppSettings | None = None,
    ) -> None:
        from quiz_app.services.settings import load_settings, save_settings

        super().__init__()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            plain_labels(app)  # no label renders a name or a file's text as HTML
        self.context = AppContext(
            database,
            language,
            settings if settings is not None else load_settings(),
            save_settings=save_settings,
            parent=self,
        )
        self.setWindowTitle(self.tr("Chang'e Quiz"))
        self.resize(1100, 760)
        # Made for screens from 800×600 up; a window a little smaller than that (a
        # task bar takes its share) still fits everything (tests/ui/test_quiz_layout.py).
        self.setMinimumSize(MINIMUM_SIZE)
        self.navigation = Navigation(self, self.context)
        self.setCentralWidget(self.navigation.stack)
        self.gate = TeacherGate(self, self.context)
        self.access = LearnerAccess(self, self.context, self.gate, self.navigation)
        self.files = FileActions(self, self.context, self.gate, self.navigation.packs)
        self.reports = ReportActions(self, self.context, self.navigation)
        self.teacher = TeacherActions(
            self, self.context, self.gate, self.navigation, self.files, self.reports
        )
        self.view = ViewSettings(self, self.context)
        self.backups = BackupActions(self, self.context, self.gate)
        self.server = ServerActions(self, self.context)
        self.server_status = ServerStatus(self, self.context)
        self._connect_home()
        self.setAcceptDrops(True)
        build_menus(self)
        if database is None:
            self.statusBar().showMessage(self.tr("Opening the question bank…"))

    def _connect_home(self) -> None:
        home = self.navigation.home
        home.set_admission(self.access.admit)
        home.learner_changed.connect(self._learner_changed)
        home.learner_changed.connect(self._lock_teacher_mode)  # the next learner is not the teacher
        home.bank_counted.connect(self._show_count)
        self.files.set_packs(self.navigation.packs)

    @property
    def home(self) -> HomeScreen:
        return self.navigation.home

    def set_database(self, database: Database) -> None:
        """The bank is open: every part shows it."""
        self.context.open(database)

    def _show_count(self, total: int) -> None:
        self.statusBar().showMessage(self.tr("Questions in the bank: %1").replace("%1", str(total)))

    def ask_export_mine(self) -> None:
        """File › Export my results: the current learner's own, no PIN needed."""
        from quiz_app.services.learners import get_learner

        database = self.context.database
        learner = self.navigation.home.current_learner()
        found = None
        if database is not None and learner is not None:
            found = get_learner(database, learner)
        self.files.ask_export_mine(None if found is None else found.name)

    # -- language ----------------------------------------------------------------------------
    def choose_language(self, language: str) -> None:
        """The menu's choice: remembered for the current learner, applied at once."""
        learner = self.navigation.home.current_learner()
        database = self.context.database
        if learner is not None and database is not None:
            from quiz_app.services.learners import set_learner_language

            database_worker(database).run(
                lambda: set_learner_language(database, learner, language), self._remembered
            )
        self.switch_language(language)

    def _remembered(self, changes: Changes) -> None:
        self.context.notify(changes)

    def _lock_teacher_mode(self, _learner: object) -> None:
        self.gate.lock()

    def _learner_changed(self, learner: LearnerId) -> None:
        from quiz_app.services.learners import get_learner

        database = self.context.database
        found = None if database is None else get_learner(database, learner)
        if found is not None and found.language != self.context.language:
            self.switch_language(found.language)

    def switch_language(self, language: str) -> None:
        """Interface and questions in ``language`` now, without a restart. Screens are
        built again from the bank; a quiz in progress stays where it was."""
        if language == self.context.language:
            return
        set_app_language(language)
        self.context.language = language
        self.setWindowTitle(self.tr("Chang'e Quiz"))
        build_menus(self)
        navigation = self.navigation
        current = navigation.stack.currentWidget()
        navigation.build_home()
        self._connect_home()
        if current is navigation.quiz_screen and navigation.quiz_screen is not None:
            screen = navigation.quiz_screen
            navigation.show_quiz(screen.quiz, screen.run)
        elif current is navigation.results_screen and navigation.results_screen is not None:
            navigation.show_results(navigation.results_screen.quiz)
        elif current is navigation.editor_screen and current is not None:
            navigation.stack.setCurrentWidget(current)  # unsaved edits stay in front
        else:
            navigation.go_home()
        self.context.notify(Changes.PACKS)  # titles in the new language wherever shown

    # -- the window ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        editor = self.navigation.editor_screen
        if editor is not None and not editor.confirm_leave():
            event.ignore()
            return
        self.view.remember_window()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc that no screen took (results, history, progress, class results) goes back
        # Home, as it closes a dialog. The quiz takes Esc itself (pause), the exam's
        # rules too (back), and the editor keeps unsaved edits in front.
        navigation = self.navigation
        current = navigation.stack.currentWidget()
        if event.key() == Qt.Key.Key_Escape and current not in (
            navigation.home,
            navigation.editor_screen,
        ):
            navigation.go_home()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_path(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.files.import_dropped(event.mimeData()):
            event.acceptProposedAction()

    def show_shortcuts(self) -> None:
        rows = [
            (self.tr("1-9 or A-J"), self.tr("choose an answer")),
            (self.tr("T / F"), self.tr("true or false")),
            (self.tr("Up / Down"), self.tr("move between the choices")),
            (self.tr("Space, then 1-4"), self.tr("show a card's answer, then rate it")),
            (self.tr("Alt+Up / Alt+Down"), self.tr("move an item when putting things in order")),
            (self.tr("Enter"), self.tr("submit the answer, then go on")),
            (self.tr("F2"), self.tr("show the question in the pack's other language")),
            (self.tr("Esc"), self.tr("pause the quiz (an exam's clock stops)")),
            (self.tr("Ctrl++ / Ctrl+- / Ctrl+0"), self.tr("bigger, smaller, normal text")),
            (self.tr("Alt + underlined letter"), self.tr("press that button or open that menu")),
        ]
        QMessageBox.information(
            self, self.tr("Keyboard shortcuts"), "\n".join(f"{k}\t{v}" for k, v in rows)
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Chang'e Quiz"),
            self.tr(
                "Chang'e Quiz %1\nAn offline quiz about China's lunar missions and lunar science."
            ).replace("%1", __version__),
        )
