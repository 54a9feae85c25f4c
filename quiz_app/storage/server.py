"""A class's bank on a PostgreSQL server: its dump before an upgrade, and who may migrate.

Learner computers never change a server's schema (``migrate.upgrade_bank`` refuses); the
teacher's ``quiz-app server init`` and ``server upgrade`` do, one at a time under an
advisory lock, after a ``pg_dump`` of the whole bank.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, make_url, text

from quiz_app.core.errors import StorageError
from quiz_app.storage.engine import shown_url

DUMP_TIMEOUT_S = 30 * 60
TEACHER_LOCK = 0x4348_5155_4954
"""Advisory lock held through a teacher's ``server init`` or ``upgrade``: two teachers'
commands at once run one after the other (the schema's own lock is another key)."""


@contextmanager
def teacher_lock(engine: Engine) -> Iterator[None]:
    """Hold the server's teacher lock (waiting for another holder) until the block ends."""
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": TEACHER_LOCK})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": TEACHER_LOCK})
            connection.commit()


def libpq_environment(url: str) -> dict[str, str]:
    """The environment that points libpq's tools (pg_dump) at ``url``'s database: host,
    port, user, database, and the password only if the URL has one (else libpq finds it
    in the pgpass file, as the app does)."""
    parsed = make_url(url)
    values = {
        "PGHOST": parsed.host,
        "PGPORT": None if parsed.port is None else str(parsed.port),
        "PGUSER": parsed.username,
        "PGDATABASE": parsed.database,
        "PGPASSWORD": parsed.password if isinstance(parsed.password, str) else None,
    }
    return {key: value for key, value in values.items() if value}


