"""One answer widget per question type, all usable with the keyboard alone.

Each widget renders untrusted pack text as plain text only, reports the learner's
response in the shape ``core.grading`` expects, and can show the right answer in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSizePolicy,
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
from quiz_app.core.shuffle import displayed_order
from quiz_app.ui.announce import announce
from quiz_app.ui.answer_text import LETTERS, arranged, plain
from quiz_app.ui.widgets.rich_text import RichText

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


def _mark(parent: QWidget, state: str, text: str) -> QLabel:
    """A word of feedback, with its sign (✓ ✗): colour is never the only signal."""
    label = _plain(QLabel(text, parent))
    label.setObjectName("mark")
    mark_feedback(label, state)
    return label


def _struck(label: QLabel) -> QLabel:
    """The learner's wrong pick, struck through but still readable."""
    font = label.font()
    font.setStrikeOut(True)
    label.setFont(font)
    return label


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
        """Show the right answer beside the learner's own, and lock the widget (read-only,
        not disabled: disabled text is drawn too faint to read)."""
        raise NotImplementedError

    def display_order(self) -> tuple[str, ...]:
        """The ids of what there is to choose from, in the order shown (empty: none)."""
        return ()

    def ask(self, question: str) -> None:
        """Name the answer control by the question it answers (what a screen reader
        says on reaching it); its description says how to answer."""
        self.setAccessibleName(question)

    @property
    def locked(self) -> bool:
        """The answer is given and its feedback shown: it no longer changes."""
        return bool(self.property("locked"))

    def _lock(self) -> None:
        self.setProperty("locked", True)


if TYPE_CHECKING:
    _Button = QAbstractButton
else:
    _Button = object  # a mixin at run time: the Qt class comes second in each subclass


