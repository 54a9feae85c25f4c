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


def main(argv: list[str]) -> int:
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
