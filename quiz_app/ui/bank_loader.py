"""Opening the question bank off the GUI thread, so the window shows at once.

Importing the database stack (SQLAlchemy, SQLModel, pydantic, Alembic) and migrating
takes most of a start-up; the window is up and usable while it happens.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


class BankLoader(QThread):
    opened = Signal(object)
    """The opened Database."""
    failed = Signal(str, bool)
    """A message for the user, in the interface's language; True when it is that the
    classroom server cannot be reached (this computer's own bank may do for now)."""

    def __init__(self, url: str | None) -> None:
        from quiz_app.ui.i18n import current_language

        super().__init__()
        self._url = url
        self._language = current_language()  # read on the GUI thread

    def run(self) -> None:
        from quiz_app.core.errors import QuizError
        from quiz_app.services.bank import ServerUnreachableError, open_bank

        try:
            database = open_bank(self._url)
        except QuizError as err:
            self.failed.emit(err.message(self._language), isinstance(err, ServerUnreachableError))
            return
        for module in HOME_SERVICES:
            importlib.import_module(module)
        self.opened.emit(database)


HOME_SERVICES = (
    "quiz_app.services.learners",
    "quiz_app.services.packs",
    "quiz_app.services.quiz",
    "quiz_app.services.review",
)
"""What Home imports to show the bank as it opens: imported here, off the GUI thread,
so the window stays responsive while they load (the database stack is most of it)."""


def own_bank_box(window: QWidget | None, message: str) -> tuple[QMessageBox, QPushButton]:
    """The question asked when the classroom server cannot be reached at start, and its
    button for this computer's own bank."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Chang'e Quiz", message, parent=window)
    box.setInformativeText(
        QCoreApplication.translate(
            "BankLoader",
            "You can use this computer's own bank until the next start: its learners and "
            "results stay on this computer (a teacher can merge them later with a results "
            "file).",
        )
    )
    own = box.addButton(
        QCoreApplication.translate("BankLoader", "Use this computer's &own bank"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("BankLoader", "&Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(own)
    return box, own


def ask_own_bank(window: QWidget, message: str) -> bool:
    """The classroom server cannot be reached at start: True if the learner chooses to
    use this computer's own bank until the next start (else the app closes)."""
    box, own = own_bank_box(window, message)
    box.exec()
    return box.clickedButton() is own
