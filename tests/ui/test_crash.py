"""The crash handler, as a user meets it: a bug shows a dialog and lands in the log,
the app's busy state ends and the next job works; the next start mentions a run that
did not close cleanly."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

import quiz_app.services.editing as editing
import quiz_app.services.packs as packs
from quiz_app.core.errors import StorageError
from quiz_app.services.packs import get_pack, import_pack
from quiz_app.services.teacher import set_pin
from quiz_app.storage import Database
from quiz_app.ui.crash import (
    LOG_NAME,
    CrashHandler,
    install_crash_handler,
    log_folder,
    previous_run_crashed,
    show_previous_crash,
)
from quiz_app.ui.crash_dialog import CrashDialog
from quiz_app.ui.i18n import set_language
from quiz_app.ui.main_window import MainWindow
from tests.ui.preview import answer_preview


def _crash(message: str) -> None:
    raise RuntimeError(message)


def _showing_dialogs() -> list[CrashDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()
    ]


@pytest.mark.parametrize("broken", ["preview_import", "import_loaded_pack"])
def test_a_bug_in_an_import_shows_the_crash_dialog_and_the_next_import_works(
    qtbot: QtBot,
    database: Database,
    sample_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
    crash_handler: CrashHandler,
    broken: str,
) -> None:
    answer_preview(monkeypatch, accept=True)
    monkeypatch.setattr(packs, broken, lambda *_a, **_k: _crash(f"injected bug in {broken}"))
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.files.import_finished, timeout=30_000) as finished:
        window.files.import_pack(sample_pack)
        assert window.files._busy.isVisible()
    assert finished.args[0] == "The import was stopped by an error in the app."
    assert window.statusBar().currentMessage() == finished.args[0]
    assert not window.files._busy.isVisible()  # the busy bar has gone
    assert not window.files.importer.running
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]

    [dialog] = _showing_dialogs()
    assert dialog is crash_handler.dialog
    assert dialog.heading.text() == "Chang'e Quiz ran into a bug."
    assert "not something you did" in dialog.explanation.text()
    assert "Your answers are safe" in dialog.explanation.text()
    assert "carry on" in dialog.advice.text()
    assert "quit" in dialog.advice.text()
    assert dialog.error.text() == f"What went wrong: RuntimeError: injected bug in {broken}"
    assert dialog.log_path.text() == str(crash_handler.log_file)
    assert dialog.log_path.isReadOnly()
    log = crash_handler.log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in log
    assert f"RuntimeError: injected bug in {broken}" in log
    assert "in _crash" in log  # the frames, not just the message

    qtbot.mouseClick(dialog.carry_on_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert crash_handler.dialog is None
    monkeypatch.undo()
    answer_preview(monkeypatch, accept=True)
    with qtbot.waitSignal(window.files.import_finished, timeout=30_000) as finished:
        window.files.import_pack(sample_pack)
    assert finished.args[0] == "Imported sample 1.0.0: 7 added, 0 changed, 0 retired."
    qtbot.waitUntil(lambda: window.navigation.packs.topLevelItemCount() == 1)
    assert not _showing_dialogs()


def test_an_expected_error_in_an_import_is_a_message_not_a_crash(
    qtbot: QtBot,
    database: Database,
    sample_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
    crash_handler: CrashHandler,
) -> None:
    answer_preview(monkeypatch, accept=True)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))

    def full_disk(*_a: object, **_k: object) -> None:
        raise StorageError("The disk is full.")

    monkeypatch.setattr(packs, "import_loaded_pack", full_disk)
    window = MainWindow(database)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.files.import_finished, timeout=30_000) as finished:
        window.files.import_pack(sample_pack)
    assert finished.args[0] == warned[0] == "The disk is full."
    assert crash_handler.dialog is None
    assert not _showing_dialogs()
    assert "Traceback" not in crash_handler.log_file.read_text(encoding="utf-8")


def test_a_bug_in_the_editors_save_does_not_keep_the_window_open(
    qtbot: QtBot,
    database: Database,
    sample_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
    crash_handler: CrashHandler,
) -> None:
    import_pack(database, sample_pack)
    set_pin(database, "2468")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("2468", True))
    real_save = editing.save_edited_pack
    monkeypatch.setattr(editing, "save_edited_pack", lambda *_a: _crash("injected bug in save"))
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    window.teacher.edit_pack("sample")
    editor = window.navigation.editor_screen
    assert editor is not None
    editor.form.prompt["en"].setPlainText("Which mission landed first?")
    with qtbot.waitSignal(crash_handler.dialog_shown, timeout=30_000) as shown:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert editor.saving
    dialog = shown.args[0]
    assert dialog.error.text() == "What went wrong: RuntimeError: injected bug in save"
    qtbot.waitUntil(lambda: not editor.saving)
    assert editor.save_button.isEnabled()  # the teacher can try again
    assert editor.status.text() == "Changes not saved yet."
    qtbot.mouseClick(dialog.carry_on_button, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(editing, "save_edited_pack", real_save)
    with qtbot.waitSignal(window.teacher.pack_saved, timeout=30_000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0] == "Saved sample 1.1.0: 0 added, 1 changed, 0 retired."
    assert get_pack(database, "sample").info.version == "1.1.0"
    editor.form.prompt["en"].setPlainText("Changed again, then left")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert not window.isVisible()


def test_copy_details_puts_the_versions_and_the_traceback_on_the_clipboard(
    qtbot: QtBot, crash_handler: CrashHandler
) -> None:
    from quiz_app import __version__

    try:
        _crash("the copied bug")
    except RuntimeError as err:
        sys.excepthook(type(err), err, err.__traceback__)
    dialog = crash_handler.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.details.isVisible()  # folded away until asked for
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details.isVisible()
    assert "RuntimeError: the copied bug" in dialog.details.toPlainText()
    assert dialog.details_button.text() == "Hide details"
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Chang'e Quiz {__version__}\nPython ")
    assert "Qt 6." in copied
    assert "PySide6 6." in copied
    assert "System: " in copied
    assert f"Log: {crash_handler.log_file}" in copied
    assert "Traceback (most recent call last):" in copied
    assert "in _crash\n    raise RuntimeError(message)" in copied
    assert copied.rstrip().endswith("RuntimeError: the copied bug")
    assert dialog.copy_button.text() == "Copied"


def test_more_crashes_while_the_dialog_shows_are_counted_not_stacked(
    qtbot: QtBot, crash_handler: CrashHandler
) -> None:
    for n in range(3):
        try:
            _crash(f"bug {n}")
        except RuntimeError as err:
            sys.excepthook(type(err), err, err.__traceback__)
    [dialog] = _showing_dialogs()
    assert dialog.error.text() == "What went wrong: RuntimeError: bug 0"
    assert dialog.more.isVisible()
    assert dialog.more.text() == "2 more errors happened after this one; they are in the log too."
    assert dialog.errors == 3
    assert "RuntimeError: bug 2" in dialog.details.toPlainText()
    log = crash_handler.log_file.read_text(encoding="utf-8")
    assert all(f"RuntimeError: bug {n}" in log for n in range(3))

    qtbot.mouseClick(dialog.carry_on_button, Qt.MouseButton.LeftButton)
    try:
        _crash("after carrying on")
    except RuntimeError as err:
        sys.excepthook(type(err), err, err.__traceback__)
    [again] = _showing_dialogs()  # a later bug gets its own dialog
    assert again is not dialog
    assert not again.more.isVisible()


def test_a_bug_on_another_thread_is_shown_on_the_gui_thread(
    qtbot: QtBot, crash_handler: CrashHandler
) -> None:
    with qtbot.waitSignal(crash_handler.dialog_shown) as shown:
        thread = threading.Thread(target=_crash, args=("bug on a thread",), name="helper")
        thread.start()
        thread.join()
    dialog = shown.args[0]
    assert dialog.thread() is QApplication.instance().thread()  # type: ignore[union-attr]
    assert dialog.error.text() == "What went wrong: RuntimeError: bug on a thread"
    assert "Unexpected error (thread helper)" in crash_handler.log_file.read_text(encoding="utf-8")


def test_a_bug_in_the_crash_handler_itself_does_not_loop(
    qtbot: QtBot,
    crash_handler: CrashHandler,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken_dialog(*_a: object) -> None:
        raise ValueError("the dialog is broken too")

    monkeypatch.setattr("quiz_app.ui.crash_dialog.CrashDialog", broken_dialog)
    try:
        _crash("the first bug")
    except RuntimeError as err:
        sys.excepthook(type(err), err, err.__traceback__)
    err_text = capsys.readouterr().err
    assert "The crash handler failed" in err_text
    assert "ValueError: the dialog is broken too" in err_text
    assert "RuntimeError: the first bug" in err_text
    assert not _showing_dialogs()

    monkeypatch.undo()  # the handler still works afterwards
    try:
        _crash("the second bug")
    except RuntimeError as err:
        sys.excepthook(type(err), err, err.__traceback__)
    assert len(_showing_dialogs()) == 1


def test_a_quiz_error_nothing_caught_is_a_message_in_the_interface_language(
    qtbot: QtBot, crash_handler: CrashHandler
) -> None:
    error = StorageError("The question bank cannot be written.", zh="无法写入题库。")
    set_language("zh")
    try:
        sys.excepthook(type(error), error, None)
    finally:
        set_language("en")
    box = crash_handler.message
    assert box is not None
    assert box.isVisible()
    assert box.text() == "无法写入题库。"
    assert crash_handler.dialog is None
    assert not _showing_dialogs()
    sys.excepthook(type(error), error, None)  # a second one waits in the log, not on top
    assert [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ] == [box]


def test_quit_closes_the_window_and_carry_on_does_not(
    qtbot: QtBot, database: Database, crash_handler: CrashHandler
) -> None:
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    for button in ("carry_on_button", "quit_button"):
        with qtbot.waitSignal(crash_handler.dialog_shown) as shown:
            threading.Thread(target=_crash, args=(button,)).start()
        qtbot.mouseClick(getattr(shown.args[0], button), Qt.MouseButton.LeftButton)
        if button == "carry_on_button":
            qtbot.wait(50)
            assert window.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert "Quitting after an error, as asked" in crash_handler.log_file.read_text(encoding="utf-8")


def test_the_log_is_private_and_rotates(qtbot: QtBot) -> None:
    import logging

    handler = install_crash_handler(qt_messages=False, fault_handler=False)
    try:
        folder = log_folder()
        assert folder == Path(os.environ["XDG_STATE_HOME"]) / "change-quiz" / "log"
        assert handler.log_file == folder / LOG_NAME
        logger = logging.getLogger("quiz_app.test")
        logger.debug("not kept: below INFO")
        for n in range(1200):
            logger.info("line %d %s", n, "x" * 1000)  # over a megabyte: the log rotates
        files = sorted(p.name for p in folder.iterdir())
        assert files == [
            LOG_NAME,
            f"{LOG_NAME}.1",
            f"run-{os.getpid()}.lock",
            f"run-{os.getpid()}.txt",
        ]
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for name in files:
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
        assert (folder / LOG_NAME).stat().st_size <= 1_000_000
        assert "not kept" not in (folder / f"{LOG_NAME}.1").read_text(encoding="utf-8")
    finally:
        handler.close()
    assert sorted(p.name for p in folder.iterdir()) == [LOG_NAME, f"{LOG_NAME}.1"]


@pytest.mark.qt_log_ignore("a warning from Qt for the log")
def test_qt_warnings_go_to_the_log_and_still_reach_the_next_handler(
    qtbot: QtBot, tmp_path: Path, qtlog: object
) -> None:
    from PySide6.QtCore import qDebug, qWarning

    handler = install_crash_handler(folder=tmp_path, qt_messages=True, fault_handler=False)
    try:
        qWarning("a warning from Qt for the log")
        qDebug("a Qt debug line, not for the log")
    finally:
        handler.close()
    log = handler.log_file.read_text(encoding="utf-8")
    assert "WARNING quiz_app.qt [MainThread] a warning from Qt for the log" in log
    assert "debug line" not in log
    seen = [record.message for record in qtlog.records]  # type: ignore[attr-defined]
    assert "a warning from Qt for the log" in seen  # pytest-qt's handler was chained


_RUN = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
from quiz_app.ui.crash import install_crash_handler

app = QApplication([])
handler = install_crash_handler(folder=Path(sys.argv[1]), qt_messages=False)
how = sys.argv[2]
if how == "clean":
    handler.close()
elif how == "segfault":
    import faulthandler
    faulthandler._sigsegv()
elif how == "killed":
    os._exit(9)
elif how == "waiting":
    print("running", flush=True)
    sys.stdin.readline()
    handler.close()
"""


