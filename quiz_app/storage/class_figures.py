"""The class's figures: by learner, by question, by pack.

Only finished quizzes count (given-up and unfinished ones do not). ``learner_sums`` and
``question_sums`` read the sums kept as quizzes finish (``storage.tallies``, migration
0013): one row per learner, and one per question and class, whatever the number of
answers.

``learner_sums_from_answers`` and ``question_sums_from_answers`` sum the same from the
answers themselves, the reference the kept sums are held to: two aggregate statements
over the answers of finished quizzes, read through the answer table's ``(session_id,
question_id, score, time_ms)`` index alone (migration 0012), so no finished quiz is
loaded into Python. Over a million answers they take seconds, which is why the sums are
kept.

Item analysis needs, for each question, sums over the finished quizzes that *contained*
it (an unanswered question counts as 0, as in Moodle): which quizzes contained which
questions is the quiz's ``question_ids`` list, opened in SQL (``json_each`` on SQLite,
``json_array_elements_text`` on PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

from quiz_app.storage.results import TITLED, label_of

_TOTALS = """
totals AS (
    SELECT g.sid, g.answers, g.total, g.ms
    FROM (
        SELECT session_id AS sid, COUNT(*) AS answers, SUM(score) AS total, SUM(time_ms) AS ms
        FROM answer WHERE session_id IS NOT NULL
        GROUP BY session_id
    ) AS g
    JOIN quiz_session s ON s.id = g.sid
    WHERE s.finished_at IS NOT NULL
)"""
"""Each finished quiz's answers: how many, their total score, their time. Summed first
and filtered after: one pass along the index, with no look-up of a quiz per answer."""

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

_ELEMENTS = {
    "sqlite": "json_each(s.question_ids) AS j",
    "postgresql": "LATERAL json_array_elements_text(s.question_ids) AS j(value)",
}

_QUESTIONS = """
WITH {totals}
SELECT 'answered', a.question_id, COUNT(*), SUM(a.score), SUM(a.score * a.score),
       SUM(a.score * t.total), SUM(a.time_ms)
FROM totals t JOIN answer a ON a.session_id = t.sid
GROUP BY a.question_id
UNION ALL
SELECT 'contained', CAST(j.value AS INTEGER), COUNT(*), SUM(COALESCE(t.total, 0.0)),
       SUM(COALESCE(t.total, 0.0) * COALESCE(t.total, 0.0)), 0.0, 0
FROM quiz_session s
CROSS JOIN {elements}
LEFT JOIN totals t ON t.sid = s.id
WHERE s.finished_at IS NOT NULL
GROUP BY CAST(j.value AS INTEGER)
"""
"""Per question, in one statement so that the quizzes' totals are summed once: its
answers (how many, the sums of score, score squared, score times its quiz's total, and
time), and the finished quizzes that contained it (how many, the sums of their totals
and of their totals squared)."""


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
    """One row per learner with a finished quiz, by name, as kept."""
    return [
        LearnerSums(str(name), int(quizzes), int(answers), float(score), int(ms))
        for name, quizzes, answers, score, ms in session.execute(text(_KEPT_LEARNERS))
    ]


def question_sums(session: Session) -> list[QuestionSums]:
    """One row per question answered in, or part of, a finished quiz, as kept (every
    class's rows added up)."""
    return [
        QuestionSums(
            int(q), int(n), float(s1), float(s2), float(st), int(ms), int(a), float(t1), float(t2)
        )
        for q, n, s1, s2, st, ms, a, t1, t2 in session.execute(text(_KEPT_QUESTIONS))
    ]


def labelled_question_sums(
    session: Session,
) -> list[tuple[QuestionSums, tuple[str, str] | None]]:
    """``question_sums``, each with its question's (pack id, label) as
    ``results.question_labels`` gives them, or None for a question no longer in the bank:
    one statement, so the questions are looked up in the same pass."""
    found = []
    for row in session.execute(text(_KEPT_LABELLED), {"titled": TITLED}):
        q, pack, key, content, n, s1, s2, st, ms, a, t1, t2 = row
        sums = QuestionSums(
            int(q), int(n), float(s1), float(s2), float(st), int(ms), int(a), float(t1), float(t2)
        )
        found.append((sums, None if pack is None else (str(pack), label_of(key, content))))
    return found


_KEPT_LEARNERS = """
SELECT l.name, f.quizzes, f.answers, f.score, f.time_ms
FROM learner_figures f JOIN learner l ON l.id = f.learner_id
WHERE f.quizzes > 0
ORDER BY l.name
"""

_KEPT_SUMS = """
SELECT question_id, SUM(answers) AS answers, SUM(score) AS score,
       SUM(score_squared) AS score_squared, SUM(score_times_total) AS score_times_total,
       SUM(time_ms) AS time_ms, SUM(attempts) AS attempts, SUM(totals) AS totals,
       SUM(totals_squared) AS totals_squared
FROM question_figures
GROUP BY question_id
HAVING SUM(answers) > 0 OR SUM(attempts) > 0
"""
"""Every class's rows of a question added up (off a server there is one class)."""

_KEPT_QUESTIONS = f"{_KEPT_SUMS} ORDER BY question_id"

_KEPT_LABELLED = f"""
SELECT f.question_id, q.pack_id, q.key,
       CASE WHEN q.content LIKE :titled THEN q.content END,
       f.answers, f.score, f.score_squared, f.score_times_total, f.time_ms, f.attempts,
       f.totals, f.totals_squared
FROM ({_KEPT_SUMS}) AS f
LEFT JOIN question q ON q.id = f.question_id
"""


def learner_sums_from_answers(session: Session) -> list[LearnerSums]:
    """``learner_sums`` summed from the answers (the reference)."""
    return [
        LearnerSums(str(name), int(quizzes), int(answers), float(score), int(ms))
        for name, quizzes, answers, score, ms in session.execute(text(_LEARNERS))
    ]


def question_sums_from_answers(session: Session) -> list[QuestionSums]:
    """``question_sums`` summed from the answers (the reference)."""
    dialect = session.get_bind().dialect.name
    answered: dict[int, tuple[int, float, float, float, int]] = {}
    contained: dict[int, tuple[int, float, float]] = {}
    statement = text(_QUESTIONS.format(totals=_TOTALS, elements=_ELEMENTS[dialect]))
    for part, q, n, s1, s2, st, ms in session.execute(statement):
        if part == "answered":
            answered[int(q)] = (int(n), float(s1), float(s2), float(st), int(ms))
        else:
            contained[int(q)] = (int(n), float(s1), float(s2))
    return [
        QuestionSums(q, *answered.get(q, (0, 0.0, 0.0, 0.0, 0)), *contained.get(q, (0, 0.0, 0.0)))
        for q in sorted(answered.keys() | contained.keys())
    ]
