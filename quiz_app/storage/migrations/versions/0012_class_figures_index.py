"""the answers of a quiz indexed with their score and time, for the class's figures

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 03:15:00

Class results, item analysis and the class report are summed in the database over the
answers of finished quizzes (``storage.class_figures``). An index on ``(session_id,
question_id, score, time_ms)`` lets those sums read the index alone, never the answer rows
with their ``given`` JSON. It takes the place of the index on ``session_id`` alone, which
it covers (as does the unique ``(session_id, question_id)``), so an answer written keeps
the same number of indexes to update.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Indexes only: no table is rebuilt.
    op.create_index(
        "ix_answer_session_figures",
        "answer",
        ["session_id", "question_id", "score", "time_ms"],
        unique=False,
    )
    op.drop_index("ix_answer_session_id", table_name="answer")


def downgrade() -> None:
    op.create_index("ix_answer_session_id", "answer", ["session_id"], unique=False)
    op.drop_index("ix_answer_session_figures", table_name="answer")
