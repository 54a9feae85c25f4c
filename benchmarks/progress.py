"""Home and review figures for one learner in a bank of 100 learners and 1,000,000 answers.

Set-up (not timed) writes the rows through the app's own tables (``big_bank``): 2,000
questions over 20 topics, 100 learners with 10,000 answers each, and each learner's
schedules. The timed parts go through the real services. The baseline, measured in the
same run, is the cheapest useful query on the same data: counting one learner's answers
through the (learner, answered_at) index.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.big_bank import NOW, BankSize, build_review_bank
from benchmarks.checks import below, on_record
from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import LearnerId
from quiz_app.services.review import (
    due_now,
    learner_progress,
    review_question_ids,
    topic_mastery,
)
from quiz_app.storage import open_database

FULL = BankSize(learners=100, answers_each=10_000, questions=2_000, topics=20)
QUICK = BankSize(learners=3, answers_each=400, questions=200, topics=20)
TARGETS_MS = {"home_mastery": 50, "home_due": 50, "progress_screen": 50, "review_draw": 10}


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def bench_progress(size: BankSize = FULL, runs: int = 50) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite3"
        database = open_database(f"sqlite:///{path}")
        build_review_bank(database, size)
        learner = LearnerId(min(42, size.learners))
        timings: dict[str, list[float]] = {
            "baseline": [],
            "home_mastery": [],
            "home_due": [],
            "progress_screen": [],
            "review_draw": [],
        }
        for i in range(runs):
            with database.reading() as session:
                start = time.perf_counter()
                session.connection().exec_driver_sql(
                    "SELECT count(*) FROM answer WHERE learner_id = ?", (int(learner),)
                ).scalar()
                timings["baseline"].append(time.perf_counter() - start)
            start = time.perf_counter()
            topic_mastery(database, learner, NOW)
            timings["home_mastery"].append(time.perf_counter() - start)
            start = time.perf_counter()
            due_now(database, learner, NOW)
            timings["home_due"].append(time.perf_counter() - start)
            start = time.perf_counter()
            learner_progress(database, learner, NOW)
            timings["progress_screen"].append(time.perf_counter() - start)
            with database.reading() as session:
                start = time.perf_counter()
                review_question_ids(session, learner, DrawFilter(), 20, NOW, seed=i)
                timings["review_draw"].append(time.perf_counter() - start)
        database.close()
    baseline = statistics.median(timings["baseline"])
    result: dict[str, Any] = {
        "benchmark": "progress",
        "learners": size.learners,
        "answers": size.learners * size.answers_each,
        "questions": size.questions,
        "runs": runs,
        "baseline_count_one_learners_answers_ms": _median_ms(timings["baseline"]),
    }
    checks = []
    for name, target in TARGETS_MS.items():
        result[f"{name}_median_ms"] = _median_ms(timings[name])
        ratio = round(statistics.median(timings[name]) / baseline, 1)
        result[f"{name}_ratio_vs_baseline"] = ratio
        checks.append(below(name, result[f"{name}_median_ms"], target, "ms"))
        checks.append(on_record(f"{name}_vs_counting_answers", ratio, "x"))
    result["targets"] = "home and progress figures < 50 ms median, review draw < 10 ms"
    result["checks"] = checks
    return result
