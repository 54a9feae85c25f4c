"""Throwaway databases on the test PostgreSQL server (``$QUIZ_APP_TEST_DB``).

A template bank is migrated once per run; each test gets a copy (``CREATE DATABASE ...
TEMPLATE``, a file copy on the server, far faster than migrating) and drops it after.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, make_url


def _admin(server: str, sql: str) -> None:
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(sql)
    finally:
        engine.dispose()


def _url(server: str, name: str) -> str:
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def make_template(server: str) -> str:
    """A database at today's schema, no packs, no learners: the template of each test's."""
    from quiz_app.storage import open_database
    from quiz_app.storage.database import upgrade_schema

    name = f"quiz_template_{os.getpid()}"
    _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(server, f'CREATE DATABASE "{name}"')
    database = open_database(_url(server, name), migrate=False)
    upgrade_schema(database, server_upgrade=True)  # as `quiz-app server init` does
    database.close()
    return _url(server, name)


def copy_database(template: str) -> str:
    """A new database copied from ``template``; its URL."""
    name = f"quiz_test_{uuid.uuid4().hex[:12]}"
    source = make_url(template).database
    _admin(template, f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return _url(template, name)


def new_database(server: str) -> str:
    """A new, empty database (no schema at all); its URL."""
    name = f"quiz_test_{uuid.uuid4().hex[:12]}"
    _admin(server, f'CREATE DATABASE "{name}"')
    return _url(server, name)


def drop_database(server: str, name: str) -> None:
    """Drop ``name``, closing whatever a test left connected to it."""
    _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_cluster() -> tuple[str, Callable[[], None]] | None:
    """A throwaway cluster started with ``.ci/start-postgres``, and how to stop it; None
    where PostgreSQL is not installed."""
    import glob
    import shutil
    import subprocess

    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        return None
    script = Path(__file__).parent.parent / ".ci" / "start-postgres"
    url = subprocess.run([str(script)], capture_output=True, text=True, check=True).stdout
    url = url.strip()
    port = str(make_url(url).port)

    def stop() -> None:
        for pid_file in glob.glob("/tmp/quiz-pg.*/data/postmaster.pid"):
            if Path(pid_file).read_text().splitlines()[3:4] != [port]:
                continue
            folder = str(Path(pid_file).parent)
            bin_dir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
            as_owner = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
            stop_it = [f"{bin_dir}/pg_ctl", "-D", folder, "-m", "immediate", "stop"]
            subprocess.run([*as_owner, *stop_it], capture_output=True, check=False)
            shutil.rmtree(Path(folder).parent, ignore_errors=True)

    return url, stop


def stop_cluster_for_a_while(url: str) -> Callable[[], None]:
    """Stop the cluster serving ``url`` (one of ``start_cluster``'s) as a crashed or
    restarting server is, to its clients; returns how to start it again, as it was."""
    import glob
    import shlex
    import subprocess

    port = str(make_url(url).port)
    folders = [
        Path(pid).parent
        for pid in glob.glob("/tmp/quiz-pg.*/data/postmaster.pid")
        if Path(pid).read_text().splitlines()[3:4] == [port]
    ]
    assert folders, f"no cluster of ours serves port {port}"
    folder = folders[0]
    words = shlex.split((folder / "postmaster.opts").read_text())[1:]
    at = words.index("-D")
    options = shlex.join(words[:at] + words[at + 2 :])
    bin_dir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
    as_owner = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    pg_ctl = [*as_owner, f"{bin_dir}/pg_ctl", "-D", str(folder)]
    subprocess.run([*pg_ctl, "-m", "fast", "-w", "stop"], capture_output=True, check=True)

    def start_again() -> None:
        log = str(folder.parent / "server.log")
        start = [*pg_ctl, "-o", options, "-l", log, "-w", "start"]
        subprocess.run(start, capture_output=True, check=True)

    return start_again
