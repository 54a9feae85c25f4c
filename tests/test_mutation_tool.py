"""tools/mutation.py counts as known equivalents only the mutants listed under
"## Known equivalent mutants" in docs/mutation.md: a survivor named elsewhere in the file
once counted as one and raised the score."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[1]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_tool", ROOT / "tools" / "mutation.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DOC = """# Mutation testing

Not caught yet: `quiz_app.packs.gift.x_parse__mutmut_3` (a survivor, being discussed).

## Known equivalent mutants

### packs/gift.py

- `quiz_app.packs.gift.x_number__mutmut_1`: why no input tells it apart.
- `quiz_app.packs.gift.x_number__mutmut_2`: and this one.

## Figures

`quiz_app.core.grading.x_grade__mutmut_7` after the list is not an equivalent either.
"""


def test_only_the_equivalents_section_counts() -> None:
    assert _tool().equivalents_in(DOC) == {
        "quiz_app.packs.gift.x_number__mutmut_1",
        "quiz_app.packs.gift.x_number__mutmut_2",
    }


def test_a_file_without_the_section_has_no_equivalents() -> None:
    assert _tool().equivalents_in("`quiz_app.core.grading.x_grade__mutmut_7`") == set()


def test_the_projects_list_is_read() -> None:
    names = _tool().known_equivalents()
    assert "quiz_app.core.grading.x_grade_numeric__mutmut_19" in names


def test_an_equivalent_not_yet_run_counts_as_not_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A partial run once reported -2 survivors and 100.2%: the listed equivalents not yet
    run were counted both as not run and as equivalents."""
    tool = _tool()
    name = "quiz_app.packs.gift.x_number__mutmut_"
    codes = {f"{name}1": 1, f"{name}2": 0, f"{name}3": None, f"{name}4": 0, f"{name}5": None}
    monkeypatch.setattr(tool, "results", lambda module: codes)
    monkeypatch.setattr(tool, "known_equivalents", lambda: {f"{name}2", f"{name}3"})
    assert tool.report(["quiz_app.packs.gift"]) == 1
    row = capsys.readouterr().out.splitlines()[1].split()
    # mutants, caught, survivors, no test, not run, equivalents, score
    assert row[1:] == ["5", "1", "1", "0", "2", "1", "50.0%"]
