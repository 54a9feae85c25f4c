from __future__ import annotations

import random
from collections import Counter
from itertools import islice

from quiz_app.core.drawing import SlotRange, probe_slots
from quiz_app.core.ids import TopicId


def test_probes_cover_every_slot_of_every_topic_evenly() -> None:
    ranges = [SlotRange(TopicId(1), 3), SlotRange(TopicId(2), 0), SlotRange(TopicId(7), 5)]
    counts = Counter(islice(probe_slots(ranges, random.Random(4)), 80_000))
    assert set(counts) == {(1, s) for s in range(3)} | {(7, s) for s in range(5)}
    # 8 slots, 10,000 expected each; a fair die stays well within 5 %.
    assert all(9_500 < n < 10_500 for n in counts.values())


def test_no_slots_no_probes() -> None:
    assert list(probe_slots([SlotRange(TopicId(1), 0)], random.Random(1))) == []


def test_same_seed_same_probes() -> None:
    ranges = [SlotRange(TopicId(1), 100)]
    first = list(islice(probe_slots(ranges, random.Random(9)), 10))
    assert first == list(islice(probe_slots(ranges, random.Random(9)), 10))
