"""Starting the GUI."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from quiz_app.core.errors import QuizError
from quiz_app.services.bank import open_bank
from quiz_app.ui.assets import app_icon
from quiz_app.ui.i18n import set_language, system_language
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.theme import apply_theme


def run_gui(db: str | None = None) -> int:
    """Open the bank (importing the built-in packs on first start) and show the window."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Chang'e Quiz")
    app.setApplicationDisplayName("Chang'e Quiz")
    app.setOrganizationName("change-quiz")
    app.setWindowIcon(app_icon())
    apply_theme(app)
    try:
        database = open_bank(db)
    except QuizError as err:
        QMessageBox.critical(None, "Chang'e Quiz", str(err))
        return 1
    language = system_language()
    set_language(language)
    window = MainWindow(database, language)
    window.show()
    try:
        return app.exec()
    finally:
        database.close()
