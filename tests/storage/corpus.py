"""Banks as each schema revision left them, full of a class's work, to upgrade in tests.

A template bank is filled once through the app's own services (packs in several
formats, a question retired by a newer pack version, learners' quizzes finished,
unfinished and flagged, schedules, the teacher PIN, a learner's password, results merged
from another computer); its rows are then written with raw SQL into a fresh bank built at each
revision, each table getting only the columns that revision had.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.services.exchange import export_results, merge_results
from quiz_app.services.learners import create_learner, list_learners, set_password
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import (
    abandon_quiz,
    finish_quiz,
    quiz_history,
    quiz_questions,
    retry_mistakes,
    start_quiz,
    submit_answer,
    toggle_flag,
)
from quiz_app.services.teacher import set_pin
from quiz_app.storage import Database, open_database
from quiz_app.storage.engine import create_bank_engine
from quiz_app.storage.migrate import migrate
from quiz_app.storage.tallies import recount_class_figures, recount_questions
from tests.conftest import DATA, NOW

Rows = dict[str, list[dict[str, Any]]]

REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
)
# Parents before children, so that rows go in with foreign keys on.
TABLES = ("learner", "pack", "topic", "question", "media", "quiz_session", "answer")
LATER_TABLES = ("schedule", "setting", "learner_password")
COPIES = 12
"""How many times a class's quizzes are repeated: the template's ~100 answers become
over a thousand, as in a bank used for a term."""


def _wrong(question: Any) -> Any:
    from tests.services.test_quiz import _wrong as wrong

    return wrong(question)


def _learners_work(bank: Database, names: list[str], start: int) -> None:
    for n, name in enumerate(names):
        learner = create_learner(bank, name, language="zh" if n % 2 else "en", now=NOW).value
        for q in range(4):
            when = NOW + timedelta(days=start + q, hours=n)
            mode = (QuizMode.PRACTICE, QuizMode.EXAM)[q % 2]
            quiz = start_quiz(bank, learner.id, QuizSettings(mode, count=7), seed=q, now=when).value
            questions = quiz_questions(bank, quiz)
            answered = questions if q < 3 else questions[:4]  # the last one left midway
            for i, question in enumerate(answered):
                body = question.question.body
                response = right_response(body) if (i + n + q) % 3 else _wrong(body)
                submit_answer(
                    bank, quiz.id, question.id, response, 900 + 37 * i, now=when + timedelta(i)
                )
            toggle_flag(bank, quiz.id, questions[(n + q) % len(questions)].id)
            if q < 3:
                finish_quiz(bank, quiz.id, now=when + timedelta(minutes=9))


def _gives_up_and_retries(bank: Database, name: str, start: int) -> None:
    """A quiz given up after two answers, and a retry of a finished quiz's mistakes."""
    [learner] = [one.id for one in list_learners(bank) if one.name == name]
    when = NOW + timedelta(days=start)
    quiz = start_quiz(bank, learner, QuizSettings(count=5), seed=11, now=when).value
    for i, question in enumerate(quiz_questions(bank, quiz)[:2]):
        body = question.question.body
        response = right_response(body) if i else _wrong(body)
        submit_answer(bank, quiz.id, question.id, response, 1200, now=when + timedelta(i))
    abandon_quiz(bank, quiz.id, now=when + timedelta(minutes=3))
    last = quiz_history(bank, learner, limit=1)[0]
    retry = retry_mistakes(bank, last.id, seed=5, now=when + timedelta(hours=1)).value
    for question in quiz_questions(bank, retry):
        submit_answer(
            bank, retry.id, question.id, right_response(question.question.body), 800, now=when
        )
    finish_quiz(bank, retry.id, now=when + timedelta(hours=1, minutes=5))


