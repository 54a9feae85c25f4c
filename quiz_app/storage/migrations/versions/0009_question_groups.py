"""question groups that are never drawn together; retired question ids of a pack

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 22:30:00

A pack may put questions that give each other's answers away into a group; the draw
takes at most one question of each group into a quiz, reading ``question.draw_group``
beside the (topic, slot) it probes. The pack keeps the groups it declares and the
question ids it has retired for good, so an export writes them back. Banks from before
hold no groups: every question starts in none, and every pack with none declared.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added columns only: SQLite adds them in place, without rebuilding the tables
    # (which foreign keys from answers and topics would get in the way of).
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("draw_group", sa.String(length=64), nullable=True))
    with op.batch_alter_table("pack", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("groups", sa.JSON(), server_default=sa.text("'[]'"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("retired_keys", sa.JSON(), server_default=sa.text("'[]'"), nullable=False)
        )


def downgrade() -> None:
    # Keeps every question and pack; their groups go, so a draw may again hold two
    # questions of one group until the pack is imported at this revision again.
    with op.batch_alter_table("pack", schema=None) as batch_op:
        batch_op.drop_column("retired_keys")
        batch_op.drop_column("groups")
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_column("draw_group")
