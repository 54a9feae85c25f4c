"""Teacher mode does not outlive the teacher (issue 13, item 7): it locks when another
learner is chosen, after idle minutes, and from Teacher › Lock teacher mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from quiz_app.services.learners import create_learner
from quiz_app.services.teacher import set_pin
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.teacher_gate import IDLE_MINUTES
from tests.conftest import NOW


@pytest.fixture
def unlocked(window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    set_pin(database, "2468")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("2468", True))
    assert window.gate.unlock()
    assert window.gate.unlocked
    return window


def test_choosing_another_learner_locks_teacher_mode(
    qtbot: QtBot, unlocked: MainWindow, database: Database
) -> None:
    bob = create_learner(database, "Bob", now=NOW).value
    with qtbot.waitSignal(unlocked.gate.locked, timeout=5000):
        unlocked.home.reload_learners(select=bob.id)
    assert not unlocked.gate.unlocked


def test_idle_minutes_lock_it_and_any_key_puts_them_off(qtbot: QtBot, unlocked: MainWindow) -> None:
    gate = unlocked.gate
    assert gate._idle.interval() == IDLE_MINUTES * 60_000 == 600_000
    gate._idle.setInterval(300)  # (a test does not wait ten minutes)
    gate._idle.start()
    for _ in range(4):  # the teacher keeps working: 4 × 150 ms, more than the 300 ms
        qtbot.wait(150)
        qtbot.keyClick(unlocked.home.learner, Qt.Key.Key_Shift)
        assert gate.unlocked
    with qtbot.waitSignal(gate.locked, timeout=2000):
        pass  # then walks away
    assert not gate.unlocked


def test_the_teacher_menu_locks_it(unlocked: MainWindow) -> None:
    teacher = next(a.menu() for a in unlocked.menuBar().actions() if a.text() == "&Teacher")
    lock = next(a for a in teacher.actions() if a.text() == "&Lock teacher mode")
    lock.trigger()
    assert not unlocked.gate.unlocked


@pytest.mark.parametrize("answer", ["Set a PIN…", "Not now"])
def test_a_new_bank_offers_the_pin_once_and_says_what_it_protects(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from quiz_app.services.teacher import has_pin

    typed = iter(["2468", "2468"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (next(typed), True))
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    shown: list[str] = []

    def reply(box: QMessageBox) -> None:
        shown.append(box.text() + " " + box.informativeText())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == answer)
        QTimer.singleShot(0, button.click)

    window.gate.offered.connect(reply)
    window.gate.offer_pin()
    assert len(shown) == 1
    assert shown[0].startswith("Set a teacher PIN for this computer now?")
    assert "does not stop someone who can copy the bank file" in shown[0]
    assert has_pin(database) == (answer == "Set a PIN…")
    window.gate.offer_pin()  # never twice, whatever was answered
    assert len(shown) == 1
    window.close()
    fresh = MainWindow(database)  # nor at the next start
    qtbot.addWidget(fresh)
    fresh.show()
    fresh.gate.offered.connect(reply)
    fresh.gate.offer_pin()
    assert len(shown) == 1


def test_a_bank_in_use_is_not_offered_a_pin(window: MainWindow) -> None:
    offers: list[object] = []
    window.gate.offered.connect(offers.append)
    window.gate.offer_pin()  # Ada already learns here
    assert offers == []
