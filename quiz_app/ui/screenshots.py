"""Screenshots of the app's screens, in English and Chinese, light and dark.

    python -m quiz_app.ui.screenshots [OUTDIR [NAME ...]] [--small]

(default: screenshots/, all, at 1366×768; --small: at 800×600)

Runs offscreen against a temporary bank holding the built-in packs. Chinese needs a CJK
font on the machine (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from quiz_app.core.grading import right_response
from quiz_app.core.learners import Learner
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.bank import Database, open_bank
from quiz_app.services.learners import create_learner
from quiz_app.services.quiz import quiz_questions, start_quiz
from quiz_app.ui.i18n import set_language
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.screens.quiz import QuizScreen
from quiz_app.ui.screenshots_quiz import quiz_screenshots
from quiz_app.ui.theme import Theme, apply_theme

SIZE = (1366, 768)
SMALL = (800, 600)
SIZES: dict[str, tuple[int, int] | None] = {
    "crash-dialog": None,  # a dialog at its own size (it must fit a 800x600 screen)
    "crash-dialog-details": None,
    "crash-note": None,
    "editor": (1280, 800),
    "editor-problem": (1280, 800),
    "import-progress": (420, 120),
    "merge-question": (560, 160),
    "new-learner": None,
    "my-password": None,
    "server-connect": None,
    "server-away": None,
    "class-computer": None,
}


def _home(database: Database, language: str) -> QWidget:
    name = {"en": "Ada", "zh": "小明"}[language]
    learner = create_learner(database, f"{name} {os.urandom(2).hex()}", language=language).value
    window = MainWindow(database, language)
    window.home.reload_learners(select=learner.id)
    return window


def _protected_learner(database: Database, language: str) -> Learner:
    """A made-up learner who keeps a password."""
    name = {"en": "Ada", "zh": "小明"}[language]
    return create_learner(
        database,
        f"{name} {os.urandom(2).hex()}",
        language=language,
        password="moon rabbit",  # noqa: S106 (a made-up learner)
    ).value


def _home_nobody(database: Database, language: str) -> QWidget:
    """Home at start when the last learner keeps a password: nobody chosen yet."""
    learner = _protected_learner(database, language)
    window = MainWindow(database, language)
    window.home.reload_learners(select=learner.id)
    return window


def _new_learner(database: Database, language: str) -> QWidget:
    from quiz_app.ui.learner_dialog import NewLearnerDialog

    dialog = NewLearnerDialog(language)
    dialog.name.setText({"en": "Mei", "zh": "小红"}[language])
    dialog.password_field.setText("jade rabbit")
    return dialog


def _my_password(database: Database, language: str) -> QWidget:
    from quiz_app.ui.learner_access import PasswordDialog

    learner = _protected_learner(database, language)
    return PasswordDialog(learner)


def _server_connect(database: Database, language: str) -> QWidget:
    from quiz_app.ui.server_dialog import ServerDialog

    return ServerDialog(("school-server", 5432, "change_quiz", "class_7b"))


def _quiz_screen(database: Database, language: str, answered: bool) -> QWidget:
    learner = create_learner(
        database, f"Screenshot {language} {answered} {os.urandom(4).hex()}", language=language
    ).value
    # The first seed whose quiz opens with a single-choice question with a diagram
    # (looked for, not fixed: a bank that grows changes what each seed draws).
    from quiz_app.core.questions import SingleChoice

    for seed in range(500):
        quiz = start_quiz(database, learner.id, QuizSettings(count=10), seed=seed).value
        questions = quiz_questions(database, quiz)
        first = questions[0].question
        if isinstance(first.body, SingleChoice) and first.image is not None:
            break
    screen = QuizScreen(database, quiz, questions, language)
    if answered:
        assert screen._answer is not None
        buttons = getattr(screen._answer, "buttons", None)
        if buttons:
            buttons[0].setChecked(True)
        screen.advance()
        _wait_for(lambda: not screen.saving)  # the answer is saved off the GUI thread
    return screen


def _wait_for(done: Callable[[], bool], seconds: float = 10.0) -> None:
    import time

    app = QApplication.instance()
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        assert app is not None
        app.processEvents()
        time.sleep(0.01)


def _results_screen(database: Database, language: str) -> QWidget:
    from quiz_app.services.quiz import finish_quiz, submit_answer
    from quiz_app.ui.screens.results import ResultsScreen

    learner = create_learner(
        database, f"Results {language} {os.urandom(4).hex()}", language=language
    ).value
    quiz = start_quiz(database, learner.id, QuizSettings(count=6), seed=5).value
    questions = quiz_questions(database, quiz)
    for i, question in enumerate(questions[:5]):
        body = question.question.body
        from quiz_app.core.questions import TrueFalse

        response = (
            (not body.answer) if isinstance(body, TrueFalse) and i % 2 else right_response(body)
        )
        submit_answer(database, quiz.id, question.id, response, 8000 + 1000 * i)
    return ResultsScreen(finish_quiz(database, quiz.id).value, questions, language)


def _history_screen(database: Database, language: str) -> QWidget:
    from quiz_app.services.packs import list_packs
    from quiz_app.services.quiz import finish_quiz, quiz_history, submit_answer
    from quiz_app.ui.screens.history import HistoryScreen

    learner = create_learner(
        database, f"History {language} {os.urandom(4).hex()}", language=language
    ).value
    for seed in range(3):
        quiz = start_quiz(database, learner.id, QuizSettings(count=4), seed=seed).value
        for question in quiz_questions(database, quiz)[: 2 + seed]:
            submit_answer(
                database, quiz.id, question.id, right_response(question.question.body), 9000
            )
        finish_quiz(database, quiz.id)
    titles = {str(p.id): p.title.get(language) for p in list_packs(database)}
    return HistoryScreen(quiz_history(database, learner.id), titles)


def _progress_screen(database: Database, language: str) -> QWidget:
    from datetime import UTC, datetime, timedelta

    from quiz_app.services.quiz import finish_quiz, submit_answer

    learner = create_learner(
        database, f"Progress {language} {os.urandom(4).hex()}", language=language
    ).value
    now = datetime.now(UTC)
    for day in range(6):  # a week of study, getting better
        when = now - timedelta(days=5 - day)
        quiz = start_quiz(database, learner.id, QuizSettings(count=8), seed=day, now=when).value
        for i, question in enumerate(quiz_questions(database, quiz)):
            body = question.question.body
            from quiz_app.core.questions import TrueFalse

            if isinstance(body, TrueFalse) and i > day:
                response: object = not body.answer
            else:
                response = right_response(body)
            submit_answer(database, quiz.id, question.id, response, 20_000, now=when)  # type: ignore[arg-type]
        finish_quiz(database, quiz.id, now=when)
    window = MainWindow(database, language)
    window.home.reload_learners(select=learner.id)
    window.navigation.show_progress(learner.id)
    return window


def _import_preview(database: Database, language: str) -> QWidget:
    from quiz_app.core.ids import PackId, QuestionKey
    from quiz_app.core.importing import ImportKind, ImportPlan
    from quiz_app.ui.import_preview import ImportPreviewDialog

    keys = tuple(QuestionKey(f"week-3-q{i}") for i in range(1, 9))
    plan = ImportPlan(
        PackId("week-3"),
        ImportKind.UPGRADE,
        "1.0.0",
        "1.1.0",
        added=keys[:5],
        changed=keys[5:7],
        retired=keys[7:],
        unchanged=12,
    )
    del database
    return ImportPreviewDialog("Week 3.csv", plan)


def _class_results(database: Database, language: str) -> QWidget:
    from quiz_app.services.results import class_results
    from quiz_app.ui.screens.class_results import ClassResultsScreen

    screen = ClassResultsScreen(class_results(database))  # the learners made above
    screen.tabs.setCurrentIndex(2)
    del language
    return screen


_GIFT = """// A teacher's week-3 quiz, with one block Moodle would refuse.
$CATEGORY: week-3/Missions

