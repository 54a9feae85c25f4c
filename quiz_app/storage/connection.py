"""Where a learner computer finds the classroom server: a small settings file.

It holds the host, port, database and user, never a password: libpq reads that from the
user's pgpass file (``~/.pgpass``, or ``%APPDATA%\\postgresql\\pgpass.conf`` on Windows),
so no URL the app builds, stores or prints carries one.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import URL

from quiz_app.core.errors import StorageError

APP_NAME = "change-quiz"
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerConnection:
    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT

    def url(self) -> str:
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            host=self.host,
            port=self.port,
            database=self.database,
        ).render_as_string(hide_password=False)


def connection_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "server.json"


def read_connection(path: Path | None = None) -> ServerConnection | None:
    """The saved classroom server, or None (this computer keeps its own bank)."""
    where = path or connection_file()
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
        return ServerConnection(
            str(data["host"]), str(data["database"]), str(data["user"]), int(data["port"])
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise StorageError(
            f"The classroom server settings in {where} cannot be read ({err}); "
            "connect again with File › Connect to classroom server…, or delete the file.",
            zh=f"无法读取 {where} 中的课堂服务器设置（{err}）；请用“文件 › 连接课堂服务器…”"
            "重新连接，或删除该文件。",
        ) from err


def save_connection(connection: ServerConnection | None, path: Path | None = None) -> None:
    """Remember the classroom server (None: forget it, back to this computer's bank)."""
    where = path or connection_file()
    if connection is None:
        where.unlink(missing_ok=True)
        return
    where.parent.mkdir(parents=True, exist_ok=True)
    temporary = where.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(connection), indent=2), encoding="utf-8")
    os.replace(temporary, where)
