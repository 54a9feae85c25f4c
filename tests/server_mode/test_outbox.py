"""The outbox (issue 14): a classroom server stopped in the middle of a quiz loses no
answer. The answers given meanwhile wait on the learner's computer and arrive once when
the server is back. Run on a real cluster of this test's own, really stopped and started
again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url, text

from quiz_app.core.grading import right_response
from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.outbox import (
    OutboxState,
    finish_or_keep,
    outbox_state,
    send_outbox,
    submit_or_keep,
)
from quiz_app.services.quiz import quiz_questions, start_quiz
from quiz_app.services.server import init_server
from quiz_app.storage import Database, open_database
from quiz_app.storage.engine import APP_NAME
from quiz_app.storage.errors import ServerUnreachableError
from tests.conftest import NOW
from tests.pg import drop_database, new_database, start_cluster, stop_cluster_for_a_while


@pytest.fixture(scope="module")
def own_cluster() -> Iterator[str]:
    """A cluster for this module alone: its tests stop it."""
    started = start_cluster()
    if started is None:
        pytest.skip(
            "the outbox tests stop and start a PostgreSQL cluster of their own: they need "
            "PostgreSQL installed (Debian: apt-get install postgresql; .ci/run installs it)"
        )
    url, stop = started
    try:
        yield url
    finally:
        stop()


@pytest.fixture(scope="module")
def class_template(own_cluster: str) -> str:
    url = new_database(own_cluster)
    init_server(url, now=NOW)
    return url


@pytest.fixture
def server(own_cluster: str, class_template: str) -> Iterator[str]:
    name = f"outbox_{abs(hash(object())) % 10**9}"
    from tests.pg import _admin

    _admin(own_cluster, f'CREATE DATABASE "{name}" TEMPLATE "{make_url(class_template).database}"')
    yield make_url(own_cluster).set(database=name).render_as_string(hide_password=False)
    drop_database(own_cluster, name)


@pytest.fixture
def computer(server: str) -> Iterator[Database]:
    import sys

    bank = open_database(server)
    yield bank
    worker = sys.modules.get("quiz_app.ui.worker")
    if worker is not None:
        assert worker.drain_all(timeout=30), "a background job did not end"
    bank.close()


def _answers(server: str, quiz_id: int) -> list[tuple[int, float]]:
    bank = open_database(server)
    try:
        with bank.reading() as session:
            rows = session.execute(
                text("SELECT question_id, score FROM answer WHERE session_id = :q ORDER BY id"),
                {"q": quiz_id},
            )
            return [(int(q), float(s)) for q, s in rows]
    finally:
        bank.close()


def _finished(server: str, quiz_id: int) -> bool:
    bank = open_database(server)
    try:
        with bank.reading() as session:
            row = session.execute(
                text("SELECT finished_at FROM quiz_session WHERE id = :q"), {"q": quiz_id}
            ).scalar_one()
            return row is not None
    finally:
        bank.close()


def test_a_server_stopped_mid_quiz_keeps_the_answers_and_they_arrive_once(
    server: str, computer: Database
) -> None:
    ada = create_learner(computer, "Ada", now=NOW).value
    quiz = start_quiz(computer, ada.id, QuizSettings(count=4), seed=3, now=NOW).value
    questions = quiz_questions(computer, quiz)
    right = [right_response(q.question.body) for q in questions]

    first = submit_or_keep(computer, quiz, questions[0], right[0], 900, now=NOW)
    assert not first.kept
    assert outbox_state(computer) == OutboxState(0, 0)

    start_again = stop_cluster_for_a_while(server)
    try:
        second = submit_or_keep(computer, first.quiz, questions[1], right[1], 800, now=NOW)
        assert second.kept
        assert second.score == 1.0
        assert set(second.quiz.answers) == {questions[0].id, questions[1].id}
        assert outbox_state(computer) == OutboxState(1, 1)
        third = submit_or_keep(computer, second.quiz, questions[2], right[2], 700, now=NOW)
        ended = finish_or_keep(computer, third.quiz, now=NOW)
        assert ended.value.finished
        assert len(ended.value.answers) == 3
        assert outbox_state(computer) == OutboxState(2, 1)
        with pytest.raises(ServerUnreachableError) as still_down:
            send_outbox(computer, now=NOW)
        assert "cannot be reached" in still_down.value.message("en")
        assert outbox_state(computer) == OutboxState(2, 1)  # nothing lost by trying
    finally:
        start_again()

    sent = send_outbox(computer, now=NOW)
    assert (sent.answers, sent.quizzes) == (2, 1)
    assert outbox_state(computer) == OutboxState(0, 0)
    assert _answers(server, quiz.id) == [(q.id, 1.0) for q in questions[:3]]
    assert _finished(server, quiz.id)
    again = send_outbox(computer, now=NOW)
    assert (again.answers, again.quizzes) == (0, 0)
    assert len(_answers(server, quiz.id)) == 3


def test_the_next_answer_online_sends_what_waited_first(server: str, computer: Database) -> None:
    ada = create_learner(computer, "Ada", now=NOW).value
    quiz = start_quiz(computer, ada.id, QuizSettings(count=3), seed=4, now=NOW).value
    questions = quiz_questions(computer, quiz)
    right = [right_response(q.question.body) for q in questions]
    first = submit_or_keep(computer, quiz, questions[0], right[0], 900, now=NOW)
    start_again = stop_cluster_for_a_while(server)
    try:
        second = submit_or_keep(computer, first.quiz, questions[1], right[1], 900, now=NOW)
    finally:
        start_again()
    assert second.kept
    third = submit_or_keep(computer, second.quiz, questions[2], right[2], 900, now=NOW)
    assert not third.kept  # the server is back: it gets the waiting one, then this one
    assert [q for q, _ in _answers(server, quiz.id)] == [q.id for q in questions]
    assert set(third.quiz.answers) == {q.id for q in questions}
    assert outbox_state(computer) == OutboxState(0, 0)


def test_an_answer_the_server_stored_just_before_it_went_is_not_doubled(
    server: str, computer: Database
) -> None:
    """The server committed the answer, but the reply never reached the computer: the
    copy kept in the outbox (another uid) must not make the quiz score it twice."""
    from quiz_app.services.outbox import _outbox
    from quiz_app.services.quiz import submit_answer

    ada = create_learner(computer, "Ada", now=NOW).value
    quiz = start_quiz(computer, ada.id, QuizSettings(count=2), seed=5, now=NOW).value
    questions = quiz_questions(computer, quiz)
    right = [right_response(q.question.body) for q in questions]
    first = submit_or_keep(computer, quiz, questions[0], right[0], 900, now=NOW)
    submit_answer(computer, quiz.id, questions[1].id, right[1], 900, now=NOW)  # stored ...
    start_again = stop_cluster_for_a_while(server)
    try:  # ... but this computer never heard, and sends it again into the outbox
        kept = submit_or_keep(computer, first.quiz, questions[1], right[1], 900, now=NOW)
        assert kept.kept
    finally:
        start_again()
    found = _outbox(computer)
    assert found is not None
    sent = send_outbox(computer, now=NOW)
    assert (sent.answers, sent.quizzes) == (0, 1)
    assert [q for q, _ in _answers(server, quiz.id)] == [q.id for q in questions]


def test_a_quiz_made_ready_keeps_even_its_first_answer(server: str, computer: Database) -> None:
    from quiz_app.services.outbox import keep_ready

    ada = create_learner(computer, "Ada", now=NOW).value
    quiz = start_quiz(computer, ada.id, QuizSettings(count=2), seed=6, now=NOW).value
    questions = quiz_questions(computer, quiz)
    keep_ready(computer, quiz)  # as the quiz screen does when it opens
    start_again = stop_cluster_for_a_while(server)
    try:
        right = right_response(questions[0].question.body)
        first = submit_or_keep(computer, quiz, questions[0], right, 900, now=NOW)
    finally:
        start_again()
    assert first.kept
    assert send_outbox(computer, now=NOW).answers == 1
    assert [q for q, _ in _answers(server, quiz.id)] == [questions[0].id]


def test_a_server_gone_before_the_first_answer_is_a_plain_message(
    server: str, computer: Database
) -> None:
    ada = create_learner(computer, "Ada", now=NOW).value
    quiz = start_quiz(computer, ada.id, QuizSettings(count=2), seed=6, now=NOW).value
    questions = quiz_questions(computer, quiz)
    start_again = stop_cluster_for_a_while(server)
    try:
        with pytest.raises(ServerUnreachableError) as refused:
            submit_or_keep(
                computer, quiz, questions[0], right_response(questions[0].question.body), 900
            )
    finally:
        start_again()
    assert "服务器" in refused.value.message("zh")
    assert outbox_state(computer) == OutboxState(0, 0)


def test_a_computers_own_bank_has_no_outbox(tmp_path: Path) -> None:
    from quiz_app.services.packs import import_pack
    from tests.conftest import DATA

    database = open_database(f"sqlite:///{tmp_path / 'bank.sqlite3'}")
    import_pack(database, DATA / "sample-pack", now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    quiz = start_quiz(database, ada.id, QuizSettings(count=1), seed=1, now=NOW).value
    [question] = quiz_questions(database, quiz)
    outcome = submit_or_keep(database, quiz, question, right_response(question.question.body), 5)
    assert not outcome.kept
    assert finish_or_keep(database, outcome.quiz).value.finished
    assert outbox_state(database) == OutboxState(0, 0)
    database.close()
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    assert not (folder / "outbox.sqlite").exists()


def test_the_window_says_answers_wait_and_when_they_have_arrived(
    qtbot: QtBot, server: str, computer: Database
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from quiz_app.ui.context import AppContext
    from quiz_app.ui.screens.quiz import QuizScreen
    from quiz_app.ui.server_status import ServerStatus

    window = QMainWindow()
    qtbot.addWidget(window)
    context = AppContext(computer, "en", parent=window)
    status = ServerStatus(window, context)
    window.show()
    assert status.label.isVisible()
    assert status.label.text() == "● Classroom server: connected"

    ada = create_learner(computer, "Ada", now=NOW).value
    # Questions with a right and a wrong answer: a card is rated, never marked ✓.
    graded = frozenset(t for t in QuestionType if t is not QuestionType.CARD)
    settings = QuizSettings(count=3, types=graded)
    quiz = start_quiz(computer, ada.id, settings, seed=7, now=NOW).value
    screen = QuizScreen(computer, quiz, quiz_questions(computer, quiz), "en")
    qtbot.addWidget(screen)
    screen.answered.connect(context.notify)
    screen.show()
    from quiz_app.services.outbox import _outbox

    found = _outbox(computer)
    assert found is not None
    outbox, bank = found
    qtbot.waitUntil(lambda: outbox.remembered(bank, quiz.id) is not None)  # ready at once

    def answer_right() -> None:
        current = screen._current
        assert current is not None
        assert screen._answer is not None
        right = right_response(current.question.body)
        screen._answer.response = lambda: right  # type: ignore[method-assign]
        screen.advance()
        qtbot.waitUntil(lambda: not screen.saving, timeout=20_000)
        assert screen.verdict.text().startswith("✓")
        screen.advance()  # Next

    answer_right()
    start_again = stop_cluster_for_a_while(server)
    try:
        answer_right()  # no message box: the answer is kept, and the quiz goes on
        expected = "Classroom server not reached. Answers kept on this computer until it is back: 1"
        assert status.label.text() == "⚠ " + expected
        assert status.label.accessibleName() == expected
        assert status._retry.isActive()
    finally:
        start_again()
    status.send_waiting()
    qtbot.waitUntil(lambda: status.label.text() == "● Classroom server: connected", timeout=20_000)
    assert not status._retry.isActive()
    assert len(_answers(server, quiz.id)) == 2


def test_the_outbox_file_is_its_owners_alone(tmp_path: Path) -> None:
    from quiz_app.storage.outbox import OutboxFile

    outbox = OutboxFile(tmp_path / "data" / "outbox.sqlite")
    assert outbox.waiting("bank") == (0, 0)
    assert (tmp_path / "data" / "outbox.sqlite").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700


def test_the_outbox_counts_and_forgets_as_it_should(tmp_path: Path) -> None:
    from quiz_app.storage.outbox import OutboxFile

    outbox = OutboxFile(tmp_path / "outbox.sqlite")
    learner = {"kind": "learner", "name": "Ada", "colour": "#3b82f6", "language": "en"}
    outbox.remember("bank", 7, learner, {"kind": "session", "uid": "q7"})
    outbox.remember("bank", 7, learner, {"kind": "session", "uid": "other"})  # once only
    assert outbox.remembered("bank", 7) == (learner, {"kind": "session", "uid": "q7"})
    assert outbox.remembered("another bank", 7) is None
    assert outbox.waiting("bank") == (0, 0)  # remembered, nothing waits yet
    outbox.keep_answer("bank", 7, 70, {"uid": "a1"})
    assert outbox.waiting("bank") == (1, 1)
    outbox.keep_answer("bank", 7, 71, {"uid": "a2"})
    assert outbox.waiting("bank") == (2, 1)
    assert outbox.waiting("another bank") == (0, 0)
    outbox.forget("bank", 7)  # answers wait: the quiz is kept
    [kept] = outbox.pending("bank")
    assert [a["uid"] for a in kept.answers] == ["a1", "a2"]
    assert not kept.finish_waiting
    outbox.sent("bank", kept)
    assert outbox.waiting("bank") == (0, 0)
    assert outbox.remembered("bank", 7) is not None  # the quiz goes on: still known
    outbox.keep_finish("bank", 7, "2026-12-04T10:00:00+00:00")
    assert outbox.waiting("bank") == (0, 1)  # an end alone waits too
    [ended] = outbox.pending("bank")
    assert ended.session["finished_at"] == "2026-12-04T10:00:00+00:00"
    outbox.sent("bank", ended)
    assert outbox.remembered("bank", 7) is None  # ended and sent: forgotten whole
