"""Moving a bank between schema revisions (Alembic) without stranding a row.

On SQLite, Alembic changes a table by copying it, dropping the old one and renaming the
copy. With foreign keys on, that drop fails as soon as another table points at the
table (or, with ON DELETE CASCADE, silently empties the tables that do). So every run:

- turns foreign keys off on its connection, outside any transaction (inside one the
  pragma is silently ignored);
- runs all its migrations in one transaction (SQLite's DDL is transactional, and the
  engine leaves BEGIN and COMMIT to SQLAlchemy, so nothing is committed on the way);
- checks every foreign key (``PRAGMA foreign_key_check``) before committing;
- and turns foreign keys back on.

Any failure rolls the whole run back: the bank is left as it was, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from quiz_app.core.backups import BackupReason
from quiz_app.core.errors import StorageError
from quiz_app.storage.backups import existing_backups, write_backup
from quiz_app.storage.engine import is_server, shown_url, sqlite_path, writing

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only to migrate (or to answer for a chain of revisions this module
# cannot read on its own): opening a bank already at the newest schema, every start but
# the first after an update, costs two small queries and a glance at the scripts' names,
# not Alembic's machinery (about a third of a second of imports here).

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


_REVISION = re.compile(r"""^revision(?:\s*:[^=]*)?\s*=\s*['"]([^'"]+)['"]""", re.M)
_DOWN = re.compile(r"""^down_revision(?:\s*:[^=]*)?\s*=\s*(?:None|['"]([^'"]+)['"])\s*$""", re.M)


def _scripts_head(folder: Path) -> str | None:
    """The newest revision of the scripts in ``folder``, read from their text: the one
    no other revises. None when the scripts are not one plain chain (a merge, a
    branch, a form these patterns do not read): Alembic then answers."""
    revises: dict[str, str | None] = {}
    for script in (folder / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            return None
        revises[revision.group(1)] = down.group(1)
    heads = set(revises) - set(revises.values())
    if len(heads) != 1 or list(revises.values()).count(None) != 1:
        return None
    return heads.pop()


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def head_revision() -> str:
    """The schema revision this version of the app needs (the newest migration)."""
    return _scripts_head(MIGRATIONS) or _alembic_head()


def known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def stored_revision(connection: Connection) -> str | None:
    """The schema revision the bank says it is at (None for a bank with no schema yet),
    read as Alembic reads it: the one row of its version table."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:  # several heads: only Alembic can say what that means
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return rows[0] if rows else None


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return stored_revision(connection)


def newer_schema_error(where: str, revision: str) -> StorageError:
    return StorageError(
        f"The question bank at {where} was made by a newer version of Chang'e Quiz "
        f"(schema {revision}); update the app to open it.",
        zh=f"{where} 的题库由更新版本的嫦娥问答创建（数据结构 {revision}），请先更新本程序再打开。",
    )


MIGRATION_LOCK = 0x4348_5155_495A
"""PostgreSQL advisory lock key held by whoever migrates a server's bank: one at a time."""


class ServerSchemaError(StorageError):
    """A server's bank is not at the schema this app needs, and a learner computer never
    changes it: the teacher runs ``quiz-app server init`` or ``server upgrade``."""


def _server_schema_error(url: str, current: str | None, head: str) -> StorageError:
    where = shown_url(url)
    if current is None:
        return ServerSchemaError(
            f"The classroom server's database {where} holds no question bank yet. "
            "The teacher creates it with: quiz-app server init",
            zh=f"课堂服务器的数据库 {where} 里还没有题库。请老师运行 quiz-app server init 创建。",
        )
    if not known_revision(current):
        return newer_schema_error(where, current)
    return ServerSchemaError(
        f"The classroom server's bank {where} is at schema {current}; this version of the "
        f"app needs {head}. Ask the teacher to run: quiz-app server upgrade "
        "(a learner's computer never changes the server's bank).",
        zh=f"课堂服务器的题库 {where} 的数据结构是 {current}，本版本需要 {head}。"
        "请老师运行 quiz-app server upgrade（学习者的电脑从不改动服务器上的题库）。",
    )


