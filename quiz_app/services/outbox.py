"""Answers that wait for the classroom server (issue 14).

A learner computer using a server's bank keeps an outbox (``storage.outbox``): when the
server stops answering in the middle of a quiz, the answer being saved, and those after
it, are graded here and kept on this computer, and the quiz can end; when the server is
back they are sent through the results exchange, which adds each answer once even if it
is sent twice, or if the server had stored it after all just before it went away (a quiz
keeps its first answer to a question). Nothing here is used on a computer's own bank.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from quiz_app import __version__
from quiz_app.core.bank import StoredQuestion
from quiz_app.core.changes import Changed, Changes
from quiz_app.core.errors import QuizError
from quiz_app.core.exchange import AnswerEntry, LearnerEntry
from quiz_app.core.grading import Response, grade
from quiz_app.core.quiz import GivenAnswer, QuizSession
from quiz_app.core.responses import response_to_json
from quiz_app.services.exchange import merge_results
from quiz_app.services.quiz import AnswerOutcome, finish_quiz, submit_answer
from quiz_app.services.results_format import (
    answer_record,
    dump_line,
    header_record,
    learner_record,
    session_record,
)
from quiz_app.storage import Database
from quiz_app.storage import exchange as repo
from quiz_app.storage.engine import APP_NAME, is_server, shown_url
from quiz_app.storage.errors import ServerUnreachableError
from quiz_app.storage.models import new_uid
from quiz_app.storage.outbox import OutboxFile

__all__ = [
    "OutboxState",
    "SentReport",
    "finish_or_keep",
    "keep_ready",
    "outbox_state",
    "send_outbox",
    "submit_or_keep",
]


def _outbox(database: Database) -> tuple[OutboxFile, str] | None:
    """This computer's outbox and the bank's name in it; None on a computer's own bank."""
    if not is_server(database.url):
        return None
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return OutboxFile(folder / "outbox.sqlite"), shown_url(database.url)


@dataclass(frozen=True)
class OutboxState:
    """What waits for the server."""

    answers: int
    quizzes: int


def outbox_state(database: Database) -> OutboxState:
    found = _outbox(database)
    if found is None:
        return OutboxState(0, 0)
    outbox, bank = found
    return OutboxState(*outbox.waiting(bank))


def _remember(database: Database, outbox: OutboxFile, bank: str, quiz: QuizSession) -> bool:
    """Keep how a results file names ``quiz`` and its learner, read from the server while
    it answers; True if the outbox knows the quiz (now or already)."""
    if outbox.remembered(bank, quiz.id) is not None:
        return True
    with database.reading() as session:
        learner = repo.learner_by_id(session, quiz.learner_id)
        entries = repo.sessions_for_export(session, [quiz.learner_id], only=[quiz.id])
    if learner is None or not entries:
        return False
    entry = LearnerEntry(learner.name, learner.colour, learner.language, learner.uid)
    learner_line = learner_record(entry)
    outbox.remember(bank, quiz.id, learner_line, session_record(entries[0]))
    return True


def keep_ready(database: Database, quiz: QuizSession) -> None:
    """As a quiz starts on a classroom server: note in the outbox how to name it, so that
    even its first answer can wait there if the server goes (nothing on a computer's own
    bank)."""
    found = _outbox(database)
    if found is not None:
        _remember(database, found[0], found[1], quiz)


def _send_first(database: Database, outbox: OutboxFile, bank: str, quiz_id: int) -> None:
    """Send what waits of this quiz before anything newer is written to it, so the
    server's copy of the quiz never lacks an answer given before the one it gets."""
    if any(kept.quiz_id == quiz_id for kept in outbox.pending(bank)):
        send_outbox(database, only=quiz_id)


