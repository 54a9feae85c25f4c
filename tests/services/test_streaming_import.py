"""Imports written a chunk at a time, and saves whose cost follows the change: what a
teacher or learner would notice stays as it was (every question there, in order, the
rows and answers of untouched questions untouched), at the chunks' boundaries too."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from benchmarks.bank import write_generated_pack
from quiz_app.core.errors import PackError, QuizError
from quiz_app.core.ids import QuestionId
from quiz_app.core.importing import encode_pack
from quiz_app.core.learners import AnswerRecord
from quiz_app.core.serialize import question_json
from quiz_app.packs.native import load_pack
from quiz_app.services.editing import open_pack_for_editing, save_edited_pack
from quiz_app.services.packs import get_pack, import_pack
from quiz_app.storage import Database
from quiz_app.storage import learners as learner_repo
from quiz_app.storage import packs as pack_repo
from tests.conftest import NOW, snapshot

WRITE_CHUNK = pack_repo._CHUNK


def _rows(database: Database) -> dict[str, tuple[Any, ...]]:
    """Every question row by key, every column."""
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM question ORDER BY id")).all()
    return {row.key: tuple(row) for row in rows}


def _pack_hash(database: Database, pack_id: str) -> str:
    with database.engine.connect() as connection:
        return str(
            connection.execute(
                text("SELECT content_hash FROM pack WHERE id = :p"), {"p": pack_id}
            ).scalar_one()
        )


def _answer(database: Database, key: str, name: str = "Ada") -> None:
    with database.transaction() as session:
        learner = learner_repo.add_learner(session, name, NOW)
        row = session.execute(text("SELECT id FROM question WHERE key = :k"), {"k": key})
        learner_repo.append_answer(
            session, AnswerRecord(learner.id, QuestionId(row.scalar_one()), True, 1.0, 900, NOW)
        )


def _generated_file(folder: Path, index: int) -> Path:
    """The JSON question file of ``write_generated_pack`` that holds question ``index``."""
    files = sorted(folder.glob("part-*.json"))
    per_file = len(json.loads(files[0].read_text(encoding="utf-8"))["questions"])
    return files[index // per_file]


def _edit_question(folder: Path, index: int, **changes: Any) -> None:
    path = _generated_file(folder, index)
    data = json.loads(path.read_text(encoding="utf-8"))
    questions = data["questions"]
    at = next(i for i, q in enumerate(questions) if q["id"] == f"q{index:07d}")
    questions[at] = {**questions[at], **changes}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _bump(folder: Path, version: str) -> None:
    manifest = folder / "pack.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('"1.0.0"', f'"{version}"'),
        encoding="utf-8",
    )


@pytest.mark.parametrize("count", [WRITE_CHUNK, WRITE_CHUNK + 10])
def test_a_pack_of_one_write_chunk_or_more_is_all_there_in_order(
    database: Database, tmp_path: Path, count: int
) -> None:
    folder = tmp_path / "big"
    write_generated_pack(folder, count)  # ten files: 2,010 makes files of 201
    plan = import_pack(database, folder, now=NOW)
    assert len(plan.added) == count
    expected = {q.key: question_json(q) for q in load_pack(folder).questions}
    rows = _rows(database)
    with database.engine.connect() as connection:
        stored = connection.execute(
            text("SELECT key, content, position, topic_id, slot FROM question")
        ).all()
    assert {key: content for key, content, *_ in stored} == expected
    assert sorted(position for _, _, position, _, _ in stored) == list(range(count))
    slots: dict[int, list[int]] = defaultdict(list)
    for _, _, _position, topic, slot in sorted(stored, key=lambda r: r[2]):
        slots[topic].append(slot)
    # Each topic's questions take its slots in pack order, with no gap: what draws rely on.
    assert all(taken == list(range(len(taken))) for taken in slots.values())
    assert len(rows) == count
    assert _pack_hash(database, "bench") == encode_pack(load_pack(folder)).digest


def test_an_error_in_the_last_question_of_the_last_chunk_changes_nothing(
    database: Database, tmp_path: Path, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    _answer(database, "far-side-first")
    folder = tmp_path / "big"
    write_generated_pack(folder, WRITE_CHUNK + 10)
    last = WRITE_CHUNK + 9
    _edit_question(folder, last, answer="zz")
    before = snapshot(database)
    with pytest.raises(PackError) as caught:
        import_pack(database, folder, now=NOW)
    [problem] = caught.value.problems
    assert problem.file == str(_generated_file(folder, last))
    assert problem.line is not None
    assert problem.line > 1
    assert "answer 'zz' is not one of the choices" in problem.message
    assert problem.zh is not None
    assert "答案“zz”不是选项之一" in problem.zh
    assert snapshot(database) == before


def test_a_reimport_that_changes_one_question_writes_only_that_question(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "big"
    write_generated_pack(folder, WRITE_CHUNK + 10)
    import_pack(database, folder, now=NOW)
    _answer(database, "q0000003", "Ada")
    _answer(database, "q0002004", "Bo")  # the one that changes, in the second chunk
    before = _rows(database)
    answers = snapshot(database)["answer"]
    _edit_question(folder, WRITE_CHUNK + 4, difficulty=3, source="edited")
    _bump(folder, "1.0.1")

    plan = import_pack(database, folder, now=NOW)

    assert plan.changed == ("q0002004",)
    assert (plan.added, plan.retired, plan.unchanged) == ((), (), WRITE_CHUNK + 9)
    after = _rows(database)
    assert {k: v for k, v in after.items() if k != "q0002004"} == {
        k: v for k, v in before.items() if k != "q0002004"
    }
    changed = dict(
        zip(("id", "content"), (after["q0002004"][0], after["q0002004"][6]), strict=False)
    )
    assert changed["id"] == before["q0002004"][0]  # the same row: Bo's answer still points at it
    assert json.loads(changed["content"])["source"] == "edited"
    assert snapshot(database)["answer"] == answers


def test_a_save_with_one_question_changed_writes_only_that_question(
    database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    _answer(database, "far-side-first")
    before = _rows(database)
    media_before = snapshot(database)["media"]
    edited = open_pack_for_editing(database, "sample")
    questions = [dict(q) for q in edited.questions]
    target = questions[2]["id"]
    questions[2] = {**questions[2], "difficulty": 1 + questions[2]["difficulty"] % 3}

    plan = save_edited_pack(database, edited, questions, now=NOW)

    assert plan.changed == (target,)
    assert plan.new_version == "1.1.0"
    after = _rows(database)
    assert {k: v for k, v in after.items() if k != target} == {
        k: v for k, v in before.items() if k != target
    }
    assert after[target][0] == before[target][0]
    assert snapshot(database)["media"] == media_before
    # The pack's fingerprint is the one the saved pack has when read whole, images and all:
    # re-importing the same pack finds nothing to do.
    assert _pack_hash(database, "sample") == encode_pack(get_pack(database, "sample")).digest
    reopened = open_pack_for_editing(database, "sample")
    assert [dict(q) for q in reopened.questions] == questions


def test_a_save_is_refused_when_the_pack_was_replaced_at_the_same_version(
    database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    edited = open_pack_for_editing(database, "sample")
    science = sample_pack / "science.toml"
    science.write_text(
        science.read_text(encoding="utf-8").replace("difficulty = 2", "difficulty = 3", 1),
        encoding="utf-8",
    )
    import_pack(database, sample_pack, now=NOW, force=True)  # same version, other content
    before = snapshot(database)
    questions = [dict(q) for q in edited.questions]
    questions[0] = {**questions[0], "difficulty": 1 + questions[0]["difficulty"] % 3}
    with pytest.raises(QuizError, match="while it was being edited") as caught:
        save_edited_pack(database, edited, questions, now=NOW)
    assert "编辑期间" in caught.value.message("zh")
    assert snapshot(database) == before


def _with_one_more_question(pack: Path, target: Path) -> Path:
    """A copy of the sample pack as version 1.0.1, with a question "extra" more."""
    shutil.copytree(pack, target)
    manifest = target / "pack.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('version = "1.0.0"', 'version = "1.0.1"'),
        encoding="utf-8",
    )
    extra = (
        '\n[[questions]]\nid = "extra"\ntype = "true_false"\ntopic = "science"\n'
        'difficulty = 1\nprompt.en = "The Moon has no global magnetic field today."\n'
        'prompt.zh = "如今月球没有全球性磁场。"\nanswer = true\n'
        'source = "fact sheet"\n'
    )
    science = target / "science.toml"
    science.write_text(science.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return target


def test_a_save_plans_against_the_bank_as_it_is_when_the_pack_came_back_meanwhile(
    database: Database, sample_pack: Path, tmp_path: Path
) -> None:
    """The editor keeps the pack's rows as it opened them, for the save. Meanwhile a
    teacher imported a version with one more question, then the opened version again
    (--force; the same time of import, as a fixed clock gives): the pack's version and
    fingerprint are as opened, but the bank now holds that question, retired. A question
    added under its id brings the row back, rather than failing on the taken id."""
    import_pack(database, sample_pack, now=NOW)
    edited = open_pack_for_editing(database, "sample")
    newer = _with_one_more_question(sample_pack, tmp_path / "newer")
    assert import_pack(database, newer, now=NOW).added == ("extra",)
    assert import_pack(database, sample_pack, now=NOW, force=True).retired == ("extra",)
    questions = [dict(q) for q in edited.questions]
    added = {"en": "Added in the editor.", "zh": "在编辑器里添加的。"}
    questions.append({**questions[0], "id": "extra", "prompt": added})

    plan = save_edited_pack(database, edited, questions, now=NOW)

    assert plan.restored == ("extra",)
    saved = {q["id"]: q for q in open_pack_for_editing(database, "sample").questions}
    assert saved["extra"]["prompt"] == added
    assert list(saved) == [q["id"] for q in questions]


_IMPORTS = """
import sys
from pathlib import Path
from quiz_app.services.packs import import_pack
from quiz_app.storage import open_database
database = open_database(sys.argv[1])
import_pack(database, Path(sys.argv[2]))
import_pack(database, Path(sys.argv[3]), force=True)
database.close()
"""


def _answers_by_question(database: Database) -> list[tuple[Any, ...]]:
    with database.engine.connect() as connection:
        query = (
            "SELECT a.id, a.learner_id, q.id, q.key, a.score FROM answer a"
            " JOIN question q ON q.id = a.question_id ORDER BY a.id"
        )
        return [tuple(row) for row in connection.execute(text(query))]


def test_a_save_after_another_process_changed_the_pack_keeps_every_answer(
    database: Database, db_url: str, sample_pack: Path, tmp_path: Path
) -> None:
    """Learners have answered; the editor opens the pack; a teacher's other process
    imports a version with one more question, then the opened one again (its real clock
    this time). The save plans against the bank as that process left it: the question
    added under the id retired meanwhile comes back, and every answer stays, on the same
    question rows."""
    import_pack(database, sample_pack, now=NOW)
    for key, name in (("far-side-first", "Ada"), ("tidal-lock", "Bo"), ("launch-order", "Chen")):
        _answer(database, key, name)
    edited = open_pack_for_editing(database, "sample")
    newer = _with_one_more_question(sample_pack, tmp_path / "newer")
    child = subprocess.run(
        [sys.executable, "-c", _IMPORTS, db_url, str(newer), str(sample_pack)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert child.returncode == 0, child.stderr
    answers = _answers_by_question(database)
    assert len(answers) == 3
    questions = [dict(q) for q in edited.questions]
    added = {"en": "Added in the editor.", "zh": "在编辑器里添加的。"}
    questions.append({**questions[0], "id": "extra", "prompt": added})

    plan = save_edited_pack(database, edited, questions, now=NOW)

    assert plan.restored == ("extra",)
    assert _answers_by_question(database) == answers
    assert [q["id"] for q in open_pack_for_editing(database, "sample").questions] == [
        q["id"] for q in questions
    ]


def test_a_save_of_a_spreadsheet_pack_follows_the_change_too(
    database: Database, tmp_path: Path
) -> None:
    sheet = tmp_path / "week.csv"
    sheet.write_text(
        "type,topic,prompt,answer\n"
        "short_text,Week 1,Which mission landed on the far side?,Chang'e-4\n"
        "short_text,Week 1,Which mission brought back samples?,Chang'e-5\n"
        "short_text,Week 2,Which is the relay satellite?,Queqiao\n",
        encoding="utf-8",
    )
    import_pack(database, sheet, now=NOW)
    before = _rows(database)
    edited = open_pack_for_editing(database, "week")
    questions = [dict(q) for q in edited.questions]
    target = questions[1]["id"]
    questions[1] = {**questions[1], "difficulty": 3}
    plan = save_edited_pack(database, edited, questions, now=NOW)
    assert (plan.old_version, plan.new_version, plan.changed) == ("1.0.0", "1.1.0", (target,))
    after = _rows(database)
    assert {k: v for k, v in after.items() if k != target} == {
        k: v for k, v in before.items() if k != target
    }
    assert _pack_hash(database, "week") == encode_pack(get_pack(database, "week")).digest
    # The file imported again is the old content: a change, so the next version.
    again = import_pack(database, sheet, now=NOW)
    assert (again.new_version, again.changed) == ("1.2.0", (target,))
