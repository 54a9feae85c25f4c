"""The quiz screen shows each question's choices in the order stored with the quiz."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from quiz_app.core.ids import LearnerId
from quiz_app.core.questions import QuestionType, SingleChoice
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import quiz_questions, start_quiz, unfinished_quiz
from quiz_app.storage import Database, open_database
from quiz_app.ui.screens.quiz import QuizScreen
from quiz_app.ui.widgets.answers import SingleChoiceWidget
from tests.conftest import NOW

ONLY_SINGLE = QuizSettings(count=1, types=frozenset({QuestionType.SINGLE}))


def _shown(qtbot: QtBot, bank: Database, learner: LearnerId) -> list[str]:
    """The buttons of the quiz the learner is offered to resume, as the screen shows them."""
    quiz = unfinished_quiz(bank, learner)
    assert quiz is not None
    screen = QuizScreen(bank, quiz, quiz_questions(bank, quiz), "en")
    qtbot.addWidget(screen)
    widget = screen._answer
    assert isinstance(widget, SingleChoiceWidget)
    return [b.text() for b in widget.buttons]


def test_the_screen_shows_the_stored_order_and_a_resume_shows_it_again(
    qtbot: QtBot, database: Database, sample_pack: Path, db_url: str
) -> None:
    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value.id
    # a seed whose order is not the written one (a, b, c)
    quiz = next(
        q
        for q in (start_quiz(database, ada, ONLY_SINGLE, seed=s, now=NOW).value for s in range(50))
        if next(iter(q.orders.values()))[0] != "a"
    )
    [question] = quiz_questions(database, quiz)
    body = question.question.body
    assert isinstance(body, SingleChoice)
    texts = {c.id: c.text.get("en") for c in body.choices}
    order = quiz.orders[question.id]
    expected = [f"{letter}   {texts[c]}" for letter, c in zip("ABC", order, strict=True)]
    assert _shown(qtbot, database, ada) == expected
    database.close()
    again = open_database(db_url)  # the app started again
    try:
        assert _shown(qtbot, again, ada) == expected
    finally:
        again.close()
