"""Big banks for the benchmarks, written through the app's own tables.

Rows go in with SQLAlchemy Core ``insert()`` on ``quiz_app.storage.models``' tables, the
bulk path the importer uses (the figures the app keeps as it writes, the question counts
and the class's sums, are then counted by ``storage.tallies``): every column default the
app declares (a row's ``uid``, say) is filled the way the app fills it, and a new NOT NULL
column without a default fails here at once, in the test suite's ``--quick`` run, instead
of rotting unnoticed (as the hand-written SQL of ``progress`` did when answers got their
``uid``).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, text

from quiz_app.storage import Database
from quiz_app.storage.models import (
    ANSWER,
    LEARNER,
    PACK,
    QUESTION,
    QUIZ_SESSION,
    SCHEDULE,
    TOPIC,
)
from quiz_app.storage.tallies import recount_class_figures, recount_questions

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
CHUNK = 20_000
"""Rows per insert: a million answers never sit in memory at once."""


@dataclass(frozen=True)
class BankSize:
    learners: int
    answers_each: int
    questions: int
    topics: int
    quiz_length: int = 20
    """Questions per quiz (class banks only)."""


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pack_and_learners(database: Database, size: BankSize) -> None:
    content = json.dumps(
        {
            "id": "q",
            "type": "true_false",
            "topic": "t0",
            "difficulty": 1,
            "prompt": {"en": "Q?"},
            "answer": True,
        }
    )
    per_topic = max(1, size.questions // size.topics)
    with database.transaction() as session:
        session.execute(
            insert(PACK),
            [
                {
                    "id": "p",
                    "version": "1.0.0",
                    "title": {"en": "P"},
                    "languages": ["en"],
                    "content_hash": "x",
                    "imported_at": NOW,
                }
            ],
        )
        session.execute(
            insert(TOPIC),
            [
                {
                    "id": t + 1,
                    "pack_id": "p",
                    "key": f"t{t}",
                    "title": {"en": f"T{t}"},
                    "position": t,
                    "slot_count": per_topic,
                }
                for t in range(size.topics)
            ],
        )
        session.execute(
            insert(QUESTION),
            [
                {
                    "id": q + 1,
                    "pack_id": "p",
                    "key": f"q{q}",
                    "topic_id": q % size.topics + 1,
                    "type": "true_false",
                    "difficulty": 1 + q % 3,
                    "content": content,
                    "languages": "en",
                    "content_hash": "h",
                    "position": q,
                    "slot": q // size.topics,
                    "retired": False,
                }
                for q in range(size.questions)
            ],
        )
        session.execute(
            insert(LEARNER),
            [
                {
                    "id": i + 1,
                    "name": f"l{i}",
                    "colour": "#000",
                    "language": "en",
                    "created_at": NOW,
                }
                for i in range(size.learners)
            ],
        )
        recount_questions(session)  # as an import keeps them


def _analyze(database: Database) -> None:
    with database.transaction() as session:
        session.execute(text("ANALYZE"))


def build_review_bank(database: Database, size: BankSize, seed: int = 5) -> None:
    """Answers given outside quizzes (reviews), and each learner's schedules."""
    _pack_and_learners(database, size)
    rng = random.Random(seed)
    start = NOW - timedelta(days=365)
    for learner in range(1, size.learners + 1):
        answers = [
            {
                "learner_id": learner,
                "question_id": rng.randrange(1, size.questions + 1),
                "given": True,
                "score": float(rng.random() < 0.7),
                "time_ms": 4000,
                "answered_at": start + timedelta(minutes=n * 50),
            }
            for n in range(size.answers_each)
        ]
        seen = sorted({a["question_id"] for a in answers})
        with database.transaction() as session:
            for chunk in _chunks(iter(answers)):
                session.execute(insert(ANSWER), chunk)
            session.execute(
                insert(SCHEDULE),
                [
                    {
                        "learner_id": learner,
                        "question_id": q,
                        "state": 2,
                        "step": None,
                        "stability": rng.uniform(0.5, 120),
                        "difficulty": 5.0,
                        "due": NOW + timedelta(hours=rng.uniform(-500, 500)),
                        "last_review": NOW - timedelta(days=rng.uniform(0, 60)),
                        "reviews": 5,
                    }
                    for q in seen
                ],
            )
    _analyze(database)


def build_class_bank(database: Database, size: BankSize, seed: int = 7) -> dict[str, int]:
    """A class's quizzes: each learner's answers come in quizzes of ``quiz_length``
    questions; 1 in 20 quizzes given up, 1 in 50 left unfinished, and about 1 question
    in 25 of a finished quiz left unanswered. Returns how many quizzes of each kind."""
    _pack_and_learners(database, size)
    rng = random.Random(seed)
    counts = {"finished": 0, "abandoned": 0, "unfinished": 0}
    start = NOW - timedelta(days=365)
    session_id = 0
    for learner in range(1, size.learners + 1):
        skill = rng.uniform(0.4, 0.95)
        sessions: list[dict[str, Any]] = []
        answers: list[dict[str, Any]] = []
        given = 0
        while given < size.answers_each:
            session_id += 1
            when = start + timedelta(hours=len(sessions) * 3)
            ids = rng.sample(range(1, size.questions + 1), size.quiz_length)
            kind = rng.random()
            state = "abandoned" if kind < 0.05 else "unfinished" if kind < 0.07 else "finished"
            counts[state] += 1
            sessions.append(
                {
                    "id": session_id,
                    "learner_id": learner,
                    "mode": "practice",
                    "settings": {"count": size.quiz_length},
                    "question_ids": ids,
                    "started_at": when,
                    "finished_at": when + timedelta(minutes=20) if state == "finished" else None,
                    "abandoned_at": when + timedelta(minutes=5) if state == "abandoned" else None,
                }
            )
            for n, question in enumerate(ids):
                if given >= size.answers_each:
                    break
                if rng.random() < 0.04:
                    continue  # skipped: it counts as 0 in item analysis
                easy = 1 - (question % 7) / 10
                answers.append(
                    {
                        "learner_id": learner,
                        "question_id": question,
                        "session_id": session_id,
                        "given": True,
                        "score": float(rng.random() < skill * easy),
                        "time_ms": rng.randrange(2000, 60_000),
                        "answered_at": when + timedelta(seconds=30 * n),
                    }
                )
                given += 1
        with database.transaction() as session:
            session.execute(insert(QUIZ_SESSION), sessions)
            for chunk in _chunks(iter(answers)):
                session.execute(insert(ANSWER), chunk)
    with database.transaction() as session:
        recount_class_figures(session)  # as finishing each quiz keeps them
    _analyze(database)
    return counts
