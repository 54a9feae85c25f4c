"""Alembic's entry point; run through quiz_app.storage.migrate, never by hand.

That module hands over a connection already inside its one transaction and, on SQLite,
with foreign keys off; a run that is not so is refused here rather than half done.
"""

from alembic import context
from sqlmodel import SQLModel

import quiz_app.storage.models  # noqa: F401  (registers the tables)

connection = context.config.attributes["connection"]
if not connection.in_transaction():
    raise RuntimeError("migrations run inside quiz_app.storage.migrate's transaction")
if (
    connection.dialect.name == "sqlite"
    and connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
):
    # Batch mode's copy-drop-rename would fail, or cascade deletes, with them on.
    raise RuntimeError("migrations run with foreign keys off (quiz_app.storage.migrate)")
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite can only ALTER tables by copying them
    compare_type=True,
    transactional_ddl=True,  # SQLite's DDL is transactional: one run, one transaction
)
with context.begin_transaction():
    context.run_migrations()
