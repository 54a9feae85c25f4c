"""Reading a pack's files from a folder or a .zip, refusing anything hostile.

Nothing is extracted to disk: the files are read into memory under their pack-relative
paths, after every path, link and size has been checked.
"""

from __future__ import annotations

import errno
import os
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from quiz_app.core.errors import Message, PackError, Problem
from quiz_app.packs import limits
from quiz_app.packs.messages import NO_SUCH_FILE, too_big


def _problem(file: str, en: str, zh: str) -> Problem:
    """A problem with ``file`` as a whole, said in English and in Chinese."""
    return Problem(file, None, en, zh=zh)


class NotRegularFileError(OSError):
    """A path names a FIFO, a device, a socket or a folder where a file was wanted."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``: at most ``limit + 1`` of them, so a
    caller sees a file that is too big (or grew) without reading it whole.

    Opened without blocking and checked on the open file: a FIFO (which would hang the
    read until something writes to it), a device or a socket raises NotRegularFileError,
    even one swapped in after a look at the path.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFileError(
                errno.EINVAL, "is not a regular file (a folder, FIFO, device or socket)"
            )
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _refuse_special(path: Path) -> None:
    """PackError for a FIFO, a device or a socket: a library that opens it by name (a zip
    reader) would wait on a FIFO for ever."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing or unreadable: the reader that follows says so
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise PackError(
            [
                _problem(
                    str(path),
                    "is not a regular file (a FIFO, device or socket)",
                    "不是普通文件（而是 FIFO、设备或套接字）",
                )
            ]
        )


@dataclass
class PackFiles:
    """A pack's files: pack-relative POSIX path -> bytes, plus how to name them."""

    label: str
    """How the pack is named in messages, e.g. ``questions/x`` or ``x.zip``."""
    files: dict[str, bytes] = field(default_factory=dict)

    def display(self, relpath: str) -> str:
        """``questions/x/change-4.toml`` or ``x.zip!/change-4.toml`` for messages."""
        sep = "!/" if self.label.endswith(".zip") else "/"
        return f"{self.label}{sep}{relpath}"


def _limit_for(relpath: str) -> int | None:
    """The size limit for a file, or None when the file is not part of a pack."""
    name = PurePosixPath(relpath)
    if any(part.startswith(".") for part in name.parts):
        return None
    suffix = name.suffix.lower()
    if relpath == limits.MANIFEST:
        return limits.MANIFEST_MAX
    if len(name.parts) == 1 and suffix in limits.QUESTION_SUFFIXES:
        return limits.QUESTION_FILE_MAX
    if suffix in limits.MEDIA_SUFFIXES:
        return limits.MEDIA_FILE_MAX
    return None


def _too_big(display: str, size: int, limit: int) -> Problem:
    return Problem.of(display, None, too_big(size, limit))


_LINK = Message("is a symbolic link; packs may not hold links", "是符号链接；题包中不能有链接")


def _unreadable(display: str, err: OSError) -> Problem:
    if isinstance(err, NotRegularFileError):
        return _problem(
            display, str(err.strerror), "不是普通文件（而是文件夹、FIFO、设备或套接字）"
        )
    why = err.strerror or str(err)
    return _problem(display, why, f"无法读取：{why}")


def read_pack_files(path: Path) -> PackFiles:
    """Read the files of the pack at ``path`` (a folder or a .zip), or raise PackError."""
    if path.is_symlink():
        raise PackError(
            [
                _problem(
                    str(path),
                    "is a symbolic link; give the real path",
                    "是符号链接；请给出实际路径",
                )
            ]
        )
    if path.is_dir():
        return _read_folder(path)
    _refuse_special(path)
    if path.is_file() and path.suffix.lower() == ".zip":
        return _read_zip(path)
    if not path.exists():
        raise PackError([Problem.of(str(path), None, NO_SUCH_FILE)])
    raise PackError(
        [
            _problem(
                str(path),
                "is neither a pack folder nor a .zip of one",
                "既不是题包文件夹，也不是题包的 .zip 文件",
            )
        ]
    )


