"""File › Connect to classroom server…: which PostgreSQL bank this computer uses.

The password is never asked for or kept here: PostgreSQL's client library reads it from
the user's pgpass file (docs/classroom-server.md).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from quiz_app.core.errors import QuizError
from quiz_app.ui.context import AppContext
from quiz_app.ui.worker import run_in_background

DEFAULT_PORT = 5432


class ServerDialog(QDialog):
    """Host, port, database and user of the classroom server."""

    def __init__(
        self,
        current: tuple[str, int, str, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to classroom server"))
        layout = QFormLayout(self)
        about = QLabel(
            self.tr(
                "A class can share one bank on the school's PostgreSQL server. The password "
                "is not typed here: put it in your pgpass file, as the teacher's guide says."
            ),
            self,
        )
        about.setWordWrap(True)
        about.setMinimumWidth(about.fontMetrics().height() * 24)
        layout.addRow(about)
        host, port, database, user = current or ("", DEFAULT_PORT, "change_quiz", "")
        self.host = QLineEdit(host, self)
        self.host.setAccessibleName(self.tr("Server"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(port)
        self.port.setAccessibleName(self.tr("Port"))
        self.database = QLineEdit(database, self)
        self.database.setAccessibleName(self.tr("Database"))
        self.user = QLineEdit(user, self)
        self.user.setAccessibleName(self.tr("User"))
        layout.addRow(self.tr("&Server:"), self.host)
        layout.addRow(self.tr("&Port:"), self.port)
        layout.addRow(self.tr("&Database:"), self.database)
        layout.addRow(self.tr("&User:"), self.user)
        buttons = QDialogButtonBox(Qt.Orientation.Horizontal, self)
        self.connect_button = QPushButton(self.tr("&Connect"), self)
        buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.local = QPushButton(self.tr("Use this computer's &own bank"), self)
        buttons.addButton(self.local, QDialogButtonBox.ButtonRole.ResetRole)
        self.local.setVisible(current is not None)  # once in the box, which shows its buttons
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.local.clicked.connect(self._use_local)
        layout.addRow(buttons)
        self.chose_local = False
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._typed)
        self._typed()

    def _typed(self) -> None:
        filled = all(f.text().strip() for f in (self.host, self.database, self.user))
        self.connect_button.setEnabled(filled)

    def _use_local(self) -> None:
        self.chose_local = True
        self.accept()

    def values(self) -> tuple[str, int, str, str]:
        return (
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )


class ServerActions(QObject):
    """Connects this computer to a classroom server, or back to its own bank."""

    def __init__(self, window: QWidget, context: AppContext) -> None:
        super().__init__(window)
        self._window = window
        self._context = context

    def ask_connect(self) -> None:
        from quiz_app.services.server import connected_server

        try:
            saved = connected_server()
        except QuizError:
            saved = None  # damaged settings: choose again
        current = None if saved is None else (saved.host, saved.port, saved.database, saved.user)
        dialog = ServerDialog(current, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.chose_local:
            from quiz_app.services.server import disconnect_from_server

            disconnect_from_server()
            self._next_start(
                self.tr("Chang'e Quiz opens this computer's own bank at its next start.")
            )
            return
        host, port, database, user = dialog.values()

        def connect() -> str:
            from quiz_app.services.server import ServerConnection, connect_to_server

            return connect_to_server(ServerConnection(host, database, user, port))

        run_in_background(connect, self._connected, self._refused)

    def _connected(self, where: str) -> None:
        self._next_start(
            self.tr(
                "Connected to %1. Chang'e Quiz opens the class's bank at its next start."
            ).replace("%1", where)
        )

    def _refused(self, error: QuizError) -> None:
        QMessageBox.warning(
            self._window,
            self.tr("Connect to classroom server"),
            error.message(self._context.language),
        )

    def _next_start(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Classroom server"), text, parent=self._window
        )
        quit_now = box.addButton(self.tr("&Quit now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is quit_now:
            self._window.close()
