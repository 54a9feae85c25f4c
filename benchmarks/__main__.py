"""Run the benchmarks: ``python -m benchmarks [NAME ...] [--quick]`` (see README.md).

Each benchmark prints one JSON object with a ``checks`` list (``benchmarks.checks``).
``--quick`` runs each at a small size, in seconds, to show that it still runs (the test
suite does, tests/test_benchmarks.py); its figures say nothing about the targets.
``classroom`` takes options of its own: ``python -m benchmarks classroom --help``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

Run = Callable[[bool], dict[str, Any]]


def _import(quick: bool) -> dict[str, Any]:
    from benchmarks.bank import bench_import

    return bench_import(1_000) if quick else bench_import()


def _draw(quick: bool) -> dict[str, Any]:
    from benchmarks.bank import bench_draw

    return bench_draw(20_000, 50) if quick else bench_draw()


def _startup(quick: bool) -> dict[str, Any]:
    from benchmarks.startup import bench_startup

    return bench_startup(1) if quick else bench_startup()


def _progress(quick: bool) -> dict[str, Any]:
    from benchmarks.progress import QUICK, bench_progress

    return bench_progress(QUICK, 3) if quick else bench_progress()


def _teacher(quick: bool) -> dict[str, Any]:
    from benchmarks.teacher import bench_teacher

    return bench_teacher(300, 1) if quick else bench_teacher()


def _concurrency(quick: bool) -> dict[str, Any]:
    from benchmarks.concurrency import bench_concurrency

    return (
        bench_concurrency(2.0, 0.5, 100, lock_rounds=1, learners=1)
        if quick
        else bench_concurrency()
    )


def _merge(quick: bool) -> dict[str, Any]:
    from benchmarks.merge import bench_merge

    return bench_merge(2_000, 1) if quick else bench_merge()


def _class_results(quick: bool) -> dict[str, Any]:
    from benchmarks.class_results import QUICK, bench_class_results

    return bench_class_results(QUICK, 3) if quick else bench_class_results()


def _packs_list(quick: bool) -> dict[str, Any]:
    from benchmarks.packs_list import QUICK, bench_packs_list

    return bench_packs_list(QUICK, 3) if quick else bench_packs_list()


def _editor(quick: bool) -> dict[str, Any]:
    from benchmarks.editor import QUICK, bench_editor

    return bench_editor(QUICK, 1) if quick else bench_editor()


def _csv_import(quick: bool) -> dict[str, Any]:
    from benchmarks.csv_import import QUICK, bench_csv_import

    return bench_csv_import(QUICK) if quick else bench_csv_import()


RUNS: dict[str, Run] = {
    "import": _import,
    "draw": _draw,
    "startup": _startup,
    "progress": _progress,
    "teacher": _teacher,
    "editor": _editor,
    "csv-import": _csv_import,
    "class-results": _class_results,
    "packs-list": _packs_list,
    "concurrency": _concurrency,
    "merge": _merge,
}
"""Every benchmark but ``classroom`` (which has options of its own), cheapest first."""

NAMES = (*RUNS, "classroom")


def _classroom(argv: list[str]) -> int:
    import argparse

    from benchmarks.classroom import bench_classroom

    parser = argparse.ArgumentParser(prog="python -m benchmarks classroom")
    parser.add_argument("--db", metavar="URL", help="the bank (default: a new SQLite file)")
    parser.add_argument("--learners", type=int, help="learner processes (default 30; quick 2)")
    parser.add_argument("--answers", type=int, help="answers each (default 50; quick 5)")
    parser.add_argument("--quick", action="store_true", help="a small class, to see it runs")
    options = parser.parse_args(argv)
    learners = options.learners or (2 if options.quick else 30)
    answers = options.answers or (5 if options.quick else 50)
    result = bench_classroom(options.db, learners, answers)
    print(json.dumps(result, indent=2, ensure_ascii=False), flush=True)
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["classroom"]:
        return _classroom(argv[1:])
    quick = "--quick" in argv
    chosen = [a for a in argv if a != "--quick"] or list(RUNS)
    for name in chosen:
        if name not in RUNS:
            print(f"unknown benchmark {name!r}; choose from {', '.join(NAMES)}", file=sys.stderr)
            return 2
    for name in chosen:
        print(json.dumps(RUNS[name](quick), indent=2, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
