"""Edges of grading a learner would notice (issue 19): the one shape of a question, the
one character, the one number where a changed line would mark a right answer wrong."""

from __future__ import annotations

import math

import pytest

from quiz_app.core.grading import ResponseMismatchError, grade, right_response
from quiz_app.core.questions import (
    Body,
    Card,
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Pair,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.review import Rating
from quiz_app.core.text import LocalizedList, LocalizedText


def _choices(*ids: str) -> tuple[Choice, ...]:
    return tuple(Choice(i, LocalizedText.of(f"Choice {i.upper()}")) for i in ids)


def test_a_multiple_response_whose_every_choice_is_right_scores_a_perfect_answer_1() -> None:
    body = MultipleResponse(_choices("a", "b", "c"), frozenset({"a", "b", "c"}))
    assert grade(body, frozenset({"a", "b", "c"})) == 1.0
    # With no wrong choice there is nothing to lose: a partial answer keeps its share.
    assert grade(body, frozenset({"a"})) == pytest.approx(1 / 3)
    assert grade(body, frozenset()) == 0.0


def test_a_single_wrong_tick_among_right_ones_costs_its_share() -> None:
    body = MultipleResponse(_choices("a", "b", "c"), frozenset({"a", "b"}))
    assert grade(body, frozenset({"a", "b", "c"})) == 0.0  # every box ticked: nothing
    assert grade(body, frozenset({"a", "c"})) == 0.0  # half right, all wrong ones ticked


@pytest.mark.parametrize(
    "typed",
    [
        "Chang\u00ade",  # a soft hyphen, as pasted from a hyphenated web page
        "Chang\u200be",  # a zero-width space
        "\ufeffChang'e",  # a byte-order mark at the start of a pasted line
        "Chang\u2060e",  # a word joiner
        "Chang\u00a0e",  # a no-break space
        "Chang\u200de",  # a zero-width joiner
    ],
)
def test_invisible_characters_in_a_short_answer_do_not_make_it_wrong(typed: str) -> None:
    body = ShortText(LocalizedList.of({"en": ["Chang'e"]}))
    assert grade(body, typed) == 1.0


def test_an_accepted_answer_written_with_a_soft_hyphen_still_matches_plain_typing() -> None:
    body = ShortText(LocalizedList.of({"en": ["Mare Imbri\u00adum"]}))
    assert grade(body, "mare imbrium") == 1.0


def test_invisible_characters_alone_are_no_answer() -> None:
    body = ShortText(LocalizedList.of({"en": ["Chang'e"]}))
    assert grade(body, "\u200b\u00ad\ufeff") == 0.0


@pytest.mark.parametrize("typed", ["0", "0.0", "-0.0", "1e-12", "-1e-12"])
def test_an_answer_of_zero_accepts_zero_however_written(typed: str) -> None:
    assert grade(Numeric(0.0), float(typed)) == 1.0


@pytest.mark.parametrize("typed", [2e-9, -2e-9, 1e-6, 0.001])
def test_an_answer_of_zero_with_no_tolerance_refuses_anything_else(typed: float) -> None:
    # The slack that forgives float rounding is at most a billionth near zero.
    assert grade(Numeric(0.0), typed) == 0.0


def test_an_answer_of_zero_with_a_tolerance_accepts_its_edges() -> None:
    body = Numeric(0.0, 0.5)
    assert grade(body, 0.5) == 1.0
    assert grade(body, -0.5) == 1.0
    assert grade(body, 0.51) == 0.0


@pytest.mark.parametrize("answer", [384_400_000.0, 1.989e30, -2.5e20])
def test_a_very_large_answer_forgives_rounding_in_its_last_digits(answer: float) -> None:
    # One float step is far more than a billionth of 1 at this size: it must still count.
    assert grade(Numeric(answer), math.nextafter(answer, math.inf)) == 1.0
    assert grade(Numeric(answer), math.nextafter(answer, -math.inf)) == 1.0
    # ... but the slack grows with the answer, it is not a tolerance: 1 in 10^6 is wrong.
    assert grade(Numeric(answer), answer * (1 + 1e-6)) == 0.0


def test_the_rounding_slack_grows_with_the_answer_but_stays_a_hair() -> None:
    body = Numeric(384_400_000.0)
    assert grade(body, 384_400_000.3) == 1.0  # within a billionth of the answer
    assert grade(body, 384_400_001.0) == 0.0


def test_a_numeric_answer_accepts_an_int() -> None:
    assert grade(Numeric(6.0), 6) == 1.0


@pytest.mark.parametrize("typed", [math.inf, -math.inf, math.nan])
def test_an_infinite_answer_is_never_right_even_to_a_huge_tolerance(typed: float) -> None:
    assert grade(Numeric(1e308, math.inf), typed) == 0.0


def test_ordering_two_items_scores_all_or_nothing() -> None:
    body = Ordering(_choices("a", "b"))
    assert grade(body, ("a", "b")) == 1.0
    assert grade(body, ("b", "a")) == 0.0


def test_ordering_refuses_a_repeated_item() -> None:
    body = Ordering(_choices("a", "b", "c"))
    assert grade(body, ("a", "a", "b", "c")) == 0.0
    assert grade(body, ("a", "b", "b")) == 0.0


def test_matching_a_single_pair() -> None:
    body = Matching((Pair("p", LocalizedText.of("Chang'e-4"), LocalizedText.of("far side")),))
    assert grade(body, {"p": "p"}) == 1.0
    assert grade(body, {}) == 0.0


@pytest.mark.parametrize("rating", list(Rating))
def test_a_card_accepts_every_rating(rating: Rating) -> None:
    score = grade(Card(LocalizedText.of("Back")), rating)
    assert 0.0 <= score <= 1.0


def test_a_card_refuses_a_bool_or_a_number_that_is_no_rating() -> None:
    card = Card(LocalizedText.of("Back"))
    with pytest.raises(ResponseMismatchError):
        grade(card, True)
    with pytest.raises(ResponseMismatchError):
        grade(card, 9)


def test_a_mismatched_response_says_what_it_was_and_what_it_answered() -> None:
    with pytest.raises(ResponseMismatchError, match=r"^a str cannot answer a Numeric$"):
        grade(Numeric(1.0), "1")
    with pytest.raises(ResponseMismatchError, match=r"^a bool cannot answer a SingleChoice$"):
        grade(SingleChoice(_choices("a"), "a"), True)


BODIES: list[Body] = [
    SingleChoice(_choices("a", "b"), "b"),
    MultipleResponse(_choices("a", "b", "c"), frozenset({"a", "c"})),
    TrueFalse(False),
    TrueFalse(True),
    Numeric(1731.0, 5.0),
    ShortText(LocalizedList.of({"en": ["Queqiao"], "zh": ["鹊桥"]})),
    Ordering(_choices("c", "a", "b")),
    Matching(
        (
            Pair("x", LocalizedText.of("Chang'e-5"), LocalizedText.of("2020")),
            Pair("y", LocalizedText.of("Chang'e-6"), LocalizedText.of("2024")),
        )
    ),
]


@pytest.mark.parametrize("body", BODIES, ids=lambda b: type(b).__name__)
def test_the_answer_shown_as_right_scores_1(body: Body) -> None:
    assert grade(body, right_response(body)) == 1.0


def test_the_answer_shown_as_right_is_the_keyed_one() -> None:
    assert right_response(SingleChoice(_choices("a", "b"), "b")) == "b"
    assert right_response(TrueFalse(False)) is False
    assert right_response(Numeric(1731.0, 5.0)) == 1731.0
    assert right_response(ShortText(LocalizedList.of({"en": ["Queqiao", "Magpie"]}))) == "Queqiao"
    assert right_response(Ordering(_choices("c", "a", "b"))) == ("c", "a", "b")
    assert right_response(Card(LocalizedText.of("Back"))) is Rating.GOOD
