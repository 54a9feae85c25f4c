"""What a problem said in both languages must hold: shared by the pack and results tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from quiz_app.core.errors import Problem

CJK = re.compile(r"[\u4e00-\u9fff]")
DIGITS = re.compile(r"\d+")
QUOTED = re.compile(r"(?<![A-Za-z])'([^'\s](?:[^'\n]*[^'\s])?)'(?![A-Za-z])")
"""A name quoted in English (``topic 'far-side'``), not an apostrophe (``Chang'e``)."""


def gaps(problem: Problem) -> list[str]:
    """Why ``problem``'s Chinese falls short of its English (empty when it does not):
    none, no Chinese characters, or a number or quoted name of the English missing."""
    zh = problem.zh or ""
    if not CJK.search(zh):
        return [f"no Chinese for {problem.message!r} (zh={problem.zh!r})"]
    out = []
    missing = set(DIGITS.findall(problem.message)) - set(DIGITS.findall(zh))
    if missing:
        out.append(f"{problem.message!r} -> {zh!r} lacks the numbers {sorted(missing)}")
    out += [
        f"{problem.message!r} -> {zh!r} lacks '{name}'"
        for name in QUOTED.findall(problem.message)
        if name not in zh
    ]
    return out


@pytest.fixture(autouse=True)
def problems_in_chinese(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Problem]]:
    """Records every Problem made while a test runs; the test fails if one has ``gaps``.

    Autouse where a conftest imports it: each broken input of those tests is then also a
    check of the Chinese.
    """
    made: list[Problem] = []
    original = Problem.__init__

    def recording(self: Problem, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Problem, "__init__", recording)
    yield made
    monkeypatch.undo()
    found = sorted({gap for problem in made for gap in gaps(problem)})
    assert not found, "problems not said in Chinese:\n" + "\n".join(found)
