"""Choosing a reader by the file's kind: native packs, or files from other tools."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from quiz_app.core.errors import PackError, Problem
from quiz_app.core.questions import Pack
from quiz_app.packs.aiken import load_aiken
from quiz_app.packs.files import read_regular
from quiz_app.packs.gift import load_gift
from quiz_app.packs.messages import NO_SUCH_FILE
from quiz_app.packs.moodle_xml import load_moodle_xml
from quiz_app.packs.native import load_pack
from quiz_app.packs.spreadsheet import load_csv, load_xlsx

READERS: dict[str, Callable[[Path], Pack]] = {
    "native": load_pack,
    "aiken": load_aiken,
    "gift": load_gift,
    "csv": load_csv,
    "xlsx": load_xlsx,
    "moodle-xml": load_moodle_xml,
}
SUFFIXES = {
    ".zip": "native",
    ".txt": "gift or aiken",
    ".gift": "gift",
    ".aiken": "aiken",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".xml": "moodle-xml",
}


def format_of(path: Path) -> str:
    if not path.exists():
        raise PackError([Problem.of(str(path), None, NO_SUCH_FILE)])
    if path.is_dir():
        return "native"
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(SUFFIXES))
        raise PackError(
            [
                Problem(
                    str(path),
                    None,
                    f"unknown kind of file; use a pack folder or "
                    f"one of {known}, or name the format with --format",
                    zh=f"未知的文件类型；请使用题包文件夹或 {known} 之一，或用 --format 指明格式",
                )
            ]
        )
    if kind == "gift or aiken":
        return _gift_or_aiken(path)
    return kind


_AIKEN_ANSWER = re.compile(rb"^ANSWER: *[A-Z] *\r?$", re.MULTILINE)


def _gift_or_aiken(path: Path) -> str:
    """Moodle exports both as .txt: a line 'ANSWER: X' makes it Aiken, else GIFT."""
    try:
        head = read_regular(path, 1 << 20)
    except OSError:
        return "gift"  # the reader reports why the file cannot be read
    return "aiken" if _AIKEN_ANSWER.search(head) else "gift"


def load_any(path: Path, kind: str | None = None) -> Pack:
    """Read the pack at ``path`` in ``kind`` (by default, from its name), or PackError."""
    return READERS[kind or format_of(path)](path)
