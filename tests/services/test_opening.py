"""Opening the bank at start does only what the bank needs (issue 15, start-up).

A bank at the newest schema is opened without Alembic, and built-in packs whose files
did not change are neither read nor parsed; an older bank still migrates (after a
backup), and a built-in pack whose files changed is still imported.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from quiz_app.core.importing import EncodedPack, ImportKind
from quiz_app.packs import formats
from quiz_app.packs.streaming import STREAMED
from quiz_app.services import bank as bank_services
from quiz_app.services.bank import (
    BUILTIN_PACKS_SETTING,
    builtin_packs_digest,
    builtin_packs_root,
    open_bank,
    update_builtin_packs,
)
from quiz_app.services.packs import builtin_packs_dir, import_pack, list_packs
from quiz_app.storage import Database
from quiz_app.storage import migrate as migrate_module
from quiz_app.storage.backups import existing_backups
from quiz_app.storage.migrate import _alembic_head, _scripts_head, head_revision
from quiz_app.storage.settings import get_setting
from tests.conftest import SAMPLE_PACK, snapshot
from tests.storage.corpus import REVISIONS, build_bank_at, class_template

ROOT = Path(__file__).parents[2]

_OPEN = """
import json, sys
from quiz_app.services.bank import open_bank
bank = open_bank(sys.argv[1])
state = bank.schema_state()
bank.close()
print(json.dumps({
    "schema": [state.current, state.head],
    "loaded": sorted(m for m in sys.argv[2:] if m in sys.modules),
}))
"""

HEAVY = (
    "alembic",
    "quiz_app.services.packs",
    "quiz_app.packs.native",
    "bs4",
    "openpyxl",
    "sqlalchemy.dialects.postgresql",  # an SQLite bank's own computer needs no server's
)


def _open_in_a_process(path: Path) -> dict[str, list[str]]:
    """Open the bank as a start does, in a fresh interpreter: the schema, and which of
    the heavy modules that took."""
    done = subprocess.run(
        [sys.executable, "-c", _OPEN, str(path), *HEAVY],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    result: dict[str, list[str]] = json.loads(done.stdout)
    return result


def test_a_current_bank_opens_without_alembic_or_the_pack_formats(tmp_path: Path) -> None:
    path = tmp_path / "bank.sqlite3"
    first = _open_in_a_process(path)  # the first start: a new bank, the packs imported
    assert first["schema"] == [head_revision(), head_revision()]
    assert "alembic" in first["loaded"]
    assert "quiz_app.services.packs" in first["loaded"]

    again = _open_in_a_process(path)
    assert again == {"schema": [head_revision(), head_revision()], "loaded": []}
    assert existing_backups(path) == []


def test_a_bank_one_revision_behind_still_migrates_after_a_backup(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path / "bank.sqlite3"
    build_bank_at(REVISIONS[-2], path, class_template(tmp_path_factory))
    opened = _open_in_a_process(path)
    assert opened["schema"] == [head_revision(), head_revision()]
    assert "alembic" in opened["loaded"]
    [backup] = existing_backups(path)
    assert backup.upgrade == (REVISIONS[-2], head_revision())


def test_the_head_read_from_the_scripts_is_alembics() -> None:
    assert _scripts_head(migrate_module.MIGRATIONS) == _alembic_head() == REVISIONS[-1]


def test_scripts_that_are_not_one_chain_are_left_to_alembic(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate_module.MIGRATIONS, migrations)
    assert _scripts_head(migrations) == REVISIONS[-1]
    branch = f'revision = "9998"\ndown_revision = "{REVISIONS[-2]}"\n'
    (migrations / "versions" / "9998_branch.py").write_text(branch)
    assert _scripts_head(migrations) is None  # two heads
    (migrations / "versions" / "9998_branch.py").write_text(
        f'revision = "9998"\ndown_revision = ("{REVISIONS[-1]}", "0001")\n'
    )
    assert _scripts_head(migrations) is None  # a merge: not read here


def test_a_newer_bank_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "bank.sqlite3"
    bank = open_bank(str(path), builtin=False)
    with bank.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    bank.close()
    with pytest.raises(Exception, match="newer version of Chang'e Quiz"):
        open_bank(str(path), builtin=False)


def test_start_finds_the_packs_the_app_ships() -> None:
    assert builtin_packs_root().resolve() == builtin_packs_dir().resolve()


# -- the built-in packs, compared by a digest ----------------------------------------------


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    root = tmp_path / "questions"
    shutil.copytree(SAMPLE_PACK, root / "sample")
    return root


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every pack folder read from here on."""
    read: list[Path] = []
    original = formats.load_any

    def spy(path: Path, kind: str | None = None) -> object:
        read.append(path)
        return original(path, kind)

    monkeypatch.setattr(formats, "load_any", spy)
    for kind, reader in list(STREAMED.items()):  # native packs are read a file at a time

        def streamed(path: Path, reader: Callable[[Path], EncodedPack] = reader) -> EncodedPack:
            read.append(path)
            return reader(path)

        monkeypatch.setitem(STREAMED, kind, streamed)
    return read


