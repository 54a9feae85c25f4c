"""A review looks and speaks like a spaced-repetition session: its own head with the
number due and new, and after each answer, when the question comes back; a card's four
ratings say what each would do. Practice says none of this."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.core.review import Rating
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import quiz_questions, start_quiz
from quiz_app.storage import Database
from quiz_app.ui.screens.quiz import QuizScreen
from quiz_app.ui.widgets.card import CardWidget
from tests.conftest import NOW
from tests.services.test_review_cards import _card_pack
from tests.ui.test_quiz_screen import _press_enter, _type_right_answer


def _screen(qtbot: QtBot, database: Database, settings: QuizSettings) -> QuizScreen:
    learner = create_learner(database, "Ada", now=NOW).value
    quiz = start_quiz(database, learner.id, settings, seed=1).value
    screen = QuizScreen(database, quiz, quiz_questions(database, quiz), "en")
    qtbot.addWidget(screen)
    screen.resize(900, 700)
    screen.show()
    return screen


def test_a_review_has_its_own_head_and_says_when_a_question_comes_back(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    settings = QuizSettings(QuizMode.REVIEW, count=3, new_per_day=5)
    screen = _screen(qtbot, database, settings)
    assert screen.property("mode") == "review"
    assert screen.progress_label.text() == "Review: 1 of 3"
    assert screen.review_info.isVisible()
    assert screen.review_info.text() == "0 due · 3 new"  # a new learner has met none
    _type_right_answer(qtbot, screen)
    _press_enter(qtbot, screen)
    assert screen.comes_back.isVisible()
    assert screen.comes_back.text().startswith("↻ Comes back in ")
    assert screen.verdict.text() == "✓ Right!"


def test_practice_says_nothing_of_schedules(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    screen = _screen(qtbot, database, QuizSettings(count=2))
    assert screen.property("mode") == "practice"
    assert not screen.review_info.isVisible()
    assert screen.progress_label.text() == "Question 1 of 2"
    _type_right_answer(qtbot, screen)
    _press_enter(qtbot, screen)
    assert not screen.comes_back.isVisible()


@pytest.mark.parametrize(
    ("key", "rating", "comes"),
    [("1", Rating.AGAIN, "in 1 minute"), ("3", Rating.GOOD, "in 10 minutes")],
)
def test_a_card_shows_what_each_rating_does_then_when_it_comes_back(
    qtbot: QtBot, database: Database, tmp_path: Path, key: str, rating: Rating, comes: str
) -> None:
    import_pack(database, _card_pack(tmp_path / "cards"), now=NOW)
    screen = _screen(qtbot, database, QuizSettings(QuizMode.REVIEW, count=2))
    card = screen._answer
    assert isinstance(card, CardWidget)
    assert not screen.submit.isVisible()  # a card is submitted by its rating
    qtbot.keyClick(card.focusProxy(), Qt.Key.Key_Space)
    labels = [b.text() for b in card.buttons.values()]
    assert labels[0] == "1  Again\nin 1 minute"
    assert labels[2] == "3  Good\nin 10 minutes"
    qtbot.keyClick(card.focusProxy(), key)
    qtbot.waitUntil(lambda: not screen.saving and screen.run.feedback is not None)
    name = {Rating.AGAIN: "Again", Rating.GOOD: "Good"}[rating]
    assert screen.verdict.text() == f"You rated it: {name}"
    assert screen.comes_back.text() == f"↻ Comes back {comes}"
    assert screen.submit.isVisible()
    assert screen.submit.text() == "Next"


def test_the_daily_ration_is_a_setting_home_passes_on(
    qtbot: QtBot, database: Database, sample_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from quiz_app.ui.main_window import MainWindow
    from tests.ui.test_quiz_screen import wait_for_quiz

    import_pack(database, sample_pack, now=NOW)
    create_learner(database, "Ada", now=NOW)
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    window.set_database(database)
    qtbot.waitUntil(lambda: window.home.learner.count() == 1)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (1, True))
    window.view.ask_new_per_day()
    assert window.context.settings.new_per_day == 1
    qtbot.keyClick(window.home.mode_buttons[QuizMode.REVIEW], Qt.Key.Key_Space)
    screen = wait_for_quiz(qtbot, window)
    assert screen.quiz.settings.new_per_day == 1
    assert len(screen.quiz.question_ids) == 1
