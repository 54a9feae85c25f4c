"""What the database driver reports, as a StorageError a person can read.

A full disk, a read-only or damaged file, a lost server or a bank kept busy by another
writer are the user's to deal with: they become a StorageError, in English and Chinese,
saying what happened and that nothing was changed. An IntegrityError, a syntax error in
our SQL or a misused connection is a bug: it is left alone, to reach the crash handler.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import make_url
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
)

from quiz_app.core.errors import StorageError
from quiz_app.storage.engine import shown_url


class BankBusyError(StorageError):
    """Another writer kept the bank for longer than we waited; trying again may work."""


class ServerUnreachableError(StorageError):
    """The classroom server did not answer (stopped, restarting, or the network is down);
    what was being written may be kept in the outbox and sent when it is back."""


_BUGS = (IntegrityError, ProgrammingError, DataError, NotSupportedError, InterfaceError)

# SQLite's primary result codes (https://sqlite.org/rescode.html).
_SQLITE_ERROR, _SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED = 1, 3, 5, 6
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL = 8, 10, 11, 13
_SQLITE_CANTOPEN, _SQLITE_MISMATCH, _SQLITE_MISUSE, _SQLITE_AUTH = 14, 20, 21, 23
_SQLITE_RANGE, _SQLITE_NOTADB = 25, 26
# Wrong SQL, wrong types, a misused connection: mistakes in the app, not in the bank.
_SQLITE_BUGS = {_SQLITE_ERROR, _SQLITE_MISMATCH, _SQLITE_MISUSE, _SQLITE_RANGE}

# PostgreSQL's SQLSTATE codes: the transaction lost a race and may simply be run again.
_PG_RETRY = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available


@dataclass(frozen=True)
class _Kind:
    """One kind of failure: what to tell the person."""

    en: str
    zh: str
    busy: bool = False
    unreachable: bool = False


_BUSY = _Kind(
    "The question bank is busy: another program is writing to it. "
    "Nothing was changed; try again in a moment.",
    "题库正忙：另一个程序正在写入。没有做任何改动，请稍后再试。",
    busy=True,
)
_FULL = _Kind(
    "The question bank could not be written: the disk is full. "
    "Nothing was changed; free some space and try again.",
    "无法写入题库：磁盘已满。没有做任何改动，请腾出一些空间后再试。",
)
_READONLY = _Kind(
    "The question bank could not be written: its file ({where}) is read-only. Nothing was changed.",
    "无法写入题库：题库文件（{where}）是只读的。没有做任何改动。",
)
_IO = _Kind(
    "The question bank could not be read or written: the disk reported an error: "
    "{detail}. Nothing was changed; check the disk and try again.",
    "无法读写题库：磁盘报告了错误：{detail}。没有做任何改动，请检查磁盘后再试。",
)
_CORRUPT = _Kind(
    "The question bank at {where} is damaged and cannot be used: {detail}. "
    "Restore it from a backup copy, such as a .bak file beside it.",
    "{where} 处的题库已损坏，无法使用：{detail}。请用备份副本（例如旁边的 .bak 文件）恢复。",
)
_NOTADB = _Kind(
    "Chang'e Quiz cannot open the question bank at {where}: the file is not a database, "
    "or its beginning is damaged ({detail}). Choose another file, or restore the bank from "
    "a backup copy.",
    "无法打开 {where} 处的题库：该文件不是数据库，或其开头已损坏（{detail}）。"
    "请选择另一个文件，或用备份副本恢复题库。",
)
_CANTOPEN = _Kind(
    "Chang'e Quiz cannot open the question bank at {where}: {detail}.",
    "无法打开 {where} 处的题库：{detail}。",
)
_SERVER = _Kind(
    "The question bank's server cannot be reached: {detail}. "
    "Nothing was changed; try again when it is back.",
    "无法连接题库的服务器：{detail}。没有做任何改动，请在服务器恢复后再试。",
    unreachable=True,
)
_DENIED = _Kind(
    "This computer is a class computer of the classroom server, and may not do that: "
    "{detail}. Nothing was changed. Packs, everyone's results and the teacher's tools are "
    "on the teacher's computer.",
    "这台电脑是课堂服务器上的班级电脑，不能进行此操作：{detail}。没有做任何改动。"
    "题包、全班成绩和教师工具都在教师的电脑上。",
)
_OTHER = _Kind(
    "The question bank could not be read or written: {detail}. Nothing was changed.",
    "无法读写题库：{detail}。没有做任何改动。",
)

_BY_SQLITE_CODE = {
    _SQLITE_BUSY: _BUSY,
    _SQLITE_LOCKED: _BUSY,
    _SQLITE_FULL: _FULL,
    _SQLITE_READONLY: _READONLY,
    _SQLITE_IOERR: _IO,
    _SQLITE_CORRUPT: _CORRUPT,
    _SQLITE_NOTADB: _NOTADB,
    _SQLITE_CANTOPEN: _CANTOPEN,
    _SQLITE_PERM: _CANTOPEN,
    _SQLITE_AUTH: _CANTOPEN,
}


def _kind(err: DBAPIError, *, sqlite: bool) -> _Kind | None:
    if sqlite:
        code = getattr(err.orig, "sqlite_errorcode", None)
        if isinstance(err, _BUGS) or not isinstance(code, int):
            return None  # the sqlite3 module's own complaints are about misuse
        primary = code & 0xFF  # extended codes carry the primary one in their low byte
        if primary in _SQLITE_BUGS:
            return None
        return _BY_SQLITE_CODE.get(primary, _OTHER)
    if err.connection_invalidated:
        return _SERVER
    if isinstance(err, OperationalError) and not getattr(err.orig, "sqlstate", None):
        return _SERVER  # no reply at all: refused, timed out, or cut off
    state = getattr(err.orig, "sqlstate", None) or getattr(err.orig, "pgcode", None)
    if state == "42501":  # insufficient privilege, or a row-level security refusal
        return _DENIED  # (psycopg calls it a ProgrammingError, but no bug of ours)
    if isinstance(err, _BUGS):
        return None
    if isinstance(state, str):
        if state in _PG_RETRY:
            return _BUSY
        if state == "53100":
            return _FULL
        if state == "25006":
            return _READONLY
        if state.startswith(("08", "57P")):
            return _SERVER
        if state in ("58030",):
            return _IO
        if state.startswith("XX00"):
            return _CORRUPT
    return _OTHER


def _where(url: str) -> str:
    return shown_url(url)


def _detail(err: DBAPIError) -> str:
    name = getattr(err.orig, "sqlite_errorname", None)
    message = str(err.orig).strip().splitlines()[0] if str(err.orig).strip() else ""
    if isinstance(name, str) and message:
        return f"{message} ({name})"
    return message or name or type(err.orig).__name__


def storage_error(err: DBAPIError, url: str) -> StorageError | None:
    """The StorageError to show for ``err`` (a BankBusyError when another writer holds
    the bank); None when ``err`` is a bug and must be left to reach the crash handler."""
    parsed = make_url(url)
    kind = _kind(err, sqlite=parsed.get_backend_name() == "sqlite")
    if kind is None:
        return None
    values = {"where": _where(url), "detail": _detail(err)}
    error_class = (
        BankBusyError if kind.busy else ServerUnreachableError if kind.unreachable else StorageError
    )
    return error_class(kind.en.format(**values), zh=kind.zh.format(**values))
