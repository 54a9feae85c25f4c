"""Repository of packs, topics, questions and media. Takes a session; returns core objects."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlmodel import Session

from quiz_app.core.bank import PackSummary, StoredQuestion, TopicSummary
from quiz_app.core.ids import PackId, QuestionId, QuestionKey, TopicId
from quiz_app.core.importing import ExistingPack, ExistingQuestion, ImportPlan
from quiz_app.core.questions import Pack, Question
from quiz_app.core.serialize import (
    EncodedPack,
    pack_info_from_dict,
    pack_info_to_dict,
    question_from_dict,
)
from quiz_app.core.text import LocalizedText
from quiz_app.storage.models import MEDIA, PACK, QUESTION, TOPIC, PackRow, TopicRow
from quiz_app.storage.tallies import counts_by

_Q = QUESTION.c


def existing_pack(session: Session, pack_id: PackId) -> ExistingPack | None:
    row = session.get(PackRow, pack_id)
    if row is None:
        return None
    rows = session.execute(select(_Q.key, _Q.content_hash, _Q.retired).where(_Q.pack_id == pack_id))
    questions = {
        QuestionKey(key): ExistingQuestion(digest, retired) for key, digest, retired in rows
    }
    return ExistingPack(row.version, row.content_hash, questions, row.origin)


def _question_values(encoded: EncodedPack, question: Question) -> dict[str, Any]:
    return {
        "type": question.type.value,
        "difficulty": question.difficulty,
        "content": encoded.texts[question.key],
        "content_hash": encoded.hashes[question.key],
        "source": question.source,
        "image": question.image,
        "languages": ",".join(sorted(question.languages)),
        "draw_group": question.group,
    }


_CHUNK = 2000


def apply_import(
    session: Session,
    encoded: EncodedPack,
    plan: ImportPlan,
    now: datetime,
    step: Callable[[int, int], None] | None = None,
) -> None:
    """Write ``plan`` for the pack: one call inside the caller's transaction.

    ``step(done, total)`` is called as questions are written; whatever it raises (a
    cancelled import) leaves the caller's transaction to be rolled back.
    """
    pack = encoded.pack
    total = len(plan.added) + len(set(plan.changed) | set(plan.restored)) + 1
    done = reported = 0

    def progress(count: int) -> None:
        nonlocal done, reported
        done += count
        if step is not None and (done == 0 or done - reported >= _CHUNK or done >= total):
            reported = done
            step(min(done, total), total)

    progress(0)
    info = pack_info_to_dict(pack.info)
    pack_values = {
        "version": pack.info.version,
        "title": info["title"],
        "description": info.get("description"),
        "author": pack.info.author,
        "license": pack.info.license,
        "languages": list(pack.info.languages),
        "content_hash": encoded.digest,
        "imported_at": now,
        "origin": pack.origin,
        "groups": info.get("groups", []),
        "retired_keys": list(pack.info.retired),
    }
    pack_row = session.get(PackRow, pack.info.id)
    if pack_row is None:
        session.add(PackRow(id=pack.info.id, **pack_values))
    else:
        for name, value in pack_values.items():
            setattr(pack_row, name, value)
    session.flush()

    topics = _upsert_topics(session, pack)
    positions = {q.key: i for i, q in enumerate(pack.questions)}
    next_slot = {key: row.slot_count for key, row in topics.items()}

    def take_slot(topic_key: str) -> int:
        slot = next_slot[topic_key]
        next_slot[topic_key] = slot + 1
        return slot

    added = set(plan.added)
    rows = [
        {
            "pack_id": pack.info.id,
            "key": question.key,
            "topic_id": topics[question.topic].id,
            "position": positions[question.key],
            "slot": take_slot(question.topic),  # pack order, so slots follow the author's
            "retired": False,
            **_question_values(encoded, question),
        }
        for question in pack.questions
        if question.key in added
    ]
    for start in range(0, len(rows), _CHUNK):
        session.execute(insert(QUESTION), rows[start : start + _CHUNK])
        progress(len(rows[start : start + _CHUNK]))

    current = {
        key: (row_id, topic_id, position)
        for row_id, key, topic_id, position in session.execute(
            select(_Q.id, _Q.key, _Q.topic_id, _Q.position).where(_Q.pack_id == pack.info.id)
        )
    }
    updated = set(plan.changed) | set(plan.restored)
    # One statement run for many rows (executemany), grouped by the columns they set:
    # a statement built per row cost a second per few thousand rows, all of it while
    # holding the bank's write lock.
    same_topic: list[dict[str, Any]] = []
    moved: list[dict[str, Any]] = []
    for question in pack.questions:  # pack order, so new slots follow the author's
        if question.key not in updated:
            continue
        row_id, topic_id, _ = current[question.key]
        values: dict[str, Any] = {
            "row_id": row_id,
            "position": positions[question.key],
            "retired": False,
            **_question_values(encoded, question),
        }
        new_topic = topics[question.topic].id
        if new_topic == topic_id:
            same_topic.append(values)
        else:
            moved.append(values | {"topic_id": new_topic, "slot": take_slot(question.topic)})
    by_row = update(QUESTION).where(_Q.id == bindparam("row_id"))
    for rows_to_set in (same_topic, moved):
        for start in range(0, len(rows_to_set), _CHUNK):
            chunk = rows_to_set[start : start + _CHUNK]
            session.execute(by_row, chunk)
            progress(len(chunk))
    if plan.retired:
        session.execute(
            update(QUESTION)
            .where(_Q.pack_id == pack.info.id, _Q.key.in_(plan.retired))
            .values(retired=True)
        )
    # Keep the order of untouched questions in step with the pack too.
    reordered = [
        {"row_id": row_id, "position": positions[key]}
        for key, (row_id, _, position) in current.items()
        if key in positions and positions[key] != position and key not in updated
    ]
    if reordered:
        session.execute(by_row, reordered)
    for topic_key, topic_row in topics.items():
        topic_row.slot_count = next_slot[topic_key]
    session.execute(delete(MEDIA).where(MEDIA.c.pack_id == pack.info.id))
    if pack.media:
        session.execute(
            insert(MEDIA),
            [
                {
                    "pack_id": pack.info.id,
                    "path": path,
                    "sha256": hashlib.sha256(content).hexdigest(),
                    "content": content,
                }
                for path, content in sorted(pack.media.items())
            ],
        )
    session.flush()
    progress(1)


def _upsert_topics(session: Session, pack: Pack) -> dict[str, TopicRow]:
    rows = {
        row.key: row
        for row in session.scalars(select(TopicRow).where(TOPIC.c.pack_id == pack.info.id))
    }
    for position, topic in enumerate(pack.info.topics):
        row = rows.get(topic.key)
        if row is None:
            row = TopicRow(pack_id=pack.info.id, key=topic.key, title=topic.title.as_dict())
            session.add(row)
            rows[topic.key] = row
        row.title = topic.title.as_dict()
        row.position = position
    session.flush()
    return rows


def pack_summaries(session: Session) -> list[PackSummary]:
    """Every pack with its counts of active questions, by topic, type, difficulty, language:
    from the counts kept by the imports (``tallies``), a few rows whatever the bank's size."""
    by: dict[str, dict[str, dict[Any, int]]] = defaultdict(lambda: defaultdict(dict))
    for column in ("type", "difficulty", "languages"):
        for pack_id, value, count in counts_by(session, column):
            by[pack_id][column][value] = count
    retired = {pack_id: count for pack_id, _, count in counts_by(session, "pack_id", retired=True)}
    topic_counts = {topic: count for _, topic, count in counts_by(session, "topic_id")}
    topics: dict[str, list[TopicSummary]] = defaultdict(list)
    for row in session.execute(
        select(TOPIC.c.id, TOPIC.c.pack_id, TOPIC.c.key, TOPIC.c.title).order_by(
            TOPIC.c.pack_id, TOPIC.c.position
        )
    ):
        topics[row.pack_id].append(
            TopicSummary(
                TopicId(row.id),
                row.key,
                LocalizedText.of(row.title),
                topic_counts.get(row.id, 0),
            )
        )
    summaries = []
    for pack in session.execute(select(PACK).order_by(PACK.c.id)):
        counts = by[pack.id]
        by_language: dict[str, int] = defaultdict(int)
        for languages, count in counts["languages"].items():
            for language in languages.split(","):
                by_language[language] += count
        summaries.append(
            PackSummary(
                id=PackId(pack.id),
                version=pack.version,
                title=LocalizedText.of(pack.title),
                languages=tuple(pack.languages),
                imported_at=pack.imported_at,
                question_count=sum(counts["type"].values()),
                retired_count=retired.get(pack.id, 0),
                topics=tuple(topics[pack.id]),
                by_type=dict(sorted(counts["type"].items())),
                by_difficulty=dict(sorted(counts["difficulty"].items())),
                by_language=dict(sorted(by_language.items())),
            )
        )
    return summaries


