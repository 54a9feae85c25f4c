"""Teacher tools: importing a GIFT file, and saving a pack from the editor.

Baseline for both: importing the same questions as a native JSON pack, in the same run.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.bank import write_generated_pack
from benchmarks.checks import on_record
from quiz_app.packs.gift import gift_text
from quiz_app.packs.native import load_pack
from quiz_app.services.editing import open_pack_for_editing, save_edited_pack
from quiz_app.services.packs import import_pack
from quiz_app.storage import open_database


def _timed(work: Any) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def bench_teacher(count: int = 20_000, rounds: int = 3) -> dict[str, Any]:
    native_s, gift_s, save_s = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_generated_pack(root / "pack", count)
        export = gift_text(load_pack(root / "pack"), "en")
        gift = root / "generated.gift"
        gift.write_text(export.text, encoding="utf-8")
        in_gift = count - len(export.left_out)
        for n in range(rounds):
            now = datetime.now(UTC)
            native_db = open_database(f"sqlite:///{root / f'native{n}.sqlite3'}")
            native_s.append(
                _timed(lambda db=native_db, t=now: import_pack(db, root / "pack", now=t))
            )
            gift_db = open_database(f"sqlite:///{root / f'gift{n}.sqlite3'}")
            gift_s.append(_timed(lambda db=gift_db, t=now: import_pack(db, gift, now=t)))
            # The editor's save: one question changed in the whole pack.
            edited = open_pack_for_editing(native_db, "bench")
            questions = [dict(q) for q in edited.questions]
            questions[0] = {**questions[0], "difficulty": 1 + questions[0]["difficulty"] % 3}
            save_s.append(
                _timed(lambda db=native_db, e=edited, q=questions: save_edited_pack(db, e, q))
            )
            native_db.close()
            gift_db.close()
    native, gift_median, save = (statistics.median(x) for x in (native_s, gift_s, save_s))
    return {
        "benchmark": "teacher",
        "questions": count,
        "questions_gift_can_hold": in_gift,
        "baseline_native_json_import_s": round(native, 3),
        "gift_import_s": round(gift_median, 3),
        "gift_ratio_vs_baseline": round(gift_median / native * count / in_gift, 2),
        "editor_save_one_change_s": round(save, 3),
        "editor_save_ratio_vs_baseline": round(save / native, 2),
        "checks": [
            on_record(
                "gift_import_vs_native_import",
                round(gift_median / native * count / in_gift, 2),
                "x",
            ),
            on_record("editor_save_vs_native_import", round(save / native, 2), "x"),
        ],
    }
