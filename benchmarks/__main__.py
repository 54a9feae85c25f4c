"""Run the benchmarks: ``python -m benchmarks [NAME ...]`` (see README.md). Prints JSON."""

from __future__ import annotations

import json
import sys

from benchmarks.bank import bench_draw, bench_import
from benchmarks.concurrency import bench_concurrency
from benchmarks.merge import bench_merge
from benchmarks.progress import bench_progress
from benchmarks.startup import bench_startup
from benchmarks.teacher import bench_teacher


def _classroom(argv: list[str]) -> int:
    import argparse

    from benchmarks.classroom import bench_classroom

    parser = argparse.ArgumentParser(prog="python -m benchmarks classroom")
    parser.add_argument("--db", metavar="URL", help="the bank (default: a new SQLite file)")
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--answers", type=int, default=50)
    options = parser.parse_args(argv)
    result = bench_classroom(options.db, options.learners, options.answers)
    print(json.dumps(result, indent=2, ensure_ascii=False), flush=True)
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["classroom"]:
        return _classroom(argv[1:])
    runs = {
        "import": bench_import,
        "draw": bench_draw,
        "startup": bench_startup,
        "progress": bench_progress,
        "teacher": bench_teacher,
        "concurrency": bench_concurrency,
        "merge": bench_merge,
    }
    chosen = argv or list(runs)
    for name in chosen:
        if name not in runs:
            print(f"unknown benchmark {name!r}; choose from {', '.join(runs)}", file=sys.stderr)
            return 2
        print(json.dumps(runs[name](), indent=2), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
