"""optional learner passwords

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 22:20:00

A learner on a shared computer may keep a password: asked when the learner is chosen,
so nobody else sees or exports their results. It lives in a table of its own (the
learner table is what every screen reads), as a salted scrypt hash, beside the count of
wrong tries in a row and when the last was given, which slow the next try down.
Learners from before have none.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import quiz_app.storage.models

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "learner_password",
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=200), nullable=False),
        sa.Column("failures", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("failed_at", quiz_app.storage.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"]),
        sa.PrimaryKeyConstraint("learner_id"),
    )


def downgrade() -> None:
    # Keeps every learner; their passwords go (an older app has none to ask).
    op.drop_table("learner_password")
