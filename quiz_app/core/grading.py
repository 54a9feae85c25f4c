"""Grading: pure functions from a question and a learner's response to a score in 0..1.

Partial credit (documented for pack authors in docs/pack-format.md):
- multiple response: right ticks / all right choices - wrong ticks / all wrong choices,
  never below 0, so ticking every box scores 0;
- ordering: the share of item pairs in the right relative order (Kendall's tau as a
  fraction), so the exact order scores 1 and the reverse order 0;
- matching: the share of left items matched to their partner.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence
from itertools import combinations

from quiz_app.core.questions import (
    Body,
    Card,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.review import Rating, card_score

Response = str | bool | float | Rating | frozenset[str] | tuple[str, ...] | Mapping[str, str]
"""What a learner gives: a choice id, ticked ids, a bool, a number, typed text, ids in
order, left pair id -> right pair id, or a card's self-rating."""


class ResponseMismatchError(TypeError):
    """A response of the wrong shape for the question: a bug in the caller."""


def grade_single(body: SingleChoice, response: str) -> float:
    return 1.0 if response == body.answer else 0.0


def grade_true_false(body: TrueFalse, response: bool) -> float:
    return 1.0 if response is body.answer else 0.0


def grade_multiple(body: MultipleResponse, response: frozenset[str]) -> float:
    right = body.answers
    wrong = {c.id for c in body.choices} - right
    gained = len(response & right) / len(right)
    lost = len(response & wrong) / len(wrong) if wrong else 0.0
    return max(0.0, gained - lost)


def grade_numeric(body: Numeric, response: float) -> float:
    if not math.isfinite(response):
        return 0.0
    # A hair of slack so that 0.1 + 0.2 counts as 0.3 when the tolerance is 0.
    slack = body.tolerance + 1e-9 * max(1.0, abs(body.answer))
    return 1.0 if abs(response - body.answer) <= slack else 0.0


_IGNORED_CATEGORIES = ("Z", "P", "C", "Mn", "Me")  # spaces, punctuation, controls, accents


def normalize_text(text: str) -> str:
    """Fold what a learner should not be marked down for: case, full-width forms,
    accents, spaces and punctuation. ``"Ｃhang’e - 6"`` -> ``"change6"``."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text)).casefold()
    return "".join(
        ch for ch in folded if not unicodedata.category(ch).startswith(_IGNORED_CATEGORIES)
    )


def grade_short_text(body: ShortText, response: str) -> float:
    given = normalize_text(response)
    if not given:
        return 0.0
    return 1.0 if any(normalize_text(a) == given for a in body.accept.all_values()) else 0.0


def grade_ordering(body: Ordering, response: Sequence[str]) -> float:
    rank = {item.id: i for i, item in enumerate(body.items)}
    if sorted(response) != sorted(rank):
        return 0.0
    pairs = list(combinations(response, 2))
    concordant = sum(1 for a, b in pairs if rank[a] < rank[b])
    return concordant / len(pairs)


def grade_matching(body: Matching, response: Mapping[str, str]) -> float:
    right = sum(1 for pair in body.pairs if response.get(pair.id) == pair.id)
    return right / len(body.pairs)


def grade(body: Body, response: Response) -> float:
    """Score ``response`` to a question with ``body``, from 0 (wrong) to 1 (right)."""
    match body, response:
        case SingleChoice(), str():
            return grade_single(body, response)
        case TrueFalse(), bool():
            return grade_true_false(body, response)
        case MultipleResponse(), frozenset():
            return grade_multiple(body, response)
        case Numeric(), float() | int() if not isinstance(response, bool):
            return grade_numeric(body, float(response))
        case ShortText(), str():
            return grade_short_text(body, response)
        case Ordering(), tuple():
            return grade_ordering(body, response)
        case Matching(), Mapping():
            return grade_matching(body, response)
        case Card(), int() if not isinstance(response, bool) and response in set(Rating):
            return card_score(Rating(response))
    raise ResponseMismatchError(
        f"a {type(response).__name__} cannot answer a {type(body).__name__}"
    )


def right_response(body: Body) -> Response:
    """The response that scores 1: for showing an answer, demos and tests."""
    match body:
        case SingleChoice(_, answer):
            return answer
        case MultipleResponse(_, answers):
            return answers
        case TrueFalse(answer):
            return answer
        case Numeric(answer, _, _):
            return answer
        case ShortText(accept):
            return accept.all_values()[0]
        case Ordering(items):
            return tuple(item.id for item in items)
        case Matching(pairs):
            return {pair.id: pair.id for pair in pairs}
        case Card():
            return Rating.GOOD
    raise TypeError(f"unknown question body {body!r}")  # pragma: no cover
