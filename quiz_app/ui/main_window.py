"""The main window. The learner's screens (issue: the learner's desktop app) grow here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from quiz_app import __version__
from quiz_app.core.bank import PackSummary
from quiz_app.core.ids import LearnerId
from quiz_app.core.quiz import QuizMode, QuizSession, QuizSettings
from quiz_app.ui.screens.home import HomeScreen

if TYPE_CHECKING:  # the database stack is imported off the GUI thread (bank_loader)
    from quiz_app.services.bank import Database
    from quiz_app.ui.screens.quiz import QuizScreen
    from quiz_app.ui.screens.results import ResultsScreen


class PackListWidget(QTreeWidget):
    """The packs in the bank, each with its topics and question counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Pack / topic"), self.tr("Questions")])
        self.setAccessibleName(self.tr("Question packs"))
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def show_packs(self, packs: list[PackSummary], language: str = "en") -> None:
        """List the packs; each topic can be ticked to choose it (none ticked: all)."""
        self.clear()
        for pack in packs:
            item = _row(f"{pack.title.get(language)}  ({pack.version})", pack.question_count)
            item.setData(0, Qt.ItemDataRole.UserRole, pack.id)
            for topic in pack.topics:
                child = _row(topic.title.get(language), topic.question_count)
                child.setData(0, Qt.ItemDataRole.UserRole, int(topic.id))
                child.setCheckState(0, Qt.CheckState.Unchecked)
                item.addChild(child)
            self.addTopLevelItem(item)
            item.setExpanded(True)


def _row(title: str, count: int) -> QTreeWidgetItem:
    item = QTreeWidgetItem([title, str(count)])
    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class MainWindow(QMainWindow):
    bank_opened = Signal()

    def __init__(self, database: Database | None, language: str = "en") -> None:
        super().__init__()
        self._database = database
        self._language = language
        self.setWindowTitle(self.tr("Chang'e Quiz"))
        self.resize(900, 640)
        self.stack = QStackedWidget(self)
        self.packs = PackListWidget()
        self.home = HomeScreen(self.packs)
        self.home.start_requested.connect(self.start_quiz)
        self.home.resume_requested.connect(self.resume_quiz)
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self.quiz_screen: QuizScreen | None = None
        self.results_screen: ResultsScreen | None = None
        self._build_menus()
        self.refresh()
        if database is not None:
            self.home.set_database(database)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Chang'e Quiz"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def set_database(self, database: Database) -> None:
        self._database = database
        self.refresh()
        self.home.set_database(database)
        self.bank_opened.emit()

    # -- the quiz flow -------------------------------------------------------------------
    def start_quiz(self, learner: LearnerId, settings: QuizSettings) -> None:
        from quiz_app.core.errors import QuizError
        from quiz_app.services.quiz import start_quiz

        assert self._database is not None
        try:
            quiz = start_quiz(self._database, learner, settings)
        except QuizError as err:
            QMessageBox.information(self, self.tr("Chang'e Quiz"), str(err))
            return
        self._show_quiz(quiz)

    def resume_quiz(self, learner: LearnerId) -> None:
        from quiz_app.services.quiz import unfinished_quiz

        assert self._database is not None
        quiz = unfinished_quiz(self._database, learner)
        if quiz is not None:
            self._show_quiz(quiz)

    def _show_quiz(self, quiz: QuizSession) -> None:
        from quiz_app.services.quiz import quiz_questions
        from quiz_app.ui.screens.quiz import QuizScreen

        assert self._database is not None
        self._replace_screen(
            "quiz_screen",
            QuizScreen(self._database, quiz, quiz_questions(self._database, quiz), self._language),
        )
        assert self.quiz_screen is not None
        self.quiz_screen.quiz_finished.connect(self._show_results)

    def _show_results(self, quiz: QuizSession) -> None:
        from quiz_app.services.quiz import quiz_questions
        from quiz_app.ui.screens.results import ResultsScreen

        assert self._database is not None
        screen = ResultsScreen(quiz, quiz_questions(self._database, quiz), self._language)
        screen.go_home.connect(self.go_home)
        screen.retry_mistakes.connect(
            lambda: self.start_quiz(
                quiz.learner_id, QuizSettings(QuizMode.MISTAKES, count=len(quiz.question_ids))
            )
        )
        self._replace_screen("results_screen", screen)

    def go_home(self) -> None:
        self.stack.setCurrentWidget(self.home)
        self.refresh()
        self.home.reload_learners()

    def _replace_screen(self, name: str, screen: QWidget) -> None:
        old = getattr(self, name)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        setattr(self, name, screen)
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)

    def refresh(self) -> None:
        if self._database is None:
            self.statusBar().showMessage(self.tr("Opening the question bank…"))
            return
        from quiz_app.services.packs import list_packs

        packs = list_packs(self._database)
        self.packs.show_packs(packs, self._language)
        total = sum(p.question_count for p in packs)
        self.statusBar().showMessage(self.tr("Questions in the bank: %1").replace("%1", str(total)))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Chang'e Quiz"),
            self.tr(
                "Chang'e Quiz %1\nAn offline quiz about China's lunar missions and lunar science."
            ).replace("%1", __version__),
        )
