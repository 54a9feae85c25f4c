from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from quiz_app.core.errors import QuizError
from quiz_app.core.grading import Response, right_response
from quiz_app.core.ids import QuestionId
from quiz_app.core.questions import (
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import (
    finish_quiz,
    quiz_questions,
    start_quiz,
    submit_answer,
    unfinished_quiz,
)
from quiz_app.storage import Database, open_database
from tests.conftest import NOW


def _wrong(body: object) -> Response:
    match body:
        case SingleChoice(choices, answer):
            return next(c.id for c in choices if c.id != answer)
        case MultipleResponse(choices, answers):
            return frozenset(c.id for c in choices) - answers
        case TrueFalse(answer):
            return not answer
        case Numeric(answer, tolerance, _):
            return answer + 10 * tolerance + 1000
        case ShortText():
            return "certainly not this"
        case Ordering(items):
            return tuple(reversed([i.id for i in items]))
        case Matching(pairs):
            ids = [p.id for p in pairs]
            return dict(zip(ids, ids[1:] + ids[:1], strict=True))
    raise AssertionError(body)


@pytest.fixture
def bank(database: Database, sample_pack: Path) -> Database:
    import_pack(database, sample_pack, now=NOW)
    return database


def test_a_whole_quiz_of_every_type_is_graded_and_stored(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(count=7), seed=1, now=NOW).value
    questions = quiz_questions(bank, quiz)
    assert len({q.question.type for q in questions}) == 7
    for i, question in enumerate(questions):
        response = (
            right_response(question.question.body) if i % 2 == 0 else _wrong(question.question.body)
        )
        outcome = submit_answer(
            bank, quiz.id, question.id, response, 1000 + i, now=NOW + timedelta(seconds=i)
        )
        assert outcome.score == (1.0 if i % 2 == 0 else 0.0), question.question.key
    done = finish_quiz(bank, quiz.id, now=NOW + timedelta(minutes=5)).value
    assert done.finished
    assert done.score == pytest.approx(4 / 7)
    assert done.time_ms == sum(1000 + i for i in range(7))
    assert unfinished_quiz(bank, ada.id) is None


def test_a_quiz_left_midway_resumes_exactly_there(bank: Database, db_url: str) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(count=5), seed=2, now=NOW).value
    first, second = quiz.question_ids[:2]
    for question in quiz_questions(bank, quiz)[:2]:
        submit_answer(
            bank, quiz.id, question.id, right_response(question.question.body), 500, now=NOW
        )
    bank.close()  # the app is closed (or killed) here

    reopened = open_database(db_url)
    resumed = unfinished_quiz(reopened, ada.id)
    assert resumed is not None
    assert resumed.id == quiz.id
    assert resumed.question_ids == quiz.question_ids
    assert set(resumed.answers) == {first, second}
    assert resumed.next_question == quiz.question_ids[2]
    reopened.close()


def test_an_answer_cannot_be_given_twice_or_after_the_end(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(count=3), seed=3, now=NOW).value
    [question, *_] = quiz_questions(bank, quiz)
    submit_answer(bank, quiz.id, question.id, right_response(question.question.body), 10, now=NOW)
    with pytest.raises(QuizError, match="already been answered"):
        submit_answer(
            bank, quiz.id, question.id, right_response(question.question.body), 10, now=NOW
        )
    with pytest.raises(QuizError, match="not part of this quiz"):
        submit_answer(bank, quiz.id, QuestionId(99999), "a", 10, now=NOW)
    finish_quiz(bank, quiz.id, now=NOW)
    with pytest.raises(QuizError, match="finished"):
        submit_answer(bank, quiz.id, quiz.question_ids[1], "a", 10, now=NOW)


