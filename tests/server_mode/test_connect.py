"""A learner computer connects to the classroom server: host, port, database and user
remembered, never a password; checked before it is remembered."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import make_url

from quiz_app.__main__ import main
from quiz_app.core.errors import StorageError
from quiz_app.services.server import ServerConnection, connected_server, init_server
from quiz_app.storage.connection import connection_file
from quiz_app.storage.engine import database_url, default_database_path
from tests.conftest import NOW


def _arguments(url: str) -> list[str]:
    parsed = make_url(url)
    return [
        str(parsed.host),
        str(parsed.database),
        "--user",
        str(parsed.username),
        "--port",
        str(parsed.port),
    ]


def test_connect_checks_then_remembers_and_disconnect_forgets(
    empty_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "connect", *_arguments(empty_server)]) == 1
    assert "quiz-app server init" in capsys.readouterr().err
    assert not connection_file().exists()  # an empty server is not remembered
    assert database_url() == f"sqlite:///{default_database_path()}"

    init_server(empty_server, now=NOW)
    assert main(["server", "connect", *_arguments(empty_server)]) == 0
    out = capsys.readouterr().out
    assert out == f"This computer now uses the classroom server's bank: {empty_server}\n"
    saved = json.loads(connection_file().read_text(encoding="utf-8"))
    assert set(saved) == {"host", "port", "database", "user"}  # and no password
    assert database_url() == empty_server
    assert main(["packs", "list"]) == 0  # no --db: the server's bank
    assert "change-missions" in capsys.readouterr().out

    assert main(["server", "disconnect"]) == 0
    assert connected_server() is None
    assert database_url() == f"sqlite:///{default_database_path()}"


def test_a_server_that_does_not_answer_is_not_remembered(pg_server: str) -> None:
    parsed = make_url(pg_server)
    missing = ServerConnection(str(parsed.host), "no_such_bank", str(parsed.username), 1)
    from quiz_app.services.server import connect_to_server

    with pytest.raises(StorageError):
        connect_to_server(missing)  # nothing answers on port 1
    assert connected_server() is None


def test_damaged_settings_are_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    connection_file().parent.mkdir(parents=True, exist_ok=True)
    connection_file().write_text("{not json", encoding="utf-8")
    assert main(["packs", "list"]) == 1
    err = capsys.readouterr().err
    assert "The classroom server settings in" in err
    assert "cannot be read" in err
    assert "Traceback" not in err
