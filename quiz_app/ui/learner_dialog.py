"""Creating a learner: a name, a colour to recognise them by, a language, and (on a
shared computer) a password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

COLOURS = ("#3b82f6", "#16a34a", "#d97706", "#dc2626", "#9333ea", "#0d9488")


def swatch(colour: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class NewLearnerDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New learner"))
        layout = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        layout.addRow(self.tr("&Name:"), self.name)

        names = (
            self.tr("Blue"),
            self.tr("Green"),
            self.tr("Orange"),
            self.tr("Red"),
            self.tr("Purple"),
            self.tr("Teal"),
        )
        row = QHBoxLayout()
        self._colours = QButtonGroup(self)
        for i, (colour, name) in enumerate(zip(COLOURS, names, strict=True)):
            # Pick one colour: radio buttons, so a screen reader says so (not "check box").
            button = QRadioButton(self)
            button.setIcon(swatch(colour, 20))
            button.setAccessibleName(name)
            button.setToolTip(name)
            self._colours.addButton(button, i)
            row.addWidget(button)
        self._colours.button(0).setChecked(True)
        row.addStretch(1)
        colour_row = QWidget(self)
        colour_row.setLayout(row)
        layout.addRow(self.tr("&Colour:"), colour_row)

        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        layout.addRow(self.tr("&Language:"), self.language)

        # Only for a shared computer: most learners never need one.
        self.password_field = QLineEdit(self)
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.setAccessibleName(self.tr("Password (optional)"))
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Password again"))
        layout.addRow(self.tr("&Password (optional):"), self.password_field)
        layout.addRow(self.tr("&Again:"), self.again)
        hint = QLabel(
            self.tr(
                "On a computer shared with others: asked whenever this learner is chosen, "
                "so nobody else sees their results."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addRow(hint)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            Qt.Orientation.Horizontal,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        for field in (self.name, self.password_field, self.again):
            field.textChanged.connect(self._typed)

    def _typed(self) -> None:
        same = self.password_field.text() == self.again.text()
        self.ok.setEnabled(bool(self.name.text().strip()) and same)

    def password(self) -> str | None:
        return self.password_field.text() or None

    def colour(self) -> str:
        return COLOURS[max(self._colours.checkedId(), 0)]

    def chosen_language(self) -> str:
        return str(self.language.currentData())
