"""the class a learner belongs to on a classroom server

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 03:30:00

On a classroom server every class's computers connect with their own database role, and
row-level security lets them see only their own class's learners (and those learners'
quizzes, answers and schedules). ``learner.class_role`` says which class a learner is in:
the role of the computer that added them (``quiz-app server init`` and ``server upgrade``
make that the column's default on the server). On a computer's own SQLite bank it stays
empty and means nothing.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.add_column(sa.Column("class_role", sa.String(length=63), nullable=True))
        batch_op.create_index("ix_learner_class_role", ["class_role"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":  # the class policy reads the column
        op.execute("DROP POLICY IF EXISTS class_rows ON learner")
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.drop_index("ix_learner_class_role")
        batch_op.drop_column("class_role")
