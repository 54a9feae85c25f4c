"""Numbers as people write them, and a message for what cannot be read."""

from __future__ import annotations

import pytest

from quiz_app.core.numbers import read_number
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
