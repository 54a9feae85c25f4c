"""What the start-up needs to know about the built-in packs, in one small query."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlmodel import Session

from quiz_app.storage.models import PACK


def pack_versions(session: Session, pack_ids: Iterable[str]) -> dict[str, str]:
    """The version the bank holds of each of ``pack_ids`` (those it holds)."""
    wanted = list(pack_ids)
    if not wanted:
        return {}
    rows = session.execute(select(PACK.c.id, PACK.c.version).where(PACK.c.id.in_(wanted)))
    return {str(pack_id): str(version) for pack_id, version in rows}
