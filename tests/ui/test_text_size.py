"""Ctrl + / Ctrl - / Ctrl 0 change every text at once, in widgets already on screen, keep
the type scale (the question stays larger than its answers), reach 200 % and no further,
and are the same at the next start; switching the theme keeps the size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QFontInfo, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from quiz_app.core.quiz import QuizSettings
from quiz_app.core.settings import AppSettings
from quiz_app.services.quiz import start_quiz
from quiz_app.services.settings import load_settings
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.screens.quiz import QuizScreen
from quiz_app.ui.style import DARK, LIGHT, MAX_TEXT_SCALE
from quiz_app.ui.theme import apply_look, desktop_text_size, text_size
from tests.ui.test_learner_flow import _window
from tests.ui.test_quiz_screen import wait_for_quiz


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _pt(widget: QWidget) -> float:
    """The point size of the widget's font."""
    return widget.font().pointSizeF()


def _drawn(widget: QWidget) -> int:
    """The pixel size its text is drawn at (the point size rounded to whole pixels)."""
    return QFontInfo(widget.font()).pixelSize()


def _press(window: MainWindow, key: QKeySequence | QKeySequence.StandardKey) -> None:
    """The View menu's action for ``key`` (the offscreen platform fires no shortcuts)."""
    wanted = QKeySequence(key)
    actions = [a for a in window.findChildren(QAction) if a.shortcut() == wanted]
    assert len(actions) == 1, f"one action for {wanted.toString()}"
    actions[0].trigger()


BIGGER = QKeySequence.StandardKey.ZoomIn
SMALLER = QKeySequence.StandardKey.ZoomOut
NORMAL = QKeySequence("Ctrl+0")


@pytest.fixture
def window(qtbot: QtBot, database: Database, sample_pack: Path) -> MainWindow:
    window = _window(qtbot, database, sample_pack)
    window.view.apply_saved()  # as at start: the desktop's size, nothing saved yet
    return window


def _quiz(window: MainWindow) -> QuizScreen:
    learner = window.home.current_learner()
    assert learner is not None
    assert window.context.database is not None
    quiz = start_quiz(window.context.database, learner, QuizSettings(count=5), seed=3).value
    window.navigation.show_quiz(quiz)
    return window.navigation.quiz_screen  # type: ignore[return-value]


def _answer_sizes(screen: QuizScreen) -> list[float]:
    assert screen._answer is not None
    return [_pt(w) for w in screen._answer.findChildren(QWidget)] + [_pt(screen._answer)]


def test_bigger_text_reaches_every_widget_already_made(window: MainWindow, qtbot: QtBot) -> None:
    from quiz_app.ui.learner_dialog import NewLearnerDialog

    normal = desktop_text_size()
    home_label = window.home.recent
    dialog = NewLearnerDialog("en")  # a dialog open before the change
    qtbot.addWidget(dialog)
    dialog.show()
    screen = _quiz(window)
    wait_for_quiz(qtbot, window)
    before = (_pt(home_label), _pt(dialog.name), _pt(screen.prompt), _pt(screen.submit))
    assert before == pytest.approx((normal, normal, normal * 1.35, normal), abs=0.01)

    _press(window, BIGGER)
    _press(window, BIGGER)

    bigger = normal + 2
    after = (_pt(home_label), _pt(dialog.name), _pt(screen.prompt), _pt(screen.submit))
    assert after == pytest.approx((bigger, bigger, bigger * 1.35, bigger), abs=0.01)
    assert max(_answer_sizes(screen)) == pytest.approx(bigger, abs=0.01)
    assert load_settings().text_size == bigger

    _press(window, SMALLER)
    assert _pt(home_label) == pytest.approx(normal + 1, abs=0.01)
    _press(window, NORMAL)
    assert _pt(home_label) == pytest.approx(normal, abs=0.01)
    assert _pt(screen.prompt) == pytest.approx(normal * 1.35, abs=0.01)
    assert load_settings().text_size is None  # the desktop's size, whatever it is next time


