"""What the user sees of a bug: the crash dialog, and the note about a last run that
did not close cleanly. The crash handler (crash.py) decides when they appear."""

from __future__ import annotations

import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quiz_app import __version__

if TYPE_CHECKING:
    from quiz_app.ui.crash import CrashReport

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | (
    Qt.TextInteractionFlag.TextSelectableByKeyboard
)


def crash_details(summary: str, tracebacks: list[str], log_file: Path) -> str:
    """What "Copy details" puts on the clipboard: enough for a developer to start."""
    del summary  # the traceback ends with it
    head = [
        f"Chang'e Quiz {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"System: {platform.platform()}",
        f"Log: {log_file}",
        f"Copied: {datetime.now(UTC).isoformat(timespec='seconds')}",
    ]
    return "\n".join(head) + "\n\n" + "\n--- and then ---\n\n".join(tracebacks)


class CrashDialog(QDialog):
    """A bug, in plain words: what happened, that the answers are safe, what to do."""

    def __init__(
        self, summary: str, traceback: str, log_file: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._summary = summary
        self._tracebacks = [traceback]
        self._log_file = log_file
        self.quit_chosen = False
        self.setWindowTitle(self.tr("Chang'e Quiz: something went wrong"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(560)

        outer = self._outer = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        self.heading = self._label(self.tr("Chang'e Quiz ran into a bug."))
        self.heading.setProperty("role", "title")
        self.explanation = self._label(
            self.tr(
                "This is a mistake in the app, not something you did. Your answers are "
                "safe: each one was saved the moment you submitted it."
            )
        )
        self.advice = self._label(
            self.tr(
                "You can carry on with what you were doing. If the app then behaves "
                "strangely, quit and start it again. If this keeps happening, send the "
                "details or the log file to your teacher or to the app's makers."
            )
        )
        self.error = self._label(self.tr("What went wrong: %1").replace("%1", summary[:300]))
        self.error.setTextInteractionFlags(_SELECTABLE)
        self.log_label = self._label(self.tr("The log file, with the details:"))
        self.log_path = QLineEdit(str(log_file), self)
        self.log_path.setReadOnly(True)  # selectable and copyable, never edited
        self.log_path.setCursorPosition(0)
        self.log_path.setAccessibleName(self.tr("The log file, with the details:"))
        self.log_label.setBuddy(self.log_path)
        self.more = self._label("")
        self.more.hide()
        for widget in (self.heading, self.explanation, self.advice, self.error):
            text.addWidget(widget)
        text.addSpacing(6)
        text.addWidget(self.log_label)
        text.addWidget(self.log_path)
        text.addWidget(self.more)
        text.addStretch(1)  # spare height below the words, not between them
        top.addLayout(text, 1)
        outer.addLayout(top)

        self.details_button = QToolButton(self)
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setText(self.tr("Show details"))
        self.details_button.toggled.connect(self.show_details)  # a method: bool signal
        outer.addWidget(self.details_button)
        self.details = QPlainTextEdit(traceback, self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName(self.tr("Details of the error"))
        self.details.setMinimumHeight(180)
        self.details.hide()
        outer.addWidget(self.details, 1)

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy details"), self)
        self.copy_button.clicked.connect(self.copy_details)
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        self.quit_button.clicked.connect(self.quit)
        self.carry_on_button = QPushButton(self.tr("Carry &on"), self)
        self.carry_on_button.setDefault(True)
        self.carry_on_button.clicked.connect(self.accept)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.carry_on_button)
        outer.addLayout(buttons)
        self.carry_on_button.setFocus()
        self._fit()

    def _fit(self) -> None:
        """As tall as the wrapped words need at the dialog's width, no taller."""
        width = max(self.width(), self.minimumWidth()) if self.isVisible() else 560
        self._outer.invalidate()  # what was just shown or hidden counts
        self._outer.activate()
        height = self.heightForWidth(width)
        self.resize(width, height if height > 0 else self.sizeHint().height())

    def _label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # an error message is not markup
        return label

    @property
    def errors(self) -> int:
        """How many errors this dialog stands for."""
        return len(self._tracebacks)

    def add_another(self, summary: str, traceback: str) -> None:
        """One more error while the dialog shows: counted here, not another dialog."""
        del summary
        self._tracebacks.append(traceback)
        self.details.setPlainText("\n--- and then ---\n\n".join(self._tracebacks))
        more = len(self._tracebacks) - 1
        self.more.setText(
            self.tr("One more error happened after this one; it is in the log too.")
            if more == 1
            else self.tr(
                "%1 more errors happened after this one; they are in the log too."
            ).replace("%1", str(more))
        )
        self.more.show()

    def details_text(self) -> str:
        return crash_details(self._summary, self._tracebacks, self._log_file)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self.copy_button.setText(self.tr("Copied"))

    def show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.details_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self._fit()

    def quit(self) -> None:
        self.quit_chosen = True
        self.reject()


class PreviousCrashNote(QMessageBox):
    """The note that the last run did not close cleanly: not modal, nothing to decide."""

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Chang'e Quiz"))
        self.setText(self.tr("Chang'e Quiz did not close properly last time."))
        self.setInformativeText(
            self.tr(
                "Answers submitted before then are saved. If this keeps happening, please "
                "pass the log file to your teacher or to the app's makers:"
            )
            + f"\n{report.log_file}"
        )
        lines = []
        if report.started is not None:
            when = report.started.astimezone().strftime("%Y-%m-%d %H:%M")
            lines.append(self.tr("That run started at %1.").replace("%1", when))
        lines.append(
            report.traceback
            or self.tr(
                "It left no traceback: it may have been stopped from outside, or the "
                "computer was switched off."
            )
        )
        self.setDetailedText("\n\n".join(lines))
        informative = self.findChild(QLabel, "qt_msgbox_informativelabel")
        if informative is not None:  # wide enough for the log's path on one line
            informative.setMinimumWidth(460)
        self.setTextInteractionFlags(_SELECTABLE)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
