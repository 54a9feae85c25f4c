"""The question editor (teacher): a pack's questions, the form for one, its preview.

Every change is checked at once by the pack format's own rules. Nothing reaches the
bank until Save, which writes all the questions as the pack's next version in one
transaction (off the GUI thread), so learners' answers stay linked to their questions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from quiz_app.packs.rich_text import to_plain
from quiz_app.ui.i18n import error_text
from quiz_app.ui.widgets.heading import Heading
from quiz_app.ui.widgets.question_form import QuestionForm
from quiz_app.ui.widgets.question_preview import QuestionPreview
from quiz_app.ui.worker import Job, database_worker

if TYPE_CHECKING:
    from quiz_app.core.importing import ImportPlan
    from quiz_app.services.bank import Database
    from quiz_app.services.editing import EditablePack

CHECK_DELAY_MS = 150
"""Typing pauses this long before the question is checked and the preview redrawn."""


class PackEditorScreen(QWidget):
    saved = Signal(object)
    """The ImportPlan of a save."""
    closed = Signal()
    problems_shown = Signal()
    """The problems and the preview now match the form (after each check)."""

    def __init__(
        self, database: Database, edited: EditablePack, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._language = language
        self._job: object | None = None
        self._close_after_save = False
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_current)
        self._build(edited)
        self._open(edited)

    # -- layout -----------------------------------------------------------------------------
    def _build(self, edited: EditablePack) -> None:
        info = edited.info
        outer = QVBoxLayout(self)
        self.heading = Heading("", self, "title")
        outer.addWidget(self.heading)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(left)
        self.list.setAccessibleName(self.tr("Questions of the pack"))
        self.list.currentRowChanged.connect(self._select)
        left_layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New"), left)
        self.delete_button = QPushButton(self.tr("De&lete"), left)
        self.up_button = QPushButton(self.tr("Move &up"), left)
        self.down_button = QPushButton(self.tr("Move do&wn"), left)
        self.new_button.clicked.connect(self.new_question)
        self.delete_button.clicked.connect(self.delete_question)
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button.clicked.connect(lambda: self.move_question(1))
        for button in (self.new_button, self.delete_button):
            row.addWidget(button)
        left_layout.addLayout(row)
        row = QHBoxLayout()
        for button in (self.up_button, self.down_button):
            row.addWidget(button)
        left_layout.addLayout(row)

        # The problems sit above the form's scroll area, not in it: they wrap to the width
        # that shows (at 800x600 the form is wider than its panel) and stay in sight while
        # the teacher scrolls to the field they name.
        middle = QWidget(splitter)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        self.problems = QLabel(middle)
        self.problems.setObjectName("problems")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Problems of this question"))
        middle_layout.addWidget(self.problems)
        form_area = QScrollArea(middle)
        form_area.setWidgetResizable(True)
        topics = [(t.key, t.title.get(self._language)) for t in info.topics]
        self.form = QuestionForm(topics, info.languages, form_area)
        self.form.edited.connect(self._edited)
        form_area.setWidget(self.form)
        middle_layout.addWidget(form_area, 1)

        preview_area = QScrollArea(splitter)
        preview_area.setWidgetResizable(True)
        self.preview = QuestionPreview(info.languages, preview_area)
        index = self.preview.language.findData(self._language)
        self.preview.language.setCurrentIndex(max(0, index))
        preview_area.setWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([240, 560, 480])  # the splitter scales these to its width
        outer.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.status = QLabel(self)
        bottom.addWidget(self.status, 1)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.close_button.clicked.connect(self.close_editor)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        outer.addLayout(bottom)

    def _open(self, edited: EditablePack) -> None:
        self._edited_pack = edited
        self._images: dict[str, bytes | None] = {}
        self._questions: list[dict[str, Any]] = [dict(q) for q in edited.questions]
        self._problems: list[list[tuple[str, str]]] = [
            edited.problems(q, self._language) for q in self._questions
        ]
        self._dirty = False
        info = edited.info
        self.heading.setText(
            self.tr("Editing %1 (version %2)")
            .replace("%1", info.title.get(self._language))
            .replace("%2", info.version)
        )
        self.save_button.setText(self.tr("&Save as version %1").replace("%1", edited.next_version))
        self.list.blockSignals(True)
        self.list.clear()
        for _ in self._questions:
            self.list.addItem(QListWidgetItem())
        self.list.blockSignals(False)
        for row in range(len(self._questions)):
            self._label(row)
        self.list.setCurrentRow(0 if self._questions else -1)
        self._select(self.list.currentRow())

    # -- state ------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """Changes not saved yet."""
        return self._dirty

    @property
    def questions(self) -> list[dict[str, Any]]:
        return self._questions

    def _label(self, row: int) -> None:
        data = self._questions[row]
        prompt = data.get("prompt") or {}
        written = to_plain(prompt.get(self._language) or prompt.get("en") or "")
        # the teacher's own name for it first, as Moodle lists it
        text = data.get("title") or written or data.get("id") or "?"
        first_line = str(text).splitlines()[0] if str(text).strip() else "?"
        mark = "⚠ " if self._problems[row] else ""
        item = self.list.item(row)
        item.setText(f"{mark}{row + 1}. {first_line[:60]}")
        item.setToolTip("\n".join(m for _, m in self._problems[row]))

    def _select(self, row: int) -> None:
        self._check_timer.stop()
        if 0 <= row < len(self._questions):
            self.form.setEnabled(True)
            self.form.load(self._questions[row])
        else:
            self.form.setEnabled(False)
        self._show_state()

    def _edited(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self._questions[row] = self.form.data()
        self._dirty = True
        self._check_timer.start()
        self._update_buttons()

    def check_current(self) -> None:
        """Check the question in the form now (normally just after typing pauses)."""
        self._check_timer.stop()
        row = self.list.currentRow()
        if row >= 0:
            self._problems[row] = self._edited_pack.problems(self._questions[row], self._language)
            self._label(row)
        self._show_state()

    def _show_state(self) -> None:
        from quiz_app.services.editing import preview_question
        from quiz_app.services.packs import pack_media

        row = self.list.currentRow()
        problems = self._problems[row] if 0 <= row < len(self._problems) else []
        self.problems.setVisible(bool(problems))
        self.problems.setText("\n".join(f"• {message}" for _, message in problems))
        if 0 <= row < len(self._questions) and not problems:
            question = preview_question(self._questions[row])
            image = None
            if question.image:
                if question.image not in self._images:  # not read again at every pause
                    pack_id = self._edited_pack.info.id
                    self._images[question.image] = pack_media(
                        self._database, pack_id, question.image
                    )
                image = self._images[question.image]
            self.preview.show_question(question, image)
        else:
            self.preview.show_question(None)
        self._update_buttons()
        self.problems_shown.emit()

    def _update_buttons(self) -> None:
        bad = sum(1 for p in self._problems if p)
        row = self.list.currentRow()
        self.delete_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self._questions) - 1)
        ready = self._dirty and bad == 0 and bool(self._questions) and self._job is None
        self.save_button.setEnabled(ready)
        if bad:
            self.status.setText(self.tr("%1 question(s) have problems.").replace("%1", str(bad)))
        elif self._dirty:
            self.status.setText(self.tr("Changes not saved yet."))
        else:
            self.status.setText(
                self.tr("%1 question(s), no changes.").replace("%1", str(len(self._questions)))
            )

    # -- editing the list -------------------------------------------------------------------
    def new_question(self) -> None:
        taken = {q.get("id") for q in self._questions}
        number = len(self._questions) + 1
        while f"question-{number}" in taken:
            number += 1
        info = self._edited_pack.info
        data: dict[str, Any] = {
            "id": f"question-{number}",
            "type": "single",
            "topic": info.topics[0].key,
            "difficulty": 1,
            "prompt": {},
            "choices": [{"id": "a", "text": {}}, {"id": "b", "text": {}}],
            "answer": "a",
        }
        row = self.list.currentRow() + 1
        self._questions.insert(row, data)
        self._problems.insert(row, self._edited_pack.problems(data, self._language))
        self.list.insertItem(row, QListWidgetItem())
        self._relabel()
        self._dirty = True
        self.list.setCurrentRow(row)
        self.form.prompt[info.languages[0]].setFocus()

    def delete_question(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self._questions[row]
        del self._problems[row]
        self._dirty = True
        self.list.blockSignals(True)
        self.list.takeItem(row)
        self.list.blockSignals(False)
        self._relabel()
        self.list.setCurrentRow(min(row, len(self._questions) - 1))
        self._select(self.list.currentRow())

    def move_question(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self._questions):
            return
        questions, problems = self._questions, self._problems
        questions[row], questions[target] = questions[target], questions[row]
        problems[row], problems[target] = problems[target], problems[row]
        self._dirty = True
        self._relabel()
        self.list.setCurrentRow(target)

    def _relabel(self) -> None:
        for row in range(len(self._questions)):
            self._label(row)

    # -- saving and leaving -----------------------------------------------------------------
    def save(self) -> None:
        from quiz_app.services.editing import save_edited_pack

        self.check_current()
        if not self.save_button.isEnabled():
            return
        edited, questions = self._edited_pack, [dict(q) for q in self._questions]
        database = self._database
        self.status.setText(self.tr("Saving…"))
        self._job = database_worker(database).run(
            lambda: save_edited_pack(database, edited, questions),
            self._saved,
            self._save_failed,
            self._save_ended,
        )
        self._update_buttons()

    def _saved(self, plan: ImportPlan) -> None:
        from quiz_app.services.editing import open_pack_for_editing

        self._job = None
        row = self.list.currentRow()
        self._open(open_pack_for_editing(self._database, plan.pack_id))
        self.list.setCurrentRow(min(max(row, 0), len(self._questions) - 1))
        self.saved.emit(plan)
        if self._close_after_save:
            self.closed.emit()

    def _save_failed(self, error: Exception) -> None:
        self._job = None
        self._close_after_save = False
        self._update_buttons()
        QMessageBox.warning(self, self.tr("Save"), error_text(error))

    def _save_ended(self, job: Job[Any]) -> None:
        """A bug in the save must not leave the editor saving, unable to close."""
        if job.crashed and self._job in (None, job):  # the crash dialog says the rest
            self._job = None
            self._close_after_save = False
            self._update_buttons()

    @property
    def saving(self) -> bool:
        return self._job is not None

    def confirm_leave(self) -> bool:
        """True when the editor may go: nothing unsaved, or the teacher said so."""
        if self.saving:
            return False
        if not self._dirty:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to %1 as version %2?")
            .replace("%1", self._edited_pack.info.id)
            .replace("%2", self._edited_pack.next_version),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            self._close_after_save = True
            self.save()
            return False  # it leaves once the save has landed
        return answer == buttons.Discard

    def close_editor(self) -> None:
        if self.confirm_leave():
            self._dirty = False
            self.closed.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_leave():
            event.accept()
        else:
            event.ignore()