def submit_or_keep(
    database: Database,
    quiz: QuizSession,
    question: StoredQuestion,
    response: Response,
    time_ms: int,
    *,
    now: datetime | None = None,
) -> AnswerOutcome:
    """``submit_answer``, but on a classroom server that does not answer, the answer is
    graded here and kept in the outbox (``AnswerOutcome.kept``); elsewhere as it was."""
    found = _outbox(database)
    if found is None:
        return submit_answer(database, quiz.id, question.id, response, time_ms, now=now)
    outbox, bank = found
    when = now or datetime.now(UTC)
    try:
        _remember(database, outbox, bank, quiz)
        _send_first(database, outbox, bank, quiz.id)
        return submit_answer(database, quiz.id, question.id, response, time_ms, now=when)
    except ServerUnreachableError:
        remembered = outbox.remembered(bank, quiz.id)
        if remembered is None:
            raise  # the server went before the quiz's first answer: nothing to keep it by
        learner, session = remembered
        return _keep(outbox, bank, quiz, question, response, time_ms, when, learner, session)


def _keep(
    outbox: OutboxFile,
    bank: str,
    quiz: QuizSession,
    question: StoredQuestion,
    response: Response,
    time_ms: int,
    when: datetime,
    learner: dict[str, object],
    session: dict[str, object],
) -> AnswerOutcome:
    kept = {q for q, _ in outbox.kept_answers(bank, quiz.id)}
    if question.id in quiz.answers or question.id in kept:
        raise QuizError(
            "This question has already been answered in this quiz.",
            zh="这道题在本次测验中已经回答过了。",
        )
    score = grade(question.question.body, response)
    given = response_to_json(response)
    entry = AnswerEntry(
        uid=new_uid(),
        session=str(session["uid"]),
        learner=str(learner["name"]),
        question=(question.pack_id, question.question.key),
        given=given,
        score=score,
        time_ms=max(0, time_ms),
        answered_at=when,
    )
    outbox.keep_answer(bank, quiz.id, question.id, answer_record(entry))
    answers = dict(quiz.answers)
    answers[question.id] = GivenAnswer(question.id, given, score, max(0, time_ms))
    return AnswerOutcome(question, score, replace(quiz, answers=answers), kept=True)


def finish_or_keep(
    database: Database, quiz: QuizSession, *, now: datetime | None = None
) -> Changed[QuizSession]:
    """``finish_quiz``; on a classroom server that does not answer, the quiz ends here and
    its end waits in the outbox with its answers."""
    found = _outbox(database)
    if found is None:
        return finish_quiz(database, quiz.id, now=now)
    outbox, bank = found
    when = now or datetime.now(UTC)
    try:
        _send_first(database, outbox, bank, quiz.id)
        finished = finish_quiz(database, quiz.id, now=when)
    except ServerUnreachableError:
        if outbox.remembered(bank, quiz.id) is None:
            raise
        outbox.keep_finish(bank, quiz.id, when.astimezone(UTC).isoformat())
        return Changed(replace(quiz, finished_at=when), Changes.QUIZZES)
    outbox.forget(bank, quiz.id)
    return finished


@dataclass(frozen=True)
class SentReport:
    answers: int
    """Answers the server did not hold yet (others were there already)."""
    quizzes: int


def send_outbox(
    database: Database, *, only: int | None = None, now: datetime | None = None
) -> SentReport:
    """Send everything waiting in the outbox (for quiz ``only``, if given) to the server,
    quiz by quiz, each merge all or nothing; raises ServerUnreachableError while it still
    does not answer."""
    found = _outbox(database)
    if found is None:
        return SentReport(0, 0)
    outbox, bank = found
    added = quizzes = 0
    for quiz in outbox.pending(bank):
        if only is not None and quiz.quiz_id != only:
            continue
        handle, name = tempfile.mkstemp(prefix="outbox-", suffix=".jsonl")
        path = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(dump_line(header_record(now or datetime.now(UTC), __version__)))
                out.write(dump_line(quiz.learner))
                out.write(dump_line(quiz.session))
                for answer in quiz.answers:
                    out.write(dump_line(answer))
            report = merge_results(database, path, now=now)
        finally:
            path.unlink(missing_ok=True)
        outbox.sent(bank, quiz)
        added += report.answers_added
        quizzes += 1
    return SentReport(added, quizzes)
