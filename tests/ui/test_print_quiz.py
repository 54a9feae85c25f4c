"""Teacher › Print quiz…: behind the PIN, from Home's topics, saved off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from quiz_app.services.teacher import set_pin
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.print_dialog import PrintQuizDialog
from tests.printing.pdf import needs_poppler, pdf_pages


def _teacher_menu(window: MainWindow) -> QMenu:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Teacher")
    assert isinstance(menu, QMenu)
    return menu


def _open(window: MainWindow) -> PrintQuizDialog:
    action = next(a for a in _teacher_menu(window).actions() if a.text() == "&Print quiz…")
    action.trigger()
    dialog = window.teacher.print_dialog
    assert isinstance(dialog, PrintQuizDialog)
    return dialog


def _tick(window: MainWindow, topic_title: str) -> None:
    tree = window.home.packs
    for i in range(tree.topLevelItemCount()):
        pack = tree.topLevelItem(i)
        assert pack is not None
        for j in range(pack.childCount()):
            topic = pack.child(j)
            assert topic is not None
            if topic.text(0).startswith(topic_title):
                topic.setCheckState(0, Qt.CheckState.Checked)


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))


def test_print_quiz_asks_for_the_pin_first(
    window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_pin(database, "2468")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("1111", True))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    action = next(a for a in _teacher_menu(window).actions() if a.text() == "&Print quiz…")
    action.trigger()
    assert window.teacher.print_dialog is None
    assert warned  # the wrong PIN said so
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("2468", True))
    action.trigger()
    assert isinstance(window.teacher.print_dialog, PrintQuizDialog)


@needs_poppler
def test_a_quiz_of_homes_topics_is_saved_as_a_pdf(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.gate.unlocked = True
    _tick(window, "Science")
    dialog = _open(window)
    assert dialog.scope.text() == window.home.scope.text()
    assert "Science" in dialog.scope.text()
    assert dialog.count.value() == window.home.count.value()
    dialog.count.setValue(0)  # All
    dialog.seed.setValue(4321)
    target = tmp_path / "science.pdf"
    _save_as(monkeypatch, target)
    with qtbot.waitSignal(dialog.saved, timeout=30_000) as saved:
        dialog.save_button.click()
        assert not dialog.save_button.isEnabled()  # busy while it prints
    assert saved.args == [f"Quiz saved: {target} (2 pages, seed 4321)"]
    assert window.statusBar().currentMessage() == saved.args[0]
    pages = pdf_pages(target.read_bytes())
    text = " ".join(pages)
    assert "seed 4321" in text
    assert "Answer key" in pages[-1]
    # The sample pack's three science questions, and none of its missions.
    assert "3. " in text
    assert "4. " not in pages[0]
    assert "Which mission made the first soft landing" not in text


@needs_poppler
def test_the_paper_may_be_chinese_from_an_english_window(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.gate.unlocked = True
    dialog = _open(window)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.answer_key.setChecked(False)
    dialog.count.setValue(2)
    dialog.seed.setValue(12)
    target = tmp_path / "zh"  # no suffix: .pdf is added
    _save_as(monkeypatch, target)
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_button.click()
    pages = pdf_pages((tmp_path / "zh.pdf").read_bytes())
    assert len(pages) == 1  # no key: no pages of its own
    assert "示例题包" in pages[0]  # the pack's title, in Chinese
    assert "示例题包 — 答案" not in pages[0]  # the key's header
    assert "种子 12" in pages[0]


def test_a_file_that_cannot_be_written_is_said_and_the_dialog_stays(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.gate.unlocked = True
    dialog = _open(window)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    _save_as(monkeypatch, tmp_path / "missing" / "quiz.pdf")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(warned), timeout=30_000)
    assert warned[0].startswith(f"Cannot write {tmp_path / 'missing' / 'quiz.pdf'}")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert dialog.isVisible()
    assert dialog.status.text() == ""


def test_cancelling_the_file_dialog_prints_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.gate.unlocked = True
    dialog = _open(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    dialog.save_button.click()
    assert dialog.save_button.isEnabled()
    assert dialog.status.text() == ""


def test_a_new_seed_is_drawn_on_request(window: MainWindow) -> None:
    window.gate.unlocked = True
    dialog = _open(window)
    seeds = {dialog.seed.value()}
    for _ in range(5):
        dialog.new_seed.click()
        seeds.add(dialog.seed.value())
    assert len(seeds) > 1
    assert all(0 <= s < 1_000_000 for s in seeds)
