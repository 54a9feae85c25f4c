"""The way through a quiz: an exam's rules first, a labelled clock, "time's up", leaving
a quiz for later, peeking at the other language, and a Home that says what is next."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quiz_app.core.changes import Changes
from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import quiz_questions, start_quiz, unfinished_quiz
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.screens.exam_rules import ExamRulesScreen, minutes_text
from quiz_app.ui.screens.quiz import QuizScreen
from tests.conftest import NOW
from tests.ui.test_quiz_screen import wait_for_quiz


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0"), (59, "0:59"), (60, "1"), (61, "1:01"), (600, "10")]
)
def test_the_rules_state_the_time_as_people_say_it(seconds: int, text: str) -> None:
    assert minutes_text(seconds) == text


def test_an_exam_shows_its_rules_before_the_first_question(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    window.home.count.setValue(3)
    qtbot.keyClick(window.home.mode_buttons[QuizMode.EXAM], Qt.Key.Key_Space)
    rules = window.navigation.rules_screen
    assert isinstance(rules, ExamRulesScreen)
    assert window.navigation.stack.currentWidget() is rules
    assert rules.summary.text() == "3 questions · 3 minutes"
    assert "No feedback until the end" in rules.rules.text()
    learner = window.home.current_learner()
    assert learner is not None
    assert unfinished_quiz(database, learner) is None  # nothing is drawn before Start
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rules.start)
    qtbot.keyClick(rules, Qt.Key.Key_Escape)  # Back: no exam
    assert window.navigation.stack.currentWidget() is window.home
    assert unfinished_quiz(database, learner) is None


def test_starting_from_the_rules_twice_makes_one_exam(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    qtbot.keyClick(window.home.mode_buttons[QuizMode.EXAM], Qt.Key.Key_Space)
    rules = window.navigation.rules_screen
    assert isinstance(rules, ExamRulesScreen)
    qtbot.keyClick(rules, Qt.Key.Key_Return)
    qtbot.keyClick(rules, Qt.Key.Key_Return)
    screen = wait_for_quiz(qtbot, window)
    assert screen.quiz.settings.mode is QuizMode.EXAM
    from quiz_app.services.quiz import quiz_history

    learner = window.home.current_learner()
    assert learner is not None
    screen._finish()
    qtbot.waitUntil(lambda: window.navigation.results_screen is not None)
    assert len(quiz_history(database, learner)) == 1


def _exam_screen(qtbot: QtBot, database: Database, limit_s: int) -> QuizScreen:
    ada = create_learner(database, "Bo", now=NOW).value
    settings = QuizSettings(QuizMode.EXAM, count=3, time_limit_s=limit_s)
    quiz = start_quiz(database, ada.id, settings, seed=8, now=NOW).value
    screen = QuizScreen(database, quiz, quiz_questions(database, quiz), "en")
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_the_exam_clock_is_labelled(qtbot: QtBot, database: Database, sample_pack: Path) -> None:
    import_pack(database, sample_pack, now=NOW)
    screen = _exam_screen(qtbot, database, 600)
    assert screen.timer_label.isVisible()
    assert screen.timer_label.text() == "Time left 10:00"
    assert screen.timer_label.property("urgent") == "false"
    screen._show_time(59_000)
    assert screen.timer_label.text() == "Time left 0:59"
    assert screen.timer_label.property("urgent") == "true"
    screen._show_time(60_000)  # the boundary: a minute left is not yet urgent
    assert screen.timer_label.property("urgent") == "false"
    screen._show_time(400)  # part of a second still shows as one
    assert screen.timer_label.text() == "Time left 0:01"


def test_a_practice_quiz_has_no_clock(qtbot: QtBot, database: Database, sample_pack: Path) -> None:
    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Cy", now=NOW).value
    quiz = start_quiz(database, ada.id, QuizSettings(count=2), seed=1, now=NOW).value
    screen = QuizScreen(database, quiz, quiz_questions(database, quiz), "en")
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.timer_label.isVisible()


def test_times_up_is_said_on_the_results(qtbot: QtBot, window: MainWindow) -> None:
    database = window.navigation.database
    learner = window.home.current_learner()
    assert learner is not None
    settings = QuizSettings(QuizMode.EXAM, count=3, time_limit_s=1)
    quiz = start_quiz(database, learner, settings, seed=8, now=NOW).value
    window.navigation.show_quiz(quiz)
    qtbot.waitUntil(lambda: window.navigation.results_screen is not None, timeout=5000)
    results = window.navigation.results_screen
    assert results is not None
    assert results.notice.isVisible()
    assert results.notice.text() == "Time's up. The 3 questions not answered count as wrong."
    scores = [results.table.item(row, 3).text() for row in range(results.table.rowCount())]
    assert scores == ["✗ not answered"] * 3


def test_results_of_a_quiz_finished_in_time_say_nothing_of_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    database = window.navigation.database
    learner = window.home.current_learner()
    assert learner is not None
    quiz = start_quiz(database, learner, QuizSettings(count=1), seed=8, now=NOW).value
    window.navigation.show_quiz(quiz)
    screen = window.navigation.quiz_screen
    assert screen is not None
    screen._finish()
    qtbot.waitUntil(lambda: window.navigation.results_screen is not None)
    assert not window.navigation.results_screen.notice.isVisible()


def test_leave_keeps_the_quiz_for_later(qtbot: QtBot, window: MainWindow) -> None:
    learner = window.home.current_learner()
    assert learner is not None
    window.navigation.start_quiz(learner, QuizSettings(count=2))
    screen = wait_for_quiz(qtbot, window)
    screen.leave()
    assert window.navigation.stack.currentWidget() is window.home
    qtbot.waitUntil(lambda: window.home.next_button.text() == "&Continue the quiz")
    assert window.home.next_text.text() == "You have a practice quiz open: 0 of 2 answered."
    qtbot.keyClick(window.home.next_button, Qt.Key.Key_Space)
    resumed = wait_for_quiz(qtbot, window)
    assert resumed.quiz.id == screen.quiz.id


@pytest.mark.parametrize("language", ["en", "zh"])
def test_f2_peeks_at_the_question_in_the_other_language(
    qtbot: QtBot, database: Database, sample_pack: Path, language: str
) -> None:
    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Di", now=NOW).value
    settings = QuizSettings(count=1, types=frozenset({QuestionType.SINGLE}))
    quiz = start_quiz(database, ada.id, settings, seed=1, now=NOW).value
    screen = QuizScreen(database, quiz, quiz_questions(database, quiz), language)
    qtbot.addWidget(screen)
    screen.show()
    other = {"en": "zh", "zh": "en"}[language]
    assert screen.peek_button.isVisible()
    assert screen.peek_button.text() == {"en": "中文", "zh": "English"}[language]
    assert not screen.peek.isVisible()
    assert screen._answer is not None
    qtbot.keyClick(screen._answer, "2")
    qtbot.keyClick(screen._answer, Qt.Key.Key_F2)
    assert screen.peek.isVisible()
    question = screen._current.question  # type: ignore[union-attr]
    lines = screen.peek.text().split("\n")
    assert lines[0] == question.prompt.get(other)
    shown = screen._answer.display_order()
    choices = {c.id: c.text.get(other) for c in question.body.choices}  # type: ignore[union-attr]
    assert lines[1:] == [f"{'ABC'[i]}   {choices[key]}" for i, key in enumerate(shown)]
    assert screen._answer.response() == shown[1]  # peeking changes nothing of the answer
    qtbot.keyClick(screen._answer, Qt.Key.Key_F2)
    assert not screen.peek.isVisible()


def test_no_peek_for_a_question_in_one_language(qtbot: QtBot, database: Database) -> None:
    """An Aiken file is in one language: there is nothing to peek at."""
    aiken = Path(__file__).parents[1] / "data" / "aiken" / "moodle-example.txt"
    import_pack(database, aiken, now=NOW)
    ada = create_learner(database, "Eve", now=NOW).value
    quiz = start_quiz(database, ada.id, QuizSettings(count=1), seed=1, now=NOW).value
    screen = QuizScreen(database, quiz, quiz_questions(database, quiz), "en")
    qtbot.addWidget(screen)
    screen.show()
    assert screen.other_language() is None
    assert not screen.peek_button.isVisible()
    assert screen._answer is not None
    qtbot.keyClick(screen._answer, Qt.Key.Key_F2)
    assert not screen.peek.isVisible()


def _tick(window: MainWindow, *rows: int) -> None:
    pack = window.home.packs.topLevelItem(0)
    assert pack is not None
    for row in rows:
        topic = pack.child(row)
        assert topic is not None
        topic.setCheckState(0, Qt.CheckState.Checked)


def test_home_says_which_topics_a_quiz_draws_from(qtbot: QtBot, window: MainWindow) -> None:
    home = window.home
    assert home.scope.text() == "No topic ticked: a quiz draws from every topic (7 questions)."
    _tick(window, 0)
    assert home.scope.text() == "A quiz draws from the topic Missions."
    _tick(window, 1)
    assert home.scope.text() == "A quiz draws from 2 topics: Missions; Science."


def test_home_offers_practice_then_review_when_questions_are_due(
    qtbot: QtBot, window: MainWindow
) -> None:
    from datetime import timedelta

    from quiz_app.services.quiz import finish_quiz, submit_answer
    from tests.services.test_quiz import _wrong

    home = window.home
    assert home.next_button.text() == "&Start practising"
    assert home.greeting.text() == "Hello, Ada"
    learner = home.current_learner()
    assert learner is not None
    database = window.navigation.database
    long_ago = NOW - timedelta(days=400)
    quiz = start_quiz(database, learner, QuizSettings(count=2), seed=3, now=long_ago).value
    for question in quiz_questions(database, quiz):
        wrong = _wrong(question.question.body)
        submit_answer(database, quiz.id, question.id, wrong, 1000, now=long_ago)
    finish_quiz(database, quiz.id, now=long_ago)
    window.context.notify(Changes.EVERYTHING)
    qtbot.waitUntil(lambda: home.next_button.text() == "Re&view now")
    assert home.next_text.text() == (
        "2 questions are due for review: a few minutes keeps them fresh."
    )
    qtbot.keyClick(home.next_button, Qt.Key.Key_Space)
    screen = wait_for_quiz(qtbot, window)
    assert screen.quiz.settings.mode is QuizMode.REVIEW


def test_abandon_ends_the_quiz_and_home_no_longer_offers_it(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    learner = window.home.current_learner()
    assert learner is not None
    window.navigation.start_quiz(learner, QuizSettings(count=2))
    screen = wait_for_quiz(qtbot, window)
    screen.abandon()
    qtbot.waitUntil(lambda: window.navigation.stack.currentWidget() is window.home)
    assert screen.quiz.abandoned
    assert unfinished_quiz(database, learner) is None
    qtbot.waitUntil(lambda: window.home.next_button.text() == "&Start practising")


def test_retry_takes_exactly_this_quizs_mistakes(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    from quiz_app.core.grading import right_response
    from quiz_app.services.quiz import finish_quiz, submit_answer
    from tests.services.test_quiz import _wrong

    learner = window.home.current_learner()
    assert learner is not None
    quiz = start_quiz(database, learner, QuizSettings(count=3), seed=2, now=NOW).value
    questions = quiz_questions(database, quiz)
    for i, question in enumerate(questions):
        body = question.question.body
        response = _wrong(body) if i == 1 else right_response(body)
        submit_answer(database, quiz.id, question.id, response, 1000, now=NOW)
    window.navigation.show_results(finish_quiz(database, quiz.id, now=NOW).value)
    results = window.navigation.results_screen
    assert results is not None
    assert results.retry.text() == "&Retry this quiz's mistakes"
    scores = [results.table.item(row, 3).text() for row in range(results.table.rowCount())]
    assert scores == ["✓ 100 %", "✗ 0 %", "✓ 100 %"]
    qtbot.keyClick(results.retry, Qt.Key.Key_Space)
    retry = wait_for_quiz(qtbot, window)
    assert retry.quiz.question_ids == (questions[1].id,)
    assert retry.quiz.settings.retry_of == quiz.id


@pytest.mark.parametrize(
    ("button", "home", "abandoned"),
    [("keep", True, False), ("abandon", True, True), ("stay", False, False)],
)
def test_the_leave_box_keeps_abandons_or_carries_on(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    button: str,
    home: bool,
    abandoned: bool,
) -> None:
    from quiz_app.ui.screens.leave_quiz import LeaveQuizBox

    def press(box: LeaveQuizBox) -> int:
        assert box.text() == (
            "Answers so far: 0, all saved. Keep the quiz to finish later, or abandon it?"
        )
        getattr(box, button).click()
        return 0

    monkeypatch.setattr(LeaveQuizBox, "exec", press)
    learner = window.home.current_learner()
    assert learner is not None
    window.navigation.start_quiz(learner, QuizSettings(count=2))
    screen = wait_for_quiz(qtbot, window)
    qtbot.keyClick(screen.leave_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not screen.saving)
    in_front = window.navigation.stack.currentWidget()
    assert (in_front is window.home) == home
    assert screen.quiz.abandoned == abandoned


def test_home_main_actions_have_icons_drawn_in_the_theme(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QPalette

    from quiz_app.ui.theme import apply_theme

    home = window.home
    for button in [*home.mode_buttons.values(), home.next_button]:
        assert not button.icon().isNull(), button.text()
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def ink() -> set[str]:
        image = home.mode_buttons[QuizMode.PRACTICE].icon().pixmap(24, 24).toImage()
        return {
            image.pixelColor(x, y).name()
            for x in range(24)
            for y in range(24)
            if image.pixelColor(x, y).alpha() == 255
        }

    apply_theme(app, "light")
    light = ink()
    assert app.palette().color(QPalette.ColorRole.ButtonText).name() in light
    apply_theme(app, "dark")
    dark = ink()
    assert app.palette().color(QPalette.ColorRole.ButtonText).name() in dark
    assert light != dark  # drawn again in the new theme's text colour
