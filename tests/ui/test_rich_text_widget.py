"""Pack text on screen: formatted, read by a screen reader as its plain words, images
only from the pack, and a picked choice's own feedback (issue 12)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAccessible, QFont, QTextDocument
from pytestqt.qtbot import QtBot

from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import quiz_questions, start_quiz
from quiz_app.storage import Database
from quiz_app.ui.announce import announcer
from quiz_app.ui.screens.quiz import QuizScreen
from quiz_app.ui.widgets.answers import SingleChoiceWidget
from quiz_app.ui.widgets.rich_text import RichText
from tests.conftest import NOW, SAMPLE_PACK
from tests.ui.test_quiz_screen import _press_enter

MOON = (SAMPLE_PACK / "media" / "moon.svg").read_bytes()


def _shown(qtbot: QtBot, text: str, media: dict[str, bytes] | None = None) -> RichText:
    label = RichText(None, "explanation")
    qtbot.addWidget(label)
    label.set_markdown(text, None if media is None else media.get)
    label.resize(400, 200)
    label.show()
    return label


def _bold_words(document: QTextDocument) -> list[str]:
    words = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                words.append(fragment.text())
            it += 1
        block = block.next()
    return words


def test_markdown_is_shown_formatted_and_read_as_plain_words(qtbot: QtBot) -> None:
    label = _shown(qtbot, "Water is **H~2~O**; the area is 38 million km^2^.")
    assert label.text() == "Water is H₂O; the area is 38 million km².", label.text()
    assert _bold_words(label._document) == ["H", "2", "O"]
    interface = QAccessible.queryAccessibleInterface(label)
    assert interface is not None
    assert interface.role() == QAccessible.Role.StaticText
    assert interface.text(QAccessible.Text.Name) == label.text()
    assert "**" not in label._document.toPlainText()


def test_a_new_text_replaces_the_old_and_wraps(qtbot: QtBot) -> None:
    label = _shown(qtbot, "one")
    label.set_markdown("- first\n- second")
    assert label.text() == "• first\n• second"
    wide, narrow = label.heightForWidth(600), label.heightForWidth(40)
    assert narrow > wide > 0
    label.set_markdown("")
    assert label.text() == ""


def test_images_load_from_the_pack_and_nowhere_else(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "secret.png").write_bytes(MOON)  # a file beside the working directory
    monkeypatch.chdir(tmp_path)
    assert os.path.exists("secret.png")
    label = _shown(qtbot, "![The Moon](media/moon.svg) ![x](secret.png)", {"media/moon.svg": MOON})
    document = label._document
    kind = QTextDocument.ResourceType.ImageResource.value
    moon = document.loadResource(kind, QUrl("media/moon.svg"))
    assert not moon.isNull()  # type: ignore[attr-defined]
    assert moon.width() <= 400  # type: ignore[attr-defined]
    secret = document.loadResource(kind, QUrl("secret.png"))
    assert secret.isNull()  # type: ignore[attr-defined]  # not in the pack: an empty image
    assert document.loadResource(kind, QUrl("file://" + str(tmp_path / "secret.png"))).isNull()  # type: ignore[attr-defined]
    assert label.text() == "The Moon x"


@pytest.fixture
def formatted_pack(sample_pack: Path) -> Path:
    """The sample pack with a bold word in a prompt and feedback on two choices."""
    target = sample_pack / "missions.toml"
    text = target.read_text(encoding="utf-8")
    text = (
        text.replace("made the first soft landing", "made the **first** soft landing", 1)
        .replace(
            '{ id = "a", text = { en = "Chang\'e-3", zh = "嫦娥三号" } },',
            '{ id = "a", text = { en = "Chang\'e-3", zh = "嫦娥三号" }, feedback = '
            '{ en = "Chang\'e-3 landed on the _near_ side.", zh = "嫦娥三号在正面着陆。" } },',
        )
        .replace(
            '{ id = "b", text = { en = "Chang\'e-4", zh = "嫦娥四号" } },',
            '{ id = "b", text = { en = "Chang\'e-4", zh = "嫦娥四号" }, feedback = '
            '{ en = "Yes: Von Kármán crater, 2019.", zh = "对：冯·卡门撞击坑，2019年。" } },',
        )
    )
    target.write_text(text, encoding="utf-8")
    return sample_pack


def _single_choice_screen(qtbot: QtBot, database: Database, pack: Path) -> QuizScreen:
    import_pack(database, pack, now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    settings = QuizSettings(count=1, types=frozenset({QuestionType.SINGLE}))
    quiz = start_quiz(database, ada.id, settings, seed=1, now=NOW).value
    screen = QuizScreen(database, quiz, quiz_questions(database, quiz), "en")
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_a_prompt_in_markdown_shows_bold_and_names_the_answer_in_plain_words(
    qtbot: QtBot, database: Database, formatted_pack: Path
) -> None:
    screen = _single_choice_screen(qtbot, database, formatted_pack)
    question = "Which mission made the first soft landing on the Moon's far side?"
    assert screen.prompt.text() == question
    assert _bold_words(screen.prompt._document) == ["first"]
    assert screen._answer is not None
    assert screen._answer.accessibleName() == question


@pytest.mark.parametrize(
    ("picked", "own"),
    [("a", "Chang'e-3 landed on the near side."), ("b", "Yes: Von Kármán crater, 2019.")],
)
def test_the_picked_choice_shows_its_own_feedback_and_it_is_announced(
    qtbot: QtBot, database: Database, formatted_pack: Path, picked: str, own: str
) -> None:
    heard: list[str] = []
    announcer().announced.connect(heard.append)
    try:
        screen = _single_choice_screen(qtbot, database, formatted_pack)
        widget = screen._answer
        assert isinstance(widget, SingleChoiceWidget)
        order = widget.display_order()
        qtbot.keyClick(widget, str(order.index(picked) + 1))
        _press_enter(qtbot, screen)
    finally:
        announcer().announced.disconnect(heard.append)
    shown = {
        choice_id: button.feedback.text()
        for choice_id, button in zip(order, widget.buttons, strict=True)
        if button.feedback.isVisibleTo(widget)
    }
    assert shown == {picked: own}  # only the picked choice's, never another's
    button = widget.buttons[order.index(picked)]
    assert own in button.accessibleDescription()
    assert len(heard) == 1
    assert own in heard[0]
    assert heard[0].startswith("✓ Right!" if picked == "b" else "✗ Not quite.")