::landing::Which mission first landed on the far side of the Moon?
{=Chang'e-4 ~Chang'e-3 ~Chang'e-5}

::samples::Chang'e-5 returned samples to Earth. {TRUE}

::half::Which missions returned samples? {~%50%Chang'e-5 ~%50%Chang'e-6 ~Chang'e-4}

::broken::This block never closes its answers { =yes ~no
"""


def _import_preview_skipped(database: Database, language: str) -> QWidget:
    from quiz_app.services.packs import preview_import
    from quiz_app.ui.import_preview import ImportPreviewDialog

    del language
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "week-3.gift"
        path.write_text(_GIFT, encoding="utf-8")
        preview = preview_import(database, path)
    return ImportPreviewDialog(path.name, preview.plan)


def _import_progress(database: Database, language: str) -> QWidget:
    window = MainWindow(database, language)
    progress = window.files.importer.progress_dialog("week-3.gift")
    progress.setValue(40)
    return progress


def _editor(database: Database, language: str, problem: bool) -> QWidget:
    window = MainWindow(database, language)
    window.gate.unlocked = True  # the PIN dialog is not what this picture is about
    window.teacher.edit_pack("change-missions")
    editor = window.navigation.editor_screen
    assert editor is not None
    editor.list.setCurrentRow(1)
    if problem:
        editor.form.prompt["zh"].clear()
        editor.check_current()
    return window


def _class_report(database: Database, language: str) -> QWidget:
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QTextBrowser

    from quiz_app.services.results import class_results
    from quiz_app.ui.report import class_report_html

    del language
    browser = QTextBrowser()
    browser.setHtml(class_report_html(class_results(database), datetime.now(UTC)))
    return browser


def _merge_question(database: Database, language: str) -> QWidget:
    from quiz_app.services.exchange import MergeReport

    del database
    names = {"en": "Ada, Bob", "zh": "小明, 小红"}[language].split(", ")
    window = MainWindow(None, language)
    report = MergeReport(tuple(names), 2, 5, 61, 1, 9)
    box, _ = window.files.exchange.confirm_box(Path("class-3B.jsonl"), report)
    return box


_TRACEBACK = """Traceback (most recent call last):
  File "quiz_app/ui/worker.py", line 77, in _run
    self._result = self._work()
                   ^^^^^^^^^^^^
  File "quiz_app/services/editing.py", line 142, in save_edited_pack
    plan = plan_import(current, pack)
  File "quiz_app/core/importing.py", line 88, in plan_import
    old = by_key[question.key]
          ~~~~~~^^^^^^^^^^^^^^
KeyError: 'far-side-first'
"""
_LOG = Path("/home/ada/.local/state/change-quiz/log/change-quiz.log")


def _crash_dialog(database: Database, language: str, details: bool) -> QWidget:
    from quiz_app.ui.crash_dialog import CrashDialog

    del database, language
    dialog = CrashDialog("KeyError: 'far-side-first'", _TRACEBACK, _LOG)
    if details:
        dialog.add_another("KeyError: 'far-side-first'", _TRACEBACK)
        dialog.details_button.setChecked(True)
    return dialog


def _crash_note(database: Database, language: str) -> QWidget:
    from datetime import UTC, datetime

    from quiz_app.ui.crash import CrashReport
    from quiz_app.ui.crash_dialog import PreviousCrashNote

    del database, language
    fault = (
        "Fatal Python error: Segmentation fault\n\nCurrent thread 0x00007f3a (most recent "
        'call first):\n  File "quiz_app/ui/app.py", line 51 in run_gui\n'
    )
    note = PreviousCrashNote(CrashReport(_LOG, datetime(2026, 11, 24, 9, 5, tzinfo=UTC), fault))
    note.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # deleted by the loop
    return note


def _restore_backup(database: Database, language: str) -> QWidget:
    from datetime import UTC, datetime, timedelta

    from quiz_app.core.backups import BackupReason
    from quiz_app.services.backups import backup_bank, list_backups
    from quiz_app.ui.restore_dialog import RestoreBackupDialog

    del language
    if not list_backups(database):
        now = datetime.now(UTC)
        for days, reason in (
            (30, BackupReason.UPGRADE),
            (2, BackupReason.CLOSE),
            (0, BackupReason.MANUAL),
        ):
            backup_bank(database, now - timedelta(days=days), reason)
    return RestoreBackupDialog(list_backups(database))


def _home_offline(database: Database, language: str) -> QWidget:
    """Home while the classroom server is away and answers wait on this computer."""
    window = _home(database, language)
    assert isinstance(window, MainWindow)
    window.server_status._set_waiting(3)  # (the bank here is a file: its words, shown)
    return window


def _server_away(database: Database, language: str) -> QWidget:
    """At start, the classroom server cannot be reached (BankLoader.failed)."""
    from quiz_app.services.bank import ServerUnreachableError
    from quiz_app.ui.bank_loader import own_bank_box

    del database
    detail = (
        'connection failed: connection to server at "10.1.2.3", port 5432 failed: '
        "Connection refused"
    )
    error = ServerUnreachableError(  # as storage.errors words it
        f"The question bank's server cannot be reached: {detail}. "
        "Nothing was changed; try again when it is back.",
        zh=f"无法连接题库的服务器：{detail}。没有做任何改动，请在服务器恢复后再试。",
    )
    return own_bank_box(None, error.message(language))[0]


def _class_computer(database: Database, language: str) -> QWidget:
    """Teacher mode asked for on a class computer of the classroom server."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    del database, language
    text = QCoreApplication.translate(
        "TeacherGate",
        "This is a class computer of the classroom server. Teacher mode, "
        "packs and the whole class's results are on the teacher's computer.",
    )
    title = QCoreApplication.translate("TeacherGate", "Teacher mode")
    return QMessageBox(QMessageBox.Icon.Information, title, text)


def _upgrade_failed(database: Database, language: str) -> QWidget:
    """The message at start-up when the bank cannot be upgraded (BankLoader.failed)."""
    from PySide6.QtWidgets import QMessageBox

    from quiz_app.core.errors import StorageError

    del database
    where = "/home/ada/.local/share/change-quiz/bank.sqlite3"
    taken = "/home/ada/.local/share/change-quiz/backups/bank-20261203T101500Z-upgrade.sqlite3"
    reason = "IntegrityError: FOREIGN KEY constraint failed"
    error = StorageError(  # as storage.migrate words it
        f"The question bank at {where} could not be upgraded to this version of the app; "
        f"it is unchanged. A copy taken before the upgrade is at {taken}. ({reason})",
        zh=f"{where} 的题库无法升级到本版本，题库未被改动。升级前的备份在 {taken}。（{reason}）",
    )
    return QMessageBox(QMessageBox.Icon.Critical, "Chang'e Quiz", error.message(language))


def take_screenshots(
    outdir: Path, only: set[str] | None = None, small: tuple[int, int] | None = None
) -> list[Path]:
    """Every screen (or those named in ``only``), at its usual size or all at ``small``."""
    # The app remembers the last learner in its settings: keep ours out of the user's.
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="quiz-screenshots-")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    screens: dict[str, Callable[[Database, str], QWidget]] = {
        "home": _home,
        "home-nobody": _home_nobody,
        "new-learner": _new_learner,
        "my-password": _my_password,
        "server-connect": _server_connect,
        "question": lambda db, lang: _quiz_screen(db, lang, answered=False),
        "feedback": lambda db, lang: _quiz_screen(db, lang, answered=True),
        "results": _results_screen,
        "history": _history_screen,
        "progress": _progress_screen,
        "import-preview": _import_preview,
        "class-results": _class_results,
        "class-report": _class_report,
        "import-preview-skipped": _import_preview_skipped,
        "import-progress": _import_progress,
        "editor": lambda db, lang: _editor(db, lang, problem=False),
        "editor-problem": lambda db, lang: _editor(db, lang, problem=True),
        "merge-question": _merge_question,
        "crash-dialog": lambda db, lang: _crash_dialog(db, lang, details=False),
        "crash-dialog-details": lambda db, lang: _crash_dialog(db, lang, details=True),
        "crash-note": _crash_note,
        "restore-backup": _restore_backup,
        "upgrade-failed": _upgrade_failed,
        "home-offline": _home_offline,
        "server-away": _server_away,
        "class-computer": _class_computer,
        **quiz_screenshots(_wait_for),
    }
    if only:
        screens = {name: make for name, make in screens.items() if name in only}
    with tempfile.TemporaryDirectory() as tmp:
        database = open_bank(f"sqlite:///{Path(tmp) / 'bank.sqlite3'}")
        try:
            theme: Theme
            for theme in ("light", "dark"):
                apply_theme(app, theme)
                for language in ("en", "zh"):
                    set_language(language)
                    for name, make in screens.items():
                        widget = make(database, language)
                        size = small or SIZES.get(name, SIZE)
                        if size is not None:
                            widget.resize(*size)
                        widget.show()
                        for _ in range(3):  # screens redraw on the next turns of the loop
                            app.processEvents()
                        target = outdir / f"{name}-{language}-{theme}.png"
                        widget.grab().save(str(target))
                        written.append(target)
                        widget.hide()  # not close(): the editor would ask about unsaved edits
                        widget.deleteLater()
        finally:
            set_language("en")
            database.close()
    return written


if __name__ == "__main__":
    arguments = sys.argv[1:]
    small = None
    if "--small" in arguments:  # every screen at the smallest screen we support
        arguments.remove("--small")
        small = SMALL
    outdir = Path(arguments[0] if arguments else "screenshots")
    for path in take_screenshots(outdir, set(arguments[1:]), small):
        print(path)
