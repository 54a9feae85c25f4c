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

from quiz_app.core.errors import PackError, Problem
from quiz_app.packs import limits


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
            [Problem(str(path), None, "is not a regular file (a FIFO, device or socket)")]
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
    return Problem(display, None, f"file is {size:,} bytes, over the limit of {limit:,} bytes")


def read_pack_files(path: Path) -> PackFiles:
    """Read the files of the pack at ``path`` (a folder or a .zip), or raise PackError."""
    if path.is_symlink():
        raise PackError([Problem(str(path), None, "is a symbolic link; give the real path")])
    if path.is_dir():
        return _read_folder(path)
    _refuse_special(path)
    if path.is_file() and path.suffix.lower() == ".zip":
        return _read_zip(path)
    if not path.exists():
        raise PackError([Problem(str(path), None, "no such file or folder")])
    raise PackError([Problem(str(path), None, "is neither a pack folder nor a .zip of one")])


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
                problems.append(
                    Problem(pack.display(rel), None, "is a symbolic link; packs may not hold links")
                )
                continue
            if name in dirnames:
                continue
            limit = _limit_for(rel)
            if limit is None:
                continue
            try:
                data = read_regular(full, limit)
            except OSError as err:  # a FIFO, a device: never read (a FIFO would hang)
                problems.append(Problem(pack.display(rel), None, err.strerror or str(err)))
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


def _unsafe_reason(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    if not name:
        return "has an entry with no name; the .zip is damaged"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "has an absolute path; a pack's entries must be relative"
    if ".." in parts:
        return "has '..' in its path, which would leave the pack's folder"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link; packs may not hold links"
    if info.flag_bits & 0x1:  # zipfile would ask for a password (RuntimeError)
        return "is encrypted; a pack's files must open without a password"
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
                Problem(
                    str(path),
                    None,
                    f"its files expand more than {limits.ZIP_RATIO_MAX} times their packed "
                    "size taken together (a zip bomb?)",
                )
            ]
        )


def _read_zip(path: Path) -> PackFiles:
    pack = PackFiles(str(path))
    problems: list[Problem] = []
    try:
        archive = zipfile.ZipFile(path)
    except _DAMAGED as err:
        raise PackError([Problem(str(path), None, f"is not a readable .zip file ({err})")]) from err
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.ZIP_ENTRIES_MAX:
            raise PackError(
                [
                    Problem(
                        str(path),
                        None,
                        f"holds {len(entries):,} entries, over the limit of "
                        f"{limits.ZIP_ENTRIES_MAX:,}",
                    )
                ]
            )
        for info in entries:
            reason = _unsafe_reason(info)
            if reason:
                problems.append(Problem(pack.display(info.filename), None, reason))
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
                    Problem(
                        shown,
                        None,
                        "expands more than "
                        f"{limits.ZIP_RATIO_MAX} times its packed size "
                        "(a zip bomb?)",
                    )
                )
                continue
            # The header's size may lie: never read more than the limit allows.
            try:
                with archive.open(info) as handle:
                    data = handle.read(limit + 1)
            except _DAMAGED as err:
                problems.append(Problem(shown, None, f"is damaged in the .zip ({err})"))
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
        raise PackError([Problem(str(path), None, f"is not a readable file ({err})")]) from err
    if len(entries) > limits.ZIP_ENTRIES_MAX:
        problems.append(Problem(str(path), None, f"holds {len(entries):,} parts"))
    _refuse_whole(path, [i for i in entries if not i.is_dir()])
    total = 0
    for info in entries:
        total += info.file_size
        if _bomb(info):
            problems.append(
                Problem(
                    str(path),
                    None,
                    f"part {info.filename} expands more than "
                    f"{limits.ZIP_RATIO_MAX} times its packed size (a zip bomb?)",
                )
            )
    if total > max_size:
        problems.append(_too_big(str(path), total, max_size))
    if problems:
        raise PackError(problems)
