"""Deciding what importing a pack changes, before anything is written."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import NamedTuple

from quiz_app.core.changes import Changes
from quiz_app.core.errors import ImportCancelledError, ImportRefusedError, Problem
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.questions import Pack, PackInfo, Question, parse_version
from quiz_app.core.serialize import canonical_json, pack_info_to_dict, question_json


class EncodedQuestion(NamedTuple):
    """One question as the bank stores it: its canonical JSON text (stored and hashed)
    and the columns queries filter by. Far smaller than the parsed question, so a whole
    pack of these is what an import keeps between reading the file and writing (a
    tuple: made several times faster than a frozen dataclass, and smaller)."""

    key: QuestionKey
    topic: TopicKey
    type: str
    difficulty: int
    content: bytes
    """The canonical JSON text, UTF-8: a third to a half the size of the same text as a
    Python string once it holds a Chinese character; decoded as each row is written."""
    content_hash: str
    source: str | None
    image: str | None
    languages: str
    """Comma-separated, sorted: the languages of the prompt."""
    group: str | None


def encode_question(question: Question) -> EncodedQuestion:
    """A question in its stored form (``serialize.question_json`` is the one canonical text)."""
    data = question_json(question).encode()
    return EncodedQuestion(
        question.key,
        question.topic,
        question.type.value,
        question.difficulty,
        data,
        hashlib.sha256(data).hexdigest(),
        question.source,
        question.image,
        ",".join(sorted(question.languages)),
        question.group,
    )


def media_hashes(media: Mapping[str, bytes]) -> dict[str, str]:
    """Path -> SHA-256 (hex) of each of a pack's files, as the bank keeps them."""
    return {path: hashlib.sha256(content).hexdigest() for path, content in media.items()}


def pack_digest(info: PackInfo, hashes: Iterable[str], media: Mapping[str, str]) -> str:
    """Fingerprint of a whole pack: manifest, question hashes in order, and each media
    file's path and SHA-256 (hex; ``media_hashes``)."""
    digest = hashlib.sha256(canonical_json(pack_info_to_dict(info)).encode())
    for question_hash in hashes:
        digest.update(question_hash.encode())
    for path in sorted(media):
        digest.update(path.encode())
        digest.update(bytes.fromhex(media[path]))
    return digest.hexdigest()


@dataclass(frozen=True)
class EncodedPack:
    """A pack ready to plan and write: its manifest, its questions in stored form (in
    pack order), its media. What an import holds between reading and writing."""

    info: PackInfo
    questions: Sequence[EncodedQuestion]
    media: Mapping[str, bytes] = field(default_factory=dict)
    origin: str = "native"
    notes: tuple[Problem, ...] = ()
    digest: str = ""
    """``pack_digest`` of the above; filled in by ``encoded`` when left empty."""
    media_sha256: Mapping[str, str] | None = None
    """``media_hashes`` of the pack's files, when ``media`` is left empty because the
    bank holds them already (the editor's save); None: those of ``media``."""

    @property
    def hashes(self) -> dict[QuestionKey, str]:
        return {q.key: q.content_hash for q in self.questions}

    def with_version(self, version: str) -> EncodedPack:
        """The same pack under another version (its digest follows; no question changes)."""
        return encoded(replace(self, info=replace(self.info, version=version), digest=""))


def encoded(pack: EncodedPack) -> EncodedPack:
    """``pack`` with its digest computed when it has none yet."""
    if pack.digest:
        return pack
    media = pack.media_sha256 if pack.media_sha256 is not None else media_hashes(pack.media)
    digest = pack_digest(pack.info, (q.content_hash for q in pack.questions), media)
    return replace(pack, digest=digest)


def encode_pack(pack: Pack) -> EncodedPack:
    """A pack read whole (GIFT, Moodle XML, the editor ...) in stored form."""
    return encoded(
        EncodedPack(
            pack.info,
            tuple(encode_question(q) for q in pack.questions),
            pack.media,
            pack.origin,
            pack.notes,
        )
    )


class ExistingQuestion(NamedTuple):
    """A question's row as planning needs it. A named tuple, not a dataclass: a pack's
    20,000 of them are built on every save, and a frozen dataclass took three times as
    long to build (45 ms against 13 ms here)."""

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
