"""The Study menu holds every way to study that Home's and the results' buttons offer
(issue 18: every action in a menu, where a screen reader lists it), greyed out when it
cannot be done, and in Chinese after a language switch."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.services.quiz import finish_quiz, start_quiz
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from tests.conftest import NOW
from tests.ui.test_quiz_screen import wait_for_quiz


def _study(window: MainWindow) -> QMenu:
    menu = window.menuBar().actions()[2].menu()
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()  # what opening it does: each item's state brought up to date
    return menu


def _item(menu: QMenu, text: str) -> QAction:
    return next(a for a in menu.actions() if a.text() == text)


def test_study_lists_every_way_to_study(window: MainWindow) -> None:
    menu = _study(window)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&Home",
        "&Practice",
        "&Exam",
        "My &mistakes",
        "&Review",
        "Histor&y",
        "Pr&ogress",
        "Retry this quiz's mis&takes",
        "&New questions per day in reviews…",
        "My pass&word…",
    ]
    # as Home's buttons are; nothing to retry off the results
    for mode in QuizMode:
        button = window.home.mode_buttons[mode]
        assert _item(menu, button.text()).isEnabled() == button.isEnabled()
    window.home.mode_buttons[QuizMode.EXAM].setEnabled(False)
    assert not _item(_study(window), "&Exam").isEnabled()
    assert _item(menu, "&Practice").isEnabled()
    assert not _item(menu, "Retry this quiz's mis&takes").isEnabled()


def test_practice_from_the_menu_starts_a_quiz_of_homes_choice(
    qtbot: QtBot, window: MainWindow
) -> None:
    _item(_study(window), "&Practice").trigger()
    screen = wait_for_quiz(qtbot, window)
    assert screen.quiz.settings.mode is QuizMode.PRACTICE
    assert screen.quiz.settings.count == window.home.count.value()


def test_history_from_a_quiz_keeps_the_quiz_and_shows_the_history(
    qtbot: QtBot, window: MainWindow
) -> None:
    _item(_study(window), "&Practice").trigger()
    screen = wait_for_quiz(qtbot, window)
    _item(_study(window), "Histor&y").trigger()
    navigation = window.navigation
    assert navigation.stack.currentWidget() is navigation.history_screen
    assert not screen.quiz.finished  # left for later, as Leave does


def test_retry_from_the_menu_on_the_results(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    learner = window.home.current_learner()
    assert learner is not None
    quiz = start_quiz(database, learner, QuizSettings(count=2), seed=2, now=NOW).value
    # finished with none answered: both questions are mistakes
    window.navigation.show_results(finish_quiz(database, quiz.id, now=NOW).value)
    retry = _item(_study(window), "Retry this quiz's mis&takes")
    assert retry.isEnabled()
    retry.trigger()
    screen = wait_for_quiz(qtbot, window)
    assert screen.quiz.settings.retry_of == quiz.id
    assert not _item(_study(window), "Retry this quiz's mis&takes").isEnabled()  # not here


def test_the_menu_speaks_chinese_after_a_switch(window: MainWindow) -> None:
    window.switch_language("zh")
    try:
        texts = [a.text() for a in _study(window).actions() if not a.isSeparator()]
        assert texts[:3] == ["主页(&H)", "练习(&P)", "考试(&E)"]
        assert all(not any("a" <= c.lower() <= "z" for c in t.split("(&")[0]) for t in texts)
    finally:
        window.switch_language("en")
