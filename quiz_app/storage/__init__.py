"""The only place SQLModel/SQLAlchemy appear: tables, engine, migrations, repositories."""

from sqlmodel import Session

from quiz_app.storage.database import Database, open_database
from quiz_app.storage.engine import database_url

__all__ = ["Database", "Session", "database_url", "open_database"]
