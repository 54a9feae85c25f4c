"""stable ids for quizzes and answers; where each pack came from

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 22:40:00

Answers and quizzes get a random ``uid`` that travels with them when a learner's results
are exported and merged into another bank, so merging the same file twice adds nothing.
Packs get ``origin``: files without a manifest (GIFT, CSV ...) are versioned by the
import, and may not replace a pack that has one.
"""

from collections.abc import Sequence
from uuid import uuid4

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fill_uids(table: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        bind.execute(sa.text(f"UPDATE {table} SET uid = lower(hex(randomblob(16)))"))
        return
    ids = [row[0] for row in bind.execute(sa.text(f"SELECT id FROM {table}"))]
    for row_id in ids:
        bind.execute(
            sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"),
            {"uid": uuid4().hex, "id": row_id},
        )


def upgrade() -> None:
    with op.batch_alter_table("pack", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("origin", sa.String(length=16), server_default="native", nullable=False)
        )
    for table in ("quiz_session", "answer"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("uid", sa.String(length=32), nullable=True))
        _fill_uids(table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("uid", existing_type=sa.String(length=32), nullable=False)
            batch_op.create_unique_constraint(f"uq_{table}_uid", ["uid"])


def downgrade() -> None:
    # Keeps every row; the uids and origins go (an upgrade draws new uids, so a results
    # file merged before would be merged again as new).
    for table in ("answer", "quiz_session"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f"uq_{table}_uid", type_="unique")
            batch_op.drop_column("uid")
    with op.batch_alter_table("pack", schema=None) as batch_op:
        batch_op.drop_column("origin")
