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
