"""Work off the GUI thread that always ends, whatever happens inside it.

A job reports exactly one outcome on the GUI thread: *done* (its result), *failed* (a
``QuizError``: a message for the user) or *crashed* (anything else: a bug, handed to the
crash handler), and then, always, *finished*, so that a caller's busy state ends even
when the job met a bug.

Everything that touches the bank runs on the bank's one writer,
``database_worker(database)``: one thread, jobs in the order they were given, the way
Anki runs its collection operations. Two writers would otherwise meet SQLite's
"database is locked". ``run_in_background`` is for work that leaves the bank alone.

    self._job = database_worker(db).run(
        lambda: save_edited_pack(db, edited, questions),  # on the writer's thread
        self._saved,  # on the GUI thread, with the result
        self._save_failed,  # on the GUI thread, with the QuizError
        self._save_ended,  # on the GUI thread, last, with the job: always
    )
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

from quiz_app.core.errors import QuizError
from quiz_app.ui.crash import report_crash

if TYPE_CHECKING:
    from quiz_app.services.bank import Database

T = TypeVar("T")
Outcome = Literal["running", "done", "failed", "crashed"]

_log = logging.getLogger(__name__)


class Job(Generic[T]):
    """One piece of work and what to call, on the GUI thread, when it ends."""

    def __init__(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], object],
        on_failed: Callable[[QuizError], object] | None,
        on_finished: Callable[[Job[T]], object] | None,
    ) -> None:
        self._work = work
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_finished = on_finished
        self._result: T | None = None
        self.outcome: Outcome = "running"
        """What became of the work itself."""
        self.error: BaseException | None = None
        """The QuizError it failed with, or the bug it crashed on."""
        self.callback_error: BaseException | None = None
        """A bug in ``on_done`` or ``on_failed`` (reported like any other)."""
        self.ended = False
        """True once every callback has run."""

    @property
    def crashed(self) -> bool:
        """A bug stopped the work or its done/failed callback: the caller's own ending
        did not run, so ``on_finished`` has to put the caller's state right."""
        return self.outcome == "crashed" or self.callback_error is not None

    def _run(self) -> None:
        """On the worker's thread: never raises."""
        try:
            self._result = self._work()
        except QuizError as err:
            self.outcome, self.error = "failed", err
        except BaseException as err:  # a bug: the crash handler has the last word on it
            self.outcome, self.error = "crashed", err
        else:
            self.outcome = "done"

    def _deliver(self) -> None:
        """On the GUI thread: one outcome, then ``on_finished`` whatever happens."""
        try:
            if self.outcome == "done":
                self._on_done(self._result)  # type: ignore[arg-type]
            elif self.outcome == "failed":
                assert isinstance(self.error, QuizError)
                _log.info("A background job failed: %s", self.error)
                if self._on_failed is None:
                    report_crash(self.error)  # a QuizError is shown as a message there
                else:
                    self._on_failed(self.error)
            else:
                assert self.error is not None
                report_crash(self.error)
        except Exception as err:
            self.callback_error = err
            report_crash(err)
        finally:
            try:
                if self._on_finished is not None:
                    self._on_finished(self)
            except Exception as err:
                report_crash(err)
            finally:
                self.ended = True
                self._result = None  # no reason to keep a big result alive with the job


class _Runner(QObject):
    """Runs jobs on a thread pool and hands each back to the GUI thread as it ends."""

    _ended = Signal(object)

    def __init__(self, pool: QThreadPool, thread_name: str | None = None) -> None:
        super().__init__()
        self._pool = pool
        self._thread_name = thread_name
        self._jobs: set[Job[Any]] = set()  # each job lives until it is delivered
        self._ended.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], object],
        on_failed: Callable[[QuizError], object] | None = None,
        on_finished: Callable[[Job[T]], object] | None = None,
    ) -> Job[T]:
        """Queue ``work``; the callbacks run on the GUI thread (call this from there).

        ``on_failed`` gets a QuizError (without it, the error is shown as a message);
        any other exception is a bug and goes to the crash dialog. ``on_finished``
        comes last, always.
        """
        job = Job(work, on_done, on_failed, on_finished)
        self._jobs.add(job)
        self._pool.start(partial(self._execute, job))
        return job

    @property
    def pending(self) -> int:
        """Jobs given and not yet delivered."""
        return len(self._jobs)

    def drain(self, timeout: float = 30.0) -> bool:
        """Wait up to ``timeout`` seconds for every queued job's work to end (their
        callbacks then wait for the event loop). True when nothing is left running."""
        return bool(self._pool.waitForDone(max(0, round(timeout * 1000))))

    def _execute(self, job: Job[Any]) -> None:
        if self._thread_name is not None:
            threading.current_thread().name = self._thread_name  # for the log's lines
        job._run()
        self._ended.emit(job)

    def _deliver(self, job: Job[Any]) -> None:
        self._jobs.discard(job)
        job._deliver()


class DatabaseWorker(_Runner):
    """The bank's one writer: a single thread that runs jobs in submission order."""

    def __init__(self) -> None:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        super().__init__(pool, "database-writer")
        pool.setParent(self)


_writers: weakref.WeakKeyDictionary[Database, DatabaseWorker] = weakref.WeakKeyDictionary()
_background: list[_Runner] = []


def database_worker(database: Database) -> DatabaseWorker:
    """The one writer of ``database``, made on first use (on the GUI thread).

    Kept with the bank rather than with a window: every screen that writes to a bank
    shares its queue without being handed it, and each test's bank has its own.
    """
    worker = _writers.get(database)
    if worker is None:
        worker = _writers[database] = DatabaseWorker()
    return worker


def run_in_background(
    work: Callable[[], T],
    on_done: Callable[[T], object],
    on_failed: Callable[[QuizError], object] | None = None,
    on_finished: Callable[[Job[T]], object] | None = None,
) -> Job[T]:
    """Run ``work``, which must not touch the bank, on Qt's global thread pool; the
    callbacks run on the GUI thread as with ``DatabaseWorker.run``."""
    if not _background:
        _background.append(_Runner(QThreadPool.globalInstance()))
    return _background[0].run(work, on_done, on_failed, on_finished)


def drain_all(timeout: float = 30.0) -> bool:
    """Wait for every bank's writer and for background work to end (e.g. at quit, so
    the last write lands). True when all ended within ``timeout`` seconds each."""
    ended = True
    for runner in [*_writers.values(), *_background]:
        ended = runner.drain(timeout) and ended  # every one of them, even after a miss
    return ended
