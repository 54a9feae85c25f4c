from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from quiz_app.core.errors import ImportRefusedError
from quiz_app.core.ids import QuestionId
from quiz_app.core.importing import ImportKind
from quiz_app.core.learners import AnswerRecord
from quiz_app.services.packs import get_pack, import_pack, list_packs
from quiz_app.storage import Database
from quiz_app.storage import learners as learner_repo
from quiz_app.storage import packs as pack_repo
from tests.conftest import NOW, snapshot


def _bump(pack: Path, version: str) -> None:
    manifest = pack / "pack.toml"
    text_ = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text_.replace('version = "1.0.0"', f'version = "{version}"'), encoding="utf-8"
    )


def _question_ids(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT key, id FROM question")).all()
    return dict(rows)


def test_import_puts_every_question_in_the_bank(database: Database, sample_pack: Path) -> None:
    plan = import_pack(database, sample_pack, now=NOW)
    assert plan.kind is ImportKind.NEW
    assert len(plan.added) == 7
    [summary] = list_packs(database)
    assert summary.question_count == 7
    assert summary.by_type == dict.fromkeys(
        ("matching", "multiple", "numeric", "ordering", "short_text", "single", "true_false"), 1
    )
    stored = get_pack(database, "sample")
    assert stored.media["media/moon.svg"].startswith(b"<svg")
    assert [q.key for q in stored.questions][:2] == ["far-side-first", "sample-returns"]


def test_reimporting_the_same_version_changes_nothing(
    database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    before = snapshot(database)
    plan = import_pack(database, sample_pack)
    assert plan.kind is ImportKind.UNCHANGED
    assert snapshot(database) == before


def test_dry_run_reports_and_changes_nothing(database: Database, sample_pack: Path) -> None:
    before = snapshot(database)
    plan = import_pack(database, sample_pack, dry_run=True)
    assert len(plan.added) == 7
    assert snapshot(database) == before


def test_a_newer_version_updates_adds_retires_and_keeps_answers_linked(
    database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    ids = _question_ids(database)
    with database.transaction() as session:
        ada = learner_repo.add_learner(session, "Ada", NOW)
        for key in ("tidal-lock", "ce5-mass", "names"):
            learner_repo.append_answer(
                session, AnswerRecord(ada.id, QuestionId(ids[key]), True, 1.0, 1200, NOW)
            )

    # Version 1.1.0: one question reworded, one removed, one added.
    science = sample_pack / "science.toml"
    text_ = science.read_text(encoding="utf-8")
    text_ = text_.replace(
        "The Moon does not rotate on its axis.", "The Moon never turns on its axis."
    )
    start = text_.index('[[questions]]\nid = "names"')
    text_ = text_[:start] + text_[start:].replace('id = "names"', 'id = "names-2"', 1)
    science.write_text(text_, encoding="utf-8")
    (sample_pack / "missions.toml").write_text(
        (sample_pack / "missions.toml")
        .read_text(encoding="utf-8")
        .replace('[[questions]]\nid = "ce5-mass"', '[[questions]]\nid = "ce5-mass"', 1),
        encoding="utf-8",
    )
    _bump(sample_pack, "1.1.0")

    preview = import_pack(database, sample_pack, dry_run=True)
    plan = import_pack(database, sample_pack, now=NOW)
    assert replace(preview, applied=True) == plan  # the preview showed what was done
    assert not preview.applied
    assert plan.kind is ImportKind.UPGRADE
    assert plan.changed == ("tidal-lock",)
    assert plan.added == ("names-2",)
    assert plan.retired == ("names",)
    assert plan.unchanged == 5

    after = _question_ids(database)
    assert {k: after[k] for k in ids} == ids  # same rows: answers still point at them
    with database.reading() as session:
        answers = learner_repo.answers_of(session, ada.id)
        linked = pack_repo.questions_by_id(session, [a.question_id for a in answers])
    assert [q.question.key for q in linked] == ["tidal-lock", "ce5-mass", "names"]
    assert linked[0].question.prompt.get("en") == "The Moon never turns on its axis."
    [summary] = list_packs(database)
    assert (summary.question_count, summary.retired_count) == (7, 1)
    assert "names" not in [q.key for q in get_pack(database, "sample").questions]


def test_a_retired_question_that_returns_is_restored(database: Database, sample_pack: Path) -> None:
    import_pack(database, sample_pack, now=NOW)
    science = sample_pack / "science.toml"
    original = science.read_text(encoding="utf-8")
    science.write_text(original.replace('id = "names"', 'id = "names-x"'), encoding="utf-8")
    _bump(sample_pack, "1.1.0")
    import_pack(database, sample_pack, now=NOW)
    science.write_text(original, encoding="utf-8")
    (sample_pack / "pack.toml").write_text(
        (sample_pack / "pack.toml").read_text().replace("1.1.0", "1.2.0")
    )
    plan = import_pack(database, sample_pack, now=NOW)
    assert plan.restored == ("names",)
    assert plan.retired == ("names-x",)
    keys = [q.key for q in get_pack(database, "sample").questions]
    assert "names" in keys
    assert "names-x" not in keys


def test_an_older_version_is_refused_unless_forced(database: Database, sample_pack: Path) -> None:
    _bump(sample_pack, "2.0.0")
    import_pack(database, sample_pack, now=NOW)
    _bump_back = sample_pack / "pack.toml"
    _bump_back.write_text(_bump_back.read_text().replace("2.0.0", "1.5.0"))
    before = snapshot(database)
    with pytest.raises(ImportRefusedError, match=r"older than version 2\.0\.0"):
        import_pack(database, sample_pack)
    assert snapshot(database) == before
    plan = import_pack(database, sample_pack, force=True, now=NOW)
    assert plan.kind is ImportKind.FORCED
    assert [s.version for s in list_packs(database)] == ["1.5.0"]


def test_same_version_with_other_content_is_refused(database: Database, sample_pack: Path) -> None:
    import_pack(database, sample_pack, now=NOW)
    science = sample_pack / "science.toml"
    science.write_text(
        science.read_text(encoding="utf-8").replace("difficulty = 1", "difficulty = 3", 1),
        encoding="utf-8",
    )
    before = snapshot(database)
    with pytest.raises(ImportRefusedError, match="raise 'version'"):
        import_pack(database, sample_pack)
    assert snapshot(database) == before


def test_a_failure_halfway_rolls_everything_back(
    database: Database, sample_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(database)
    real = pack_repo._upsert_topics

    def topics_then_crash(*args: object, **kwargs: object) -> object:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise OSError("disk full")

    monkeypatch.setattr(pack_repo, "_upsert_topics", topics_then_crash)
    with pytest.raises(OSError, match="disk full"):
        import_pack(database, sample_pack)
    assert snapshot(database) == before


def test_a_question_moved_to_another_topic_is_drawn_from_there(
    database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    science = sample_pack / "science.toml"
    science.write_text(
        science.read_text(encoding="utf-8").replace('topic = "science"', 'topic = "missions"', 1),
        encoding="utf-8",
    )
    _bump(sample_pack, "1.0.1")
    plan = import_pack(database, sample_pack, now=NOW)
    assert plan.changed == ("tidal-lock",)
    [summary] = list_packs(database)
    assert {t.key: t.question_count for t in summary.topics} == {"missions": 5, "science": 2}


def test_cancelling_midway_through_the_writes_rolls_everything_back(
    database: Database, tmp_path: Path
) -> None:
    from benchmarks.bank import write_generated_pack
    from quiz_app.core.errors import ImportCancelledError
    from quiz_app.core.importing import ImportControl

    folder = tmp_path / "big"
    write_generated_pack(folder, 5000)
    before = snapshot(database)
    steps: list[tuple[int, int]] = []

    def cancel_after_the_first_rows(done: int, total: int) -> None:
        steps.append((done, total))
        if done > 0:
            control.cancel()  # the first 2,000 questions are already written

    control = ImportControl(cancel_after_the_first_rows)
    with pytest.raises(ImportCancelledError, match="the bank is as it was"):
        import_pack(database, folder, control=control)
    assert steps == [(0, 5001), (2000, 5001)]
    assert snapshot(database) == before

    # A cancel that comes after the last row is written still undoes it all.
    late = ImportControl(lambda done, total: late.cancel() if done == total else None)
    with pytest.raises(ImportCancelledError):
        import_pack(database, folder, control=late)
    assert snapshot(database) == before

    plan = import_pack(database, folder, control=ImportControl())
    assert len(plan.added) == 5000


def test_an_import_overtaken_by_another_plans_again(
    database: Database, db_url: str, sample_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import plans before it takes the bank's write lock; when another import got
    in between, it plans again against what that one wrote."""
    from dataclasses import replace

    from quiz_app.core.ids import QuestionKey
    from quiz_app.packs.native import load_pack
    from quiz_app.services import packs as pack_services
    from quiz_app.storage import open_database

    v1 = load_pack(sample_pack)
    extra = replace(v1.questions[0], key=QuestionKey("extra"))
    v2 = replace(v1, info=replace(v1.info, version="1.1.0"), questions=(*v1.questions, extra))
    v3 = replace(v2, info=replace(v1.info, version="1.2.0"))
    pack_services.import_loaded_pack(database, v1)
    planned = pack_services._prepare
    overtaken: list[str] = []

    def plan_then_be_overtaken(*args: Any, **kwargs: Any) -> Any:
        prepared = planned(*args, **kwargs)
        if not overtaken:
            overtaken.append("v2")
            other = open_database(db_url)  # another teacher's import lands first
            pack_services.import_loaded_pack(other, v2)
            other.close()
        return prepared

    monkeypatch.setattr(pack_services, "_prepare", plan_then_be_overtaken)
    plan = pack_services.import_loaded_pack(database, v3)
    assert overtaken == ["v2"]
    assert (plan.old_version, plan.new_version, plan.added) == ("1.1.0", "1.2.0", ())
    stored = get_pack(database, "sample")
    assert stored.info.version == "1.2.0"
    assert [q.key for q in stored.questions] == [q.key for q in v3.questions]
