"""Repository of packs, topics, questions and media. Takes a session; returns core objects."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlmodel import Session

from quiz_app.core.bank import PackSummary, StoredQuestion, TopicSummary
from quiz_app.core.ids import PackId, QuestionId, TopicId
from quiz_app.core.importing import (
    EncodedPack,
    EncodedQuestion,
    ExistingPack,
    ExistingQuestion,
    ImportKind,
    ImportPlan,
)
from quiz_app.core.questions import Pack, PackInfo
from quiz_app.core.serialize import (
    pack_info_from_dict,
    pack_info_to_dict,
    question_from_dict,
)
from quiz_app.core.text import LocalizedText
from quiz_app.storage.models import MEDIA, PACK, QUESTION, TOPIC, PackRow, TopicRow
from quiz_app.storage.tallies import counts_by

_Q = QUESTION.c


QuestionPlaces = dict[str, tuple[int, int, int]]
"""Key -> (row id, topic id, position) of each of a pack's questions in the bank."""


def existing_pack(session: Session, pack_id: PackId) -> ExistingPack | None:
    return existing_pack_and_places(session, pack_id)[0]


PackStamp = tuple[str, str, str, datetime, int]
"""What says whether a pack's rows are still as they were read: its version, content
hash, origin and time of import, and how many question rows it has. Only an import
changes a pack's rows, and it always rewrites the pack's row; rows are never deleted,
so a pack brought back to an earlier content still has the rows added in between."""

_STAMP = (
    select(PACK.c.version, PACK.c.content_hash, PACK.c.origin, PACK.c.imported_at)
    .add_columns(
        select(func.count()).select_from(QUESTION).where(_Q.pack_id == PACK.c.id).scalar_subquery()
    )
    .where(PACK.c.id == bindparam("pack"))
)


def pack_stamp(session: Session, pack_id: PackId) -> PackStamp | None:
    """The pack's stamp (see ``PackStamp``): one row, its count from the (pack, key) index."""
    row = session.execute(_STAMP, {"pack": pack_id}).one_or_none()
    if row is None:
        return None
    version, content_hash, origin, imported_at, count = row
    return (version, content_hash, origin, imported_at, int(count))


@dataclass(frozen=True)
class PackRows:
    """A pack's rows as read at one moment: what planning needs, where each row is, and
    the stamp that tells, later and under the write lock, whether they are still so."""

    stamp: PackStamp
    existing: ExistingPack
    places: QuestionPlaces


def pack_rows(session: Session, pack_id: PackId) -> PackRows | None:
    # The stamp first: on a server an import may commit between the two reads, and then
    # the stamp is older than the rows and will not match (the rows are read again).
    stamp = pack_stamp(session, pack_id)
    existing, places = existing_pack_and_places(session, pack_id)
    if stamp is None or existing is None:
        return None
    return PackRows(stamp, existing, places)


def pack_rows_since(
    session: Session, pack_id: PackId, known: PackRows | None
) -> tuple[ExistingPack | None, QuestionPlaces]:
    """What the bank holds of a pack and where its rows are: ``known`` if they are still
    as it was read (one row looked at), else read again."""
    if known is not None and pack_stamp(session, pack_id) == known.stamp:
        return known.existing, known.places
    return existing_pack_and_places(session, pack_id)


_SQLITE_PLACES = (
    "SELECT key, content_hash, retired, id, topic_id, position FROM question WHERE pack_id = ?"
)


def existing_pack_and_places(
    session: Session, pack_id: PackId
) -> tuple[ExistingPack | None, QuestionPlaces]:
    """What the bank holds of a pack for planning, and where each question's row is (for
    ``apply_import``), from one read of its rows."""
    row = session.get(PackRow, pack_id)
    if row is None:
        return None, {}
    rows: Sequence[Any]
    if session.get_bind().dialect.name == "sqlite":
        # Plain tuples from the driver, as the import's inserts are: SQLAlchemy's rows and
        # their type processing cost twice the query itself (0.13 s against 0.05 s for
        # 20,000 questions, half of an editor save that changed one question).
        rows = session.connection().exec_driver_sql(_SQLITE_PLACES, (pack_id,)).fetchall()
    else:
        rows = session.execute(
            select(_Q.key, _Q.content_hash, _Q.retired, _Q.id, _Q.topic_id, _Q.position).where(
                _Q.pack_id == pack_id
            )
        ).all()  # fetched at once: row by row cost a tenth of a second per 20,000
    questions = {
        key: ExistingQuestion(digest, bool(retired)) for key, digest, retired, _, _, _ in rows
    }
    places = {key: (row_id, topic, position) for key, _, _, row_id, topic, position in rows}
    return ExistingPack(row.version, row.content_hash, questions, row.origin), places


