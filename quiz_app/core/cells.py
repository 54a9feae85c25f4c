"""Text for spreadsheet cells that a spreadsheet will never run (CSV injection).

Excel, LibreOffice and Google Sheets evaluate a cell whose text begins with ``=``, ``+``,
``-`` or ``@`` (and some a tab or carriage return first) as a formula: a name such as
``=HYPERLINK("http://…")`` or ``=cmd|' /C calc'!A0`` in a class-results CSV would run
when a teacher opens it. OWASP's advice: such a cell starts with a ``'``, which makes it
text. So that our own export reads back exactly, a text that already starts with ``'``
followed by one of those characters (or another ``'``) gets one too, and reading drops
exactly one such ``'``; any other text is left alone both ways (``'Twas`` stays).
"""

from __future__ import annotations

FORMULA_STARTS = frozenset("=+-@\t\r")
_QUOTE = "'"


def to_cell(text: str) -> str:
    """``text`` as a cell a spreadsheet shows and never evaluates."""
    first, second = text[:1], text[1:2]
    if first in FORMULA_STARTS or (first == _QUOTE and _guarded(second)):
        return _QUOTE + text
    return text


def from_cell(text: str) -> str:
    """The text ``to_cell`` was given (and any other cell's text as it is)."""
    if text[:1] == _QUOTE and _guarded(text[1:2]):
        return text[1:]
    return text


def _guarded(character: str) -> bool:
    return bool(character) and (character in FORMULA_STARTS or character == _QUOTE)
