"""A learner sees and exports only their own results on a shared computer (issue 13,
item 7): a learner who keeps a password is chosen only with it, or by the teacher."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quiz_app.core.changes import Changes
from quiz_app.core.learners import Learner
from quiz_app.core.settings import AppSettings
from quiz_app.services.learners import check_password, create_learner, get_learner
from quiz_app.services.packs import import_pack
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from tests.conftest import NOW


class Typist:
    """Answers the app's password prompts from a list, and remembers what they said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str | None) -> None:
        self.answers: Iterator[str | None] = iter(answers)
        self.prompts: list[str] = []
        monkeypatch.setattr(QInputDialog, "getText", self)

    def __call__(
        self, _parent: object, _title: str, label: str, *_rest: object
    ) -> tuple[str, bool]:
        self.prompts.append(label)
        answer = next(self.answers)
        return ("", False) if answer is None else (answer, True)


@pytest.fixture
def people(database: Database, sample_pack: Path) -> tuple[Learner, Learner]:
    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Ada", password="moon rabbit", now=NOW).value
    bob = create_learner(database, "Bob", now=NOW).value
    return ada, bob


def _open(qtbot: QtBot, database: Database, last: Learner | None) -> MainWindow:
    settings = AppSettings(last_learner=None if last is None else int(last.id))
    window = MainWindow(None, settings=settings)
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    window.set_database(database)
    qtbot.waitUntil(lambda: window.home.learner.count() == 2)
    return window


def _pick(window: MainWindow, learner: Learner) -> None:
    box = window.home.learner
    box.setCurrentIndex(box.findData(int(learner.id)))


def _action(window: MainWindow, menu: str, text: str) -> object:
    bar = next(a.menu() for a in window.menuBar().actions() if a.text() == menu)
    return next(a for a in bar.actions() if a.text() == text)


