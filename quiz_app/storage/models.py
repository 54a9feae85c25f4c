"""The bank's tables: the one module where SQLModel table models live.

No ``from __future__ import annotations`` here: SQLModel reads the annotations at class
creation. Rows never leave ``quiz_app.storage``; repositories hand back core objects.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import JSON, Column, Field, Index, SQLModel, UniqueConstraint


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on every database."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("datetimes stored in the bank must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def _json(nullable: bool = False) -> Any:
    return Field(default=None, sa_column=Column(JSON, nullable=nullable))


def _when(nullable: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable))


def new_uid() -> str:
    """A random id that stays the same when a row travels to another bank."""
    return uuid.uuid4().hex


def _uid() -> Any:
    return Field(
        default_factory=new_uid,
        sa_column=Column(sa.String(32), nullable=False, unique=True, default=new_uid),
    )


class PackRow(SQLModel, table=True):
    __tablename__ = "pack"

    id: str = Field(primary_key=True, max_length=64)
    version: str = Field(max_length=32)
    title: dict[str, str] = _json()
    description: dict[str, str] | None = _json(nullable=True)
    author: str | None = None
    license: str | None = None
    languages: list[str] = _json()
    content_hash: str = Field(max_length=64)
    imported_at: datetime = _when()
    origin: str = Field(
        default="native",
        sa_column=Column(sa.String(16), nullable=False, server_default="native"),
    )
    """Where the pack came from: ``native`` (a pack with a manifest and a version), or the
    format of a file without one (``gift``, ``csv``, ...), versioned by the import."""
    groups: list[dict[str, str]] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, server_default=sa.text("'[]'")),
    )
    """The groups pack.toml declares (``id`` and ``note``), for export."""
    retired_keys: list[str] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, server_default=sa.text("'[]'")),
    )
    """Question ids pack.toml says are never to be used again, for export."""


class TopicRow(SQLModel, table=True):
    __tablename__ = "topic"
    __table_args__ = (UniqueConstraint("pack_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    pack_id: str = Field(foreign_key="pack.id", ondelete="CASCADE", max_length=64)
    key: str = Field(max_length=64)
    title: dict[str, str] = _json()
    position: int = 0
    slot_count: int = 0
    """Slots handed out so far; questions hold slots 0 .. slot_count-1 (see core.drawing)."""


class QuestionRow(SQLModel, table=True):
    __tablename__ = "question"
    __table_args__ = (
        UniqueConstraint("pack_id", "key"),
        Index("ix_question_topic_slot", "topic_id", "slot"),
    )

    id: int | None = Field(default=None, primary_key=True)
    pack_id: str = Field(foreign_key="pack.id", ondelete="CASCADE", max_length=64)
    key: str = Field(max_length=64)
    topic_id: int = Field(foreign_key="topic.id")
    type: str = Field(max_length=16)
    difficulty: int
    content: str = Field(sa_column=Column(sa.Text, nullable=False))
    """The whole question (prompt, answer data, explanation, source, image ...) as JSON in
    the native format's shape: the canonical text that ``content_hash`` is taken of, so
    an import serializes each question once. The columns beside it are what queries
    filter and count by."""
    source: str | None = None
    image: str | None = None
    languages: str = Field(max_length=32)
    """Comma-separated, e.g. ``en,zh``: what the question is written in."""
    content_hash: str = Field(max_length=64)
    position: int
    slot: int
    retired: bool = False
    draw_group: str | None = Field(default=None, max_length=64)
    """The question's group (``group`` in the pack): a draw takes at most one of each."""


class MediaRow(SQLModel, table=True):
    __tablename__ = "media"
    __table_args__ = (UniqueConstraint("pack_id", "path"),)

    id: int | None = Field(default=None, primary_key=True)
    pack_id: str = Field(foreign_key="pack.id", ondelete="CASCADE", max_length=64)
    path: str = Field(max_length=255)
    sha256: str = Field(max_length=64)
    content: bytes = Field(sa_column=Column(sa.LargeBinary, nullable=False))


class LearnerRow(SQLModel, table=True):
    __tablename__ = "learner"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    colour: str = Field(default="#3b82f6", max_length=16)
    language: str = Field(default="en", max_length=8)
    created_at: datetime = _when()
    uid: str = _uid()
    """Given at creation and carried in exports: who this learner is on every bank."""
    class_role: str | None = Field(default=None, max_length=63, index=True)
    """On a classroom server, the database role of the class whose computers see this
    learner (row-level security); empty on a computer's own bank."""


class LearnerPasswordRow(SQLModel, table=True):
    """A learner's optional password (a salted hash) and the wrong tries in a row."""

    __tablename__ = "learner_password"

    learner_id: int = Field(foreign_key="learner.id", primary_key=True)
    hash: str = Field(max_length=200)
    failures: int = Field(default=0, sa_column_kwargs={"server_default": sa.text("0")})
    failed_at: datetime | None = _when(nullable=True)


class QuizSessionRow(SQLModel, table=True):
    __tablename__ = "quiz_session"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    """The same on every bank the quiz is merged into (a learner's exported results)."""
    learner_id: int = Field(foreign_key="learner.id", index=True)
    mode: str = Field(max_length=16)
    settings: dict[str, Any] = _json()
    question_ids: list[int] = _json()
    flagged: list[int] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, server_default=sa.text("'[]'")),
    )
    """Questions the learner flagged to look at again."""
    orders: dict[str, list[str]] = Field(
        default_factory=dict,
        sa_column=Column(JSON, nullable=False, server_default=sa.text("'{}'")),
    )
    """Question id (as text: JSON keys) -> the order its choices are shown in."""
    started_at: datetime = _when()
    finished_at: datetime | None = _when(nullable=True)
    abandoned_at: datetime | None = _when(nullable=True)
    """When the learner gave the quiz up; it is then neither finished nor resumable."""


