"""How long, and how often, a write waits for a busy bank before giving up."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RetryPolicy:
    """Run a busy write again ``attempts`` times at most, within ``patience_s`` in all.

    On SQLite each attempt has already waited up to the busy timeout for the lock, so a
    few attempts are plenty. The pauses between attempts grow from ``first_pause_s`` by
    doubling up to ``longest_pause_s``, each drawn at random between half and all of
    that, so that writers that collided do not collide again in step.
    """

    attempts: int = 4
    patience_s: float = 15.0
    first_pause_s: float = 0.05
    longest_pause_s: float = 1.0
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    jitter: Callable[[float, float], float] = field(default=random.uniform, repr=False)

    def pause(self, attempt: int) -> float:
        """How long to wait after failed attempt number ``attempt`` (1 for the first)."""
        ceiling = min(self.longest_pause_s, self.first_pause_s * 2 ** (attempt - 1))
        return self.jitter(ceiling / 2, ceiling)


WRITE_RETRY = RetryPolicy()
"""The policy of every Database not given another."""
