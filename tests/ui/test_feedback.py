"""Feedback that teaches: after an answer the learner's own answer stays readable beside
the right one, for every type, marked with a sign and a word (never colour alone), and
the widget is read-only rather than disabled (disabled text is drawn too faint)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from quiz_app.core.questions import Question, QuestionType
from quiz_app.packs.native import load_pack
from quiz_app.ui.widgets.answers import (
    AnswerWidget,
    MatchingWidget,
    MultipleResponseWidget,
    NumericWidget,
    OrderingWidget,
    ShortTextWidget,
    SingleChoiceWidget,
    answer_widget,
)

SAMPLE = {
    q.type: q for q in load_pack(Path(__file__).parents[1] / "data" / "sample-pack").questions
}


def _widget(qtbot: QtBot, question: Question, order: tuple[str, ...] = ()) -> AnswerWidget:
    widget = answer_widget(question.body, "en", order)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    return widget


def _visible_texts(widget: QWidget) -> list[str]:
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if label.isVisibleTo(widget) and label.text()
    ]


def test_a_wrong_single_choice_keeps_the_pick_and_shows_the_right_one(qtbot: QtBot) -> None:
    widget = _widget(qtbot, SAMPLE[QuestionType.SINGLE])  # a b c; the answer is b
    assert isinstance(widget, SingleChoiceWidget)
    qtbot.keyClick(widget, "c")
    widget.show_answer()
    marks = [b.mark.text() if b.mark.isVisibleTo(b) else "" for b in widget.buttons]
    assert marks == ["", "✓ Right answer", "✗ Your answer: wrong"]
    assert widget.buttons[2].isChecked()  # the learner's pick is still shown as picked
    assert widget.buttons[2].label.text() == "Chang'e-5"
    assert [b.property("feedback") for b in widget.buttons] == [None, "right", "wrong"]
    assert widget.isEnabled()
    assert all(b.isEnabled() for b in widget.buttons)
    assert widget.buttons[1].accessibleDescription() == "✓ Right answer"


def test_multiple_response_says_which_ticks_were_right_wrong_or_missing(qtbot: QtBot) -> None:
    widget = _widget(qtbot, SAMPLE[QuestionType.MULTIPLE])  # ce4 ce5 ce6 ce3; right ce5 ce6
    assert isinstance(widget, MultipleResponseWidget)
    qtbot.keyClick(widget, "1")  # ce4: wrong
    qtbot.keyClick(widget, "2")  # ce5: right
    widget.show_answer()
    marks = [b.mark.text() if b.mark.isVisibleTo(b) else "" for b in widget.buttons]
    assert marks == [
        "✗ Your answer: wrong",
        "✓ Your answer: right",
        "✓ Also right: not ticked",
        "",
    ]
    assert [b.letter.text() for b in widget.buttons] == ["☑ A", "☑ B", "☐ C", "☐ D"]


def test_a_wrong_number_stays_typed_beside_the_right_one(qtbot: QtBot) -> None:
    widget = _widget(qtbot, SAMPLE[QuestionType.NUMERIC])  # 1731 g ± 5
    assert isinstance(widget, NumericWidget)
    qtbot.keyClicks(widget.edit, "1700")
    widget.show_answer()
    assert widget.edit.text() == "1700"
    assert widget.edit.isReadOnly()
    assert widget.edit.isEnabled()
    assert widget.verdict.text() == "✗ Your answer: wrong"
    assert widget.verdict.property("feedback") == "wrong"
    assert widget.expected.text() == "✓ Right answer: 1,731 g"
    assert widget.expected.property("feedback") == "right"


def test_a_number_within_the_tolerance_is_right(qtbot: QtBot) -> None:
    widget = _widget(qtbot, SAMPLE[QuestionType.NUMERIC])
    assert isinstance(widget, NumericWidget)
    qtbot.keyClicks(widget.edit, "1736")  # the boundary: 1731 + 5
    widget.show_answer()
    assert widget.verdict.text() == "✓ Your answer: right"
    assert widget.expected.text() == "✓ Right answer: 1,731 g"


def test_wrong_short_text_shows_what_was_accepted(qtbot: QtBot) -> None:
    widget = _widget(qtbot, SAMPLE[QuestionType.SHORT_TEXT])
    assert isinstance(widget, ShortTextWidget)
    qtbot.keyClicks(widget.edit, "Tiandu")
    widget.show_answer()
    assert widget.edit.text() == "Tiandu"
    assert widget.verdict.text() == "✗ Your answer: wrong"
    assert widget.expected.text() == "✓ Accepted answers: Queqiao / Magpie Bridge"


def test_ordering_shows_both_orders_side_by_side(qtbot: QtBot) -> None:
    question = SAMPLE[QuestionType.ORDERING]  # ce1 ce3 ce5 ce6
    widget = _widget(qtbot, question, order=("ce1", "ce5", "ce3", "ce6"))
    assert isinstance(widget, OrderingWidget)
    widget.show_answer()
    assert widget.comparison is not None
    assert not widget.list.isVisibleTo(widget)
    texts = _visible_texts(widget.comparison)
    names = [item.text.get("en") for item in question.body.items]  # type: ignore[union-attr]
    assert texts[:2] == ["Your order", "Right order"]
    assert texts[2:] == [
        f"✓ 1. {names[0]}",
        f"1. {names[0]}",
        f"✗ 2. {names[2]}",
        f"2. {names[1]}",
        f"✗ 3. {names[1]}",
        f"3. {names[2]}",
        f"✓ 4. {names[3]}",
        f"4. {names[3]}",
    ]


def test_matching_strikes_a_wrong_pick_and_puts_the_right_partner_beside_it(
    qtbot: QtBot,
) -> None:
    question = SAMPLE[QuestionType.MATCHING]
    pairs = question.body.pairs  # type: ignore[union-attr]
    widget = _widget(qtbot, question, order=tuple(p.id for p in reversed(pairs)))
    assert isinstance(widget, MatchingWidget)
    first, second = pairs[0], pairs[1]
    widget.combos[first.id].setCurrentIndex(widget.combos[first.id].findData(first.id))
    widget.combos[second.id].setCurrentIndex(widget.combos[second.id].findData(first.id))
    for pair in pairs[2:]:
        widget.combos[pair.id].setCurrentIndex(widget.combos[pair.id].findData(pair.id))
    letter = {p.id: "ABCDEFGHIJ"[i] for i, p in enumerate(reversed(pairs))}
    widget.show_answer()
    right_pick = widget.picks[first.id]
    wrong_pick = widget.picks[second.id]
    assert right_pick.text() == f"✓ {letter[first.id]}   {first.right.get('en')}"
    assert not right_pick.font().strikeOut()
    assert wrong_pick.text() == f"✗ {letter[first.id]}   {first.right.get('en')}"
    assert wrong_pick.font().strikeOut()
    assert f"→ {letter[second.id]}   {second.right.get('en')}" in _visible_texts(widget)
    assert all(not combo.isVisibleTo(widget) for combo in widget.combos.values())


def test_long_matching_partners_wrap_instead_of_widening(qtbot: QtBot) -> None:
    """The drop-downs hold letters only: a long partner cannot make one wide."""
    widget = _widget(qtbot, SAMPLE[QuestionType.MATCHING])
    assert isinstance(widget, MatchingWidget)
    combo = next(iter(widget.combos.values()))
    assert combo.sizeHint().width() < 120
    combo.setCurrentIndex(1)
    assert widget.picks[next(iter(widget.combos))].text().startswith(combo.currentText())
    assert combo.itemData(1, Qt.ItemDataRole.ToolTipRole)  # the partner in full, on hover


def test_pick_one_is_radio_buttons_and_tick_many_is_check_boxes(qtbot: QtBot) -> None:
    """The roles a screen reader announces: "radio button" for pick-one (single choice,
    true/false), "check box" for tick-all-that-apply."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    single = _widget(qtbot, SAMPLE[QuestionType.SINGLE])
    many = _widget(qtbot, SAMPLE[QuestionType.MULTIPLE])
    true_false = _widget(qtbot, SAMPLE[QuestionType.TRUE_FALSE])
    assert all(isinstance(b, QRadioButton) for b in single.buttons)  # type: ignore[attr-defined]
    assert all(isinstance(b, QRadioButton) for b in true_false.buttons)  # type: ignore[attr-defined]
    assert all(isinstance(b, QCheckBox) for b in many.buttons)  # type: ignore[attr-defined]
    assert not any(isinstance(b, QRadioButton) for b in many.buttons)  # type: ignore[attr-defined]
