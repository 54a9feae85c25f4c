"""one answer to each question of a quiz

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 23:20:00

A quiz keeps one answer to each of its questions. The app always checked that before
writing, but on a server two computers sending the same answer at once could both pass
the check, and a quiz was scored 200 %. Now the bank itself refuses a second answer
(``uq_answer_session_question``). A bank that already holds such doubles keeps the first
answer of each, the one the quiz was scored by, and drops the later copies. Answers given
outside a quiz (none today) are not affected.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.get_bind().execute(
        sa.text(
            "DELETE FROM answer WHERE session_id IS NOT NULL AND id NOT IN ("
            " SELECT MIN(id) FROM answer WHERE session_id IS NOT NULL"
            " GROUP BY session_id, question_id)"
        )
    )
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            "uq_answer_session_question", ["session_id", "question_id"]
        )


def downgrade() -> None:
    # Keeps every answer; only the bank's own refusal of a second one goes.
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_constraint("uq_answer_session_question", type_="unique")
