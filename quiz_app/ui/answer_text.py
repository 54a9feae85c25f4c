"""Answers as short text for the results table: the learner's and the right one.

Pack text is Markdown: everything here is its plain form (``packs.rich_text.to_plain``),
for table cells, announcements and the peek, which hold plain text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quiz_app.core.numbers import format_number, quantity
from quiz_app.core.questions import (
    Body,
    Card,
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Question,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.review import RATING_NAMES, Rating
from quiz_app.core.shuffle import displayed_order
from quiz_app.core.text import LocalizedText
from quiz_app.packs.rich_text import to_plain

LETTERS = "ABCDEFGHIJ"


def plain(text: LocalizedText, language: str) -> str:
    """Pack text in ``language``, as a person reads it (no Markdown marks)."""
    return to_plain(text.get(language))


def _choice_text(body: SingleChoice | MultipleResponse | Ordering, key: str, language: str) -> str:
    items = body.items if isinstance(body, Ordering) else body.choices
    return next((plain(c.text, language) for c in items if c.id == key), key)


def _as_shown(body: MultipleResponse, ids: Any, order: Sequence[str]) -> list[str]:
    """Choice ids in the order the quiz showed them (unknown ids last, as given)."""
    shown = displayed_order(body, order)
    place = {choice: i for i, choice in enumerate(shown)}
    return sorted((str(i) for i in ids), key=lambda i: place.get(i, len(shown)))


def given_text(
    body: Body, given: Any, language: str, yes_no: tuple[str, str], order: Sequence[str] = ()
) -> str:
    """What the learner answered, in words (``given`` is the JSON form from the log);
    ticked choices listed in ``order``, the order the quiz showed them in."""
    match body:
        case SingleChoice():
            return _choice_text(body, str(given), language)
        case MultipleResponse():
            ticked = _as_shown(body, given, order)
            return "; ".join(_choice_text(body, g, language) for g in ticked) or "—"
        case TrueFalse():
            return yes_no[0] if given else yes_no[1]
        case Numeric(_, _, unit):
            return quantity(given, unit, language)
        case ShortText():
            return str(given)
        case Ordering():
            return " → ".join(_choice_text(body, str(g), language) for g in given)
        case Matching(pairs):
            right = {p.id: plain(p.right, language) for p in pairs}
            return "; ".join(
                f"{plain(p.left, language)}: {right.get(str(given.get(p.id)), '—')}" for p in pairs
            )
        case Card():  # the learner's own rating
            known = isinstance(given, int) and given in set(Rating)
            return RATING_NAMES[Rating(given)].get(language) if known else str(given)
    raise TypeError(body)  # pragma: no cover


def right_text(
    body: Body, language: str, yes_no: tuple[str, str], order: Sequence[str] = ()
) -> str:
    """The right answer, in words; right choices listed in the order the quiz showed."""
    match body:
        case SingleChoice(_, answer):
            return _choice_text(body, answer, language)
        case MultipleResponse(_, answers):
            right = _as_shown(body, answers, order)
            return "; ".join(_choice_text(body, a, language) for a in right)
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
            return " → ".join(plain(i.text, language) for i in items)
        case Matching(pairs):
            return "; ".join(
                f"{plain(p.left, language)}: {plain(p.right, language)}" for p in pairs
            )
        case Card(back):
            return plain(back, language)
    raise TypeError(body)  # pragma: no cover


def arranged(items: tuple[Choice, ...], order: tuple[str, ...]) -> tuple[Choice, ...]:
    """``items`` in the ``order`` of their ids (as written when the order is empty or
    does not name them all, e.g. a question edited since the quiz began)."""
    by_id = {item.id: item for item in items}
    if sorted(order) != sorted(by_id):
        return items
    return tuple(by_id[key] for key in order)


def question_text(question: Question, language: str, order: tuple[str, ...] = ()) -> str:
    """The question as plain text in ``language``: its prompt, then what there is to
    choose from, lettered as on screen (``order`` is the order shown)."""
    lines = [plain(question.prompt, language)]
    match question.body:
        case SingleChoice(choices) | MultipleResponse(choices):
            lines += [
                f"{LETTERS[i]}   {plain(c.text, language)}"
                for i, c in enumerate(arranged(choices, order))
            ]
        case Ordering(items):
            lines += [f"•  {plain(item.text, language)}" for item in arranged(items, order)]
        case Matching(pairs):
            lines += [f"{i + 1}.  {plain(p.left, language)}" for i, p in enumerate(pairs)]
            rights = arranged(tuple(Choice(p.id, p.right) for p in pairs), order)
            lines += [f"{LETTERS[i]}   {plain(c.text, language)}" for i, c in enumerate(rights)]
        case Numeric(_, _, unit) if unit is not None:
            lines.append(f"({unit.get(language)})")
    return "\n".join(lines)
