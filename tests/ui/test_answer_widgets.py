"""Every question type answered with the keyboard alone, graded as the core grades it."""

from __future__ import annotations

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
    MultipleResponseWidget,
    NumericWidget,
    OrderingWidget,
    ShortTextWidget,
    SingleChoiceWidget,
    answer_widget,
    parse_number,
)

SAMPLE = {
    q.type: q for q in load_pack(Path(__file__).parents[1] / "data" / "sample-pack").questions
}


def _widget(  # type: ignore[no-untyped-def]
    qtbot: QtBot, question: Question, language: str = "en", order: tuple[str, ...] = ()
):
    widget = answer_widget(question.body, language, order)
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
    assert widget.locked  # read-only, not drawn faint
    assert widget.isEnabled()
    assert widget.buttons[1].property("feedback") == "right"
    qtbot.keyClick(widget, "1")  # a locked answer no longer changes
    assert widget.response() == "b"


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
    assert widget.verdict.text() == "✓ Your answer: right"
    assert widget.expected.text() == "✓ Accepted answers: 鹊桥 / 鹊桥号"
    assert widget.edit.text() == "鹊桥"
    assert widget.edit.isReadOnly()


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
    for combo in widget.combos.values():  # no item stands for "nothing": "—" is drawn
        assert (combo.currentIndex(), combo.currentText()) == (-1, "")
        assert combo.placeholderText() == "—"
    for pair_id, combo in widget.combos.items():
        combo.setFocus()
        while combo.currentData() != pair_id:
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert grade(question.body, widget.response()) == 1.0


def test_single_choice_shows_the_quizs_order_and_letters_follow_it(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.SINGLE]  # choices a, b, c; the answer is b
    widget = _widget(qtbot, question, order=("c", "b", "a"))
    assert isinstance(widget, SingleChoiceWidget)
    assert [b.text() for b in widget.buttons] == [
        "A   Chang'e-5",
        "B   Chang'e-4",
        "C   Chang'e-3",
    ]
    assert widget.buttons[0].accessibleName() == "A: Chang'e-5"
    qtbot.keyClick(widget, "a")  # the first one shown is choice c
    assert widget.response() == "c"
    qtbot.keyClick(widget, "2")
    assert widget.response() == "b"
    assert grade(question.body, widget.response()) == 1.0
    widget.show_answer()
    assert [b.property("feedback") for b in widget.buttons] == [None, "right", None]


def test_multiple_response_in_the_quizs_order(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.MULTIPLE]  # ce4 ce5 ce6 ce3; right: ce5, ce6
    widget = _widget(qtbot, question, order=("ce6", "ce3", "ce5", "ce4"))
    assert isinstance(widget, MultipleResponseWidget)
    qtbot.keyClick(widget, "1")
    qtbot.keyClick(widget, "c")
    assert widget.response() == frozenset({"ce6", "ce5"})
    assert grade(question.body, widget.response()) == 1.0
    qtbot.keyClick(widget, "2")  # ticks Chang'e-3, shown second
    widget.show_answer()
    assert [b.property("feedback") for b in widget.buttons] == ["right", "wrong", "right", None]


def test_no_order_is_the_written_order_for_choices(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.SINGLE]
    widget = _widget(qtbot, question)
    assert [b.text()[0] + b.text()[-1] for b in widget.buttons] == ["A3", "B4", "C5"]


def test_an_order_from_before_an_edit_still_shows_every_choice_once(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.SINGLE]
    # "z" was deleted since the quiz started; "a" was added: it goes last.
    widget = _widget(qtbot, question, order=("c", "z", "b", "c"))
    assert [b.text() for b in widget.buttons] == [
        "A   Chang'e-5",
        "B   Chang'e-4",
        "C   Chang'e-3",
    ]


def test_ordering_and_matching_start_in_the_stored_order(qtbot: QtBot) -> None:
    ordering = SAMPLE[QuestionType.ORDERING]  # ce1 ce3 ce5 ce6
    widget = _widget(qtbot, ordering, order=("ce5", "ce1", "ce6", "ce3"))
    assert widget.response() == ("ce5", "ce1", "ce6", "ce3")
    matching = SAMPLE[QuestionType.MATCHING]
    pair_ids = [p.id for p in matching.body.pairs]  # type: ignore[union-attr]
    order = tuple(reversed(pair_ids))
    widget = _widget(qtbot, matching, order=order)
    assert isinstance(widget, MatchingWidget)
    for combo in widget.combos.values():
        assert [combo.itemData(i) for i in range(combo.count())] == list(order)


def test_without_an_order_ordering_and_matching_still_never_start_solved(qtbot: QtBot) -> None:
    ordering = SAMPLE[QuestionType.ORDERING]
    widget = _widget(qtbot, ordering)  # an old quiz, or the editor's preview
    assert widget.response() == ("ce3", "ce5", "ce6", "ce1")
    matching = SAMPLE[QuestionType.MATCHING]
    pair_ids = [p.id for p in matching.body.pairs]  # type: ignore[union-attr]
    widget = _widget(qtbot, matching)
    assert isinstance(widget, MatchingWidget)
    for combo in widget.combos.values():
        shown = [combo.itemData(i) for i in range(combo.count())]
        assert shown == pair_ids[1:] + pair_ids[:1]


def test_results_list_ticked_and_right_choices_in_the_quizs_order() -> None:
    from quiz_app.ui.answer_text import given_text, right_text

    question = SAMPLE[QuestionType.MULTIPLE]  # written ce4 ce5 ce6 ce3; right: ce5, ce6
    yes_no = ("True", "False")
    order = ("ce6", "ce3", "ce5", "ce4")
    given = ["ce5", "ce6", "ce3"]  # as the log holds it
    assert given_text(question.body, given, "en", yes_no, order) == (
        "Chang'e-6; Chang'e-3; Chang'e-5"
    )
    assert right_text(question.body, "en", yes_no, order) == "Chang'e-6; Chang'e-5"
    # a quiz from before orders were stored: the written order
    assert right_text(question.body, "en", yes_no) == "Chang'e-5; Chang'e-6"
    assert given_text(question.body, [], "en", yes_no, order) == "—"
