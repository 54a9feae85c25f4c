"""Choosing a backup of the bank to restore: when, why, what it holds; damaged ones shown
but not choosable. The caller restores the chosen one (services.backups.restore_backup).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quiz_app.services.backups import BackupInfo, BackupReason

DATE, REASON, LEARNERS, QUIZZES, ANSWERS, SIZE = range(6)


class _BackupTable(QTableWidget):
    chosen = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit()
            return
        super().keyPressEvent(event)


class RestoreBackupDialog(QDialog):
    """``exec()`` returns Accepted once the user has chosen a backup and confirmed;
    ``chosen()`` is then that backup."""

    def __init__(self, backups: Sequence[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backups = list(backups)
        self._chosen: BackupInfo | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the backup to put in place of the question bank. The bank as it "
                "is now is backed up first, so a restore can be undone."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

        self.table = _BackupTable(len(self._backups), 6, self)

        self.table.setTabKeyNavigation(False)  # Tab leaves a read-only table
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Made"),
                self.tr("Learners"),
                self.tr("Quizzes"),
                self.tr("Answers"),
                self.tr("Size"),
            ]
        )
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        for row, backup in enumerate(self._backups):
            self._fill(row, backup)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.table.chosen.connect(self._restore)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        layout.addWidget(self.table, 1)

        buttons = QDialogButtonBox(self)
        self.restore = QPushButton(self.tr("&Restore…"), self)
        self.restore.setDefault(True)
        buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        first = next((i for i, b in enumerate(self._backups) if b.restorable), None)
        if not self._backups:
            self.note.setText(self.tr("There are no backups of this bank yet."))
        elif first is None:
            self.note.setText(self.tr("None of these backups can be restored."))
        else:
            self.table.setCurrentCell(first, DATE)
        self.note.setVisible(bool(self.note.text()))
        self._selection_changed()
        self.table.setFocus()
        self.resize(720, 400)

    def _reason(self, reason: BackupReason) -> str:
        return {
            BackupReason.UPGRADE: self.tr("Before an upgrade"),
            BackupReason.CLOSE: self.tr("When the app closed"),
            BackupReason.RESTORE: self.tr("Before a restore"),
            BackupReason.MANUAL: self.tr("By hand"),
        }[reason]

    def _fill(self, row: int, backup: BackupInfo) -> None:
        when = backup.stamp.when.astimezone().strftime("%Y-%m-%d %H:%M")
        size = QLocale().formattedDataSize(backup.size)
        if backup.contents is None:
            counts = [self.tr("Damaged: cannot be restored"), "", ""]
        else:
            c = backup.contents
            counts = [str(c.learners), str(c.quizzes), str(c.answers)]
        cells = [when, self._reason(backup.stamp.reason), *counts, size]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(str(backup.path))
            if LEARNERS <= column <= SIZE and backup.contents is not None:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if backup.contents is None:
                # Greyed and out of reach of the mouse and the arrow keys.
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(f"{backup.path}\n{backup.problem}")
            self.table.setItem(row, column, item)
        if backup.contents is None:
            self.table.setSpan(row, LEARNERS, 1, 3)

    def _current(self) -> BackupInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        backup = self._backups[rows.pop()]
        return backup if backup.restorable else None

    def _selection_changed(self) -> None:
        self.restore.setEnabled(self._current() is not None)

    def _double_clicked(self, _row: int, _column: int) -> None:
        self._restore()  # Qt sends none for a damaged (disabled) row

    def _restore(self) -> None:
        backup = self._current()
        if backup is None:
            return
        when = backup.stamp.when.astimezone().strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Put the backup of %1 in place of the question bank?\n\n"
                "The bank as it is now is backed up first: to undo the restore, restore "
                "that backup."
            ).replace("%1", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._chosen = backup
            self.accept()

    def chosen(self) -> BackupInfo | None:
        """The backup the user chose and confirmed (None when cancelled)."""
        return self._chosen
