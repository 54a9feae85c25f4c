"""The menu bar, built from the window's parts (again after a language switch)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar, QPushButton, QWidget

from quiz_app.core.quiz import QuizMode
from quiz_app.core.settings import Theme

if TYPE_CHECKING:
    from quiz_app.ui.main_window import MainWindow


def _action(
    owner: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
) -> QAction:
    action = QAction(text, owner)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    return action


class Menus(QObject):
    """The menu bar's texts and actions."""

    def build(self, window: MainWindow) -> None:
        bar: QMenuBar = window.menuBar()
        bar.clear()
        files, teacher, view = window.files, window.teacher, window.view

        def add(menu_title: str, *items: tuple[str, Callable[[], object], object] | None) -> None:
            menu = bar.addMenu(menu_title)
            for item in items:
                if item is None:
                    menu.addSeparator()
                    continue
                text, slot, shortcut = item
                menu.addAction(_action(window, text, slot, shortcut))  # type: ignore[arg-type]

        add(
            self.tr("&File"),
            (
                self.tr("&Import pack…"),
                files.ask_import,
                QKeySequence.StandardKey.Open,
            ),
            (
                self.tr("Import pack &folder…"),
                files.ask_import_folder,
                None,
            ),
            (self.tr("&Export pack…"), files.ask_export_pack, None),
            (
                self.tr("Export &my results…"),
                window.ask_export_mine,
                None,
            ),
            None,
            (self.tr("Sign &out"), window.access.sign_out, None),
            None,
            (self.tr("&Restore from backup…"), window.backups.ask_restore, None),
            None,
            (
                self.tr("&Quit"),
                window.close,
                QKeySequence.StandardKey.Quit,
            ),
        )

        view_menu = bar.addMenu(self.tr("&View"))
        themes = view_menu.addMenu(self.tr("&Theme"))
        group = QActionGroup(window)
        theme: Theme
        for theme, label in (
            ("system", self.tr("Follow the &system")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            action = _action(window, label, partial(view.set_theme, theme))
            action.setCheckable(True)
            action.setChecked(theme == window.context.settings.theme)
            group.addAction(action)
            themes.addAction(action)
        view_menu.addSeparator()
        for text, step, shortcut in (
            (
                self.tr("&Bigger text"),
                1,
                QKeySequence(QKeySequence.StandardKey.ZoomIn),
            ),
            (
                self.tr("&Smaller text"),
                -1,
                QKeySequence(QKeySequence.StandardKey.ZoomOut),
            ),
            (self.tr("&Normal text size"), 0, QKeySequence("Ctrl+0")),
        ):
            view_menu.addAction(_action(window, text, partial(view.scale_text, step), shortcut))
        view_menu.addSeparator()
        languages = view_menu.addMenu(self.tr("&Language"))
        language_group = QActionGroup(window)
        for code, label in (("en", "English"), ("zh", "简体中文")):
            action = _action(window, label, partial(window.choose_language, code))
            action.setCheckable(True)
            action.setChecked(code == window.context.language)
            language_group.addAction(action)
            languages.addAction(action)

        self._study_menu(window, bar)
        add(
            self.tr("&Teacher"),
            (self.tr("&Edit pack…"), teacher.edit_pack, None),
            (
                self.tr("&Class results…"),
                teacher.show_class_results,
                None,
            ),
            (self.tr("&Print quiz…"), teacher.print_quiz, QKeySequence.StandardKey.Print),
            (
                self.tr("&Merge learners' results…"),
                files.ask_merge,
                None,
            ),
            (
                self.tr("Export &all learners' results…"),
                files.ask_export_everyone,
                None,
            ),
            (self.tr("Clear a learner's pass&word…"), window.access.ask_clear_password, None),
            None,
            (self.tr("&Lock teacher mode"), window.gate.lock, None),
        )
        add(
            self.tr("&Help"),
            (
                self.tr("&Keyboard shortcuts"),
                window.show_shortcuts,
                QKeySequence.StandardKey.HelpContents,
            ),
            (self.tr("&About Chang'e Quiz"), window.show_about, None),
        )

    def _study_menu(self, window: MainWindow, bar: QMenuBar) -> None:
        """Home, what Home's buttons start (so that each is in a menu, where a screen
        reader lists it), and the results' retry; each greyed out when it cannot be done."""
        navigation = window.navigation
        menu = bar.addMenu(self.tr("&Study"))
        menu.addAction(
            _action(window, self.tr("&Home"), navigation.back_home, QKeySequence("Alt+Home"))
        )
        menu.addSeparator()
        # Home is built again after a language switch: its buttons are looked up when used.
        on_home: list[tuple[QAction, Callable[[], QPushButton]]] = []
        for text, button in (
            (self.tr("&Practice"), lambda: navigation.home.mode_buttons[QuizMode.PRACTICE]),
            (self.tr("&Exam"), lambda: navigation.home.mode_buttons[QuizMode.EXAM]),
            (self.tr("My &mistakes"), lambda: navigation.home.mode_buttons[QuizMode.MISTAKES]),
            (self.tr("&Review"), lambda: navigation.home.mode_buttons[QuizMode.REVIEW]),
            (self.tr("Histor&y"), lambda: navigation.home.history),
            (self.tr("Pr&ogress"), lambda: navigation.home.progress_button),
        ):
            action = _action(window, text, partial(_press_on_home, window, button))
            menu.addAction(action)
            on_home.append((action, button))
        retry = _action(window, self.tr("Retry this quiz's mis&takes"), partial(_retry, window))
        menu.addAction(retry)
        menu.addSeparator()
        menu.addAction(
            _action(
                window, self.tr("&New questions per day in reviews…"), window.view.ask_new_per_day
            )
        )
        password = _action(window, self.tr("My pass&word…"), window.access.ask_set_password)
        menu.addAction(password)
        on_home.append((password, lambda: navigation.home.history))  # needs a learner chosen

        def update() -> None:
            for action, button in on_home:
                action.setEnabled(button().isEnabled())
            results = navigation.results_screen
            retry.setEnabled(
                results is not None
                and navigation.stack.currentWidget() is results
                and results.retry.isEnabled()
            )

        menu.aboutToShow.connect(update)


def _press_on_home(window: MainWindow, button: Callable[[], QPushButton]) -> None:
    """Back to Home (a quiz in front is kept for later), then press ``button`` there."""
    navigation = window.navigation
    if navigation.stack.currentWidget() is not navigation.home:
        navigation.back_home()
    if button().isEnabled():
        button().click()


def _retry(window: MainWindow) -> None:
    results = window.navigation.results_screen
    if results is not None and results.retry.isEnabled():
        results.retry.click()


def build_menus(window: MainWindow) -> None:
    """The menu bar, in the current language."""
    Menus(window).build(window)
