"""Keyboard first: the answer control has focus at every question start, after a resume
and after Flag, so number keys, letters, T/F and Enter work without a Tab; Tab follows
the screen and leaves tables."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import QuizSettings
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.screens.quiz import QuizScreen
from tests.ui.test_quiz_screen import _press_enter, wait_for_quiz


def _start(qtbot: QtBot, window: MainWindow, *types: QuestionType) -> QuizScreen:
    learner = window.home.current_learner()
    settings = QuizSettings(count=3, types=frozenset(types))
    window.navigation.start_quiz(learner, settings)
    return wait_for_quiz(qtbot, window)


def _focus_in_answer(screen: QuizScreen) -> bool:
    focused = QApplication.focusWidget()
    answer = screen._answer
    return (
        answer is not None
        and focused is not None
        and (focused is answer or answer.isAncestorOf(focused))
    )


def test_first_question_takes_number_keys_at_once(qtbot: QtBot, window: MainWindow) -> None:
    screen = _start(qtbot, window, QuestionType.SINGLE)
    qtbot.waitUntil(lambda: _focus_in_answer(screen))
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, "2")
    assert screen._answer is not None
    assert screen._answer.response() == screen._answer.display_order()[1]


def test_true_false_takes_t_and_enter_at_once(qtbot: QtBot, window: MainWindow) -> None:
    screen = _start(qtbot, window, QuestionType.TRUE_FALSE)
    qtbot.waitUntil(lambda: _focus_in_answer(screen))
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, "t")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.run.feedback is not None and not screen.saving)
    assert len(screen.quiz.answers) == 1
    assert not screen.skip_button.isEnabled()  # answered: nothing left to skip
    # after the feedback, Enter (on Next, which has focus) goes on
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.submit)


def test_focus_returns_to_the_answer_after_flag(qtbot: QtBot, window: MainWindow) -> None:
    screen = _start(qtbot, window, QuestionType.NUMERIC)
    qtbot.waitUntil(lambda: _focus_in_answer(screen))
    assert screen.flag_button.text() == "Fla&g"
    qtbot.mouseClick(screen.flag_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.saving)
    assert screen.flag_button.isChecked()
    assert screen.flag_button.text() == "⚑ Fla&gged"  # a word, not only a pressed look
    qtbot.waitUntil(lambda: _focus_in_answer(screen))
    qtbot.keyClicks(QApplication.focusWidget(), "42")
    assert screen._answer is not None
    assert screen._answer.response() == 42


CHOICES = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE)
"""Three questions of the sample pack that all take "1"."""


def test_focus_on_the_answer_after_a_resume(qtbot: QtBot, window: MainWindow) -> None:
    screen = _start(qtbot, window, *CHOICES)
    qtbot.waitUntil(lambda: _focus_in_answer(screen))
    qtbot.keyClick(QApplication.focusWidget(), "1")
    _press_enter(qtbot, screen)
    _press_enter(qtbot, screen)  # past the feedback, to the second question
    screen.leave()  # keep it for later
    qtbot.waitUntil(lambda: window.navigation.stack.currentWidget() is window.home)
    qtbot.waitUntil(lambda: window.home.next_button.text() == "&Continue the quiz")
    qtbot.mouseClick(window.home.next_button, Qt.MouseButton.LeftButton)
    resumed = wait_for_quiz(qtbot, window)
    qtbot.waitUntil(lambda: _focus_in_answer(resumed))
    assert len(resumed.quiz.answers) == 1


def _tabbing(qtbot: QtBot, start: QWidget, stop: QWidget) -> list[QWidget]:
    """The widgets real Tab presses visit from ``start`` until ``stop``."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited = [start]
    while visited[-1] is not stop and len(visited) < 20:
        qtbot.keyClick(visited[-1], Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused)
    return visited


@pytest.mark.parametrize("kind", [QuestionType.SINGLE, QuestionType.MULTIPLE])
def test_tab_follows_the_screen(qtbot: QtBot, window: MainWindow, kind: QuestionType) -> None:
    """Top bar, the answer, then Skip, Flag, Submit: the choices are one stop, as a
    group of radio buttons is (the arrows move between them)."""
    screen = _start(qtbot, window, kind)
    answer = screen._answer
    assert answer is not None
    visited = _tabbing(qtbot, screen.leave_button, screen.submit)
    inside = [w for w in visited if answer.isAncestorOf(w)]
    assert visited == [
        screen.leave_button,
        *inside,
        screen.skip_button,
        screen.flag_button,
        screen.submit,
    ]
    assert len(inside) == 1


def test_arrows_move_between_single_choices(qtbot: QtBot, window: MainWindow) -> None:
    screen = _start(qtbot, window, QuestionType.SINGLE)
    qtbot.waitUntil(lambda: _focus_in_answer(screen))
    buttons = screen._answer.buttons  # type: ignore[union-attr]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert QApplication.focusWidget() is buttons[1]
    assert buttons[1].isChecked()  # as radio buttons do, the arrows pick
    qtbot.keyClick(buttons[1], Qt.Key.Key_Up)
    qtbot.keyClick(buttons[0], Qt.Key.Key_Up)  # round to the last
    assert QApplication.focusWidget() is buttons[-1]


def test_tab_leaves_the_results_table(qtbot: QtBot, window: MainWindow) -> None:
    screen = _start(qtbot, window, QuestionType.TRUE_FALSE)
    screen._finish()
    qtbot.waitUntil(lambda: window.navigation.results_screen is not None)
    results = window.navigation.results_screen
    assert results is not None
    results.table.setFocus()
    qtbot.keyClick(results.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not results.table


def test_resumed_feedback_has_next_in_focus(qtbot: QtBot, window: MainWindow) -> None:
    screen = _start(qtbot, window, *CHOICES)
    qtbot.waitUntil(lambda: _focus_in_answer(screen))
    qtbot.keyClick(QApplication.focusWidget(), "1")
    _press_enter(qtbot, screen)
    screen.leave()
    qtbot.waitUntil(lambda: window.home.next_button.text() == "&Continue the quiz")
    qtbot.mouseClick(window.home.next_button, Qt.MouseButton.LeftButton)
    resumed = wait_for_quiz(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is resumed.submit)
    qtbot.keyClick(resumed.submit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _focus_in_answer(resumed))


def test_after_an_answer_focus_goes_straight_to_next(qtbot: QtBot, window: MainWindow) -> None:
    """Not by way of Skip and Flag, which a screen reader would read out on the way."""
    screen = _start(qtbot, window, QuestionType.MATCHING)
    qtbot.waitUntil(lambda: _focus_in_answer(screen))
    visited: list[object] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(lambda _old, new: visited.append(new))
    for combo in screen._answer.combos.values():  # type: ignore[union-attr]
        combo.setCurrentIndex(1)
    _press_enter(qtbot, screen)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.submit)
    assert screen.skip_button not in visited
    assert screen.flag_button not in visited
