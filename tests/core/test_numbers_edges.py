"""Numbers at their edges (issue 19): the spacing, case and unit that change a reading."""

from __future__ import annotations

import math

import pytest

from quiz_app.core.numbers import format_number, quantity, read_number
from quiz_app.core.text import LocalizedText

HOURS = LocalizedText.of({"en": "hours", "zh": "小时"})
METRES = LocalizedText.of({"en": "m", "zh": "米"})
PEOPLE = LocalizedText.of({"en": "people", "zh": "人"})


@pytest.mark.parametrize(
    ("typed", "unit", "value"),
    [
        ("1,500 m", METRES, 1500.0),  # a thousands comma before a unit
        ("2,5 m", METRES, 2.5),  # a decimal comma before a unit
        ("1,234.5", None, 1234.5),  # a comma and a point: thousands and decimals
        ("1.5 Million", None, 1_500_000.0),  # a scale word in capitals
        ("2 THOUSAND", None, 2000.0),
        ("150万人", PEOPLE, 1_500_000.0),  # a scale then the unit, no space
        ("49 h.", HOURS, 49.0),  # an abbreviation with its point
        ("49 hour", HOURS, 49.0),
        ("49 Hours", HOURS, 49.0),
    ],
)
def test_numbers_read_as_written(typed: str, unit: LocalizedText | None, value: float) -> None:
    assert read_number(typed, unit).value == value


def test_a_scale_word_does_not_swallow_what_follows_it() -> None:
    reading = read_number("150万人")
    assert reading.value is None
    assert reading.problem is not None
    assert reading.problem.get("en") == "Only a number, please: “人” cannot follow it."
    assert reading.problem.get("zh") == "请只输入数字：后面不能跟“人”。"


def test_a_scale_word_in_capitals_then_a_wrong_unit() -> None:
    reading = read_number("1.5 Million km", HOURS)
    assert reading.problem is not None
    assert reading.problem.get("en") == "The answer is in hours: “km” is not that unit."
    assert reading.problem.get("zh") == "答案的单位是小时：“km”不是这个单位。"


def test_dots_alone_are_no_unit() -> None:
    assert read_number("49 ...", HOURS).value is None


def test_nothing_typed_asks_in_both_languages() -> None:
    problem = read_number("").problem
    assert problem is not None
    assert (problem.get("en"), problem.get("zh")) == ("Type a number.", "请输入一个数字。")


def test_too_large_says_so_in_both_languages() -> None:
    problem = read_number("1e400").problem
    assert problem is not None
    assert problem.get("en") == "“1e400” is too large to be a number here."
    assert problem.get("zh") == "“1e400”太大了，不能作为这里的数字。"


@pytest.mark.parametrize(
    ("value", "en", "zh"),
    [
        (1234.5, "1,234.5", "1234.5"),  # grouped in English only
        (1_234_567.5, "1,234,567.5", "1234567.5"),  # more digits than 6 significant
        (-0.125, "-0.125", "-0.125"),
    ],
)
def test_fractions_are_shown_as_people_write_them(value: float, en: str, zh: str) -> None:
    assert format_number(value, "en") == en
    assert format_number(value, "zh") == zh


def test_a_number_is_shown_in_english_unless_asked_otherwise() -> None:
    assert format_number(1731) == "1,731"
    assert quantity(1, HOURS) == "1 hour"


@pytest.mark.parametrize(("value", "shown"), [(math.inf, "inf"), (-math.inf, "-inf")])
def test_an_infinite_number_is_shown_not_hidden(value: float, shown: str) -> None:
    assert format_number(value) == shown


def test_a_symbol_unit_keeps_its_space_in_english_and_loses_it_in_chinese() -> None:
    celsius = LocalizedText.of({"en": "°C", "zh": "°C"})
    assert quantity(21, celsius, "en") == "21 °C"
    assert quantity(21, celsius, "zh") == "21°C"
    assert quantity(21, LocalizedText.of({"en": "K", "zh": "K"}), "zh") == "21 K"


def test_a_rate_or_a_short_abbreviation_is_not_made_singular() -> None:
    """A tolerance of 1 km/s was shown as "± 1 km/": the s of a rate is not a plural,
    nor is that of a three-letter abbreviation (1 bps is not 1 bp)."""
    assert quantity(1, LocalizedText.of({"en": "km/s", "zh": "千米/秒"}), "en") == "1 km/s"
    assert quantity(1, LocalizedText.of({"en": "m/s"}), "en") == "1 m/s"
    assert quantity(1, LocalizedText.of({"en": "bps"}), "en") == "1 bps"
    assert quantity(-1, LocalizedText.of({"en": "fps"}), "en") == "-1 fps"
    assert quantity(1, LocalizedText.of({"en": "secs"}), "en") == "1 sec"


def test_an_english_unit_on_a_chinese_screen_follows_english() -> None:
    """A unit with no Chinese is shown in English on a Chinese screen, and was left plural
    after 1 ("1 days"); a Chinese unit is never changed."""
    days = LocalizedText.of({"en": "days"})
    assert quantity(1, days, "zh") == "1 day"
    assert quantity(2, days, "zh") == "2 days"
    assert quantity(1, HOURS, "zh") == "1小时"


def test_a_refused_unit_is_quoted_as_typed_after_a_decimal_comma() -> None:
    """The decimal comma of "2,5" is read as a point; a comma typed after the unit is
    not, and the message quotes it as the learner typed it."""
    reading = read_number("2,5 km, about", HOURS)
    assert reading.value is None
    assert reading.problem is not None
    assert reading.problem.get("en") == "The answer is in hours: “km, about” is not that unit."
    assert reading.problem.get("zh") == "答案的单位是小时：“km, about”不是这个单位。"


def test_a_number_keeps_six_significant_digits_and_no_stray_point() -> None:
    """A right answer shown in feedback: a small fraction keeps its six significant
    digits (not six decimals, "0.000123"), and a whole number past 10^15 that no scale
    word says ends without a point."""
    assert format_number(0.000123456789) == "0.000123457"
    assert format_number(1234.5678) == "1,234.57"
    assert format_number(1e15 + 1) == "1,000,000,000,000,001"
    assert format_number(1e15 + 1, "zh") == "1000000000000001"
