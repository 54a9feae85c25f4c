"""Layouts that fit: at 800×600 every question type of the built-in bank, the longest of
each, fits the window's width (texts wrap, images scale down, nothing scrolls
sideways), before and after its feedback, and the question stays in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from quiz_app.core.bank import StoredQuestion
from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import QuizSettings
from quiz_app.core.quiz_run import QuizRun
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import install_builtin_packs
from quiz_app.services.quiz import quiz_questions, start_quiz
from quiz_app.storage import Database
from quiz_app.ui.answer_text import question_text
from quiz_app.ui.main_window import MINIMUM_SIZE, MainWindow
from tests.conftest import NOW

SMALL = (800, 600)
TYPES = [
    QuestionType.SINGLE,
    QuestionType.MULTIPLE,
    QuestionType.TRUE_FALSE,
    QuestionType.NUMERIC,
    QuestionType.SHORT_TEXT,
    QuestionType.ORDERING,
    QuestionType.MATCHING,
]


def _longest_first(questions: list[StoredQuestion], language: str) -> list[StoredQuestion]:
    return sorted(questions, key=lambda q: -len(question_text(q.question, language)))


def _overflowing(screen: QWidget) -> list[str]:
    """Visible widgets whose right edge lies beyond the screen's, and buttons or
    one-line labels squeezed narrower than their text (which Qt then clips)."""
    width = screen.width()
    found = []
    for widget in screen.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not screen.window():
            continue
        name = f"{type(widget).__name__} {widget.objectName()}"
        right = widget.mapTo(screen, QPoint(widget.width(), 0)).x()
        if right > width:
            found.append(f"{name} ends at {right}")
        one_line = isinstance(widget, QLabel) and not widget.wordWrap() and widget.text()
        if (isinstance(widget, QPushButton) or one_line) and (
            widget.width() < widget.sizeHint().width() - 1
        ):
            found.append(f"{name} squeezed to {widget.width()} < {widget.sizeHint().width()}")
    return found


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("kind", TYPES)
def test_the_longest_question_of_each_type_fits_800_by_600(
    qtbot: QtBot, database: Database, kind: QuestionType, language: str
) -> None:
    _fits(qtbot, database, kind, language, SMALL)


@pytest.mark.parametrize("kind", [QuestionType.SINGLE, QuestionType.MATCHING])
def test_the_smallest_window_still_fits(
    qtbot: QtBot, database: Database, kind: QuestionType
) -> None:
    minimum = MINIMUM_SIZE.width(), MINIMUM_SIZE.height()
    _fits(qtbot, database, kind, "en", minimum)


@pytest.mark.parametrize(
    "kind", [QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.MATCHING]
)
def test_at_twice_the_text_size_nothing_scrolls_sideways(
    qtbot: QtBot, database: Database, kind: QuestionType
) -> None:
    from PySide6.QtWidgets import QApplication

    from quiz_app.ui.theme import desktop_text_size, set_text_size

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    set_text_size(app, 2 * desktop_text_size())
    _fits(qtbot, database, kind, "en", SMALL, prompt_share=0.75)


def test_the_window_cannot_be_made_smaller_than_its_minimum(
    qtbot: QtBot, database: Database
) -> None:
    window = MainWindow(database, "en")
    qtbot.addWidget(window)
    window.show()
    window.resize(300, 200)
    assert window.width() >= MINIMUM_SIZE.width()
    assert window.height() >= MINIMUM_SIZE.height()


def _fits(
    qtbot: QtBot,
    database: Database,
    kind: QuestionType,
    language: str,
    size: tuple[int, int],
    prompt_share: float = 0.5,
) -> None:
    install_builtin_packs(database, now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    quiz = start_quiz(
        database, ada.id, QuizSettings(count=400, types=frozenset({kind})), seed=1, now=NOW
    ).value
    questions = _longest_first(quiz_questions(database, quiz), language)
    window = MainWindow(database, language)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    run = QuizRun([q.id for q in questions])
    window.navigation.show_quiz(quiz, run)
    screen = window.navigation.quiz_screen
    assert screen is not None
    qtbot.waitUntil(lambda: screen.isVisible())
    qtbot.wait(50)  # layouts settle on the next turns of the loop
    assert window.width() == size[0], "the window grew to fit"
    scroll = screen.findChild(QScrollArea)
    assert scroll is not None
    assert not scroll.horizontalScrollBar().isVisible()
    assert _overflowing(screen) == []
    # the question stays in view above the answers
    assert screen.prompt.isVisible()
    assert screen.prompt.geometry().bottom() < size[1] * prompt_share
    # and after its feedback
    assert screen._answer is not None
    assert screen._current is not None
    screen._answer.show_answer()
    screen.feedback.show()
    qtbot.wait(50)
    assert window.width() == size[0]
    assert _overflowing(screen) == []


LONG = "a partner described at great length, " * 6
ZH = "一段很长很长的描述，" * 12
LONG_PACK = f'''
[[questions]]
id = "long-single"
type = "single"
topic = "missions"
difficulty = 1
prompt.en = "Which is right? {LONG}"
prompt.zh = "{ZH}"
choices = [
  {{ id = "a", text = {{ en = "{LONG}one", zh = "{ZH}one" }} }},
  {{ id = "b", text = {{ en = "{LONG}two", zh = "{ZH}two" }} }},
]
answer = "a"

[[questions]]
id = "long-matching"
type = "matching"
topic = "missions"
difficulty = 1
prompt.en = "Match them."
prompt.zh = "{ZH}"

[[questions.pairs]]
id = "x"
left = {{ en = "{LONG}x", zh = "{ZH}x" }}
right = {{ en = "{LONG}X", zh = "{ZH}X" }}

[[questions.pairs]]
id = "y"
left = {{ en = "{LONG}y", zh = "{ZH}y" }}
right = {{ en = "{LONG}Y", zh = "{ZH}Y" }}

[[questions]]
id = "long-ordering"
type = "ordering"
topic = "missions"
difficulty = 1
prompt.en = "Order them."
prompt.zh = "{ZH}"
items = [
  {{ id = "p", text = {{ en = "{LONG}p", zh = "{ZH}p" }} }},
  {{ id = "q", text = {{ en = "{LONG}q", zh = "{ZH}q" }} }},
]
'''


@pytest.mark.parametrize("key", ["long-single", "long-matching", "long-ordering"])
def test_long_texts_wrap_at_800_by_600(
    qtbot: QtBot, database: Database, sample_pack: Path, key: str
) -> None:
    from quiz_app.services.packs import import_pack

    (sample_pack / "long.toml").write_text(LONG_PACK, encoding="utf-8")
    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    quiz = start_quiz(database, ada.id, QuizSettings(count=20), seed=1, now=NOW).value
    questions = quiz_questions(database, quiz)
    first = next(q for q in questions if q.question.key == key)
    window = MainWindow(database, "en")
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.show()
    window.navigation.show_quiz(quiz, QuizRun([first.id, *(q.id for q in questions if q != first)]))
    screen = window.navigation.quiz_screen
    assert screen is not None
    qtbot.waitUntil(lambda: screen.isVisible())
    qtbot.wait(50)
    assert window.width() == SMALL[0]
    assert _overflowing(screen) == []


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_home_fits_800_by_600(
    qtbot: QtBot, database: Database, scale: float, language: str
) -> None:
    from PySide6.QtWidgets import QApplication

    from quiz_app.ui.theme import desktop_text_size, set_text_size

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    set_text_size(app, scale * desktop_text_size())
    install_builtin_packs(database, now=NOW)
    create_learner(database, "Ada Lovelace-Byron", now=NOW)
    window = MainWindow(database, language)
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.show()
    qtbot.waitUntil(lambda: window.home.learner.count() == 1)
    qtbot.wait(50)
    assert window.width() == SMALL[0]
    assert _overflowing(window.home) == []


@pytest.mark.parametrize("size", [SMALL, (1366, 768)])
def test_an_image_takes_its_share_of_the_room_and_no_more(
    qtbot: QtBot, database: Database, sample_pack: Path, size: tuple[int, int]
) -> None:
    """The sample's image (a square) is drawn as large as the answers' room allows
    while leaving them in view: about 40 % of that room's height, at any window size."""
    from quiz_app.services.packs import import_pack
    from quiz_app.ui.screens.quiz import IMAGE_SHARE

    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    settings = QuizSettings(count=1, types=frozenset({QuestionType.SINGLE}))
    quiz = start_quiz(database, ada.id, settings, seed=1, now=NOW).value
    window = MainWindow(database, "en")
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.navigation.show_quiz(quiz)
    screen = window.navigation.quiz_screen
    assert screen is not None
    qtbot.waitUntil(lambda: screen.isVisible())
    qtbot.wait(50)
    room = screen._scroll.viewport().height()
    drawn = screen.image.pixmap().height()
    assert IMAGE_SHARE * room - 2 <= drawn <= IMAGE_SHARE * room + 1


def test_on_a_wide_screen_the_question_is_a_centred_column(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    from quiz_app.services.packs import import_pack
    from quiz_app.ui.screens.quiz import CONTENT_WIDTH

    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    quiz = start_quiz(database, ada.id, QuizSettings(count=2), seed=1, now=NOW).value
    window = MainWindow(database, "en")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.navigation.show_quiz(quiz)
    screen = window.navigation.quiz_screen
    assert screen is not None
    qtbot.waitUntil(lambda: screen.isVisible())
    qtbot.wait(50)
    left = screen.prompt.mapTo(screen, QPoint(0, 0)).x()
    assert screen.prompt.width() <= CONTENT_WIDTH
    assert abs(left - (screen.width() - left - screen.prompt.width())) <= 2  # centred
