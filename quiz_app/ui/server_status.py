"""The status bar's word on the classroom server: reached, or not and how many answers
wait on this computer; while some wait, they are sent again every ``RETRY_S`` seconds."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from quiz_app.core.changes import Changes
from quiz_app.core.errors import QuizError
from quiz_app.ui.announce import announce
from quiz_app.ui.context import AppContext
from quiz_app.ui.worker import database_worker

RETRY_S = 20


class ServerStatus(QObject):
    """Shown only while the bank is a classroom server's."""

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self._context = context
        self.label = QLabel()
        self.label.setObjectName("serverStatus")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_S * 1000)
        self._retry.timeout.connect(self.send_waiting)
        self._waiting = 0
        self._sending = False
        context.opened.connect(self.refresh)
        context.changed.connect(self._changed)
        self.refresh()

    def _server(self) -> bool:
        from quiz_app.services.bank import on_server

        database = self._context.database
        return database is not None and on_server(database)

    def _changed(self, changes: Changes) -> None:
        if changes & (Changes.ANSWERS | Changes.QUIZZES):
            self.refresh()

    def refresh(self) -> None:
        """Count what waits in the outbox (a local file: quick) and say so."""
        database = self._context.database
        if database is None or not self._server():
            self.label.hide()
            self._retry.stop()
            return
        # Only a server's bank has an outbox: its module (and the results exchange behind
        # it) is not imported on the GUI thread at start for a computer's own bank.
        from quiz_app.services.outbox import outbox_state

        try:
            waiting = outbox_state(database).answers
        except QuizError as err:
            self._show(err.message(self._context.language), warn=True)
            return
        self._set_waiting(waiting)

    def _set_waiting(self, waiting: int) -> None:
        before, self._waiting = self._waiting, waiting
        if waiting:
            text = self.tr(
                "Classroom server not reached. Answers kept on this computer until it is back: %1"
            ).replace("%1", str(waiting))
            self._show(text, warn=True)
            if before == 0:
                announce(self.label, text)
            if not self._retry.isActive():
                self._retry.start()
        else:
            self._show(self.tr("Classroom server: connected"), warn=False)
            if before:
                announce(self.label, self.tr("Every waiting answer reached the classroom server."))
            self._retry.stop()

    def _show(self, text: str, *, warn: bool) -> None:
        self.label.setText(("⚠ " if warn else "● ") + text)
        self.label.setAccessibleName(text)
        self.label.setToolTip(text)
        self.label.show()

    def send_waiting(self) -> None:
        """Try to send what waits (on the bank's writer, off the GUI thread)."""
        from quiz_app.services.outbox import outbox_state, send_outbox

        database = self._context.database
        if database is None or self._sending or not self._server():
            return
        self._sending = True

        def send() -> int:
            send_outbox(database)
            return outbox_state(database).answers

        database_worker(database).run(send, self._sent, self._not_sent, self._ended)

    def _sent(self, waiting: int) -> None:
        self._set_waiting(waiting)
        self._context.notify(Changes.ANSWERS | Changes.QUIZZES | Changes.SCHEDULES)

    def _not_sent(self, _error: QuizError) -> None:
        pass  # still unreachable (or refused): the answers keep waiting, shown as such

    def _ended(self, _job: object) -> None:
        self._sending = False
