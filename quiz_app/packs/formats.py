"""Choosing a reader by the file's kind: native packs, or files from other tools."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quiz_app.core.errors import PackError, Problem
from quiz_app.core.questions import Pack
from quiz_app.packs.aiken import load_aiken
from quiz_app.packs.moodle_xml import load_moodle_xml
from quiz_app.packs.native import load_pack
from quiz_app.packs.spreadsheet import load_csv, load_xlsx

READERS: dict[str, Callable[[Path], Pack]] = {
    "native": load_pack,
    "aiken": load_aiken,
    "csv": load_csv,
    "xlsx": load_xlsx,
    "moodle-xml": load_moodle_xml,
}
SUFFIXES = {
    ".zip": "native",
    ".txt": "aiken",
    ".aiken": "aiken",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".xml": "moodle-xml",
}


def format_of(path: Path) -> str:
    if not path.exists():
        raise PackError([Problem(str(path), None, "no such file or folder")])
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
                )
            ]
        )
    return kind


def load_any(path: Path, kind: str | None = None) -> Pack:
    """Read the pack at ``path`` in ``kind`` (by default, from its name), or PackError."""
    return READERS[kind or format_of(path)](path)
