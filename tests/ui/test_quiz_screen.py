"""A whole quiz driven with the keyboard alone, in each mode, checking what is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from quiz_app.core.errors import QuizError
from quiz_app.core.questions import (
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.quiz import QuizMode, QuizSession, QuizSettings
from quiz_app.core.shuffle import displayed_order
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import quiz_questions, start_quiz, unfinished_quiz
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.screens.quiz import QuizScreen
from quiz_app.ui.widgets.answers import MatchingWidget, OrderingWidget
from tests.conftest import NOW


def _type_right_answer(qtbot: QtBot, screen: QuizScreen) -> None:
    """Answer the current question correctly, by keyboard (or input method for Chinese)."""
    widget = screen._answer
    assert widget is not None
    body = screen._current.question.body  # type: ignore[union-attr]
    # The keys pick what is shown: the order stored with the quiz, not the written one.
    shown = displayed_order(body, screen._quiz.orders.get(screen._current.id, ()))  # type: ignore[union-attr]
    match body:
        case SingleChoice(_, answer):
            qtbot.keyClick(widget, str(shown.index(answer) + 1))
        case MultipleResponse(_, answers):
            for i, choice_id in enumerate(shown):
                if choice_id in answers:
                    qtbot.keyClick(widget, str(i + 1))
        case TrueFalse(answer):
            qtbot.keyClick(widget, "t" if answer else "f")
        case Numeric(answer, _, _):
            qtbot.keyClicks(widget.focusProxy(), f"{answer:g}")
        case ShortText(accept):
            event = QInputMethodEvent()
            event.setCommitString(accept.all_values()[0])
            QApplication.sendEvent(widget.focusProxy(), event)
        case Ordering(items):
            assert isinstance(widget, OrderingWidget)
            for place, item in enumerate(items):
                row = list(widget.response()).index(item.id)  # type: ignore[arg-type]
                widget.list.setCurrentRow(row)
                for _ in range(row - place):
                    qtbot.keyClick(widget.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        case Matching(pairs):
            assert isinstance(widget, MatchingWidget)
            for pair in pairs:
                combo = widget.combos[pair.id]
                while combo.currentData() != pair.id:
                    qtbot.keyClick(combo, Qt.Key.Key_Down)


@pytest.fixture
def bank(database: Database, sample_pack: Path) -> Database:
    import_pack(database, sample_pack, now=NOW)
    return database


def _screen(qtbot: QtBot, bank: Database, quiz: QuizSession, language: str = "en") -> QuizScreen:
    screen = QuizScreen(bank, quiz, quiz_questions(bank, quiz), language)
    qtbot.addWidget(screen)
    screen.resize(800, 700)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def wait_for_quiz(qtbot: QtBot, window: MainWindow) -> QuizScreen:
    """The quiz screen, once the quiz asked for is drawn and recorded (off the GUI
    thread) and its first question shown."""
    navigation = window.navigation
    qtbot.waitUntil(
        lambda: (
            navigation.quiz_screen is not None
            and navigation.stack.currentWidget() is navigation.quiz_screen
        ),
        timeout=10_000,
    )
    assert navigation.quiz_screen is not None
    return navigation.quiz_screen


def start_exam(qtbot: QtBot, window: MainWindow) -> QuizScreen:
    """Home's Exam button, then its rules screen's Start (by keyboard), then the quiz."""
    from quiz_app.core.quiz import QuizMode

    qtbot.keyClick(window.home.mode_buttons[QuizMode.EXAM], Qt.Key.Key_Space)
    rules = window.navigation.rules_screen
    assert rules is not None
    assert window.navigation.stack.currentWidget() is rules
    qtbot.keyClick(rules, Qt.Key.Key_Return)
    return wait_for_quiz(qtbot, window)


def _press_enter(qtbot: QtBot, screen: QuizScreen) -> None:
    """Enter on the control that has focus at this point (offscreen windows never
    become active, so the focus widget is named rather than asked for)."""
    if screen.run.feedback is not None:
        target: QWidget = screen.submit
    else:
        assert screen._answer is not None
        target = screen._answer.focusProxy() or screen._answer
    qtbot.keyClick(target, Qt.Key.Key_Return)
    # the answer is written by the bank's writer, off the GUI thread
    qtbot.waitUntil(lambda: not screen.saving, timeout=10_000)


def test_practice_quiz_of_every_type_by_keyboard(qtbot: QtBot, bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(QuizMode.PRACTICE, count=7), seed=3, now=NOW).value
    screen = _screen(qtbot, bank, quiz)
    seen_types = set()
    with qtbot.waitSignal(screen.quiz_finished, timeout=5000) as finished:
        for _ in range(7):
            seen_types.add(screen._current.question.type)  # type: ignore[union-attr]
            _type_right_answer(qtbot, screen)
            _press_enter(qtbot, screen)
            assert screen.feedback.isVisible()  # practice: feedback after each answer
            assert screen.verdict.text() == "✓ Right!"
            assert screen.explanation.text()
            _press_enter(qtbot, screen)
    assert len(seen_types) == 7
    done: QuizSession = finished.args[0]
    assert done.finished
    assert done.score == 1.0
    assert len(done.answers) == 7
    assert unfinished_quiz(bank, ada.id) is None


def test_exam_shows_no_feedback_until_the_end(qtbot: QtBot, bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(
        bank, ada.id, QuizSettings(QuizMode.EXAM, count=7, time_limit_s=600), seed=4, now=NOW
    ).value
    screen = _screen(qtbot, bank, quiz)
    with qtbot.waitSignal(screen.quiz_finished, timeout=5000) as finished:
        for number in range(7):
            assert screen.progress_label.text() == f"Question {number + 1} of 7"
            _type_right_answer(qtbot, screen)
            _press_enter(qtbot, screen)
            assert not screen.feedback.isVisible()
    assert finished.args[0].score == 1.0


def test_wrong_answer_shows_the_right_one_and_the_explanation(qtbot: QtBot, bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(count=7), seed=5, now=NOW).value
    screen = _screen(qtbot, bank, quiz, "zh")
    while not isinstance(screen._current.question.body, TrueFalse):  # type: ignore[union-attr]
        _type_right_answer(qtbot, screen)
        _press_enter(qtbot, screen)
        _press_enter(qtbot, screen)
    answer = screen._current.question.body.answer  # type: ignore[union-attr]
    qtbot.keyClick(screen._answer, "f" if answer else "t")  # type: ignore[arg-type]
    _press_enter(qtbot, screen)
    assert screen.verdict.text() == "✗ Not quite."
    assert "月球" in screen.explanation.text()
    assert screen._answer.buttons[0 if answer else 1].property("feedback") == "right"  # type: ignore[union-attr]


def test_closing_midway_and_reopening_resumes_at_the_same_question(
    qtbot: QtBot, bank: Database
) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(QuizMode.EXAM, count=5), seed=6, now=NOW).value
    screen = _screen(qtbot, bank, quiz)
    for _ in range(2):
        _type_right_answer(qtbot, screen)
        _press_enter(qtbot, screen)
    third = screen._current.id  # type: ignore[union-attr]
    screen.close()

    resumed = unfinished_quiz(bank, ada.id)
    assert resumed is not None
    assert len(resumed.answers) == 2
    again = _screen(qtbot, bank, resumed)
    assert again._current.id == third  # type: ignore[union-attr]
    assert again.progress_label.text() == "Question 3 of 5"


def test_the_question_image_comes_from_the_bank(qtbot: QtBot, bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(count=7), seed=7, now=NOW).value
    screen = _screen(qtbot, bank, quiz)
    while screen._current.question.image is None:  # type: ignore[union-attr]
        _type_right_answer(qtbot, screen)
        _press_enter(qtbot, screen)
        _press_enter(qtbot, screen)
    assert screen.image.isVisible()
    assert not screen.image.pixmap().isNull()
    assert screen.image.accessibleName() == "A sketch of the Moon"


def test_skip_puts_a_question_after_the_others(qtbot: QtBot, bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(QuizMode.EXAM, count=3), seed=8, now=NOW).value
    screen = _screen(qtbot, bank, quiz)
    first = screen._current.id  # type: ignore[union-attr]
    qtbot.keyClick(screen.skip_button, Qt.Key.Key_Space)
    seen = []
    with qtbot.waitSignal(screen.quiz_finished, timeout=5000):
        for _ in range(3):
            seen.append(screen._current.id)  # type: ignore[union-attr]
            _type_right_answer(qtbot, screen)
            _press_enter(qtbot, screen)
    assert seen == [*quiz.question_ids[1:], first]


def test_esc_pauses_and_hides_the_question(qtbot: QtBot, bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(
        bank, ada.id, QuizSettings(QuizMode.EXAM, count=3, time_limit_s=600), seed=8, now=NOW
    ).value
    screen = _screen(qtbot, bank, quiz)
    before = screen.remaining_ms()
    assert before is not None
    qtbot.keyClick(screen._answer, Qt.Key.Key_Escape)  # type: ignore[arg-type]
    assert screen.paused.isVisible()
    assert not screen._content.isVisible()
    frozen = screen.remaining_ms()
    qtbot.wait(300)
    assert screen.remaining_ms() == frozen  # the clock stops while paused
    qtbot.keyClick(screen.paused, Qt.Key.Key_Return)  # ignored while paused
    assert len(screen.quiz.answers) == 0
    qtbot.keyClick(screen.paused, Qt.Key.Key_Escape)
    assert not screen.paused.isVisible()
    assert screen._content.isVisible()


def test_an_exam_ends_when_its_time_is_up(qtbot: QtBot, bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(
        bank, ada.id, QuizSettings(QuizMode.EXAM, count=3, time_limit_s=1), seed=8, now=NOW
    ).value
    screen = _screen(qtbot, bank, quiz)
    with qtbot.waitSignal(screen.quiz_finished, timeout=5000) as finished:
        pass
    done: QuizSession = finished.args[0]
    assert done.finished
    assert done.score == 0.0  # nothing answered in time


def test_my_mistakes_quiz_of_every_type_by_keyboard(qtbot: QtBot, bank: Database) -> None:
    from quiz_app.services.quiz import finish_quiz, submit_answer
    from tests.services.test_quiz import _wrong

    ada = create_learner(bank, "Ada", now=NOW).value
    first = start_quiz(bank, ada.id, QuizSettings(count=7), seed=2, now=NOW).value
    for question in quiz_questions(bank, first):  # get every question wrong once
        submit_answer(bank, first.id, question.id, _wrong(question.question.body), 10, now=NOW)
    finish_quiz(bank, first.id, now=NOW)

    quiz = start_quiz(bank, ada.id, QuizSettings(QuizMode.MISTAKES, count=7), seed=3, now=NOW).value
    assert set(quiz.question_ids) == set(first.question_ids)
    screen = _screen(qtbot, bank, quiz)
    types = set()
    with qtbot.waitSignal(screen.quiz_finished, timeout=5000) as finished:
        for _ in range(7):
            types.add(screen._current.question.type)  # type: ignore[union-attr]
            _type_right_answer(qtbot, screen)
            _press_enter(qtbot, screen)
            assert screen.verdict.text() == "✓ Right!"  # mistakes mode gives feedback too
            _press_enter(qtbot, screen)
    assert len(types) == 7
    assert finished.args[0].score == 1.0
    with pytest.raises(QuizError, match="No mistakes"):
        start_quiz(bank, ada.id, QuizSettings(QuizMode.MISTAKES), now=NOW)


def test_a_flag_is_kept_through_a_resume_and_shown_in_results(qtbot: QtBot, bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(QuizMode.EXAM, count=3), seed=8, now=NOW).value
    screen = _screen(qtbot, bank, quiz)
    flagged = screen._current.id  # type: ignore[union-attr]
    qtbot.keyClick(screen.flag_button, Qt.Key.Key_Space)
    assert screen.flag_button.isChecked()
    qtbot.waitUntil(lambda: not screen.saving)  # stored by the bank's writer
    screen.close()

    resumed = unfinished_quiz(bank, ada.id)
    assert resumed is not None
    assert resumed.flagged == {flagged}
    again = _screen(qtbot, bank, resumed)
    assert again.flag_button.isChecked()
    with qtbot.waitSignal(again.quiz_finished, timeout=5000) as finished:
        for _ in range(3):
            _type_right_answer(qtbot, again)
            _press_enter(qtbot, again)
    from quiz_app.ui.screens.results import ResultsScreen

    done = finished.args[0]
    results = ResultsScreen(done, quiz_questions(bank, done), "en")
    qtbot.addWidget(results)
    row = list(done.question_ids).index(flagged)
    assert results.table.item(row, 0).text().startswith("⚑ ")  # type: ignore[union-attr]
    others = [r for r in range(3) if r != row]
    assert not any(results.table.item(r, 0).text().startswith("⚑") for r in others)  # type: ignore[union-attr]


def test_a_busy_bank_keeps_the_answer_on_screen_to_submit_again(
    qtbot: QtBot, bank: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz_app.core.errors import StorageError
    from quiz_app.ui.screens import quiz as quiz_module

    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(QuizMode.PRACTICE, count=2), seed=3, now=NOW).value
    screen = _screen(qtbot, bank, quiz, "zh")
    first = screen.run.current
    real_submit = quiz_module.submit_or_keep

    def busy(*_args: object, **_kwargs: object) -> object:
        raise StorageError("The question bank is busy.", zh="题库正忙。")

    warned: list[str] = []
    monkeypatch.setattr(quiz_module, "submit_or_keep", busy)
    monkeypatch.setattr(
        quiz_module.QMessageBox, "warning", lambda _p, _t, text: warned.append(text)
    )
    _type_right_answer(qtbot, screen)
    _press_enter(qtbot, screen)
    assert warned == ["题库正忙。"]  # in the learner's language, not a crash
    assert screen.run.current == first
    assert not screen.feedback.isVisible()
    assert unfinished_quiz(bank, ada.id).answers == {}  # type: ignore[union-attr]

    monkeypatch.setattr(quiz_module, "submit_or_keep", real_submit)
    _press_enter(qtbot, screen)  # the same answer, still on screen, submitted again
    assert screen.feedback.isVisible()
    assert list(unfinished_quiz(bank, ada.id).answers) == [first]  # type: ignore[union-attr]
