"""Who may be the learner at a shared computer: learners' optional passwords.

A learner who keeps a password is chosen only with it (or while teacher mode is
unlocked); whoever is chosen sees and exports only their own results. Choosing another
learner, File › Sign out, or ``IDLE_MINUTES`` without a key or a click (outside a quiz)
signs a learner out. The teacher clears a forgotten password (Teacher › Clear a
learner's password…).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from quiz_app.core.changes import Changes
from quiz_app.core.errors import QuizError
from quiz_app.ui.context import AppContext
from quiz_app.ui.teacher_gate import TeacherGate, write_and_wait
from quiz_app.ui.worker import database_worker

if TYPE_CHECKING:
    from quiz_app.core.learners import Learner
    from quiz_app.ui.navigation import Navigation


def password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class PasswordDialog(QDialog):
    """A learner sets, changes or removes their own password."""

    def __init__(self, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My password"))
        layout = QFormLayout(self)
        about = QLabel(
            self.tr(
                "With a password, %1 is chosen on this computer only with it, so nobody "
                "else sees or exports your results. Leave both new fields empty to "
                "remove it. If you forget it, the teacher can clear it."
            ).replace("%1", learner.name),
            self,
        )
        about.setWordWrap(True)
        about.setMinimumWidth(about.fontMetrics().height() * 24)
        layout.addRow(about)
        self.current: QLineEdit | None = None
        if learner.has_password:
            self.current = password_field(self, self.tr("Current password"))
            layout.addRow(self.tr("&Current password:"), self.current)
        self.new = password_field(self, self.tr("New password"))
        self.again = password_field(self, self.tr("New password again"))
        layout.addRow(self.tr("&New password:"), self.new)
        layout.addRow(self.tr("&Again:"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            Qt.Orientation.Horizontal,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._protected = learner.has_password
        for field in (self.new, self.again):
            field.textChanged.connect(self._typed)
        self._typed()

    def _typed(self) -> None:
        same = self.new.text() == self.again.text()
        # Both empty removes a password: only worth an OK when there is one.
        self.ok.setEnabled(same and (bool(self.new.text()) or self._protected))

    def new_password(self) -> str | None:
        return self.new.text() or None

    def current_password(self) -> str | None:
        return None if self.current is None else self.current.text()


class LearnerAccess(QObject):
    """Lets a learner be chosen, or not; signs learners out."""

    def __init__(
        self, window: QWidget, context: AppContext, gate: TeacherGate, navigation: Navigation
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._gate = gate
        self._navigation = navigation
        gate.idle.connect(self.sign_out_if_idle)

    def admit(self, learner: Learner) -> bool:
        """True if ``learner`` may be chosen now: no password, teacher mode unlocked, or
        the right password given (asked until it is, or the asking is cancelled)."""
        from quiz_app.services.learners import (
            PasswordWaitError,
            WrongPasswordError,
            check_password,
        )

        database = self._context.database
        if not learner.has_password or self._gate.unlocked:
            return True
        if database is None:
            return False
        title = self.tr("Learner password")
        prompt = self.tr("Password for %1:").replace("%1", learner.name)
        while True:
            password, ok = QInputDialog.getText(
                self._window, title, prompt, QLineEdit.EchoMode.Password
            )
            if not ok:
                return False
            try:
                write_and_wait(database, partial(check_password, database, learner.id, password))
            except PasswordWaitError as err:
                QMessageBox.warning(self._window, title, err.message(self._context.language))
                return False
            except WrongPasswordError as err:
                prompt = err.message(self._context.language) + "\n" + prompt
                continue
            return True

    def sign_out(self) -> None:
        """File › Sign out: nobody is chosen; Home shows, with the quiz of the learner
        who left kept for later."""
        self._gate.lock()
        self._navigation.back_home()
        self._navigation.home.choose_nobody()

    def sign_out_if_idle(self) -> None:
        """Nobody has touched the app for a while: a learner with a password is signed
        out, unless in a quiz (their answers are saved; the quiz is theirs to finish)."""
        navigation = self._navigation
        home = navigation.home
        chosen = home.chosen_learner()
        if chosen is None or not chosen.has_password:
            return
        if navigation.quiz_screen is not None and (
            navigation.stack.currentWidget() is navigation.quiz_screen
        ):
            return
        self.sign_out()

    def ask_set_password(self) -> None:
        """Study › My password…: the learner chosen sets, changes or removes theirs."""
        from quiz_app.services.learners import get_learner, set_password

        database = self._context.database
        chosen = self._navigation.home.current_learner()
        learner = None if database is None or chosen is None else get_learner(database, chosen)
        if database is None or learner is None:
            return
        dialog = PasswordDialog(learner, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        new, current = dialog.new_password(), dialog.current_password()
        title = self.tr("My password")
        try:
            write_and_wait(database, lambda: set_password(database, learner.id, new, current))
        except QuizError as err:
            QMessageBox.warning(self._window, title, err.message(self._context.language))
            return
        self._context.signed_in = learner.id  # stays chosen, password or not
        self._context.notify(Changes.LEARNERS)
        done = (
            self.tr("Your password is set: it is asked whenever %1 is chosen.")
            if new is not None
            else self.tr("Your password is removed: anyone at this computer can choose %1.")
        )
        QMessageBox.information(self._window, title, done.replace("%1", learner.name))

    def ask_clear_password(self) -> None:
        """Teacher › Clear a learner's password…: for one forgotten (teacher PIN first)."""
        from quiz_app.services.learners import clear_password, list_learners

        database = self._context.database
        if database is None or not self._gate.unlock():
            return
        title = self.tr("Clear a learner's password")
        protected = [one for one in list_learners(database) if one.has_password]
        if not protected:
            QMessageBox.information(self._window, title, self.tr("No learner has a password."))
            return
        names = [one.name for one in protected]
        name, ok = QInputDialog.getItem(
            self._window,
            title,
            self.tr("Whose password? They can choose a new one after."),
            names,
            0,
            False,
        )
        if not ok or name not in names:
            return
        learner = protected[names.index(name)]
        database_worker(database).run(
            lambda: clear_password(database, learner.id), self._context.notify
        )
