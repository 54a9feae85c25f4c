"""Numbers as people write them, and a message for what cannot be read."""

from __future__ import annotations

import pytest

from quiz_app.core.numbers import format_number, quantity, read_number, unit_for
from quiz_app.core.text import LocalizedText

HOURS = LocalizedText.of({"en": "hours", "zh": "小时"})
KM = LocalizedText.of({"en": "km", "zh": "千米"})


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1731", 1731.0),
        ("1,731", 1731.0),
        ("1 731", 1731.0),
        ("1 500 000", 1_500_000.0),
        ("1,500,000", 1_500_000.0),
        ("１７３１", 1731.0),
        ("2,5", 2.5),
        ("0.5", 0.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("-3", -3.0),
        ("\u22123", -3.0),  # a typographic minus
        ("1.5e6", 1_500_000.0),
        ("1.5E-3", 0.0015),
        ("1.5 million", 1_500_000.0),
        ("2 thousand", 2000.0),
        ("3 billion", 3e9),
        ("150万", 1_500_000.0),
        ("1.5亿", 150_000_000.0),
        ("  42  ", 42.0),
    ],
)
def test_numbers_as_people_write_them(typed: str, value: float) -> None:
    reading = read_number(typed)
    assert reading.problem is None
    assert reading.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("49 hours", 49.0),
        ("49 hour", 49.0),
        ("49 h", 49.0),
        ("49 H", 49.0),
        ("49小时", 49.0),
        ("49", 49.0),
        ("1.5 million hours", 1_500_000.0),
    ],
)
def test_the_questions_unit_may_follow_the_number(typed: str, value: float) -> None:
    assert read_number(typed, HOURS).value == pytest.approx(value)


@pytest.mark.parametrize("typed", ["49 kg", "49 minutes", "49 小时s"])
def test_another_unit_is_named_as_the_problem(typed: str) -> None:
    reading = read_number(typed, HOURS)
    assert reading.value is None
    assert reading.problem is not None
    assert reading.problem.get("en").startswith("The answer is in hours:")
    assert reading.problem.get("zh").startswith("答案的单位是小时")


def test_a_unit_where_the_question_has_none_is_refused() -> None:
    reading = read_number("49 km")
    assert reading.value is None
    assert reading.problem is not None
    assert reading.problem.get("en") == "Only a number, please: “km” cannot follow it."


def test_a_short_unit_is_matched_whole_or_by_its_start() -> None:
    assert read_number("384400 km", KM).value == 384400.0
    assert read_number("384400 千米", KM).value == 384400.0
    assert read_number("384400 kilometres", KM).value is None


@pytest.mark.parametrize("typed", ["abc", "nan", "inf", "-", "e5", "one"])
def test_what_is_not_a_number_says_so_in_both_languages(typed: str) -> None:
    reading = read_number(typed)
    assert reading.value is None
    assert reading.problem is not None
    assert reading.problem.get("en").startswith(f"“{typed}” is not a number.")
    assert reading.problem.get("zh").startswith(f"“{typed}”不是数字。")


@pytest.mark.parametrize("typed", ["", "   "])
def test_nothing_typed_asks_for_a_number(typed: str) -> None:
    reading = read_number(typed)
    assert reading.value is None
    assert reading.problem is not None
    assert reading.problem.get("en") == "Type a number."


def test_a_number_too_large_for_a_float_is_refused() -> None:
    reading = read_number("1e400")
    assert reading.value is None
    assert reading.problem is not None
    assert "too large" in reading.problem.get("en")


@pytest.mark.parametrize(
    ("value", "en", "zh"),
    [
        (0, "0", "0"),
        (1, "1", "1"),
        (1731, "1,731", "1731"),
        (999_999, "999,999", "999999"),  # not round: digits
        (1_000_000, "1 million", "100万"),
        (1_500_000, "1.5 million", "150万"),
        (1_234_567, "1,234,567", "1234567"),
        (150_000_000, "150 million", "1.5亿"),
        (3e9, "3 billion", "30亿"),
        (10_000, "10,000", "1万"),
        (0.25, "0.25", "0.25"),
        (2.5, "2.5", "2.5"),
        (-1_500_000, "-1.5 million", "-150万"),
        (384_400, "384,400", "38.44万"),
    ],
)
def test_numbers_are_shown_as_people_write_them(value: float, en: str, zh: str) -> None:
    assert format_number(value, "en") == en
    assert format_number(value, "zh") == zh
    assert "e+" not in format_number(value * 1.000001, "en")


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1, "launches", "launch"),
        (2, "launches", "launches"),
        (1, "hours", "hour"),
        (0, "hours", "hours"),
        (1, "boxes", "box"),
        (1, "km", "km"),
        (1, "kg", "kg"),
        (1, "days", "day"),
        (1, "light years", "light years"),
        (-1, "metres", "metre"),
        (1, "class", "class"),
    ],
)
def test_a_unit_is_singular_after_one(value: float, unit: str, shown: str) -> None:
    assert unit_for(value, unit) == shown
    assert unit_for(value, "小时") == "小时"


def test_a_quantity_joins_number_and_unit_as_each_language_does() -> None:
    assert quantity(1, HOURS, "en") == "1 hour"
    assert quantity(49, HOURS, "en") == "49 hours"
    assert quantity(49, HOURS, "zh") == "49小时"
    assert quantity(384_400, KM, "zh") == "38.44万千米"
    assert quantity(1_500_000, None, "en") == "1.5 million"
