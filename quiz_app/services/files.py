"""Writing a file whole or not at all: a crash or a full disk leaves the old file or the
new one, never half of either."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO


@contextmanager
def replacing(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose content replaces ``path`` only once it is all written."""
    # A name of our own beside the target, so os.replace stays on one file system and
    # the file gets the usual permissions (tempfile.mkstemp would make it private).
    part = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with part.open("x", encoding="utf-8", newline="\n") as stream:
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