class AnswerRow(SQLModel, table=True):
    """The append-only answer log: rows are inserted, never updated or deleted."""

    __tablename__ = "answer"
    __table_args__ = (
        Index("ix_answer_learner_question", "learner_id", "question_id"),
        Index("ix_answer_learner_when", "learner_id", "answered_at"),
        # The class's figures read answers by quiz from this index alone (0011).
        Index("ix_answer_session_figures", "session_id", "question_id", "score", "time_ms"),
        # A quiz keeps one answer to each question, whoever sends it twice.
        UniqueConstraint("session_id", "question_id", name="uq_answer_session_question"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    """The same on every bank the answer is merged into, so merging twice adds nothing."""
    learner_id: int = Field(foreign_key="learner.id")
    question_id: int = Field(foreign_key="question.id")
    session_id: int | None = Field(default=None, foreign_key="quiz_session.id")
    given: Any = _json()
    score: float
    """From 0 (wrong) to 1 (right); partial credit in between."""
    time_ms: int
    answered_at: datetime = _when()


class ScheduleRow(SQLModel, table=True):
    """Spaced-repetition state per learner and question. Derived from the answer log,
    and rebuilt from it on demand; kept so that 'what is due' is one indexed query."""

    __tablename__ = "schedule"
    __table_args__ = (Index("ix_schedule_learner_due", "learner_id", "due"),)

    learner_id: int = Field(foreign_key="learner.id", primary_key=True)
    question_id: int = Field(foreign_key="question.id", primary_key=True)
    state: int
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime = _when()
    last_review: datetime | None = _when(nullable=True)
    reviews: int = 0


class LearnerFiguresRow(SQLModel, table=True):
    """A learner's finished quizzes summed, kept as quizzes finish (``storage.tallies``):
    the Class results screen reads these rows instead of a million answers."""

    __tablename__ = "learner_figures"

    learner_id: int = Field(foreign_key="learner.id", primary_key=True)
    quizzes: int = 0
    answers: int = 0
    score: float = 0.0
    """The sum of the scores (0..1 each) of the answers in those quizzes."""
    time_ms: int = Field(default=0, sa_column=Column(sa.BigInteger, nullable=False))


class QuestionFiguresRow(SQLModel, table=True):
    """One question's sums over the finished quizzes (item analysis), kept as quizzes
    finish (``storage.tallies``), one row per class: on a classroom server each class's
    computers add to, and see, only their own class's rows; the teacher adds them up."""

    __tablename__ = "question_figures"
    # Stored in key order on SQLite, so adding up a question's classes reads its rows in
    # turn (no sort) and they join the question table in its own order.
    __table_args__ = {"sqlite_with_rowid": False}

    question_id: int = Field(primary_key=True)
    """No foreign key: a finished quiz may name a question the bank no longer holds."""
    class_role: str = Field(primary_key=True, max_length=63)
    """The class of the learners summed here (``learner.class_role``; empty off a server)."""
    answers: int = 0
    score: float = 0.0
    score_squared: float = 0.0
    score_times_total: float = 0.0
    """Sum over its answers of the score times that quiz's total score."""
    time_ms: int = Field(default=0, sa_column=Column(sa.BigInteger, nullable=False))
    attempts: int = 0
    """Finished quizzes that contained it, answered or not."""
    totals: float = 0.0
    """Sum of those quizzes' total scores."""
    totals_squared: float = 0.0


class QuestionCountRow(SQLModel, table=True):
    """How many questions a pack holds of each topic, type, difficulty and languages,
    retired or not: kept by imports and the editor (``storage.tallies``), so listing the
    packs reads a few rows rather than counting a million questions."""

    __tablename__ = "question_count"

    pack_id: str = Field(foreign_key="pack.id", ondelete="CASCADE", primary_key=True, max_length=64)
    topic_id: int = Field(primary_key=True)
    type: str = Field(primary_key=True, max_length=16)
    difficulty: int = Field(primary_key=True)
    languages: str = Field(primary_key=True, max_length=32)
    retired: bool = Field(primary_key=True)
    questions: int


class SettingRow(SQLModel, table=True):
    """Bank-wide settings, such as the teacher PIN's hash."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str


def _table(model: type[SQLModel]) -> sa.Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, sa.Table)
    return table


# Core handles for queries: typed columns (``PACK.c.version``) and the bulk insert path.
PACK = _table(PackRow)
TOPIC = _table(TopicRow)
QUESTION = _table(QuestionRow)
MEDIA = _table(MediaRow)
LEARNER = _table(LearnerRow)
LEARNER_PASSWORD = _table(LearnerPasswordRow)
QUIZ_SESSION = _table(QuizSessionRow)
ANSWER = _table(AnswerRow)
SCHEDULE = _table(ScheduleRow)
SETTING = _table(SettingRow)
LEARNER_FIGURES = _table(LearnerFiguresRow)
QUESTION_FIGURES = _table(QuestionFiguresRow)
QUESTION_COUNT = _table(QuestionCountRow)