def build_template(folder: Path) -> Path:
    """A bank at the newest schema filled by the services; returns its file."""
    folder.mkdir(parents=True)
    pack = folder / "sample-pack"
    shutil.copytree(DATA / "sample-pack", pack)
    path = folder / "template.sqlite3"
    bank = open_database(f"sqlite:///{path}")
    import_pack(bank, pack, now=NOW)
    import_pack(bank, DATA / "gift" / "class-quiz.gift", now=NOW, skip_invalid=True)
    _learners_work(bank, ["Ada", "李娜", "Wang Wei"], start=0)
    # Version 1.1.0 retires "names" (answered above) and adds "names-2".
    science = pack / "science.toml"
    text = science.read_text(encoding="utf-8")
    start = text.index('[[questions]]\nid = "names"')
    science.write_text(text[:start] + text[start:].replace('id = "names"', 'id = "names-2"', 1))
    manifest = pack / "pack.toml"
    manifest.write_text(manifest.read_text().replace('version = "1.0.0"', 'version = "1.1.0"'))
    import_pack(bank, pack, now=NOW + timedelta(days=5))
    _learners_work(bank, ["Zhao Min"], start=6)
    _gives_up_and_retries(bank, "Zhao Min", start=10)
    set_pin(bank, "2468")
    [li_na] = [one.id for one in list_learners(bank) if one.name == "李娜"]
    set_password(bank, li_na, "玉兔 2468")  # a learner sharing the computer
    # Results from a learner on another computer, merged in.
    other = open_database(f"sqlite:///{folder / 'other.sqlite3'}")
    import_pack(other, pack, now=NOW)
    _learners_work(other, ["陈静"], start=8)
    export_results(other, folder / "chen.results", now=NOW + timedelta(days=12))
    other.close()
    merge_results(bank, folder / "chen.results", now=NOW + timedelta(days=13))
    bank.close()
    return path


_TEMPLATE: list[Rows] = []


def class_template(factory: pytest.TempPathFactory) -> Rows:
    """The template's rows, built once per test run."""
    if not _TEMPLATE:
        _TEMPLATE.append(read_rows(build_template(factory.mktemp("template") / "class")))
    return _TEMPLATE[0]


def read_rows(path: Path, tables: tuple[str, ...] = TABLES + LATER_TABLES) -> Rows:
    """Every row of these tables as raw SQLite values, in primary key order."""
    with closing(sqlite3.connect(path)) as connection:
        connection.row_factory = sqlite3.Row
        present = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        return {
            table: [dict(r) for r in connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in tables
            if table in present
        }


def _multiplied(rows: Rows) -> Rows:
    """The quizzes and their answers ``COPIES`` times, as if the class had gone on."""
    sessions, answers = rows["quiz_session"], rows["answer"]
    session_step = max(r["id"] for r in sessions)
    answer_step = max(r["id"] for r in answers)
    more_sessions, more_answers = list(sessions), list(answers)
    for copy in range(1, COPIES):
        for row in sessions:
            more_sessions.append(
                row | {"id": row["id"] + copy * session_step, "uid": uuid.uuid4().hex}
            )
        for row in answers:
            session_id = row["session_id"] and row["session_id"] + copy * session_step
            more_answers.append(
                row
                | {
                    "id": row["id"] + copy * answer_step,
                    "uid": uuid.uuid4().hex,
                    "session_id": session_id,
                }
            )
    return rows | {"quiz_session": more_sessions, "answer": more_answers}


def build_bank_at(revision: str, path: Path, template: Rows) -> Rows:
    """A bank at ``revision`` holding the template's rows (each table's columns of that
    revision); returns exactly the rows written."""
    engine = create_bank_engine(f"sqlite:///{path}")
    migrate(engine, "upgrade", revision)
    engine.dispose()
    written: Rows = {}
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        for table, rows in _multiplied(template).items():
            columns = [r[1] for r in connection.execute(f"PRAGMA table_info({table})")]
            if not columns:
                continue  # the table came later
            kept = [{c: row[c] for c in columns} for row in rows]
            names = ", ".join(columns)
            marks = ", ".join(f":{c}" for c in columns)
            connection.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", kept)
            written[table] = kept
        connection.execute("COMMIT")
    if revision >= "0013":  # the figures the app keeps as it writes, kept
        bank = open_database(f"sqlite:///{path}", migrate=False)
        with bank.transaction() as session:
            recount_class_figures(session)
            recount_questions(session)
        bank.close()
    return written
