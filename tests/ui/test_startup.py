"""The window is shown before, and without, the database stack (issue 15, start-up)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from quiz_app.ui import screens
from quiz_app.ui.bank_loader import HOME_SERVICES

ROOT = Path(__file__).parents[2]

_SHOW = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from quiz_app.ui.main_window import MainWindow
window = MainWindow(None)
window.show()
app.processEvents()
print(json.dumps(sorted(m for m in sys.argv[1:] if m in sys.modules)))
"""


def test_the_window_shows_without_the_database_stack() -> None:
    """The bank opens behind the window (bank_loader): nothing the window needs may
    pull in SQLAlchemy, the results exchange or the pack formats on the GUI thread."""
    heavy = [
        "sqlalchemy",
        "sqlmodel",
        "alembic",
        "quiz_app.storage",
        "quiz_app.services.outbox",
        "quiz_app.services.packs",
        "quiz_app.core.importing",
        "fsrs",
    ]
    assert _printed_by_a_child(_SHOW, heavy) == []


def test_the_loader_imports_every_service_home_shows_the_bank_with() -> None:
    source = (Path(screens.__file__).parent / "home.py").read_text(encoding="utf-8")
    used = set(re.findall(r"from (quiz_app\.services\.\w+) import", source))
    assert used - {"quiz_app.services.bank"} <= set(HOME_SERVICES)


_HOME = """
import importlib, json, sys
from quiz_app.ui.bank_loader import HOME_SERVICES
for module in HOME_SERVICES:
    importlib.import_module(module)
print(json.dumps(sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[1:])))))
"""


def test_home_lists_the_bank_without_the_pack_formats() -> None:
    """What Home needs to list packs leaves every reader and writer, and the HTML,
    Markdown and spreadsheet libraries they use, until a pack is imported or exported
    (they were a third of a second of the bank's readiness)."""
    formats = ["quiz_app.packs", "bs4", "markdown_it", "markdownify", "nh3", "openpyxl"]
    assert _printed_by_a_child(_HOME, formats) == []


def _printed_by_a_child(code: str, modules: list[str]) -> list[str]:
    """What ``code``, run offscreen in a fresh interpreter with ``modules`` as its
    arguments, prints as JSON: the modules of those it found loaded."""
    done = subprocess.run(
        [sys.executable, "-c", code, *modules],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=True,
    )
    loaded: list[str] = json.loads(done.stdout)
    return loaded
