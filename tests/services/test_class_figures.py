"""Class results summed in the database give exactly what loading every finished quiz
into Python gave (the computation the app used before, kept here as the reference)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import astuple
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from quiz_app.core.grading import right_response
from quiz_app.core.ids import PackId
from quiz_app.core.item_analysis import Attempt, item_statistics
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.exchange import export_results, merge_results
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import (
    abandon_quiz,
    finish_quiz,
    quiz_questions,
    start_quiz,
    submit_answer,
)
from quiz_app.services.results import (
    ClassResults,
    LearnerResult,
    PackResult,
    QuestionResult,
    class_results,
)
from quiz_app.storage import Database, Session, open_database
from quiz_app.storage.models import ANSWER, LEARNER, QUIZ_SESSION
from quiz_app.storage.results import question_labels
from tests.conftest import DATA, NOW
from tests.services.test_quiz import _wrong
from tests.storage.corpus import _gives_up_and_retries, _learners_work
from tests.storage.test_tallies import assert_kept_as_counted

_S, _A, _L = QUIZ_SESSION.c, ANSWER.c, LEARNER.c


# -- the reference: the computation the app used before (every finished quiz in Python) --
def _finished_quizzes(session: Session) -> list[dict[str, Any]]:
    answers: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)
    for session_id, question_id, score, time_ms in session.execute(
        select(_A.session_id, _A.question_id, _A.score, _A.time_ms)
        .join(QUIZ_SESSION, _S.id == _A.session_id)
        .where(_S.finished_at.is_not(None))
    ):
        answers[session_id][question_id] = (float(score), int(time_ms))
    return [
        {
            "learner": row.name,
            "question_ids": list(row.question_ids),
            "answers": answers.get(row.id, {}),
        }
        for row in session.execute(
            select(_S.id, _S.learner_id, _L.name, _S.question_ids)
            .join(LEARNER, _L.id == _S.learner_id)
            .where(_S.finished_at.is_not(None))
            .order_by(_S.id)
        )
    ]


def _reference(database: Database) -> ClassResults:
    with database.reading() as session:
        quizzes = _finished_quizzes(session)
        all_ids = sorted({q for quiz in quizzes for q in quiz["question_ids"]})
        labels = question_labels(session, all_ids)
    by_learner: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quiz in quizzes:
        by_learner[str(quiz["learner"])].append(quiz)
    learners = []
    for name, mine in sorted(by_learner.items()):
        answers = [a for quiz in mine for a in quiz["answers"].values()]
        learners.append(
            LearnerResult(
                name,
                len(mine),
                len(answers),
                100 * sum(s for s, _ in answers) / len(answers) if answers else 0.0,
                sum(t for _, t in answers) / 60_000,
            )
        )
    stats = item_statistics(
        Attempt(quiz["question_ids"], {q: s for q, (s, _) in quiz["answers"].items()})
        for quiz in quizzes
    )
    times: dict[int, list[int]] = defaultdict(list)
    per_pack: dict[str, list[float]] = defaultdict(list)
    for quiz in quizzes:
        for question, (score, time_ms) in quiz["answers"].items():
            times[question].append(time_ms)
            per_pack[labels.get(question, ("?", "?"))[0]].append(score)
    questions = tuple(
        QuestionResult(
            labels.get(q, ("?", "?"))[0],
            labels.get(q, ("?", "?"))[1],
            s.attempts,
            s.facility,
            s.discrimination,
            sum(times[q]) / len(times[q]) / 1000 if times[q] else 0.0,
        )
        for q, s in sorted(stats.items(), key=lambda item: labels.get(item[0], ("", "")))
    )
    packs = tuple(
        PackResult(p, len(scores), 100 * sum(scores) / len(scores))
        for p, scores in sorted(per_pack.items())
    )
    return ClassResults(tuple(learners), packs, questions)


def _same(new: ClassResults, old: ClassResults) -> None:
    """Equal, up to the last bits of a float summed in another order."""
    for part in ("learners", "packs", "questions"):
        got, want = getattr(new, part), getattr(old, part)
        assert len(got) == len(want), part
        for a, b in zip(got, want, strict=True):
            for x, y in zip(astuple(a), astuple(b), strict=True):
                if isinstance(y, float):
                    assert x == pytest.approx(y, rel=1e-9, abs=1e-9), (part, a, b)
                else:
                    assert x == y, (part, a, b)


# -- the class -----------------------------------------------------------------------------
PAIR = "::p1:: The Moon has a far side.{T}\n\n::p2:: The Moon has oceans of water.{F}\n"
SINGLE = "::s1:: Chang'e-5 brought samples home.{T}\n"


def _take(bank: Database, name: str, pack: str, count: int, answers: str, *, end: str) -> None:
    """``name`` takes a quiz of ``count`` questions of ``pack``, answers the first ones
    as ``answers`` says (R right, W wrong), and finishes it, gives it up or leaves it."""
    learner = create_learner(bank, name, now=NOW).value
    settings = QuizSettings(count=count, pack_ids=(PackId(pack),))
    quiz = start_quiz(bank, learner.id, settings, seed=3, now=NOW).value
    for i, (question, mark) in enumerate(zip(quiz_questions(bank, quiz), answers, strict=False)):
        body = question.question.body
        response = right_response(body) if mark == "R" else _wrong(body)
        submit_answer(bank, quiz.id, question.id, response, 1500 + 250 * i, now=NOW)
    if end == "finish":
        finish_quiz(bank, quiz.id, now=NOW + timedelta(minutes=5))
    elif end == "abandon":
        abandon_quiz(bank, quiz.id, now=NOW + timedelta(minutes=5))


def _a_term(bank: Database, folder: Path) -> None:
    """tests/storage/corpus.py's class (packs in two formats, a newer pack version
    retiring an answered question, finished, unfinished, given-up and retried quizzes,
    results merged from another computer), and the edge cases around it."""
    import_pack(bank, DATA / "sample-pack", now=NOW)
    import_pack(bank, DATA / "gift" / "class-quiz.gift", now=NOW, skip_invalid=True)
    _learners_work(bank, ["Ada", "李娜", "Wang Wei"], start=0)
    _learners_work(bank, ["Zhao Min"], start=6)
    _gives_up_and_retries(bank, "Zhao Min", start=10)
    (folder / "pair.gift").write_text(PAIR, encoding="utf-8")
    (folder / "single.gift").write_text(SINGLE, encoding="utf-8")
    import_pack(bank, folder / "pair.gift", now=NOW)
    import_pack(bank, folder / "single.gift", now=NOW)
    _take(bank, "Pia", "pair", 2, "RR", end="finish")  # p1, p2: two attempts each,
    _take(bank, "Quinn", "pair", 2, "W", end="finish")  # ... one of them unanswered
    _take(bank, "Sol", "single", 1, "R", end="finish")  # s1: answered once, in one quiz
    _take(bank, "Gave Up", "single", 1, "W", end="abandon")  # no finished quiz: not listed
    _take(bank, "Midway", "pair", 2, "W", end="leave")  # unfinished: not counted
    _take(bank, "Blank", "sample", 3, "", end="finish")  # finished with no answer at all
    other = open_database(f"sqlite:///{folder / 'other.sqlite3'}")
    import_pack(other, DATA / "sample-pack", now=NOW)
    _learners_work(other, ["陈静"], start=8)
    export_results(other, folder / "chen.results", now=NOW + timedelta(days=12))
    other.close()
    merge_results(bank, folder / "chen.results", now=NOW + timedelta(days=13))


def test_sums_in_the_database_match_every_quiz_in_python(
    database: Database, tmp_path: Path
) -> None:
    _a_term(database, tmp_path)
    new, old = class_results(database), _reference(database)
    _same(new, old)
    assert_kept_as_counted(database)  # and the sums kept are those summed from the answers
    by_name = {r.learner: r for r in new.learners}
    assert "Gave Up" not in by_name
    assert "Midway" not in by_name
    assert astuple(by_name["Blank"]) == ("Blank", 1, 0, 0.0, 0.0)
    assert by_name["Sol"].quizzes == 1
    assert by_name["Sol"].answers == 1
    assert {"Ada", "李娜", "Wang Wei", "Zhao Min", "陈静"} <= set(by_name)
    [single] = [q for q in new.questions if q.pack_id == "single"]
    assert (single.attempts, single.facility, single.discrimination) == (1, 100.0, None)
    pair = [q for q in new.questions if q.pack_id == "pair"]
    assert sorted(q.attempts for q in pair) == [2, 2]
    # Quinn got one wrong and left the other unanswered in a finished quiz: it counts
    # as 0, so both split the two learners exactly as their totals do.
    assert [(q.facility, q.discrimination) for q in pair] == [(50.0, pytest.approx(100.0))] * 2
    assert len(new.questions) > 10
    assert any(q.discrimination is not None for q in new.questions)


def test_no_finished_quiz_no_figures(database: Database, tmp_path: Path) -> None:
    import_pack(database, DATA / "sample-pack", now=NOW)
    assert class_results(database) == ClassResults((), (), ())
    _take(database, "Gave Up", "sample", 2, "RW", end="abandon")
    _take(database, "Midway", "sample", 2, "R", end="leave")
    assert class_results(database) == _reference(database) == ClassResults((), (), ())
