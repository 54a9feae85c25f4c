"""The main window. The learner's screens (issue: the learner's desktop app) grow here."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from quiz_app import __version__
from quiz_app.core.bank import PackSummary
from quiz_app.core.ids import LearnerId
from quiz_app.core.quiz import QuizMode, QuizSession, QuizSettings
from quiz_app.ui.i18n import set_language as set_app_language
from quiz_app.ui.importer import ImportFlow
from quiz_app.ui.pack_actions import PackExport, choose_pack
from quiz_app.ui.results_exchange import ResultsExchange
from quiz_app.ui.screens.home import HomeScreen
from quiz_app.ui.theme import Theme, apply_theme

if TYPE_CHECKING:  # the database stack is imported off the GUI thread (bank_loader)
    from quiz_app.core.importing import ImportPlan
    from quiz_app.services.bank import Database
    from quiz_app.ui.screens.editor import PackEditorScreen
    from quiz_app.ui.screens.history import HistoryScreen
    from quiz_app.ui.screens.progress import ProgressScreen
    from quiz_app.ui.screens.quiz import QuizScreen
    from quiz_app.ui.screens.results import ResultsScreen


class PackListWidget(QTreeWidget):
    """The packs in the bank, each with its topics and question counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Pack / topic"), self.tr("Questions"), self.tr("Mastery")])
        self.setAccessibleName(self.tr("Question packs"))
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def checked_topics(self) -> set[int]:
        """Ids of the ticked topics (kept when the list is redrawn)."""
        return {
            int(item.data(0, Qt.ItemDataRole.UserRole))
            for item in _topic_items(self)
            if item.checkState(0) == Qt.CheckState.Checked
        }

    def show_packs(
        self,
        packs: list[PackSummary],
        language: str = "en",
        mastery: dict[int, tuple[float, int]] | None = None,
    ) -> None:
        """List the packs; each topic can be ticked to choose it (none ticked: all).
        With ``mastery`` (topic id -> summed recall, questions) a third column shows it."""
        checked = self.checked_topics()
        self.clear()
        for pack in packs:
            item = _row(f"{pack.title.get(language)}  ({pack.version})", pack.question_count)
            item.setData(0, Qt.ItemDataRole.UserRole, pack.id)
            pack_right, pack_total = 0.0, 0
            for topic in pack.topics:
                child = _row(topic.title.get(language), topic.question_count)
                child.setData(0, Qt.ItemDataRole.UserRole, int(topic.id))
                child.setCheckState(
                    0,
                    Qt.CheckState.Checked if int(topic.id) in checked else Qt.CheckState.Unchecked,
                )
                if mastery is not None:
                    right, total = mastery.get(int(topic.id), (0, 0))
                    pack_right, pack_total = pack_right + right, pack_total + total
                    _set_mastery(child, right, total)
                item.addChild(child)
            if mastery is not None:
                _set_mastery(item, pack_right, pack_total)
            self.addTopLevelItem(item)
            item.setExpanded(True)


def _topic_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items: list[QTreeWidgetItem] = []
    for i in range(tree.topLevelItemCount()):
        pack = tree.topLevelItem(i)
        assert pack is not None
        items.extend(child for j in range(pack.childCount()) if (child := pack.child(j)))
    return items