def _question_values(question: EncodedQuestion) -> dict[str, Any]:
    return {
        "type": question.type,
        "difficulty": question.difficulty,
        "content": question.content.decode(),
        "content_hash": question.content_hash,
        "source": question.source,
        "image": question.image,
        "languages": question.languages,
        "draw_group": question.group,
    }


_CHUNK = 2000
_SQLITE_COLUMNS = (
    "pack_id, key, topic_id, position, slot, retired, type, difficulty, content, "
    "content_hash, source, image, languages, draw_group"
)
_SQLITE_INSERT = (
    f"INSERT INTO question ({_SQLITE_COLUMNS}) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _sqlite_row(
    pack_id: str, q: EncodedQuestion, topic_id: int | None, position: int, slot: int
) -> tuple[Any, ...]:
    return (
        pack_id,
        q.key,
        topic_id,
        position,
        slot,
        q.type,
        q.difficulty,
        q.content.decode(),
        q.content_hash,
        q.source,
        q.image,
        q.languages,
        q.group,
    )


def apply_import(
    session: Session,
    pack: EncodedPack,
    plan: ImportPlan,
    now: datetime,
    step: Callable[[int, int], None] | None = None,
    *,
    media_unchanged: bool = False,
    places: QuestionPlaces | None = None,
) -> None:
    """Write ``plan`` for the pack: one call inside the caller's transaction.

    Only the rows the plan names are built and written, a chunk at a time, so a save
    that changes one question writes one row (and the pack's own). ``step(done, total)``
    is called as questions are written; whatever it raises (a cancelled import) leaves
    the caller's transaction to be rolled back. ``media_unchanged`` skips rewriting the
    pack's images (the editor's save, which cannot change them). ``places``: where the
    pack's rows are, as read in this transaction (``existing_pack_and_places``).
    """
    info = pack.info
    updated = set(plan.changed) | set(plan.restored)
    total = len(plan.added) + len(updated) + 1
    done = reported = 0

    def progress(count: int) -> None:
        nonlocal done, reported
        done += count
        if step is not None and (done == 0 or done - reported >= _CHUNK or done >= total):
            reported = done
            step(min(done, total), total)

    progress(0)
    info_dict = pack_info_to_dict(info)
    pack_values = {
        "version": info.version,
        "title": info_dict["title"],
        "description": info_dict.get("description"),
        "author": info.author,
        "license": info.license,
        "languages": list(info.languages),
        "content_hash": pack.digest,
        "imported_at": now,
        "origin": pack.origin,
        "groups": info_dict.get("groups", []),
        "retired_keys": list(info.retired),
    }
    pack_row = session.get(PackRow, info.id)
    if pack_row is None:
        session.add(PackRow(id=info.id, **pack_values))
    else:
        for name, value in pack_values.items():
            setattr(pack_row, name, value)
    session.flush()

    topics = _upsert_topics(session, info)
    topic_ids = {key: row.id for key, row in topics.items()}
    next_slot = {key: row.slot_count for key, row in topics.items()}

    def take_slot(topic_key: str) -> int:
        slot = next_slot[topic_key]
        next_slot[topic_key] = slot + 1
        return slot

    current = (
        {}
        if plan.kind is ImportKind.NEW
        else places
        if places is not None
        else {
            key: (row_id, topic_id, position)
            for row_id, key, topic_id, position in session.execute(
                select(_Q.id, _Q.key, _Q.topic_id, _Q.position).where(_Q.pack_id == info.id)
            )
        }
    )
    added = set(plan.added)
    # One statement run for many rows (executemany), a chunk at a time, grouped by the
    # columns they set: a statement built per row cost a second per few thousand rows,
    # all of it while holding the bank's write lock; rows built for the whole pack at
    # once cost as much memory again as the pack.
    by_row = update(QUESTION).where(_Q.id == bindparam("row_id"))
    inserts: list[Any] = []
    same_topic: list[dict[str, Any]] = []
    moved: list[dict[str, Any]] = []
    reordered: list[dict[str, Any]] = []

    def flush(rows: list[Any], statement: Any, counted: bool = True) -> None:
        if rows:
            if isinstance(statement, str):
                session.connection().exec_driver_sql(statement, rows)
            else:
                session.execute(statement, rows)
            if counted:
                progress(len(rows))
            rows.clear()

    # SQLite is handed plain tuples: SQLAlchemy's processing of each row's parameters
    # cost as long as SQLite's own insert of it (PostgreSQL keeps SQLAlchemy's batching).
    plain = session.get_bind().dialect.name == "sqlite"
    to_insert: Any = _SQLITE_INSERT if plain else insert(QUESTION)
    for position, question in enumerate(pack.questions):  # pack order: slots follow it
        key = question.key
        if key in added:
            topic_id, slot = topic_ids[question.topic], take_slot(question.topic)
            inserts.append(
                _sqlite_row(info.id, question, topic_id, position, slot)
                if plain
                else {
                    "pack_id": info.id,
                    "key": key,
                    "topic_id": topic_id,
                    "position": position,
                    "slot": slot,
                    "retired": False,
                    **_question_values(question),
                }
            )
            if len(inserts) >= _CHUNK:
                flush(inserts, to_insert)
            continue
        row_id, topic_id, was_at = current[key]
        if key in updated:
            values: dict[str, Any] = {
                "row_id": row_id,
                "position": position,
                "retired": False,
                **_question_values(question),
            }
            new_topic = topic_ids[question.topic]
            if new_topic == topic_id:
                same_topic.append(values)
                if len(same_topic) >= _CHUNK:
                    flush(same_topic, by_row)
            else:
                moved.append(values | {"topic_id": new_topic, "slot": take_slot(question.topic)})
                if len(moved) >= _CHUNK:
                    flush(moved, by_row)
        elif was_at != position:  # keep the order of untouched questions in step too
            reordered.append({"row_id": row_id, "position": position})
            if len(reordered) >= _CHUNK:
                flush(reordered, by_row, counted=False)
    flush(inserts, to_insert)
    flush(same_topic, by_row)
    flush(moved, by_row)
    flush(reordered, by_row, counted=False)
    if plan.retired:
        for start in range(0, len(plan.retired), _CHUNK):
            session.execute(
                update(QUESTION)
                .where(_Q.pack_id == info.id, _Q.key.in_(plan.retired[start : start + _CHUNK]))
                .values(retired=True)
            )
    for topic_key, topic_row in topics.items():
        topic_row.slot_count = next_slot[topic_key]
    if not media_unchanged:
        session.execute(delete(MEDIA).where(MEDIA.c.pack_id == info.id))
        if pack.media:
            session.execute(
                insert(MEDIA),
                [
                    {
                        "pack_id": info.id,
                        "path": path,
                        "sha256": hashlib.sha256(content).hexdigest(),
                        "content": content,
                    }
                    for path, content in sorted(pack.media.items())
                ],
            )
    session.flush()
    progress(1)


