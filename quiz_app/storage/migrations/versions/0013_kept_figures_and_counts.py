"""the class's figures and the packs' question counts, kept rather than recounted

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 09:40:00

Class results summed a million answers on each look (seconds), and listing the packs
counted every question (most of a second at 100,000). Three tables keep those sums as
the bank changes (``storage.tallies``): ``learner_figures`` (a learner's finished
quizzes), ``question_figures`` (a question's item-analysis sums over finished quizzes,
one row per class so that a classroom server's class computers add to their own class's
rows only) and ``question_count`` (each pack's questions by topic, type, difficulty,
languages and retirement). They are filled here from the bank's answers and questions,
with the sums of the statements the app used before (frozen here, as a migration must
be).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TOTALS = (
    "(SELECT session_id AS sid, COUNT(*) AS answers, SUM(score) AS total, "
    "SUM(time_ms) AS ms FROM answer WHERE session_id IS NOT NULL GROUP BY session_id)"
)
_ELEMENTS = {
    "sqlite": "json_each(s.question_ids) AS j",
    "postgresql": "LATERAL json_array_elements_text(s.question_ids) AS j(value)",
}
_FILL = (
    f"""
INSERT INTO learner_figures (learner_id, quizzes, answers, score, time_ms)
SELECT s.learner_id, COUNT(*), COALESCE(SUM(t.answers), 0), COALESCE(SUM(t.total), 0.0),
       COALESCE(SUM(t.ms), 0)
FROM quiz_session s LEFT JOIN {_TOTALS} t ON t.sid = s.id
WHERE s.finished_at IS NOT NULL
GROUP BY s.learner_id
""",
    f"""
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
""",
    f"""
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
""",
    """
INSERT INTO question_count (pack_id, topic_id, type, difficulty, languages, retired, questions)
SELECT pack_id, topic_id, type, difficulty, languages, retired, COUNT(*)
FROM question
GROUP BY pack_id, topic_id, type, difficulty, languages, retired
""",
)


def upgrade() -> None:
    op.create_table(
        "learner_figures",
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("quizzes", sa.Integer(), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("time_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"]),
        sa.PrimaryKeyConstraint("learner_id"),
    )
    op.create_table(
        "question_figures",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("class_role", sa.String(length=63), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("score_squared", sa.Float(), nullable=False),
        sa.Column("score_times_total", sa.Float(), nullable=False),
        sa.Column("time_ms", sa.BigInteger(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("totals", sa.Float(), nullable=False),
        sa.Column("totals_squared", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("question_id", "class_role"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "question_count",
        sa.Column("pack_id", sa.String(length=64), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("difficulty", sa.Integer(), nullable=False),
        sa.Column("languages", sa.String(length=32), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("questions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["pack_id"], ["pack.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pack_id", "topic_id", "type", "difficulty", "languages", "retired"),
    )
    elements = _ELEMENTS[op.get_bind().dialect.name]
    for statement in _FILL:
        op.execute(statement.replace("{elements}", elements))


def downgrade() -> None:
    # Sums of the answers and questions, which stay: an older app recounts them.
    op.drop_table("question_count")
    op.drop_table("question_figures")
    op.drop_table("learner_figures")
