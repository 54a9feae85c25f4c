"""Background jobs: each ends with one outcome and then ``finished``; a bank's writer runs
its jobs one at a time, in the order they were given."""

from __future__ import annotations

import threading
import time
from functools import partial

import pytest
from pytestqt.qtbot import QtBot

from quiz_app.core.errors import StorageError
from quiz_app.services.learners import create_learner, list_learners
from quiz_app.storage import Database, open_database
from quiz_app.ui.crash import CrashHandler
from quiz_app.ui.i18n import set_language
from quiz_app.ui.worker import Job, database_worker, run_in_background


def _ended(qtbot: QtBot, *jobs: Job[object]) -> None:
    qtbot.waitUntil(lambda: all(job.ended for job in jobs), timeout=10_000)


def _recorder() -> tuple[list[tuple[str, object]], dict[str, object]]:
    calls: list[tuple[str, object]] = []
    callbacks: dict[str, object] = {
        "on_done": lambda result: calls.append(("done", result)),
        "on_failed": lambda error: calls.append(("failed", error)),
        "on_finished": lambda job: calls.append(("finished", job.outcome)),
    }
    return calls, callbacks


def _fail(error: BaseException) -> object:
    raise error


@pytest.mark.parametrize("where", ["writer", "background"])
def test_a_job_hands_back_its_result_then_finishes(
    qtbot: QtBot, database: Database, where: str
) -> None:
    calls, callbacks = _recorder()
    main = threading.current_thread()
    threads: list[threading.Thread] = []

    def work() -> int:
        threads.append(threading.current_thread())
        return 6 * 7

    run = database_worker(database).run if where == "writer" else run_in_background
    job = run(work, **callbacks)  # type: ignore[arg-type]
    _ended(qtbot, job)
    assert calls == [("done", 42), ("finished", "done")]
    assert threads
    assert threads[0] is not main
    assert not job.crashed


def test_a_quiz_error_in_a_job_is_a_message_not_a_crash(
    qtbot: QtBot, database: Database, crash_handler: CrashHandler
) -> None:
    error = StorageError("The disk is full.", zh="磁盘已满。")
    calls, callbacks = _recorder()
    job = database_worker(database).run(partial(_fail, error), **callbacks)  # type: ignore[arg-type]
    _ended(qtbot, job)
    assert calls == [("failed", error), ("finished", "failed")]
    assert crash_handler.dialog is None
    assert crash_handler.message is None

    # With nobody to take it, the error is shown as a message, in the interface's language.
    set_language("zh")
    try:
        with qtbot.waitSignal(crash_handler.message_shown) as shown:
            database_worker(database).run(partial(_fail, error), print)
    finally:
        set_language("en")
    assert shown.args[0].text() == "磁盘已满。"
    assert crash_handler.dialog is None
    assert "Traceback" not in crash_handler.log_file.read_text(encoding="utf-8")


def test_a_bug_in_a_job_reaches_the_crash_dialog_and_the_job_still_finishes(
    qtbot: QtBot, database: Database, crash_handler: CrashHandler
) -> None:
    calls, callbacks = _recorder()
    with qtbot.waitSignal(crash_handler.dialog_shown) as shown:
        job = database_worker(database).run(lambda: 1 // 0, **callbacks)  # type: ignore[arg-type]
    _ended(qtbot, job)
    assert calls == [("finished", "crashed")]
    assert job.crashed
    assert isinstance(job.error, ZeroDivisionError)
    assert "ZeroDivisionError: integer division or modulo by zero" in shown.args[0].error.text()
    shown.args[0].accept()

    # A bug in a callback is reported too, and the job still finishes.
    calls.clear()

    def broken_callback(result: object) -> None:
        raise KeyError(result)

    callbacks["on_done"] = broken_callback
    with qtbot.waitSignal(crash_handler.dialog_shown) as shown:
        job = database_worker(database).run(lambda: "answer", **callbacks)  # type: ignore[arg-type]
    _ended(qtbot, job)
    assert calls == [("finished", "done")]
    assert job.crashed
    assert isinstance(job.callback_error, KeyError)
    assert "KeyError: 'answer'" in shown.args[0].error.text()


def test_without_the_crash_handler_a_bug_in_a_job_still_reaches_sys_excepthook(
    qtbot: QtBot, database: Database
) -> None:
    finished: list[str] = []
    with qtbot.captureExceptions() as exceptions:
        job = database_worker(database).run(
            lambda: 1 // 0, print, print, lambda job: finished.append(job.outcome)
        )
        _ended(qtbot, job)
    assert [type(error) for _kind, error, _tb in exceptions] == [ZeroDivisionError]
    assert finished == ["crashed"]


def test_the_writer_runs_one_job_at_a_time_in_the_order_given(
    qtbot: QtBot, database: Database, db_url: str, tmp_path: object
) -> None:
    worker = database_worker(database)
    assert database_worker(database) is worker  # every screen of a bank shares it
    other = open_database(f"sqlite:///{tmp_path}/other.sqlite3")  # type: ignore[str-bytes-safe]
    try:
        assert database_worker(other) is not worker
    finally:
        other.close()
    lock = threading.Lock()
    running = 0
    most = 0
    order: list[int] = []
    threads: set[int] = set()

    def work(i: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        threads.add(threading.get_ident())
        time.sleep(0.002)  # long enough for a second thread to overlap, if there were one
        order.append(i)
        with lock:
            running -= 1
        return i

    delivered: list[int] = []
    jobs = [worker.run(partial(work, i), delivered.append) for i in range(60)]
    _ended(qtbot, *jobs)
    assert most == 1
    assert order == delivered == list(range(60))
    assert len(threads) == 1
    assert threading.get_ident() not in threads
    assert worker.pending == 0


def test_drain_waits_until_the_last_write_has_landed(
    qtbot: QtBot, database: Database, db_url: str
) -> None:
    worker = database_worker(database)
    gate = threading.Event()
    done: list[object] = []
    worker.run(lambda: gate.wait(10), done.append)
    last = worker.run(lambda: create_learner(database, "Ada"), done.append)
    assert not worker.drain(timeout=0.05)  # the first job holds the queue
    gate.set()
    assert worker.drain(timeout=10)
    reopened = open_database(db_url)  # as the next start of the app would see it
    try:
        assert [learner.name for learner in list_learners(reopened)] == ["Ada"]
    finally:
        reopened.close()
    assert not last.ended  # its callbacks wait for the event loop, which may be gone
    _ended(qtbot, last)
    assert len(done) == 2
