"""What a screen reader is told as the screen changes (issue 18): the verdict with the
right answer, the score, time's up, a minute left; and names that say what each answer
control asks. Announcements are checked through ``announcer().announced``, the same
call that raises Qt's accessibility announcement event."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import quiz_questions, start_quiz
from quiz_app.storage import Database
from quiz_app.ui.announce import announcer
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.screens.quiz import QuizScreen
from quiz_app.ui.widgets.answers import MatchingWidget
from tests.conftest import NOW
from tests.ui.test_quiz_keyboard import _focus_in_answer
from tests.ui.test_quiz_screen import _press_enter, _type_right_answer, wait_for_quiz


@pytest.fixture
def heard(qapp: object) -> Iterator[list[str]]:
    messages: list[str] = []
    announcer().announced.connect(messages.append)
    yield messages
    announcer().announced.disconnect(messages.append)


def _screen(
    qtbot: QtBot, database: Database, settings: QuizSettings, language: str = "en"
) -> QuizScreen:
    ada = create_learner(database, f"Ada {settings.mode.value}", now=NOW).value
    quiz = start_quiz(database, ada.id, settings, seed=1, now=NOW).value
    screen = QuizScreen(database, quiz, quiz_questions(database, quiz), language)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_a_wrong_answer_is_announced_with_the_right_one(
    qtbot: QtBot, database: Database, sample_pack: Path, heard: list[str]
) -> None:
    import_pack(database, sample_pack, now=NOW)
    settings = QuizSettings(count=1, types=frozenset({QuestionType.SINGLE}))
    screen = _screen(qtbot, database, settings)
    assert screen._answer is not None
    order = screen._answer.display_order()  # a b c; the right one is b (Chang'e-4)
    qtbot.keyClick(screen._answer, str(order.index("a") + 1))
    _press_enter(qtbot, screen)
    assert heard == ["✗ Not quite. The right answer: Chang'e-4"]


def test_the_same_verdict_twice_is_announced_twice(
    qtbot: QtBot, database: Database, sample_pack: Path, heard: list[str]
) -> None:
    """A renamed label says nothing when its words do not change: an announcement does."""
    from tests.ui.test_quiz_screen import _type_right_answer

    import_pack(database, sample_pack, now=NOW)
    kinds = frozenset({QuestionType.SINGLE, QuestionType.TRUE_FALSE})
    screen = _screen(qtbot, database, QuizSettings(count=2, types=kinds))
    for _ in range(2):
        _type_right_answer(qtbot, screen)
        _press_enter(qtbot, screen)  # the verdict
        if len(heard) < 2:
            _press_enter(qtbot, screen)  # on to the next question
    assert heard == ["✓ Right!", "✓ Right!"]


def test_the_score_and_times_up_are_announced(
    qtbot: QtBot, window: MainWindow, database: Database, heard: list[str]
) -> None:
    learner = window.home.current_learner()
    assert learner is not None
    settings = QuizSettings(QuizMode.EXAM, count=2, time_limit_s=1)
    window.navigation.show_quiz(start_quiz(database, learner, settings, seed=3, now=NOW).value)
    qtbot.waitUntil(lambda: len(heard) >= 1, timeout=5000)
    assert heard == [
        "Time's up. The 2 questions not answered count as wrong. Score: 0 % 0 of 2 answered"
        " · time 0:00"
    ]
    results = window.navigation.results_screen
    assert results is not None
    qtbot.waitUntil(lambda: results.home.hasFocus())
    qtbot.keyClick(results.home, Qt.Key.Key_Escape)  # Esc leaves the results
    assert window.navigation.stack.currentWidget() is window.home


def test_in_an_exam_each_answer_is_said_saved_and_focus_goes_to_the_next(
    qtbot: QtBot, window: MainWindow, heard: list[str]
) -> None:
    """No feedback in an exam: the focus lands in the next question's answer at once, and
    the learner hears that the answer is in and where they are; after the last answer,
    the score (not "saved")."""
    learner = window.home.current_learner()
    assert learner is not None
    settings = QuizSettings(QuizMode.EXAM, count=2, time_limit_s=600)
    window.navigation.begin_quiz(learner, settings)  # past the rules
    screen = wait_for_quiz(qtbot, window)
    qtbot.waitUntil(lambda: _focus_in_answer(screen))
    first = screen._answer
    _type_right_answer(qtbot, screen)
    heard.clear()  # (an ordering question's moves are announced too)
    _press_enter(qtbot, screen)
    assert heard == ["Answer saved. Question 2 of 2"]
    assert screen._answer is not first
    qtbot.waitUntil(lambda: _focus_in_answer(screen))
    _type_right_answer(qtbot, screen)
    heard.clear()
    _press_enter(qtbot, screen)
    qtbot.waitUntil(lambda: len(heard) == 1)
    assert heard[0].startswith("Score: 100 %")


def test_the_last_minute_of_an_exam_is_announced_once(
    qtbot: QtBot,
    database: Database,
    sample_pack: Path,
    heard: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_pack(database, sample_pack, now=NOW)
    screen = _screen(qtbot, database, QuizSettings(QuizMode.EXAM, count=2, time_limit_s=600))
    left = iter([61_000, 60_000, 59_000, 58_000])
    monkeypatch.setattr(screen, "remaining_ms", lambda: next(left))
    for _ in range(4):
        screen._tick()
    assert heard == ["One minute left."]
    assert screen.timer_label.accessibleName() == "Time left 0:58"


def test_answer_controls_are_named_by_their_question(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    settings = QuizSettings(count=1, types=frozenset({QuestionType.NUMERIC}))
    screen = _screen(qtbot, database, settings, "zh")
    assert screen._answer is not None
    edit = screen._answer.focusProxy()
    assert edit is not None
    assert edit.accessibleName() == "嫦娥五号带回了多少克月球样品？"  # the question, not "克"
    assert "克" in edit.accessibleDescription()  # the unit is part of how to answer


def test_each_matching_box_is_named_by_its_item_and_tells_the_question(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    """Each box is named by the item beside it (what a screen reader says on reaching
    it), its description says the question and how to answer."""
    import_pack(database, sample_pack, now=NOW)
    settings = QuizSettings(count=1, types=frozenset({QuestionType.MATCHING}))
    screen = _screen(qtbot, database, settings)
    widget = screen._answer
    assert isinstance(widget, MatchingWidget)
    question = screen.prompt.text()
    combos = list(widget.combos.values())
    body = screen._current.question.body  # type: ignore[union-attr]
    items = {pair.id: pair.left.get("en") for pair in body.pairs}  # type: ignore[union-attr]
    for pair_id, combo in widget.combos.items():
        item = items[pair_id]
        assert combo.accessibleName() == f"{item}: pick its partner"
        assert combo.accessibleDescription() == (
            f"{question} — Pick its partner from the list: A to {'ABCDEFGH'[len(combos) - 1]}"
        )
        assert combo.currentText() == ""  # nothing picked: no "—" read as its name


def test_study_menu_home_leaves_a_quiz_for_later(qtbot: QtBot, window: MainWindow) -> None:
    learner = window.home.current_learner()
    assert learner is not None
    window.navigation.start_quiz(learner, QuizSettings(count=2))
    screen = wait_for_quiz(qtbot, window)
    study = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Study")
    home = next(a for a in study.actions() if a.text() == "&Home")
    assert home.shortcut().toString() == "Alt+Home"
    home.trigger()
    assert window.navigation.stack.currentWidget() is window.home
    assert not screen.quiz.finished


def test_moving_an_item_in_order_is_announced(
    qtbot: QtBot, database: Database, sample_pack: Path, heard: list[str]
) -> None:
    from quiz_app.ui.widgets.answers import OrderingWidget

    import_pack(database, sample_pack, now=NOW)
    settings = QuizSettings(count=1, types=frozenset({QuestionType.ORDERING}))
    screen = _screen(qtbot, database, settings)
    widget = screen._answer
    assert isinstance(widget, OrderingWidget)
    widget.list.setCurrentRow(0)
    first = widget.list.item(0).text()
    qtbot.keyClick(widget.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(widget.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert heard == [f"{first}: now 2 of 4", f"{first}: now 3 of 4"]
    assert widget.list.accessibleName() == screen._current.question.prompt.get("en")  # type: ignore[union-attr]


def test_a_learners_colour_is_picked_from_radio_buttons(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QRadioButton

    from quiz_app.ui.learner_dialog import NewLearnerDialog

    dialog = NewLearnerDialog("en")
    qtbot.addWidget(dialog)
    swatches = dialog.findChildren(QRadioButton)
    assert len(swatches) >= 4
    assert all(s.accessibleName() for s in swatches)
    assert sum(s.isChecked() for s in swatches) == 1
