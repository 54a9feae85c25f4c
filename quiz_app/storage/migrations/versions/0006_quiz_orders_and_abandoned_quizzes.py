"""the order each quiz shows its choices in; quizzes given up

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 16:00:00

``orders`` maps each question of a quiz to the order its choices, items or partners
are shown in, drawn when the quiz starts. Quizzes from before have none (``{}``) and
keep showing the written order, as they did (ordering and matching rotated, see
``core.shuffle.displayed_order``). ``abandoned_at`` marks a quiz the learner gave up:
no longer offered to resume, not counted as finished, its answers kept in the log.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import quiz_app.storage.models

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("quiz_session", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("orders", sa.JSON(), server_default=sa.text("'{}'"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("abandoned_at", quiz_app.storage.models.UTCDateTime(), nullable=True)
        )


def downgrade() -> None:
    # Keeps every quiz; the orders go (the older app shows the written order) and a
    # quiz given up becomes an unfinished one again, offered to resume.
    with op.batch_alter_table("quiz_session", schema=None) as batch_op:
        batch_op.drop_column("abandoned_at")
        batch_op.drop_column("orders")
