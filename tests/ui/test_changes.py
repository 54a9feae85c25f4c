"""Screens redraw from what operations changed: once, only what they show, when seen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from quiz_app.core.changes import Changes
from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.core.settings import AppSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer
from quiz_app.storage import Database
from quiz_app.ui.context import AppContext, ChangeTracker
from quiz_app.ui.main_window import MainWindow
from tests.conftest import NOW
from tests.ui.test_quiz_screen import _press_enter, _type_right_answer, wait_for_quiz


def _tracked(qtbot: QtBot, watches: Changes) -> tuple[AppContext, QWidget, list[Changes]]:
    context = AppContext(None, "en")
    widget = QWidget()
    qtbot.addWidget(widget)
    drawn: list[Changes] = []
    ChangeTracker(widget, context, watches, drawn.append)
    return context, widget, drawn


def test_several_changes_in_a_row_redraw_once(qtbot: QtBot) -> None:
    context, widget, drawn = _tracked(qtbot, Changes.PACKS | Changes.ANSWERS)
    widget.show()
    context.notify(Changes.PACKS)
    context.notify(Changes.ANSWERS | Changes.LEARNERS)
    qtbot.waitUntil(lambda: bool(drawn))
    qtbot.wait(20)
    assert drawn == [Changes.PACKS | Changes.ANSWERS]  # LEARNERS is not shown here


def test_a_change_it_does_not_show_redraws_nothing(qtbot: QtBot) -> None:
    context, widget, drawn = _tracked(qtbot, Changes.PACKS)
    widget.show()
    context.notify(Changes.SETTINGS | Changes.LEARNERS)
    context.notify(Changes.NONE)
    qtbot.wait(20)
    assert drawn == []


def test_a_hidden_screen_redraws_when_it_is_shown_and_not_before(qtbot: QtBot) -> None:
    context, widget, drawn = _tracked(qtbot, Changes.ANSWERS)
    context.notify(Changes.ANSWERS)
    context.notify(Changes.ANSWERS)
    qtbot.wait(20)
    assert drawn == []
    widget.show()
    assert drawn == [Changes.ANSWERS]
    widget.hide()
    widget.show()
    assert drawn == [Changes.ANSWERS]  # nothing new: no second redraw


def _window(qtbot: QtBot, database: Database, sample_pack: Path) -> MainWindow:
    import_pack(database, sample_pack, now=NOW)
    create_learner(database, "Ada", now=NOW)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.learner.count() == 1)
    return window


def test_going_home_after_a_quiz_redraws_home_once_with_the_new_results(
    qtbot: QtBot, database: Database, sample_pack: Path, monkeypatch: object
) -> None:
    window = _window(qtbot, database, sample_pack)
    home = window.home
    redraws: list[Changes] = []
    original = home.redraw
    home.tracker._redraw = lambda changes: (redraws.append(changes), original(changes))
    home.count.setValue(2)
    qtbot.keyClick(home.mode_buttons[QuizMode.PRACTICE], Qt.Key.Key_Space)
    wait_for_quiz(qtbot, window)
    screen = window.navigation.quiz_screen
    assert screen is not None
    for _ in range(2):
        _type_right_answer(qtbot, screen)
        _press_enter(qtbot, screen)
        _press_enter(qtbot, screen)
    results = window.navigation.results_screen
    assert results is not None
    qtbot.wait(20)
    assert redraws == []  # Home is behind the quiz: nothing drawn for it yet
    qtbot.keyClick(results.home, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(redraws))
    qtbot.wait(20)
    assert redraws == [Changes.QUIZZES | Changes.ANSWERS | Changes.SCHEDULES]
    assert home.recent.text().startswith("Recent results: 100 %")


def test_class_results_show_a_merge_made_while_they_are_open(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    window = _window(qtbot, database, sample_pack)
    window.gate.unlocked = True
    window.teacher.show_class_results()
    first = window.navigation.class_results_screen
    assert first is not None
    bob = create_learner(database, "Bob", now=NOW).value
    quiz = start_quiz(database, bob.id, QuizSettings(count=1), seed=1).value
    [question] = quiz_questions(database, quiz)
    submit_answer(database, quiz.id, question.id, right_response(question.question.body), 900)
    finish_quiz(database, quiz.id)
    # as a merge that brought Bob's answers reports it
    window.context.notify(Changes.LEARNERS | Changes.QUIZZES | Changes.ANSWERS)
    qtbot.waitUntil(lambda: window.navigation.class_results_screen is not first)
    screen = window.navigation.class_results_screen
    assert window.navigation.stack.currentWidget() is screen
    qtbot.waitUntil(lambda: screen.results is not None)  # type: ignore[union-attr]
    table = screen.learners  # type: ignore[union-attr]
    names = {table.item(r, 0).text() for r in range(table.rowCount())}
    assert "Bob" in names


def test_a_language_switch_keeps_the_quiz_where_it_was(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    from quiz_app.ui.i18n import set_language

    window = _window(qtbot, database, sample_pack)
    try:
        window.home.count.setValue(3)
        qtbot.keyClick(window.home.mode_buttons[QuizMode.PRACTICE], Qt.Key.Key_Space)
        wait_for_quiz(qtbot, window)
        screen = window.navigation.quiz_screen
        assert screen is not None
        first = screen.run.current
        screen.skip()
        second = screen.run.current
        _type_right_answer(qtbot, screen)
        _press_enter(qtbot, screen)  # answered: its feedback shows
        assert screen.run.feedback == 1.0

        window.choose_language("zh")
        again = window.navigation.quiz_screen
        assert again is not None
        assert again is not screen
        assert again.run.current == second
        assert again.feedback.isVisible()  # the feedback is still there to read
        assert again.submit.text() == "下一题"
        _press_enter(qtbot, again)
        _type_right_answer(qtbot, again)
        _press_enter(qtbot, again)
        _press_enter(qtbot, again)
        assert again.run.current == first  # the skipped question came back last
    finally:
        set_language("en")


def test_view_settings_are_the_same_at_the_next_start(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from quiz_app.services.settings import load_settings
    from quiz_app.ui.style import DARK
    from quiz_app.ui.theme import apply_theme

    window = _window(qtbot, database, sample_pack)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = app.font().pointSizeF()
    try:
        window.view.set_theme("dark")
        window.view.scale_text(1)
        window.view.scale_text(1)
        window.home.count.setValue(7)
        window.home.difficulty[3].setChecked(True)
        window.resize(780, 560)  # within the offscreen screen (800×600)
        window.close()

        saved = load_settings()
        assert (saved.theme, saved.text_size) == ("dark", normal + 2)
        assert (saved.question_count, saved.difficulties) == (7, frozenset({3}))
        assert saved.last_learner is not None

        apply_theme(app, "light")
        font = app.font()
        font.setPointSizeF(normal)
        app.setFont(font)
        again = MainWindow(database)
        qtbot.addWidget(again)
        again.view.apply_saved()
        again.show()
        assert app.font().pointSizeF() == normal + 2
        assert app.palette().window().color().name() == DARK.window
        assert (again.width(), again.height()) == (780, 560)
        assert again.home.count.value() == 7
        assert again.home.difficulty[3].isChecked()
        assert not again.home.difficulty[1].isChecked()
    finally:
        apply_theme(app, "system")
        font = app.font()
        font.setPointSizeF(normal)
        app.setFont(font)


def test_settings_a_screen_does_not_show_are_not_saved_twice(qtbot: QtBot) -> None:
    saved: list[AppSettings] = []
    context = AppContext(None, "en", save_settings=saved.append)
    changes: list[Changes] = []
    context.changed.connect(changes.append)
    context.update_settings(theme="dark")
    context.update_settings(theme="dark")
    assert [s.theme for s in saved] == ["dark"]
    assert changes == [Changes.SETTINGS]