def _run_app(folder: Path, how: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _RUN, str(folder), how],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def next_start(tmp_path: Path) -> object:
    """Start "the app" in this process on the same log folder; close it afterwards."""
    started: list[CrashHandler] = []

    def start() -> CrashHandler:
        started.append(
            install_crash_handler(folder=tmp_path, qt_messages=False, fault_handler=False)
        )
        return started[-1]

    yield start
    for handler in started:
        handler.close()


def test_the_next_start_mentions_a_run_that_crashed_hard(
    qtbot: QtBot, tmp_path: Path, next_start: object
) -> None:
    died = _run_app(tmp_path, "segfault")
    assert died.returncode != 0
    handler = next_start()  # type: ignore[operator]
    report = previous_run_crashed()
    assert report is not None
    assert report.log_file == tmp_path / LOG_NAME
    assert "Fatal Python error: Segmentation fault" in report.traceback
    assert re.search(r'File "<string>", line \d+ in <module>', report.traceback)  # Python's side
    assert report.started is not None
    log = handler.log_file.read_text(encoding="utf-8")
    assert "1 earlier run(s) did not close cleanly." in log
    assert "Fatal Python error: Segmentation fault" in log  # kept after the record goes

    note = show_previous_crash(None)
    assert note is not None
    assert note.isVisible()
    qtbot.addWidget(note)
    assert not note.isModal()
    assert note.text() == "Chang'e Quiz did not close properly last time."
    assert "Answers submitted before then are saved." in note.informativeText()
    assert note.informativeText().endswith(f"\n{tmp_path / LOG_NAME}")
    assert "Fatal Python error: Segmentation fault" in note.detailedText()
    assert note.detailedText().startswith("That run started at ")

    handler.close()  # the records were reset: the start after this one is quiet
    next_start()  # type: ignore[operator]
    assert previous_run_crashed() is None


