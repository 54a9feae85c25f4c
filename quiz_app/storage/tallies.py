"""Figures kept as the bank changes, so that a screen reads a few rows, never a million.

- The class's figures (``learner_figures``, ``question_figures``): the sums the Class
  results screen, the item analysis and the class report show, over finished quizzes.
  ``count_quizzes`` adds a quiz's part in the transaction that finishes it (or merges
  it), and takes away the part of a finished quiz about to gain answers (a merge) before
  they are added; ``class_figures.learner_sums_from_answers`` and
  ``question_sums_from_answers`` sum the same from the answers, the reference the tests
  hold these to.
- The question counts (``question_count``): how many questions each pack holds of each
  topic, type, difficulty and languages, retired or not, counted again for a pack by
  ``recount_questions`` at the end of each import (and so of each editor save).

On a classroom server the question figures are kept one row per class
(``learner.class_role``): a class's computers add to their own class's rows, and row-level
security lets them see and change no other (``storage.server.secure_bank``); the teacher
adds the classes up. A learner's figures follow the learner's own rows.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, text
from sqlmodel import Session

from quiz_app.core.importing import ImportPlan
from quiz_app.storage.dialects import adding_statement
from quiz_app.storage.models import (
    ANSWER,
    LEARNER,
    LEARNER_FIGURES,
    QUESTION,
    QUESTION_COUNT,
    QUESTION_FIGURES,
    QUIZ_SESSION,
)

_S, _A, _L, _Q = QUIZ_SESSION.c, ANSWER.c, LEARNER.c, QUESTION.c

_CHUNK = 500
"""Quizzes per look-up: well under SQLite's limit on bound parameters."""

_LEARNER_SUMS = ("quizzes", "answers", "score", "time_ms")
_QUESTION_SUMS = (
    "answers",
    "score",
    "score_squared",
    "score_times_total",
    "time_ms",
    "attempts",
    "totals",
    "totals_squared",
)


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _adding(session: Session, table: Table, keys: tuple[str, ...], sums: tuple[str, ...]) -> Any:
    """Insert a row of sums, or add them to the row with the same keys."""
    return adding_statement(session.get_bind().dialect.name, table, keys, sums)


def count_quizzes(session: Session, quiz_ids: Collection[int], sign: int = 1) -> None:
    """Add (``sign`` 1) or take away (-1) what those of these quizzes that are finished
    add to the class's figures, as their answers stand now.

    Rows are written in key order (learners, then questions), so two class computers
    finishing quizzes at once on a server take the same rows' locks in the same order.
    """
    ids = sorted(set(quiz_ids))
    quizzes: list[Any] = []
    for batch in _chunks(ids):
        quizzes += session.execute(
            select(_S.id, _S.learner_id, _S.question_ids, func.coalesce(_L.class_role, ""))
            .join(LEARNER, _L.id == _S.learner_id)
            .where(_S.id.in_(batch), _S.finished_at.is_not(None))
        ).all()
    if not quizzes:
        return
    given: dict[int, list[tuple[int, float, int]]] = {}
    for batch in _chunks([row[0] for row in quizzes]):
        for quiz, question, score, time_ms in session.execute(
            select(_A.session_id, _A.question_id, _A.score, _A.time_ms).where(
                _A.session_id.in_(batch)
            )
        ):
            given.setdefault(quiz, []).append((question, float(score), int(time_ms)))
    learners: dict[int, list[Any]] = {}
    questions: dict[tuple[int, str], list[Any]] = {}
    for quiz, learner, question_ids, class_role in quizzes:
        answers = given.get(quiz, [])
        total = sum(score for _, score, _ in answers)
        mine = learners.setdefault(learner, [0, 0, 0.0, 0])
        mine[0] += 1
        mine[1] += len(answers)
        mine[2] += total
        mine[3] += sum(time_ms for _, _, time_ms in answers)
        for question, score, time_ms in answers:
            sums = questions.setdefault((question, class_role), [0, 0.0, 0.0, 0.0, 0, 0, 0.0, 0.0])
            sums[0] += 1
            sums[1] += score
            sums[2] += score * score
            sums[3] += score * total
            sums[4] += time_ms
        for question in question_ids:  # as listed: the figures count each listing
            sums = questions.setdefault(
                (int(question), class_role), [0, 0.0, 0.0, 0.0, 0, 0, 0.0, 0.0]
            )
            sums[5] += 1
            sums[6] += total
            sums[7] += total * total
    session.execute(
        _adding(session, LEARNER_FIGURES, ("learner_id",), _LEARNER_SUMS),
        [
            {
                "learner_id": learner,
                **{n: sign * v for n, v in zip(_LEARNER_SUMS, sums, strict=True)},
            }
            for learner, sums in sorted(learners.items())
        ],
    )
    session.execute(
        _adding(session, QUESTION_FIGURES, ("question_id", "class_role"), _QUESTION_SUMS),
        [
            {
                "class_role": class_role,
                "question_id": question,
                **{n: sign * v for n, v in zip(_QUESTION_SUMS, sums, strict=True)},
            }
            for (question, class_role), sums in sorted(questions.items())
        ],
    )


