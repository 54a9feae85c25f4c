"""The classroom server's bank (issue 14): the teacher makes and upgrades it, one at a
time; learner computers never migrate it; no message prints the password."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, make_url, select, text

from quiz_app.__main__ import main
from quiz_app.core.errors import StorageError
from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.bank import open_bank
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import list_packs
from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer
from quiz_app.services.server import init_server, upgrade_server
from quiz_app.storage import open_database
from quiz_app.storage.engine import create_bank_engine
from quiz_app.storage.migrate import ServerSchemaError, head_revision, migrate
from quiz_app.storage.models import ANSWER, LEARNER, PACK, QUESTION
from tests.conftest import NOW, snapshot

ROOT = Path(__file__).parent.parent.parent


def _count(url: str, table: object) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(table)).scalar_one())
    finally:
        engine.dispose()


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            )
            return {row[0] for row in rows}
    finally:
        engine.dispose()


def _class_works(url: str) -> None:
    """Three learners each finish a quiz, one right answer in three wrong."""
    bank = open_database(url)
    try:
        for n, name in enumerate(["Ada", "李娜", "Bob"]):
            learner = create_learner(bank, name, now=NOW).value
            quiz = start_quiz(bank, learner.id, QuizSettings(count=6), seed=n, now=NOW).value
            for i, question in enumerate(quiz_questions(bank, quiz)):
                body = question.question.body
                response = right_response(body) if i % 3 else _wrong(body)
                submit_answer(bank, quiz.id, question.id, response, 1000, now=NOW)
            finish_quiz(bank, quiz.id, now=NOW)
    finally:
        bank.close()


def _wrong(body: object) -> object:
    from tests.services.test_quiz import _wrong as wrong

    return wrong(body)


def _quiz_app(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "quiz_app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def test_a_learner_computer_on_an_empty_server_says_the_teacher_makes_the_bank(
    empty_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ServerSchemaError) as refused:
        open_bank(empty_server)
    assert "holds no question bank yet" in refused.value.message("en")
    assert "quiz-app server init" in refused.value.message("en")
    assert "quiz-app server init" in refused.value.message("zh")
    assert _tables(empty_server) == set()  # nothing was made
    code = main(["--db", empty_server, "packs", "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "The teacher creates it with: quiz-app server init" in err
    assert "Traceback" not in err


def test_init_makes_the_bank_once_and_again_changes_nothing(empty_server: str) -> None:
    first = init_server(empty_server, now=NOW)
    assert (first.schema_before, first.schema, first.dump) == (None, head_revision(), None)
    assert {plan.pack_id for plan in first.packs} == {"change-missions", "lunar-science"}
    bank = open_bank(empty_server)
    try:
        assert {pack.id for pack in list_packs(bank)} == {"change-missions", "lunar-science"}
        before = snapshot(bank)
    finally:
        bank.close()
    again = init_server(empty_server, now=NOW)
    assert (again.schema_before, again.packs) == (head_revision(), ())
    bank = open_bank(empty_server)
    try:
        assert snapshot(bank) == before
    finally:
        bank.close()


def test_thirty_computers_at_once_make_one_bank_then_all_start(empty_server: str) -> None:
    starts = [_quiz_app("server", "init", empty_server) for _ in range(30)]
    results = [(p.communicate(timeout=600)[1], p.returncode) for p in starts]
    assert [code for _, code in results] == [0] * 30, [err for err, _ in results if err][:2]
    assert _count(empty_server, PACK) == 2  # each built-in pack imported once
    questions = _count(empty_server, QUESTION)
    assert questions > 300
    learners = [_quiz_app("--db", empty_server, "packs", "list") for _ in range(30)]
    outputs = [(p.communicate(timeout=600)[0], p.returncode) for p in learners]
    assert [code for _, code in outputs] == [0] * 30
    assert all("change-missions" in out for out, _ in outputs)
    assert _count(empty_server, QUESTION) == questions


def test_a_learner_computer_never_upgrades_an_older_server_bank(
    empty_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    init_server(empty_server, now=NOW)
    _class_works(empty_server)
    answers = _count(empty_server, ANSWER)
    assert answers == 18
    engine = create_bank_engine(empty_server)
    migrate(engine, "downgrade", "0007")  # as an older app's server left it
    engine.dispose()
    older = open_database(empty_server, migrate=False)
    before = snapshot(older)
    older.close()
    with pytest.raises(ServerSchemaError) as refused:
        open_bank(empty_server)
    message = refused.value.message("en")
    assert f"is at schema 0007; this version of the app needs {head_revision()}" in message
    assert "Ask the teacher to run: quiz-app server upgrade" in message
    assert "quiz-app server upgrade" in refused.value.message("zh")
    assert main(["--db", empty_server, "packs", "list"]) == 1
    assert "Traceback" not in capsys.readouterr().err
    unchanged = open_database(empty_server, migrate=False)
    assert snapshot(unchanged) == before
    unchanged.close()

    report = upgrade_server(empty_server, dump_folder=tmp_path / "dumps", now=NOW)
    assert (report.schema_before, report.schema) == ("0007", head_revision())
    assert report.dump is not None
    assert report.dump.parent == tmp_path / "dumps"
    assert report.dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert _count(empty_server, ANSWER) == answers
    assert _count(empty_server, LEARNER) == 3
    open_bank(empty_server).close()


def test_a_newer_servers_bank_is_left_alone(empty_server: str) -> None:
    init_server(empty_server, now=NOW)
    engine = create_engine(empty_server)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    for attempt in (
        lambda: open_bank(empty_server),
        lambda: upgrade_server(empty_server, now=NOW),
        lambda: init_server(empty_server, now=NOW),
    ):
        with pytest.raises(StorageError, match="made by a newer version of Chang'e Quiz"):
            attempt()


def test_no_message_prints_the_password(
    pg_server: str, empty_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "s3cret-Pw"
    missing = make_url(pg_server).set(password=secret, database="no_such_bank")
    url = missing.render_as_string(hide_password=False)
    with pytest.raises(StorageError) as refused:
        open_bank(url)
    for language in ("en", "zh"):
        assert secret not in refused.value.message(language)
    assert 'database "no_such_bank" does not exist' in refused.value.message("en")
    init_server(empty_server, now=NOW)
    with_password = make_url(empty_server).set(password=secret)
    code = main(["--db", with_password.render_as_string(hide_password=False), "db", "check"])
    out, err = capsys.readouterr()
    assert code == 0
    assert secret not in out + err
    assert "integrity: ok (checked: every index valid and every constraint validated" in out
    code = main(["server", "init", url])
    out, err = capsys.readouterr()
    assert code == 1
    assert secret not in out + err
