"""The crash handler: a bug reaches a log file and a dialog, never a silent failure.

``install_crash_handler`` (once, at start-up) sets up

- a rotating log in the platform's log folder, readable by the user alone: the app's
  loggers (``quiz_app.*``) write there at INFO and above, and Qt's warnings too;
- ``faulthandler``, writing into this run's record, so that a hard crash (a segfault
  in Qt) still leaves a Python traceback;
- ``sys.excepthook`` and ``threading.excepthook``: an unexpected exception is logged
  and shown in the crash dialog on the GUI thread, one dialog at a time. A
  ``QuizError`` that gets this far is a message for the user, never a crash.

Each run holds a lock file in the log folder until it closes cleanly. The next start
finds a lock nobody holds any more, logs what that run left behind, and
``show_previous_crash`` tells the user (qutebrowser's crash log works the same way).
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QLockFile,
    QMessageLogContext,
    QObject,
    Qt,
    QThread,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from quiz_app import __version__
from quiz_app.core.errors import QuizError
from quiz_app.ui.i18n import current_language

if TYPE_CHECKING:  # the dialogs are built only when needed: start-up stays quick
    from quiz_app.ui.crash_dialog import CrashDialog, PreviousCrashNote

APP_DIR = "change-quiz"
LOG_NAME = "change-quiz.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
_RUN_PREFIX = "run-"
"""``run-<pid>.lock`` is held while a run lasts; ``run-<pid>.txt`` is its record: when it
started, then whatever faulthandler wrote as it died."""

_log = logging.getLogger("quiz_app.crash")
_qt_log = logging.getLogger("quiz_app.qt")
_QT_LEVELS = {
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_folder() -> Path:
    """Where the log lives (e.g. ``~/.local/state/change-quiz/log`` on Linux)."""
    return Path(platformdirs.user_log_dir(APP_DIR, appauthor=False))


@dataclass(frozen=True)
class CrashReport:
    """A run of the app that did not close cleanly."""

    log_file: Path
    started: datetime | None
    traceback: str
    """What faulthandler wrote as the run died ('' after e.g. a kill or a power cut)."""
    runs: int = 1


@dataclass(frozen=True)
class CrashInfo:
    """An exception that reached the hooks, formatted on the thread it happened on."""

    error: BaseException
    summary: str
    traceback: str
    thread: str

    @classmethod
    def of(
        cls, kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
    ) -> CrashInfo:
        value = error if error is not None else kind()
        lines = traceback.format_exception(kind, value, tb)
        summary = "".join(traceback.format_exception_only(kind, value)).strip()
        return cls(value, summary, "".join(lines), threading.current_thread().name)


def report_crash(error: BaseException) -> None:
    """Hand an exception the app caught itself (e.g. in a background job) to whoever
    handles uncaught ones: the crash handler in the app, pytest-qt in the tests."""
    sys.excepthook(type(error), error, error.__traceback__)


def previous_run_crashed() -> CrashReport | None:
    """The last run that did not close cleanly, as found at this start-up."""
    return None if _installed is None else _installed.previous


def show_previous_crash(parent: QWidget | None = None) -> PreviousCrashNote | None:
    """Say, without blocking, that the last run did not close cleanly (if it did not)."""
    report = previous_run_crashed()
    if report is None:
        return None
    from quiz_app.ui.crash_dialog import PreviousCrashNote

    box = PreviousCrashNote(report, parent)
    box.show()
    return box


class _PrivateLogHandler(RotatingFileHandler):
    """A rotating log whose files only their owner can read (answers, names, paths)."""

    def _open(self) -> TextIOWrapper:
        fd = _open_private(Path(self.baseFilename), os.O_WRONLY | os.O_APPEND)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # a log appends


def _open_private(path: Path, flags: int) -> int:
    fd = os.open(path, flags | os.O_CREAT, 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)  # a file made before, or under another umask
    return fd


def _private_folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(folder, 0o700)
        return folder
    except OSError as err:  # a read-only home must not stop the app
        fallback = Path(tempfile.mkdtemp(prefix=f"{APP_DIR}-log-"))
        print(
            f"Chang'e Quiz: cannot write logs to {folder} ({err}); using {fallback}",
            file=sys.stderr,
        )
        return fallback


def _crashed_runs(folder: Path, log_file: Path) -> CrashReport | None:
    """Runs whose lock nobody holds any more: they did not close cleanly. Their records
    go into the log and off the disk."""
    found: list[tuple[datetime | None, str]] = []
    for lock_path in sorted(folder.glob(f"{_RUN_PREFIX}*.lock")):
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)  # a lock is stale when its process is gone, not when old
        owner = lock.getLockInfo()
        if owner and owner[0] == os.getpid():  # a crashed run that had our pid (a container)
            lock.removeStaleLockFile()
        elif not lock.tryLock(0):
            continue  # another copy of the app is running: its run is not over
        record = lock_path.with_suffix(".txt")
        try:
            text = record.read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        header, _, rest = text.partition("\n")
        found.append((_started(header), rest.strip()))
        record.unlink(missing_ok=True)
        lock.unlock()
    if not found:
        return None
    started, last_traceback = max(found, key=lambda run: run[0] or datetime.min.replace(tzinfo=UTC))
    tracebacks = "\n\n".join(tb for _, tb in found if tb)
    _log.error(
        "%d earlier run(s) did not close cleanly.%s",
        len(found),
        f" What faulthandler caught:\n{tracebacks}" if tracebacks else "",
    )
    return CrashReport(log_file, started, last_traceback or tracebacks, len(found))


def _started(header: str) -> datetime | None:
    try:
        return datetime.fromisoformat(header.split(" ", 1)[0])
    except ValueError:
        return None


class CrashHandler(QObject):
    """The hooks, the log and the crash dialog; made by ``install_crash_handler``."""

    dialog_shown = Signal(object)
    """The CrashDialog, as it opens."""
    message_shown = Signal(object)
    """The QMessageBox of a QuizError that nothing else caught."""
    _arrived = Signal(object)
    """A CrashInfo from another thread, queued to the GUI thread."""

    def __init__(self, folder: Path, *, qt_messages: bool, fault_handler: bool) -> None:
        super().__init__()
        self.folder = _private_folder(folder)
        self.log_file = self.folder / LOG_NAME
        self.dialog: CrashDialog | None = None
        self.message: QMessageBox | None = None
        self._handling = False
        self._arrived.connect(self._handle, Qt.ConnectionType.QueuedConnection)

        self._log_handler = _PrivateLogHandler(
            self.log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
        self._log_handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
        )
        app_log = logging.getLogger("quiz_app")
        self._old_level = app_log.level
        app_log.setLevel(logging.INFO)
        app_log.addHandler(self._log_handler)
        self.previous = _crashed_runs(self.folder, self.log_file)

        pid = os.getpid()
        self._lock = QLockFile(str(self.folder / f"{_RUN_PREFIX}{pid}.lock"))
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)
        with contextlib.suppress(OSError):
            os.chmod(self._lock.fileName(), 0o600)
        self._record_path = self.folder / f"{_RUN_PREFIX}{pid}.txt"
        self._record: IO[str] | None = None
        try:
            fd = _open_private(self._record_path, os.O_WRONLY | os.O_TRUNC)
            self._record = open(fd, "w", encoding="utf-8")  # noqa: SIM115 (open for the run)
            self._record.write(f"{datetime.now(UTC).isoformat()} Chang'e Quiz {__version__}\n")
            self._record.flush()
        except OSError as err:
            _log.warning("No record of this run: %s", err)
        self._fault_handler = fault_handler and self._record is not None
        if self._fault_handler:
            assert self._record is not None
            faulthandler.enable(self._record, all_threads=True)

        self._old_excepthook = sys.excepthook
        self._old_thread_excepthook = threading.excepthook
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        self._qt_messages = qt_messages
        self._old_qt_handler: Any = None
        if qt_messages:
            self._old_qt_handler = qInstallMessageHandler(self._qt_message)
        _log.info("Chang'e Quiz %s started (pid %d)", __version__, pid)

    # -- the hooks --------------------------------------------------------------------------
    def _excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._old_excepthook(kind, error, tb)
            return
        self._receive(kind, error, tb)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return  # what Python does too: a thread may end itself that way
        self._receive(args.exc_type, args.exc_value, args.exc_traceback)

    def _receive(
        self, kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            info = CrashInfo.of(kind, error, tb)
            if QThread.currentThread() == self.thread():
                self._handle(info)
            else:
                self._arrived.emit(info)  # widgets only on the GUI thread
        except BaseException:  # the handler itself failed: Python's own printing, no loop
            sys.__excepthook__(kind, error or kind(), tb)

    def _handle(self, info: CrashInfo) -> None:
        if self._handling:  # a crash while handling one: never recurse
            _write_stderr(info.traceback)
            return
        self._handling = True
        try:
            if isinstance(info.error, QuizError):
                self._show_message(info.error)
                return
            where = "" if info.thread == "MainThread" else f" (thread {info.thread})"
            _log.error("Unexpected error%s:\n%s", where, info.traceback.rstrip())
            _write_stderr(info.traceback)
            if self.dialog is not None:
                self.dialog.add_another(info.summary, info.traceback)
                return
            from quiz_app.ui.crash_dialog import CrashDialog

            self.dialog = CrashDialog(info.summary, info.traceback, self.log_file)
            self.dialog.finished.connect(self._dialog_closed)
            self.dialog.show()
            self.dialog_shown.emit(self.dialog)
        except BaseException:
            _write_stderr("The crash handler failed:\n" + traceback.format_exc())
            _write_stderr(info.traceback)
        finally:
            self._handling = False

    def _show_message(self, error: QuizError) -> None:
        text = error.message(current_language())
        _log.warning("An error nothing else caught: %s", error)
        if self.message is not None:
            return  # one at a time; this one is in the log
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Chang'e Quiz"), text, QMessageBox.StandardButton.Ok
        )
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.finished.connect(self._message_closed)
        self.message = box
        box.show()
        self.message_shown.emit(box)

    def _message_closed(self, _result: int) -> None:
        if self.message is not None:
            self.message.deleteLater()
            self.message = None

    def _dialog_closed(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if dialog.quit_chosen:
            _log.info("Quitting after an error, as asked")
            QTimer.singleShot(0, QApplication.closeAllWindows)  # the editor may still ask

    def _qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        with contextlib.suppress(Exception):  # a message about a message must not raise
            level = _QT_LEVELS.get(kind)
            if level is not None:
                where = f" ({context.file}:{context.line})" if context.file else ""
                _qt_log.log(level, "%s%s", message, where)
                if kind == QtMsgType.QtFatalMsg:
                    self._log_handler.flush()
            if self._old_qt_handler is not None:
                self._old_qt_handler(kind, context, message)
            else:
                _write_stderr(message + "\n")

    # -- the end ----------------------------------------------------------------------------
    def close(self) -> None:
        """Undo it all at a clean exit: this run's lock and record go, so the next start
        knows it ended well."""
        global _installed
        for window in (self.dialog, self.message):
            if window is not None:
                window.close()
        if sys.excepthook == self._excepthook:
            sys.excepthook = self._old_excepthook
        if threading.excepthook == self._thread_excepthook:
            threading.excepthook = self._old_thread_excepthook
        if self._qt_messages:
            qInstallMessageHandler(self._old_qt_handler)
        if self._fault_handler:
            faulthandler.disable()
        if self._record is not None:
            self._record.close()
        self._record_path.unlink(missing_ok=True)
        self._lock.unlock()
        _log.info("Chang'e Quiz closed cleanly")
        app_log = logging.getLogger("quiz_app")
        app_log.removeHandler(self._log_handler)
        app_log.setLevel(self._old_level)
        self._log_handler.close()
        if _installed is self:
            _installed = None


def _write_stderr(text: str) -> None:
    if sys.stderr is not None:  # None under pythonw
        with contextlib.suppress(Exception):
            sys.stderr.write(text)
            sys.stderr.flush()


_installed: CrashHandler | None = None


def install_crash_handler(
    *, folder: Path | None = None, qt_messages: bool = True, fault_handler: bool = True
) -> CrashHandler:
    """The log, the hooks and the crash dialog; once, after the QApplication exists.

    Tests give their own ``folder`` and leave Qt's messages and faulthandler to pytest.
    ``close()`` the handler at a clean exit.
    """
    global _installed
    if QCoreApplication.instance() is None:
        raise RuntimeError("make the QApplication first")
    if _installed is not None:
        raise RuntimeError("the crash handler is already installed")
    _installed = CrashHandler(
        folder or log_folder(), qt_messages=qt_messages, fault_handler=fault_handler
    )
    return _installed
