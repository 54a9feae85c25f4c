"""Writing to a bank that other programs write to as well, and what a person is told
when the bank cannot be written (issue 10: "One writer")."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from quiz_app.core.errors import StorageError
from quiz_app.storage import Database, Session, open_database
from quiz_app.storage.engine import create_bank_engine, sqlite_path
from quiz_app.storage.errors import BankBusyError, storage_error
from quiz_app.storage.retry import RetryPolicy
from tests.conftest import sqlite_only

ADD_LEARNER = (
    "INSERT INTO learner (name, colour, language, created_at, uid) "
    "VALUES (:name, '#fff', 'en', '2026-01-01', :uid)"
)


def _learners(session: Session) -> list[str]:
    return list(session.execute(text("SELECT name FROM learner ORDER BY id")).scalars())


def _add(session: Session, name: str) -> None:
    session.execute(text(ADD_LEARNER), {"name": name, "uid": uuid.uuid4().hex})


class OtherWriter:
    """Another program holding the bank's write lock, on its own connection."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.connection.execute("BEGIN IMMEDIATE")
        columns = {row[1] for row in self.connection.execute("PRAGMA table_info(learner)")}
        if "uid" in columns:
            other = ADD_LEARNER.replace(":name", "'Other'").replace(":uid", f"'{uuid.uuid4().hex}'")
            self.connection.execute(other)
        else:  # an older app's bank, from before learners had uids (0007)
            self.connection.execute(
                "INSERT INTO learner (name, colour, language, created_at) "
                "VALUES ('Other', '#fff', 'en', '2026-01-01')"
            )

    def commit_after(self, seconds: float) -> threading.Thread:
        def commit() -> None:
            time.sleep(seconds)
            self.connection.execute("COMMIT")

        thread = threading.Thread(target=commit)
        thread.start()
        return thread

    def close(self) -> None:
        """Give the bank up (again: closing twice is harmless)."""
        self.connection.close()


@pytest.fixture
def other_writer(db_url: str) -> Iterator[OtherWriter]:
    path = sqlite_path(db_url)
    if path is None:
        pytest.skip("SQLite only: another program holding SQLite's write lock")
    open_database(db_url).close()  # the bank's tables exist
    writer = OtherWriter(path)
    yield writer
    writer.close()


def _impatient(db_url: str, *, busy_ms: int = 50, policy: RetryPolicy | None = None) -> Database:
    """The bank with a short busy timeout, to see what happens once waiting runs out."""
    return Database(db_url, create_bank_engine(db_url, busy_timeout_ms=busy_ms), policy)


def test_a_write_that_reads_first_waits_for_the_other_writer(
    database: Database, other_writer: OtherWriter
) -> None:
    """The measured failure: a transaction that read before it wrote got 'database is
    locked' at once while another process wrote. It now waits, then sees that write."""
    done = other_writer.commit_after(0.3)

    def read_then_write(session: Session) -> list[str]:
        seen = _learners(session)
        _add(session, "Ada")
        return seen

    start = time.perf_counter()
    seen = database.write(read_then_write)
    waited = time.perf_counter() - start
    done.join()
    assert seen == ["Other"]  # it began after the other writer's commit, not before
    assert waited >= 0.25
    with database.reading() as session:
        assert _learners(session) == ["Other", "Ada"]


def test_reads_do_not_wait_for_a_writer(database: Database, other_writer: OtherWriter) -> None:
    start = time.perf_counter()
    with database.reading() as session:
        assert _learners(session) == []  # the other writer has not committed
    assert time.perf_counter() - start < 1.0  # far below the busy timeout of 5 s


def test_a_bank_still_busy_after_the_busy_timeout_is_tried_again(
    db_url: str, other_writer: OtherWriter
) -> None:
    database = _impatient(db_url, policy=RetryPolicy(attempts=20, patience_s=5.0))
    done = other_writer.commit_after(0.4)  # eight busy timeouts of 50 ms
    attempts = 0

    def add(session: Session) -> None:
        nonlocal attempts
        attempts += 1
        _add(session, "Ada")

    database.write(add)
    done.join()
    assert attempts > 1
    with database.reading() as session:
        assert _learners(session) == ["Other", "Ada"]
    database.close()


