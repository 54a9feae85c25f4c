"""The class's figures summed in the database: by learner, by question, by pack.

Only finished quizzes count (given-up and unfinished ones do not). Three aggregate
queries over the answers of finished quizzes, read through the answer table's
``(session_id, question_id, score, time_ms)`` index (migration 0011), so no finished quiz
is loaded into Python: what comes back is one row per learner and one per question.

Item analysis needs, for each question, sums over the finished quizzes that *contained*
it (an unanswered question counts as 0, as in Moodle): which quizzes contained which
questions is the quiz's ``question_ids`` list, opened in SQL (``json_each`` on SQLite,
``json_array_elements_text`` on PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

_TOTALS = """
totals AS (
    SELECT a.session_id AS sid, COUNT(*) AS answers, SUM(a.score) AS total,
           SUM(a.time_ms) AS ms
    FROM answer a JOIN quiz_session s ON s.id = a.session_id
    WHERE s.finished_at IS NOT NULL
    GROUP BY a.session_id
)"""
"""Each finished quiz's answers: how many, their total score, their time."""

_LEARNERS = f"""
WITH {_TOTALS}
SELECT l.name, COUNT(*), COALESCE(SUM(t.answers), 0), COALESCE(SUM(t.total), 0),
       COALESCE(SUM(t.ms), 0)
FROM quiz_session s
JOIN learner l ON l.id = s.learner_id
LEFT JOIN totals t ON t.sid = s.id
WHERE s.finished_at IS NOT NULL
GROUP BY l.id, l.name
"""

_ANSWERED = f"""
WITH {_TOTALS}
SELECT a.question_id, COUNT(*), SUM(a.score), SUM(a.score * a.score), SUM(a.score * t.total),
       SUM(a.time_ms)
FROM answer a JOIN totals t ON t.sid = a.session_id
GROUP BY a.question_id
"""

_ELEMENTS = {
    "sqlite": "json_each(s.question_ids) AS j",
    "postgresql": "LATERAL json_array_elements_text(s.question_ids) AS j(value)",
}

_CONTAINED = """
WITH {totals}
SELECT CAST(j.value AS INTEGER) AS qid, COUNT(*), SUM(COALESCE(t.total, 0.0)),
       SUM(COALESCE(t.total, 0.0) * COALESCE(t.total, 0.0))
FROM quiz_session s
CROSS JOIN {elements}
LEFT JOIN totals t ON t.sid = s.id
WHERE s.finished_at IS NOT NULL
GROUP BY CAST(j.value AS INTEGER)
"""


@dataclass(frozen=True)
class LearnerSums:
    name: str
    quizzes: int
    answers: int
    score: float
    """The sum of the scores (0..1 each)."""
    time_ms: int


@dataclass(frozen=True)
class QuestionSums:
    """One question over the finished quizzes: its answers, and the quizzes it was in."""

    question_id: int
    answers: int
    score: float
    score_squared: float
    score_times_total: float
    """Sum over its answers of the score times that quiz's total score."""
    time_ms: int
    attempts: int
    """Finished quizzes that contained it, answered or not (0: none did)."""
    totals: float
    """Sum of those quizzes' total scores."""
    totals_squared: float


def learner_sums(session: Session) -> list[LearnerSums]:
    """One row per learner with a finished quiz (in no particular order)."""
    return [
        LearnerSums(str(name), int(quizzes), int(answers), float(score), int(ms))
        for name, quizzes, answers, score, ms in session.execute(text(_LEARNERS))
    ]


def question_sums(session: Session) -> list[QuestionSums]:
    """One row per question answered in, or part of, a finished quiz."""
    answered = {
        int(q): (int(n), float(s), float(s2), float(st), int(ms))
        for q, n, s, s2, st, ms in session.execute(text(_ANSWERED))
    }
    dialect = session.get_bind().dialect.name
    contained_sql = _CONTAINED.format(totals=_TOTALS, elements=_ELEMENTS[dialect])
    contained = {
        int(q): (int(n), float(t), float(t2))
        for q, n, t, t2 in session.execute(text(contained_sql))
    }
    return [
        QuestionSums(q, *answered.get(q, (0, 0.0, 0.0, 0.0, 0)), *contained.get(q, (0, 0.0, 0.0)))
        for q in sorted(answered.keys() | contained.keys())
    ]