def test_a_killed_run_is_mentioned_and_a_clean_exit_is_not(
    qtbot: QtBot, tmp_path: Path, next_start: object
) -> None:
    assert _run_app(tmp_path, "clean").returncode == 0
    handler = next_start()  # type: ignore[operator]
    assert previous_run_crashed() is None
    assert show_previous_crash(None) is None
    handler.close()

    assert _run_app(tmp_path, "killed").returncode == 9
    next_start()  # type: ignore[operator]
    report = previous_run_crashed()
    assert report is not None
    assert report.traceback == ""
    note = show_previous_crash(None)
    assert note is not None
    qtbot.addWidget(note)
    assert "It left no traceback" in note.detailedText()


def test_a_copy_of_the_app_still_running_is_not_a_crash(
    qtbot: QtBot, tmp_path: Path, next_start: object
) -> None:
    other = subprocess.Popen(
        [sys.executable, "-c", _RUN, str(tmp_path), "waiting"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None
        assert other.stdout.readline() == "running\n"
        next_start()  # type: ignore[operator]
        assert previous_run_crashed() is None
    finally:
        other.communicate("\n", timeout=60)
    assert other.returncode == 0
    assert not list(tmp_path.glob(f"run-{other.pid}.*"))  # its clean exit tidied up


_GUI = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from quiz_app.ui import app as gui
from quiz_app.ui.main_window import MainWindow

opened = MainWindow.set_database

def set_database(self, database):
    opened(self, database)
    shown = sorted(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())
    print("shown:", *shown, flush=True)
    QTimer.singleShot(0, self.close)

MainWindow.set_database = set_database
sys.exit(gui.run_gui(sys.argv[1]))
"""


@pytest.mark.slow
def test_the_app_mentions_a_crash_at_its_next_start_and_only_then(tmp_path: Path) -> None:
    folder = log_folder()  # this test's own: the processes below inherit its environment
    assert _run_app(folder, "killed").returncode == 9
    runs = [
        subprocess.run(
            [sys.executable, "-c", _GUI, str(tmp_path / "bank.sqlite3")],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert "shown: MainWindow PreviousCrashNote\n" in runs[0].stdout
    assert "shown: MainWindow\n" in runs[1].stdout
    log = (folder / LOG_NAME).read_text(encoding="utf-8")
    assert log.count("1 earlier run(s) did not close cleanly.") == 1
    assert log.count("Chang'e Quiz 0.1.0 started") == 3
    assert log.count("Chang'e Quiz closed cleanly") == 2  # not the killed one
    assert sorted(p.name for p in folder.iterdir()) == [LOG_NAME]


def test_the_crash_dialog_and_the_note_speak_chinese(
    qtbot: QtBot, crash_handler: CrashHandler
) -> None:
    from quiz_app.ui.crash import CrashReport
    from quiz_app.ui.crash_dialog import PreviousCrashNote

    set_language("zh")
    try:
        try:
            _crash("中文测试")
        except RuntimeError as err:
            sys.excepthook(type(err), err, err.__traceback__)
        dialog = crash_handler.dialog
        assert dialog is not None
        assert dialog.heading.text() == "嫦娥问答遇到了一个程序错误。"
        assert "你的答案都很安全" in dialog.explanation.text()
        assert dialog.error.text() == "出了什么问题：RuntimeError: 中文测试"
        assert dialog.carry_on_button.text() == "继续使用(&O)"
        assert dialog.quit_button.text() == "退出(&Q)"
        note = PreviousCrashNote(CrashReport(crash_handler.log_file, None, ""))
        qtbot.addWidget(note)
        assert note.text() == "嫦娥问答上次没有正常关闭。"
        assert note.informativeText().endswith(f"：\n{crash_handler.log_file}")
        assert note.detailedText() == (
            "它没有留下错误追踪信息：可能是被外部强行终止，或者电脑被关机了。"
        )
    finally:
        set_language("en")


def test_a_crashed_run_that_had_this_runs_pid_is_still_found(
    qtbot: QtBot, tmp_path: Path, next_start: object
) -> None:
    """In a container the app may get the same pid every time it starts."""
    from PySide6.QtCore import QLockFile

    pid = os.getpid()
    probe = QLockFile(str(tmp_path / "probe.lock"))  # a lock as this very process writes it
    assert probe.tryLock(0)
    left = (tmp_path / "probe.lock").read_text()
    probe.unlock()
    (tmp_path / f"run-{pid}.lock").write_text(left)
    (tmp_path / f"run-{pid}.txt").write_text("2026-11-24T09:05:00+00:00 Chang'e Quiz 0.1.0\n")
    handler = next_start()  # type: ignore[operator]
    report = previous_run_crashed()
    assert report is not None
    assert report.started is not None
    assert report.started.isoformat() == "2026-11-24T09:05:00+00:00"
    handler.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOG_NAME]  # this run's lock went too
