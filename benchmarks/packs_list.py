"""Listing the packs, and Home, on a bank of 1,000,000 questions.

Set-up (not timed) writes ten packs of 100,000 questions (20 topics each; three types,
three difficulties, two language sets; 1 in 100 retired) through the app's own tables,
then counts them as an import does (``storage.tallies``), and gives one learner a few
hundred schedules. Timed, median of ``runs`` after one warm-up: ``packs list``'s figures
(``list_packs``: every pack with its counts by topic, type, difficulty and language), the
whole ``quiz-app packs list --json`` command in this process (opening the bank, listing,
printing), and Home's figures for that learner (the pack tree with the learner's mastery
per topic, the number due, the quiz left unfinished). Baseline, in the same run:
counting the questions by pack, topic, type, difficulty, languages and retirement, one
pass over the question table, which is what every look did before the counts were kept.
"""

from __future__ import annotations

import contextlib
import io
import json
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from benchmarks.big_bank import NOW
from benchmarks.checks import below, on_record
from quiz_app.core.ids import LearnerId
from quiz_app.services.packs import list_packs
from quiz_app.services.quiz import unfinished_quiz
from quiz_app.services.review import due_now, topic_mastery
from quiz_app.storage import Database, open_database
from quiz_app.storage.models import LEARNER, PACK, QUESTION, SCHEDULE, TOPIC
from quiz_app.storage.tallies import recount_questions

FULL = 1_000_000
QUICK = 20_000
PACKS = 10
TOPICS = 20
TARGET_MS = 50
_CHUNK = 20_000
_TYPES = ("single_choice", "true_false", "short_text")
_Q = QUESTION.c
_COUNTED = (_Q.pack_id, _Q.topic_id, _Q.type, _Q.difficulty, _Q.languages, _Q.retired)


def _questions(total: int) -> Iterator[list[dict[str, Any]]]:
    content = json.dumps({"id": "q", "type": "true_false", "prompt": {"en": "Q?"}, "answer": True})
    per_pack = total // PACKS
    chunk: list[dict[str, Any]] = []
    for n in range(per_pack * PACKS):
        pack, i = divmod(n, per_pack)
        chunk.append(
            {
                "id": n + 1,
                "pack_id": f"pack{pack}",
                "key": f"q{i}",
                "topic_id": pack * TOPICS + i % TOPICS + 1,
                "type": _TYPES[i % 3],
                "difficulty": 1 + i % 5 % 3,
                "content": content,
                "languages": "en,zh" if i % 4 else "en",
                "content_hash": "h",
                "position": i,
                "slot": i // TOPICS,
                "retired": i % 100 == 99,
            }
        )
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build_question_bank(database: Database, total: int) -> LearnerId:
    """``total`` questions in ten packs, counted as an import counts them, and a learner
    with schedules for some of them; returns the learner."""
    with database.transaction() as session:
        session.execute(
            insert(PACK),
            [
                {
                    "id": f"pack{p}",
                    "version": "1.0.0",
                    "title": {"en": f"Pack {p}", "zh": f"题包 {p}"},
                    "languages": ["en", "zh"],
                    "content_hash": "x",
                    "imported_at": NOW,
                }
                for p in range(PACKS)
            ],
        )
        session.execute(
            insert(TOPIC),
            [
                {
                    "id": p * TOPICS + t + 1,
                    "pack_id": f"pack{p}",
                    "key": f"t{t}",
                    "title": {"en": f"Topic {t}"},
                    "position": t,
                    "slot_count": total // PACKS // TOPICS + 1,
                }
                for p in range(PACKS)
                for t in range(TOPICS)
            ],
        )
        for chunk in _questions(total):
            session.execute(insert(QUESTION), chunk)
        recount_questions(session)  # as the import does
        learner = session.execute(
            insert(LEARNER)
            .values(name="Ada", colour="#000", language="en", created_at=NOW)
            .returning(LEARNER.c.id)
        ).scalar_one()
        session.execute(
            insert(SCHEDULE),
            [
                {
                    "learner_id": learner,
                    "question_id": 1 + q * 997 % total,
                    "state": 2,
                    "stability": 10.0,
                    "difficulty": 5.0,
                    "due": NOW + timedelta(hours=q - 200),
                    "last_review": NOW - timedelta(days=3),
                    "reviews": 3,
                }
                for q in range(500)
            ],
        )
    return LearnerId(learner)


def _median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm: imports done, the bank's pages in the cache, as on a second look
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return round(1000 * statistics.median(samples), 2)


def bench_packs_list(total: int = FULL, runs: int = 20) -> dict[str, Any]:
    from quiz_app.cli.main import build_parser, run_command

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite3"
        database = open_database(f"sqlite:///{path}")
        start = time.perf_counter()
        learner = build_question_bank(database, total)
        built_s = time.perf_counter() - start

        def recount() -> int:
            with database.reading() as session:
                return len(
                    session.execute(select(*_COUNTED, func.count()).group_by(*_COUNTED)).all()
                )

        def home() -> None:
            list_packs(database)
            topic_mastery(database, learner, NOW)
            due_now(database, learner, NOW)
            unfinished_quiz(database, learner)

        def command() -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                options = build_parser().parse_args(["--db", str(path), "packs", "list", "--json"])
                assert run_command(options) == 0

        packs = list_packs(database)
        timings = {
            "baseline_counting_questions": _median_ms(recount, max(3, runs // 4)),
            "packs_list": _median_ms(lambda: list_packs(database), runs),
            "home": _median_ms(home, runs),
            "packs_list_command": _median_ms(command, max(3, runs // 4)),
        }
        database.close()
    baseline = timings["baseline_counting_questions"]
    checks = [
        below("packs_list", timings["packs_list"], TARGET_MS, "ms"),
        below("home", timings["home"], TARGET_MS, "ms"),
        on_record("packs_list_command", timings["packs_list_command"], "ms"),
    ]
    for name in ("packs_list", "home"):
        ratio = round(timings[name] / baseline, 3) if baseline else None
        checks.append(on_record(f"{name}_vs_counting_questions", ratio, "x"))
    return {
        "benchmark": "packs-list",
        "questions": total,
        "packs": len(packs),
        "active_questions": sum(p.question_count for p in packs),
        "retired_questions": sum(p.retired_count for p in packs),
        "runs": runs,
        "setup_s": round(built_s, 1),
        **{f"{name}_median_ms": ms for name, ms in timings.items()},
        "checks": checks,
    }
