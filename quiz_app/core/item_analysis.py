"""Item analysis of questions, as Moodle's quiz statistics define it.

For each question, over the finished attempts (quizzes) that contained it:

- facility index = 100 x mean mark / maximum mark (our marks run 0..1), so a higher
  figure means an easier question;
- discrimination index = 100 x the correlation between the mark on this question and
  the sum of marks on the *rest* of the same attempt (sample covariance over the square
  root of both sample variances); undefined (None) with fewer than two attempts or when
  either variance is zero. Low or negative values point at a question that the
  strongest learners get wrong: often an ambiguous or mis-keyed one.

A question left unanswered in a finished attempt counts as 0, as in Moodle.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Attempt:
    question_ids: Sequence[int]
    scores: Mapping[int, float]
    """question id -> score 0..1; missing means not answered."""


@dataclass(frozen=True)
class ItemStats:
    question_id: int
    attempts: int
    facility: float
    """0..100."""
    discrimination: float | None
    """-100..100, or None when it cannot be computed."""


def item_statistics(attempts: Iterable[Attempt]) -> dict[int, ItemStats]:
    pairs: dict[int, list[tuple[float, float]]] = {}
    for attempt in attempts:
        marks = [(q, attempt.scores.get(q, 0.0)) for q in attempt.question_ids]
        total = sum(mark for _, mark in marks)
        for question, mark in marks:
            pairs.setdefault(question, []).append((mark, total - mark))
    return {q: _stats(q, values) for q, values in pairs.items()}


def _stats(question: int, values: list[tuple[float, float]]) -> ItemStats:
    s = len(values)
    mean_mark = sum(m for m, _ in values) / s
    discrimination = None
    if s > 1:
        mean_other = sum(o for _, o in values) / s
        var_mark = sum((m - mean_mark) ** 2 for m, _ in values) / (s - 1)
        var_other = sum((o - mean_other) ** 2 for _, o in values) / (s - 1)
        covariance = sum((m - mean_mark) * (o - mean_other) for m, o in values) / (s - 1)
        discrimination = _correlation(
            s,
            (var_mark, sum(m * m for m, _ in values)),
            (var_other, sum(o * o for _, o in values)),
            covariance,
        )
    return ItemStats(question, s, 100 * mean_mark, discrimination)


@dataclass(frozen=True)
class ItemSums:
    """One question's sums over the attempts that contained it (the database adds them
    up; see ``storage.class_figures``): m is the mark, o the rest of that attempt."""

    attempts: int
    mark: float
    mark_squared: float
    other: float
    other_squared: float
    mark_times_other: float


_ZERO = 1e-12
"""A variance this small beside the sum of squares it came from is rounding: none."""


def item_from_sums(question: int, sums: ItemSums) -> ItemStats:
    """The same figures as ``item_statistics``, from sums instead of every attempt."""
    s = sums.attempts
    mean_mark = sums.mark / s
    discrimination = None
    if s > 1:
        var_mark = (sums.mark_squared - sums.mark * sums.mark / s) / (s - 1)
        var_other = (sums.other_squared - sums.other * sums.other / s) / (s - 1)
        covariance = (sums.mark_times_other - sums.mark * sums.other / s) / (s - 1)
        discrimination = _correlation(
            s, (var_mark, sums.mark_squared), (var_other, sums.other_squared), covariance
        )
    return ItemStats(question, s, 100 * mean_mark, discrimination)


def _correlation(
    s: int, mark: tuple[float, float], other: tuple[float, float], covariance: float
) -> float | None:
    """100 x the correlation, from each side's (sample variance, sum of squares); None
    when either variance is only rounding (``other`` is a total less a mark, so a
    class whose rest-of-quiz totals are all equal can leave 1e-33 behind)."""
    (var_mark, mark_squared), (var_other, other_squared) = mark, other
    if var_mark <= _ZERO * mark_squared / (s - 1) or var_other <= _ZERO * other_squared / (s - 1):
        return None
    return max(-100.0, min(100.0, 100 * covariance / math.sqrt(var_mark * var_other)))
