"""One answer widget per question type, all usable with the keyboard alone.

Each widget renders untrusted pack text as plain text only, reports the learner's
response in the shape ``core.grading`` expects, and can show the right answer in place.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quiz_app.core.grading import Response
from quiz_app.core.numbers import quantity, read_number
from quiz_app.core.questions import (
    Body,
    Card,
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    ShortText,
    SingleChoice,
    TrueFalse,
)

LETTERS = "ABCDEFGHIJ"
RIGHT, WRONG = "right", "wrong"


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)  # pack text is never rich text
    label.setWordWrap(True)
    return label


def mark_feedback(widget: QWidget, state: str) -> None:
    """Colour a control right/wrong through a dynamic property the style sheet reads."""
    widget.setProperty("feedback", state)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _key_index(event: QKeyEvent, count: int) -> int | None:
    """1-9 or A-J choose the n-th option."""
    text = event.text().upper()
    if len(text) != 1:
        return None
    if text.isdigit() and 1 <= int(text) <= min(count, 9):
        return int(text) - 1
    if text in LETTERS[:count]:
        return LETTERS.index(text)
    return None


class AnswerWidget(QWidget):
    """Base of the answer widgets."""

    def response(self) -> Response | None:
        """The learner's answer, or None while there is nothing to submit."""
        raise NotImplementedError

    def show_answer(self) -> None:
        """Show the right answer in place and lock the widget."""
        raise NotImplementedError


class _ChoiceButtons(AnswerWidget):
    def __init__(self, choices: tuple[Choice, ...], language: str, exclusive: bool) -> None:
        super().__init__()
        self._choices = choices
        self._group = QButtonGroup(self)
        self._group.setExclusive(exclusive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QAbstractButton] = []
        for i, choice in enumerate(choices):
            text = f"{LETTERS[i]}   {choice.text.get(language)}"
            button: QAbstractButton
            if exclusive:
                button = QPushButton(text, self)
                button.setCheckable(True)
                button.setObjectName("choice")
            else:
                button = QCheckBox(text, self)
            button.setAccessibleName(f"{LETTERS[i]}: {choice.text.get(language)}")
            self._group.addButton(button, i)
            layout.addWidget(button)
            self.buttons.append(button)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = _key_index(event, len(self.buttons))
        if index is None or not self.isEnabled():
            super().keyPressEvent(event)
            return
        button = self.buttons[index]
        button.setChecked(not button.isChecked() if not self._group.exclusive() else True)
        button.setFocus()

    def _checked_ids(self) -> frozenset[str]:
        return frozenset(self._choices[i].id for i, b in enumerate(self.buttons) if b.isChecked())

    def _show(self, right: frozenset[str]) -> None:
        for choice, button in zip(self._choices, self.buttons, strict=True):
            if choice.id in right:
                mark_feedback(button, RIGHT)
            elif button.isChecked():
                mark_feedback(button, WRONG)
        self.setEnabled(False)


class SingleChoiceWidget(_ChoiceButtons):
    def __init__(self, body: SingleChoice, language: str) -> None:
        super().__init__(body.choices, language, exclusive=True)
        self._body = body

    def response(self) -> Response | None:
        picked = self._checked_ids()
        return next(iter(picked)) if picked else None

    def show_answer(self) -> None:
        self._show(frozenset({self._body.answer}))


class MultipleResponseWidget(_ChoiceButtons):
    def __init__(self, body: MultipleResponse, language: str) -> None:
        super().__init__(body.choices, language, exclusive=False)
        self._body = body

    def response(self) -> Response | None:
        return self._checked_ids()  # ticking nothing is an answer too

    def show_answer(self) -> None:
        self._show(self._body.answers)


class TrueFalseWidget(_ChoiceButtons):
    def __init__(self, body: TrueFalse, language: str, labels: tuple[str, str]) -> None:
        from quiz_app.core.text import LocalizedText

        choices = (
            Choice("true", LocalizedText.of(labels[0])),
            Choice("false", LocalizedText.of(labels[1])),
        )
        super().__init__(choices, language, exclusive=True)
        self._body = body

    def keyPressEvent(self, event: QKeyEvent) -> None:
        letter = event.text().upper()
        if letter in ("T", "F") and self.isEnabled():
            self.buttons[0 if letter == "T" else 1].setChecked(True)
            return
        super().keyPressEvent(event)

    def response(self) -> Response | None:
        picked = self._checked_ids()
        return None if not picked else "true" in picked

    def show_answer(self) -> None:
        self._show(frozenset({"true" if self._body.answer else "false"}))


def parse_number(text: str) -> float | None:
    """Numbers as people type them (see ``core.numbers.read_number``); None if unreadable."""
    return read_number(text).value