def test_the_question_stays_larger_than_its_answers_at_every_size(
    window: MainWindow, qtbot: QtBot
) -> None:
    normal = desktop_text_size()
    screen = _quiz(window)
    wait_for_quiz(qtbot, window)
    sizes = []
    for key in [SMALLER] * 4 + [BIGGER] * 20:
        _press(window, key)
        size = text_size(_app())
        sizes.append(size)
        assert _pt(screen.prompt) > max(_answer_sizes(screen)), size
        assert _drawn(screen.prompt) > _drawn(screen._answer), size  # type: ignore[arg-type]
        assert _pt(screen.prompt) == pytest.approx(size * 1.35, abs=0.01)
    assert min(sizes) == 7.0  # the smallest the settings allow
    assert max(sizes) == normal * MAX_TEXT_SCALE  # 200 %, and not beyond
    assert sizes[-1] == sizes[-2] == normal * MAX_TEXT_SCALE

    # At 200 % every kind of question in the quiz still shows whole: the prompt above
    # the answers, each choice tall enough for its line of text.
    for _ in range(len(screen.quiz.question_ids)):
        assert _pt(screen.prompt) > max(_answer_sizes(screen))
        assert screen._answer is not None
        for button in screen._answer.findChildren(QPushButton) + screen._answer.findChildren(
            QCheckBox
        ):
            line = QFontMetrics(button.font()).height()
            assert button.sizeHint().height() >= line + 8, button.text()
        screen.skip()


def test_the_size_and_the_theme_are_the_same_at_the_next_start(
    window: MainWindow, qtbot: QtBot, database: Database
) -> None:
    normal = desktop_text_size()
    _press(window, BIGGER)
    _press(window, BIGGER)
    _press(window, BIGGER)
    window.view.set_theme("dark")
    assert text_size(_app()) == normal + 3  # switching the theme keeps the size
    assert _pt(window.home.recent) == pytest.approx(normal + 3, abs=0.01)
    window.view.set_theme("light")
    assert _pt(window.home.recent) == pytest.approx(normal + 3, abs=0.01)
    window.view.set_theme("dark")
    window.close()

    apply_look(_app(), "light", normal)  # a new process starts plain
    again = MainWindow(database)
    qtbot.addWidget(again)
    again.view.apply_saved()
    again.show()
    assert text_size(_app()) == normal + 3
    assert _pt(again.home.recent) == pytest.approx(normal + 3, abs=0.01)
    assert _app().palette().window().color().name() == DARK.window


def test_a_saved_size_beyond_200_percent_is_shown_at_200(qtbot: QtBot, database: Database) -> None:
    normal = desktop_text_size()
    window = MainWindow(database, settings=AppSettings(theme="light", text_size=32.0))
    qtbot.addWidget(window)
    window.view.apply_saved()
    assert text_size(_app()) == normal * MAX_TEXT_SCALE
    assert _app().palette().window().color().name() == LIGHT.window


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("size", [7.0, 9.0, 18.0])
def test_the_style_sheet_is_valid_in_both_themes_at_any_size(
    qtbot: QtBot, database: Database, theme: str, size: float
) -> None:
    # Qt logs a warning for a sheet it cannot parse; the test fails on any warning.
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    apply_look(_app(), theme, size)  # type: ignore[arg-type]
    qtbot.wait(1)
    assert "$" not in _app().styleSheet()
    assert _pt(window.home.recent) == pytest.approx(size, abs=0.01)


def test_each_role_keeps_its_place_in_the_type_scale(qtbot: QtBot) -> None:
    from quiz_app.ui.crash_dialog import CrashDialog
    from quiz_app.ui.widgets.question_preview import QuestionPreview

    normal = desktop_text_size()
    apply_look(_app(), "light", normal)
    crash = CrashDialog("KeyError: 'x'", "Traceback…", Path("/tmp/log.txt"))
    preview = QuestionPreview(["en"])
    for widget in (crash, preview):
        qtbot.addWidget(widget)
        widget.show()
    assert _pt(crash.heading) == pytest.approx(normal * 1.2, abs=0.01)
    assert crash.heading.font().bold()
    assert _pt(crash.explanation) == pytest.approx(normal, abs=0.01)
    assert _pt(preview.prompt) == pytest.approx(normal * 1.35, abs=0.01)
    apply_look(_app(), "light", 12.0)
    assert _pt(crash.heading) == pytest.approx(12 * 1.2, abs=0.01)
    assert _pt(preview.prompt) == pytest.approx(12 * 1.35, abs=0.01)
