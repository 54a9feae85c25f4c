"""Alembic's entry point; run through quiz_app.storage.database, never by hand."""

from alembic import context
from sqlmodel import SQLModel

import quiz_app.storage.models  # noqa: F401  (registers the tables)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite can only ALTER tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