def test_the_last_learner_is_not_chosen_again_without_their_password(
    qtbot: QtBot,
    database: Database,
    people: tuple[Learner, Learner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ada, _bob = people
    typist = Typist(monkeypatch)
    window = _open(qtbot, database, last=ada)
    home = window.home
    assert home.current_learner() is None
    assert home.learner.placeholderText() == "Choose who you are"
    assert home.greeting.text() == "Hello"
    for button in (home.history, home.progress_button, *home.mode_buttons.values()):
        assert not button.isEnabled()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window.ask_export_mine()
    assert told == ["Choose who is learning first."]
    assert typist.prompts == []  # nobody was asked anything at start


def test_choosing_them_asks_until_right_and_cancel_goes_back(
    qtbot: QtBot,
    database: Database,
    people: tuple[Learner, Learner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ada, bob = people
    window = _open(qtbot, database, last=bob)
    home = window.home
    assert home.current_learner() == bob.id
    typist = Typist(monkeypatch, None, "Moon rabbit", "moon rabbit")
    _pick(window, ada)  # cancelled: Bob stays
    assert home.current_learner() == bob.id
    assert home.greeting.text() == "Hello, Bob"
    _pick(window, ada)  # wrong, then right
    assert home.current_learner() == ada.id
    assert home.greeting.text() == "Hello, Ada"
    assert typist.prompts == [
        "Password for Ada:",
        "Password for Ada:",
        "That is not this learner's password.\nPassword for Ada:",
    ]
    assert home.history.isEnabled()


def test_after_another_learner_the_password_is_asked_again(
    qtbot: QtBot,
    database: Database,
    people: tuple[Learner, Learner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ada, bob = people
    window = _open(qtbot, database, last=bob)
    typist = Typist(monkeypatch, "moon rabbit", None)
    _pick(window, ada)
    _pick(window, bob)
    _pick(window, ada)
    assert window.home.current_learner() == bob.id
    assert len(typist.prompts) == 2


def test_language_switch_and_new_learners_keep_them_chosen(
    qtbot: QtBot,
    database: Database,
    people: tuple[Learner, Learner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quiz_app.ui.i18n import set_language

    ada, _bob = people
    window = _open(qtbot, database, last=None)
    typist = Typist(monkeypatch, "moon rabbit")
    _pick(window, ada)
    create_learner(database, "Cai", now=NOW)
    window.context.notify(Changes.LEARNERS)
    assert window.home.current_learner() == ada.id
    try:
        window.switch_language("zh")
        assert window.home.current_learner() == ada.id  # Home built again, Ada still in
    finally:
        set_language("en")
    assert len(typist.prompts) == 1


def test_in_teacher_mode_the_teacher_chooses_anyone_then_it_locks(
    qtbot: QtBot,
    database: Database,
    people: tuple[Learner, Learner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quiz_app.services.teacher import set_pin

    ada, bob = people
    set_pin(database, "2468")
    window = _open(qtbot, database, last=bob)
    typist = Typist(monkeypatch, "2468")
    assert window.gate.unlock()
    _pick(window, ada)
    assert window.home.current_learner() == ada.id
    assert typist.prompts == ["Teacher PIN:"]  # Ada's password was not asked
    assert not window.gate.unlocked  # the next learner is not the teacher


def test_sign_out_and_walking_away_leave_nobody_chosen(
    qtbot: QtBot,
    database: Database,
    people: tuple[Learner, Learner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ada, bob = people
    window = _open(qtbot, database, last=bob)
    Typist(monkeypatch, "moon rabbit", "moon rabbit")
    window.gate.idle.emit()  # Bob keeps no password: nothing to protect
    assert window.home.current_learner() == bob.id
    _pick(window, ada)
    window.home.history.click()  # Ada looks at her history, then walks away
    assert window.navigation.stack.currentWidget() is window.navigation.history_screen
    window.gate.idle.emit()
    assert window.navigation.stack.currentWidget() is window.home
    assert window.home.current_learner() is None
    _pick(window, ada)
    _action(window, "&File", "Sign &out").trigger()  # type: ignore[attr-defined]
    assert window.home.current_learner() is None
    assert not window.home.history.isEnabled()


def test_walking_away_in_a_quiz_leaves_the_quiz_alone(
    qtbot: QtBot,
    database: Database,
    people: tuple[Learner, Learner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quiz_app.core.quiz import QuizMode

    ada, _bob = people
    window = _open(qtbot, database, last=None)
    Typist(monkeypatch, "moon rabbit")
    _pick(window, ada)
    window.home.mode_buttons[QuizMode.PRACTICE].click()
    qtbot.waitUntil(
        lambda: window.navigation.stack.currentWidget() is window.navigation.quiz_screen
    )
    window.gate.idle.emit()
    assert window.navigation.stack.currentWidget() is window.navigation.quiz_screen
    assert window.home.current_learner() == ada.id


def test_a_new_learner_with_a_password_is_chosen_at_once(
    qtbot: QtBot,
    database: Database,
    people: tuple[Learner, Learner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quiz_app.services.learners import list_learners
    from quiz_app.ui.learner_dialog import NewLearnerDialog

    def fill(dialog: NewLearnerDialog) -> int:
        dialog.name.setText("Mei")
        dialog.password_field.setText("jade rabbit")
        dialog.again.setText("jade rabbi")
        assert not dialog.ok.isEnabled()  # the two differ
        dialog.again.setText("jade rabbit")
        assert dialog.ok.isEnabled()
        return NewLearnerDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewLearnerDialog, "exec", fill)
    typist = Typist(monkeypatch)
    window = _open(qtbot, database, last=None)
    window.home.ask_new_learner()
    qtbot.waitUntil(lambda: window.home.learner.count() == 3)
    [mei] = [one for one in list_learners(database) if one.name == "Mei"]
    assert mei.has_password
    qtbot.waitUntil(lambda: window.home.current_learner() == mei.id)
    assert typist.prompts == []
    check_password(database, mei.id, "jade rabbit")


def test_a_learner_sets_then_removes_their_own_password(
    qtbot: QtBot,
    database: Database,
    people: tuple[Learner, Learner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quiz_app.ui.learner_access import PasswordDialog

    _ada, bob = people
    window = _open(qtbot, database, last=bob)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    typed = iter([("", "sun wukong", "sun wukong"), ("sun wukong", "", "")])

    def fill(dialog: PasswordDialog) -> int:
        current, new, again = next(typed)
        assert (dialog.current is None) == (current == "")
        if dialog.current is not None:
            dialog.current.setText(current)
        dialog.new.setText(new)
        dialog.again.setText(again)
        assert dialog.ok.isEnabled()
        return PasswordDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PasswordDialog, "exec", fill)
    window.access.ask_set_password()
    found = get_learner(database, bob.id)
    assert found is not None
    assert found.has_password
    assert window.home.current_learner() == bob.id  # still Bob, not asked again
    assert told == ["Your password is set: it is asked whenever Bob is chosen."]
    window.access.ask_set_password()
    found = get_learner(database, bob.id)
    assert found is not None
    assert not found.has_password
    assert told[-1] == "Your password is removed: anyone at this computer can choose Bob."


def test_an_empty_password_dialog_for_a_learner_without_one_cannot_be_confirmed(
    qtbot: QtBot, people: tuple[Learner, Learner]
) -> None:
    from quiz_app.ui.learner_access import PasswordDialog

    ada, bob = people
    dialog = PasswordDialog(bob)
    qtbot.addWidget(dialog)
    assert dialog.current is None
    assert not dialog.ok.isEnabled()  # nothing to remove, nothing to set
    dialog = PasswordDialog(ada)
    qtbot.addWidget(dialog)
    assert dialog.current is not None
    assert dialog.ok.isEnabled()  # both empty: remove it


def test_the_teacher_clears_a_forgotten_password(
    qtbot: QtBot,
    database: Database,
    people: tuple[Learner, Learner],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quiz_app.services.teacher import set_pin

    ada, bob = people
    set_pin(database, "2468")
    window = _open(qtbot, database, last=bob)
    typist = Typist(monkeypatch, "2468")
    offered: list[list[str]] = []

    def choose(
        _p: object, _t: str, _label: str, names: list[str], *_rest: object
    ) -> tuple[str, bool]:
        offered.append(list(names))
        return names[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    _action(window, "&Teacher", "Clear a learner's pass&word…").trigger()  # type: ignore[attr-defined]
    assert typist.prompts == ["Teacher PIN:"]
    assert offered == [["Ada"]]  # only those who have one
    qtbot.waitUntil(lambda: not getattr(get_learner(database, ada.id), "has_password", True))
    _pick(window, ada)
    assert window.home.current_learner() == ada.id  # no password to ask now
