"""One bank, several writers (issue 10, "One writer"), each in its own process.

Two learners start quizzes and submit answers in a loop (a short pause between answers,
as a quick learner would take), while a teacher runs ``quiz-app packs import`` of a
generated pack of a few thousand questions over and over (two versions in turn, so every
import really writes) and ``quiz-app results merge`` of a new results file each time.

Afterwards: every operation that failed, every answer a learner was told was saved that
is not in the bank, and SQLite's integrity check. Submit latencies are compared with the
same learners answering alone, measured in the same run.

``tests/storage/test_concurrency.py`` runs a short mix and requires that nothing failed
and nothing was lost; ``python -m benchmarks concurrency`` runs it for a minute.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.bank import write_generated_pack
from benchmarks.checks import at_most, below, on_record

ROOT = Path(__file__).parents[1]
PACK_ID = "bench"
PIN = "2468"
PIN_VARIABLE = "CHANGE_QUIZ_BENCH_PIN"
VISITOR = "Visitor"
ANSWERS_PER_MERGE = 10
P95_TARGET_MS = 250


@dataclass(frozen=True)
class Bank:
    """A bank file ready for the mix, and the two versions of the pack to import."""

    path: Path
    versions: tuple[Path, Path]
    questions: int

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"


def prepare_bank(root: Path, questions: int) -> Bank:
    """A bank with the built-in packs, the generated pack and a teacher PIN."""
    from quiz_app.services.bank import open_bank
    from quiz_app.services.packs import import_pack
    from quiz_app.services.teacher import set_pin

    first, second = root / "pack-1.0.0", root / "pack-1.0.1"
    write_generated_pack(first, questions)
    write_generated_pack(second, questions)
    # The second version words every question differently, so each import changes them all.
    manifest = second / "pack.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('"1.0.0"', '"1.0.1"'), encoding="utf-8"
    )
    for part in second.glob("part-*.json"):
        text = part.read_text(encoding="utf-8")
        part.write_text(text.replace("which of these", "which one of these"), encoding="utf-8")
    bank = Bank(root / "bank.sqlite3", (first, second), questions)
    database = open_bank(bank.url)
    try:
        import_pack(database, first)
        set_pin(database, PIN)
    finally:
        database.close()
    return bank


@dataclass
class LearnerLog:
    """What one learner process did, as it reports it."""

    name: str
    submits: list[tuple[float, float]] = field(default_factory=list)
    """(start, end) of each submit that succeeded, on the shared monotonic clock."""
    saved: list[tuple[int, int]] = field(default_factory=list)
    """(quiz id, question id) of each answer the learner was told was saved."""
    failures: list[str] = field(default_factory=list)
    operations: int = 0


def _learner(url: str, name: str, stop: str, pause_s: float, out: str) -> None:
    """A learner's process: quizzes of five questions, one after another, until the file
    ``stop`` exists (the teacher's commands have had their turns)."""
    from quiz_app.core.ids import PackId
    from quiz_app.core.quiz import QuizSettings
    from quiz_app.services.bank import open_bank
    from quiz_app.services.learners import create_learner
    from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer

    log = LearnerLog(name)
    database = open_bank(url)
    learner = create_learner(database, name).value
    settings = QuizSettings(count=5, pack_ids=(PackId(PACK_ID),))
    while not Path(stop).exists():
        try:
            log.operations += 1
            quiz = start_quiz(database, learner.id, settings).value
            for question in quiz_questions(database, quiz):
                time.sleep(pause_s)
                log.operations += 1
                start = time.monotonic()
                submit_answer(database, quiz.id, question.id, "a", 1500)
                log.submits.append((start, time.monotonic()))
                log.saved.append((quiz.id, question.id))
            log.operations += 1
            finish_quiz(database, quiz.id)
        except Exception as err:  # every failure counts, a bug as much as a busy bank
            log.failures.append(f"{name}: {type(err).__name__}: {err}")
    database.close()
    Path(out).write_text(json.dumps(log.__dict__), encoding="utf-8")


@dataclass
class CommandLog:
    """The runs of one CLI command in a loop: (start, end) of each that succeeded."""

    runs: list[tuple[float, float]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    merged_answers: int = 0


def _cli(bank: Bank, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **{PIN_VARIABLE: PIN})
    env.pop("QUIZ_APP_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "quiz_app", "--db", bank.url, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _more(log: CommandLog, until: float, min_runs: int) -> bool:
    """Another turn of a command: until ``until``, and on until it has run ``min_runs``
    times (a loaded machine is slow, not wrong), for at most five minutes more."""
    now = time.monotonic()
    if now < until:
        return True
    return len(log.runs) < min_runs and len(log.failures) < min_runs and now < until + 300


def _import_loop(bank: Bank, until: float, log: CommandLog, min_runs: int) -> None:
    turn = 1  # the bank holds the first version already
    while _more(log, until, min_runs):
        pack = bank.versions[turn % 2]
        turn += 1
        start = time.monotonic()
        done = _cli(bank, "packs", "import", str(pack), "--force", "--pin-env", PIN_VARIABLE)
        if done.returncode == 0 and done.stdout.startswith("Imported"):
            log.runs.append((start, time.monotonic()))
        else:
            log.failures.append(f"import {pack.name}: exit {done.returncode}: {done.stderr}")


def results_file(path: Path, questions: int, answers: int) -> None:
    """A results file with one new quiz of ``answers`` answers by the visiting learner."""
    now = datetime.now(UTC).isoformat()
    session = uuid.uuid4().hex
    keys = [f"q{i:07d}" for i in range(0, questions, max(1, questions // answers))][:answers]
    lines: list[dict[str, Any]] = [
        {"format": "change-quiz-results", "version": 1, "exported_at": now, "app": "bench"},
        {"kind": "learner", "name": VISITOR, "colour": "#10b981", "language": "en"},
        {
            "kind": "session",
            "uid": session,
            "learner": VISITOR,
            "mode": "practice",
            "settings": {
                "count": answers,
                "packs": [PACK_ID],
                "topics": [],
                "difficulties": [],
                "types": [],
                "time_limit_s": None,
            },
            "questions": [[PACK_ID, key] for key in keys],
            "flagged": [],
            "started_at": now,
            "finished_at": now,
        },
    ]
    lines += [
        {
            "kind": "answer",
            "uid": uuid.uuid4().hex,
            "session": session,
            "learner": VISITOR,
            "pack": PACK_ID,
            "question": key,
            "given": "a",
            "score": 1.0,
            "time_ms": 2000,
            "answered_at": now,
        }
        for key in keys
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def _merge_loop(bank: Bank, until: float, log: CommandLog, folder: Path, min_runs: int) -> None:
    number = 0
    while _more(log, until, min_runs):
        number += 1
        path = folder / f"results-{number:04d}.jsonl"
        results_file(path, bank.questions, ANSWERS_PER_MERGE)
        start = time.monotonic()
        done = _cli(bank, "results", "merge", str(path), "--pin-env", PIN_VARIABLE)
        if done.returncode == 0 and f"{ANSWERS_PER_MERGE} answers added" in done.stdout:
            log.runs.append((start, time.monotonic()))
            log.merged_answers += ANSWERS_PER_MERGE
        else:
            log.failures.append(f"merge {path.name}: exit {done.returncode}: {done.stderr}")


@dataclass
class MixReport:
    """What a run of the mix did, and what the bank holds afterwards."""

    learners: list[LearnerLog]
    imports: CommandLog
    merges: CommandLog
    lost_answers: int
    merged_answers_missing: int
    integrity: list[str]

    @property
    def failures(self) -> list[str]:
        found = [f for log in self.learners for f in log.failures]
        return found + self.imports.failures + self.merges.failures

    @property
    def operations(self) -> int:
        return (
            sum(log.operations for log in self.learners)
            + len(self.imports.runs)
            + len(self.imports.failures)
            + len(self.merges.runs)
            + len(self.merges.failures)
        )

    @property
    def submits(self) -> list[tuple[float, float]]:
        return [s for log in self.learners for s in log.submits]


def run_mix(
    bank: Bank,
    seconds: float,
    *,
    learners: int = 2,
    imports: bool = True,
    merges: bool = True,
    pause_s: float = 0.05,
    tag: str = "run",
    min_runs: int = 0,
) -> MixReport:
    """Learners (and the teacher's commands) on ``bank`` for ``seconds``, each in its own
    process; then what failed, what was lost, and the bank's integrity. With
    ``min_runs``, each command runs at least that many times, however long it takes,
    and the learners answer on until then: a test counts operations, not seconds."""
    folder = bank.path.parent / tag
    folder.mkdir()
    stop = folder / "stop"
    until = time.monotonic() + seconds
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.concurrency",
                "learner",
                bank.url,
                f"{tag}-learner-{n}",
                str(stop),
                repr(pause_s),
                str(folder / f"learner-{n}"),
            ],
            cwd=ROOT,
        )
        for n in range(learners)
    ]
    import_log, merge_log = CommandLog(), CommandLog()
    threads = []
    if imports:
        loop = threading.Thread(target=_import_loop, args=(bank, until, import_log, min_runs))
        threads.append(loop)
    if merges:
        loop = threading.Thread(target=_merge_loop, args=(bank, until, merge_log, folder, min_runs))
        threads.append(loop)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(max(0.0, until - time.monotonic()))
    stop.touch()
    logs = []
    for n, process in enumerate(processes):
        code = process.wait(timeout=120)
        out = folder / f"learner-{n}"
        if code != 0 or not out.exists():
            logs.append(LearnerLog(f"learner-{n}", failures=[f"exit code {code}"]))
            continue
        data = json.loads(out.read_text(encoding="utf-8"))
        logs.append(
            LearnerLog(
                data["name"],
                [tuple(s) for s in data["submits"]],  # type: ignore[misc]
                [tuple(s) for s in data["saved"]],  # type: ignore[misc]
                data["failures"],
                data["operations"],
            )
        )
    lost, missing_merged, integrity = _check_bank(bank, logs, merge_log)
    return MixReport(logs, import_log, merge_log, lost, missing_merged, integrity)


def _check_bank(
    bank: Bank, learners: Sequence[LearnerLog], merges: CommandLog
) -> tuple[int, int, list[str]]:
    """Answers reported saved but not in the bank; merged answers missing; integrity."""
    connection = sqlite3.connect(bank.path)
    try:
        stored = set(connection.execute("SELECT session_id, question_id FROM answer"))
        lost = sum(1 for log in learners for answer in log.saved if answer not in stored)
        [visitor_answers] = connection.execute(
            "SELECT count(*) FROM answer JOIN learner ON learner.id = answer.learner_id "
            "WHERE learner.name = ?",
            (VISITOR,),
        ).fetchone()
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        integrity += [repr(row) for row in connection.execute("PRAGMA foreign_key_check")]
    finally:
        connection.close()
    problems = [line for line in integrity if line != "ok"]
    return lost, max(0, merges.merged_answers - visitor_answers), problems


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _overlaps(span: tuple[float, float], others: Sequence[tuple[float, float]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def _latencies_ms(spans: Sequence[tuple[float, float]]) -> dict[str, float]:
    took = [(end - start) * 1000 for start, end in spans]
    if not took:
        return {"count": 0}
    return {
        "count": len(took),
        "median_ms": round(statistics.median(took), 1),
        "p95_ms": round(_percentile(took, 0.95), 1),
        "max_ms": round(max(took), 1),
    }


def import_lock_held_ms(bank: Bank, rounds: int = 4) -> float:
    """Median time an import of the pack holds the bank's write lock (in-process)."""
    from quiz_app.packs.native import load_pack
    from quiz_app.services.packs import import_loaded_pack
    from quiz_app.storage import Database, open_database

    held: list[float] = []

    class TimedDatabase(Database):
        def write(self, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return super().write(*args, **kwargs)
            finally:
                held.append((time.perf_counter() - start) * 1000)

    opened = open_database(bank.url)
    database = TimedDatabase(opened.url, opened.engine)
    packs = [load_pack(version) for version in bank.versions]
    for turn in range(rounds):
        import_loaded_pack(database, packs[turn % 2], force=True)
    database.close()
    return round(statistics.median(held), 1)


def bench_concurrency(
    seconds: float = 60.0,
    alone_seconds: float = 20.0,
    questions: int = 3000,
    lock_rounds: int = 4,
    learners: int = 2,
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        bank = prepare_bank(Path(tmp), questions)
        alone = run_mix(
            bank, alone_seconds, learners=learners, imports=False, merges=False, tag="alone"
        )
        loaded = run_mix(bank, seconds, learners=learners, tag="loaded")
        lock_ms = import_lock_held_ms(bank, lock_rounds)
    during_imports = [s for s in loaded.submits if _overlaps(s, loaded.imports.runs)]
    baseline = _latencies_ms(alone.submits)
    under_load = _latencies_ms(during_imports)
    ratio = (
        round(under_load["p95_ms"] / baseline["p95_ms"], 2)
        if "p95_ms" in under_load and "p95_ms" in baseline
        else None
    )
    failed = len(loaded.failures) + len(alone.failures)
    lost = loaded.lost_answers + alone.lost_answers
    p95 = under_load.get("p95_ms")
    return {
        "benchmark": "concurrency",
        "seconds": seconds,
        "questions_per_import": questions,
        "operations": loaded.operations,
        "failed_operations": failed,
        "failures": (alone.failures + loaded.failures)[:10],
        "lost_answers": lost,
        "merged_answers_missing": loaded.merged_answers_missing,
        "integrity": loaded.integrity or "ok",
        "imports": len(loaded.imports.runs),
        "merges": len(loaded.merges.runs),
        "import_holds_write_lock_ms": lock_ms,
        "baseline_submit_alone": baseline,
        "submit_while_imports_run": under_load,
        "submit_p95_ratio_vs_baseline": ratio,
        "target": "no failed operation, no lost answer, submit p95 < 250 ms while imports run",
        "checks": [
            at_most("failed_operations", failed, 0, ""),
            at_most("lost_answers", lost, 0, ""),
            at_most("merged_answers_missing", loaded.merged_answers_missing, 0, ""),
            at_most("integrity_problems", len(loaded.integrity), 0, ""),
            below("submit_p95_while_imports_run", p95, P95_TARGET_MS, "ms")
            if p95 is not None
            else on_record("submit_p95_while_imports_run", None, "ms"),
            on_record("submit_p95_vs_alone", ratio, "x"),
        ],
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["learner"]:
        url, name, stop, pause_s, out = sys.argv[2:]
        _learner(url, name, stop, float(pause_s), out)
    else:
        seconds = float(sys.argv[1]) if sys.argv[1:] else 60.0
        print(json.dumps(bench_concurrency(seconds), indent=2))
