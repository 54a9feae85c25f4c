"""The maths of drawing a quiz from a large bank without scanning it.

Every question has a dense *slot* number inside its topic (0, 1, 2 ... in import order).
A topic's slots are a numbered line; the topics picked for a quiz put their lines end to
end, so a uniform random index on the joined line is a uniform random question. Storage
looks each probe up through an index on (topic, slot) and rejects probes that land on a
retired question or miss a difficulty/type filter; rejection keeps the draw uniform.

A pack may put questions that give each other away into a *group*; ``KeptApart`` turns
down a question whose group is already in the quiz. Each question is in at most one group,
so taking any free question never costs a later one its place: offering every matching
question once, in random order, fills the quiz whenever the bank can.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Generic, TypeVar

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


T = TypeVar("T")


@dataclass
class KeptApart(Generic[T]):
    """The questions picked so far for one quiz, at most one of each group."""

    count: int
    picked: list[T] = field(default_factory=list)
    groups: set[Hashable] = field(default_factory=set)

    @property
    def full(self) -> bool:
        return len(self.picked) >= self.count

    def offer(self, question: T, group: Hashable | None) -> bool:
        """Take ``question`` unless the quiz is full or already holds one of its group."""
        if self.full or (group is not None and group in self.groups):
            return False
        if group is not None:
            self.groups.add(group)
        self.picked.append(question)
        return True


def pick_apart(candidates: Iterable[tuple[T, Hashable | None]], count: int) -> list[T]:
    """The first ``count`` of ``candidates`` (question, group) that share no group."""
    picks: KeptApart[T] = KeptApart(count)
    for question, group in candidates:
        if picks.full:
            break
        picks.offer(question, group)
    return picks.picked
