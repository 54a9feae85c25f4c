"""The Chinese interface: complete, compiled from its source, and shown."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from pytestqt.qtbot import QtBot

from quiz_app.services.packs import import_pack
from quiz_app.storage import Database
from quiz_app.ui.i18n import set_language
from quiz_app.ui.main_window import MainWindow

ROOT = Path(__file__).parents[2]
TS = ROOT / "assets" / "translations" / "change_quiz_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
SOURCES = sorted(str(p) for p in (ROOT / "quiz_app" / "ui").rglob("*.py"))


def _sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()  # noqa: S314
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_interface_string_is_in_the_translation_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *SOURCES, "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    missing = _sources(fresh) - _sources(TS)
    assert not missing, f"run pyside6-lupdate and translate: {sorted(missing)}"


def test_every_string_is_translated() -> None:
    root = ET.parse(TS).getroot()  # noqa: S314
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation") is None
        or m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_the_compiled_file_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts"


def test_the_window_speaks_chinese(qtbot: QtBot, database: Database, sample_pack: Path) -> None:
    import_pack(database, sample_pack)
    set_language("zh")
    try:
        window = MainWindow(database, "zh")
        qtbot.addWidget(window)
        window.show()  # Home draws the bank once it is on screen
        qtbot.waitUntil(lambda: window.navigation.packs.topLevelItemCount() == 1)
        assert [a.text() for a in window.menuBar().actions()] == [
            "文件(&F)",
            "视图(&V)",
            "学习(&S)",
            "教师(&T)",
            "帮助(&H)",
        ]
        assert window.statusBar().currentMessage() == "题库中的题目：7 道"
        assert window.navigation.packs.topLevelItem(0).text(0).startswith("示例题包")  # type: ignore[union-attr]
    finally:
        set_language("en")
    english = MainWindow(database, "en")
    qtbot.addWidget(english)
    assert [a.text() for a in english.menuBar().actions()] == [
        "&File",
        "&View",
        "&Study",
        "&Teacher",
        "&Help",
    ]
