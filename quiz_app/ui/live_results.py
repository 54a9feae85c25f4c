"""Class results that follow the class: while the screen is in front, the bank is looked
at every ``POLL_S`` seconds (one small query, off the GUI thread), and the screen is built
again when answers, finished quizzes or learners were added by other computers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from quiz_app.core.changes import Changes
from quiz_app.core.errors import QuizError
from quiz_app.ui.context import AppContext
from quiz_app.ui.worker import database_worker

POLL_S = 5


class LiveResults(QObject):
    def __init__(
        self, window: QMainWindow, context: AppContext, showing: Callable[[], bool]
    ) -> None:
        super().__init__(window)
        self._context = context
        self._showing = showing
        self._mark: tuple[int, int, int] | None = None
        self._looking = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_S * 1000)
        self.timer.timeout.connect(self.look)

    def start(self) -> None:
        """The class results are in front: follow the bank from what it holds now."""
        self._mark = None
        self.timer.start()
        self.look()

    def look(self) -> None:
        from quiz_app.services.live import results_mark_of

        database = self._context.database
        if database is None or not self._showing():
            self.timer.stop()  # the teacher went elsewhere: nothing to keep live
            return
        if self._looking:
            return
        self._looking = True
        database_worker(database).run(
            lambda: results_mark_of(database), self._seen, self._not_seen, self._ended
        )

    def _seen(self, mark: tuple[int, int, int]) -> None:
        before, self._mark = self._mark, mark
        if before is not None and mark != before and self._showing():
            self._context.notify(Changes.ANSWERS | Changes.QUIZZES | Changes.LEARNERS)

    def _not_seen(self, _error: QuizError) -> None:
        pass  # a busy bank or a server away for a moment: the next look tries again

    def _ended(self, _job: object) -> None:
        self._looking = False
