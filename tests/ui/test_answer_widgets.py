"""Every question type answered with the keyboard alone, graded as the core grades it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from quiz_app.core.grading import grade
from quiz_app.core.questions import Question, QuestionType
from quiz_app.packs.native import load_pack
from quiz_app.ui.widgets.answers import (
    MatchingWidget,
    NumericWidget,
    OrderingWidget,
    ShortTextWidget,
    answer_widget,
    parse_number,
)

SAMPLE = {
    q.type: q for q in load_pack(Path(__file__).parents[1] / "data" / "sample-pack").questions
}


def _widget(qtbot: QtBot, question: Question, language: str = "en"):  # type: ignore[no-untyped-def]
    widget = answer_widget(question.body, language, random.Random(1))
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def test_single_choice_by_number_and_letter(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.SINGLE]  # answer is the 2nd choice
    widget = _widget(qtbot, question)
    assert widget.response() is None
    qtbot.keyClick(widget, "1")
    assert grade(question.body, widget.response()) == 0.0
    qtbot.keyClick(widget, "b")
    assert grade(question.body, widget.response()) == 1.0
    widget.show_answer()
    assert not widget.isEnabled()
    assert widget.buttons[1].property("feedback") == "right"


def test_multiple_response_toggles_with_keys(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.MULTIPLE]  # right: 2nd and 3rd choices
    widget = _widget(qtbot, question)
    for key in "231":
        qtbot.keyClick(widget, key)
    assert grade(question.body, widget.response()) == pytest.approx(0.5)
    qtbot.keyClick(widget, "1")  # untick the wrong one
    assert grade(question.body, widget.response()) == 1.0
    widget.show_answer()
    assert [b.property("feedback") for b in widget.buttons] == [None, "right", "right", None]


def test_true_false_with_t_and_f(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.TRUE_FALSE]  # answer: false
    widget = _widget(qtbot, question)
    qtbot.keyClick(widget, "t")
    assert widget.response() is True
    qtbot.keyClick(widget, "f")
    assert grade(question.body, widget.response()) == 1.0


def test_numeric_shows_its_unit_and_reads_typed_numbers(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.NUMERIC]
    widget = _widget(qtbot, question, "zh")
    assert isinstance(widget, NumericWidget)
    qtbot.keyClicks(widget.edit, "1,731")
    assert grade(question.body, widget.response()) == 1.0
    assert [label.text() for label in widget.findChildren(QLabel) if label.text()] == ["克"]
    widget.show_answer()
    assert widget.edit.property("feedback") == "right"


def test_numeric_says_why_it_cannot_read_an_answer_until_it_can(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.NUMERIC]
    widget = _widget(qtbot, question, "zh")
    assert isinstance(widget, NumericWidget)
    widget.show()
    qtbot.keyClicks(widget.edit, "abc")
    assert widget.response() is None
    assert widget.problem.isVisible()
    assert widget.problem.text() == "⚠ “abc”不是数字。请输入数字，例如 1731 或 150万。"
    assert widget.edit.accessibleDescription() == widget.problem.text()
    widget.edit.clear()
    qtbot.keyClicks(widget.edit, "1731")
    assert not widget.problem.isVisible()  # typing again clears the message
    widget.edit.insert("克")  # QTest types Latin keys only; the unit, as an input method would
    assert grade(question.body, widget.response()) == 1.0


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1731", 1731.0),
        ("1,731", 1731.0),
        ("1 731", 1731.0),
        ("１７３１", 1731.0),
        ("2,5", 2.5),
        ("0.5", 0.5),
        ("abc", None),
        ("", None),
    ],
)
def test_numbers_as_people_type_them(typed: str, value: float | None) -> None:
    assert parse_number(typed) == value


def test_short_text_in_chinese(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.SHORT_TEXT]
    widget = _widget(qtbot, question, "zh")
    assert isinstance(widget, ShortTextWidget)
    # Chinese arrives through an input method, which commits text rather than keys.
    event = QInputMethodEvent()
    event.setCommitString("鹊桥")
    QApplication.sendEvent(widget.edit, event)
    assert grade(question.body, widget.response()) == 1.0
    widget.show_answer()
    assert widget.expected.text() == "鹊桥 / 鹊桥号"


def test_ordering_by_keyboard(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.ORDERING]
    widget = _widget(qtbot, question)
    assert isinstance(widget, OrderingWidget)
    right = [item.id for item in question.body.items]  # type: ignore[union-attr]
    assert list(widget.response()) != right  # never starts solved
    # Selection sort with Alt+Up: bring each item up to its place.
    for place, wanted in enumerate(right):
        row = list(widget.response()).index(wanted)  # type: ignore[arg-type]
        widget.list.setCurrentRow(row)
        for _ in range(row - place):
            qtbot.keyClick(widget.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert list(widget.response()) == right  # type: ignore[arg-type]
    assert grade(question.body, widget.response()) == 1.0


def test_matching_by_picking_pairs(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.MATCHING]
    widget = _widget(qtbot, question)
    assert isinstance(widget, MatchingWidget)
    assert widget.response() is None  # nothing picked yet
    for pair_id, combo in widget.combos.items():
        combo.setFocus()
        while combo.currentData() != pair_id:
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert grade(question.body, widget.response()) == 1.0
