"""Printing runs where no widget can (the command line on a server): QtGui, no widgets."""

from __future__ import annotations

import ast
from pathlib import Path

import quiz_app.printing

PRINTING = Path(quiz_app.printing.__file__).parent


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_printing_imports_no_widgets() -> None:
    modules = sorted(PRINTING.glob("*.py"))
    assert len(modules) >= 4
    used = {name for module in modules for name in _imported(module)}
    assert "PySide6.QtGui" in used  # the layout and the PDF engine
    assert not {name for name in used if name.startswith("PySide6.QtWidgets")}
