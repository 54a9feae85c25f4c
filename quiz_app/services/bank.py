"""Opening and checking the question bank.

Opening runs on every start, so it does only what the bank needs: the schema compared
with the newest revision (Alembic is imported only to migrate, ``storage.migrate``), and
the built-in packs compared by a digest of their files kept in the bank's settings, so
that a start where nothing changed neither reads nor parses a pack, nor imports the pack
formats.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quiz_app.core.questions import parse_version
from quiz_app.storage import Database, database_url, open_database
from quiz_app.storage.builtin import pack_versions
from quiz_app.storage.engine import ENV_VAR as DATABASE_ENV_VAR
from quiz_app.storage.engine import (
    INTEGRITY_CHECKS,
    default_database_path,
    is_server,
    shown_url,
)
from quiz_app.storage.errors import ServerUnreachableError
from quiz_app.storage.settings import get_setting, put_setting

if TYPE_CHECKING:
    from quiz_app.core.importing import ImportPlan

__all__ = [
    "BUILTIN_PACKS_SETTING",
    "DATABASE_ENV_VAR",
    "BankCheck",
    "Database",
    "ServerUnreachableError",
    "builtin_packs_digest",
    "builtin_packs_root",
    "check_bank",
    "database_url",
    "on_server",
    "open_bank",
    "own_bank_url",
    "update_builtin_packs",
]

BUILTIN_PACKS_SETTING = "builtin_packs"
"""Bank setting: the digest of the built-in packs' files last installed, and the
version of each of those packs then (JSON)."""


def own_bank_url() -> str:
    """This computer's own bank (in the user's data folder), whatever it is connected to."""
    return f"sqlite:///{default_database_path()}"


def on_server(database: Database) -> bool:
    """True when ``database`` is a classroom server's bank (PostgreSQL)."""
    return is_server(database.url)


@dataclass(frozen=True)
class BankCheck:
    url: str
    schema: str | None
    latest_schema: str
    problems: tuple[str, ...]
    checked: str = ""
    """What the integrity check looked at, to say so."""

    @property
    def healthy(self) -> bool:
        return not self.problems and self.schema == self.latest_schema


def open_bank(url: str | None = None, *, builtin: bool = True) -> Database:
    """The bank at ``url`` (or the default place), migrated to the current schema, with
    the built-in packs imported or upgraded."""
    database = open_database(database_url(url))
    if is_server(database.url):
        return database  # packs and schedules are the teacher's `server init` and `upgrade`
    if builtin:
        update_builtin_packs(database)
    from quiz_app.services.review import ensure_schedules

    ensure_schedules(database)
    return database


def builtin_packs_root() -> Path:
    """The packs shipped with the app: inside the wheel (and the bundle), or at the top
    of a checkout. The same folder as ``services.packs.builtin_packs_dir``, found here
    without importing the pack formats."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "_data" / "questions"
    return installed if installed.is_dir() else here.parent / "questions"


def _pack_folders(root: Path) -> Iterator[Path]:
    if root.is_dir():
        yield from sorted(p for p in root.iterdir() if (p / "pack.toml").is_file())


def builtin_packs_digest(root: Path) -> str:
    """A digest of every file under ``root``: names and contents (not times, which an
    unpacked bundle or a fresh checkout changes)."""
    files = (
        sorted((p.relative_to(root).as_posix(), p) for p in root.rglob("*") if p.is_file())
        if root.is_dir()
        else []
    )
    digest = hashlib.sha256()
    for name, path in files:
        content = path.read_bytes()
        label = name.encode("utf-8")
        digest.update(b"%d:%s%d:" % (len(label), label, len(content)))
        digest.update(content)
    return digest.hexdigest()


def _recorded(value: str | None) -> tuple[str, dict[str, str]] | None:
    if not value:
        return None
    try:
        data = json.loads(value)
        return str(data["digest"]), {str(k): str(v) for k, v in data["packs"].items()}
    except (ValueError, TypeError, KeyError, AttributeError):
        return None  # never recorded, or by something else: look at the packs again


def update_builtin_packs(database: Database, root: Path | None = None) -> list[ImportPlan]:
    """Import the built-in packs the bank lacks and upgrade those it holds older versions
    of (``services.packs.install_builtin_packs``), unless nothing changed since the
    last time: the packs' files have the digest recorded then, and the bank still holds
    each of those packs at the version installed then (or a newer one). Then no pack is
    read: the files are only hashed."""
    root = root or builtin_packs_root()
    folders = list(_pack_folders(root))
    if not folders:
        return []  # nothing shipped (a test's empty folder): nothing to compare or record
    digest = builtin_packs_digest(root)
    with database.reading() as session:
        recorded = _recorded(get_setting(session, BUILTIN_PACKS_SETTING))
        if recorded is not None and recorded[0] == digest:
            held = pack_versions(session, recorded[1])
            if all(
                pack_id in held and parse_version(held[pack_id]) >= parse_version(version)
                for pack_id, version in recorded[1].items()
            ):
                return []
    from quiz_app.packs.native import read_manifest_identity
    from quiz_app.services.packs import install_builtin_packs

    plans = install_builtin_packs(database, root)
    versions = dict(read_manifest_identity(folder) for folder in folders)
    value = json.dumps({"digest": digest, "packs": versions}, sort_keys=True)
    database.write(lambda session: put_setting(session, BUILTIN_PACKS_SETTING, value))
    return plans


def check_bank(database: Database) -> BankCheck:
    state = database.schema_state()
    return BankCheck(
        shown_url(database.url),
        state.current,
        state.head,
        tuple(database.integrity_problems()),
        INTEGRITY_CHECKS.get(database.engine.dialect.name, "nothing (an unknown database)"),
    )
