"""Writing a file whole or not at all: a crash or a full disk leaves the old file or the
new one, never half of either. What the app writes holds learners' names and results,
so it is readable by its owner alone (0600 on POSIX); they may share it as they like."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


@contextmanager
def replacing(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose content replaces ``path`` only once it is all written."""
    # A name of our own beside the target, so os.replace stays on one file system.
    part = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with open(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(part, path)
    except BaseException:
        with suppress(OSError):
            part.unlink()
        raise


def write_whole(path: Path, data: bytes) -> None:
    """``data`` as the content of ``path``, replacing it only once all is written."""
    with replacing(path) as stream:
        stream.buffer.write(data)


def write_text_whole(path: Path, text: str) -> None:
    """``text`` (UTF-8) as the content of ``path``, replacing it only once all is written."""
    write_whole(path, text.encode("utf-8"))


def make_private_folder(path: Path) -> Path:
    """``path`` as a folder only its owner can enter (created if need be)."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(PRIVATE_FOLDER)
    return path
