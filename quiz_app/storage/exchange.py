"""Repository side of exporting and merging learners' results (docs/results-file.md).

Rows are translated to and from ``core.exchange`` entries here: row ids never leave
the bank, pack and question keys do.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import insert, select, update
from sqlmodel import Session

from quiz_app.core.exchange import (
    AnswerEntry,
    BankSession,
    LearnerEntry,
    QuestionRef,
    SessionEntry,
    TopicRef,
)
from quiz_app.core.ids import (
    LearnerId,
    PackId,
    QuestionId,
    QuestionKey,
    QuizSessionId,
    TopicId,
    TopicKey,
)
from quiz_app.core.learners import Learner
from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.storage.dialects import insert_ignoring
from quiz_app.storage.models import (
    ANSWER,
    LEARNER,
    PACK,
    QUESTION,
    QUIZ_SESSION,
    TOPIC,
    new_uid,
)

_A, _S, _L, _Q, _T = ANSWER.c, QUIZ_SESSION.c, LEARNER.c, QUESTION.c, TOPIC.c

# Well under SQLite's limit on bound parameters in one statement.
_CHUNK = 500

T = TypeVar("T")


def _chunks(items: Iterable[T]) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def learner_by_id(session: Session, learner_id: LearnerId) -> Learner | None:
    row = session.execute(
        select(_L.id, _L.name, _L.colour, _L.language, _L.uid).where(_L.id == learner_id)
    ).first()
    if row is None:
        return None
    return Learner(LearnerId(row.id), row.name, row.colour, row.language, row.uid)


def learners_named(session: Session, names: Sequence[str] | None) -> list[Learner]:
    """The learners with these names (every learner when None), by name."""
    query = select(_L.id, _L.name, _L.colour, _L.language, _L.uid).order_by(_L.name)
    if names is not None:
        query = query.where(_L.name.in_(list(names)))
    return [
        Learner(LearnerId(r.id), r.name, r.colour, r.language, r.uid)
        for r in session.execute(query)
    ]


def _question_refs(session: Session, ids: Iterable[int]) -> dict[int, QuestionRef]:
    found: dict[int, QuestionRef] = {}
    for batch in _chunks(set(ids)):
        for row in session.execute(select(_Q.id, _Q.pack_id, _Q.key).where(_Q.id.in_(batch))):
            found[row.id] = (PackId(row.pack_id), QuestionKey(row.key))
    return found


def _topic_refs(session: Session, ids: Iterable[int]) -> dict[int, TopicRef]:
    found: dict[int, TopicRef] = {}
    for batch in _chunks(set(ids)):
        for row in session.execute(select(_T.id, _T.pack_id, _T.key).where(_T.id.in_(batch))):
            found[row.id] = (PackId(row.pack_id), TopicKey(row.key))
    return found


def sessions_for_export(
    session: Session,
    learners: Sequence[LearnerId],
    only: Sequence[QuizSessionId] | None = None,
) -> list[SessionEntry]:
    """The quizzes of these learners (``only`` these, when given), oldest first."""
    query = (
        select(QUIZ_SESSION, _L.name)
        .join(LEARNER, _L.id == _S.learner_id)
        .where(_S.learner_id.in_(list(learners)))
        .order_by(_S.id)
    )
    if only is not None:
        query = query.where(_S.id.in_(list(only)))
    rows = session.execute(query).all()
    questions = _question_refs(
        session, (q for row in rows for q in [*row.question_ids, *row.flagged])
    )
    settings = [QuizSettings.from_dict(row.settings) for row in rows]
    topics = _topic_refs(session, (t for s in settings for t in s.topic_ids))
    return [
        SessionEntry(
            uid=row.uid,
            learner=row.name,
            mode=QuizMode(row.mode),
            count=chosen.count,
            pack_ids=chosen.pack_ids,
            topics=tuple(topics[t] for t in chosen.topic_ids if t in topics),
            difficulties=tuple(sorted(chosen.difficulties)),
            types=tuple(sorted(chosen.types)),
            time_limit_s=chosen.time_limit_s,
            questions=tuple(questions[q] for q in row.question_ids if q in questions),
            flagged=tuple(questions[q] for q in row.flagged if q in questions),
            started_at=row.started_at,
            finished_at=row.finished_at,
            orders=_orders(row.orders, [q for q in row.question_ids if q in questions]),
            abandoned_at=row.abandoned_at,
        )
        for row, chosen in zip(rows, settings, strict=True)
    ]


def _orders(
    stored: Mapping[str, list[str]], question_ids: list[int]
) -> tuple[tuple[str, ...], ...]:
    """The stored orders as one tuple per exported question (``()`` when it has none)."""
    if not stored:
        return ()
    return tuple(tuple(stored.get(str(q), ())) for q in question_ids)


def answers_for_export(session: Session, learners: Sequence[LearnerId]) -> Iterator[AnswerEntry]:
    """The answer log of these learners, in the order it was written, streamed."""
    query = (
        select(
            _A.uid,
            _S.uid.label("session_uid"),
            _L.name,
            _Q.pack_id,
            _Q.key,
            _A.given,
            _A.score,
            _A.time_ms,
            _A.answered_at,
        )
        .join(LEARNER, _L.id == _A.learner_id)
        .join(QUESTION, _Q.id == _A.question_id)
        .outerjoin(QUIZ_SESSION, _S.id == _A.session_id)
        .where(_A.learner_id.in_(list(learners)))
        .order_by(_A.id)
    )
    for row in session.execute(query.execution_options(yield_per=5_000)):
        yield AnswerEntry(
            uid=row.uid,
            session=row.session_uid,
            learner=row.name,
            question=(PackId(row.pack_id), QuestionKey(row.key)),
            given=row.given,
            score=float(row.score),
            time_ms=int(row.time_ms),
            answered_at=row.answered_at,
        )


def packs_present(session: Session, pack_ids: Collection[PackId]) -> set[PackId]:
    found: set[PackId] = set()
    for batch in _chunks(pack_ids):
        found.update(
            PackId(p) for p in session.scalars(select(PACK.c.id).where(PACK.c.id.in_(batch)))
        )
    return found


def questions_of_packs(
    session: Session, pack_ids: Collection[PackId]
) -> dict[QuestionRef, tuple[QuestionId, QuestionType]]:
    """Every question of these packs (retired ones too: old answers still point at them)."""
    found: dict[QuestionRef, tuple[QuestionId, QuestionType]] = {}
    for batch in _chunks(pack_ids):
        for row in session.execute(
            select(_Q.id, _Q.pack_id, _Q.key, _Q.type).where(_Q.pack_id.in_(batch))
        ):
            found[PackId(row.pack_id), QuestionKey(row.key)] = (
                QuestionId(row.id),
                QuestionType(row.type),
            )
    return found


def topics_of_packs(session: Session, pack_ids: Collection[PackId]) -> dict[TopicRef, TopicId]:
    found: dict[TopicRef, TopicId] = {}
    for batch in _chunks(pack_ids):
        for row in session.execute(select(_T.id, _T.pack_id, _T.key).where(_T.pack_id.in_(batch))):
            found[PackId(row.pack_id), TopicKey(row.key)] = TopicId(row.id)
    return found


def add_learners(
    session: Session, learners: Sequence[LearnerEntry], now: datetime
) -> dict[str, LearnerId]:
    """New learners in one statement (a merge may bring a whole school), by name. The
    names are known to be free: the caller looked them up in the same transaction."""
    if not learners:
        return {}
    session.execute(
        insert(LEARNER),
        [
            {
                "name": learner.name,
                "colour": learner.colour,
                "language": learner.language,
                "created_at": now,
                "uid": learner.uid or new_uid(),
            }
            for learner in learners
        ],
    )
    return learner_ids(session, [learner.name for learner in learners])


def learners_by_uid(session: Session, uids: Collection[str]) -> dict[str, tuple[LearnerId, str]]:
    """uid -> (id, name) of the learners among ``uids`` that the bank holds."""
    found: dict[str, tuple[LearnerId, str]] = {}
    for batch in _chunks(uids):
        for row in session.execute(select(_L.id, _L.name, _L.uid).where(_L.uid.in_(batch))):
            found[row.uid] = (LearnerId(row.id), row.name)
    return found


def learners_by_name(session: Session, names: Collection[str]) -> dict[str, tuple[LearnerId, str]]:
    """name -> (id, uid) of the learners among ``names`` that the bank holds."""
    found: dict[str, tuple[LearnerId, str]] = {}
    for batch in _chunks(names):
        query = select(_L.id, _L.name, _L.uid).where(_L.name.in_(batch))
        for row in session.execute(query):
            found[row.name] = (LearnerId(row.id), row.uid)
    return found


def learner_ids(session: Session, names: Collection[str]) -> dict[str, LearnerId]:
    found: dict[str, LearnerId] = {}
    for batch in _chunks(names):
        for row in session.execute(select(_L.id, _L.name).where(_L.name.in_(batch))):
            found[row.name] = LearnerId(row.id)
    return found


def sessions_by_uid(session: Session, uids: Collection[str]) -> dict[str, BankSession]:
    """The quizzes among ``uids`` that the bank already holds."""
    rows: list[Any] = []
    for batch in _chunks(uids):
        rows.extend(
            session.execute(
                select(_S.id, _S.uid, _S.question_ids, _S.finished_at, _S.abandoned_at, _L.name)
                .join(LEARNER, _L.id == _S.learner_id)
                .where(_S.uid.in_(batch))
            )
        )
    refs = _question_refs(session, (q for row in rows for q in row.question_ids))
    return {
        row.uid: BankSession(
            QuizSessionId(row.id),
            row.name,
            frozenset(refs[q] for q in row.question_ids if q in refs),
            row.finished_at is not None,
            row.abandoned_at is not None,
        )
        for row in rows
    }


def answer_learners(session: Session, uids: Collection[str]) -> dict[str, str]:
    """uid -> learner name, for the answers among ``uids`` that the bank already holds."""
    found: dict[str, str] = {}
    for batch in _chunks(uids):
        for row in session.execute(
            select(_A.uid, _L.name).join(LEARNER, _L.id == _A.learner_id).where(_A.uid.in_(batch))
        ):
            found[row.uid] = row.name
    return found


def add_sessions(
    session: Session,
    entries: Sequence[SessionEntry],
    learners: Mapping[str, LearnerId],
    questions: Mapping[QuestionRef, QuestionId],
    topics: Mapping[TopicRef, TopicId],
) -> dict[str, QuizSessionId]:
    """Insert these quizzes; uid -> the new row id."""
    if not entries:
        return {}
    session.execute(
        insert(QUIZ_SESSION),
        [
            {
                "uid": e.uid,
                "learner_id": learners[e.learner],
                "mode": e.mode.value,
                "settings": QuizSettings(
                    mode=e.mode,
                    count=e.count,
                    pack_ids=e.pack_ids,
                    topic_ids=tuple(topics[t] for t in e.topics),
                    difficulties=frozenset(e.difficulties),
                    types=frozenset(e.types),
                    time_limit_s=e.time_limit_s,
                ).as_dict(),
                "question_ids": [questions[q] for q in e.questions],
                "flagged": sorted(questions[q] for q in e.flagged),
                "orders": {
                    str(questions[q]): list(order)
                    for q, order in zip(e.questions, e.orders, strict=False)
                    if order
                },
                "started_at": e.started_at,
                "finished_at": e.finished_at,
                "abandoned_at": e.abandoned_at,
            }
            for e in entries
        ],
    )
    found: dict[str, QuizSessionId] = {}
    for batch in _chunks(e.uid for e in entries):
        for row in session.execute(select(_S.id, _S.uid).where(_S.uid.in_(batch))):
            found[row.uid] = QuizSessionId(row.id)
    return found


def answered_in(
    session: Session, quizzes: Collection[QuizSessionId]
) -> set[tuple[QuizSessionId, QuestionId]]:
    """(quiz, question) for every answer these quizzes already hold."""
    found: set[tuple[QuizSessionId, QuestionId]] = set()
    for batch in _chunks(quizzes):
        rows = session.execute(
            select(_A.session_id, _A.question_id).where(_A.session_id.in_(batch))
        )
        found.update((QuizSessionId(r.session_id), QuestionId(r.question_id)) for r in rows)
    return found


def add_answers(
    session: Session,
    entries: Sequence[AnswerEntry],
    learners: Mapping[str, LearnerId],
    questions: Mapping[QuestionRef, QuestionId],
    sessions: Mapping[str, QuizSessionId],
) -> None:
    """Append these answers to the log, in the order given. An answer to a question its
    quiz already holds an answer to (the file checks its own; this is one in the bank)
    is left out: a quiz keeps its first answer."""
    for batch in _chunks(entries):
        session.execute(
            insert_ignoring(session, ANSWER, ("session_id", "question_id")),
            [
                {
                    "uid": e.uid,
                    "learner_id": learners[e.learner],
                    "question_id": questions[e.question],
                    "session_id": None if e.session is None else sessions[e.session],
                    "given": e.given,
                    "score": e.score,
                    "time_ms": e.time_ms,
                    "answered_at": e.answered_at,
                }
                for e in batch
            ],
        )


def abandon_session(session: Session, session_id: QuizSessionId, abandoned_at: datetime) -> None:
    """Record that a quiz the bank held unfinished was given up."""
    session.execute(
        update(QUIZ_SESSION).where(_S.id == session_id).values(abandoned_at=abandoned_at)
    )


def finish_session(
    session: Session, session_id: QuizSessionId, finished_at: datetime, flagged: list[QuestionId]
) -> None:
    """Record the end of a quiz the bank held unfinished."""
    session.execute(
        update(QUIZ_SESSION)
        .where(_S.id == session_id)
        .values(finished_at=finished_at, flagged=sorted(flagged))
    )
