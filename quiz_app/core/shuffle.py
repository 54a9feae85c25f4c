"""The order a quiz shows a question's choices, items or partners in.

Drawn once when the quiz starts and stored with it, so a resumed quiz, a language
switch and the results of the quiz all show the same order.

What may be pinned: a question (or its pack) with ``shuffle = false`` keeps the
choices of a single or multiple choice question in the written order ("all of the
above" must stay last). Ordering and matching questions are always shuffled and never
start solved: their written order *is* the answer, so pinning it would show it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from quiz_app.core.questions import Body, Matching, MultipleResponse, Ordering, SingleChoice


def written_order(body: Body) -> tuple[str, ...]:
    """The ids a body lists, as written: choices, items or pairs; ``()`` for other types."""
    match body:
        case SingleChoice() | MultipleResponse():
            return tuple(c.id for c in body.choices)
        case Ordering():
            return tuple(i.id for i in body.items)
        case Matching():
            return tuple(p.id for p in body.pairs)
    return ()


def _must_differ(body: Body) -> bool:
    """Ordering and matching must not start in the answer order."""
    return isinstance(body, Ordering | Matching)


def presentation_order(body: Body, rng: random.Random, *, pinned: bool = False) -> tuple[str, ...]:
    """A fresh order for one question of a quiz.

    Single/multiple choice: choice ids (the written order when ``pinned``). Matching: pair
    ids of the right-hand partners, never the answer order when there are two or more.
    Ordering: item ids, never the right order when there are two or more. Else ``()``.
    """
    written = written_order(body)
    if pinned and not _must_differ(body):
        return written
    order = list(written)
    rng.shuffle(order)
    if _must_differ(body) and len(order) > 1 and tuple(order) == written:
        # Swapping with a random other place keeps every unsolved order possible,
        # and for two items gives the only one there is.
        other = rng.randrange(1, len(order))
        order[0], order[other] = order[other], order[0]
    return tuple(order)


def displayed_order(body: Body, order: Sequence[str]) -> tuple[str, ...]:
    """The order to show: ``order`` as stored with the quiz, made safe to use.

    Ids the question no longer has are dropped and ids it gained since the quiz started
    go last (a teacher may edit a question mid-quiz). An empty order (a quiz started
    before orders were stored, or a preview) is the written order; ordering and matching
    then start rotated by one, which is never the answer and always the same.
    """
    written = written_order(body)
    known = set(written)
    shown = [i for i in dict.fromkeys(order) if i in known]
    placed = set(shown)
    shown += [i for i in written if i not in placed]
    if _must_differ(body) and len(shown) > 1 and tuple(shown) == written:
        shown = shown[1:] + shown[:1]
    return tuple(shown)