class ChoiceButton(_Button):
    """A choice as a card: its letter, its text wrapped to the width there is, and after
    the answer a word of feedback (a Qt button's own text never wraps). A radio button
    for "pick one" and a check box for "tick all that apply", so that a screen reader
    says which it is; their own indicators give way to the mark beside the letter."""

    def __init__(self, letter: str, text: str, parent: QWidget, *, tick: bool) -> None:
        super().__init__(parent)
        self.setObjectName("choice")
        self._letter = letter
        self._tick = tick
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        self.letter = QLabel(self)
        self.letter.setObjectName("letter")
        self.label = RichText(self, "choiceText")
        self.label.set_markdown(text)
        self.feedback = RichText(self, "choiceFeedback")  # this choice's own, once picked
        self.feedback.hide()
        self.mark = _plain(QLabel(self))
        self.mark.setObjectName("mark")
        self.mark.setWordWrap(False)  # a few words: kept on one line beside the choice
        self.mark.hide()
        words = QVBoxLayout()  # the text beside its letter, its feedback below it
        words.setSpacing(4)
        words.addStretch(1)
        words.addWidget(self.label)
        words.addWidget(self.feedback)
        words.addStretch(1)
        layout.addWidget(self.letter, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(words, 1)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        for child in (self.letter, self.label, self.feedback, self.mark):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        self.setSizePolicy(policy)
        self.toggled.connect(self._show_letter)
        self._show_letter(False)

    def text(self) -> str:
        return f"{self._letter}   {self.label.text()}"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter submits the answer (the quiz screen takes it); the arrows are the group's
        # (it moves between the choices, round from the last to the first).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Up, Qt.Key.Key_Down):
            event.ignore()
            return
        super().keyPressEvent(event)

    def _show_letter(self, checked: bool) -> None:
        # A mark of its own for "picked", so it is not mistaken for keyboard focus:
        # a box for "tick all that apply", a dot for "pick one".
        marks = ("☑ ", "☐ ") if self._tick else ("● ", "○ ")
        self.letter.setText(marks[0 if checked else 1] + self._letter)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        assert layout is not None
        return layout.totalHeightForWidth(width)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        assert layout is not None
        hint = layout.totalSizeHint()
        return QSize(min(hint.width(), 480), self.heightForWidth(min(hint.width(), 480)))

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        assert layout is not None
        return QSize(layout.totalMinimumSize().width(), self.heightForWidth(200))

    def show_mark(self, state: str, text: str, feedback: str = "") -> None:
        """The verdict on this choice, and (when the learner picked it) its own feedback,
        Markdown; the screen reader gets both in the description."""
        mark_feedback(self, state)
        mark_feedback(self.mark, state)
        self.mark.setText(text)
        self.mark.show()
        self.feedback.set_markdown(feedback)
        self.feedback.setVisible(bool(feedback))
        said = f"{text} — {self.feedback.text()}" if feedback else text
        self.setAccessibleDescription(said)


class RadioChoice(ChoiceButton, QRadioButton):
    """Pick one."""


class TickChoice(ChoiceButton, QCheckBox):
    """Tick all that apply."""


class ChoiceAnswers(AnswerWidget):
    """Buttons in the order given; letters follow what is shown, grading the choice ids."""

    def __init__(self, choices: tuple[Choice, ...], language: str, exclusive: bool) -> None:
        super().__init__()
        self._choices = choices
        self._language = language
        self._group = QButtonGroup(self)
        self._group.setExclusive(exclusive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.buttons: list[ChoiceButton] = []
        for i, choice in enumerate(choices):
            kind = RadioChoice if exclusive else TickChoice
            button = kind(LETTERS[i], choice.text.get(language), self, tick=not exclusive)
            button.setAccessibleName(f"{LETTERS[i]}: {button.label.text()}")
            self._group.addButton(button, i)
            layout.addWidget(button)
            self.buttons.append(button)
        # Focus goes to the first choice; number keys and letters the choices leave
        # unhandled reach keyPressEvent here, and the arrows move between choices.
        self.setFocusProxy(self.buttons[0])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.buttons:
            focused = next((i for i, b in enumerate(self.buttons) if b.hasFocus()), 0)
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            target = self.buttons[(focused + step) % len(self.buttons)]
            target.setFocus(Qt.FocusReason.TabFocusReason)
            if self._group.exclusive() and not self.locked:
                target.setChecked(True)  # as radio buttons do: the arrows pick
            return
        index = _key_index(event, len(self.buttons))
        if index is None or self.locked:
            super().keyPressEvent(event)
            return
        button = self.buttons[index]
        button.setChecked(not button.isChecked() if not self._group.exclusive() else True)
        button.setFocus()

    def display_order(self) -> tuple[str, ...]:
        return tuple(choice.id for choice in self._choices)

    def ask(self, question: str) -> None:
        super().ask(question)
        how = (
            QCoreApplication.translate("Feedback", "Pick one: a number, a letter or the arrows")
            if self._group.exclusive()
            else QCoreApplication.translate("Feedback", "Tick all that apply: a number or a letter")
        )
        self.setAccessibleDescription(how)
        for button in self.buttons:
            button.setAccessibleDescription(f"{question} — {how}")

    def picked_feedback(self) -> list[str]:
        """The own feedback of each picked choice (plain text), for the announcement."""
        return [b.feedback.text() for b in self.buttons if b.feedback.isVisibleTo(self)]

    def _checked_ids(self) -> frozenset[str]:
        return frozenset(self._choices[i].id for i, b in enumerate(self.buttons) if b.isChecked())

    def _show(self, right: frozenset[str]) -> None:
        """Every choice the learner picked, and every right one, says which it is; a
        picked choice shows its own feedback."""
        several = not self._group.exclusive()
        for choice, button in zip(self._choices, self.buttons, strict=True):
            picked = button.isChecked()
            own = choice.feedback.get(self._language) if picked and choice.feedback else ""
            if choice.id in right and picked:
                button.show_mark(
                    RIGHT, QCoreApplication.translate("Feedback", "✓ Your answer: right"), own
                )
            elif choice.id in right:
                button.show_mark(
                    RIGHT,
                    QCoreApplication.translate("Feedback", "✓ Also right: not ticked")
                    if several
                    else QCoreApplication.translate("Feedback", "✓ Right answer"),
                )
            elif picked:
                button.show_mark(
                    WRONG, QCoreApplication.translate("Feedback", "✗ Your answer: wrong"), own
                )
            button.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._lock()


class SingleChoiceWidget(ChoiceAnswers):
    def __init__(self, body: SingleChoice, language: str, order: tuple[str, ...] = ()) -> None:
        shown = arranged(body.choices, displayed_order(body, order))
        super().__init__(shown, language, exclusive=True)
        self._body = body

    def response(self) -> Response | None:
        picked = self._checked_ids()
        return next(iter(picked)) if picked else None

    def show_answer(self) -> None:
        self._show(frozenset({self._body.answer}))


class MultipleResponseWidget(ChoiceAnswers):
    def __init__(self, body: MultipleResponse, language: str, order: tuple[str, ...] = ()) -> None:
        shown = arranged(body.choices, displayed_order(body, order))
        super().__init__(shown, language, exclusive=False)
        self._body = body

    def response(self) -> Response | None:
        return self._checked_ids()  # ticking nothing is an answer too

    def show_answer(self) -> None:
        self._show(self._body.answers)


class TrueFalseWidget(ChoiceAnswers):
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
        if letter in ("T", "F") and not self.locked:
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


class _TypedAnswer(AnswerWidget):
    """A line to type the answer in; after it, the line keeps what was typed (read-only)
    and a word below says whether it was right, and what the right answer is."""

    def __init__(self) -> None:
        super().__init__()
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._line = QHBoxLayout()
        self._outer.addLayout(self._line)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(QCoreApplication.translate("Feedback", "Your answer"))
        self._line.addWidget(self.edit, 1)
        self.verdict = _plain(QLabel(self))
        """After the answer: whether the learner's own (kept in the line above) was right."""
        self.verdict.setObjectName("mark")
        self.verdict.hide()
        self.expected = _plain(QLabel(self))
        """After the answer: the right one, always in green, whatever the learner wrote."""
        self.expected.setObjectName("mark")
        self.expected.hide()
        self.setFocusProxy(self.edit)

    def ask(self, question: str) -> None:
        super().ask(question)
        self.edit.setAccessibleName(question)
        self.edit.setAccessibleDescription(self._how())

    def _how(self) -> str:
        return QCoreApplication.translate("Feedback", "Type your answer, then press Enter")

    def _add_feedback_lines(self) -> None:
        self._outer.addWidget(self.verdict)
        self._outer.addWidget(self.expected)

    def _show_verdict(self, right: bool, expected: str) -> None:
        self.edit.setReadOnly(True)
        mark_feedback(self.edit, RIGHT if right else WRONG)
        mark_feedback(self.verdict, RIGHT if right else WRONG)
        mark_feedback(self.expected, RIGHT)
        self.verdict.setText(
            QCoreApplication.translate("Feedback", "✓ Your answer: right")
            if right
            else QCoreApplication.translate("Feedback", "✗ Your answer: wrong")
        )
        self.expected.setText(expected)
        self.verdict.show()
        self.expected.show()
        self.edit.setAccessibleDescription(f"{self.verdict.text()} {expected}")
        self._lock()


class NumericWidget(_TypedAnswer):
    def __init__(self, body: Numeric, language: str) -> None:
        super().__init__()
        self._body = body
        self._language = language
        if body.unit is not None:
            unit = _plain(QLabel(body.unit.get(language), self))
            unit.setBuddy(self.edit)
            self._line.addWidget(unit)
        self.problem = _plain(QLabel(self))
        """Why what was typed cannot be read, until it can."""
        self.problem.setObjectName("problem")
        self.problem.hide()
        self._outer.addWidget(self.problem)
        self._add_feedback_lines()
        self.edit.textEdited.connect(self._edited)

    def _edited(self, _text: str) -> None:
        self.problem.hide()

    def _how(self) -> str:
        if self._body.unit is None:
            return QCoreApplication.translate("Feedback", "Type a number, then press Enter")
        return QCoreApplication.translate(
            "Feedback", "Type a number in %1, then press Enter"
        ).replace("%1", self._body.unit.get(self._language))

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
        answer = quantity(self._body.answer, self._body.unit, self._language)
        self._show_verdict(
            right,
            QCoreApplication.translate("Feedback", "✓ Right answer: %1").replace("%1", answer),
        )


class ShortTextWidget(_TypedAnswer):
    def __init__(self, body: ShortText, language: str) -> None:
        super().__init__()
        self._body = body
        self._language = language
        self._add_feedback_lines()

    def response(self) -> Response | None:
        text = self.edit.text().strip()
        return text or None

    def show_answer(self) -> None:
        from quiz_app.core.grading import grade_short_text

        right = grade_short_text(self._body, self.edit.text()) == 1.0
        accepted = " / ".join(self._body.accept.get(self._language))
        self._show_verdict(
            right,
            QCoreApplication.translate("Feedback", "✓ Accepted answers: %1").replace(
                "%1", accepted
            ),
        )


class _OrderList(QListWidget):
    """A list whose current item moves with Alt+Up / Alt+Down, its items wrapped and all
    in view (it grows with them rather than scrolling inside the page)."""

    def __init__(self, owner: OrderingWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._owner.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()

    def fit_height(self) -> None:
        rows = sum(self.sizeHintForRow(i) for i in range(self.count()))
        self.setFixedHeight(rows + 2 * self.frameWidth() + 4)


class OrderingWidget(AnswerWidget):
    """Drag and drop, or select an item and move it with Alt+Up / Alt+Down."""

    def __init__(self, body: Ordering, language: str, order: tuple[str, ...] = ()) -> None:
        super().__init__()
        self._body = body
        self._language = language
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.hint = _plain(
            QLabel(
                QCoreApplication.translate(
                    "Feedback", "Drag, or move the selected item with Alt+↑ and Alt+↓."
                ),
                self,
            )
        )
        self.hint.setObjectName("hint")
        self.list = _OrderList(self)
        self.list.setObjectName("order")
        self.list.setAccessibleName(QCoreApplication.translate("Feedback", "Items to put in order"))
        self.list.setAccessibleDescription(self.hint.text())
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        # never starts in the right order (see core.shuffle)
        for item in arranged(body.items, displayed_order(body, order)):
            entry = QListWidgetItem(plain(item.text, language))  # a list holds plain text
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self._layout.addWidget(self.hint)
        self._layout.addWidget(self.list)
        self.list.fit_height()
        self.setFocusProxy(self.list)
        self.comparison: QWidget | None = None
        """After the answer: the learner's order beside the right one."""

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if self.locked or row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        announce(
            self.list,
            QCoreApplication.translate("Feedback", "%1: now %2 of %3")
            .replace("%1", item.text())
            .replace("%2", str(target + 1))
            .replace("%3", str(self.list.count())),
        )

    def response(self) -> Response | None:
        return tuple(
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        )

    def ask(self, question: str) -> None:
        super().ask(question)
        self.list.setAccessibleName(question)

    def display_order(self) -> tuple[str, ...]:
        given = self.response()
        assert isinstance(given, tuple)
        return given

    def show_answer(self) -> None:
        """Both orders side by side: each of the learner's places marked ✓ or ✗."""
        given = self.display_order()
        right = [item.id for item in self._body.items]
        text = {item.id: plain(item.text, self._language) for item in self._body.items}
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        for column, heading in enumerate(
            (
                QCoreApplication.translate("Feedback", "Your order"),
                QCoreApplication.translate("Feedback", "Right order"),
            )
        ):
            title = _plain(QLabel(heading, box))
            title.setObjectName("columnHeading")
            grid.addWidget(title, 0, column)
        for row, (mine, theirs) in enumerate(zip(given, right, strict=True), start=1):
            ok = mine == theirs
            sign = "✓" if ok else "✗"
            grid.addWidget(
                _mark(box, RIGHT if ok else WRONG, f"{sign} {row}. {text[mine]}"), row, 0
            )
            grid.addWidget(_plain(QLabel(f"{row}. {text[theirs]}", box)), row, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.list.hide()
        self.hint.hide()
        self._layout.addWidget(box)
        box.show()
        self.comparison = box
        self._lock()


class MatchingWidget(AnswerWidget):
    """Each item on the left gets a letter from the list of partners below it. The
    partners are listed in full, wrapped; a drop-down holds just their letters, so long
    partners never widen the window, and the pick is written out beside it."""

    def __init__(self, body: Matching, language: str, order: tuple[str, ...] = ()) -> None:
        super().__init__()
        self._body = body
        self._language = language
        by_id = {pair.id: pair for pair in body.pairs}
        # the partners never listed in the answer order (see core.shuffle)
        self._rights = [by_id[i] for i in displayed_order(body, order)]
        self._letter = {pair.id: LETTERS[i] for i, pair in enumerate(self._rights)}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self._grid = grid
        self.combos: dict[str, QComboBox] = {}
        self.picks: dict[str, QLabel] = {}
        for row, pair in enumerate(body.pairs):
            label = RichText(self, "matchItem")
            label.set_markdown(pair.left.get(language))
            combo = QComboBox(self)
            # Nothing picked is no item at all, "—" only drawn: an item's text would be
            # read out as if it were a pick.
            combo.setPlaceholderText("—")
            for option in self._rights:
                letter = self._letter[option.id]
                partner = plain(option.right, language)
                combo.addItem(letter, option.id)
                last = combo.count() - 1
                combo.setItemData(last, partner, Qt.ItemDataRole.ToolTipRole)
                combo.setItemData(last, f"{letter}: {partner}", Qt.ItemDataRole.AccessibleTextRole)
            combo.setCurrentIndex(-1)
            combo.setAccessibleName(
                QCoreApplication.translate("Feedback", "%1: pick its partner").replace(
                    "%1", label.text()
                )
            )
            pick = _plain(QLabel(self))
            pick.setObjectName("pick")
            pick.setContentsMargins(8, 4, 8, 4)  # (a style sheet's padding upsets wrapping)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, p=pick: p.setText(self._partner_text(c.currentData()))
            )
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(pick, row, 2)
            self.combos[pair.id] = combo
            self.picks[pair.id] = pick
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 3)
        options = RichText(self, "options")
        options.set_markdown(  # a line each (a hard break), their letters before them
            "  \n".join(f"{self._letter[p.id]}\u2003{p.right.get(language)}" for p in self._rights)
        )
        options.setAccessibleName(QCoreApplication.translate("Feedback", "Partners to choose from"))
        outer.addWidget(options)  # what there is to choose from, then the rows to match
        outer.addLayout(grid)
        first = next(iter(self.combos.values()))
        self.setFocusProxy(first)

    def ask(self, question: str) -> None:
        super().ask(question)
        how = (
            QCoreApplication.translate("Feedback", "Pick its partner from the list: %1 to %2")
            .replace("%1", LETTERS[0])
            .replace("%2", LETTERS[len(self._rights) - 1])
        )
        self.setAccessibleDescription(how)
        for combo in self.combos.values():
            combo.setAccessibleDescription(f"{question} — {how}")

    def _partner_text(self, pair_id: object) -> str:
        if pair_id is None:
            return ""
        pair = next(p for p in self._rights if p.id == pair_id)
        return f"{self._letter[pair.id]}   {plain(pair.right, self._language)}"

    def display_order(self) -> tuple[str, ...]:
        return tuple(p.id for p in self._rights)

    def response(self) -> Response | None:
        chosen = {left: combo.currentData() for left, combo in self.combos.items()}
        if any(v is None for v in chosen.values()):
            return None
        return {k: str(v) for k, v in chosen.items()}

    def show_answer(self) -> None:
        """Each pick stays: a right one ticked; a wrong one struck through, with the right
        partner beside it."""
        for row, (pair_id, combo) in enumerate(self.combos.items()):
            pick = self.picks[pair_id]
            combo.hide()
            if combo.currentData() == pair_id:
                mark_feedback(pick, RIGHT)
                pick.setText("✓ " + pick.text())
                continue
            mark_feedback(pick, WRONG)
            _struck(pick)
            pick.setText("✗ " + pick.text())
            pick.setAccessibleDescription(
                QCoreApplication.translate("Feedback", "Your pick, wrong")
            )
            right = _mark(self, RIGHT, "→ " + self._partner_text(pair_id))
            right.setContentsMargins(8, 4, 8, 4)
            right.setAccessibleDescription(
                QCoreApplication.translate("Feedback", "The right partner")
            )
            self._grid.addWidget(right, row, 3)
            right.show()
        self._grid.setColumnStretch(3, 3)
        self._lock()


def answer_widget(
    body: Body,
    language: str,
    order: tuple[str, ...] = (),
    true_false_labels: tuple[str, str] = ("True", "False"),
) -> AnswerWidget:
    """The widget for ``body``, showing its choices, items or partners in ``order``
    (stored with the quiz; ``()`` for the written order, see ``core.shuffle``)."""
    match body:
        case SingleChoice():
            return SingleChoiceWidget(body, language, order)
        case MultipleResponse():
            return MultipleResponseWidget(body, language, order)
        case TrueFalse():
            return TrueFalseWidget(body, language, true_false_labels)
        case Numeric():
            return NumericWidget(body, language)
        case ShortText():
            return ShortTextWidget(body, language)
        case Ordering():
            return OrderingWidget(body, language, order)
        case Matching():
            return MatchingWidget(body, language, order)
        case Card():
            return _card_widget(body, language)
    raise TypeError(body)  # pragma: no cover


def _card_widget(body: Card, language: str) -> AnswerWidget:
    from quiz_app.ui.widgets.card import CardWidget  # card.py builds on this module

    return CardWidget(body, language)
