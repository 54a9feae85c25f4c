from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quiz_app.services.packs import import_pack
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from tests.ui.preview import answer_preview


def test_the_window_shows_the_packs_and_their_topics(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tree = window.navigation.packs
    assert tree.topLevelItemCount() == 1
    pack = tree.topLevelItem(0)
    assert pack is not None
    assert (pack.text(0), pack.text(1)) == ("Sample pack  (1.0.0)", "7")
    topics = [(pack.child(i).text(0), pack.child(i).text(1)) for i in range(pack.childCount())]
    assert topics == [("Missions", "4"), ("Science", "3")]
    assert window.statusBar().currentMessage() == "Questions in the bank: 7"


def test_the_window_has_the_menus_a_desktop_user_expects(qtbot: QtBot, database: Database) -> None:
    window = MainWindow(database)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Study", "&Teacher", "&Help"]
    assert window.navigation.packs.topLevelItemCount() == 0


def test_dark_and_light_themes_change_the_palette(qapp: object) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from quiz_app.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        apply_theme(app, "dark")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 60
        assert app.palette().color(QPalette.ColorRole.WindowText).lightness() > 200
        apply_theme(app, "light")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    finally:
        apply_theme(app, "light")


def test_the_app_icon_is_found_and_draws(qapp: object) -> None:
    from quiz_app.ui.assets import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).toImage().isNull()


def test_the_window_shows_before_the_bank_opens_off_the_gui_thread(
    qtbot: QtBot, db_url: str
) -> None:
    from quiz_app.storage.engine import is_server
    from quiz_app.ui.bank_loader import BankLoader

    if is_server(db_url):  # a server's built-in packs come with the teacher's `server init`
        from quiz_app.services.server import init_server

        init_server(db_url)
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    assert window.statusBar().currentMessage() == "Opening the question bank…"
    loader = BankLoader(db_url)
    loader.opened.connect(window.set_database)
    with qtbot.waitSignal(window.context.opened, timeout=30_000):
        loader.start()
    loader.wait()
    # the built-in packs, imported on first start
    qtbot.waitUntil(lambda: window.navigation.packs.topLevelItemCount() == 2)
    assert window.statusBar().currentMessage().startswith("Questions in the bank: ")
    window.context.database.close()  # type: ignore[union-attr]


def test_a_bank_that_cannot_open_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    from quiz_app.ui.bank_loader import BankLoader

    (tmp_path / "dir.sqlite3").mkdir()
    loader = BankLoader(f"sqlite:///{tmp_path / 'dir.sqlite3'}")
    with qtbot.waitSignal(loader.failed, timeout=30_000) as failed:
        loader.start()
    loader.wait()
    assert failed.args[0].startswith("Chang'e Quiz cannot open the question bank at ")
    assert failed.args[1] is False  # not a server out of reach: nothing else to offer


def test_a_classroom_server_out_of_reach_at_start_offers_this_computers_bank(
    qtbot: QtBot,
) -> None:
    import socket

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from quiz_app.storage.connection import ServerConnection, save_connection
    from quiz_app.ui.bank_loader import BankLoader, ask_own_bank

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    save_connection(ServerConnection("127.0.0.1", "change_quiz", "class_7b", port))
    loader = BankLoader(None)
    with qtbot.waitSignal(loader.failed, timeout=30_000) as failed:
        loader.start()
    loader.wait()
    message, unreachable = failed.args
    assert unreachable is True
    assert message.startswith("The question bank's server cannot be reached")
    assert "127.0.0.1" in message

    window = MainWindow(None)
    qtbot.addWidget(window)
    seen: list[str] = []

    def choose(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.informativeText())
        button = next(b for b in box.buttons() if b.text() == button_text)
        button.click()

    QTimer.singleShot(0, lambda: choose("Use this computer's &own bank"))
    assert ask_own_bank(window, message) is True
    assert "its learners and results stay on this computer" in seen[0]
    QTimer.singleShot(0, lambda: choose("&Quit"))
    assert ask_own_bank(window, message) is False