def test_a_busy_bank_is_given_up_after_the_attempts_allowed(
    db_url: str, other_writer: OtherWriter
) -> None:
    sleeps: list[float] = []
    policy = RetryPolicy(attempts=3, patience_s=60.0, sleep=sleeps.append)
    database = _impatient(db_url, policy=policy)
    attempts = 0

    def add(session: Session) -> None:
        nonlocal attempts
        attempts += 1
        _add(session, "Ada")

    with pytest.raises(BankBusyError) as raised:
        database.write(add)
    assert attempts == 3
    assert len(sleeps) == 2
    assert sleeps[0] <= policy.first_pause_s <= sleeps[1] <= 2 * policy.first_pause_s
    assert str(raised.value) == (
        "The question bank is busy: another program is writing to it. "
        "Nothing was changed; try again in a moment."
    )
    assert raised.value.message("zh") == (
        "题库正忙：另一个程序正在写入。没有做任何改动，请稍后再试。"
    )
    other_writer.close()
    with database.reading() as session:
        assert _learners(session) == []
    database.close()


def test_a_busy_bank_is_given_up_within_the_time_allowed(
    db_url: str, other_writer: OtherWriter
) -> None:
    database = _impatient(db_url, policy=RetryPolicy(attempts=1000, patience_s=0.5))
    start = time.perf_counter()
    with pytest.raises(BankBusyError):
        database.write(lambda session: _add(session, "Ada"))
    assert time.perf_counter() - start < 1.5
    database.close()


def test_pauses_grow_and_are_jittered() -> None:
    lowest = RetryPolicy(jitter=lambda low, high: low)
    highest = RetryPolicy(jitter=lambda low, high: high)
    assert [lowest.pause(n) for n in (1, 2, 3)] == [0.025, 0.05, 0.1]
    assert [highest.pause(n) for n in (1, 2, 3, 10)] == [0.05, 0.1, 0.2, 1.0]


@sqlite_only("a full disk is simulated with SQLite's page limit")
def test_a_full_disk_is_a_message_and_is_not_tried_again(database: Database) -> None:
    attempts = 0

    def fill(session: Session) -> None:
        nonlocal attempts
        attempts += 1
        _add(session, "Ada")
        pages = session.execute(text("PRAGMA page_count")).scalar_one()
        session.execute(text(f"PRAGMA max_page_count = {pages}"))  # the disk is full now
        session.execute(text("CREATE TABLE filler (x BLOB)"))
        session.execute(text("INSERT INTO filler VALUES (zeroblob(1000000))"))

    with pytest.raises(StorageError) as raised:
        database.write(fill)
    assert not isinstance(raised.value, BankBusyError)
    assert attempts == 1
    assert "the disk is full" in str(raised.value)
    assert "磁盘已满" in raised.value.message("zh")
    database.close()  # the connection keeps its page limit
    with database.reading() as session:
        assert _learners(session) == []


@sqlite_only("a read-only bank file")
def test_a_read_only_bank_is_a_message(database: Database) -> None:
    def write_read_only(session: Session) -> None:
        session.execute(text("PRAGMA query_only = ON"))
        _add(session, "Ada")

    with pytest.raises(StorageError, match="is read-only") as raised:
        database.write(write_read_only)
    assert "只读" in raised.value.message("zh")
    database.close()


def test_a_file_that_is_not_a_bank_is_a_message(tmp_path: Path) -> None:
    bank = tmp_path / "bank.sqlite3"
    bank.write_bytes(b"not a bank at all" * 1000)
    with pytest.raises(StorageError, match="the file is not a database") as raised:
        open_database(f"sqlite:///{bank}")
    assert str(bank) in str(raised.value)
    assert "不是数据库" in raised.value.message("zh")


