"""Deciding what importing a pack changes, before anything is written."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from quiz_app.core.changes import Changes
from quiz_app.core.errors import ImportCancelledError, ImportRefusedError, Problem
from quiz_app.core.ids import PackId, QuestionKey
from quiz_app.core.questions import parse_version


@dataclass(frozen=True)
class ExistingQuestion:
    content_hash: str
    retired: bool


@dataclass(frozen=True)
class ExistingPack:
    """What the bank holds of a pack, as far as planning an import needs."""

    version: str
    content_hash: str
    questions: Mapping[QuestionKey, ExistingQuestion]
    origin: str = "native"


class ImportKind(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    UPGRADE = "upgrade"
    FORCED = "forced"
    """An older version, or the same version with other content, imported with --force."""


@dataclass(frozen=True)
class ImportPlan:
    pack_id: PackId
    kind: ImportKind
    old_version: str | None
    new_version: str
    added: tuple[QuestionKey, ...] = ()
    changed: tuple[QuestionKey, ...] = ()
    retired: tuple[QuestionKey, ...] = ()
    restored: tuple[QuestionKey, ...] = ()
    """Retired questions that come back (they may be in ``changed`` too)."""
    unchanged: int = 0
    skipped: tuple[Problem, ...] = ()
    """Questions of the file that could not be read and are left out (GIFT, Moodle XML)."""
    notes: tuple[Problem, ...] = ()
    """What reading the file changed in questions that are imported."""
    applied: bool = False
    """The plan was carried out (not a dry run, and there was something to do)."""

    @property
    def changes_anything(self) -> bool:
        return self.kind is not ImportKind.UNCHANGED

    @property
    def changes(self) -> Changes:
        """What carrying out the plan changed in the bank."""
        return Changes.PACKS if self.applied else Changes.NONE


class ImportControl:
    """Lets another thread follow an import and cancel it.

    The import calls ``step`` as it writes; after ``cancel`` the next ``step`` raises
    ImportCancelledError inside the import's transaction, which is rolled back.
    """

    def __init__(self, on_progress: Callable[[int, int], None] | None = None) -> None:
        self._cancelled = threading.Event()
        self._on_progress = on_progress

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def step(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise ImportCancelledError(
                "the import was cancelled: the bank is as it was", zh="导入已取消：题库保持原样"
            )
        if self._on_progress is not None:
            self._on_progress(done, total)


def plan_import(
    pack_id: PackId,
    version: str,
    pack_hash: str,
    question_hashes: Mapping[QuestionKey, str],
    existing: ExistingPack | None,
    *,
    force: bool = False,
) -> ImportPlan:
    """Compare a pack with what the bank holds; raise ImportRefusedError when it may not go in."""
    if existing is None:
        return ImportPlan(pack_id, ImportKind.NEW, None, version, added=tuple(question_hashes))
    if existing.version == version and existing.content_hash == pack_hash:
        return ImportPlan(
            pack_id, ImportKind.UNCHANGED, version, version, unchanged=len(question_hashes)
        )
    new, old = parse_version(version), parse_version(existing.version)
    kind = ImportKind.UPGRADE
    if new <= old:
        if not force:
            if new == old:
                raise ImportRefusedError(
                    f"pack '{pack_id}' version {version} is already in the bank with different "
                    "content: raise 'version' in pack.toml (or use --force to replace it)",
                    zh=f"题库中已有题包“{pack_id}”的 {version} 版，内容不同："
                    "请提高 pack.toml 中的 version（或用 --force 替换）",
                )
            raise ImportRefusedError(
                f"pack '{pack_id}' version {version} is older than version {existing.version} "
                "in the bank; use --force to go back to it",
                zh=f"题包“{pack_id}”的 {version} 版比题库中的 {existing.version} 版旧；"
                "要退回旧版请用 --force",
            )
        kind = ImportKind.FORCED
    added, changed, restored = [], [], []
    unchanged = 0
    for key, digest in question_hashes.items():
        before = existing.questions.get(key)
        if before is None:
            added.append(key)
            continue
        if before.retired:
            restored.append(key)
        if before.content_hash != digest:
            changed.append(key)
        elif not before.retired:
            unchanged += 1
    retired = [
        key
        for key, before in existing.questions.items()
        if key not in question_hashes and not before.retired
    ]
    return ImportPlan(
        pack_id,
        kind,
        existing.version,
        version,
        added=tuple(added),
        changed=tuple(changed),
        retired=tuple(retired),
        restored=tuple(restored),
        unchanged=unchanged,
    )