def test_import_shows_a_preview_then_imports_in_the_background(
    qtbot: QtBot, database: Database, sample_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = answer_preview(monkeypatch, accept=True)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    assert window.navigation.packs.topLevelItemCount() == 0
    with qtbot.waitSignal(window.files.import_finished, timeout=30_000) as done:
        window.files.import_pack(sample_pack)
    [dialog] = seen
    assert dialog.summary.text() == (  # type: ignore[attr-defined]
        "Import sample 1.0.0: 7 added, 0 changed, 0 retired, 0 restored."
    )
    assert "added: far-side-first" in dialog.details.toPlainText()  # type: ignore[attr-defined]
    assert done.args[0] == "Imported sample 1.0.0: 7 added, 0 changed, 0 retired."
    qtbot.waitUntil(lambda: window.navigation.packs.topLevelItemCount() == 1)


def test_cancelling_the_preview_changes_nothing(
    qtbot: QtBot, database: Database, sample_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import snapshot

    answer_preview(monkeypatch, accept=False)
    before = snapshot(database)
    window = MainWindow(database)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.files.import_finished, timeout=30_000) as done:
        window.files.import_pack(sample_pack)
    assert done.args[0] == "Import cancelled: nothing was changed."
    assert snapshot(database) == before


def test_a_broken_pack_lists_every_problem_and_changes_nothing(
    qtbot: QtBot, database: Database, sample_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (sample_pack / "media" / "moon.svg").unlink()
    seen = answer_preview(monkeypatch, accept=True)
    window = MainWindow(database)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.files.import_finished, timeout=30_000):
        window.files.import_pack(sample_pack)
    [dialog] = seen
    assert "cannot be imported: 1 problem(s)" in dialog.summary.text()  # type: ignore[attr-defined]
    assert "missions.toml:19: question 'far-side-first': image 'media/moon.svg'" in (
        dialog.details.toPlainText()  # type: ignore[attr-defined]
    )
    assert window.navigation.packs.topLevelItemCount() == 0


def test_a_learner_without_the_pin_cannot_reach_import(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from quiz_app.services.teacher import set_pin

    set_pin(database, "2468")
    typed = iter(["1111", "2468"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (next(typed), True))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    opened: list[bool] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (opened.append(True), ("", ""))[1]
    )
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.files.ask_import()  # wrong PIN
    assert warned == ["That is not the teacher PIN."]
    assert opened == []
    window.files.ask_import()  # right PIN: the file dialog opens
    assert opened == [True]
    window.files.ask_import()  # unlocked for the rest of the session: not asked again
    assert opened == [True, True]


def test_the_first_import_sets_the_pin(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from quiz_app.services.teacher import check_pin, has_pin

    typed = iter(["8642", "8642"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (next(typed), True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: ("", ""))
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.files.ask_import()
    assert has_pin(database)
    check_pin(database, "8642")


def test_class_results_need_the_pin_and_show_every_learner(
    qtbot: QtBot,
    database: Database,
    sample_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from quiz_app.services.teacher import set_pin
    from tests.services.test_results import _class

    _class(database, sample_pack)
    set_pin(database, "2468")
    typed = iter(["0000", "2468"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (next(typed), True))
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a: None)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.teacher.show_class_results()  # wrong PIN: no results
    assert window.navigation.class_results_screen is None
    window.teacher.show_class_results()
    screen = window.navigation.class_results_screen
    assert screen is not None
    assert window.navigation.stack.currentWidget() is screen
    # counted on the bank's worker, off the GUI thread, then shown
    qtbot.waitUntil(lambda: screen.results is not None)  # type: ignore[attr-defined]
    assert screen.counting.isHidden()  # type: ignore[attr-defined]
    learners = screen.learners  # type: ignore[attr-defined]
    assert [learners.item(r, 0).text() for r in range(learners.rowCount())] == ["Ada", "Bob", "Cy"]
    assert [learners.item(r, 3).text() for r in range(3)] == ["100 %", "57 %", "14 %"]
    assert screen.questions.rowCount() == 7  # type: ignore[attr-defined]
    target = tmp_path / "by-question.csv"
    window.reports.export_results("question", target)  # counted again, on the worker
    qtbot.waitUntil(target.exists)
    assert target.read_text(encoding="utf-8").startswith("pack,question,attempts,facility_index")


def test_a_pin_too_short_is_refused_with_a_message_and_nothing_unlocks(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from quiz_app.services.teacher import has_pin

    typed = iter(["12", "12"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (next(typed), True))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **_k: asked.append(a))
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.files.ask_import()
    assert warned == ["A teacher PIN is 4 to 12 digits."]
    assert not window.gate.unlocked
    assert not has_pin(database)
    assert asked == []  # no file dialog without the PIN
