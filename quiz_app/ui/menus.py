"""The menu bar, built from the window's parts (again after a language switch)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

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

        add(
            self.tr("&Study"),
            (self.tr("&Home"), window.navigation.back_home, QKeySequence("Alt+Home")),
            None,
            (
                self.tr("&New questions per day in reviews…"),
                window.view.ask_new_per_day,
                None,
            ),
        )
        add(
            self.tr("&Teacher"),
            (self.tr("&Edit pack…"), teacher.edit_pack, None),
            (
                self.tr("&Class results…"),
                teacher.show_class_results,
                None,
            ),
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


def build_menus(window: MainWindow) -> None:
    """The menu bar, in the current language."""
    Menus(window).build(window)
