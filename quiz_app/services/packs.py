"""Pack operations: validate, import, list, show, export, and the built-in packs.

The pack formats (``quiz_app.packs``: pydantic schemas, BeautifulSoup, markdown-it,
openpyxl) are imported by the functions that read or write a pack, not here: Home
lists packs through this module at every start, and importing them all took about a
third of a second before the bank was ready (benchmarks/README.md, start-up)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from quiz_app.core.bank import PackSummary
from quiz_app.core.errors import (
    ImportRefusedError,
    Message,
    NotFoundError,
    PackError,
    PartialPackError,
    Problem,
    QuizError,
)
from quiz_app.core.ids import PackId, QuestionKey
from quiz_app.core.importing import (
    EncodedPack,
    ExistingPack,
    ImportControl,
    ImportPlan,
    encode_pack,
    plan_import,
)
from quiz_app.core.questions import Pack, next_minor_version, parse_version
from quiz_app.services.files import write_whole
from quiz_app.storage import Database, Session
from quiz_app.storage import packs as repo
from quiz_app.storage.dialects import lock_pack
from quiz_app.storage.tallies import count_import, uncount_import


def validate_pack(path: Path, kind: str | None = None) -> list[Problem]:
    """Every problem in the pack at ``path`` (any format); empty when it is clean."""
    from quiz_app.packs.formats import load_any

    try:
        load_any(path, kind)
    except PackError as err:
        return list(err.problems)
    return []


def import_pack(
    database: Database,
    path: Path,
    *,
    force: bool = False,
    dry_run: bool = False,
    now: datetime | None = None,
    kind: str | None = None,
    skip_invalid: bool = False,
    control: ImportControl | None = None,
) -> ImportPlan:
    """Import the pack at ``path`` (in any format) in one transaction: all of it, or nothing.

    Raises PackError for a broken pack and ImportRefusedError for a version that may not
    go in. A file some of whose questions cannot be read (GIFT, Moodle XML) raises
    PartialPackError unless ``skip_invalid`` (or ``dry_run``): then the others are
    imported and the plan lists what was left out.

    Native packs and CSV files are read a chunk of questions at a time straight into
    their stored form (``packs.streaming``), so no whole-pack copy of the parsed
    questions is ever held; the other formats are read whole, then encoded.
    """
    with bulk_work():
        pack, skipped = _read_encoded(path, kind, skip_invalid=skip_invalid or dry_run)
        plan = import_encoded_pack(
            database, pack, force=force, dry_run=dry_run, now=now, control=control
        )
    return replace(plan, skipped=skipped)


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do, and the pack read from it, to import as shown."""

    pack: Pack
    plan: ImportPlan


def preview_import(database: Database, path: Path, kind: str | None = None) -> ImportPreview:
    """A dry run: the plan, every question that would be left out, and every note."""
    with bulk_work():
        pack, skipped = _read(path, kind, skip_invalid=True)
        plan = import_loaded_pack(database, pack, dry_run=True)
    return ImportPreview(pack, replace(plan, skipped=skipped))


def _read(path: Path, kind: str | None, *, skip_invalid: bool) -> tuple[Pack, tuple[Problem, ...]]:
    from quiz_app.packs.formats import load_any

    try:
        return load_any(path, kind), ()
    except PartialPackError as err:
        if not skip_invalid:
            raise
        return err.pack, err.problems


def _read_encoded(
    path: Path, kind: str | None, *, skip_invalid: bool
) -> tuple[EncodedPack, tuple[Problem, ...]]:
    from quiz_app.packs.formats import format_of
    from quiz_app.packs.streaming import STREAMED

    chosen = kind or format_of(path)
    reader = STREAMED.get(chosen)
    if reader is not None:
        return reader(path), ()
    pack, skipped = _read(path, chosen, skip_invalid=skip_invalid)
    return encode_pack(pack), skipped