# -- from scratch: a bank's figures summed from its answers (after bulk writes) ----------
_TOTALS = (
    "(SELECT session_id AS sid, COUNT(*) AS answers, SUM(score) AS total, "
    "SUM(time_ms) AS ms FROM answer WHERE session_id IS NOT NULL GROUP BY session_id)"
)
_ELEMENTS = {
    "sqlite": "json_each(s.question_ids) AS j",
    "postgresql": "LATERAL json_array_elements_text(s.question_ids) AS j(value)",
}
_FILL_LEARNERS = f"""
INSERT INTO learner_figures (learner_id, quizzes, answers, score, time_ms)
SELECT s.learner_id, COUNT(*), COALESCE(SUM(t.answers), 0), COALESCE(SUM(t.total), 0.0),
       COALESCE(SUM(t.ms), 0)
FROM quiz_session s LEFT JOIN {_TOTALS} t ON t.sid = s.id
WHERE s.finished_at IS NOT NULL
GROUP BY s.learner_id
"""
_FILL_CONTAINED = f"""
INSERT INTO question_figures (class_role, question_id, answers, score, score_squared,
    score_times_total, time_ms, attempts, totals, totals_squared)
SELECT COALESCE(l.class_role, ''), CAST(j.value AS INTEGER), 0, 0.0, 0.0, 0.0, 0, COUNT(*),
       SUM(COALESCE(t.total, 0.0)), SUM(COALESCE(t.total, 0.0) * COALESCE(t.total, 0.0))
FROM quiz_session s
JOIN learner l ON l.id = s.learner_id
CROSS JOIN {{elements}}
LEFT JOIN {_TOTALS} t ON t.sid = s.id
WHERE s.finished_at IS NOT NULL
GROUP BY COALESCE(l.class_role, ''), CAST(j.value AS INTEGER)
"""
_FILL_ANSWERED = f"""
INSERT INTO question_figures (class_role, question_id, answers, score, score_squared,
    score_times_total, time_ms, attempts, totals, totals_squared)
SELECT COALESCE(l.class_role, ''), a.question_id, COUNT(*), SUM(a.score),
       SUM(a.score * a.score), SUM(a.score * t.total), SUM(a.time_ms), 0, 0.0, 0.0
FROM {_TOTALS} t
JOIN quiz_session s ON s.id = t.sid
JOIN learner l ON l.id = s.learner_id
JOIN answer a ON a.session_id = t.sid
WHERE s.finished_at IS NOT NULL
GROUP BY COALESCE(l.class_role, ''), a.question_id
ON CONFLICT (question_id, class_role) DO UPDATE SET
    answers = excluded.answers, score = excluded.score,
    score_squared = excluded.score_squared, score_times_total = excluded.score_times_total,
    time_ms = excluded.time_ms
"""


def recount_class_figures(session: Session) -> None:
    """The class's figures summed again from every finished quiz's answers (after rows
    were written other than through the services: a benchmark's bank, a migration)."""
    dialect = session.get_bind().dialect.name
    session.execute(delete(QUESTION_FIGURES))
    session.execute(delete(LEARNER_FIGURES))
    session.execute(text(_FILL_LEARNERS))
    session.execute(text(_FILL_CONTAINED.format(elements=_ELEMENTS[dialect])))
    session.execute(text(_FILL_ANSWERED))


# -- question counts ------------------------------------------------------------------------
_COUNTED = (_Q.pack_id, _Q.topic_id, _Q.type, _Q.difficulty, _Q.languages, _Q.retired)
_COUNT_KEYS = tuple(column.key for column in _COUNTED)