@sqlite_only("a damaged bank file")
def test_a_damaged_bank_is_a_message(db_url: str) -> None:
    open_database(db_url).close()
    bank = sqlite_path(db_url)
    assert bank is not None
    with sqlite3.connect(bank) as connection:
        [page] = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'learner'")
        [size] = connection.execute("PRAGMA page_size")
    connection.close()
    with bank.open("r+b") as file:  # scribble over the learners' table
        file.seek((page[0] - 1) * size[0])
        file.write(b"\xff" * 64)
    database = open_database(db_url)
    with pytest.raises(StorageError, match="is damaged and cannot be used") as raised:
        database.write(_learners)
    assert "已损坏" in raised.value.message("zh")
    with pytest.raises(StorageError, match="is damaged"), database.reading() as session:
        _learners(session)
    database.close()


def test_a_bug_is_not_dressed_up_as_a_storage_error(database: Database) -> None:
    attempts = 0

    def twice(session: Session) -> None:
        nonlocal attempts
        attempts += 1
        _add(session, "Ada")
        _add(session, "Ada")  # learner names are unique

    with pytest.raises(IntegrityError):
        database.write(twice)
    assert attempts == 1
    # (SQLite calls these OperationalError, PostgreSQL ProgrammingError: neither is dressed up)
    bugs = (OperationalError, ProgrammingError)
    with pytest.raises(bugs, match=r"no such table|does not exist"):
        database.write(lambda session: session.execute(text("SELECT * FROM no_such_table")))
    with pytest.raises(bugs, match="syntax error"), database.reading() as session:
        session.execute(text("SELEKT 1"))


def test_a_dry_run_writes_nothing(database: Database) -> None:
    def add(session: Session) -> list[str]:
        _add(session, "Ada")
        return _learners(session)

    assert database.write(add, dry_run=True) == ["Ada"]
    with database.reading() as session:
        assert _learners(session) == []


class _ServerError(Exception):
    """A PostgreSQL driver's error, which carries its SQLSTATE."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"SQLSTATE {sqlstate}")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "busy", "says"),
    [
        ("40001", True, "The question bank is busy"),  # serialization failure
        ("40P01", True, "The question bank is busy"),  # deadlock
        ("53100", False, "the disk is full"),
        ("08006", False, "server cannot be reached"),
        ("XX001", False, "is damaged"),
    ],
)
def test_server_errors_are_messages_and_lost_races_are_busy(
    sqlstate: str, busy: bool, says: str
) -> None:
    err = OperationalError("UPDATE ...", None, _ServerError(sqlstate))
    translated = storage_error(err, "postgresql://teacher:secret@school/quiz")
    assert translated is not None
    assert isinstance(translated, BankBusyError) is busy
    assert says in str(translated)
    assert "secret" not in str(translated)


def test_a_server_side_bug_is_left_alone() -> None:
    err = IntegrityError("INSERT ...", None, _ServerError("23505"))
    assert storage_error(err, "postgresql://u@h/db") is None


@sqlite_only("SQLite's one-writer lock; a server's migration lock is tested in tests/server_mode")
def test_an_upgrade_waits_for_another_writer(db_url: str) -> None:
    """A bank opened by a newer app while an older one writes to it: the upgrade waits
    for that write, then runs, instead of failing as its first change meets it."""
    from quiz_app.storage import migrate

    database = open_database(db_url)
    migrate.migrate(database.engine, "downgrade", "0004")
    database.close()
    path = sqlite_path(db_url)
    assert path is not None
    other = OtherWriter(path)
    done = other.commit_after(0.3)
    try:
        upgraded = open_database(db_url)
    finally:
        done.join()
        other.close()
    assert upgraded.schema_state().current == upgraded.schema_state().head
    with upgraded.reading() as session:
        assert _learners(session) == ["Other"]
    upgraded.close()
