"""Fixtures of the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.storage import Database
from quiz_app.ui.crash import CrashHandler, install_crash_handler
from tests.conftest import NOW

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from quiz_app.ui.main_window import MainWindow


@pytest.fixture
def crash_handler(tmp_path: Path) -> Iterator[CrashHandler]:
    """The app's crash handler, logging into this test's folder. Qt's messages and
    faulthandler stay with pytest here (tests/ui/test_crash.py checks them apart)."""
    handler = install_crash_handler(
        folder=tmp_path / "logs", qt_messages=False, fault_handler=False
    )
    yield handler
    handler.close()


@pytest.fixture(autouse=True)
def _look_restored(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that changes the theme or the text size (both belong to the application)
    leaves them as it found them, so the next test starts from the same look."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtGui import QFont, QPalette
    from PySide6.QtWidgets import QApplication

    request.getfixturevalue("qapp")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet, palette, font = app.styleSheet(), QPalette(app.palette()), QFont(app.font())
    theme = app.property("quiz_theme")
    yield
    app.setProperty("quiz_theme", theme)
    app.setFont(font)
    app.setPalette(palette)
    app.setStyleSheet(sheet)


@pytest.fixture
def window(qtbot: QtBot, database: Database, sample_pack: Path) -> MainWindow:
    """The main window on Home, on a bank holding the sample pack and one learner, Ada."""
    from quiz_app.ui.main_window import MainWindow

    import_pack(database, sample_pack, now=NOW)
    create_learner(database, "Ada", now=NOW)
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    window.set_database(database)
    qtbot.waitUntil(lambda: window.home.learner.count() == 1)
    return window
