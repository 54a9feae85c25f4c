from __future__ import annotations

import shutil
from pathlib import Path

from quiz_app.core.importing import ImportKind
from quiz_app.services.packs import (
    builtin_packs_dir,
    install_builtin_packs,
    list_packs,
    validate_pack,
)
from quiz_app.storage import Database
from tests.conftest import SAMPLE_PACK, snapshot

REPO_QUESTIONS = Path(__file__).parents[2] / "questions"


def test_builtin_packs_are_imported_once_and_upgraded_when_newer(
    database: Database, tmp_path: Path
) -> None:
    shipped = tmp_path / "questions"
    shutil.copytree(SAMPLE_PACK, shipped / "sample")
    [plan] = install_builtin_packs(database, shipped)
    assert plan.kind is ImportKind.NEW

    before = snapshot(database)
    assert install_builtin_packs(database, shipped) == []  # a normal start: nothing to do
    assert snapshot(database) == before

    manifest = shipped / "sample" / "pack.toml"
    manifest.write_text(manifest.read_text().replace('"1.0.0"', '"1.1.0"'))
    [plan] = install_builtin_packs(database, shipped)
    assert (plan.kind, plan.old_version, plan.new_version) == (ImportKind.UPGRADE, "1.0.0", "1.1.0")


def test_the_app_finds_the_packs_it_ships() -> None:
    assert builtin_packs_dir().resolve() == REPO_QUESTIONS.resolve()


def test_every_shipped_pack_is_clean_and_imports(database: Database) -> None:
    folders = sorted(p for p in REPO_QUESTIONS.iterdir() if (p / "pack.toml").exists())
    assert folders, "no built-in packs found"
    for folder in folders:
        assert validate_pack(folder) == [], folder
    plans = install_builtin_packs(database)
    assert sorted(p.pack_id for p in plans) == sorted(f.name for f in folders)
    assert all(s.question_count > 0 for s in list_packs(database))
