"""The editor's save: a 20,000-question pack with one question changed.

Baseline, in the same run: a fresh import of the whole pack (native JSON files) into a
new bank. The target is a save whose cost follows the change: at most a tenth of the
import. Median of ``rounds``, each on its own bank.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.bank import write_generated_pack
from benchmarks.checks import at_most, on_record
from quiz_app.services.editing import open_pack_for_editing, save_edited_pack
from quiz_app.services.packs import import_pack
from quiz_app.storage import open_database

FULL, QUICK = 20_000, 300
TARGET_RATIO = 0.1


def bench_editor(count: int = FULL, rounds: int = 3) -> dict[str, Any]:
    import_s, save_s = [], []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_generated_pack(root / "pack", count)
        for n in range(rounds):
            database = open_database(f"sqlite:///{root / f'bank{n}.sqlite3'}")
            start = time.perf_counter()
            import_pack(database, root / "pack", now=datetime.now(UTC))
            import_s.append(time.perf_counter() - start)
            edited = open_pack_for_editing(database, "bench")
            questions = [dict(q) for q in edited.questions]
            changed = n % len(questions)
            questions[changed] = {
                **questions[changed],
                "difficulty": 1 + questions[changed]["difficulty"] % 3,
            }
            start = time.perf_counter()
            plan = save_edited_pack(database, edited, questions)
            save_s.append(time.perf_counter() - start)
            assert len(plan.changed) == 1, "one question changed, one saved as changed"
            database.close()
    fresh, save = statistics.median(import_s), statistics.median(save_s)
    ratio = round(save / fresh, 3)
    return {
        "benchmark": "editor",
        "questions": count,
        "rounds": rounds,
        "baseline_fresh_import_s": round(fresh, 3),
        "save_one_change_s": round(save, 3),
        "save_ratio_vs_baseline": ratio,
        "checks": [
            at_most("save_one_change_vs_fresh_import", ratio, TARGET_RATIO, "x"),
            on_record("save_one_change", round(save, 3), "s"),
        ],
    }
