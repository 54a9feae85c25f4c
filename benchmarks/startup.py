"""Start-up time and memory of the GUI, against a bare PySide6 window in the same run.

Each measurement is a fresh process (offscreen). The clock runs from just before the
process is spawned until the child reports, from inside its event loop, that its first
window is shown; the child then quits and reports its peak RSS.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.checks import PEAK_RSS, at_most, below, on_record

_BARE = (
    PEAK_RSS
    + """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(900, 640); window.show()
def done():
    print("shown", peak_rss_kib(), flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""
)

_BARE_WITH_TEXT = (
    PEAK_RSS
    + """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTreeWidget, QVBoxLayout, QWidget
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(900, 640)
page = QWidget(); layout = QVBoxLayout(page)
layout.addWidget(QLabel("Learner:"), 0, Qt.AlignmentFlag.AlignLeft)
tree = QTreeWidget(); tree.setColumnCount(3); tree.setHeaderLabels(["Pack", "Questions", "Mastery"])
layout.addWidget(tree); window.setCentralWidget(page); window.menuBar().addMenu("File")
window.show()
def done():
    print("shown", peak_rss_kib(), flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""
)
"""On record: a bare window that draws text (a label, a tree with headers, a menu), as
Home does; the bare baseline draws none, so never loads fonts or lays out text."""

_APP = (
    PEAK_RSS
    + """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from quiz_app.ui.main_window import MainWindow
def shown():
    [window] = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    print("shown", peak_rss_kib(), flush=True)
    def ready(count):
        assert count > 0 and window.navigation.packs.topLevelItemCount() > 0
        print("ready", peak_rss_kib(), flush=True)
        app.quit()
    window.home.bank_counted.connect(ready)  # Home has listed the bank's packs
QTimer.singleShot(0, shown)
from quiz_app.ui.app import run_gui
sys.exit(run_gui(sys.argv[1]))
"""
)


def _run(code: str, *args: str, pycache: str) -> dict[str, tuple[float, float]]:
    """For each line the child prints: seconds since spawning it, and its peak RSS (MB)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=pycache)
    # As installed (pip compiles the wheel, the bundle carries bytecode), the app starts
    # from cached bytecode: a session that sets PYTHONDONTWRITEBYTECODE would otherwise
    # compile every module of the app again on each start (about 0.2 s here).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    marks = {}
    assert child.stdout is not None
    for line in child.stdout:
        name, rss = line.split()
        marks[name] = (time.perf_counter() - start, int(rss) / 1024)  # peak_rss_kib: KiB
    assert child.wait(timeout=300) == 0
    return marks


SHOWN_TARGET, READY_TARGET, RSS_TARGET_MB = 1.5, 3.0, 200


def bench_startup(runs: int = 5) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        bank = str(Path(tmp) / "bank.sqlite3")
        cache = str(Path(tmp) / "pycache")  # bytecode for both, kept out of the checkout
        _run(_BARE, pycache=cache)  # bytecode cached for both, as installed
        _run(_APP, str(Path(tmp) / "warm-up.sqlite3"), pycache=cache)
        first = _run(_APP, bank, pycache=cache)  # first start: a new bank, the packs imported
        bare, ours, text = [], [], []
        for _ in range(runs):  # in turns, so a change in the machine's load hits all
            bare.append(_run(_BARE, pycache=cache)["shown"])
            ours.append(_run(_APP, bank, pycache=cache))
            text.append(_run(_BARE_WITH_TEXT, pycache=cache)["shown"][0])
    bare_s = statistics.median(t for t, _ in bare)
    shown_s = statistics.median(m["shown"][0] for m in ours)
    ready_s = statistics.median(m["ready"][0] for m in ours)
    text_s = statistics.median(text)
    return {
        "benchmark": "startup",
        "runs": runs,
        "baseline_bare_pyside6_window_s": round(bare_s, 3),
        "app_window_shown_s": round(shown_s, 3),
        "ratio_vs_baseline": round(shown_s / bare_s, 2),
        "target_ratio": SHOWN_TARGET,
        "app_bank_ready_packs_listed_s": round(ready_s, 3),
        "bank_ready_ratio_vs_baseline": round(ready_s / bare_s, 2),
        "first_start_bank_ready_s": round(first["ready"][0], 3),
        "bare_window_with_text_s": round(text_s, 3),
        "bare_window_with_text_ratio": round(text_s / bare_s, 2),
        "peak_rss_bare_mb": round(max(m for _, m in bare), 1),
        "peak_rss_app_bank_loaded_mb": round(max(m["ready"][1] for m in ours), 1),
        "peak_rss_first_start_mb": round(first["ready"][1], 1),
        "target_rss_mb": RSS_TARGET_MB,
        "checks": [
            at_most("window_shown_vs_bare_window", round(shown_s / bare_s, 2), SHOWN_TARGET, "x"),
            at_most("bank_ready_vs_bare_window", round(ready_s / bare_s, 2), READY_TARGET, "x"),
            below(
                "peak_rss_bank_loaded",
                round(max(m["ready"][1] for m in ours), 1),
                RSS_TARGET_MB,
                "MB",
            ),
            on_record("first_start_bank_ready", round(first["ready"][0], 3), "s"),
            on_record("bare_window_with_text_vs_bare_window", round(text_s / bare_s, 2), "x"),
        ],
    }
