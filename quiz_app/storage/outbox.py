"""The outbox: a learner computer's own SQLite file of quiz results waiting for the
classroom server.

While the server answers, it holds one row per quiz in progress: the quiz and its
learner as a results file names them (written when the quiz's first answer is saved, so
they are at hand when the server is not). While the server does not answer, the answers
given (and a quiz's end) are kept here, each as the results file's own record with its
uid, and later sent through the results exchange, which adds each once whatever is sent
twice. One file serves every server this computer connects to: rows carry their bank.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz_app.core.errors import StorageError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox_quiz (
    bank TEXT NOT NULL,
    quiz_id INTEGER NOT NULL,
    learner TEXT NOT NULL,
    session TEXT NOT NULL,
    finish_waiting INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (bank, quiz_id)
);
CREATE TABLE IF NOT EXISTS outbox_answer (
    uid TEXT PRIMARY KEY,
    bank TEXT NOT NULL,
    quiz_id INTEGER NOT NULL,
    question_id INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_outbox_answer_quiz ON outbox_answer (bank, quiz_id);
"""
Record = dict[str, Any]


@dataclass(frozen=True)
class KeptQuiz:
    """A quiz with something waiting for the server."""

    quiz_id: int
    learner: Record
    session: Record
    answers: tuple[Record, ...]
    finish_waiting: bool


@dataclass(frozen=True)
class OutboxFile:
    path: Path

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """One transaction on the file (made if missing), committed when the block ends."""
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.path.touch(mode=0o600, exist_ok=True)  # its owner's alone, as the bank
            with closing(sqlite3.connect(self.path, timeout=30)) as connection:
                connection.executescript(_SCHEMA)
                with connection:
                    yield connection
        except (sqlite3.Error, OSError) as err:
            raise StorageError(
                f"The outbox {self.path}, where answers wait for the classroom server, "
                f"cannot be used: {err}.",
                zh=f"无法使用发件箱 {self.path}（答案在此等待发送到课堂服务器）：{err}。",
            ) from err

    def remember(self, bank: str, quiz_id: int, learner: Record, session: Record) -> None:
        """Keep how a results file names quiz ``quiz_id`` (the server's id) and its learner
        (once: later calls change nothing)."""
        with self._connection() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO outbox_quiz (bank, quiz_id, learner, session) "
                "VALUES (?, ?, ?, ?)",
                (bank, quiz_id, json.dumps(learner), json.dumps(session)),
            )

    def remembered(self, bank: str, quiz_id: int) -> tuple[Record, Record] | None:
        """The learner and quiz records of quiz ``quiz_id``, if remembered."""
        with self._connection() as connection:
            row = connection.execute(
                "SELECT learner, session FROM outbox_quiz WHERE bank = ? AND quiz_id = ?",
                (bank, quiz_id),
            ).fetchone()
        return None if row is None else (json.loads(row[0]), json.loads(row[1]))

    def keep_answer(self, bank: str, quiz_id: int, question_id: int, record: Record) -> None:
        with self._connection() as connection:
            connection.execute(
                "INSERT INTO outbox_answer (uid, bank, quiz_id, question_id, record) "
                "VALUES (?, ?, ?, ?, ?)",
                (record["uid"], bank, quiz_id, question_id, json.dumps(record)),
            )

    def kept_answers(self, bank: str, quiz_id: int) -> list[tuple[int, Record]]:
        """The answers waiting for quiz ``quiz_id``: (the server's question id, record)."""
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT question_id, record FROM outbox_answer WHERE bank = ? AND quiz_id = ? "
                "ORDER BY rowid",
                (bank, quiz_id),
            ).fetchall()
        return [(int(question), json.loads(record)) for question, record in rows]

    def keep_finish(self, bank: str, quiz_id: int, finished_at: str) -> None:
        """The quiz ended while the server was away: its end waits too."""
        with self._connection() as connection:
            row = connection.execute(
                "SELECT session FROM outbox_quiz WHERE bank = ? AND quiz_id = ?", (bank, quiz_id)
            ).fetchone()
            if row is None:
                return
            session = json.loads(row[0]) | {"finished_at": finished_at}
            connection.execute(
                "UPDATE outbox_quiz SET session = ?, finish_waiting = 1 "
                "WHERE bank = ? AND quiz_id = ?",
                (json.dumps(session), bank, quiz_id),
            )

    def waiting(self, bank: str) -> tuple[int, int]:
        """(answers, quizzes) waiting to be sent to ``bank``."""
        with self._connection() as connection:
            answers = connection.execute(
                "SELECT count(*) FROM outbox_answer WHERE bank = ?", (bank,)
            ).fetchone()[0]
            quizzes = connection.execute(
                "SELECT count(*) FROM outbox_quiz q WHERE bank = ? AND (finish_waiting = 1 "
                "OR EXISTS (SELECT 1 FROM outbox_answer a WHERE a.bank = q.bank "
                "AND a.quiz_id = q.quiz_id))",
                (bank,),
            ).fetchone()[0]
        return int(answers), int(quizzes)

    def pending(self, bank: str) -> list[KeptQuiz]:
        """Every quiz with answers or an end waiting, oldest first."""
        with self._connection() as connection:
            quizzes = connection.execute(
                "SELECT quiz_id, learner, session, finish_waiting FROM outbox_quiz WHERE bank = ? "
                "ORDER BY rowid",
                (bank,),
            ).fetchall()
            found = []
            for quiz_id, learner, session, finish_waiting in quizzes:
                answers = connection.execute(
                    "SELECT record FROM outbox_answer WHERE bank = ? AND quiz_id = ? "
                    "ORDER BY rowid",
                    (bank, quiz_id),
                ).fetchall()
                if answers or finish_waiting:
                    found.append(
                        KeptQuiz(
                            int(quiz_id),
                            json.loads(learner),
                            json.loads(session),
                            tuple(json.loads(a[0]) for a in answers),
                            bool(finish_waiting),
                        )
                    )
        return found

    def sent(self, bank: str, quiz: KeptQuiz) -> None:
        """``quiz``'s waiting answers (and end) reached the server: forget them; a quiz
        whose end was sent is forgotten whole."""
        with self._connection() as connection:
            connection.executemany(
                "DELETE FROM outbox_answer WHERE uid = ?", [(a["uid"],) for a in quiz.answers]
            )
            if quiz.finish_waiting:
                connection.execute(
                    "DELETE FROM outbox_quiz WHERE bank = ? AND quiz_id = ?", (bank, quiz.quiz_id)
                )

    def forget(self, bank: str, quiz_id: int) -> None:
        """Quiz ``quiz_id`` ended on the server with nothing waiting: no row needed."""
        with self._connection() as connection:
            connection.execute(
                "DELETE FROM outbox_quiz WHERE bank = ? AND quiz_id = ? AND NOT EXISTS "
                "(SELECT 1 FROM outbox_answer WHERE bank = ? AND quiz_id = ?)",
                (bank, quiz_id, bank, quiz_id),
            )
