"""A self-rated card on screen: Space shows the back, 1-4 rates it and submits it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quiz_app.core.questions import Card
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.core.review import Rating
from quiz_app.core.text import LocalizedText
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import get_pack, import_pack
from quiz_app.services.quiz import quiz_questions, start_quiz
from quiz_app.services.teacher import set_pin
from quiz_app.storage import Database
from quiz_app.storage import schedules as repo
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.screens.quiz import QuizScreen
from quiz_app.ui.widgets.answers import answer_widget
from quiz_app.ui.widgets.card import CardWidget
from tests.conftest import NOW
from tests.services.test_review_cards import _card_pack

BACK = Card(LocalizedText.of({"en": "1,935.3 g of far-side samples", "zh": "1935.3克月背样品"}))


def _card(qtbot: QtBot, language: str = "en") -> CardWidget:
    widget = answer_widget(BACK, language)
    assert isinstance(widget, CardWidget)
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_space_or_enter_shows_the_back_then_a_digit_rates_it(qtbot: QtBot, key: Qt.Key) -> None:
    widget = _card(qtbot)
    assert widget.back.isHidden()
    assert all(b.isHidden() for b in widget.buttons.values())
    qtbot.keyClick(widget, "3")  # no rating before the back is seen
    assert widget.response() is None
    qtbot.keyClick(widget, key)
    assert widget.back.isVisible()
    assert widget.back.text() == "1,935.3 g of far-side samples"
    assert widget.back.heightForWidth(60) > widget.back.heightForWidth(600)  # it wraps
    assert [b.isVisible() for b in widget.buttons.values()] == [True] * 4
    with qtbot.waitSignal(widget.rated) as rated:
        qtbot.keyClick(widget.focusProxy(), "4")
    assert rated.args == [4]
    assert widget.response() is Rating.EASY


def test_the_buttons_name_the_ratings_in_the_learners_language(qtbot: QtBot) -> None:
    widget = _card(qtbot, "zh")
    widget.reveal()
    assert widget.back.text() == "1935.3克月背样品"
    names = [b.accessibleName() for b in widget.buttons.values()]
    assert names == ["忘记了", "困难", "记得", "简单"]
    with qtbot.waitSignal(widget.rated):
        qtbot.mouseClick(widget.buttons[Rating.HARD], Qt.MouseButton.LeftButton)
    assert widget.response() is Rating.HARD


def test_once_shown_as_answered_the_rating_cannot_change(qtbot: QtBot) -> None:
    widget = _card(qtbot)
    widget.reveal()
    widget.rate(Rating.GOOD)
    widget.show_answer()
    qtbot.keyClick(widget, "1")
    qtbot.mouseClick(widget.buttons[Rating.GOOD], Qt.MouseButton.LeftButton)  # no un-tick
    qtbot.mouseClick(widget.buttons[Rating.AGAIN], Qt.MouseButton.LeftButton)
    assert widget.response() is Rating.GOOD
    assert [b.isChecked() for b in widget.buttons.values()] == [False, False, True, False]
    assert widget.isEnabled()  # read-only, not greyed out


def test_show_answer_before_any_rating_shows_the_back(qtbot: QtBot) -> None:
    widget = _card(qtbot)  # as the editor's preview does
    widget.show_answer()
    assert widget.back.isVisible()
    assert widget.response() is None


def test_a_review_of_cards_is_rated_with_the_keyboard_alone(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    import_pack(database, _card_pack(tmp_path / "cards", cards=3), now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    settings = QuizSettings(QuizMode.REVIEW, count=3)
    quiz = start_quiz(database, ada.id, settings, seed=1, now=NOW).value
    screen = QuizScreen(database, quiz, quiz_questions(database, quiz), "en")
    qtbot.addWidget(screen)
    screen.show()
    given = []
    with qtbot.waitSignal(screen.quiz_finished, timeout=10_000) as finished:
        for digit in "143":
            card = screen._answer
            assert isinstance(card, CardWidget)
            qtbot.keyClick(card.focusProxy(), Qt.Key.Key_Space)
            given.append(screen._current.id)  # type: ignore[union-attr]
            qtbot.keyClick(card.focusProxy(), digit)  # rating it submits it
            qtbot.waitUntil(lambda: not screen.saving, timeout=10_000)
            assert screen.feedback.isVisible()
            qtbot.keyClick(screen.submit, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: not screen.saving, timeout=10_000)
    done = finished.args[0]
    assert [done.answers[q].given for q in given] == [1, 4, 3]
    assert [done.answers[q].score for q in given] == [0.0, 1.0, 1.0]
    with database.reading() as session:
        states = repo.card_states(session, ada.id)
    dues = [states[q].due for q in given]
    assert dues[0] < dues[2] < dues[1]  # Again soonest, Easy latest
    # Good in 10 minutes, Again in 1 (answered on the real clock, moments apart)
    assert timedelta(minutes=8) < dues[2] - dues[0] < timedelta(minutes=10)


@pytest.fixture
def editor_bank(database: Database, sample_pack: Path) -> Database:
    import_pack(database, sample_pack)
    set_pin(database, "2468")
    return database


def test_a_teacher_makes_a_card_in_the_editor(
    qtbot: QtBot, editor_bank: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("2468", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    window = MainWindow(editor_bank)
    qtbot.addWidget(window)
    window.teacher.edit_pack()
    editor = window.navigation.editor_screen
    assert editor is not None
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    form = editor.form
    form.key.setText("ce6-mass-card")
    form.type.setCurrentIndex(form.type.findData("card"))
    form.prompt["en"].setPlainText("How much did Chang'e-6 bring back?")
    form.prompt["zh"].setPlainText("嫦娥六号带回了多少月球样品？")
    form.back["en"].setPlainText("1,935.3 g")
    editor.check_current()
    assert "'back' is in en but the prompt is in en and zh" in editor.problems.text()
    form.back["zh"].setPlainText("1935.3克")
    editor.check_current()
    assert editor.problems.isHidden(), editor.problems.text()
    form.explanation["en"].setPlainText("Returned on 25 June 2024.")
    form.explanation["zh"].setPlainText("于2024年6月25日返回。")
    editor.check_current()
    preview = editor.preview.answer
    assert isinstance(preview, CardWidget)
    # One "Show answer", the card's own: the preview's would read the same beside it.
    assert editor.preview.reveal.isHidden()
    assert editor.preview.explanation.isHidden()
    qtbot.mouseClick(preview.show_button, Qt.MouseButton.LeftButton)
    assert preview.back.text() == "1,935.3 g"
    assert not editor.preview.explanation.isHidden()
    assert editor.preview.explanation.text() == "Returned on 25 June 2024."
    assert form.data()["back"] == {"en": "1,935.3 g", "zh": "1935.3克"}
    form.load(form.data())  # and back into the form, unchanged
    assert form.back["zh"].toPlainText() == "1935.3克"
    with qtbot.waitSignal(window.teacher.pack_saved, timeout=30_000):
        editor.save()
    added = next(q for q in get_pack(editor_bank, "sample").questions if q.key == "ce6-mass-card")
    assert added.body == Card(LocalizedText.of({"en": "1,935.3 g", "zh": "1935.3克"}))


def test_home_asks_a_review_for_the_learners_daily_ration(
    qtbot: QtBot, editor_bank: Database
) -> None:
    from quiz_app.core.settings import AppSettings

    create_learner(editor_bank, "Ada", now=NOW)
    window = MainWindow(editor_bank, settings=AppSettings(new_per_day=3))
    qtbot.addWidget(window)
    window.home.reload_learners()
    with qtbot.waitSignal(window.home.start_requested) as asked:
        qtbot.mouseClick(window.home.mode_buttons[QuizMode.REVIEW], Qt.MouseButton.LeftButton)
    assert asked.args[1].new_per_day == 3


def test_results_name_the_rating_given_and_show_the_back_as_the_answer() -> None:
    from quiz_app.ui.answer_text import given_text, right_text

    yes_no = ("True", "False")
    assert [given_text(BACK, r, "en", yes_no) for r in (1, 2, 3, 4)] == [
        "Again",
        "Hard",
        "Good",
        "Easy",
    ]
    assert given_text(BACK, 1, "zh", yes_no) == "忘记了"
    assert right_text(BACK, "zh", yes_no) == "1935.3克月背样品"
