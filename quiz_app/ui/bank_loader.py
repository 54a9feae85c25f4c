"""Opening the question bank off the GUI thread, so the window shows at once.

Importing the database stack (SQLAlchemy, SQLModel, pydantic, Alembic) and migrating
takes most of a start-up; the window is up and usable while it happens.
"""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal


class BankLoader(QThread):
    opened = Signal(object)
    """The opened Database."""
    failed = Signal(str)
    """A message for the user, in the interface's language."""

    def __init__(self, url: str | None) -> None:
        from quiz_app.ui.i18n import current_language

        super().__init__()
        self._url = url
        self._language = current_language()  # read on the GUI thread

    def run(self) -> None:
        from quiz_app.core.errors import QuizError
        from quiz_app.services.bank import open_bank

        try:
            database = open_bank(self._url)
        except QuizError as err:
            self.failed.emit(err.message(self._language))
            return
        self.opened.emit(database)