def _set_mastery(item: QTreeWidgetItem, recall: float, total: int) -> None:
    percent = round(100 * recall / total) if total else 0
    item.setText(2, f"{percent} %")
    item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _dropped_path(mime: QMimeData) -> Path | None:
    """The one local file or folder being dragged, if that is what it is."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    return Path(urls[0].toLocalFile())


def _row(title: str, count: int) -> QTreeWidgetItem:
    item = QTreeWidgetItem([title, str(count)])
    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class MainWindow(QMainWindow):
    bank_opened = Signal()
    preview_shown = Signal(object)
    """The ImportPreviewDialog, just before it is shown."""
    progress_shown = Signal(object)
    """The progress dialog of a running import."""
    import_finished = Signal(str)
    """The message shown to the user about the import."""
    pack_exported = Signal(str)
    """The message shown to the user about an export."""
    pack_saved = Signal(str)
    """The message shown to the user when the editor saved a pack."""
    results_moved = Signal(str)
    """The message about an export or a merge of learners' results."""

    def __init__(self, database: Database | None, language: str = "en") -> None:
        super().__init__()
        self._database = database
        self._language = language
        self.setWindowTitle(self.tr("Chang'e Quiz"))
        self.resize(900, 640)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.quiz_screen: QuizScreen | None = None
        self.results_screen: ResultsScreen | None = None
        self.history_screen: HistoryScreen | None = None
        self.progress_screen: ProgressScreen | None = None
        self.class_results_screen: QWidget | None = None
        self.editor_screen: PackEditorScreen | None = None
        self._theme: Theme = "system"
        self._job: object | None = None
        self._teacher = False
        """Teacher mode, unlocked with the PIN, lasts until the app is closed."""
        self._busy = QProgressBar(self)
        self._busy.setRange(0, 0)  # busy: no percentage to show
        self._busy.setMaximumWidth(160)
        self._busy.hide()
        self.statusBar().addPermanentWidget(self._busy)
        self.importer = ImportFlow(self, lambda: self._database)
        self.importer.preview_shown.connect(self._hide_busy)
        self.importer.preview_shown.connect(self.preview_shown)
        self.importer.progress_shown.connect(self.progress_shown)
        self.importer.finished.connect(self._import_finished)
        self.importer.bank_changed.connect(self._bank_changed)
        self.exporter = PackExport(self)
        self.exporter.finished.connect(self._exported)
        self.exchange = ResultsExchange(self)
        self.exchange.finished.connect(self._results_moved)
        self.exchange.bank_changed.connect(self._bank_changed)
        self.setAcceptDrops(True)
        self._build_home()
        self._build_menus()
        self.refresh()
        if database is not None:
            self.home.set_database(database)

    def _build_home(self) -> None:
        old = getattr(self, "home", None)
        self.packs = PackListWidget()
        self.home = HomeScreen(self.packs)
        self.home.language_hint = self._language
        self.home.start_requested.connect(self.start_quiz)
        self.home.resume_requested.connect(self.resume_quiz)
        self.home.learner_changed.connect(self._learner_changed)
        self.home.history_requested.connect(self.show_history)
        self.home.progress_requested.connect(self.show_progress)
        self.stack.insertWidget(0, self.home)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def _build_menus(self) -> None:
        self.menuBar().clear()
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(self.tr("&Import pack…"), self.ask_import, QKeySequence.StandardKey.Open)
        )
        file_menu.addAction(self._action(self.tr("Import pack &folder…"), self.ask_import_folder))
        file_menu.addAction(self._action(self.tr("&Export pack…"), self.ask_export_pack))
        file_menu.addAction(self._action(self.tr("Export &my results…"), self.ask_export_mine))
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )

        view = self.menuBar().addMenu(self.tr("&View"))
        themes = view.addMenu(self.tr("&Theme"))
        group = QActionGroup(self)
        theme: Theme
        for theme, label in (
            ("system", self.tr("Follow the &system")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            action = self._action(label, partial(self.set_theme, theme))
            action.setCheckable(True)
            action.setChecked(theme == self._theme)
            group.addAction(action)
            themes.addAction(action)
        view.addSeparator()
        view.addAction(
            self._action(
                self.tr("&Bigger text"), lambda: self.scale_text(1), QKeySequence.StandardKey.ZoomIn
            )
        )
        view.addAction(
            self._action(
                self.tr("&Smaller text"),
                lambda: self.scale_text(-1),
                QKeySequence.StandardKey.ZoomOut,
            )
        )
        view.addAction(
            self._action(
                self.tr("&Normal text size"), lambda: self.scale_text(0), QKeySequence("Ctrl+0")
            )
        )
        view.addSeparator()
        languages = view.addMenu(self.tr("&Language"))
        language_group = QActionGroup(self)
        for code, label in (("en", "English"), ("zh", "简体中文")):
            action = self._action(label, partial(self.choose_language, code))
            action.setCheckable(True)
            action.setChecked(code == self._language)
            language_group.addAction(action)
            languages.addAction(action)

        teacher = self.menuBar().addMenu(self.tr("&Teacher"))
        teacher.addAction(self._action(self.tr("&Edit pack…"), self.edit_pack))
        teacher.addAction(self._action(self.tr("&Class results…"), self.show_class_results))
        teacher.addAction(self._action(self.tr("&Merge learners' results…"), self.ask_merge))
        teacher.addAction(
            self._action(self.tr("Export &all learners' results…"), self.ask_export_everyone)
        )

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                self.tr("&Keyboard shortcuts"),
                self.show_shortcuts,
                QKeySequence.StandardKey.HelpContents,
            )
        )
        help_menu.addAction(self._action(self.tr("&About Chang'e Quiz"), self.show_about))

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def set_database(self, database: Database) -> None:
        self._database = database
        self.refresh()
        self.home.set_database(database)
        self.bank_opened.emit()

    # -- import ----------------------------------------------------------------------------
    def unlock_teacher(self) -> bool:
        """Teacher mode for this session: set a PIN on first use, else ask for it."""
        from quiz_app.core.errors import QuizError
        from quiz_app.services.teacher import check_pin, has_pin, set_pin

        if self._teacher or self._database is None:
            return self._teacher
        password = QLineEdit.EchoMode.Password
        title = self.tr("Teacher mode")
        try:
            if not has_pin(self._database):
                pin, ok = QInputDialog.getText(
                    self, title, self.tr("Choose a teacher PIN (4 to 12 digits):"), password
                )
                if not ok:
                    return False
                again, ok = QInputDialog.getText(
                    self, title, self.tr("The same PIN again:"), password
                )
                if not ok:
                    return False
                if pin != again:
                    raise QuizError(self.tr("The two PINs differ; nothing was set."))
                set_pin(self._database, pin)
            else:
                pin, ok = QInputDialog.getText(self, title, self.tr("Teacher PIN:"), password)
                if not ok:
                    return False
                check_pin(self._database, pin)
        except QuizError as err:
            QMessageBox.warning(self, title, str(err))
            return False
        self._teacher = True
        return True

    def ask_import(self) -> None:
        """File › Import pack: a pack file, or a pack.toml for its folder (teacher)."""
        if not self.unlock_teacher():
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import pack"),
            "",
            self.tr(
                "Question packs (*.zip pack.toml *.gift *.txt *.aiken *.xml *.csv *.xlsx);;"
                "All files (*)"
            ),
        )
        if path:
            chosen = Path(path)
            self.import_pack(chosen.parent if chosen.name == "pack.toml" else chosen)

    def ask_import_folder(self) -> None:
        """File › Import pack folder (teacher)."""
        if not self.unlock_teacher():
            return
        path = QFileDialog.getExistingDirectory(self, self.tr("Import pack folder"))
        if path:
            self.import_pack(Path(path))

    def import_pack(self, path: Path) -> None:
        """Preview the import of ``path``, then import it if the teacher accepts."""
        self.statusBar().showMessage(self.tr("Checking %1…").replace("%1", path.name))
        self._busy.show()
        self.importer.start(path)

    def _import_finished(self, message: str) -> None:
        self._busy.hide()
        self.statusBar().showMessage(message)
        self.import_finished.emit(message)

    def _bank_changed(self) -> None:
        self.refresh()
        self.home.reload_learners()

    def _hide_busy(self, _dialog: object) -> None:
        self._busy.hide()

    # -- packs: edit and export ------------------------------------------------------------
    def _selected_pack(self) -> str | None:
        item = self.packs.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))

    def _choose_pack(self, title: str) -> str | None:
        from quiz_app.services.packs import list_packs

        assert self._database is not None
        packs = list_packs(self._database)
        if not packs:
            QMessageBox.information(self, title, self.tr("The bank has no packs yet."))
            return None
        return choose_pack(self, packs, self._language, title, self._selected_pack())

    def edit_pack(self, pack_id: str | None = None) -> None:
        """Teacher › Edit pack: the question editor, behind the PIN."""
        from quiz_app.services.editing import open_pack_for_editing
        from quiz_app.ui.screens.editor import PackEditorScreen

        if self._database is None or not self.unlock_teacher():
            return
        if self.editor_screen is not None and not self.editor_screen.confirm_leave():
            self.stack.setCurrentWidget(self.editor_screen)
            return
        pack_id = pack_id or self._choose_pack(self.tr("Edit pack"))
        if pack_id is None:
            return
        edited = open_pack_for_editing(self._database, pack_id)
        screen = PackEditorScreen(self._database, edited, self._language)
        screen.saved.connect(self._pack_saved)
        screen.closed.connect(self.go_home)
        self._replace_screen("editor_screen", screen)

    def _pack_saved(self, plan: ImportPlan) -> None:
        self.refresh()
        message = (
            self.tr("Saved %1 %2: %3 added, %4 changed, %5 retired.")
            .replace("%1", plan.pack_id)
            .replace("%2", plan.new_version)
            .replace("%3", str(len(plan.added)))
            .replace("%4", str(len(plan.changed)))
            .replace("%5", str(len(plan.retired)))
        )
        self.statusBar().showMessage(message)
        self.pack_saved.emit(message)

    def ask_export_pack(self) -> None:
        """File › Export pack: any learner may take a copy of a pack."""
        if self._database is None:
            return
        pack_id = self._choose_pack(self.tr("Export pack"))
        if pack_id is not None:
            self.exporter.ask(self._database, pack_id, self._language)

    def _exported(self, message: str) -> None:
        self.statusBar().showMessage(message)
        self.pack_exported.emit(message)

    # -- results between computers ----------------------------------------------------------
    def ask_export_mine(self) -> None:
        """File › Export my results: the current learner's own, no PIN needed."""
        from quiz_app.services.learners import get_learner

        learner = self.home.current_learner()
        found = None
        if self._database is not None and learner is not None:
            found = get_learner(self._database, learner)
        if self._database is None or found is None:
            QMessageBox.information(
                self, self.tr("Export results"), self.tr("Choose who is learning first.")
            )
            return
        self.exchange.ask_export(self._database, [found.name], f"{found.name}-results")

    def ask_export_everyone(self) -> None:
        """Teacher › Export all learners' results (PIN), e.g. to move the class's bank."""
        if self._database is not None and self.unlock_teacher():
            self.exchange.ask_export(self._database, None, "class-results")

    def ask_merge(self) -> None:
        """Teacher › Merge learners' results (PIN)."""
        if self._database is not None and self.unlock_teacher():
            self.exchange.ask_merge(self._database)

    def _results_moved(self, message: str) -> None:
        self.statusBar().showMessage(message)
        self.results_moved.emit(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor_screen is not None and not self.editor_screen.confirm_leave():
            event.ignore()
            return
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_path(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A pack file or folder dropped on the window is imported (teacher)."""
        path = _dropped_path(event.mimeData())
        if path is None:
            return
        event.acceptProposedAction()
        if self.unlock_teacher():
            self.import_pack(path.parent if path.name == "pack.toml" else path)

    # -- view ----------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._theme = theme
        apply_theme(app, theme)

    def scale_text(self, step: int) -> None:
        """Ctrl +/-: one point bigger or smaller, Ctrl+0 back to normal."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        font = app.font()
        normal = (
            QGuiApplication.font().pointSizeF() if self._normal_size is None else self._normal_size
        )
        self._normal_size = normal
        size = normal if step == 0 else min(max(font.pointSizeF() + step, 7.0), 32.0)
        font.setPointSizeF(size)
        app.setFont(font)

    _normal_size: float | None = None

    def choose_language(self, language: str) -> None:
        """The menu's choice: remembered for the current learner, applied at once."""
        learner = self.home.current_learner()
        if learner is not None and self._database is not None:
            from quiz_app.services.learners import set_learner_language

            set_learner_language(self._database, learner, language)
        self.switch_language(language)

    def _learner_changed(self, learner: LearnerId) -> None:
        if self._database is None:
            return
        self.refresh()
        from quiz_app.services.learners import get_learner

        found = get_learner(self._database, learner)
        if found is not None and found.language != self._language:
            self.switch_language(found.language)

    def switch_language(self, language: str) -> None:
        """Interface and questions in ``language`` now, without a restart. Screens are
        rebuilt from the bank; a quiz in progress carries on at its next question."""
        if language == self._language:
            return
        set_app_language(language)
        self._language = language
        self.setWindowTitle(self.tr("Chang'e Quiz"))
        self._build_menus()
        current = self.stack.currentWidget()
        learner = self.home.current_learner()
        self._build_home()
        self.refresh()
        if self._database is not None:
            self.home.set_database(self._database)
            if learner is not None:
                self.home.reload_learners(select=learner)
        if current is self.quiz_screen and self.quiz_screen is not None:
            self.resume_quiz(self.quiz_screen.quiz.learner_id)
        elif current is self.results_screen and self.results_screen is not None:
            self._show_results(self.results_screen.quiz)
        elif current is self.editor_screen and current is not None:
            self.stack.setCurrentWidget(current)  # unsaved edits stay in front
        else:
            self.stack.setCurrentWidget(self.home)

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

    def show_history(self, learner: LearnerId) -> None:
        from quiz_app.services.packs import list_packs
        from quiz_app.services.quiz import quiz_history
        from quiz_app.ui.screens.history import HistoryScreen

        assert self._database is not None
        titles = {str(p.id): p.title.get(self._language) for p in list_packs(self._database)}
        screen = HistoryScreen(quiz_history(self._database, learner), titles)
        screen.open_quiz.connect(self._show_results)
        screen.go_home.connect(self.go_home)
        self._replace_screen("history_screen", screen)

    def show_class_results(self) -> None:
        """Every learner's results: for the teacher only."""
        from quiz_app.services.results import class_results
        from quiz_app.ui.screens.class_results import ClassResultsScreen

        if self._database is None or not self.unlock_teacher():
            return
        screen = ClassResultsScreen(class_results(self._database))
        screen.go_home.connect(self.go_home)
        screen.export_requested.connect(self.ask_export_results)
        screen.report_requested.connect(self.ask_save_class_report)
        self._replace_screen("class_results_screen", screen)

    def ask_export_results(self, by: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export class results"), f"results-by-{by}.csv", "CSV (*.csv)"
        )
        if path:
            self.export_results(by, Path(path))

    def export_results(self, by: str, path: Path) -> None:
        from quiz_app.services.files import write_text_whole
        from quiz_app.services.results import class_results, results_csv

        assert self._database is not None
        write_text_whole(path, results_csv(class_results(self._database), by))
        self.statusBar().showMessage(self.tr("Results saved: %1").replace("%1", str(path)))

    def ask_save_class_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the class report"),
            self.tr("class-report.pdf"),
            self.tr("PDF (*.pdf);;Web page (*.html)"),
        )
        if path:
            self.write_class_report(Path(path))

    def write_class_report(self, path: Path) -> None:
        from datetime import UTC, datetime

        from quiz_app.services.results import class_results
        from quiz_app.ui.report import save_class_report

        assert self._database is not None
        save_class_report(path, class_results(self._database), datetime.now(UTC))
        self.statusBar().showMessage(self.tr("Report saved: %1").replace("%1", str(path)))

    def show_progress(self, learner: LearnerId) -> None:
        from quiz_app.services.learners import get_learner
        from quiz_app.services.review import learner_progress
        from quiz_app.ui.screens.progress import ProgressScreen

        assert self._database is not None
        found = get_learner(self._database, learner)
        name = "" if found is None else found.name
        screen = ProgressScreen(
            name, learner_progress(self._database, learner), self._topic_titles()
        )
        screen.go_home.connect(self.go_home)
        screen.save_report.connect(lambda: self.ask_save_report(learner))
        self._replace_screen("progress_screen", screen)

    def _topic_titles(self) -> dict[int, str]:
        from quiz_app.services.packs import list_packs

        assert self._database is not None
        return {
            int(t.id): t.title.get(self._language)
            for p in list_packs(self._database)
            for t in p.topics
        }

    def ask_save_report(self, learner: LearnerId) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save my report"),
            self.tr("report.pdf"),
            self.tr("PDF (*.pdf);;Web page (*.html)"),
        )
        if path:
            self.write_report(learner, Path(path))

    def write_report(self, learner: LearnerId, path: Path) -> None:
        from datetime import UTC, datetime

        from quiz_app.services.learners import get_learner
        from quiz_app.services.packs import list_packs
        from quiz_app.services.review import learner_progress, topic_mastery
        from quiz_app.ui.report import save_report

        assert self._database is not None
        now = datetime.now(UTC)
        found = get_learner(self._database, learner)
        mastery_by_topic = topic_mastery(self._database, learner, now)
        rows = []
        for pack in list_packs(self._database):
            for topic in pack.topics:
                recall, total = mastery_by_topic.get(int(topic.id), (0.0, 0))
                percent = round(100 * recall / total) if total else 0
                rows.append(
                    (
                        f"{pack.title.get(self._language)}: {topic.title.get(self._language)}",
                        percent,
                    )
                )
        charts = []
        if self.progress_screen is not None:
            charts = [
                (view.chart().title(), view.grab().toImage()) for view in self.progress_screen.views
            ]
        save_report(
            path,
            "" if found is None else found.name,
            learner_progress(self._database, learner, now),
            rows,
            charts,
            now,
        )
        self.statusBar().showMessage(self.tr("Report saved: %1").replace("%1", str(path)))

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
        from quiz_app.services.review import topic_mastery

        packs = list_packs(self._database)
        learner = self.home.current_learner()
        mastery = None if learner is None else topic_mastery(self._database, learner)
        self.packs.show_packs(packs, self._language, mastery)
        total = sum(p.question_count for p in packs)
        self.statusBar().showMessage(self.tr("Questions in the bank: %1").replace("%1", str(total)))

    def show_shortcuts(self) -> None:
        rows = [
            (self.tr("1-9 or A-J"), self.tr("choose an answer")),
            (self.tr("T / F"), self.tr("true or false")),
            (self.tr("Alt+Up / Alt+Down"), self.tr("move an item when putting things in order")),
            (self.tr("Enter"), self.tr("submit the answer, then go on")),
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
