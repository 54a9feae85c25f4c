"""Import and draw benchmarks for the question bank."""

from __future__ import annotations

import gc
import json
import random
import sqlite3
import statistics
import tempfile
import time
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from benchmarks.checks import at_most, below, in_child, on_record
from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import PackId, TopicId
from quiz_app.core.serialize import canonical_json, text_hash
from quiz_app.packs.native import load_pack_encoded
from quiz_app.services.packs import import_encoded_pack, import_pack, list_packs
from quiz_app.services.quiz import draw_quiz
from quiz_app.storage import open_database
from quiz_app.storage.draws import draw_question_ids

TOPICS = 20
FILES = 10
IMPORT_TARGET_RATIO = 3.0
IMPORT_TARGET_RSS_MB = 300
DRAW_TARGET_P95_MS = 5.0


def _question(i: int) -> dict[str, Any]:
    """A realistic single-choice question, bilingual, about the size of the real ones."""
    return {
        "id": f"q{i:07d}",
        "type": "single",
        "topic": f"topic-{i % TOPICS:02d}",
        "difficulty": 1 + i % 3,
        "prompt": {
            "en": f"Generated question {i}: which of these missions landed on the far side?",
            "zh": f"生成的第{i}题：下列哪个任务在月球背面着陆？",
        },
        "choices": [
            {"id": c, "text": {"en": f"Mission {c.upper()}{i % 97}", "zh": f"任务{c}{i % 97}"}}
            for c in "abcd"
        ],
        "answer": "abcd"[i % 4],
        "explanation": {
            "en": "Only one of them did; the others landed on the near side of the Moon.",
            "zh": "只有一个任务在月球背面着陆，其他任务都在正面着陆。",
        },
        "source": "generated for the benchmark",
    }


def _manifest() -> dict[str, Any]:
    return {
        "format": 1,
        "id": "bench",
        "version": "1.0.0",
        "title": {"en": "Benchmark", "zh": "基准测试"},
        "languages": ["en", "zh"],
        "topics": [
            {"id": f"topic-{t:02d}", "title": {"en": f"Topic {t}", "zh": f"主题{t}"}}
            for t in range(TOPICS)
        ],
    }


def write_generated_pack(folder: Path, count: int) -> list[dict[str, Any]]:
    """A pack of ``count`` questions in ``FILES`` JSON question files."""
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text(tomli_w.dumps(_manifest()), encoding="utf-8")
    questions = [_question(i) for i in range(count)]
    per_file = count // FILES
    for f in range(FILES):
        chunk = questions[f * per_file : (f + 1) * per_file]
        (folder / f"part-{f:02d}.json").write_text(
            json.dumps({"questions": chunk}, ensure_ascii=False), encoding="utf-8"
        )
    return questions


