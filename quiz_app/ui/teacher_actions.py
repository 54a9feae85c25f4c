"""The Teacher menu's screens: the question editor, the class's results, quizzes on paper."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from quiz_app.core.changes import Changes
from quiz_app.ui.context import AppContext
from quiz_app.ui.file_actions import FileActions
from quiz_app.ui.live_results import LiveResults
from quiz_app.ui.navigation import Navigation
from quiz_app.ui.report_actions import ReportActions
from quiz_app.ui.teacher_gate import TeacherGate
from quiz_app.ui.worker import database_worker

if TYPE_CHECKING:
    from quiz_app.core.importing import ImportPlan
    from quiz_app.services.results import ClassResults
    from quiz_app.ui.screens.class_results import ClassResultsScreen

CLASS_RESULTS = Changes.LEARNERS | Changes.ANSWERS | Changes.QUIZZES | Changes.PACKS
"""What the Class results screen shows."""


class TeacherActions(QObject):
    pack_saved = Signal(str)
    """The message shown to the user when the editor saved a pack."""

    def __init__(
        self,
        window: QMainWindow,
        context: AppContext,
        gate: TeacherGate,
        navigation: Navigation,
        files: FileActions,
        reports: ReportActions,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._gate = gate
        self._navigation = navigation
        self._files = files
        self._reports = reports
        self.print_dialog: QWidget | None = None
        """The last Print quiz dialog opened (it deletes itself once closed)."""
        self.live = LiveResults(window, context, self._results_in_front)

    def _results_in_front(self) -> bool:
        screen = self._navigation.class_results_screen
        return (
            self._gate.unlocked
            and screen is not None
            and self._navigation.stack.currentWidget() is screen
        )

    def edit_pack(self, pack_id: str | None = None) -> None:
        """Teacher › Edit pack: the question editor, behind the PIN."""
        from quiz_app.services.editing import open_pack_for_editing
        from quiz_app.ui.screens.editor import PackEditorScreen

        database = self._context.database
        if database is None or not self._gate.unlock():
            return
        navigation = self._navigation
        if navigation.editor_screen is not None and not navigation.editor_screen.confirm_leave():
            navigation.stack.setCurrentWidget(navigation.editor_screen)
            return
        pack_id = pack_id or self._files.choose_pack(self.tr("Edit pack"))
        if pack_id is None:
            return
        edited = open_pack_for_editing(database, pack_id)
        screen = PackEditorScreen(database, edited, self._context.language)
        screen.saved.connect(self._pack_saved)
        screen.closed.connect(navigation.go_home)
        navigation.show_screen("editor_screen", screen)

    def _pack_saved(self, plan: ImportPlan) -> None:
        from quiz_app.ui.import_preview import plan_message  # not needed to show the window

        self._context.notify(plan.changes)
        message = plan_message(self.tr("Saved %1 %2: %3 added, %4 changed, %5 retired."), plan)
        self._window.statusBar().showMessage(message)
        self.pack_saved.emit(message)

    def print_quiz(self) -> None:
        """Teacher › Print quiz: a PDF of the topics ticked on Home, behind the PIN."""
        from quiz_app.core.bank import DrawFilter
        from quiz_app.ui.print_dialog import PrintQuizDialog

        database = self._context.database
        if database is None or not self._gate.unlock():
            return
        home = self._navigation.home
        packs, topics = home.selected_topics()
        levels = frozenset(level for level, box in home.difficulty.items() if box.isChecked())
        dialog = PrintQuizDialog(
            database,
            self._context.language,
            DrawFilter(packs, topics, levels),
            home.scope.text(),
            home.count.value(),
            self._window,
        )
        dialog.saved.connect(self._window.statusBar().showMessage)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.print_dialog = dialog
        dialog.open()

    def show_class_results(self) -> None:
        """Every learner's results: for the teacher only."""
        if self._context.database is None or not self._gate.unlock():
            return
        self._navigation.show_screen(
            "class_results_screen", self._class_results(), CLASS_RESULTS, self._class_results
        )
        self.live.start()  # answers from the class's other computers appear as they come

    def _class_results(self) -> QWidget:
        """The screen at once, its figures counted on the bank's worker (a big class's
        take a while) and shown when they come; the export and the report use them."""
        from quiz_app.services.results import class_results
        from quiz_app.ui.screens.class_results import ClassResultsScreen

        database = self._context.database
        assert database is not None
        screen = ClassResultsScreen()
        screen.go_home.connect(self._navigation.go_home)
        screen.export_requested.connect(self._export_shown_results)
        screen.report_requested.connect(self._report_on_shown_results)
        database_worker(database).run(
            lambda: class_results(database), lambda results: self._show(screen, results)
        )
        return screen

    def _show(self, screen: ClassResultsScreen, results: ClassResults) -> None:
        if self._navigation.class_results_screen is screen:  # not built again meanwhile
            screen.show_results(results)

    def _shown_results(self) -> ClassResults | None:
        screen = self._navigation.class_results_screen
        return getattr(screen, "results", None)

    def _export_shown_results(self, by: str) -> None:
        self._reports.ask_export_results(by, self._shown_results())

    def _report_on_shown_results(self) -> None:
        self._reports.ask_save_class_report(self._shown_results())
