"""The maths of drawing a quiz from a large bank without scanning it.

Every question has a dense *slot* number inside its topic (0, 1, 2 ... in import order).
A topic's slots are a numbered line; the topics picked for a quiz put their lines end to
end, so a uniform random index on the joined line is a uniform random question. Storage
looks each probe up through an index on (topic, slot) and rejects probes that land on a
retired question or miss a difficulty/type filter; rejection keeps the draw uniform.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from quiz_app.core.ids import TopicId


@dataclass(frozen=True)
class SlotRange:
    """Slots ``0 .. count-1`` of one topic."""

    topic: TopicId
    count: int


def probe_slots(ranges: Sequence[SlotRange], rng: random.Random) -> Iterator[tuple[TopicId, int]]:
    """An endless stream of uniformly random (topic, slot) probes over ``ranges``."""
    live = [r for r in ranges if r.count > 0]
    if not live:
        return
    ends = list(accumulate(r.count for r in live))
    total = ends[-1]
    while True:
        index = rng.randrange(total)
        which = bisect.bisect_right(ends, index)
        start = ends[which - 1] if which else 0
        yield live[which].topic, index - start
