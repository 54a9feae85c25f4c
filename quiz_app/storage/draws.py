"""Drawing a quiz's questions from the bank by indexed probes (see core.drawing)."""

from __future__ import annotations

import random
from collections import defaultdict
from itertools import islice

from sqlalchemy import ColumnElement, and_, or_, select
from sqlmodel import Session

from quiz_app.core.bank import DrawFilter
from quiz_app.core.drawing import KeptApart, SlotRange, pick_apart, probe_slots
from quiz_app.core.ids import QuestionId, TopicId
from quiz_app.storage.models import QUESTION, TOPIC

_Q = QUESTION.c

MAX_ROUNDS = 6
"""Probe rounds before falling back to an exact (slower) query; a filter that rejects most
probes, e.g. a rare type, ends up there."""


def question_conditions(draw: DrawFilter) -> ColumnElement[bool]:
    """Everything ``draw`` asks of a question row; retired questions never match."""
    conditions = [_Q.retired.is_(False)]
    if draw.pack_ids:
        conditions.append(_Q.pack_id.in_(draw.pack_ids))
    if draw.topic_ids:
        conditions.append(_Q.topic_id.in_(draw.topic_ids))
    if draw.difficulties:
        conditions.append(_Q.difficulty.in_(sorted(draw.difficulties)))
    if draw.types:
        conditions.append(_Q.type.in_(sorted(t.value for t in draw.types)))
    return and_(*conditions)


def _probes_clause(batch: list[tuple[TopicId, int]]) -> ColumnElement[bool]:
    """``(topic = a AND slot IN (...)) OR (topic = b AND slot IN (...))``.

    Not a row-value ``(topic, slot) IN (...)``: SQLite answers that with a full table scan,
    while each arm of this OR is one search of the (topic, slot) index.
    """
    by_topic: dict[TopicId, list[int]] = defaultdict(list)
    for topic, slot in batch:
        by_topic[topic].append(slot)
    return or_(*(and_(_Q.topic_id == t, _Q.slot.in_(slots)) for t, slots in by_topic.items()))


def draw_question_ids(
    session: Session, draw: DrawFilter, count: int, seed: int | None = None
) -> list[QuestionId]:
    """Up to ``count`` distinct questions matching ``draw``, uniformly at random, never
    two of one group (fewer than ``count`` only when the bank has no more to give).

    The same seed on the same bank gives the same questions in the same order.
    """
    rng = random.Random(seed)
    topic_query = select(TOPIC.c.id, TOPIC.c.slot_count).order_by(TOPIC.c.id)
    if draw.pack_ids:
        topic_query = topic_query.where(TOPIC.c.pack_id.in_(draw.pack_ids))
    if draw.topic_ids:
        topic_query = topic_query.where(TOPIC.c.id.in_(draw.topic_ids))
    ranges = [SlotRange(TopicId(t), n) for t, n in session.execute(topic_query)]
    total = sum(r.count for r in ranges)
    if count <= 0 or total == 0:
        return []
    wanted = question_conditions(draw)
    if total <= 4 * count:
        return _draw_exact(session, ranges, wanted, count, rng)
    picks: KeptApart[QuestionId] = KeptApart(count)
    seen: set[tuple[TopicId, int]] = set()
    probes = probe_slots(ranges, rng)
    for _ in range(MAX_ROUNDS):
        batch = []
        for probe in islice(probes, 2 * (count - len(picks.picked)) + 8):
            if probe not in seen:  # a slot probed twice must not be picked twice
                seen.add(probe)
                batch.append(probe)
        rows = session.execute(
            select(_Q.topic_id, _Q.slot, _Q.id, _Q.pack_id, _Q.draw_group).where(
                _probes_clause(batch), wanted
            )
        )
        hits = {
            (topic, slot): (row_id, _group(pack, group))
            for topic, slot, row_id, pack, group in rows
        }
        for probe in batch:  # probe order, not row order, keeps a seeded draw reproducible
            if probe in hits:
                row_id, group = hits[probe]
                picks.offer(QuestionId(row_id), group)
        if picks.full:
            return picks.picked
    return _draw_exact(session, ranges, wanted, count, rng)


def _group(pack_id: str, group: str | None) -> tuple[str, str] | None:
    """Groups belong to their pack: two packs may each have a group "dates"."""
    return None if group is None else (pack_id, group)


def _draw_exact(
    session: Session,
    ranges: list[SlotRange],
    wanted: ColumnElement[bool],
    count: int,
    rng: random.Random,
) -> list[QuestionId]:
    rows = session.execute(
        select(_Q.id, _Q.pack_id, _Q.draw_group)
        .where(_Q.topic_id.in_([r.topic for r in ranges]), wanted)
        .order_by(_Q.id)
    ).all()
    shuffled = rng.sample(rows, len(rows))
    return pick_apart(((QuestionId(i), _group(p, g)) for i, p, g in shuffled), count)


def matching_question_ids(session: Session, draw: DrawFilter) -> list[QuestionId]:
    """Every question matching ``draw``, as the packs list them (pack by pack, in order)."""
    rows = session.scalars(
        select(_Q.id).where(question_conditions(draw)).order_by(_Q.pack_id, _Q.position)
    )
    return [QuestionId(i) for i in rows]
