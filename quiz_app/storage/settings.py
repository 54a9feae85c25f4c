"""Repository of bank-wide settings."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from quiz_app.storage.dialects import upsert
from quiz_app.storage.models import SETTING


def get_setting(session: Session, key: str) -> str | None:
    value: str | None = session.execute(
        select(SETTING.c.value).where(SETTING.c.key == key)
    ).scalar_one_or_none()
    return value


def put_setting(session: Session, key: str, value: str) -> None:
    upsert(session, SETTING, {"key": key, "value": value}, ("key",))
