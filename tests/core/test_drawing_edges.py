"""Drawing at its smallest (issue 19): a topic of one question is drawn like any other."""

from __future__ import annotations

import random
from collections import Counter
from itertools import islice

from quiz_app.core.drawing import SlotRange, probe_slots
from quiz_app.core.ids import TopicId


def test_a_topic_of_exactly_one_question_is_drawn() -> None:
    probes = list(islice(probe_slots([SlotRange(TopicId(3), 1)], random.Random(0)), 20))
    assert probes == [(3, 0)] * 20


def test_topics_of_one_question_each_are_drawn_evenly() -> None:
    ranges = [SlotRange(TopicId(t), 1) for t in (1, 2, 3)]
    counts = Counter(islice(probe_slots(ranges, random.Random(5)), 30_000))
    assert set(counts) == {(1, 0), (2, 0), (3, 0)}
    assert all(9_400 < n < 10_600 for n in counts.values())


def test_a_one_question_topic_beside_a_large_one_gets_its_share() -> None:
    ranges = [SlotRange(TopicId(1), 1), SlotRange(TopicId(2), 9)]
    counts = Counter(t for t, _ in islice(probe_slots(ranges, random.Random(8)), 20_000))
    assert 1_800 < counts[TopicId(1)] < 2_200  # 1 in 10
    assert {s for t, s in islice(probe_slots(ranges, random.Random(8)), 2_000) if t == 2} == set(
        range(9)
    )


def test_an_empty_topic_between_others_is_skipped_and_shifts_nothing() -> None:
    ranges = [SlotRange(TopicId(1), 2), SlotRange(TopicId(2), 0), SlotRange(TopicId(3), 2)]
    probes = set(islice(probe_slots(ranges, random.Random(2)), 2_000))
    assert probes == {(1, 0), (1, 1), (3, 0), (3, 1)}


def test_no_topics_no_probes() -> None:
    assert list(probe_slots([], random.Random(1))) == []