def _read_folder(root: Path) -> PackFiles:
    pack = PackFiles(str(root))
    problems: list[Problem] = []
    total = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        for name in sorted(dirnames + filenames):
            full = here / name
            rel = full.relative_to(root).as_posix()
            if full.is_symlink():
                problems.append(Problem.of(pack.display(rel), None, _LINK))
                continue
            if name in dirnames:
                continue
            limit = _limit_for(rel)
            if limit is None:
                continue
            try:
                data = read_regular(full, limit)
            except OSError as err:  # a FIFO, a device: never read (a FIFO would hang)
                problems.append(_unreadable(pack.display(rel), err))
                continue
            total += len(data)
            if len(data) > limit:
                problems.append(_too_big(pack.display(rel), full.stat().st_size, limit))
                continue
            pack.files[rel] = data
        dirnames[:] = [d for d in dirnames if not (here / d).is_symlink()]
    if total > limits.PACK_MAX:
        problems.append(_too_big(pack.label, total, limits.PACK_MAX))
    if problems:
        raise PackError(problems)
    return pack


def _unsafe_reason(info: zipfile.ZipInfo) -> Message | None:
    name = info.filename
    if not name:
        return Message(
            "has an entry with no name; the .zip is damaged", "有一个没有名字的条目；该 .zip 已损坏"
        )
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return Message(
            "has an absolute path; a pack's entries must be relative",
            "使用了绝对路径；题包中的条目必须是相对路径",
        )
    if ".." in parts:
        return Message(
            "has '..' in its path, which would leave the pack's folder",
            "路径中含有“..”，会跳出题包的文件夹",
        )
    if stat.S_ISLNK(info.external_attr >> 16):
        return _LINK
    if info.flag_bits & 0x1:  # zipfile would ask for a password (RuntimeError)
        return Message(
            "is encrypted; a pack's files must open without a password",
            "已加密；题包中的文件必须无需密码就能打开",
        )
    return None


# What a damaged or hostile .zip can raise while it is opened or read.
_DAMAGED = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError)


def _bomb(info: zipfile.ZipInfo) -> bool:
    """An entry that expands more than ZIP_RATIO_MAX times its packed size."""
    return (
        info.file_size >= limits.ZIP_RATIO_MIN_SIZE
        and info.file_size > limits.ZIP_RATIO_MAX * max(info.compress_size, 1)
    )


def _refuse_whole(path: Path, entries: list[zipfile.ZipInfo]) -> None:
    """PackError before a byte is unpacked when the entries, taken together, say they
    are too big or expand like a bomb (many entries each just under the per-entry ratio
    check). Their headers may lie: the reading that follows is bounded as well."""
    if any(_bomb(info) for info in entries):
        return  # an entry that is a bomb by itself is named by the check of each entry
    declared = sum(info.file_size for info in entries)
    packed = sum(info.compress_size for info in entries)
    if declared > limits.PACK_MAX:
        raise PackError([_too_big(str(path), declared, limits.PACK_MAX)])
    if declared >= limits.ZIP_RATIO_MIN_SIZE and declared > limits.ZIP_RATIO_MAX * max(packed, 1):
        raise PackError(
            [
                _problem(
                    str(path),
                    f"its files expand more than {limits.ZIP_RATIO_MAX} times their packed "
                    "size taken together (a zip bomb?)",
                    f"其中的文件解压后合计超过压缩大小的 {limits.ZIP_RATIO_MAX} 倍"
                    "（是 zip 炸弹吗？）",
                )
            ]
        )


