"""Migration 0009 on a bank full of a class's work: groups arrive with the next import."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import PackId
from quiz_app.services.bank import open_bank
from quiz_app.services.packs import import_pack
from quiz_app.storage.draws import draw_question_ids
from quiz_app.storage.models import ANSWER, QUESTION
from quiz_app.storage.packs import questions_by_id, stored_pack
from tests.conftest import DATA, NOW
from tests.storage.corpus import Rows, build_bank_at, class_template


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Rows:
    return class_template(tmp_path_factory)


def _grouped_sample_pack(folder: Path) -> Path:
    """The sample pack at 1.2.0 with its two missions questions in one group."""
    pack = folder / "sample-pack"
    shutil.copytree(DATA / "sample-pack", pack)
    manifest = pack / "pack.toml"
    text = manifest.read_text(encoding="utf-8").replace('version = "1.0.0"', 'version = "1.2.0"')
    manifest.write_text(text + '\n[[groups]]\nid = "missions"\n', encoding="utf-8")
    missions = pack / "missions.toml"
    text = missions.read_text(encoding="utf-8")
    for key in ("far-side-first", "sample-returns"):
        text = text.replace(f'id = "{key}"\n', f'id = "{key}"\ngroup = "missions"\n', 1)
    missions.write_text(text, encoding="utf-8")
    return pack


def test_a_bank_from_0008_takes_groups_at_the_next_import(template: Rows, tmp_path: Path) -> None:
    path = tmp_path / "bank.sqlite3"
    before = build_bank_at("0008", path, template)
    bank = open_bank(str(path), builtin=False)
    try:
        with bank.reading() as session:
            assert session.execute(select(QUESTION.c.draw_group).distinct()).scalars().all() == [
                None
            ]
            old = stored_pack(session, PackId("sample"))
        assert old is not None
        assert old.info.groups == ()

        plan = import_pack(bank, _grouped_sample_pack(tmp_path), now=NOW + timedelta(days=40))
        assert sorted(plan.changed) == ["far-side-first", "sample-returns"]
        with bank.reading() as session:
            answers = session.execute(select(ANSWER.c.id, ANSWER.c.question_id)).all()
            assert len(answers) == len(before["answer"])  # nothing lost, nothing moved
            assert {a.question_id for a in answers} == {a["question_id"] for a in before["answer"]}
            for seed in range(40):
                ids = draw_question_ids(session, DrawFilter(pack_ids=(PackId("sample"),)), 6, seed)
                keys = [q.question.key for q in questions_by_id(session, ids)]
                assert len(keys) == 6  # 7 active questions, 2 of them in one group
                assert not {"far-side-first", "sample-returns"} <= set(keys)
            new = stored_pack(session, PackId("sample"))
        assert new is not None
        assert [g.key for g in new.info.groups] == ["missions"]
    finally:
        bank.close()
