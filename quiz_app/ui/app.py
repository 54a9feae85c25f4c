"""Starting the GUI: the window first, the bank opened behind it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from quiz_app.ui.assets import app_icon
from quiz_app.ui.backup_actions import backup_on_close
from quiz_app.ui.bank_loader import BankLoader, ask_own_bank
from quiz_app.ui.crash import install_crash_handler, show_previous_crash
from quiz_app.ui.gc_guard import GuiThreadGarbageCollector
from quiz_app.ui.i18n import set_language, system_language
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.worker import drain_all

DRAIN_SECONDS = 30.0
"""At quit, how long the bank's writer may take to finish what it was given."""


def run_gui(db: str | None = None) -> int:
    """Show the window, then open the bank (importing the built-in packs on first start)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    crash_handler = install_crash_handler()
    collector = GuiThreadGarbageCollector(app)  # never free Qt objects on the writer thread
    app.setApplicationName("Chang'e Quiz")
    app.setApplicationDisplayName("Chang'e Quiz")
    app.setOrganizationName("change-quiz")
    app.setWindowIcon(app_icon())
    language = system_language()
    set_language(language)
    window = MainWindow(None, language)
    window.view.apply_saved()  # theme, text size and place as the last run left them
    window.show()
    show_previous_crash(window)

    loaders: list[BankLoader] = []
    opened: list[object] = []

    def on_opened(database: object) -> None:
        opened.append(database)
        window.set_database(database)  # type: ignore[arg-type]
        QTimer.singleShot(0, window.gate.offer_pin)  # a new bank: offer the teacher PIN

    def on_failed(message: str, unreachable: bool) -> None:
        if unreachable and db is None and ask_own_bank(window, message):
            from quiz_app.services.bank import own_bank_url

            load(own_bank_url())  # the classroom server again at the next start
            return
        QMessageBox.critical(window, "Chang'e Quiz", message)
        app.exit(1)

    def load(url: str | None) -> None:
        loader = BankLoader(url)
        loader.opened.connect(on_opened)
        loader.failed.connect(on_failed)
        loaders.append(loader)
        loader.start()

    load(db)
    try:
        code = app.exec()
    finally:
        drain_all(DRAIN_SECONDS)  # the last write lands before the bank closes
        for loader in loaders:
            loader.wait()
        for database in opened:
            backup_on_close(database)  # type: ignore[arg-type]
            database.close()  # type: ignore[attr-defined]
    collector.stop()
    crash_handler.close()  # a clean exit: the next start has nothing to mention
    return code
