from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quiz_app.core.grading import ResponseMismatchError, grade, normalize_text
from quiz_app.core.questions import (
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
from quiz_app.core.text import LocalizedList, LocalizedText


def _choices(*ids: str) -> tuple[Choice, ...]:
    return tuple(Choice(i, LocalizedText.of(i.upper())) for i in ids)


def test_single_choice_scores_only_the_answer() -> None:
    body = SingleChoice(_choices("a", "b", "c"), "b")
    assert grade(body, "b") == 1.0
    assert grade(body, "a") == 0.0


def test_true_false() -> None:
    assert grade(TrueFalse(False), False) == 1.0
    assert grade(TrueFalse(False), True) == 0.0


@pytest.mark.parametrize(
    ("ticked", "score"),
    [
        ({"a", "b"}, 1.0),  # exactly right
        ({"a"}, 0.5),  # half the right ones, no wrong one
        ({"a", "b", "c"}, 0.5),  # all right ones, half the wrong ones
        ({"a", "b", "c", "d"}, 0.0),  # ticking everything earns nothing
        ({"c"}, 0.0),  # never below zero
        (set(), 0.0),
    ],
)
def test_multiple_response_partial_credit(ticked: set[str], score: float) -> None:
    body = MultipleResponse(_choices("a", "b", "c", "d"), frozenset({"a", "b"}))
    assert grade(body, frozenset(ticked)) == pytest.approx(score)


def test_numeric_within_tolerance() -> None:
    body = Numeric(1731, 5)
    assert grade(body, 1731.0) == 1.0
    assert grade(body, 1736.0) == 1.0
    assert grade(body, 1726) == 1.0
    assert grade(body, 1737.0) == 0.0
    assert grade(body, float("nan")) == 0.0


def test_numeric_exact_answer_forgives_float_rounding() -> None:
    assert grade(Numeric(0.3), 0.1 + 0.2) == 1.0
    assert grade(Numeric(0.3), 0.31) == 0.0


@pytest.mark.parametrize(
    "typed",
    ["Chang'e-6", "chang e 6", "CHANGE6", "ＣＨＡＮＧ’Ｅ－６", "  Chang’e 6 ", "Chàng'é-6"],
)
def test_short_text_forgives_case_spaces_accents_and_width(typed: str) -> None:
    body = ShortText(LocalizedList.of({"en": ["Chang'e-6"], "zh": ["嫦娥六号"]}))
    assert grade(body, typed) == 1.0


def test_short_text_accepts_any_language_and_rejects_others() -> None:
    body = ShortText(LocalizedList.of({"en": ["Queqiao", "Magpie Bridge"], "zh": ["鹊桥"]}))
    assert grade(body, "鹊 桥") == 1.0
    assert grade(body, "magpie-bridge") == 1.0
    assert grade(body, "Yutu") == 0.0
    assert grade(body, "   ") == 0.0


def test_ordering_partial_credit_counts_pairs_in_order() -> None:
    body = Ordering(_choices("a", "b", "c", "d", "e"))
    assert grade(body, ("a", "b", "c", "d", "e")) == 1.0
    assert grade(body, ("e", "d", "c", "b", "a")) == 0.0
    assert grade(body, ("b", "a", "c", "d", "e")) == pytest.approx(0.9)
    assert grade(body, ("a", "b", "c")) == 0.0  # not a full ordering


def test_matching_partial_credit() -> None:
    pairs = tuple(
        Pair(i, LocalizedText.of(i), LocalizedText.of(i.upper())) for i in ("x", "y", "z", "w")
    )
    body = Matching(pairs)
    assert grade(body, {"x": "x", "y": "y", "z": "z", "w": "w"}) == 1.0
    assert grade(body, {"x": "x", "y": "z", "z": "y"}) == 0.25


def test_wrong_response_shape_is_a_bug_not_a_score() -> None:
    with pytest.raises(ResponseMismatchError):
        grade(SingleChoice(_choices("a", "b"), "a"), True)
    with pytest.raises(ResponseMismatchError):
        grade(Numeric(1.0), True)


@given(st.text())
def test_normalizing_twice_changes_nothing(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1))
def test_short_text_accepts_its_own_answer_with_stray_spaces(answer: str) -> None:
    # Some letters fold to marks alone ("ﹰ", an Arabic vowel sign's isolated form, is a
    # space and a mark): such an answer folds to nothing, and nothing typed matches it.
    assume(normalize_text(answer))
    body = ShortText(LocalizedList.of({"en": [answer]}))
    assert grade(body, f"  {answer} ") == 1.0


def test_an_answer_that_folds_to_nothing_matches_nothing_typed() -> None:
    """Found by the test above: the accepted answer "ﹰ" folds to nothing (a space and a
    mark, both ignored), and so does anything typed for it: never right, never a crash."""
    body = ShortText(LocalizedList.of({"en": ["ﹰ"]}))
    assert grade(body, "ﹰ") == 0.0
    assert grade(body, "") == 0.0


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789'- ", min_size=1).filter(
        lambda s: any(c.isalnum() for c in s)
    )
)
def test_short_text_accepts_latin_answers_in_any_case(answer: str) -> None:
    body = ShortText(LocalizedList.of({"en": [answer]}))
    assert grade(body, answer.upper()) == 1.0


@given(st.permutations(["a", "b", "c", "d", "e", "f"]))
def test_ordering_score_is_a_fraction_and_one_only_when_right(order: list[str]) -> None:
    body = Ordering(_choices("a", "b", "c", "d", "e", "f"))
    score = grade(body, tuple(order))
    assert 0.0 <= score <= 1.0
    assert (score == 1.0) == (order == ["a", "b", "c", "d", "e", "f"])
