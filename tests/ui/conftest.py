"""Fixtures of the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz_app.ui.crash import CrashHandler, install_crash_handler


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
