"""Live class results (issue 14): answers finished on another computer (another process
on this bank, or a class computer on the classroom server) appear on the teacher's open
class results without any action, and only while those results are in front."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer
from quiz_app.storage import Database, open_database
from quiz_app.ui.live_results import POLL_S
from quiz_app.ui.main_window import MainWindow
from tests.conftest import NOW


def _names(window: MainWindow) -> set[str]:
    table = window.navigation.class_results_screen.learners  # type: ignore[union-attr]
    return {table.item(r, 0).text() for r in range(table.rowCount()) if table.item(r, 0)}


def _bob_finishes_a_quiz_elsewhere(db_url: str) -> None:
    """Another computer: its own connection, its own writes; this window hears nothing."""
    elsewhere = open_database(db_url)
    try:
        bob = create_learner(elsewhere, "Bob", now=NOW).value
        quiz = start_quiz(elsewhere, bob.id, QuizSettings(count=1), seed=1, now=NOW).value
        [question] = quiz_questions(elsewhere, quiz)
        response = right_response(question.question.body)
        submit_answer(elsewhere, quiz.id, question.id, response, 900, now=NOW)
        finish_quiz(elsewhere, quiz.id, now=NOW)
    finally:
        elsewhere.close()


def test_answers_from_another_computer_appear_on_open_class_results(
    qtbot: QtBot, window: MainWindow, db_url: str
) -> None:
    live = window.teacher.live
    assert live.timer.interval() == POLL_S * 1000 == 5000
    window.gate.unlocked = True
    window.teacher.show_class_results()
    first = window.navigation.class_results_screen
    assert first is not None
    assert "Bob" not in _names(window)
    assert live.timer.isActive()
    qtbot.waitUntil(lambda: not live._looking)  # the first look: what the bank holds now
    qtbot.wait(50)
    assert window.navigation.class_results_screen is first  # nothing new: not rebuilt

    _bob_finishes_a_quiz_elsewhere(db_url)
    live.look()  # (the timer would, within five seconds)
    qtbot.waitUntil(lambda: window.navigation.class_results_screen is not first, timeout=10_000)
    qtbot.waitUntil(lambda: "Bob" in _names(window), timeout=10_000)  # counted, then shown


def test_nothing_is_looked_at_once_the_teacher_went_elsewhere(
    qtbot: QtBot, window: MainWindow, db_url: str
) -> None:
    live = window.teacher.live
    window.gate.unlocked = True
    window.teacher.show_class_results()
    qtbot.waitUntil(lambda: not live._looking)
    window.navigation.go_home()
    live.look()
    assert not live.timer.isActive()
    assert not live._looking
    window.teacher.show_class_results()
    assert live.timer.isActive()
    window.gate.lock()  # teacher mode locked: the class's results are no longer followed
    live.look()
    assert not live.timer.isActive()


def test_the_mark_changes_with_each_thing_added(database: Database, sample_pack: Path) -> None:
    from quiz_app.services.live import results_mark_of
    from quiz_app.services.packs import import_pack

    import_pack(database, sample_pack, now=NOW)
    empty = results_mark_of(database)
    assert empty == (0, 0, 0)
    ada = create_learner(database, "Ada", now=NOW).value
    with_ada = results_mark_of(database)
    assert with_ada == (0, 0, 1)
    quiz = start_quiz(database, ada.id, QuizSettings(count=2), seed=1, now=NOW).value
    first, _ = quiz_questions(database, quiz)
    submit_answer(database, quiz.id, first.id, right_response(first.question.body), 900)
    answered = results_mark_of(database)
    assert answered[0] > 0
    assert answered[1:] == (0, 1)
    finish_quiz(database, quiz.id, now=NOW)
    assert results_mark_of(database) == (answered[0], 1, 1)
