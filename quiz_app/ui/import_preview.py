"""The preview before an import: what would change, or every problem, then Import/Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from quiz_app.core.errors import Problem
from quiz_app.core.importing import ImportKind, ImportPlan
from quiz_app.ui.i18n import current_language


def plan_message(template: str, plan: ImportPlan) -> str:
    """A translated message about ``plan`` with its placeholders filled: %1 the pack, %2
    its version, %3 added, %4 changed, %5 retired, %6 restored."""
    return (
        template.replace("%1", plan.pack_id)
        .replace("%2", plan.new_version)
        .replace("%3", str(len(plan.added)))
        .replace("%4", str(len(plan.changed)))
        .replace("%5", str(len(plan.retired)))
        .replace("%6", str(len(plan.restored)))
    )


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        source: str,
        plan: ImportPlan | None,
        problems: list[Problem] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import pack"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details"))
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        layout.addWidget(buttons)
        language = current_language()  # a problem read from a file says it in both
        if problems:
            self.summary.setText(
                self.tr("%1 cannot be imported: %2 problem(s). Nothing was changed.")
                .replace("%1", source)
                .replace("%2", str(len(problems)))
            )
            self.details.setPlainText("\n".join(p.text(language) for p in problems))
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(self.reject)
            self.can_import = False
            return
        assert plan is not None
        self.can_import = plan.kind is not ImportKind.UNCHANGED
        if not self.can_import:
            self.summary.setText(
                plan_message(self.tr("%1 %2 is already in the bank: nothing to import."), plan)
            )
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(self.reject)
            return
        summary = plan_message(
            self.tr("Import %1 %2: %3 added, %4 changed, %5 retired, %6 restored."), plan
        )
        lines: list[str] = []
        if plan.skipped:
            summary += " " + self.tr(
                "%1 question(s) of the file cannot be read and would be left out:"
            ).replace("%1", str(len(plan.skipped)))
            lines += [p.text(language) for p in plan.skipped] + [""]
        if plan.notes:
            lines.append(self.tr("Changed on the way in:"))
            lines += [p.text(language) for p in plan.notes] + [""]
        self.summary.setText(summary)
        for label, keys in (
            (self.tr("added"), plan.added),
            (self.tr("changed"), plan.changed),
            (self.tr("retired"), plan.retired),
            (self.tr("restored"), plan.restored),
        ):
            lines += [f"{label}: {key}" for key in keys]
        self.details.setPlainText("\n".join(lines))
        self.import_button = buttons.addButton(
            self.tr("&Import the rest") if plan.skipped else self.tr("&Import"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
