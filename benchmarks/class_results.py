"""The teacher's figures for a class: 100 learners, 1,000,000 answers in quizzes of 20.

Set-up (not timed) writes the class through the app's own tables (``big_bank``): 2,000
questions; each learner's answers come in quizzes of 20, 1 in 20 given up, 1 in 50 left
unfinished, about 1 question in 25 of a finished quiz left unanswered. Timed, median of
``runs``: the Class results screen's figures (``class_results``: by learner, by pack and
the item analysis by question), the item analysis exported as CSV, and the class report's
page, all from the sums the bank keeps as quizzes finish (``storage.tallies``). Baseline,
in the same run: counting the answers of finished quizzes, the least that summing them on
each look has to read. On record beside it: summing them on each look, as the app did
before the sums were kept (``class_figures.*_from_answers``, once), and whether the kept
sums are those (they must be).
"""

from __future__ import annotations

import math
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import astuple
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from benchmarks.big_bank import BankSize, build_class_bank
from benchmarks.checks import at_most, below, on_record
from quiz_app.services.results import class_results, results_csv
from quiz_app.storage import Database, open_database
from quiz_app.storage.class_figures import (
    learner_sums,
    learner_sums_from_answers,
    question_sums,
    question_sums_from_answers,
)

FULL = BankSize(learners=100, answers_each=10_000, questions=2_000, topics=20)
QUICK = BankSize(learners=5, answers_each=200, questions=100, topics=10)
TARGET_MS = 100

_COUNT = (
    "SELECT COUNT(*) FROM answer a JOIN quiz_session s ON s.id = a.session_id "
    "WHERE s.finished_at IS NOT NULL"
)


def _report(database: Database) -> str:
    from quiz_app.ui.report import class_report_html  # Qt's translate only: no window

    return class_report_html(class_results(database), datetime.now(UTC))


def _median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm: imports done, the bank's pages in the cache, as on a second look
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return round(1000 * statistics.median(samples), 1)


def bench_class_results(size: BankSize = FULL, runs: int = 5) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(f"sqlite:///{Path(tmp) / 'class.sqlite3'}")
        start = time.perf_counter()
        quizzes = build_class_bank(database, size)
        built_s = time.perf_counter() - start

        def count() -> int:
            with database.reading() as session:
                return int(session.execute(text(_COUNT)).scalar_one())

        answers = count()
        figures = class_results(database)

        def from_answers() -> tuple[Any, Any]:
            with database.reading() as session:
                return learner_sums_from_answers(session), question_sums_from_answers(session)

        start = time.perf_counter()
        counted = from_answers()
        counted_ms = round(1000 * (time.perf_counter() - start), 1)
        with database.reading() as session:
            differing = _differing((learner_sums(session), question_sums(session)), counted)
        timings = {
            "baseline_count_answers": _median_ms(count, runs),
            "class_results": _median_ms(lambda: class_results(database), runs),
            "item_analysis_csv": _median_ms(
                lambda: results_csv(class_results(database), "question"), runs
            ),
            "class_report": _median_ms(lambda: _report(database), runs),
        }
        database.close()
    baseline = timings["baseline_count_answers"]
    checks = [at_most("kept_sums_unlike_summed", differing, 0, "rows")]
    for name in ("class_results", "item_analysis_csv", "class_report"):
        checks.append(below(name, timings[name], TARGET_MS, "ms"))
        ratio = round(timings[name] / baseline, 1) if baseline else None
        checks.append(on_record(f"{name}_vs_counting_answers", ratio, "x"))
    checks.append(on_record("summing_the_answers_instead", counted_ms, "ms"))
    return {
        "benchmark": "class-results",
        "learners": size.learners,
        "answers": size.learners * size.answers_each,
        "answers_in_finished_quizzes": answers,
        "quizzes": quizzes,
        "questions_with_figures": len(figures.questions),
        "runs": runs,
        "setup_s": round(built_s, 1),
        **{f"{name}_median_ms": ms for name, ms in timings.items()},
        "summing_the_answers_instead_ms": counted_ms,
        "kept_rows_unlike_summed": differing,
        "checks": checks,
    }


def _differing(kept: tuple[Any, Any], counted: tuple[Any, Any]) -> int:
    """How many rows of the kept sums are not those summed from the answers (up to a
    float's last bits); a row missing on either side counts too."""

    def rows(pair: tuple[Any, Any]) -> dict[tuple[str, Any], tuple[Any, ...]]:
        learners, questions = pair
        found = {("learner", r.name): astuple(r) for r in learners}
        return found | {("question", r.question_id): astuple(r) for r in questions}

    a, b = rows(kept), rows(counted)

    def close(x: tuple[Any, ...], y: tuple[Any, ...]) -> bool:
        return all(
            math.isclose(p, q, rel_tol=1e-9, abs_tol=1e-6) if isinstance(q, float) else p == q
            for p, q in zip(x, y, strict=True)
        )

    return len(a.keys() ^ b.keys()) + sum(not close(a[k], b[k]) for k in a.keys() & b.keys())
