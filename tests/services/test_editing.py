"""The editor's operations: checks as the teacher types, saving as a new version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from quiz_app.core.errors import PackError, QuizError
from quiz_app.core.ids import QuestionId
from quiz_app.core.learners import AnswerRecord
from quiz_app.services.editing import (
    open_pack_for_editing,
    preview_question,
    save_edited_pack,
)
from quiz_app.services.packs import get_pack, import_pack
from quiz_app.storage import Database
from quiz_app.storage import learners as learner_repo
from quiz_app.storage import packs as pack_repo
from tests.conftest import NOW, snapshot


@pytest.fixture
def bank(database: Database, sample_pack: Path) -> Database:
    import_pack(database, sample_pack)
    return database


def _row_id(database: Database, key: str) -> int:
    with database.engine.connect() as connection:
        return int(
            connection.execute(
                text("SELECT id FROM question WHERE key = :k"), {"k": key}
            ).scalar_one()
        )


def _by_key(questions: tuple[dict[str, Any], ...], key: str) -> dict[str, Any]:
    return next(dict(q) for q in questions if q["id"] == key)


def test_a_question_is_checked_by_the_same_rules_as_a_pack_file(bank: Database) -> None:
    edited = open_pack_for_editing(bank, "sample")
    question = _by_key(edited.questions, "far-side-first")
    assert edited.problems(question) == []
    question["answer"] = "zz"
    question["difficulty"] = 7
    fields = dict(edited.problems(question))
    assert "difficulty" in fields
    question["difficulty"] = 2
    assert edited.problems(question) == [
        ("answer", "answer 'zz' is not one of the choices (a, b, c)")
    ]


def test_a_question_s_problems_are_said_in_the_teacher_s_language(bank: Database) -> None:
    edited = open_pack_for_editing(bank, "sample")
    question = {**_by_key(edited.questions, "far-side-first"), "answer": "zz"}
    assert edited.problems(question, "zh") == [("answer", "答案“zz”不是选项之一（a, b, c）")]
    assert edited.problems(question, "en") == edited.problems(question)


def test_a_refused_save_reads_in_chinese(bank: Database) -> None:
    edited = open_pack_for_editing(bank, "sample")
    questions = [dict(q) for q in edited.questions]
    questions.append(dict(questions[0]))
    with pytest.raises(PackError) as caught:
        save_edited_pack(bank, edited, questions)
    assert caught.value.message("zh").splitlines() == [
        "1 个问题：",
        "  sample (question 8): 题目“far-side-first”：有两道题使用这个 id",
    ]
    with pytest.raises(PackError) as caught:
        save_edited_pack(bank, edited, [])
    assert caught.value.message("zh") == "1 个问题：\n  sample: 题包至少需要一道题"


def test_a_missing_translation_is_named(bank: Database) -> None:
    edited = open_pack_for_editing(bank, "sample")
    question = _by_key(edited.questions, "tidal-lock")
    del question["prompt"]["zh"]
    messages = [m for _, m in edited.problems(question)]
    assert any("has no zh text, but pack.toml lists zh" in m for m in messages)


def test_saving_makes_the_next_version_and_keeps_answers_linked(bank: Database) -> None:
    with bank.transaction() as session:
        ada = learner_repo.add_learner(session, "Ada", NOW)
        learner_repo.append_answer(
            session,
            AnswerRecord(ada.id, QuestionId(_row_id(bank, "far-side-first")), True, 1.0, 900, NOW),
        )
    row = _row_id(bank, "far-side-first")
    edited = open_pack_for_editing(bank, "sample")
    questions = [dict(q) for q in edited.questions]
    questions[0] = {**questions[0], "difficulty": 3}
    removed = questions.pop()["id"]
    new = {
        "id": "new-one",
        "type": "true_false",
        "topic": "science",
        "difficulty": 1,
        "prompt": {"en": "The Moon has a far side.", "zh": "月球有背面。"},
        "answer": True,
    }
    questions.insert(1, new)
    plan = save_edited_pack(bank, edited, questions)
    assert (plan.old_version, plan.new_version) == ("1.0.0", "1.1.0")
    assert plan.added == ("new-one",)
    assert plan.retired == (removed,)
    assert len(plan.changed) == 1
    pack = get_pack(bank, "sample")
    assert pack.info.version == "1.1.0"
    assert [q.key for q in pack.questions] == [q["id"] for q in questions]
    after = open_pack_for_editing(bank, "sample")
    assert after.questions[1] == new
    assert _row_id(bank, "far-side-first") == row  # the same row: the answer still points at it
    with bank.reading() as session:
        [answer] = learner_repo.answers_of(session, ada.id)
        [linked] = pack_repo.questions_by_id(session, [answer.question_id])
    assert linked.question.difficulty == 3


def test_reordering_alone_is_saved(bank: Database) -> None:
    edited = open_pack_for_editing(bank, "sample")
    questions = list(reversed(edited.questions))
    save_edited_pack(bank, edited, questions)
    assert [q.key for q in get_pack(bank, "sample").questions] == [q["id"] for q in questions]


def test_a_question_with_a_problem_saves_nothing(bank: Database) -> None:
    edited = open_pack_for_editing(bank, "sample")
    questions = [dict(q) for q in edited.questions]
    questions[2] = {**questions[2], "prompt": {"en": "", "zh": "空"}}
    questions.append(dict(questions[0]))
    before = snapshot(bank)
    with pytest.raises(PackError) as caught:
        save_edited_pack(bank, edited, questions)
    text = str(caught.value)
    assert "sample (question 3)" in text
    assert "sample (question 8): question 'far-side-first': two questions have this id" in text
    assert snapshot(bank) == before


def test_an_empty_pack_is_refused(bank: Database) -> None:
    edited = open_pack_for_editing(bank, "sample")
    with pytest.raises(PackError, match="at least one question"):
        save_edited_pack(bank, edited, [])


def test_a_pack_changed_meanwhile_is_not_overwritten(bank: Database) -> None:
    first = open_pack_for_editing(bank, "sample")
    second = open_pack_for_editing(bank, "sample")
    save_edited_pack(bank, first, list(reversed(first.questions)))
    before = snapshot(bank)
    with pytest.raises(QuizError, match=r"changed to version 1\.1\.0 while it was being edited"):
        save_edited_pack(bank, second, list(second.questions))
    assert snapshot(bank) == before


def test_the_preview_is_the_question_the_learner_gets(bank: Database) -> None:
    edited = open_pack_for_editing(bank, "sample")
    question = _by_key(edited.questions, "ce5-mass")
    stored = next(q for q in get_pack(bank, "sample").questions if q.key == "ce5-mass")
    assert preview_question(question) == stored
