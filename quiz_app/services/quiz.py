"""Quiz operations."""

from __future__ import annotations

from quiz_app.core.bank import DrawFilter, StoredQuestion
from quiz_app.storage import Database
from quiz_app.storage.draws import draw_question_ids
from quiz_app.storage.packs import questions_by_id


def draw_quiz(
    database: Database, draw: DrawFilter, count: int, seed: int | None = None
) -> list[StoredQuestion]:
    """``count`` distinct random questions matching ``draw`` (fewer if the bank has fewer)."""
    with database.reading() as session:
        return questions_by_id(session, draw_question_ids(session, draw, count, seed))
