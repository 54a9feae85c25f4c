"""Teacher › Print quiz…: a quiz on paper, as a PDF, from the topics ticked on Home.

The questions are drawn on the bank's writer (a read), the PDF is laid out and written
on a background thread: a long quiz with pictures takes a few seconds, and the window
keeps drawing meanwhile.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from quiz_app import __version__
from quiz_app.core.bank import DrawFilter
from quiz_app.core.errors import QuizError
from quiz_app.core.paper import PaperQuiz
from quiz_app.core.settings import MAX_QUESTIONS
from quiz_app.core.text import LocalizedText
from quiz_app.ui.worker import Job, database_worker, run_in_background

if TYPE_CHECKING:
    from quiz_app.services.bank import Database

SEEDS = 1_000_000
"""Seeds drawn for the teacher are below this: six digits at most, easy to note down."""


@dataclass(frozen=True)
class PrintChoice:
    """What the teacher asked for."""

    draw: DrawFilter
    count: int | None
    """None: every question of the topics."""
    seed: int
    language: str
    title: str
    """Empty: the pack's title (of several packs: the app's name)."""
    answer_key: bool


def _draw(database: Database, choice: PrintChoice) -> tuple[PaperQuiz, dict[str, LocalizedText]]:
    from quiz_app.services.packs import list_packs
    from quiz_app.services.paper import draw_paper_quiz

    paper = draw_paper_quiz(database, choice.draw, choice.count, choice.seed)
    return paper, {s.id: s.title for s in list_packs(database)}


def _print_and_save(
    paper: PaperQuiz, titles: dict[str, LocalizedText], choice: PrintChoice, path: Path
) -> int:
    """Lay the quiz out, write the file; the number of pages. Off the GUI thread."""
    from quiz_app.printing.paper import print_paper, version_line
    from quiz_app.printing.texts import DEFAULT_TITLE
    from quiz_app.services.paper import save_paper

    title = choice.title
    if not title:
        used = [pack for pack, _ in paper.packs]
        title = (titles[used[0]] if len(used) == 1 else DEFAULT_TITLE).get(choice.language)
    line = version_line(paper, __version__, datetime.now().date(), choice.language)
    printed = print_paper(
        paper, choice.language, title=title, version_line=line, answer_key=choice.answer_key
    )
    save_paper(path, printed.pdf)
    return printed.pages


class PrintQuizDialog(QDialog):
    saved = Signal(str)
    """The message to show once the PDF is written."""

    def __init__(
        self,
        database: Database,
        language: str,
        draw: DrawFilter,
        scope: str,
        count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print quiz"))
        self._database = database
        self._language = language
        self._draw = draw
        self._job: Job[Any] | None = None
        layout = QFormLayout(self)
        self.scope = QLabel(scope, self)
        self.scope.setWordWrap(True)
        layout.addRow(self.tr("Questions:"), self.scope)

        self.count = QSpinBox(self)
        self.count.setRange(0, MAX_QUESTIONS)
        self.count.setSpecialValueText(self.tr("All"))
        self.count.setValue(count)
        self.count.setAccessibleName(self.tr("How many questions (0: all of them)"))
        layout.addRow(self.tr("&How many:"), self.count)

        self.seed = QSpinBox(self)
        self.seed.setRange(0, SEEDS - 1)
        self.seed.setValue(random.randrange(SEEDS))
        self.seed.setAccessibleName(self.tr("Seed"))
        self.seed.setToolTip(self.tr("The same seed on the same bank prints the same quiz again."))
        self.new_seed = QPushButton(self.tr("&New seed"), self)
        self.new_seed.clicked.connect(self._new_seed)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.new_seed)
        seed_box = QWidget(self)
        seed_box.setLayout(seed_row)
        seed_row.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.tr("&Seed:"), seed_box)

        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.setAccessibleName(self.tr("Language of the paper"))
        layout.addRow(self.tr("&Language:"), self.language)

        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("The pack's title"))
        self.title.setAccessibleName(self.tr("Title"))
        layout.addRow(self.tr("&Title:"), self.title)

        self.answer_key = QCheckBox(self.tr("With the &answer key, on pages of its own"), self)
        self.answer_key.setChecked(True)
        layout.addRow("", self.answer_key)

        self.status = QLabel("", self)
        layout.addRow("", self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(
            self.tr("Save as &PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.ask_save)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)

    def _new_seed(self) -> None:
        self.seed.setValue(random.randrange(SEEDS))

    def choice(self) -> PrintChoice:
        count = self.count.value()
        return PrintChoice(
            self._draw,
            count or None,
            self.seed.value(),
            str(self.language.currentData()),
            self.title.text().strip(),
            self.answer_key.isChecked(),
        )

    def ask_save(self) -> None:
        name = self.tr("quiz-%1.pdf").replace("%1", str(self.seed.value()))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the quiz"), name, self.tr("PDF (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save(Path(path))

    def save(self, path: Path) -> None:
        """Draw, lay out and write the quiz to ``path``; the dialog closes when it is saved."""
        choice = self.choice()
        self._busy(True)
        self.status.setText(self.tr("Printing…"))
        database = self._database

        def drawn(result: tuple[PaperQuiz, dict[str, LocalizedText]]) -> None:
            paper, titles = result
            self._busy(True)
            self._job = run_in_background(
                lambda: _print_and_save(paper, titles, choice, path),
                lambda pages: self._saved(path, pages),
                self._failed,
                self._ended,
            )

        self._job = database_worker(database).run(
            lambda: _draw(database, choice), drawn, self._failed, self._ended
        )

    def _busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.count.setEnabled(not busy)
        self.seed.setEnabled(not busy)

    def _ended(self, job: Job[Any]) -> None:
        if job is self._job and (job.crashed or job.outcome != "done"):
            self._busy(False)
            self.status.setText("")

    def _failed(self, error: QuizError) -> None:
        self._busy(False)
        self.status.setText("")
        QMessageBox.warning(self, self.tr("Print quiz"), error.message(self._language))

    def _saved(self, path: Path, pages: int) -> None:
        self._busy(False)
        message = self.tr("Quiz saved: %1 (%2 pages, seed %3)")
        self.saved.emit(
            message.replace("%1", str(path))
            .replace("%2", str(pages))
            .replace("%3", str(self.seed.value()))
        )
        self.accept()
