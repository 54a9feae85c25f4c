"""Answers as short text for the results table: the learner's and the right one."""

from __future__ import annotations

from typing import Any

from quiz_app.core.numbers import format_number, quantity
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
from quiz_app.core.review import RATING_NAMES, Rating


def _choice_text(body: SingleChoice | MultipleResponse | Ordering, key: str, language: str) -> str:
    items = body.items if isinstance(body, Ordering) else body.choices
    return next((c.text.get(language) for c in items if c.id == key), key)


def given_text(body: Body, given: Any, language: str, yes_no: tuple[str, str]) -> str:
    """What the learner answered, in words (``given`` is the JSON form from the log)."""
    match body:
        case SingleChoice():
            return _choice_text(body, str(given), language)
        case MultipleResponse():
            return "; ".join(_choice_text(body, str(g), language) for g in given) or "—"
        case TrueFalse():
            return yes_no[0] if given else yes_no[1]
        case Numeric(_, _, unit):
            return quantity(given, unit, language)
        case ShortText():
            return str(given)
        case Ordering():
            return " → ".join(_choice_text(body, str(g), language) for g in given)
        case Matching(pairs):
            right = {p.id: p.right.get(language) for p in pairs}
            return "; ".join(
                f"{p.left.get(language)}: {right.get(str(given.get(p.id)), '—')}" for p in pairs
            )
        case Card():  # the learner's own rating
            known = isinstance(given, int) and given in set(Rating)
            return RATING_NAMES[Rating(given)].get(language) if known else str(given)
    raise TypeError(body)  # pragma: no cover


def right_text(body: Body, language: str, yes_no: tuple[str, str]) -> str:
    """The right answer, in words."""
    match body:
        case SingleChoice(_, answer):
            return _choice_text(body, answer, language)
        case MultipleResponse(choices, answers):
            return "; ".join(c.text.get(language) for c in choices if c.id in answers)
        case TrueFalse(answer):
            return yes_no[0] if answer else yes_no[1]
        case Numeric(answer, tolerance, unit):
            if not tolerance:
                return quantity(answer, unit, language)
            margin = quantity(tolerance, unit, language)
            return f"{format_number(answer, language)} ± {margin}"
        case ShortText(accept):
            return " / ".join(accept.get(language))
        case Ordering(items):
            return " → ".join(i.text.get(language) for i in items)
        case Matching(pairs):
            return "; ".join(f"{p.left.get(language)}: {p.right.get(language)}" for p in pairs)
        case Card(back):
            return back.get(language)
    raise TypeError(body)  # pragma: no cover
