"""What every part of the window shares: the bank, the language, the settings, and one
signal that says what an operation changed.

Parts never call each other's ``refresh``: an operation reports its ``Changes`` here, and
each screen decides (through a ``ChangeTracker``) whether it shows any of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from quiz_app.core.changes import Changes
from quiz_app.core.ids import LearnerId
from quiz_app.core.settings import AppSettings

if TYPE_CHECKING:  # the database stack is imported off the GUI thread (bank_loader)
    from quiz_app.services.bank import Database


class AppContext(QObject):
    changed = Signal(object)
    """Changes: what an operation changed in the bank or the settings."""
    opened = Signal()
    """The bank is open (it opens after the window shows)."""

    def __init__(
        self,
        database: Database | None,
        language: str,
        settings: AppSettings | None = None,
        *,
        save_settings: Callable[[AppSettings], object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.language = language
        self.settings = settings or AppSettings()
        self._save_settings = save_settings
        self.signed_in: LearnerId | None = None
        """The learner who gave their password (or was let in by the teacher) and has
        been chosen since: kept chosen when Home is built again."""

    def open(self, database: Database) -> None:
        self.database = database
        self.opened.emit()
        self.changed.emit(Changes.EVERYTHING)

    def notify(self, changes: Changes) -> None:
        """Tell every screen what changed (nothing at all: no signal)."""
        if changes:
            self.changed.emit(changes)

    def update_settings(self, **values: Any) -> None:
        """Change some settings, save them, and say so (unchanged values: nothing)."""
        updated = replace(self.settings, **values)
        if updated == self.settings:
            return
        self.settings = updated
        if self._save_settings is not None:
            self._save_settings(updated)
        self.notify(Changes.SETTINGS)


class ChangeTracker(QObject):
    """Redraws a widget when something it shows changed: once for any number of changes
    in a row, and only while the widget is visible (else when it is next shown)."""

    def __init__(
        self,
        widget: QWidget,
        context: AppContext,
        watches: Changes,
        redraw: Callable[[Changes], None],
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._watches = watches
        self._redraw = redraw
        self.pending = Changes.NONE
        self._scheduled = False
        context.changed.connect(self.notify)
        widget.installEventFilter(self)

    def notify(self, changes: Changes) -> None:
        relevant = changes & self._watches
        if not relevant:
            return
        self.pending |= relevant
        if self._widget.isVisible() and not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self.flush)

    def flush(self) -> None:
        """Redraw now if anything is pending (and the widget is still on screen)."""
        self._scheduled = False
        if not self._widget.isVisible():
            return  # hidden since: redrawn when shown again
        pending, self.pending = self.pending, Changes.NONE
        if pending:
            self._redraw(pending)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.pending:
            self.flush()
        return False