@contextmanager
def bulk_work() -> Iterator[None]:
    """Pause the cyclic garbage collector while a pack is read and written.

    A large pack allocates millions of small objects and no reference cycles; the
    collector would walk all of them again and again (it more than doubled the time of
    a 100,000-question import in the benchmark). Reference counting still frees memory.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_loaded_pack(
    database: Database,
    pack: Pack,
    *,
    force: bool = False,
    dry_run: bool = False,
    now: datetime | None = None,
    control: ImportControl | None = None,
) -> ImportPlan:
    """Import a pack already read, in one transaction; ``control`` may cancel it."""
    with bulk_work():
        return import_encoded_pack(
            database, encode_pack(pack), force=force, dry_run=dry_run, now=now, control=control
        )


def import_encoded_pack(
    database: Database,
    pack: EncodedPack,
    *,
    force: bool = False,
    dry_run: bool = False,
    now: datetime | None = None,
    control: ImportControl | None = None,
    media_unchanged: bool = False,
    expect: Callable[[ExistingPack | None], None] | None = None,
    plan_first: bool = True,
    known: repo.PackRows | None = None,
) -> ImportPlan:
    """Import a pack in its stored form, in one transaction; ``control`` may cancel it.

    The bank lets one process write at a time, and learners' answers wait while an
    import writes; so everything that needs no lock (reading, checking, encoding and
    hashing every question, planning) is done first, from a read of the bank, and the
    write transaction only checks that the pack in the bank is still the one planned
    against before it writes the rows the plan names. When another import came in
    between, it plans again. ``expect`` is shown what the bank holds of the pack each
    time (before planning, and under the lock) and may raise to refuse it.
    ``media_unchanged`` leaves the pack's files in the bank as they are. With
    ``plan_first`` False the plan is made under the lock only: for a change of a few
    questions, planning costs less than reading the pack's rows twice. ``known``: the
    pack's rows as read before (the editor's, when it opened the pack), used under the
    lock if the pack has not changed since, instead of reading every row again.
    """
    with bulk_work():
        prepared: _PreparedImport | None = None
        if plan_first or dry_run:
            with database.reading() as session:
                existing = repo.existing_pack(session, pack.info.id)
            if expect is not None:
                expect(existing)
            prepared = _prepare(pack, existing, force)
            if dry_run or not prepared.plan.changes_anything:
                return replace(prepared.plan, notes=prepared.pack.notes)

        def work(session: Session) -> _PreparedImport:
            ready = prepared
            lock_pack(session, pack.info.id)
            now_there, places = repo.pack_rows_since(session, pack.info.id, known)
            if expect is not None:
                expect(now_there)
            if ready is None or now_there != ready.existing:
                ready = _prepare(pack, now_there, force)
            if ready.plan.changes_anything:
                step = control.step if control is not None else None
                when = now or datetime.now(UTC)
                counting = uncount_import(session, ready.plan)  # the counts packs are listed by
                repo.apply_import(
                    session,
                    ready.pack,
                    ready.plan,
                    when,
                    step,
                    media_unchanged=media_unchanged,
                    places=places,
                )
                count_import(session, counting)
                if control is not None:
                    control.step(1, 1)  # a cancel that came late still undoes it all
            return ready

        done = database.write(work)
    return replace(done.plan, notes=done.pack.notes, applied=done.plan.changes_anything)


@dataclass(frozen=True)
class _PreparedImport:
    """A pack in stored form, planned against what the bank held of it."""

    existing: ExistingPack | None
    pack: EncodedPack
    plan: ImportPlan


def _prepare(pack: EncodedPack, existing: ExistingPack | None, force: bool) -> _PreparedImport:
    if pack.origin != "native":
        pack = _versioned(pack, existing)
    changed = existing is not None and pack.digest != existing.content_hash
    if changed and existing is not None and pack.origin != "native":
        pack = pack.with_version(next_minor_version(existing.version))
    plan = plan_import(
        pack.info.id, pack.info.version, pack.digest, pack.hashes, existing, force=force
    )
    return _PreparedImport(existing, pack, plan)


def _versioned(pack: EncodedPack, existing: ExistingPack | None) -> EncodedPack:
    """A file without a manifest has no version: it takes the one in the bank, and the
    next one if its content changed. It may not replace a pack that has a manifest."""
    if existing is None:
        return pack
    if existing.origin == "native":
        raise ImportRefusedError(
            f"the bank already holds a pack '{pack.info.id}' that has a manifest; a "
            f"{pack.origin} file cannot replace it. Rename the file (its name becomes the "
            "pack's id) to import it as a separate pack."
        )
    return pack.with_version(existing.version)


def list_packs(database: Database) -> list[PackSummary]:
    with database.reading() as session:
        return repo.pack_summaries(session)


def get_pack(database: Database, pack_id: str) -> Pack:
    with database.reading() as session:
        pack = repo.stored_pack(session, PackId(pack_id))
    if pack is None:
        raise NotFoundError(f"no pack '{pack_id}' in the bank (see: quiz-app packs list)")
    return pack


EXPORT_FORMATS = ("toml", "json", "gift", "csv", "xlsx", "aiken", "moodle-xml")


@dataclass(frozen=True)
class ExportReport:
    pack: Pack
    written: int
    """How many questions the file holds."""
    left_out: tuple[tuple[QuestionKey, Message], ...] = ()
    """(question, why) for each question the format cannot hold."""
    notes: tuple[tuple[QuestionKey, Message], ...] = ()
    """(question, how) for each question written as the nearest thing the format has."""


def export_pack(
    database: Database,
    pack_id: str,
    destination: Path,
    kind: str = "toml",
    language: str = "en",
    *,
    replace_file: bool = False,
) -> ExportReport:
    """Write a pack from the bank: native (``toml``/``json``, folder or .zip), or one
    ``gift``, ``csv``, ``xlsx``, ``aiken`` or ``moodle-xml`` file (GIFT, Aiken and
    Moodle XML in ``language``).

    A file is written whole or not at all; an existing one is replaced only with
    ``replace_file`` (the app's save dialog has asked), a folder never."""
    if kind not in EXPORT_FORMATS:
        raise QuizError(f"unknown format '{kind}'; choose one of {', '.join(EXPORT_FORMATS)}")
    from quiz_app.packs.aiken import aiken_text
    from quiz_app.packs.foreign import TextExport
    from quiz_app.packs.gift import gift_text
    from quiz_app.packs.moodle_xml_out import moodle_xml_text
    from quiz_app.packs.spreadsheet import csv_text, xlsx_bytes
    from quiz_app.packs.writer import pack_zip, write_pack

    pack = get_pack(database, pack_id)
    native = kind in ("toml", "json")
    if native and destination.suffix.lower() != ".zip":
        write_pack(pack, destination, "json" if kind == "json" else "toml")
        return ExportReport(pack, len(pack.questions))
    if destination.exists() and not (replace_file and destination.is_file()):
        raise QuizError(f"{destination} already exists; choose a new name")
    left_out: tuple[tuple[QuestionKey, Message], ...] = ()
    notes: tuple[tuple[QuestionKey, Message], ...] = ()
    if native:
        data = pack_zip(pack, "json" if kind == "json" else "toml")
    elif kind == "xlsx":
        data = xlsx_bytes(pack)
    else:
        if kind == "csv":
            export = TextExport(csv_text(pack))
        else:
            writers = {"gift": gift_text, "aiken": aiken_text, "moodle-xml": moodle_xml_text}
            export = writers[kind](pack, language)
        data, left_out = export.text.encode("utf-8"), export.left_out
        notes = export.notes
    try:
        write_whole(destination, data)
    except OSError as err:
        raise QuizError(f"cannot write {destination}: {err.strerror or err}") from err
    return ExportReport(pack, len(pack.questions) - len(left_out), left_out, notes)


def builtin_packs_dir() -> Path:
    """The packs shipped with the app: inside the wheel, or at the top of a checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "_data" / "questions"
    return installed if installed.is_dir() else here.parent / "questions"


def _pack_folders(root: Path) -> Iterator[Path]:
    if root.is_dir():
        yield from sorted(p for p in root.iterdir() if (p / "pack.toml").is_file())


def install_builtin_packs(
    database: Database, root: Path | None = None, now: datetime | None = None
) -> list[ImportPlan]:
    """Import built-in packs the bank lacks, and upgrade those it holds older versions of.

    Only each pack.toml is read unless something is to be imported, so a start-up where
    everything is current costs a few small file reads.
    """
    from quiz_app.packs.native import read_manifest_identity

    installed = {s.id: s.version for s in list_packs(database)}
    plans = []
    for folder in _pack_folders(root or builtin_packs_dir()):
        pack_id, version = read_manifest_identity(folder)
        have = installed.get(PackId(pack_id))
        if have is not None and parse_version(have) >= parse_version(version):
            continue
        plans.append(import_pack(database, folder, now=now))
    return plans


def pack_media(database: Database, pack_id: str, path: str) -> bytes | None:
    """The bytes of an image a question of ``pack_id`` names; None when the pack has none.

    Images come only from the pack's own media in the bank, so no text in a pack can
    make the app read another file.
    """
    with database.reading() as session:
        return repo.media_content(session, PackId(pack_id), path)
