"""Class results are counted off the GUI thread: the screen comes at once, saying so, and
fills in when the figures come."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quiz_app.services.results import class_results
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.screens.class_results import ClassResultsScreen
from tests.services.test_results import _class


def test_the_screen_says_it_is_counting_until_the_figures_come(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    _class(database, sample_pack)
    screen = ClassResultsScreen()
    qtbot.addWidget(screen)
    screen.show()
    assert screen.counting.isVisible()
    assert not screen.export.isEnabled()  # nothing to export yet
    assert not screen.report.isEnabled()
    assert screen.learners.rowCount() == screen.questions.rowCount() == 0
    screen.show_results(class_results(database))
    assert not screen.counting.isVisible()
    assert screen.export.isEnabled()
    assert screen.report.isEnabled()
    assert screen.learners.rowCount() == 3
    assert screen.questions.rowCount() == 7


def test_opened_twice_at_once_the_newer_screen_gets_the_figures(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    _class(database, sample_pack)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.gate.unlocked = True
    window.teacher.show_class_results()
    first = window.navigation.class_results_screen
    window.teacher.show_class_results()  # before the first count came back
    second = window.navigation.class_results_screen
    assert isinstance(second, ClassResultsScreen)
    assert second is not first
    qtbot.waitUntil(lambda: second.results is not None)
    assert second.learners.rowCount() == 3
    assert window.navigation.stack.currentWidget() is second


def test_export_and_report_use_the_figures_on_the_screen(
    qtbot: QtBot,
    database: Database,
    sample_pack: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    _class(database, sample_pack)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.gate.unlocked = True
    window.teacher.show_class_results()
    screen = window.navigation.class_results_screen
    assert isinstance(screen, ClassResultsScreen)
    qtbot.waitUntil(lambda: screen.results is not None)
    target = tmp_path / "by-learner.csv"
    page = tmp_path / "class.html"
    answers = iter([(str(target), "CSV (*.csv)"), (str(page), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: next(answers))
    screen.tabs.setCurrentIndex(0)
    screen.export.click()
    screen.report.click()
    # written at once from the figures shown: no second count on the worker
    assert target.read_text(encoding="utf-8").splitlines()[1].startswith("Ada,1,7,100.0")
    assert "<tr><td>Cy</td>" in page.read_text(encoding="utf-8")