def recount_questions(session: Session, pack_id: str | None = None) -> None:
    """Count a pack's questions again (every pack's when None): one pass over its rows."""
    gone = delete(QUESTION_COUNT)
    counted = select(*_COUNTED, func.count()).group_by(*_COUNTED)
    if pack_id is not None:
        gone = gone.where(QUESTION_COUNT.c.pack_id == bindparam("pack"))
        counted = counted.where(_Q.pack_id == bindparam("pack"))
    values = {} if pack_id is None else {"pack": pack_id}
    session.execute(gone, values)
    session.execute(
        insert(QUESTION_COUNT).from_select([*_COUNT_KEYS, "questions"], counted), values
    )


@dataclass(frozen=True)
class CountingImport:
    """What an import is about to change in its pack's counts (``uncount_import``)."""

    pack_id: str
    keys: tuple[str, ...]
    """The questions it adds, changes, brings back or retires."""
    whole_pack: bool
    """So many that counting the pack again costs less than following each."""


def uncount_import(session: Session, plan: ImportPlan) -> CountingImport:
    """Before an import writes ``plan``: take the questions it will change out of the
    counts, as they stand. ``count_import`` puts them back in after, as they are then;
    the cost follows the change (one question edited: one row looked up), except for a
    pack new or mostly rewritten, which is counted again whole."""
    keys = tuple(sorted({*plan.added, *plan.changed, *plan.restored, *plan.retired}))
    c = QUESTION_COUNT.c
    held = session.execute(
        select(func.coalesce(func.sum(c.questions), 0)).where(c.pack_id == plan.pack_id)
    ).scalar_one()
    change = CountingImport(plan.pack_id, keys, whole_pack=4 * len(keys) > int(held))
    if not change.whole_pack:
        _count_keys(session, change, -1)
    return change


def count_import(session: Session, change: CountingImport) -> None:
    """After the import wrote its rows: its questions back into the counts."""
    if change.whole_pack:
        recount_questions(session, change.pack_id)
    else:
        _count_keys(session, change, 1)


def _count_keys(session: Session, change: CountingImport, sign: int) -> None:
    found: dict[tuple[Any, ...], int] = {}
    for start in range(0, len(change.keys), _CHUNK):
        for *group, count in session.execute(
            select(*_COUNTED, func.count())
            .where(_Q.pack_id == change.pack_id, _Q.key.in_(change.keys[start : start + _CHUNK]))
            .group_by(*_COUNTED)
        ):
            found[tuple(group)] = found.get(tuple(group), 0) + int(count)
    if not found:
        return
    session.execute(
        _adding(session, QUESTION_COUNT, _COUNT_KEYS, ("questions",)),
        [
            {**dict(zip(_COUNT_KEYS, group, strict=True)), "questions": sign * count}
            for group, count in sorted(found.items())
        ],
    )
    if sign < 0:  # a count that reached 0 is no count: gone, as from a recount
        c = QUESTION_COUNT.c
        session.execute(delete(QUESTION_COUNT).where(c.pack_id == change.pack_id, c.questions <= 0))


def question_counts(session: Session) -> list[Any]:
    """Every kept count: (pack id, topic id, type, difficulty, languages, retired, questions)."""
    c = QUESTION_COUNT.c
    return list(
        session.execute(
            select(c.pack_id, c.topic_id, c.type, c.difficulty, c.languages, c.retired, c.questions)
        ).all()
    )


def counts_by(
    session: Session, column: str, *, retired: bool = False
) -> list[tuple[str, Any, int]]:
    """(pack id, value, questions) for each value of ``column`` (``topic_id``, ``type``,
    ``difficulty``, ``languages``, or ``pack_id`` for a pack's total) among the questions
    retired or not: summed in the database over the kept counts."""
    c = QUESTION_COUNT.c
    value = c[column]
    return [
        (str(pack), found, int(count))
        for pack, found, count in session.execute(
            select(c.pack_id, value, func.sum(c.questions))
            .where(c.retired.is_(retired))
            .group_by(c.pack_id, value)
        )
    ]


def active_questions_by_topic(session: Session) -> dict[int, int]:
    """Topic id -> its questions not retired."""
    c = QUESTION_COUNT.c
    return {
        int(topic): int(count)
        for topic, count in session.execute(
            select(c.topic_id, func.sum(c.questions))
            .where(c.retired.is_(False))
            .group_by(c.topic_id)
        )
    }
