"""The form for one question of any type, in every language of its pack.

It reads and writes questions as dicts of the native format, the shape the pack
validator checks, so what the form shows as a problem is what an import would report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quiz_app.ui.widgets.answers import parse_number
from quiz_app.ui.widgets.rows_editor import LANGUAGE_NAMES, RowsEditor

TYPES = (
    "single",
    "multiple",
    "true_false",
    "numeric",
    "short_text",
    "ordering",
    "matching",
    "card",
)
_KEPT = ("image", "image_alt", "shuffle", "group")
"""Fields the form does not edit but carries over unchanged."""


def _texts(edits: dict[str, QLineEdit] | dict[str, QPlainTextEdit]) -> dict[str, str]:
    out = {}
    for lang, edit in edits.items():
        text = (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()).strip()
        if text:
            out[lang] = text
    return out


class QuestionForm(QWidget):
    edited = Signal()
    """Something in the form changed (not sent while a question is being loaded)."""

    def __init__(
        self,
        topics: Sequence[tuple[str, str]],
        languages: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.languages = tuple(languages)
        self._loading = False
        self._kept: dict[str, Any] = {}
        layout = QVBoxLayout(self)

        head = QFormLayout()
        self.key = QLineEdit(self)
        self.key.setToolTip(self.tr("The question's id in the pack: letters, digits, - _ ."))
        self.type = QComboBox(self)
        labels = {
            "single": self.tr("One right answer"),
            "multiple": self.tr("Several right answers"),
            "true_false": self.tr("True or false"),
            "numeric": self.tr("A number"),
            "short_text": self.tr("A short text"),
            "ordering": self.tr("Put in order"),
            "matching": self.tr("Match pairs"),
            "card": self.tr("A card the learner rates"),
        }
        for kind in TYPES:
            self.type.addItem(labels[kind], kind)
        self.topic = QComboBox(self)
        for key, title in topics:
            self.topic.addItem(title, key)
        self.difficulty = QSpinBox(self)
        self.difficulty.setRange(1, 3)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("Where the facts come from"))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("Optional: the question's name, as in Moodle"))
        for combo in (self.type, self.topic):
            # As narrow as the panel needs (a long topic's title is cut short in the box,
            # whole in its list), not as wide as the longest title.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        head.addRow(self.tr("&Id:"), self.key)
        head.addRow(self.tr("Tit&le:"), self.title)
        head.addRow(self.tr("T&ype:"), self.type)
        head.addRow(self.tr("To&pic:"), self.topic)
        head.addRow(self.tr("&Difficulty (1-3):"), self.difficulty)
        layout.addLayout(head)

        texts = QGridLayout()
        self.prompt: dict[str, QPlainTextEdit] = {}
        self.explanation: dict[str, QPlainTextEdit] = {}
        for column, lang in enumerate(self.languages, 1):
            texts.addWidget(QLabel(LANGUAGE_NAMES.get(lang, lang), self), 0, column)
            self.prompt[lang] = self._text_box(3)
            self.explanation[lang] = self._text_box(3)
            texts.addWidget(self.prompt[lang], 1, column)
            texts.addWidget(self.explanation[lang], 2, column)
        texts.addWidget(QLabel(self.tr("Question:"), self), 1, 0)
        texts.addWidget(QLabel(self.tr("Explanation:"), self), 2, 0)
        layout.addLayout(texts)
        source_row = QFormLayout()
        source_row.addRow(self.tr("&Source:"), self.source)
        layout.addLayout(source_row)

        self.answer_box = QGroupBox(self.tr("Answer"), self)
        self.pages = QStackedWidget(self.answer_box)
        QVBoxLayout(self.answer_box).addWidget(self.pages)
        self.choices = RowsEditor("choices", self.languages, self)
        self.items = RowsEditor("items", self.languages, self)
        self.pairs = RowsEditor("pairs", self.languages, self)
        self.truth = QComboBox(self)
        self.truth.addItem(self.tr("True"), True)
        self.truth.addItem(self.tr("False"), False)
        self.number = QLineEdit(self)
        self.tolerance = QLineEdit(self)
        self.tolerance.setPlaceholderText("0")
        self.unit = {lang: QLineEdit(self) for lang in self.languages}
        self.accept = {lang: self._text_box(3) for lang in self.languages}
        self.back = {lang: self._text_box(4) for lang in self.languages}
        self._page = {
            "single": self.choices,
            "multiple": self.choices,
            "ordering": self.items,
            "matching": self.pairs,
            "true_false": self._form_page([(self.tr("The statement is:"), self.truth)]),
            "numeric": self._form_page(
                [
                    (self.tr("Right answer:"), self.number),
                    (self.tr("Give or take:"), self.tolerance),
                ]
                + [
                    (self.tr("Unit (%1):").replace("%1", LANGUAGE_NAMES.get(lang, lang)), edit)
                    for lang, edit in self.unit.items()
                ]
            ),
            "short_text": self._form_page(
                [
                    (
                        self.tr("Accepted answers (%1), one per line:").replace(
                            "%1", LANGUAGE_NAMES.get(lang, lang)
                        ),
                        edit,
                    )
                    for lang, edit in self.accept.items()
                ]
            ),
            "card": self._form_page(
                [
                    (
                        self.tr("Back, the answer the learner checks against (%1):").replace(
                            "%1", LANGUAGE_NAMES.get(lang, lang)
                        ),
                        edit,
                    )
                    for lang, edit in self.back.items()
                ]
            ),
        }
        for page in dict.fromkeys(self._page.values()):
            self.pages.addWidget(page)
        layout.addWidget(self.answer_box, 1)

        for edit in (
            self.key,
            self.title,
            self.source,
            self.number,
            self.tolerance,
            *self.unit.values(),
        ):
            edit.textChanged.connect(self._changed)
        boxes = (*self.prompt.values(), *self.explanation.values(), *self.accept.values())
        for box in (*boxes, *self.back.values()):
            box.textChanged.connect(self._changed)
        for combo in (self.topic, self.truth):
            combo.currentIndexChanged.connect(self._changed)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.difficulty.valueChanged.connect(self._changed)
        for rows in (self.choices, self.items, self.pairs):
            rows.changed.connect(self._changed)

    def _text_box(self, lines: int) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
        return box

    def _form_page(self, rows: Sequence[tuple[str, QWidget]]) -> QWidget:
        """Labels beside their fields; where the panel is too narrow for both (the editor
        at 800x600), a label goes above its field, wrapped to the panel's width."""
        page = QWidget(self)
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, widget in rows:
            label = QLabel(text, page)
            label.setWordWrap(True)
            label.setBuddy(widget)
            form.addRow(label, widget)
        return page

    # -- in and out --------------------------------------------------------------------------
    def load(self, data: dict[str, Any]) -> None:
        """Show ``data`` (a question in the native format) without sending ``edited``."""
        self._loading = True
        try:
            self.key.setText(str(data.get("id", "")))
            self.title.setText(str(data.get("title", "")))
            self.type.setCurrentIndex(TYPES.index(data.get("type", "single")))
            self.topic.setCurrentIndex(max(0, self.topic.findData(data.get("topic"))))
            self.difficulty.setValue(int(data.get("difficulty", 1)))
            self.source.setText(str(data.get("source", "")))
            for name, edits in (("prompt", self.prompt), ("explanation", self.explanation)):
                value = data.get(name) or {}
                for lang, box in edits.items():
                    box.setPlainText(value.get(lang, ""))
            kind = data.get("type", "single")
            if kind == "single":
                self.choices.load(data.get("choices", []), [data.get("answer", "")])
            elif kind == "multiple":
                self.choices.load(data.get("choices", []), data.get("answers", []))
            else:
                self.choices.load([])
            self.items.load(data.get("items", []))
            self.pairs.load(data.get("pairs", []))
            self.truth.setCurrentIndex(0 if data.get("answer", True) is True else 1)
            numeric = kind == "numeric"
            self.number.setText(_number_text(data.get("answer")) if numeric else "")
            self.tolerance.setText(_number_text(data.get("tolerance")) if numeric else "")
            unit = data.get("unit") or {}
            for lang, edit in self.unit.items():
                edit.setText(unit.get(lang, ""))
            accept = data.get("accept") or {}
            for lang, box in self.accept.items():
                box.setPlainText("\n".join(accept.get(lang, [])))
            back = data.get("back") or {}
            for lang, box in self.back.items():
                box.setPlainText(back.get(lang, ""))
            self._kept = {k: data[k] for k in _KEPT if k in data}
            self._show_page()
        finally:
            self._loading = False

    def data(self) -> dict[str, Any]:
        """The question as the form has it, in the native format."""
        kind = str(self.type.currentData())
        out: dict[str, Any] = {
            "id": self.key.text().strip(),
            "type": kind,
            "topic": self.topic.currentData(),
            "difficulty": self.difficulty.value(),
            "prompt": _texts(self.prompt),
        }
        explanation = _texts(self.explanation)
        if explanation:
            out["explanation"] = explanation
        if self.source.text().strip():
            out["source"] = self.source.text().strip()
        if self.title.text().strip():
            out["title"] = self.title.text().strip()
        out.update(self._kept)
        if kind in ("single", "multiple"):
            out["choices"] = self.choices.rows()
            right = self.choices.right()
            if kind == "multiple":
                out["answers"] = right
            elif right:
                out["answer"] = right[0]
        elif kind == "ordering":
            out["items"] = self.items.rows()
        elif kind == "matching":
            out["pairs"] = self.pairs.rows()
        elif kind == "true_false":
            out["answer"] = bool(self.truth.currentData())
        elif kind == "numeric":
            for name, edit in (("answer", self.number), ("tolerance", self.tolerance)):
                text = edit.text().strip()
                if text:
                    number = parse_number(text)
                    out[name] = text if number is None else number  # the check names it
            unit = _texts(self.unit)
            if unit:
                out["unit"] = unit
        elif kind == "short_text":
            accept = {
                lang: lines
                for lang, box in self.accept.items()
                if (lines := [s.strip() for s in box.toPlainText().splitlines() if s.strip()])
            }
            out["accept"] = accept
        elif kind == "card":
            out["back"] = _texts(self.back)
        return out

    # -- reactions ---------------------------------------------------------------------------
    def _type_changed(self) -> None:
        right = self.choices.right()
        if self.type.currentData() == "single" and len(right) > 1:
            self.choices.load(self.choices.rows(), right[:1])  # one right answer stays
        self._show_page()
        self._changed()

    def _show_page(self) -> None:
        kind = str(self.type.currentData())
        self.choices.exclusive = kind == "single"
        self.pages.setCurrentWidget(self._page[kind])

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)
