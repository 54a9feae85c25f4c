"""A PostgreSQL server for the classroom-server tests: ``$QUIZ_APP_TEST_DB`` when set
(``.ci/run``), else a throwaway cluster started here where PostgreSQL is installed."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import make_url

from tests.conftest import SERVER_ENV
from tests.pg import drop_database, new_database, start_cluster


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    given = os.environ.get(SERVER_ENV)
    if given:
        yield given
        return
    started = start_cluster()
    if started is None:
        pytest.skip(
            "the classroom server tests need PostgreSQL installed "
            "(Debian: apt-get install postgresql; .ci/run installs it)"
        )
    url, stop = started
    try:
        yield url
    finally:
        stop()


@pytest.fixture
def empty_server(pg_server: str) -> Iterator[str]:
    """An empty database on the server, with no bank in it yet."""
    url = new_database(pg_server)
    yield url
    drop_database(pg_server, make_url(url).database or "")