_QUESTION_COLUMNS = (_Q.id, _Q.pack_id, _Q.content)


def _stored(row: Any) -> StoredQuestion:
    return StoredQuestion(
        QuestionId(row.id), PackId(row.pack_id), question_from_dict(json.loads(row.content))
    )


def stored_pack(session: Session, pack_id: PackId) -> Pack | None:
    """The pack as the bank holds it now (active questions, in pack order, with media)."""
    row = session.get(PackRow, pack_id)
    if row is None:
        return None
    topics = session.scalars(
        select(TopicRow).where(TOPIC.c.pack_id == pack_id).order_by(TOPIC.c.position)
    ).all()
    info = pack_info_from_dict(
        {
            "id": row.id,
            "version": row.version,
            "title": row.title,
            "description": row.description,
            "author": row.author,
            "license": row.license,
            "languages": row.languages,
            "topics": [{"id": t.key, "title": t.title} for t in topics],
            "groups": row.groups,
            "retired": row.retired_keys,
        }
    )
    rows = session.execute(
        select(*_QUESTION_COLUMNS)
        .where(_Q.pack_id == pack_id, _Q.retired.is_(False))
        .order_by(_Q.position)
    )
    questions = tuple(_stored(r).question for r in rows)
    media: dict[str, bytes] = dict(
        session.execute(
            select(MEDIA.c.path, MEDIA.c.content).where(MEDIA.c.pack_id == pack_id)
        ).all()
    )
    return Pack(info, questions, media, row.origin)


def questions_by_id(session: Session, ids: Sequence[QuestionId]) -> list[StoredQuestion]:
    """The questions with these ids, in the order given (unknown ids are left out)."""
    rows = session.execute(select(*_QUESTION_COLUMNS).where(_Q.id.in_(list(ids))))
    found = {row.id: _stored(row) for row in rows}
    return [found[i] for i in ids if i in found]


def media_content(session: Session, pack_id: PackId, path: str) -> bytes | None:
    """An image of a pack, from the bank (never from disk)."""
    content: bytes | None = session.execute(
        select(MEDIA.c.content).where(MEDIA.c.pack_id == pack_id, MEDIA.c.path == path)
    ).scalar_one_or_none()
    return content
