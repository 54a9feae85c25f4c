"""Leaving a quiz before its end: keep it for later, abandon it, or carry on."""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QMessageBox, QWidget

Choice = Literal["keep", "abandon", "stay"]


class LeaveQuizBox(QMessageBox):
    def __init__(self, parent: QWidget, answered: int) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Leave the quiz"))
        self.setText(
            self.tr(
                "Answers so far: %1, all saved. Keep the quiz to finish later, or abandon it?"
            ).replace("%1", str(answered))
        )
        self.keep = self.addButton(self.tr("&Keep for later"), QMessageBox.ButtonRole.AcceptRole)
        self.abandon = self.addButton(
            self.tr("&Abandon quiz"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.stay = self.addButton(self.tr("Carry &on"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.keep)
        self.setEscapeButton(self.stay)

    def choice(self) -> Choice:
        """What the learner chose (Esc or closing the box: carry on)."""
        clicked = self.clickedButton()
        if clicked is self.keep:
            return "keep"
        if clicked is self.abandon:
            return "abandon"
        return "stay"
