"""Cycles are collected on the GUI thread, by its timer, never automatically elsewhere."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from quiz_app.ui.gc_guard import GuiThreadGarbageCollector


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_no_automatic_collection_while_it_runs_then_python_collects_again(qtbot: QtBot) -> None:
    # the suite's own collector (conftest) is running: automatic collection is off
    assert not gc.isenabled()
    collector = GuiThreadGarbageCollector(interval_ms=10)
    assert not gc.isenabled()
    collector.stop()
    assert not gc.isenabled()  # it was off when this one started: it stays off
    gc.enable()
    try:
        again = GuiThreadGarbageCollector(interval_ms=10)
        assert not gc.isenabled()
        again.stop()
        assert gc.isenabled()  # back to what it found
    finally:
        gc.disable()


def test_a_cycle_made_on_another_thread_is_freed_by_the_gui_threads_timer(
    qtbot: QtBot,
) -> None:
    refs: list[weakref.ref[_Node]] = []

    def make_garbage() -> None:
        for _ in range(2000):  # well past generation 0's threshold
            refs.append(_cycle())

    worker = threading.Thread(target=make_garbage)
    worker.start()
    worker.join()
    assert any(r() is not None for r in refs)  # nothing collected on that thread
    collector = GuiThreadGarbageCollector(interval_ms=10)
    try:
        qtbot.waitUntil(lambda: all(r() is None for r in refs), timeout=5000)
    finally:
        collector.stop()


def test_below_the_threshold_nothing_is_collected(qtbot: QtBot) -> None:
    collector = GuiThreadGarbageCollector(interval_ms=100_000)
    try:
        gc.collect()
        ref = _cycle()
        assert collector.check() == 0
        assert ref() is not None
    finally:
        collector.stop()
