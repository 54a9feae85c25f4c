"""A class answering at once (issue 14): 30 learner processes, 50 answers each, one bank.

    python -m benchmarks classroom [--db URL] [--learners N] [--answers N] [--quick]

``--quick``: 2 learners, 5 answers each (unless given), to see that it runs.

Each learner is its own process, as each computer of a classroom is: it opens the bank,
creates its learner, waits until every other one has done so (Python and the app
started in 30 processes at once take half a minute of CPU here: none of that is timed),
then takes quizzes of ten questions
without pausing, timing every submit. Afterwards every answer a learner was told was
saved is looked up in the bank. Without ``--db`` the bank is a new SQLite file; with a
PostgreSQL URL it is that server's bank (made with ``server init`` if it is empty).

Prints one JSON object: ``errors``, ``lost``, ``answers_per_s``, ``submit_p50_ms``,
``submit_p95_ms`` and ``checks`` (targets: no error, nothing lost, p95 under 150 ms).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from benchmarks.checks import at_most, below, on_record

ROOT = Path(__file__).parents[1]
P95_TARGET_MS = 150.0
QUIZ_SIZE = 10


def _learner(url: str, name: str, answers: int, go: str, out: str) -> None:
    """One computer: its learner answers ``answers`` questions, quiz after quiz, from the
    moment the file ``go`` exists (it says it is ready by ``out``.ready)."""
    from quiz_app.core.grading import right_response
    from quiz_app.core.quiz import QuizSettings
    from quiz_app.services.bank import open_bank
    from quiz_app.services.learners import create_learner
    from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer

    times: list[float] = []
    saved: list[tuple[int, int]] = []
    errors: list[str] = []
    database = open_bank(url)
    learner = create_learner(database, name).value
    Path(out + ".ready").touch()
    while not Path(go).exists():
        time.sleep(0.01)
    began = time.perf_counter()
    while len(saved) + len(errors) < answers:
        try:
            quiz = start_quiz(database, learner.id, QuizSettings(count=QUIZ_SIZE)).value
            for question in quiz_questions(database, quiz)[: answers - len(saved)]:
                response = right_response(question.question.body)
                start = time.perf_counter()
                submit_answer(database, quiz.id, question.id, response, 1500)
                times.append(time.perf_counter() - start)
                saved.append((int(quiz.id), int(question.id)))
            finish_quiz(database, quiz.id)
        except Exception as err:  # every failure counts, a bug as much as a busy bank
            errors.append(f"{name}: {type(err).__name__}: {err}")
    elapsed = time.perf_counter() - began
    database.close()
    record = {"times": times, "saved": saved, "errors": errors, "elapsed": elapsed}
    Path(out).write_text(json.dumps(record), encoding="utf-8")


def _prepare(url: str | None, folder: Path) -> str:
    from quiz_app.services.bank import open_bank
    from quiz_app.storage.engine import is_server

    if url is None:
        url = f"sqlite:///{folder / 'bank.sqlite3'}"
        open_bank(url).close()  # the built-in packs, before the class arrives
        return url
    if is_server(url):
        from quiz_app.services.server import init_server

        init_server(url)  # an empty server gets its bank; a current one is left as it is
    return url


def _lost(url: str, saved: list[tuple[int, int]]) -> int:
    from sqlalchemy import select

    from quiz_app.storage import open_database
    from quiz_app.storage.models import ANSWER

    database = open_database(url)
    try:
        with database.reading() as session:
            rows = session.execute(select(ANSWER.c.session_id, ANSWER.c.question_id))
            stored = {(int(s), int(q)) for s, q in rows if s is not None}
    finally:
        database.close()
    return sum(1 for pair in saved if pair not in stored)


def bench_classroom(db: str | None = None, learners: int = 30, answers: int = 50) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="classroom-") as tmp:
        folder = Path(tmp)
        url = _prepare(db, folder)
        go = folder / "go"
        run = uuid.uuid4().hex[:6]
        outs = [folder / f"learner-{i}.json" for i in range(learners)]
        environment = dict(os.environ)
        environment.pop("QUIZ_APP_DB", None)
        names = [f"Learner {run} {i:02d}" for i in range(learners)]
        processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "import sys; from benchmarks.classroom import _learner; "
                    "_learner(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], "
                    "sys.argv[5])",
                    url,
                    names[i],
                    str(answers),
                    str(go),
                    str(out),
                ],
                cwd=ROOT,
                env=environment,
            )
            for i, out in enumerate(outs)
        ]
        ready = [Path(f"{out}.ready") for out in outs]
        while not all(
            r.exists() or p.poll() is not None for r, p in zip(ready, processes, strict=True)
        ):
            time.sleep(0.05)
        go.touch()  # the common start, once every computer is up (or has failed)
        crashed = [n for n, p in zip(names, processes, strict=True) if p.wait(timeout=1800)]
        records = [json.loads(out.read_text(encoding="utf-8")) for out in outs if out.exists()]
        times = [t for r in records for t in r["times"]]
        saved = [(int(s), int(q)) for r in records for s, q in r["saved"]]
        errors = [e for r in records for e in r["errors"]] + [
            f"{name}: the process ended with an error" for name in crashed
        ]
        lost = _lost(url, saved)
        wall = max((r["elapsed"] for r in records), default=0.0)
    ordered = sorted(times)
    p50 = 1000 * statistics.median(ordered) if ordered else 0.0
    p95 = 1000 * ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0
    from quiz_app.storage.engine import shown_url

    return {
        "benchmark": "classroom",
        "bank": shown_url(url) if db is not None else "a new SQLite file",
        "learners": learners,
        "answers_each": answers,
        "answers": len(saved),
        "errors": len(errors),
        "first_errors": errors[:5],
        "lost": lost,
        "answers_per_s": round(len(saved) / wall, 1) if wall else 0.0,
        "submit_p50_ms": round(p50, 1),
        "submit_p95_ms": round(p95, 1),
        "checks": [
            at_most("errors", len(errors), 0, ""),
            at_most("lost", lost, 0, ""),
            below("submit_p95", round(p95, 1), P95_TARGET_MS, "ms")
            if ordered
            else on_record("submit_p95", None, "ms"),
        ],
    }
