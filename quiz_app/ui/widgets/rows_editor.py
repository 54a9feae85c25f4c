"""A table of a question's choices, items or pairs, one column per text and language."""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Kind = Literal["choices", "items", "pairs"]
ID_ROLE = Qt.ItemDataRole.UserRole
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}


class RowsEditor(QWidget):
    """Rows of texts in every language of the pack. For choices, a first column ticks
    the right ones (only one when ``exclusive``). Each row keeps its id, which answers
    in the learners' log refer to; a new row gets the next free one."""

    changed = Signal()

    def __init__(self, kind: Kind, languages: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.languages = tuple(languages)
        self.exclusive = False
        self._fields: tuple[str, ...] = {
            "pairs": ("left", "right"),
            "choices": ("text", "feedback"),  # feedback: shown when that choice is picked
            "items": ("text",),
        }[kind]
        self._checks = kind == "choices"
        self.table = QTableWidget(0, self._first + len(self._fields) * len(self.languages), self)
        self.table.setHorizontalHeaderLabels(self._titles())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if self._checks:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton(self.tr("Add a row"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        # Two by two, the narrowest the editor's panel gets (800x600) still holds them.
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.remove_button, 0, 1)
        buttons.addWidget(self.up_button, 1, 0)
        buttons.addWidget(self.down_button, 1, 1)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._loading = False

    @property
    def _first(self) -> int:
        return 1 if self._checks else 0

    def _titles(self) -> list[str]:
        titles = [self.tr("Right")] if self._checks else []
        names = {
            "text": self.tr("Text"),
            "left": self.tr("Left"),
            "right": self.tr("Matches"),
            "feedback": self.tr("Feedback when picked"),
        }
        for field in self._fields:
            titles.extend(
                f"{names[field]} ({LANGUAGE_NAMES.get(lang, lang)})" for lang in self.languages
            )
        return titles

    # -- data ------------------------------------------------------------------------------
    def load(self, rows: Sequence[dict[str, Any]], right: Sequence[str] = ()) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for row in rows:
            self._append(str(row["id"]), row, row["id"] in right)
        self._loading = False

    def rows(self) -> list[dict[str, Any]]:
        """The rows in the native format; a text left empty in a language is left out."""
        out = []
        for r in range(self.table.rowCount()):
            row: dict[str, Any] = {"id": self._id(r)}
            for f, field in enumerate(self._fields):
                texts = {}
                for i, lang in enumerate(self.languages):
                    item = self.table.item(r, self._first + f * len(self.languages) + i)
                    text = item.text().strip() if item is not None else ""
                    if text:
                        texts[lang] = text
                if texts or field != "feedback":  # a choice's feedback is optional
                    row[field] = texts
            out.append(row)
        return out

    def right(self) -> list[str]:
        """Ids of the ticked rows, in order."""
        return [
            self._id(r)
            for r in range(self.table.rowCount())
            if (item := self.table.item(r, 0)) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]

    def _id(self, row: int) -> str:
        item = self.table.item(row, 0)
        return str(item.data(ID_ROLE)) if item is not None else ""

    def _append(self, row_id: str, data: dict[str, Any], right: bool) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        if self._checks:
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked if right else Qt.CheckState.Unchecked)
            self.table.setItem(r, 0, check)
        for f, field in enumerate(self._fields):
            texts = data.get(field) or {}
            for i, lang in enumerate(self.languages):
                self.table.setItem(
                    r,
                    self._first + f * len(self.languages) + i,
                    QTableWidgetItem(str(texts.get(lang, ""))),
                )
        first = self.table.item(r, 0)
        assert first is not None
        first.setData(ID_ROLE, row_id)

    # -- editing ---------------------------------------------------------------------------
    def add_row(self) -> None:
        taken = {self._id(r) for r in range(self.table.rowCount())}
        letters = string.ascii_lowercase if self.kind != "pairs" else ""
        free = next((c for c in letters if c not in taken), None)
        number = self.table.rowCount() + 1
        while free is None:
            candidate = f"{self.kind[0]}{number}"
            free = candidate if candidate not in taken else None
            number += 1
        self._append(free, {}, False)
        self.table.setCurrentCell(self.table.rowCount() - 1, self._first)
        self.changed.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self._loading = True
        for column in range(self.table.columnCount()):
            a = self.table.takeItem(row, column)
            b = self.table.takeItem(target, column)
            self.table.setItem(row, column, b)
            self.table.setItem(target, column, a)
        self._loading = False
        self.table.setCurrentCell(target, self.table.currentColumn())
        self.changed.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if (
            self._checks
            and self.exclusive
            and item.column() == 0
            and item.checkState() == Qt.CheckState.Checked
        ):
            self._loading = True
            for r in range(self.table.rowCount()):
                other = self.table.item(r, 0)
                if other is not None and other is not item:
                    other.setCheckState(Qt.CheckState.Unchecked)
            self._loading = False
        self.changed.emit()
