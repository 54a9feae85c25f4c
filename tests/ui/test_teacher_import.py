"""Importing in the app: formats, questions left out, progress, cancel, drag and drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quiz_app.core.errors import NotFoundError
from quiz_app.services.packs import get_pack
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from tests.conftest import DATA, snapshot
from tests.ui.preview import answer_preview

GIFT_QUIZ = DATA / "gift" / "class-quiz.gift"


def test_a_gift_file_with_bad_questions_is_imported_only_as_the_teacher_accepts(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = answer_preview(monkeypatch, accept=True)
    window = MainWindow(database)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.files.import_finished, timeout=30_000) as done:
        window.files.import_pack(GIFT_QUIZ)
    [dialog] = seen
    summary = dialog.summary.text()  # type: ignore[attr-defined]
    assert summary.startswith("Import class-quiz 1.0.0: 12 added")
    assert "5 question(s) of the file cannot be read and would be left out:" in summary
    details = dialog.details.toPlainText()  # type: ignore[attr-defined]
    assert f"{GIFT_QUIZ}:60: an essay question" in details
    assert "Changed on the way in:" in details
    assert "'Yutu' is worth 50% in Moodle; here it is not accepted" in details
    assert dialog.import_button.text() == "&Import the rest"  # type: ignore[attr-defined]
    assert done.args[0] == "Imported class-quiz 1.0.0: 12 added, 0 changed, 0 retired."
    assert len(get_pack(database, "class-quiz").questions) == 12


def test_the_import_shows_progress_and_cancelling_leaves_the_bank_as_it_was(
    qtbot: QtBot, database: Database, sample_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    answer_preview(monkeypatch, accept=True)
    before = snapshot(database)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    shown: list[QProgressDialog] = []

    def press_cancel(dialog: QProgressDialog) -> None:
        shown.append(dialog)
        assert dialog.isVisible()
        assert dialog.labelText() == "Importing sample-pack…"
        [button] = dialog.findChildren(QPushButton)
        assert button.text() == "Cancel"
        button.click()

    window.files.importer.progress_shown.connect(press_cancel)
    with qtbot.waitSignal(window.files.import_finished, timeout=30_000) as done:
        window.files.import_pack(sample_pack)
    assert len(shown) == 1
    assert done.args[0] == "Import cancelled: the bank is as it was."
    assert snapshot(database) == before
    assert window.navigation.packs.topLevelItemCount() == 0

    window.files.importer.progress_shown.disconnect(press_cancel)
    steps: list[tuple[int, int]] = []
    window.files.importer.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(window.files.import_finished, timeout=30_000) as done:
        window.files.import_pack(sample_pack)
    assert done.args[0] == "Imported sample 1.0.0: 7 added, 0 changed, 0 retired."
    qtbot.waitUntil(lambda: bool(steps) and steps[-1][0] == steps[-1][1])
    assert steps[0][0] == 0
    qtbot.waitUntil(lambda: window.navigation.packs.topLevelItemCount() == 1)


def _drop(window: MainWindow, path: Path) -> bool:
    """Drag ``path`` onto the window and drop it; whether the window took it."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    if not enter.isAccepted():
        return False
    window.dropEvent(
        QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    return True


def test_a_pack_dropped_on_the_window_is_imported_after_the_pin(
    qtbot: QtBot, database: Database, sample_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from quiz_app.services.teacher import set_pin

    set_pin(database, "2468")
    typed = iter(["1111", "2468"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (next(typed), True))
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a: None)
    seen = answer_preview(monkeypatch, accept=True)
    window = MainWindow(database)
    qtbot.addWidget(window)
    before = snapshot(database)
    assert _drop(window, sample_pack / "pack.toml")  # wrong PIN: nothing happens
    assert seen == []
    after = snapshot(database)
    tried = [row for row in after["setting"] if row[0] == "teacher_pin_failures"]
    assert len(tried) == 1  # but the wrong PIN is counted (docs/security.md)
    after["setting"] = [row for row in after["setting"] if row not in tried]
    assert after == before
    with qtbot.waitSignal(window.files.import_finished, timeout=30_000) as done:
        assert _drop(window, sample_pack)  # the folder itself, right PIN
    assert done.args[0].startswith("Imported sample 1.0.0")
    assert len(seen) == 1


def test_only_one_local_file_can_be_dropped(qtbot: QtBot, database: Database) -> None:
    from PySide6.QtCore import QMimeData, QUrl

    from quiz_app.ui.file_actions import dropped_path

    window = MainWindow(database)
    qtbot.addWidget(window)
    two = QMimeData()
    two.setUrls([QUrl.fromLocalFile("/a.gift"), QUrl.fromLocalFile("/b.gift")])
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/pack.zip")])
    text = QMimeData()
    text.setText("hello")
    assert [dropped_path(m) for m in (two, web, text)] == [None, None, None]


RICH_MOODLE = DATA / "moodle" / "rich.xml"


def test_a_moodle_export_lists_what_is_left_out_in_the_interface_language(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz_app.ui.i18n import set_language

    seen = answer_preview(monkeypatch, accept=False)
    window = MainWindow(database)
    qtbot.addWidget(window)
    set_language("zh")
    try:
        with qtbot.waitSignal(window.files.import_finished, timeout=30_000):
            window.files.import_pack(RICH_MOODLE)
    finally:
        set_language("en")
    [dialog] = seen
    details = dialog.details.toPlainText()  # type: ignore[attr-defined]
    assert "说明（description）只是文字，没有题目：本应用略去它" in details
    assert "题目“Bad fraction”：答案的分数“33”不是 Moodle 允许的分值" in details
    assert "一段脚本已略去" in details  # a note on the question that is imported
    with pytest.raises(NotFoundError):  # the teacher said no: nothing imported
        get_pack(database, "rich")
