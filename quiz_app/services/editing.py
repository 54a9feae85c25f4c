"""The question editor's operations: open a pack for editing, check a question as the
teacher types, save the edited questions as the pack's next version.

The editor works on questions as dicts of the native format (docs/pack-format.md), so
a question is checked by exactly the rules a pack file is, and saving goes through the
same import as a file would: unchanged questions keep their row ids (and so the
learners' answers and schedules), edited ones are updated, deleted ones retired.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from quiz_app.core.errors import Message, NotFoundError, PackError, Problem, QuizError
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.importing import (
    EncodedPack,
    EncodedQuestion,
    ExistingPack,
    ImportPlan,
    encode_question,
)
from quiz_app.core.importing import encoded as finish
from quiz_app.core.questions import PackInfo, Question, next_minor_version
from quiz_app.core.serialize import question_from_dict, question_to_dict
from quiz_app.packs.native import question_problems
from quiz_app.services.packs import bulk_work, import_encoded_pack
from quiz_app.storage import Database
from quiz_app.storage import packs as repo

QuestionData = dict[str, Any]


@dataclass(frozen=True)
class EditablePack:
    """A pack as the editor opens it."""

    info: PackInfo
    questions: tuple[QuestionData, ...]
    media: frozenset[str]
    """Pack-relative paths of the pack's images, which questions may name."""
    hashes: tuple[str, ...] = ()
    """The stored content hash of each of ``questions``, as opened: a question saved as
    it was opened is neither checked nor encoded again (empty: every one is)."""
    content_hash: str = ""
    """The pack's fingerprint in the bank when it was opened."""
    rows: repo.PackRows | None = field(default=None, compare=False, repr=False)
    """The pack's rows as opened: a save uses them if the pack is unchanged since,
    rather than reading every row again under the bank's write lock."""

    @property
    def next_version(self) -> str:
        """The version saving makes: the next minor one."""
        return next_minor_version(self.info.version)

    def problems(self, data: Mapping[str, Any], language: str = "en") -> list[tuple[str, str]]:
        """(field, message in ``language``) for each problem of one question, in this pack."""
        return [
            (path, message.zh if language == "zh" else message.en)
            for path, message in self.messages(data)
        ]

    def messages(self, data: Mapping[str, Any]) -> list[tuple[str, Message]]:
        """(field, message in both languages) for each problem of one question."""
        return question_problems(
            data, (t.key for t in self.info.topics), self.info.languages, self.media
        )


def open_pack_for_editing(database: Database, pack_id: str) -> EditablePack:
    with database.reading() as session:
        rows = repo.pack_rows(session, PackId(pack_id))  # first: see pack_rows
        pack = repo.stored_pack(session, PackId(pack_id))
        hashes = repo.active_hashes(session, PackId(pack_id))
        header = repo.pack_header(session, PackId(pack_id))
    if pack is None or header is None:
        raise NotFoundError(f"no pack '{pack_id}' in the bank (see: quiz-app packs list)")
    return EditablePack(
        pack.info,
        tuple(question_to_dict(q) for q in pack.questions),
        frozenset(pack.media),
        tuple(hashes),
        header.content_hash,
        rows,
    )


def preview_question(data: Mapping[str, Any]) -> Question:
    """The question as the learner will get it; only for data without problems."""
    return question_from_dict(dict(data))


def save_edited_pack(
    database: Database,
    edited: EditablePack,
    questions: Sequence[Mapping[str, Any]],
    *,
    now: datetime | None = None,
) -> ImportPlan:
    """Save ``questions``, in this order, as the next version of the pack, in one
    transaction; nothing is written if any question has a problem.

    The cost follows the change: a question saved as it was opened keeps its stored
    text and hash (it was checked when it went in, against the same topics, languages
    and images), so only the questions edited or added are checked, encoded and written.
    """
    with bulk_work():
        return _save(database, edited, questions, now)


def _save(
    database: Database,
    edited: EditablePack,
    questions: Sequence[Mapping[str, Any]],
    now: datetime | None,
) -> ImportPlan:
    pack_id = edited.info.id
    opened: dict[str, tuple[Mapping[str, Any], str]] = {}
    if len(edited.hashes) == len(edited.questions):
        opened = {
            data["id"]: (data, digest)
            for data, digest in zip(edited.questions, edited.hashes, strict=True)
        }
    problems: list[Problem] = []
    seen: set[str] = set()
    kept: list[str | None] = []
    for number, data in enumerate(questions, 1):
        key = data.get("id")
        label = key if isinstance(key, str) else None
        was = opened.get(label) if label is not None else None
        same = was is not None and (was[0] is data or was[0] == data)
        kept.append(was[1] if same and was is not None else None)
        where = f"{pack_id} (question {number})"
        if not same:
            problems.extend(Problem.of(where, None, m, label) for _, m in edited.messages(data))
        if label in seen:
            problems.append(
                Problem(where, None, "two questions have this id", label, zh="有两道题使用这个 id")
            )
        if label is not None:
            seen.add(label)
    if not questions:
        problems.append(
            Problem(pack_id, None, "a pack needs at least one question", zh="题包至少需要一道题")
        )
    if problems:
        raise PackError(problems)
    with database.reading() as session:
        stored = repo.pack_header(session, pack_id)
    if stored is None:
        raise NotFoundError(f"no pack '{pack_id}' in the bank (see: quiz-app packs list)")

    def unchanged_since_opened(now_there: ExistingPack | None) -> None:
        version = now_there.version if now_there is not None else "?"
        moved = now_there is None or version != edited.info.version
        if not moved and edited.content_hash and now_there is not None:
            moved = now_there.content_hash != edited.content_hash
        if moved:
            raise QuizError(
                f"pack '{pack_id}' changed to version {version} while it was being "
                f"edited (from {edited.info.version}); open it again and redo the changes",
                zh=f"编辑期间，题包“{pack_id}”已从 {edited.info.version} 版变为 "
                f"{version} 版；请重新打开它，再做一次修改",
            )

    info = replace(stored.info, version=edited.next_version)
    encoded = [
        encode_question(question_from_dict(dict(data)))
        if digest is None
        else _as_stored(data, digest)
        for data, digest in zip(questions, kept, strict=True)
    ]
    pack = EncodedPack(info, encoded, {}, stored.origin, media_sha256=stored.media_sha256)
    return import_encoded_pack(
        database,
        finish(pack),
        now=now,
        media_unchanged=True,
        expect=unchanged_since_opened,
        plan_first=False,
        known=edited.rows,
    )


def _as_stored(data: Mapping[str, Any], digest: str) -> EncodedQuestion:
    """A question saved as it was opened: the bank keeps its row as it is, so only what
    planning and ordering read is given (its text is never written: the save is refused
    unless the bank still holds exactly the pack that was opened)."""
    return EncodedQuestion(
        QuestionKey(data["id"]),
        TopicKey(data["topic"]),
        data["type"],
        data["difficulty"],
        b"",
        digest,
        None,
        None,
        "",
        None,
    )
