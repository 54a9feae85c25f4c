"""Numbers that are not round, as a learner sees them in feedback (issue 19: the
survivors of core/numbers' full mutation run)."""

from __future__ import annotations

import pytest

from quiz_app.core.numbers import format_number


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (3.14159265, "3.14159"),  # six significant digits, not six decimals
        (1234.5678, "1,234.57"),
        (0.000123456789, "0.000123457"),
        (1e15 + 1, "1,000,000,000,000,001"),  # too long for six digits: every digit, no point
    ],
)
def test_a_number_that_is_not_round_is_shown_to_six_significant_digits(
    value: float, shown: str
) -> None:
    assert format_number(value, "en") == shown