def test_my_mistakes_draws_only_what_was_last_answered_wrongly(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    with pytest.raises(QuizError, match="No mistakes"):
        start_quiz(bank, ada.id, QuizSettings(mode=QuizMode.MISTAKES), now=NOW)
    quiz = start_quiz(bank, ada.id, QuizSettings(count=7), seed=4, now=NOW).value
    questions = quiz_questions(bank, quiz)
    wrong = {q.id for q in questions[:3]}
    for question in questions:
        body = question.question.body
        response = _wrong(body) if question.id in wrong else right_response(body)
        submit_answer(bank, quiz.id, question.id, response, 10, now=NOW)
    finish_quiz(bank, quiz.id, now=NOW)

    mistakes = start_quiz(
        bank, ada.id, QuizSettings(mode=QuizMode.MISTAKES, count=10), seed=5, now=NOW
    ).value
    assert set(mistakes.question_ids) == wrong
    # Putting one right takes it off the list.
    fixed = questions[0]
    submit_answer(bank, mistakes.id, fixed.id, right_response(fixed.question.body), 10, now=NOW)
    finish_quiz(bank, mistakes.id, now=NOW)
    again = start_quiz(
        bank, ada.id, QuizSettings(mode=QuizMode.MISTAKES, count=10), seed=6, now=NOW
    ).value
    assert set(again.question_ids) == wrong - {fixed.id}


def test_an_older_answer_arriving_later_does_not_bring_a_mistake_back(bank: Database) -> None:
    # A merge from another computer appends answers given before those already here.
    from quiz_app.core.learners import AnswerRecord
    from quiz_app.storage import learners as learner_repo

    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(count=2), seed=4, now=NOW).value
    questions = quiz_questions(bank, quiz)
    for question in questions:
        body = question.question.body
        submit_answer(bank, quiz.id, question.id, right_response(body), 10, now=NOW)
    finish_quiz(bank, quiz.id, now=NOW)
    first = questions[0]
    with bank.transaction() as session:
        learner_repo.append_answer(
            session, AnswerRecord(ada.id, first.id, None, 0.0, 10, NOW - timedelta(days=3))
        )
    with pytest.raises(QuizError, match="No mistakes"):
        start_quiz(bank, ada.id, QuizSettings(mode=QuizMode.MISTAKES), now=NOW)


def test_each_learner_sees_only_their_own_quizzes(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    bob = create_learner(bank, "Bob", now=NOW).value
    start_quiz(bank, ada.id, QuizSettings(count=2), seed=1, now=NOW)
    assert unfinished_quiz(bank, bob.id) is None
    assert unfinished_quiz(bank, ada.id) is not None


def test_learner_names_are_unique_and_not_blank(database: Database) -> None:
    create_learner(database, "  Ada  Lovelace ", now=NOW)
    with pytest.raises(QuizError, match="already a learner called Ada Lovelace"):
        create_learner(database, "Ada Lovelace", now=NOW)
    with pytest.raises(QuizError, match="needs a name"):
        create_learner(database, "   ", now=NOW)


_CHILD = """
import os, signal, sys
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.quiz import quiz_questions, start_quiz, submit_answer
from quiz_app.storage import open_database
from quiz_app.core.grading import right_response
database = open_database(sys.argv[1])
learner = create_learner(database, "Ada").value
quiz = start_quiz(database, learner.id, QuizSettings(count=5), seed=9).value
for question in quiz_questions(database, quiz)[:2]:
    submit_answer(database, quiz.id, question.id, right_response(question.question.body), 700)
print(quiz.id, flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # the power goes: no clean-up of any kind
"""


def test_a_killed_process_loses_no_submitted_answer(bank: Database, db_url: str) -> None:
    import subprocess
    import sys

    from tests.conftest import DATA

    child = subprocess.run(
        [sys.executable, "-c", _CHILD, db_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=DATA.parents[1],
    )
    assert child.returncode == -9, child.stderr  # killed, not finished
    bank.close()
    reopened = open_database(db_url)
    from quiz_app.services.learners import list_learners

    [ada] = list_learners(reopened)
    resumed = unfinished_quiz(reopened, ada.id)
    assert resumed is not None
    assert resumed.id == int(child.stdout.split()[0])
    assert len(resumed.answers) == 2
    assert all(a.score == 1.0 for a in resumed.answers.values())
    assert resumed.next_question == resumed.question_ids[2]
    assert reopened.integrity_problems() == []
    reopened.close()


def test_why_a_quiz_cannot_start_is_said_in_chinese_too(database: Database) -> None:
    from quiz_app.services.quiz import NothingDueError

    learner = create_learner(database, "小明", language="zh", now=NOW).value
    cases = [
        (
            QuizSettings(QuizMode.PRACTICE),
            QuizError,
            "没有符合这些设置的题目；请多选一些主题或题型。",
        ),
        (
            QuizSettings(QuizMode.MISTAKES),
            QuizError,
            "没有要练习的错题：你上次回答的每道题都答对了。",
        ),
        (QuizSettings(QuizMode.REVIEW), NothingDueError, "现在没有需要复习的题目。"),
    ]
    for settings, kind, chinese in cases:  # an empty bank: nothing to draw, nothing due
        with pytest.raises(kind) as raised:
            start_quiz(database, learner.id, settings, now=NOW)
        assert raised.value.message("zh") == chinese
        assert raised.value.message("en") == str(raised.value)