def upgrade_bank(
    engine: Engine, url: str, *, backup: bool = True, server_upgrade: bool = False
) -> Path | None:
    """Apply pending migrations, after a backup of an SQLite file (when ``backup``).

    Returns the backup taken, if any: none for a bank already at the newest schema, or a
    new one. The backup is written into the bank's backups folder and replaces any
    earlier backup of the same upgrade (same from and to schema): such an earlier one was
    taken by a run that failed and left the bank as it was, so the new copy holds the
    same bank, plus whatever was done since with the older app. Failed attempts at an
    upgrade thus leave one backup, not one per launch.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if is_server(url) and not server_upgrade:
        raise _server_schema_error(url, current, head)
    if current is not None and not known_revision(current):
        raise newer_schema_error(shown_url(url), current)
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    if current is None and tables:
        shown = shown_url(url)
        raise StorageError(
            f"{shown} already holds tables ({', '.join(sorted(tables))}) that are not a "
            "Chang'e Quiz bank; choose another file with --db.",
            zh=f"{shown} 里已有不属于嫦娥问答题库的表（{'、'.join(sorted(tables))}），"
            "请用 --db 选择另一个文件。",
        )
    path = sqlite_path(url)
    taken = None
    if backup and current is not None and path is not None and path.exists():
        taken = _backup_before(path, current, head)
    try:
        migrate(engine, "upgrade", head)
    except Exception as err:
        where = path or shown_url(url)
        copy = f" A copy taken before the upgrade is at {taken}." if taken else ""
        copy_zh = f"升级前的备份在 {taken}。" if taken else ""
        raise StorageError(
            f"The question bank at {where} could not be upgraded to this version of the app; "
            f"it is unchanged.{copy} ({_reason(err)})",
            zh=f"{where} 的题库无法升级到本版本，题库未被改动。{copy_zh}（{_reason(err)}）",
        ) from err
    return taken


def _backup_before(path: Path, current: str, head: str) -> Path:
    pair = (current, head)
    earlier = [b.path for b in existing_backups(path) if b.upgrade == pair]
    taken = write_backup(path, datetime.now(UTC), BackupReason.UPGRADE, pair)
    for old in earlier:
        old.unlink(missing_ok=True)
    return taken


def _reason(err: Exception) -> str:
    if isinstance(err, StorageError):
        return str(err)
    first = str(getattr(err, "orig", None) or err).strip().splitlines()
    return f"{type(err).__name__}: {first[0] if first else ''}"


def migrate(engine: Engine, direction: str, revision: str) -> None:
    """Run Alembic's ``upgrade`` or ``downgrade`` to ``revision``: all of it or nothing."""
    if direction not in ("upgrade", "downgrade"):
        raise ValueError(direction)
    from alembic import command

    config = alembic_config()
    # A write transaction from its BEGIN (IMMEDIATE on SQLite): it waits for another
    # program's write instead of failing when its first change meets it.
    with writing(engine).connect() as connection, _foreign_keys_off(connection), connection.begin():
        if connection.dialect.name == "sqlite":
            # pysqlite left to itself commits before DDL: the engine must own BEGIN
            # (quiz_app.storage.engine), or a failed run would be half applied.
            raw = connection.connection.driver_connection
            assert raw is not None
            assert raw.in_transaction, "use create_bank_engine()"
        if connection.dialect.name == "postgresql":
            # Thirty computers opening an empty server bank at once: one migrates, the
            # others wait here, then find the schema current and do nothing.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        getattr(command, direction)(config, revision)
        _check_foreign_keys(connection)


@contextmanager
def _foreign_keys_off(connection: Connection) -> Iterator[None]:
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.driver_connection
    assert raw is not None
    # Outside a transaction, or SQLite ignores it: the raw connection, since SQLAlchemy
    # would BEGIN before sending it.
    assert not raw.in_transaction, "foreign keys can only be switched between transactions"
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if raw.in_transaction:  # a failure that escaped the rollback: leave nothing open
            raw.rollback()
        raw.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        first = "; ".join(
            f"a row of {t} points at a missing row of {p}" for t, _, p, _ in broken[:3]
        )
        raise StorageError(
            f"the new schema would leave {len(broken)} row(s) pointing at missing rows ({first})",
            zh=f"新的数据结构会让 {len(broken)} 行指向不存在的行（{first}）",
        )
