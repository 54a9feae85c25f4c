"""Teacher mode: the PIN in front of importing, editing and everyone's results.

Unlocked, teacher mode lasts until the teacher locks it (Teacher › Lock), another learner
is chosen, or nobody has touched the app for ``IDLE_MINUTES`` (``idle``, which also signs
out a learner who keeps a password): a teacher who walks away from a shared computer does
not leave it unlocked for the next learner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from quiz_app.core.errors import QuizError
from quiz_app.ui.context import AppContext
from quiz_app.ui.worker import database_worker

if TYPE_CHECKING:
    from quiz_app.services.bank import Database


def write_and_wait(database: Database, work: Callable[[], object]) -> bool:
    """Run ``work`` on the bank's one writer and wait for it, the window still drawing.
    Its QuizError is raised here; False if it crashed (the crash dialog says so)."""
    loop = QEventLoop()
    failed: list[QuizError] = []
    done: list[object] = []
    database_worker(database).run(work, done.append, failed.append, lambda _job: loop.quit())
    loop.exec()
    if failed:
        raise failed[0]
    return bool(done)


IDLE_MINUTES = 10
_INPUT = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin}
)


class TeacherGate(QObject):
    """Asks for the PIN when teacher mode is locked (setting one on first use)."""

    locked = Signal()
    """Teacher mode has just been locked."""
    offered = Signal(object)
    """The first start's offer to set a PIN (a QMessageBox), as it is shown."""
    idle = Signal()
    """Nobody has pressed a key or clicked for ``IDLE_MINUTES``."""

    def __init__(self, window: QWidget, context: AppContext) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self.unlocked = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MINUTES * 60_000)
        self._idle.timeout.connect(self.idle)
        self.idle.connect(self.lock)
        self._idle.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # any key or click: somebody is still there

    def offer_pin(self) -> None:
        """At the first start of a new bank: offer to set the teacher PIN, saying what it
        protects. Asked once per bank, whatever the answer."""
        from quiz_app.services.learners import list_learners
        from quiz_app.services.teacher import has_pin, pin_offered, remember_pin_offered

        database = self._context.database
        if not self._window.isVisible():
            return  # closed before the bank was open: nobody to ask
        if database is None or database.class_computer:
            return  # a class computer of a classroom server: the PIN is the teacher's
        if has_pin(database) or pin_offered(database):
            return
        if list_learners(database):
            return  # a bank already in use: its teacher knows where the PIN is
        write_and_wait(database, lambda: remember_pin_offered(database))
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Teacher PIN"), "", parent=self._window
        )
        box.setText(self.tr("Set a teacher PIN for this computer now?"))
        box.setInformativeText(
            self.tr(
                "It keeps importing and editing packs, class results, merging learners' "
                "results and restoring backups for the teacher. It does not stop someone "
                "who can copy the bank file from reading it. You can set it later: the "
                "first teacher action asks for it."
            )
        )
        choose = box.addButton(self.tr("&Set a PIN…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        self.offered.emit(box)
        box.exec()
        if box.clickedButton() is choose:
            self.unlock()

    def lock(self) -> None:
        """Teacher mode off: the next teacher action asks for the PIN again."""
        if self.unlocked:
            self.unlocked = False
            self.locked.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._idle.start()
        return False

    def unlock(self) -> bool:
        """True once the teacher has given the PIN (or chosen one, on first use)."""
        from quiz_app.services.teacher import check_pin, has_pin, set_pin

        database = self._context.database
        if self.unlocked or database is None:
            return self.unlocked
        window = self._window
        password = QLineEdit.EchoMode.Password
        title = self.tr("Teacher mode")
        if database.class_computer:
            QMessageBox.information(
                window,
                title,
                self.tr(
                    "This is a class computer of the classroom server. Teacher mode, "
                    "packs and the whole class's results are on the teacher's computer."
                ),
            )
            return False
        try:
            if not has_pin(database):
                pin, ok = QInputDialog.getText(
                    window, title, self.tr("Choose a teacher PIN (4 to 12 digits):"), password
                )
                if not ok:
                    return False
                again, ok = QInputDialog.getText(
                    window, title, self.tr("The same PIN again:"), password
                )
                if not ok:
                    return False
                if pin != again:
                    raise QuizError(self.tr("The two PINs differ; nothing was set."))
                if not write_and_wait(database, lambda: set_pin(database, pin)):
                    return False
            else:
                pin, ok = QInputDialog.getText(window, title, self.tr("Teacher PIN:"), password)
                if not ok:
                    return False
                check_pin(database, pin)
        except QuizError as err:
            QMessageBox.warning(window, title, err.message(self._context.language))
            return False
        self.unlocked = True
        self._idle.start()
        return True