class NumericWidget(AnswerWidget):
    def __init__(self, body: Numeric, language: str) -> None:
        super().__init__()
        self._body = body
        self._language = language
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName("answer")
        layout.addWidget(self.edit, 1)
        if body.unit is not None:
            unit = _plain(QLabel(body.unit.get(language), self))
            unit.setBuddy(self.edit)
            layout.addWidget(unit)
        self.problem = _plain(QLabel(self))
        """Why what was typed cannot be read, until it can."""
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        outer.addWidget(self.problem)
        self.edit.textEdited.connect(self._edited)
        self.setFocusProxy(self.edit)

    def _edited(self, _text: str) -> None:
        self.problem.hide()

    def response(self) -> Response | None:
        reading = read_number(self.edit.text(), self._body.unit)
        if reading.problem is not None:
            self.problem.setText("⚠ " + reading.problem.get(self._language))
            self.problem.show()
            self.edit.setAccessibleDescription(self.problem.text())
            return None
        self.problem.hide()
        return reading.value

    def show_answer(self) -> None:
        from quiz_app.core.grading import grade_numeric

        given = read_number(self.edit.text(), self._body.unit).value
        right = given is not None and grade_numeric(self._body, given) == 1.0
        mark_feedback(self.edit, RIGHT if right else WRONG)
        if not right:
            right_answer = quantity(self._body.answer, self._body.unit, self._language)
            self.edit.setText(f"{self.edit.text()}  →  {right_answer}")
        self.setEnabled(False)


class ShortTextWidget(AnswerWidget):
    def __init__(self, body: ShortText, language: str) -> None:
        super().__init__()
        self._body = body
        self._language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName("answer")
        layout.addWidget(self.edit)
        self.expected = _plain(QLabel(self))
        self.expected.hide()
        layout.addWidget(self.expected)
        self.setFocusProxy(self.edit)

    def response(self) -> Response | None:
        text = self.edit.text().strip()
        return text or None

    def show_answer(self) -> None:
        from quiz_app.core.grading import grade_short_text

        given = self.edit.text()
        mark_feedback(self.edit, RIGHT if grade_short_text(self._body, given) == 1.0 else WRONG)
        self.expected.setText(" / ".join(self._body.accept.get(self._language)))
        self.expected.show()
        self.setEnabled(False)


class _OrderList(QListWidget):
    """A list whose current item moves with Alt+Up / Alt+Down."""

    def __init__(self, owner: OrderingWidget) -> None:
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._owner.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class OrderingWidget(AnswerWidget):
    """Drag and drop, or select an item and move it with Alt+Up / Alt+Down."""

    def __init__(self, body: Ordering, language: str, rng: random.Random) -> None:
        super().__init__()
        self._body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = _OrderList(self)
        self.list.setAccessibleName("items to put in order")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        items = list(body.items)
        while len(items) > 1 and items == list(body.items):
            rng.shuffle(items)  # never start in the right order
        for item in items:
            entry = QListWidgetItem(item.text.get(language))
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        self.setFocusProxy(self.list)

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def response(self) -> Response | None:
        return tuple(
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        )

    def show_answer(self) -> None:
        order = [item.id for item in self._body.items]
        for i in range(self.list.count()):
            entry = self.list.item(i)
            place = order.index(entry.data(Qt.ItemDataRole.UserRole))
            mark = "✓" if place == i else f"→ {place + 1}"
            entry.setText(f"{entry.text()}   {mark}")
        self.setEnabled(False)


class MatchingWidget(AnswerWidget):
    """Each left item gets a drop-down of the right-hand items."""

    def __init__(self, body: Matching, language: str, rng: random.Random) -> None:
        super().__init__()
        self._body = body
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        rights = list(body.pairs)
        rng.shuffle(rights)
        self.combos: dict[str, QComboBox] = {}
        for pair in body.pairs:
            combo = QComboBox(self)
            combo.addItem("—", None)
            for option in rights:
                combo.addItem(option.right.get(language), option.id)
            combo.setAccessibleName(pair.left.get(language))
            label = _plain(QLabel(pair.left.get(language), self))
            label.setBuddy(combo)
            layout.addRow(label, combo)
            self.combos[pair.id] = combo
        first = next(iter(self.combos.values()))
        self.setFocusProxy(first)

    def response(self) -> Response | None:
        chosen = {left: combo.currentData() for left, combo in self.combos.items()}
        if any(v is None for v in chosen.values()):
            return None
        return {k: str(v) for k, v in chosen.items()}

    def show_answer(self) -> None:
        for pair_id, combo in self.combos.items():
            right = combo.currentData() == pair_id
            mark_feedback(combo, RIGHT if right else WRONG)
            if not right:
                combo.setCurrentIndex(combo.findData(pair_id))
        self.setEnabled(False)


def answer_widget(
    body: Body,
    language: str,
    rng: random.Random,
    true_false_labels: tuple[str, str] = ("True", "False"),
) -> AnswerWidget:
    match body:
        case SingleChoice():
            return SingleChoiceWidget(body, language)
        case MultipleResponse():
            return MultipleResponseWidget(body, language)
        case TrueFalse():
            return TrueFalseWidget(body, language, true_false_labels)
        case Numeric():
            return NumericWidget(body, language)
        case ShortText():
            return ShortTextWidget(body, language)
        case Ordering():
            return OrderingWidget(body, language, rng)
        case Matching():
            return MatchingWidget(body, language, rng)
        case Card():
            return _card_widget(body, language)
    raise TypeError(body)  # pragma: no cover


def _card_widget(body: Card, language: str) -> AnswerWidget:
    from quiz_app.ui.widgets.card import CardWidget  # card.py builds on this module

    return CardWidget(body, language)
