"""Migration 0010 on a bank full of a class's work: a quiz keeps one answer to each
question; doubles a server race left behind keep their first copy."""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quiz_app.core.errors import QuizError
from quiz_app.core.ids import QuestionId, QuizSessionId
from quiz_app.core.learners import AnswerRecord
from quiz_app.services.bank import open_bank
from quiz_app.services.quiz import quiz_questions
from quiz_app.storage.learners import append_answer
from quiz_app.storage.models import ANSWER
from tests.conftest import NOW
from tests.storage.corpus import Rows, build_bank_at, class_template, read_rows


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Rows:
    return class_template(tmp_path_factory)


def _doubled(path: Path, answers: list[dict[str, object]], how_many: int) -> list[int]:
    """Copy the first ``how_many`` answers given in a quiz, later and under new ids, as
    two computers sending one answer at once left them; the copies' ids."""
    in_quizzes = [a for a in answers if a["session_id"] is not None][:how_many]
    top = max(int(str(a["id"])) for a in answers)
    copies = []
    with closing(sqlite3.connect(path)) as connection:
        for n, answer in enumerate(in_quizzes, start=1):
            copy = answer | {"id": top + n, "uid": uuid.uuid4().hex, "score": 1.0}
            names = ", ".join(copy)
            marks = ", ".join(f":{c}" for c in copy)
            connection.execute(f"INSERT INTO answer ({names}) VALUES ({marks})", copy)
            copies.append(top + n)
        connection.commit()
    return copies


def test_doubles_keep_their_first_answer_and_every_other_row_stays(
    template: Rows, tmp_path: Path
) -> None:
    path = tmp_path / "bank.sqlite3"
    before = build_bank_at("0009", path, template)
    copies = _doubled(path, before["answer"], 3)
    assert len(copies) == 3
    bank = open_bank(str(path), builtin=False)
    bank.close()
    after = read_rows(path)
    assert [a["id"] for a in after["answer"]] == [a["id"] for a in before["answer"]]
    for table in ("learner", "quiz_session", "question"):
        assert len(after[table]) == len(before[table]), table


def test_after_it_the_bank_itself_refuses_a_second_answer(template: Rows, tmp_path: Path) -> None:
    path = tmp_path / "bank.sqlite3"
    before = build_bank_at("0009", path, template)
    bank = open_bank(str(path), builtin=False)
    try:
        unfinished = [s for s in before["quiz_session"] if not s["finished_at"]]
        quiz_id = QuizSessionId(int(str(unfinished[0]["id"])))
        answered = {a["question_id"] for a in before["answer"] if a["session_id"] == quiz_id}
        with bank.reading() as session:
            from quiz_app.storage import quizzes

            quiz = quizzes.get_session(session, quiz_id)
        assert quiz is not None
        question = next(q for q in quiz_questions(bank, quiz) if q.id in answered)
        again = AnswerRecord(
            quiz.learner_id,
            QuestionId(question.id),
            "x",
            1.0,
            900,
            NOW + timedelta(days=60),
            quiz_id,
        )
        # Past the service's own check, as a second computer's answer would be: the bank
        # itself refuses it, with the same words.
        with pytest.raises(QuizError, match="already been answered"):
            bank.write(lambda session: append_answer(session, again))
        with bank.reading() as session:
            count = session.execute(
                select(func.count()).where(
                    ANSWER.c.session_id == quiz_id, ANSWER.c.question_id == question.id
                )
            ).scalar_one()
        assert count == 1
    finally:
        bank.close()