def _set_version(root: Path, version: str) -> None:
    manifest = root / "sample" / "pack.toml"
    text_ = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        "\n".join(
            f'version = "{version}"' if line.startswith("version =") else line
            for line in text_.splitlines()
        )
        + "\n",
        encoding="utf-8",
    )


def test_an_unchanged_builtin_pack_is_not_parsed_again(
    database: Database, shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = _parses(monkeypatch)
    [plan] = update_builtin_packs(database, shipped)
    assert plan.kind is ImportKind.NEW
    assert read == [shipped / "sample"]
    with database.reading() as session:
        recorded = json.loads(get_setting(session, BUILTIN_PACKS_SETTING) or "")
    assert recorded == {"digest": builtin_packs_digest(shipped), "packs": {"sample": "1.0.0"}}

    before = snapshot(database)
    assert update_builtin_packs(database, shipped) == []
    assert update_builtin_packs(database, shipped) == []
    assert read == [shipped / "sample"]  # read once, at the first start only
    assert snapshot(database) == before


def test_a_changed_builtin_pack_file_is_imported_again(
    database: Database, shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    update_builtin_packs(database, shipped)
    read = _parses(monkeypatch)
    _set_version(shipped, "1.1.0")
    [plan] = update_builtin_packs(database, shipped)
    assert (plan.kind, plan.old_version, plan.new_version) == (ImportKind.UPGRADE, "1.0.0", "1.1.0")
    assert read == [shipped / "sample"]
    assert [(p.id, p.version) for p in list_packs(database)] == [("sample", "1.1.0")]
    assert update_builtin_packs(database, shipped) == []  # and then left alone again
    assert read == [shipped / "sample"]


def test_a_changed_media_file_changes_the_digest(shipped: Path) -> None:
    before = builtin_packs_digest(shipped)
    media = shipped / "sample" / "media" / "moon.svg"
    content = media.read_bytes()
    media.write_bytes(content + b"\n")
    assert builtin_packs_digest(shipped) != before
    media.write_bytes(content)
    assert builtin_packs_digest(shipped) == before
    media.rename(media.with_name("renamed" + media.suffix))
    assert builtin_packs_digest(shipped) != before


def test_a_builtin_pack_the_bank_holds_older_again_is_upgraded_again(
    database: Database, shipped: Path, tmp_path: Path
) -> None:
    """A teacher went back to an older version (--force): as before digests, the next
    start puts the shipped one back, though the files did not change."""
    _set_version(shipped, "1.1.0")
    update_builtin_packs(database, shipped)
    older = tmp_path / "older"
    shutil.copytree(SAMPLE_PACK, older)
    import_pack(database, older, force=True)
    assert [p.version for p in list_packs(database)] == ["1.0.0"]
    [plan] = update_builtin_packs(database, shipped)
    assert (plan.old_version, plan.new_version) == ("1.0.0", "1.1.0")


def test_a_digest_recorded_by_something_else_is_looked_past(
    database: Database, shipped: Path
) -> None:
    with database.transaction() as session:
        session.execute(
            text("INSERT INTO setting (key, value) VALUES (:key, 'not json')"),
            {"key": BUILTIN_PACKS_SETTING},
        )
    [plan] = update_builtin_packs(database, shipped)
    assert plan.kind is ImportKind.NEW


def test_open_bank_uses_the_shipped_packs(
    tmp_path: Path, shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bank_services, "builtin_packs_root", lambda: shipped)
    bank = open_bank(str(tmp_path / "bank.sqlite3"))
    assert [p.id for p in list_packs(bank)] == ["sample"]
    bank.close()
