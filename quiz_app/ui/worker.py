"""Running a service off the GUI thread, with its result or error delivered back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        from quiz_app.core.errors import QuizError

        try:
            result = self.work()
        except QuizError as err:  # a user's problem: shown as a message
            self.signals.failed.emit(err)
            return
        self.signals.done.emit(result)


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Any], None],
) -> _Job:
    """Run ``work`` on the thread pool; the callbacks run on the GUI thread.

    Anything other than a QuizError is a bug and is left to the crash handler.
    """
    job = _Job(work)
    job.setAutoDelete(False)  # the caller keeps it (and its signals) alive until done
    job.signals.done.connect(on_done)
    job.signals.failed.connect(on_failed)
    QThreadPool.globalInstance().start(job)
    return job
