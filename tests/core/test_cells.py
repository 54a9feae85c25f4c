"""Spreadsheet cells that never run: OWASP's quote, and an exact way back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz_app.core.cells import from_cell, to_cell


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1", "'+1"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),  # already quoted by someone: kept, and readable back
        ("''", "'''"),
        ("'", "'"),  # a lone quote: nothing after it to guard
        ("'Twas brillig", "'Twas brillig"),
        ("Ada", "Ada"),
        ("", ""),
        ("1-2", "1-2"),  # only the first character counts
        ("嫦娥", "嫦娥"),
    ],
)
def test_a_cell_that_would_run_is_quoted(text: str, cell: str) -> None:
    assert to_cell(text) == cell
    assert from_cell(cell) == text


def test_reading_leaves_other_quotes_alone() -> None:
    assert from_cell("'Twas") == "'Twas"
    assert from_cell("'") == "'"
    assert from_cell("x'=1") == "x'=1"


@given(st.text())
def test_every_text_comes_back_and_never_starts_a_formula(text: str) -> None:
    cell = to_cell(text)
    assert from_cell(cell) == text
    assert cell[:1] not in set("=+-@\t\r") or cell == ""
