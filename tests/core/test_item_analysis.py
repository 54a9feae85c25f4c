from __future__ import annotations

import pytest

from quiz_app.core.item_analysis import Attempt, item_statistics


def test_facility_is_the_mean_mark_in_percent() -> None:
    stats = item_statistics(
        [
            Attempt([1, 2], {1: 1.0, 2: 0.0}),
            Attempt([1, 2], {1: 0.5, 2: 1.0}),
            Attempt([1, 2], {1: 0.0}),  # question 2 left unanswered: 0
        ]
    )
    assert stats[1].facility == pytest.approx(50.0)
    assert stats[2].facility == pytest.approx(100 / 3)
    assert (stats[1].attempts, stats[2].attempts) == (3, 3)


def test_discrimination_is_the_correlation_with_the_rest_of_the_attempt() -> None:
    # Question 9 is answered right exactly by the learners who do well on the rest:
    # a perfectly discriminating question.
    attempts = [
        Attempt([9, 1, 2], {9: 1.0, 1: 1.0, 2: 1.0}),
        Attempt([9, 1, 2], {9: 1.0, 1: 1.0, 2: 0.0}),
        Attempt([9, 1, 2], {9: 0.0, 1: 0.0, 2: 0.0}),
        Attempt([9, 1, 2], {9: 0.0, 1: 0.0, 2: 1.0}),
    ]
    # Hand computation: marks 1,1,0,0 (mean .5); rest 2,1,0,1 (mean 1);
    # cov = (.5*1 + .5*0 + -.5*-1 + -.5*0)/3 = 1/3; var_mark = 1/3; var_rest = 2/3.
    expected = 100 * (1 / 3) / ((1 / 3) * (2 / 3)) ** 0.5
    assert item_statistics(attempts)[9].discrimination == pytest.approx(expected)


def test_a_question_the_strong_get_wrong_discriminates_negatively() -> None:
    attempts = [
        Attempt([5, 1, 2], {5: 0.0, 1: 1.0, 2: 1.0}),
        Attempt([5, 1, 2], {5: 0.0, 1: 1.0, 2: 0.5}),
        Attempt([5, 1, 2], {5: 1.0, 1: 0.0, 2: 0.0}),
    ]
    discrimination = item_statistics(attempts)[5].discrimination
    assert discrimination is not None
    assert discrimination < -90


def test_no_spread_no_discrimination() -> None:
    stats = item_statistics([Attempt([1, 2], {1: 1.0, 2: 1.0}), Attempt([1, 2], {1: 1.0, 2: 0.0})])
    assert stats[1].discrimination is None  # everyone got question 1 right
    assert item_statistics([Attempt([1], {1: 1.0})])[1].discrimination is None  # one attempt