def dump_bank(url: str, folder: Path, when: datetime, label: str) -> Path:
    """A ``pg_dump`` of the server's bank into ``folder`` (custom format, restorable with
    ``pg_restore``); raises StorageError, naming the bank without its password."""
    program = shutil.which("pg_dump")
    where = shown_url(url)
    if program is None:
        raise StorageError(
            f"pg_dump is not installed, so no copy of {where} can be taken before the "
            "upgrade; install PostgreSQL's client programs (Debian: postgresql-client).",
            zh=f"未安装 pg_dump，升级前无法备份 {where}；"
            "请安装 PostgreSQL 客户端程序（Debian：postgresql-client）。",
        )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    database = make_url(url).database or "bank"
    target = folder / f"{database}-{when:%Y%m%d-%H%M%S}-{label}.dump"
    environment = os.environ | libpq_environment(url)
    try:
        finished = subprocess.run(  # noqa: S603 (a fixed program, no shell)
            [program, "--format=custom", "--no-password", f"--file={target}"],
            env=environment,
            capture_output=True,
            text=True,
            timeout=DUMP_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as err:
        target.unlink(missing_ok=True)
        raise StorageError(
            f"pg_dump of {where} took longer than {DUMP_TIMEOUT_S // 60} minutes; "
            "nothing was upgraded.",
            zh=f"pg_dump 备份 {where} 超过 {DUMP_TIMEOUT_S // 60} 分钟；没有升级任何内容。",
        ) from err
    if finished.returncode != 0:
        target.unlink(missing_ok=True)
        reason = (finished.stderr.strip().splitlines() or ["no reason given"])[-1]
        raise StorageError(
            f"pg_dump could not copy {where} ({reason}); nothing was upgraded.",
            zh=f"pg_dump 无法备份 {where}（{reason}）；没有升级任何内容。",
        )
    target.chmod(0o600)
    return target


# Roles: the teacher's role owns the schema (and so is not bound by row-level security);
# each class's computers log in with a role of their own, a member of the bank's class
# group, which may read the packs, add learners, and read and write only its own
# learners' quizzes, answers, schedules and passwords. It never sees the teacher PIN.
#
# The class's figures kept as quizzes finish (``storage.tallies``) follow the same line: a
# class computer finishing a quiz adds to its learner's ``learner_figures`` row (the
# learner's own, like their answers) and to its own class's ``question_figures`` rows
# (keyed by ``learner.class_role``, which for its learners is its own role), and sees or
# changes no other class's. What it could write there it could write as answers already:
# its own class's figures, never another's. The teacher's role reads every class's rows
# and adds them up.

CLASS_GROUP_KEY = "server_class_group"
"""The setting naming the bank's class group role (role names are per cluster, so each
bank on a server has its own)."""
_READ_ONLY = ("pack", "topic", "question", "media", "question_count", "alembic_version")
_CLASS_OWN = ("learner_password", "quiz_session", "answer", "schedule", "learner_figures")
_CLASS_ROWS = ("question_figures",)
"""Tables whose rows carry their class (``class_role``): each class sees its own only."""
_WRITES = "SELECT, INSERT, UPDATE"
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_TEACHER_SETTINGS = "teacher%"


def _quoted(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def class_group(connection: Connection) -> str:
    """The bank's class group role: recorded at ``server init``, else made from the
    database's name."""
    recorded = connection.execute(
        text("SELECT value FROM setting WHERE key = :key"), {"key": CLASS_GROUP_KEY}
    ).scalar()
    if isinstance(recorded, str):
        return recorded
    database = str(connection.execute(text("SELECT current_database()")).scalar_one())
    return f"{database[:48]}_classes"


def _role_exists(connection: Connection, name: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    return found.first() is not None


def secure_bank(connection: Connection) -> str:
    """Make (or bring up to date) the class group role, its grants and the row-level
    security policies on the server's bank; returns the group's name. Run by the teacher's
    role, the schema's owner, in ``server init`` and ``server upgrade`` (so tables added by
    later versions get their grants too)."""
    group = class_group(connection)
    quoted = _quoted(connection, group)
    if not _role_exists(connection, group):
        connection.execute(text(f"CREATE ROLE {quoted} NOLOGIN"))
    connection.execute(
        text(
            "INSERT INTO setting (key, value) VALUES (:key, :group) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": CLASS_GROUP_KEY, "group": group},
    )
    schema = _quoted(connection, str(connection.execute(text("SELECT current_schema()")).scalar()))
    statements = [
        f"GRANT USAGE ON SCHEMA {schema} TO {quoted}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {quoted}",
        f"GRANT SELECT ON {', '.join(_READ_ONLY)} TO {quoted}",
        f"GRANT {_WRITES} ON learner, {', '.join(_CLASS_OWN + _CLASS_ROWS)} TO {quoted}",
        f"GRANT DELETE ON learner_password, schedule TO {quoted}",
        f"GRANT SELECT ON setting TO {quoted}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {quoted}",
        # A learner added on a class computer belongs to that computer's class.
        "ALTER TABLE learner ALTER COLUMN class_role SET DEFAULT current_user",
    ]
    for table in ("learner", *_CLASS_OWN, *_CLASS_ROWS, "setting"):
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS class_rows ON {table}",
        ]
    statements.append(
        f"CREATE POLICY class_rows ON learner TO {quoted} "
        "USING (class_role = current_user) WITH CHECK (class_role = current_user)"
    )
    for table in _CLASS_OWN:  # learner's own policy makes this subquery the class's learners
        statements.append(
            f"CREATE POLICY class_rows ON {table} TO {quoted} "
            "USING (learner_id IN (SELECT id FROM learner)) "
            "WITH CHECK (learner_id IN (SELECT id FROM learner))"
        )
    for table in _CLASS_ROWS:
        statements.append(
            f"CREATE POLICY class_rows ON {table} TO {quoted} "
            "USING (class_role = current_user) WITH CHECK (class_role = current_user)"
        )
    statements.append(
        f"CREATE POLICY class_rows ON setting FOR SELECT TO {quoted} "
        f"USING (key NOT LIKE '{_TEACHER_SETTINGS}')"
    )
    for statement in statements:
        connection.execute(text(statement))
    return group


def check_role_name(name: str) -> str:
    """``name`` as a class role's name, or a StorageError saying what a name may hold."""
    if not _ROLE_NAME.fullmatch(name):
        raise StorageError(
            f"{name!r} cannot name a class's role: use 1 to 63 lower-case letters, digits "
            "and underscores, beginning with a letter (for example class_7b).",
            zh=f"{name!r} 不能作为班级角色名：请用 1 到 63 个小写字母、数字和下划线，"
            "以字母开头（例如 class_7b）。",
        )
    return name


def add_class_role(connection: Connection, name: str, password: str | None) -> bool:
    """Let the role ``name`` (made here, able to log in, if it does not exist) connect a
    class's computers; ``password`` (if given) becomes its password, sent to the server
    already hashed. True if the role was made here."""
    check_role_name(name)
    if name == connection.execute(text("SELECT current_user")).scalar():
        raise StorageError(
            f"{name} is the teacher's own role; a class needs a role of its own.",
            zh=f"{name} 是教师自己的角色；班级需要单独的角色。",
        )
    group = class_group(connection)
    quoted = _quoted(connection, name)
    made = not _role_exists(connection, name)
    if made:
        connection.execute(text(f"CREATE ROLE {quoted} LOGIN"))
    if password is not None:
        verifier = _verifier(connection, name, password)  # base64 and '$:': no quote in it
        connection.exec_driver_sql(f"ALTER ROLE {quoted} PASSWORD '{verifier}'")
    connection.execute(text(f"GRANT {_quoted(connection, group)} TO {quoted}"))
    return made


def _verifier(connection: Connection, role: str, password: str) -> str:
    """The SCRAM verifier of ``password``, made by libpq on this computer: the password
    itself never travels to the server, nor into its logs."""
    raw = connection.connection.driver_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    hashed = pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
    return bytes(hashed).decode("ascii")


def is_class_computer(connection: Connection) -> bool:
    """True when ``connection`` uses a server's bank with a class's role (it may not
    change packs nor see the teacher PIN); False for the teacher and on SQLite."""
    if connection.dialect.name != "postgresql":
        return False
    return not connection.execute(text("SELECT has_table_privilege('pack', 'INSERT')")).scalar()


def connect_command(url: str, role: str) -> str:
    """What a class's computer runs to use ``url``'s bank as ``role``."""
    where = make_url(url)
    port = f" --port {where.port}" if where.port else ""
    return f"server connect {where.host or 'HOST'} {where.database} --user {role}{port}"
