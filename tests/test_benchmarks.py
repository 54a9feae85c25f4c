"""Every benchmark still runs: each in its ``--quick`` form, in a process of its own, as
``python -m benchmarks NAME --quick`` prints it. Not timed: a quick run's figures say
nothing about the targets (``met`` may well be false); what is checked is that it runs to
the end and reports its figures in the one shape (benchmarks/checks.py)."""

from __future__ import annotations

import ast
import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from benchmarks.__main__ import NAMES
from tests.conftest import sqlite_only

ROOT = Path(__file__).parents[1]
BENCHMARKS = ROOT / "benchmarks"

pytestmark = [
    pytest.mark.slow,
    sqlite_only("the benchmarks make SQLite banks of their own: the SQLite run covers them"),
]


def _quick(name: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "benchmarks", name, "--quick"]
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def quick_runs() -> Iterator[dict[str, subprocess.CompletedProcess[str]]]:
    """Every benchmark's quick run, two at a time (most of each is starting processes)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield dict(zip(NAMES, pool.map(_quick, NAMES), strict=True))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@pytest.mark.parametrize("name", NAMES)
def test_each_benchmark_runs_quick_and_prints_its_checks(
    name: str, quick_runs: dict[str, subprocess.CompletedProcess[str]]
) -> None:
    done = quick_runs[name]
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)  # one JSON object and nothing else
    assert isinstance(report, dict)
    assert report["benchmark"] == name
    checks = report["checks"]
    assert isinstance(checks, list)
    assert checks, "no figures reported"
    for check in checks:
        assert set(check) == {"name", "value", "target", "unit", "met"}, check
        assert isinstance(check["name"], str), check
        assert check["name"], check
        assert isinstance(check["unit"], str), check
        if check["target"] is None:  # on record: no verdict
            assert check["met"] is None, check
            assert check["value"] is None or _is_number(check["value"]), check
        else:
            assert _is_number(check["target"]), check
            assert _is_number(check["value"]), check
            assert isinstance(check["met"], bool), check
    names = [c["name"] for c in checks]
    assert len(set(names)) == len(names), f"a check named twice: {names}"
    assert any(c["target"] is not None or c["value"] is not None for c in checks)


def test_an_unknown_benchmark_is_refused_by_name() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "no-such-thing", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "no-such-thing" in done.stderr
    assert "class-results" in done.stderr


def test_every_benchmark_is_reachable_by_name_and_in_the_readme() -> None:
    """A ``bench_*`` function that ``python -m benchmarks`` cannot run would rot unseen;
    a benchmark missing from README.md's table has no target anyone can read."""
    main = (BENCHMARKS / "__main__.py").read_text(encoding="utf-8")
    for module in BENCHMARKS.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("bench_"):
                assert node.name in main, f"{module.name}: {node.name} has no name"
    readme = (BENCHMARKS / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"| `{name}` |" in readme, f"{name} is not in README.md's table"
