from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from quiz_app.services.packs import import_pack
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow


def test_the_window_shows_the_packs_and_their_topics(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tree = window.packs
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
    assert menus == ["&File", "&Help"]
    assert window.packs.topLevelItemCount() == 0


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
