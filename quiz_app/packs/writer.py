"""Writing a pack in the native format (for export): a folder or a .zip."""

from __future__ import annotations

import io
import json
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Literal

import tomli_w

from quiz_app.core.errors import QuizError
from quiz_app.core.questions import Pack
from quiz_app.core.serialize import pack_info_to_dict, question_to_dict
from quiz_app.packs import limits

Encoding = Literal["toml", "json"]


def pack_files(pack: Pack, encoding: Encoding = "toml") -> dict[str, bytes]:
    """The pack's files: the manifest, one question file per topic, and the media."""
    files = {limits.MANIFEST: tomli_w.dumps(pack_info_to_dict(pack.info)).encode()}
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for question in pack.questions:
        written = question_to_dict(question)
        if question.shuffle and not pack.info.shuffle:
            written["shuffle"] = True  # else it would read back with the pack's false
        by_topic[question.topic].append(written)
    for topic, questions in by_topic.items():
        document = {"questions": questions}
        if encoding == "json":
            text = json.dumps(document, ensure_ascii=False, indent=1)
        else:
            text = tomli_w.dumps(document)
        files[f"{topic}.{encoding}"] = text.encode()
    files.update(pack.media)
    return files


def pack_zip(pack: Pack, encoding: Encoding = "toml") -> bytes:
    """The pack's files in a .zip, inside a folder named after the pack."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(pack_files(pack, encoding).items()):
            archive.writestr(f"{pack.info.id}/{name}", content)
    return buffer.getvalue()


def write_pack(pack: Pack, destination: Path, encoding: Encoding = "toml") -> None:
    """Write ``pack`` to a new folder, or to a .zip when ``destination`` ends in .zip."""
    if destination.exists():
        raise QuizError(
            f"{destination} already exists; choose a new name",
            zh=f"{destination} 已存在；请换一个名字",
        )
    if destination.suffix.lower() == ".zip":
        destination.write_bytes(pack_zip(pack, encoding))
        return
    files = pack_files(pack, encoding)
    destination.mkdir(parents=True)
    for name, content in files.items():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
