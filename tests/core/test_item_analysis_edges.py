"""Item analysis at its smallest (issue 19): two attempts, one question, an empty attempt."""

from __future__ import annotations

import pytest

from quiz_app.core.item_analysis import Attempt, item_statistics


def test_two_attempts_are_enough_for_a_discrimination() -> None:
    # The learner who got question 1 right also did better on the rest: as discriminating
    # as a question can be.
    stats = item_statistics(
        [Attempt([1, 2, 3], {1: 1.0, 2: 1.0, 3: 0.5}), Attempt([1, 2, 3], {1: 0.0, 2: 0.0})]
    )
    assert stats[1].attempts == 2
    assert stats[1].facility == pytest.approx(50.0)
    assert stats[1].discrimination == pytest.approx(100.0)


def test_two_attempts_where_the_weaker_learner_got_it_right() -> None:
    stats = item_statistics([Attempt([1, 2], {1: 0.0, 2: 1.0}), Attempt([1, 2], {1: 1.0, 2: 0.0})])
    assert stats[1].discrimination == pytest.approx(-100.0)
    assert stats[2].discrimination == pytest.approx(-100.0)


def test_a_question_alone_in_its_attempts_has_nothing_to_correlate_with() -> None:
    stats = item_statistics([Attempt([4], {4: 1.0}), Attempt([4], {4: 0.0})])
    assert stats[4].facility == pytest.approx(50.0)
    assert stats[4].discrimination is None


def test_a_question_everyone_missed_has_facility_0_and_no_discrimination() -> None:
    stats = item_statistics(
        [Attempt([1, 2], {1: 0.0, 2: 1.0}), Attempt([1, 2], {2: 0.0}), Attempt([1, 2], {})]
    )
    assert stats[1].facility == 0.0
    assert stats[1].discrimination is None
    assert stats[2].facility == pytest.approx(100 / 3)


def test_only_the_attempts_that_held_a_question_count_for_it() -> None:
    stats = item_statistics(
        [
            Attempt([1, 2], {1: 1.0, 2: 1.0}),
            Attempt([1], {1: 0.0}),
            Attempt([2, 3], {2: 0.5, 3: 1.0}),
        ]
    )
    assert {q: s.attempts for q, s in stats.items()} == {1: 2, 2: 2, 3: 1}
    assert stats[2].facility == pytest.approx(75.0)
    assert stats[3].facility == pytest.approx(100.0)
    assert stats[3].discrimination is None  # one attempt


def test_partial_marks_give_a_correlation_between_the_extremes() -> None:
    # Marks on question 1: 1, .5, 0; on the rest: 2, 0, 1. Hand computation:
    # means .5 and 1; cov = (.5*1 + 0 + -.5*0)/2 = .25; var = .25 and 1; r = .5.
    stats = item_statistics(
        [
            Attempt([1, 2, 3], {1: 1.0, 2: 1.0, 3: 1.0}),
            Attempt([1, 2, 3], {1: 0.5}),
            Attempt([1, 2, 3], {1: 0.0, 2: 1.0}),
        ]
    )
    assert stats[1].discrimination == pytest.approx(50.0)
    assert stats[1].question_id == 1


def test_no_attempts_no_statistics() -> None:
    assert item_statistics([]) == {}
    assert item_statistics([Attempt([], {})]) == {}
