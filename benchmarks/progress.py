"""Home and review figures for one learner in a bank of 100 learners and 1,000,000 answers.

Set-up (not timed) writes the rows straight into the schema: 2,000 questions over 20
topics, 100 learners with 10,000 answers each, and each learner's schedules. The timed
parts go through the real services. The baseline, measured in the same run, is the
cheapest useful query on the same data: counting one learner's answers through the
(learner, answered_at) index.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import LearnerId
from quiz_app.services.review import (
    due_now,
    learner_progress,
    review_question_ids,
    topic_mastery,
)
from quiz_app.storage import open_database

LEARNERS, ANSWERS_EACH, QUESTIONS, TOPICS = 100, 10_000, 2_000, 20
NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


def _naive(when: datetime) -> str:
    return when.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _build(path: Path) -> None:
    open_database(f"sqlite:///{path}").close()
    rng = random.Random(5)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    db.execute(
        "INSERT INTO pack (id, version, title, languages, content_hash, imported_at) "
        "VALUES ('p', '1.0.0', '{\"en\": \"P\"}', '[\"en\"]', 'x', ?)",
        (_naive(NOW),),
    )
    db.executemany(
        "INSERT INTO topic (id, pack_id, key, title, position, slot_count) "
        "VALUES (?, 'p', ?, '{\"en\": \"T\"}', ?, ?)",
        [(t + 1, f"t{t}", t, QUESTIONS // TOPICS) for t in range(TOPICS)],
    )
    content = json.dumps(
        {
            "id": "q",
            "type": "true_false",
            "topic": "t0",
            "difficulty": 1,
            "prompt": {"en": "Q?"},
            "answer": True,
        }
    )
    db.executemany(
        "INSERT INTO question (id, pack_id, key, topic_id, type, difficulty, content, languages,"
        " content_hash, position, slot, retired) VALUES (?, 'p', ?, ?, 'true_false', ?, ?, 'en',"
        " 'h', ?, ?, 0)",
        [
            (q + 1, f"q{q}", q % TOPICS + 1, 1 + q % 3, content, q, q // TOPICS)
            for q in range(QUESTIONS)
        ],
    )
    db.executemany(
        "INSERT INTO learner (id, name, colour, language, created_at, uid) "
        "VALUES (?, ?, '#000', 'en', ?, ?)",
        [(i + 1, f"l{i}", _naive(NOW), f"{i:032x}") for i in range(LEARNERS)],
    )
    for learner in range(1, LEARNERS + 1):
        start = NOW - timedelta(days=365)
        answers = []
        for n in range(ANSWERS_EACH):
            when = start + timedelta(minutes=n * 50)
            answers.append(
                (
                    learner,
                    rng.randrange(1, QUESTIONS + 1),
                    "true",
                    float(rng.random() < 0.7),
                    4000,
                    _naive(when),
                )
            )
        db.executemany(
            "INSERT INTO answer (learner_id, question_id, given, score, time_ms, "
            "answered_at) VALUES (?, ?, ?, ?, ?, ?)",
            answers,
        )
        seen = sorted({q for _, q, *_ in answers})
        db.executemany(
            "INSERT INTO schedule (learner_id, question_id, state, step, stability, difficulty,"
            " due, last_review, reviews) VALUES (?, ?, 2, NULL, ?, 5.0, ?, ?, 5)",
            [
                (
                    learner,
                    q,
                    rng.uniform(0.5, 120),
                    _naive(NOW + timedelta(hours=rng.uniform(-500, 500))),
                    _naive(NOW - timedelta(days=rng.uniform(0, 60))),
                )
                for q in seen
            ],
        )
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.close()


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def bench_progress(runs: int = 50) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite3"
        _build(path)
        database = open_database(f"sqlite:///{path}")
        learner = LearnerId(42)
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
        "learners": LEARNERS,
        "answers": LEARNERS * ANSWERS_EACH,
        "questions": QUESTIONS,
        "runs": runs,
        "baseline_count_one_learners_answers_ms": _median_ms(timings["baseline"]),
    }
    for name in ("home_mastery", "home_due", "progress_screen", "review_draw"):
        result[f"{name}_median_ms"] = _median_ms(timings[name])
        result[f"{name}_ratio_vs_baseline"] = round(statistics.median(timings[name]) / baseline, 1)
    result["targets"] = "home and progress figures < 50 ms median, review draw < 10 ms"
    return result
