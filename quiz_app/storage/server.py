"""A class's bank on a PostgreSQL server: its dump before an upgrade, and who may migrate.

Learner computers never change a server's schema (``migrate.upgrade_bank`` refuses); the
teacher's ``quiz-app server init`` and ``server upgrade`` do, one at a time under an
advisory lock, after a ``pg_dump`` of the whole bank.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, make_url, text

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
