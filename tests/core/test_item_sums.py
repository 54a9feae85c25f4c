"""Item analysis from sums (what the database adds up) gives what item analysis over
every attempt gives, None where that gives None."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz_app.core.item_analysis import Attempt, ItemSums, item_from_sums, item_statistics

SCORES = st.sampled_from([0.0, 1.0, 0.5, 0.25, 1 / 3, 2 / 3, 0.1])


@st.composite
def _attempts(draw: st.DrawFn) -> list[Attempt]:
    count = draw(st.integers(0, 12))
    attempts = []
    for _ in range(count):
        ids = draw(st.lists(st.integers(1, 6), min_size=1, max_size=5, unique=True))
        answered = draw(st.lists(st.sampled_from(ids), unique=True))  # the rest: skipped
        attempts.append(Attempt(ids, {q: draw(SCORES) for q in answered}))
    return attempts


def _sums(attempts: list[Attempt], question: int) -> ItemSums:
    """What storage.class_figures adds up for ``question``, added up here."""
    pairs = []
    for attempt in attempts:
        if question in attempt.question_ids:
            total = sum(attempt.scores.get(q, 0.0) for q in attempt.question_ids)
            mark = attempt.scores.get(question, 0.0)
            pairs.append((mark, total - mark))
    return ItemSums(
        attempts=len(pairs),
        mark=sum(m for m, _ in pairs),
        mark_squared=sum(m * m for m, _ in pairs),
        other=sum(o for _, o in pairs),
        other_squared=sum(o * o for _, o in pairs),
        mark_times_other=sum(m * o for m, o in pairs),
    )


@settings(max_examples=150, deadline=None)
@given(_attempts())
def test_sums_give_the_same_figures_as_every_attempt(attempts: list[Attempt]) -> None:
    for question, expected in item_statistics(attempts).items():
        got = item_from_sums(question, _sums(attempts, question))
        assert got.question_id == expected.question_id == question  # the row it is shown on
        assert got.attempts == expected.attempts
        assert got.facility == pytest.approx(expected.facility, abs=1e-9)
        if expected.discrimination is None:
            assert got.discrimination is None
        else:
            assert got.discrimination == pytest.approx(expected.discrimination, abs=1e-6)


def test_one_attempt_and_no_spread_have_no_discrimination() -> None:
    one = ItemSums(1, 1.0, 1.0, 2.0, 4.0, 2.0)
    assert item_from_sums(7, one).discrimination is None
    assert item_from_sums(7, one).facility == 100.0
    # Three attempts, thirds summed with rounding: every mark the same, so no spread.
    third = 1 / 3
    flat = ItemSums(3, third * 3, third * third * 3, 1.0 + 0.5 + 0.0, 1.25, third * 1.5)
    assert item_from_sums(7, flat).discrimination is None


def test_two_attempts_that_split_the_class_discriminate_fully() -> None:
    attempts = [Attempt([1, 2], {1: 1.0, 2: 1.0}), Attempt([1, 2], {})]
    assert item_statistics(attempts)[1].discrimination == pytest.approx(100.0)
    assert item_from_sums(1, _sums(attempts, 1)).discrimination == pytest.approx(100.0)


def test_rest_totals_equal_but_for_rounding_have_no_discrimination() -> None:
    """Found by hypothesis: the rest of both attempts is 0.5, but 0.5 + 1/3 - 1/3 is not
    exactly 0.5, and a 1e-33 variance once gave -70.7 where there is no spread at all."""
    attempts = [Attempt([1, 2], {1: 0.5, 2: 1 / 3}), Attempt([1, 2], {1: 0.5})]
    assert item_statistics(attempts)[2].discrimination is None
    assert item_from_sums(2, _sums(attempts, 2)).discrimination is None
    assert item_statistics(attempts)[2].facility == pytest.approx(100 / 6)


def test_a_question_answered_a_million_times_still_has_its_discrimination() -> None:
    """The rounding allowance scales with the sum of squares over the attempts: with a
    million attempts, a real spread (half right, and those the better students) must
    still count as spread, not as rounding."""
    n = 1_000_000
    half = n / 2
    sums = ItemSums(n, half, half, half, half, half)  # right: rest 1; wrong: rest 0
    stats = item_from_sums(3, sums)
    assert stats.facility == pytest.approx(50.0)
    assert stats.discrimination == pytest.approx(100.0)
