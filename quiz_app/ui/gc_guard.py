"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when a
threshold is crossed: on the bank's writer thread it may free a cycle holding Qt objects
(a closure connected to a signal, a screen and its callbacks) and destroy them off the
GUI thread, which crashes Qt (seen here as a segfault "Garbage-collecting" in a save).
So automatic collection is turned off and a timer on the GUI thread collects, generation
by generation, with the thresholds Python would have used.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        first, second, third = gc.get_count()
        freed = 0
        if first > self._thresholds[0]:
            generation = 0
            if second > self._thresholds[1]:
                generation = 2 if third > self._thresholds[2] else 1
            freed = gc.collect(generation)
        return freed

    def stop(self) -> None:
        """Back to Python's own collection (after one full collection here)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
