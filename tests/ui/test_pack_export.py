"""File › Export pack: any learner may take a pack away, in the format its name asks for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quiz_app.packs.formats import load_any
from quiz_app.services.packs import get_pack, import_pack
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow


@pytest.mark.parametrize(
    ("name", "written", "left_out"),
    [("sample.gift", 6, ["launch-order"]), ("sample.xml", 7, []), ("sample.csv", 7, [])],
)
def test_a_pack_is_exported_in_the_format_of_its_file_name(
    qtbot: QtBot,
    database: Database,
    sample_pack: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    written: int,
    left_out: list[str],
) -> None:
    import_pack(database, sample_pack)
    target = tmp_path / name
    target.write_text("an older file the save dialog asked to replace", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    asked: list[bool] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: asked.append(True))
    window = MainWindow(database)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.files.pack_exported, timeout=30_000) as done:
        window.files.ask_export_pack()
    assert asked == []  # no PIN: exporting changes nothing in the bank
    assert done.args[0] == f"Exported {written} questions to {name}."
    again = load_any(target)
    assert len(again.questions) == written
    original = {q.prompt.get("en") for q in get_pack(database, "sample").questions}
    assert {q.prompt.get("en") for q in again.questions} <= original
    if left_out:
        assert all(key in told[0] for key in left_out)
    else:
        assert told == []


def test_what_a_format_cannot_hold_is_said_in_chinese_too(
    qtbot: QtBot,
    database: Database,
    sample_pack: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_pack(database, sample_pack)
    target = tmp_path / "sample.gift"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.switch_language("zh")
    try:
        with qtbot.waitSignal(window.files.pack_exported, timeout=30_000):
            window.files.ask_export_pack()
    finally:
        window.switch_language("en")
    [text] = told
    assert "launch-order: GIFT 没有排序题" in text
    assert "ordering questions" not in text