def _read_zip(path: Path) -> PackFiles:
    pack = PackFiles(str(path))
    problems: list[Problem] = []
    try:
        archive = zipfile.ZipFile(path)
    except _DAMAGED as err:
        raise PackError(
            [
                _problem(
                    str(path),
                    f"is not a readable .zip file ({err})",
                    f"不是可读取的 .zip 文件（{err}）",
                )
            ]
        ) from err
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.ZIP_ENTRIES_MAX:
            raise PackError(
                [
                    _problem(
                        str(path),
                        f"holds {len(entries):,} entries, over the limit of "
                        f"{limits.ZIP_ENTRIES_MAX:,}",
                        f"含有 {len(entries):,} 个条目，超过上限 {limits.ZIP_ENTRIES_MAX:,}",
                    )
                ]
            )
        for info in entries:
            reason = _unsafe_reason(info)
            if reason:
                problems.append(Problem.of(pack.display(info.filename), None, reason))
        if problems:
            raise PackError(problems)
        names = [i.filename for i in entries if not i.is_dir()]
        prefix = _common_folder(names)
        _refuse_whole(path, [i for i in entries if _limit_for(i.filename[len(prefix) :])])
        total = 0
        for info in entries:
            if info.is_dir():
                continue
            rel = info.filename[len(prefix) :]
            limit = _limit_for(rel)
            if limit is None:
                continue
            shown = pack.display(rel)
            if info.file_size > limit:
                problems.append(_too_big(shown, info.file_size, limit))
                continue
            if _bomb(info):
                problems.append(
                    _problem(
                        shown,
                        f"expands more than {limits.ZIP_RATIO_MAX} times its packed size "
                        "(a zip bomb?)",
                        f"解压后超过压缩大小的 {limits.ZIP_RATIO_MAX} 倍（是 zip 炸弹吗？）",
                    )
                )
                continue
            # The header's size may lie: never read more than the limit allows.
            try:
                with archive.open(info) as handle:
                    data = handle.read(limit + 1)
            except _DAMAGED as err:
                problems.append(
                    _problem(shown, f"is damaged in the .zip ({err})", f"在 .zip 中已损坏（{err}）")
                )
                continue
            if len(data) > limit:
                problems.append(_too_big(shown, len(data), limit))
                continue
            total += len(data)
            if total > limits.PACK_MAX:
                problems.append(_too_big(pack.label, total, limits.PACK_MAX))
                break
            pack.files[rel] = data
    if problems:
        raise PackError(problems)
    return pack


def _common_folder(names: list[str]) -> str:
    """``"my-pack/"`` when every entry sits in that one folder and there is no root manifest."""
    if limits.MANIFEST in names or not names:
        return ""
    first = names[0].split("/", 1)[0] + "/"
    return first if all(n.startswith(first) for n in names) else ""


def check_zip_container(path: Path, max_size: int = limits.QUESTION_FILE_MAX) -> None:
    """For formats that are zips inside (.xlsx): refuse a damaged file, a bomb, or parts
    too big, before any library expands them."""
    problems = []
    _refuse_special(path)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except _DAMAGED as err:
        raise PackError(
            [_problem(str(path), f"is not a readable file ({err})", f"不是可读取的文件（{err}）")]
        ) from err
    if len(entries) > limits.ZIP_ENTRIES_MAX:
        problems.append(
            _problem(
                str(path),
                f"holds {len(entries):,} parts",
                f"含有 {len(entries):,} 个部分，超过上限 {limits.ZIP_ENTRIES_MAX:,}",
            )
        )
    _refuse_whole(path, [i for i in entries if not i.is_dir()])
    total = 0
    for info in entries:
        total += info.file_size
        if _bomb(info):
            problems.append(
                _problem(
                    str(path),
                    f"part {info.filename} expands more than "
                    f"{limits.ZIP_RATIO_MAX} times its packed size (a zip bomb?)",
                    f"部分 {info.filename} 解压后超过压缩大小的 {limits.ZIP_RATIO_MAX} 倍"
                    "（是 zip 炸弹吗？）",
                )
            )
    if total > max_size:
        problems.append(_too_big(str(path), total, max_size))
    if problems:
        raise PackError(problems)