def _upsert_topics(session: Session, info: PackInfo) -> dict[str, TopicRow]:
    rows = {
        row.key: row for row in session.scalars(select(TopicRow).where(TOPIC.c.pack_id == info.id))
    }
    for position, topic in enumerate(info.topics):
        row = rows.get(topic.key)
        if row is None:
            row = TopicRow(pack_id=info.id, key=topic.key, title=topic.title.as_dict())
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


@dataclass(frozen=True)
class PackHeader:
    """A pack as the bank holds it, but for its questions and its files' bytes."""

    info: PackInfo
    origin: str
    content_hash: str
    media_sha256: dict[str, str]
    """Path -> SHA-256 (hex) of each of its files."""


def pack_header(session: Session, pack_id: PackId) -> PackHeader | None:
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
    media: dict[str, str] = dict(
        session.execute(
            select(MEDIA.c.path, MEDIA.c.sha256).where(MEDIA.c.pack_id == pack_id)
        ).all()
    )
    return PackHeader(info, row.origin, row.content_hash, media)


def _active(pack_id: PackId) -> Any:
    return (_Q.pack_id == pack_id, _Q.retired.is_(False))


def stored_pack(session: Session, pack_id: PackId) -> Pack | None:
    """The pack as the bank holds it now (active questions, in pack order, with media)."""
    header = pack_header(session, pack_id)
    if header is None:
        return None
    rows = session.execute(
        select(*_QUESTION_COLUMNS).where(*_active(pack_id)).order_by(_Q.position)
    )
    questions = tuple(_stored(r).question for r in rows)
    media: dict[str, bytes] = dict(
        session.execute(
            select(MEDIA.c.path, MEDIA.c.content).where(MEDIA.c.pack_id == pack_id)
        ).all()
    )
    return Pack(header.info, questions, media, header.origin)


def active_hashes(session: Session, pack_id: PackId) -> list[str]:
    """The content hash of each active question of a pack, in the order of ``stored_pack``."""
    return list(
        session.scalars(select(_Q.content_hash).where(*_active(pack_id)).order_by(_Q.position))
    )


_QUESTIONS_BY_ID = select(*_QUESTION_COLUMNS).where(_Q.id.in_(bindparam("ids", expanding=True)))
"""Built once: every answer reads its question."""


def questions_by_id(session: Session, ids: Sequence[QuestionId]) -> list[StoredQuestion]:
    """The questions with these ids, in the order given (unknown ids are left out)."""
    rows = session.execute(_QUESTIONS_BY_ID, {"ids": list(ids)})
    found = {row.id: _stored(row) for row in rows}
    return [found[i] for i in ids if i in found]


def media_content(session: Session, pack_id: PackId, path: str) -> bytes | None:
    """An image of a pack, from the bank (never from disk)."""
    content: bytes | None = session.execute(
        select(MEDIA.c.content).where(MEDIA.c.pack_id == pack_id, MEDIA.c.path == path)
    ).scalar_one_or_none()
    return content
