"""The order a quiz shows choices, items and partners in (core.shuffle)."""

from __future__ import annotations

import itertools
import random

import pytest

from quiz_app.core.questions import (
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Pair,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.shuffle import displayed_order, presentation_order, written_order
from quiz_app.core.text import LocalizedText


def _choices(n: int) -> tuple[Choice, ...]:
    return tuple(Choice(f"c{i}", LocalizedText.of(f"choice {i}")) for i in range(n))


def _pairs(n: int) -> tuple[Pair, ...]:
    return tuple(
        Pair(f"p{i}", LocalizedText.of(f"left {i}"), LocalizedText.of(f"right {i}"))
        for i in range(n)
    )


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_choices_are_a_permutation_that_reaches_every_position(n: int) -> None:
    body = SingleChoice(_choices(n), "c0")
    seen_first: set[str] = set()
    for seed in range(200):
        order = presentation_order(body, random.Random(seed))
        assert sorted(order) == sorted(written_order(body))
        seen_first.add(order[0])
    assert seen_first == set(written_order(body))  # any choice can be shown first


def test_a_pinned_question_keeps_its_written_choices() -> None:
    single = SingleChoice(_choices(4), "c3")
    multiple = MultipleResponse(_choices(4), frozenset({"c0", "c3"}))
    for seed in range(50):
        assert presentation_order(single, random.Random(seed), pinned=True) == (
            "c0",
            "c1",
            "c2",
            "c3",
        )
        assert presentation_order(multiple, random.Random(seed), pinned=True) == (
            "c0",
            "c1",
            "c2",
            "c3",
        )


@pytest.mark.parametrize("pinned", [False, True])
@pytest.mark.parametrize("n", [2, 3, 4, 6])
def test_ordering_and_matching_never_start_solved(n: int, pinned: bool) -> None:
    ordering = Ordering(_choices(n))
    matching = Matching(_pairs(n))
    orders: set[tuple[str, ...]] = set()
    for seed in range(300):
        order = presentation_order(ordering, random.Random(seed), pinned=pinned)
        assert order != written_order(ordering)
        assert sorted(order) == sorted(written_order(ordering))
        orders.add(order)
        partners = presentation_order(matching, random.Random(seed), pinned=pinned)
        assert partners != written_order(matching)
        assert sorted(partners) == sorted(written_order(matching))
    if n <= 4:  # every unsolved start can happen
        assert len(orders) == len(list(itertools.permutations(range(n)))) - 1


def test_one_item_or_pair_has_one_order() -> None:
    assert presentation_order(Ordering(_choices(1)), random.Random(0)) == ("c0",)
    assert presentation_order(Matching(_pairs(1)), random.Random(0)) == ("p0",)
    assert presentation_order(SingleChoice(_choices(1), "c0"), random.Random(0)) == ("c0",)


def test_types_without_choices_have_no_order() -> None:
    assert presentation_order(TrueFalse(True), random.Random(0)) == ()
    assert presentation_order(Numeric(3.0), random.Random(0)) == ()


def test_the_same_seed_gives_the_same_order() -> None:
    body = SingleChoice(_choices(6), "c0")
    assert presentation_order(body, random.Random("7:12")) == presentation_order(
        body, random.Random("7:12")
    )


def test_displayed_order_repairs_a_stale_order() -> None:
    body = SingleChoice(_choices(3), "c0")
    assert displayed_order(body, ()) == ("c0", "c1", "c2")
    assert displayed_order(body, ("c2", "gone", "c0", "c2")) == ("c2", "c0", "c1")
    ordering = Ordering(_choices(3))
    assert displayed_order(ordering, ()) == ("c1", "c2", "c0")
    # a stored order that became the answer after an edit is not shown solved either
    assert displayed_order(ordering, ("c0", "c1")) == ("c1", "c2", "c0")
    assert displayed_order(Ordering(_choices(1)), ()) == ("c0",)


def test_two_items_to_order_never_start_in_their_answer() -> None:
    """Two steps shown in their written order would show the answer: they are swapped."""
    assert displayed_order(Ordering(_choices(2)), ()) == ("c1", "c0")
    assert displayed_order(Ordering(_choices(2)), ("c0", "c1")) == ("c1", "c0")
