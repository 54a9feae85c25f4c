"""Learner operations."""

from __future__ import annotations

from datetime import UTC, datetime

from quiz_app.core.changes import Changed, Changes
from quiz_app.core.errors import QuizError
from quiz_app.core.ids import LearnerId
from quiz_app.core.learners import Learner
from quiz_app.core.text import LANGUAGES
from quiz_app.storage import Database
from quiz_app.storage import learners as repo


def create_learner(
    database: Database,
    name: str,
    *,
    colour: str = "#3b82f6",
    language: str = "en",
    now: datetime | None = None,
) -> Changed[Learner]:
    name = " ".join(name.split())
    if not name:
        raise QuizError("A learner needs a name.", zh="学习者需要一个名字。")
    learner = database.write(
        lambda session: repo.add_learner(session, name, now or datetime.now(UTC), colour, language)
    )
    return Changed(learner, Changes.LEARNERS)


def list_learners(database: Database) -> list[Learner]:
    with database.reading() as session:
        return repo.all_learners(session)


def set_learner_language(database: Database, learner_id: LearnerId, language: str) -> Changes:
    """Remember the learner's language for the interface and the questions."""
    if language not in LANGUAGES:
        raise QuizError(f"unknown language {language!r}", zh=f"未知的语言 {language!r}")
    database.write(lambda session: repo.update_language(session, learner_id, language))
    return Changes.LEARNERS


def get_learner(database: Database, learner_id: LearnerId) -> Learner | None:
    with database.reading() as session:
        return repo.get_learner(session, learner_id)