_RAW_TABLE = """
CREATE TABLE question (
    id INTEGER PRIMARY KEY, pack_id VARCHAR(64) NOT NULL, key VARCHAR(64) NOT NULL,
    topic_id INTEGER NOT NULL, type VARCHAR(16) NOT NULL, difficulty INTEGER NOT NULL,
    content TEXT NOT NULL, source VARCHAR, image VARCHAR, languages VARCHAR(32) NOT NULL,
    content_hash VARCHAR(64) NOT NULL, position INTEGER NOT NULL, slot INTEGER NOT NULL,
    retired BOOLEAN NOT NULL, UNIQUE (pack_id, key))
"""
_RAW_INSERT = (
    "INSERT INTO question (pack_id, key, topic_id, type, difficulty, content, source, image, "
    "languages, content_hash, position, slot, retired) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _raw_rows(questions: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The question rows as the bank stores them, prepared before the clock starts."""
    rows = []
    for i, q in enumerate(questions):
        text = canonical_json(q)
        row = (q["id"], i % TOPICS + 1, q["type"], q["difficulty"], text, q["source"])
        rows.append(("bench", *row, None, "en,zh", text_hash(text), i, i // TOPICS, 0))
    return rows


def _raw_insert(path: Path, rows: list[tuple[Any, ...]]) -> float:
    """The baseline: plain sqlite3, same table and index, one executemany, one commit."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute(_RAW_TABLE)
    connection.execute("CREATE INDEX ix_question_topic_slot ON question (topic_id, slot)")
    start = time.perf_counter()
    connection.execute("BEGIN")
    connection.executemany(_RAW_INSERT, rows)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def _raw_load_and_insert(folder: Path, path: Path) -> float:
    """A second floor: json.loads of the same files, then the same executemany."""
    start = time.perf_counter()
    questions = []
    for part in sorted(folder.glob("part-*.json")):
        questions.extend(json.loads(part.read_text(encoding="utf-8"))["questions"])
    rows = _raw_rows(questions)
    elapsed = time.perf_counter() - start
    return elapsed + _raw_insert(path, rows)


def bench_import(count: int = 100_000) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        in_child("benchmarks.bank", "write_pack_folder", str(root / "pack"), count)
        # A child's own peak (VmHWM, see checks.PEAK_RSS): ru_maxrss would have counted
        # this process's pack, rows and import too (it once read 976 MB for 273 MB).
        alone = in_child(
            "benchmarks.bank",
            "import_folder",
            f"sqlite:///{root / 'rss.sqlite3'}",
            str(root / "pack"),
        )
        questions = [_question(i) for i in range(count)]
        raw_seconds = _raw_insert(root / "raw.sqlite3", _raw_rows(questions))
        raw_parse_seconds = _raw_load_and_insert(root / "pack", root / "raw2.sqlite3")

        database = open_database(f"sqlite:///{root / 'bank.sqlite3'}")
        start = time.perf_counter()
        plan = import_pack(database, root / "pack", now=datetime.now(UTC))
        end = time.perf_counter()
        assert len(plan.added) == count
        [summary] = list_packs(database)
        assert summary.question_count == count
        database.close()

        # The same again in two halves, to say where the time goes.
        other = open_database(f"sqlite:///{root / 'phases.sqlite3'}")
        gc.disable()
        phase_start = time.perf_counter()
        pack = load_pack_encoded(root / "pack")
        loaded = time.perf_counter()
        import_encoded_pack(other, pack, now=datetime.now(UTC))
        phase_end = time.perf_counter()
        gc.enable()
        other.close()

        toml_text = tomli_w.dumps({"questions": questions[: count // FILES]})
        start_toml = time.perf_counter()
        tomllib.loads(toml_text)
        toml_seconds = (time.perf_counter() - start_toml) * FILES

    total = end - start
    ratio = round(total / raw_seconds, 2)
    return {
        "benchmark": "import",
        "questions": count,
        "baseline_raw_executemany_s": round(raw_seconds, 3),
        "import_end_to_end_s": round(total, 3),
        "ratio_vs_baseline": ratio,
        "target_ratio": IMPORT_TARGET_RATIO,
        "baseline2_json_loads_plus_executemany_s": round(raw_parse_seconds, 3),
        "ratio_vs_baseline2": round(total / raw_parse_seconds, 2),
        "phase_read_parse_validate_s": round(loaded - phase_start, 3),
        "phase_write_bank_s": round(phase_end - loaded, 3),
        "phase_write_bank_ratio_vs_baseline": round((phase_end - loaded) / raw_seconds, 2),
        "same_questions_as_toml_parse_only_s": round(toml_seconds, 3),
        "import_alone_peak_rss_mb": round(alone["peak_rss_mb"], 1),
        "import_alone_cpu_s": round(alone["cpu_s"], 3),
        "checks": [
            at_most("import_vs_raw_executemany", ratio, IMPORT_TARGET_RATIO, "x"),
            at_most("import_peak_rss", round(alone["peak_rss_mb"], 1), IMPORT_TARGET_RSS_MB, "MB"),
            on_record(
                "import_vs_json_loads_and_executemany", round(total / raw_parse_seconds, 2), "x"
            ),
            on_record(
                "write_phase_vs_raw_executemany", round((phase_end - loaded) / raw_seconds, 2), "x"
            ),
        ],
    }


def write_pack_folder(folder: str, count: int) -> int:
    """In a process of its own (``checks.in_child``): write the generated pack."""
    return len(write_generated_pack(Path(folder), count))


def import_folder(url: str, folder: str) -> int:
    """In a process of its own (``checks.in_child``): import a pack folder into a new bank."""
    database = open_database(url)
    try:
        return len(import_pack(database, Path(folder), now=datetime.now(UTC)).added)
    finally:
        database.close()


def _build_big_bank(path: Path, count: int) -> None:
    """A bank of ``count`` questions written straight into the schema (set-up, not timed)."""
    database = open_database(f"sqlite:///{path}")
    database.close()
    connection = sqlite3.connect(path, isolation_level=None)
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    connection.execute("BEGIN")
    connection.execute(
        "INSERT INTO pack (id, version, title, languages, content_hash, imported_at) "
        "VALUES ('big', '1.0.0', '{\"en\": \"Big\"}', '[\"en\"]', 'x', ?)",
        (now,),
    )
    per_topic = count // TOPICS
    for t in range(TOPICS):
        connection.execute(
            "INSERT INTO topic (id, pack_id, key, title, position, slot_count) "
            "VALUES (?, 'big', ?, '{\"en\": \"T\"}', ?, ?)",
            (t + 1, f"t{t}", t, per_topic),
        )

    def content(i: int) -> str:
        return canonical_json(
            {
                "id": f"q{i}",
                "type": "single",
                "topic": f"t{i % TOPICS}",
                "difficulty": 1 + i % 3,
                "prompt": {"en": f"Generated question {i} about the Moon?"},
                "choices": [{"id": "a", "text": {"en": "A"}}, {"id": "b", "text": {"en": "B"}}],
                "answer": "a",
            }
        )

    connection.executemany(
        "INSERT INTO question (pack_id, key, topic_id, type, difficulty, content, "
        "languages, content_hash, position, slot, retired) "
        "VALUES ('big', ?, ?, 'single', ?, ?, 'en', 'h', ?, ?, 0)",
        (
            (f"q{i}", i % TOPICS + 1, 1 + i % 3, content(i), i, i // TOPICS)
            for i in range(per_topic * TOPICS)
        ),
    )
    connection.execute("COMMIT")
    connection.execute("ANALYZE")
    connection.close()


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bench_draw(count: int = 1_000_000, draws: int = 200) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite3"
        _build_big_bank(path, count)
        database = open_database(f"sqlite:///{path}")
        rng = random.Random(7)
        ours: list[float] = []
        with database.reading() as session:
            for i in range(draws):
                topics = tuple(TopicId(t) for t in rng.sample(range(1, TOPICS + 1), 2))
                draw = DrawFilter(pack_ids=(PackId("big"),), topic_ids=topics)
                start = time.perf_counter()
                ids = draw_question_ids(session, draw, 20, seed=i)
                ours.append(time.perf_counter() - start)
                assert len(set(ids)) == 20
        # The whole service call too (a session, the ids, loading the 20 questions).
        whole: list[float] = []
        for i in range(50):
            draw = DrawFilter(topic_ids=(TopicId(1 + i % TOPICS),))
            start = time.perf_counter()
            assert len(draw_quiz(database, draw, 20, seed=i)) == 20
            whole.append(time.perf_counter() - start)
        database.close()

        naive: list[float] = []
        connection = sqlite3.connect(path)
        for _ in range(10):
            a, b = rng.sample(range(1, TOPICS + 1), 2)
            start = time.perf_counter()
            connection.execute(
                "SELECT id FROM question WHERE topic_id IN (?, ?) AND retired = 0 "
                "ORDER BY RANDOM() LIMIT 20",
                (a, b),
            ).fetchall()
            naive.append(time.perf_counter() - start)
        connection.close()

    median, p95 = statistics.median(ours), _percentile(ours, 0.95)
    naive_median = statistics.median(naive)
    return {
        "benchmark": "draw",
        "bank_questions": count,
        "draws": draws,
        "questions_per_draw": 20,
        "filter": "2 of 20 topics",
        "draw_median_ms": round(median * 1000, 3),
        "draw_p95_ms": round(p95 * 1000, 3),
        "target_p95_ms": DRAW_TARGET_P95_MS,
        "baseline_order_by_random_median_ms": round(naive_median * 1000, 3),
        "ratio_vs_baseline_median": round(median / naive_median, 4),
        "draw_and_load_20_questions_median_ms": round(statistics.median(whole) * 1000, 3),
        "checks": [
            below("draw_p95", round(p95 * 1000, 3), DRAW_TARGET_P95_MS, "ms"),
            on_record("draw_median_vs_order_by_random", round(median / naive_median, 4), "x"),
        ],
    }
