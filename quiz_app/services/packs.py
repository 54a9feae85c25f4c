"""Pack operations: validate, import, list, show, export, and the built-in packs."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from quiz_app.core.bank import PackSummary
from quiz_app.core.errors import NotFoundError, PackError, Problem, QuizError
from quiz_app.core.ids import PackId
from quiz_app.core.importing import ImportPlan, plan_import
from quiz_app.core.questions import Pack, parse_version
from quiz_app.core.serialize import encode_pack
from quiz_app.packs.aiken import aiken_text
from quiz_app.packs.formats import load_any
from quiz_app.packs.native import read_manifest_identity
from quiz_app.packs.spreadsheet import csv_text, xlsx_bytes
from quiz_app.packs.writer import Encoding, write_pack
from quiz_app.storage import Database
from quiz_app.storage import packs as repo


def validate_pack(path: Path, kind: str | None = None) -> list[Problem]:
    """Every problem in the pack at ``path`` (any format); empty when it is clean."""
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
) -> ImportPlan:
    """Import the pack at ``path`` (in any format) in one transaction: all of it, or nothing.

    Raises PackError for a broken pack and ImportRefusedError for a version that may not go in.
    """
    with _bulk_work():
        pack = load_any(path, kind)
        return import_loaded_pack(database, pack, force=force, dry_run=dry_run, now=now)


@contextmanager
def _bulk_work() -> Iterator[None]:
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
) -> ImportPlan:
    encoded = encode_pack(pack)
    with database.transaction() as session:
        existing = repo.existing_pack(session, pack.info.id)
        plan = plan_import(
            pack.info.id,
            pack.info.version,
            encoded.digest,
            encoded.hashes,
            existing,
            force=force,
        )
        if plan.changes_anything and not dry_run:
            repo.apply_import(session, encoded, plan, now or datetime.now(UTC))
    return plan


def list_packs(database: Database) -> list[PackSummary]:
    with database.reading() as session:
        return repo.pack_summaries(session)


def get_pack(database: Database, pack_id: str) -> Pack:
    with database.reading() as session:
        pack = repo.stored_pack(session, PackId(pack_id))
    if pack is None:
        raise NotFoundError(f"no pack '{pack_id}' in the bank (see: quiz-app packs list)")
    return pack


def export_pack(database: Database, pack_id: str, destination: Path, kind: str = "toml") -> Pack:
    """Write a pack from the bank: native (``toml``/``json``, folder or .zip), or one
    ``csv``, ``xlsx`` or ``aiken`` file."""
    pack = get_pack(database, pack_id)
    if kind in ("csv", "aiken", "xlsx"):
        if destination.exists():
            raise QuizError(f"{destination} already exists; choose a new name")
        if kind == "xlsx":
            destination.write_bytes(xlsx_bytes(pack))
        else:
            text = csv_text(pack) if kind == "csv" else aiken_text(pack)
            destination.write_text(text, encoding="utf-8")
        return pack
    encoding: Encoding = "json" if kind == "json" else "toml"
    write_pack(pack, destination, encoding)
    return pack


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
