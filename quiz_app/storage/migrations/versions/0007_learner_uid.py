"""a stable id for each learner

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 19:45:00

``learner.uid`` is drawn when a learner is created and travels in exported results, so a
merge tells two learners of one name apart: "Ada" of one computer and "Ada" of another
are no longer merged into one. Learners from before get one each now.
"""

from collections.abc import Sequence
from uuid import uuid4

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uid", sa.String(length=32), nullable=True))
    bind = op.get_bind()
    for (row_id,) in bind.execute(sa.text("SELECT id FROM learner")).all():
        bind.execute(
            sa.text("UPDATE learner SET uid = :uid WHERE id = :id"),
            {"uid": uuid4().hex, "id": row_id},
        )
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.alter_column("uid", existing_type=sa.String(length=32), nullable=False)
        batch_op.create_unique_constraint("uq_learner_uid", ["uid"])


def downgrade() -> None:
    # Keeps every learner; their uids go (an upgrade draws new ones).
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.drop_constraint("uq_learner_uid", type_="unique")
        batch_op.drop_column("uid")
