"""The question editor's operations: open a pack for editing, check a question as the
teacher types, save the edited questions as the pack's next version.

The editor works on questions as dicts of the native format (docs/pack-format.md), so
a question is checked by exactly the rules a pack file is, and saving goes through the
same import as a file would: unchanged questions keep their row ids (and so the
learners' answers and schedules), edited ones are updated, deleted ones retired.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from quiz_app.core.errors import Message, PackError, Problem, QuizError
from quiz_app.core.importing import ImportPlan
from quiz_app.core.questions import Pack, PackInfo, Question, next_minor_version
from quiz_app.core.serialize import question_from_dict, question_to_dict
from quiz_app.packs.native import question_problems
from quiz_app.services.packs import get_pack, import_loaded_pack
from quiz_app.storage import Database

QuestionData = dict[str, Any]


@dataclass(frozen=True)
class EditablePack:
    """A pack as the editor opens it."""

    info: PackInfo
    questions: tuple[QuestionData, ...]
    media: frozenset[str]
    """Pack-relative paths of the pack's images, which questions may name."""

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
    pack = get_pack(database, pack_id)
    return EditablePack(
        pack.info,
        tuple(question_to_dict(q) for q in pack.questions),
        frozenset(pack.media),
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
    transaction; nothing is written if any question has a problem."""
    pack_id = edited.info.id
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, data in enumerate(questions, 1):
        key = data.get("id")
        label = key if isinstance(key, str) else None
        where = f"{pack_id} (question {number})"
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
    stored = get_pack(database, pack_id)
    if stored.info.version != edited.info.version:
        raise QuizError(
            f"pack '{pack_id}' changed to version {stored.info.version} while it was being "
            f"edited (from {edited.info.version}); open it again and redo the changes",
            zh=f"编辑期间，题包“{pack_id}”已从 {edited.info.version} 版变为 "
            f"{stored.info.version} 版；请重新打开它，再做一次修改",
        )
    info = replace(stored.info, version=edited.next_version)
    pack = Pack(
        info,
        tuple(question_from_dict(dict(data)) for data in questions),
        stored.media,
        origin=stored.origin,
    )
    return import_loaded_pack(database, pack, now=now)
