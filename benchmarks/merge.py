"""Merging a results file of a whole school's learners (issue 13: 900,000 learners did not
finish in 400 s; 100,000 should take seconds).

Baseline: reading and checking the same file on its own (no bank), in the same run.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from benchmarks.checks import on_record
from quiz_app.services.exchange import merge_results
from quiz_app.services.results_file import read_results_file
from quiz_app.storage import open_database

HEADER = {
    "format": "change-quiz-results",
    "version": 1,
    "exported_at": "2026-11-24T12:00:00+00:00",
    "app": "0.1.0",
}


def write_learners_file(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(HEADER) + "\n")
        for i in range(count):
            learner = {
                "kind": "learner",
                "name": f"Learner {i}",
                "colour": "#3b82f6",
                "language": "en",
                "uid": uuid.uuid4().hex,
            }
            out.write(json.dumps(learner) + "\n")


def bench_merge(count: int = 100_000, rounds: int = 3) -> dict[str, Any]:
    read_s, merge_s = [], []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        results = root / "school.jsonl"
        write_learners_file(results, count)
        for n in range(rounds):
            start = time.perf_counter()
            read_results_file(results)
            read_s.append(time.perf_counter() - start)
            database = open_database(f"sqlite:///{root / f'bank{n}.sqlite3'}")
            start = time.perf_counter()
            report = merge_results(database, results)
            merge_s.append(time.perf_counter() - start)
            assert report.learners_added == count
            database.close()
    read, merge = statistics.median(read_s), statistics.median(merge_s)
    return {
        "benchmark": "merge",
        "learners": count,
        "baseline_read_and_check_s": round(read, 3),
        "merge_s": round(merge, 3),
        "merge_ratio": round(merge / read, 2),
        "checks": [
            on_record("merge_vs_reading_the_file", round(merge / read, 2), "x"),
            on_record("merge", round(merge, 3), "s"),
        ],
    }
