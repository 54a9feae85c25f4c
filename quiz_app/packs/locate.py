"""Finding the line of a value in a TOML or JSON file, for error messages.

Neither ``tomllib`` nor ``json`` report positions of values, and clean files (almost all
of them) should not pay for tracking them. So positions are found only when there is a
problem to report, by a second, line-aware pass over the text. A path is the sequence of
keys and indexes that leads to a value, e.g. ``("questions", 3, "choices", 1, "text")``;
``line_of`` returns the line of the longest prefix of it that it found.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re
from collections.abc import Sequence
from json.decoder import scanstring  # type: ignore[attr-defined]

Path = tuple[str | int, ...]

_WS = re.compile(r"[ \t\n\r]*")


class LineMap:
    """Path -> 1-based line number for one file."""

    def __init__(self, lines: dict[Path, int]) -> None:
        self._lines = lines

    def line_of(self, path: Sequence[str | int]) -> int | None:
        path = tuple(path)
        for end in range(len(path), 0, -1):
            line = self._lines.get(path[:end])
            if line is not None:
                return line
        return None


def map_json(text: str) -> LineMap:
    newlines = [m.start() for m in re.finditer("\n", text)]
    offsets: dict[Path, int] = {}
    decoder = json.JSONDecoder()

    def walk(i: int, path: Path) -> int:
        i = _WS.match(text, i).end()  # type: ignore[union-attr]
        offsets[path] = i
        opener = text[i : i + 1]
        if opener in ("{", "["):
            closer = "}" if opener == "{" else "]"
            i += 1
            index = 0
            while True:
                i = _WS.match(text, i).end()  # type: ignore[union-attr]
                if text[i] == closer:
                    return i + 1
                if opener == "{":
                    key, i = scanstring(text, i + 1)
                    i = _WS.match(text, i).end() + 1  # type: ignore[union-attr]  # past ':'
                    i = walk(i, (*path, key))
                else:
                    i = walk(i, (*path, index))
                    index += 1
                i = _WS.match(text, i).end()  # type: ignore[union-attr]
                if text[i] == ",":
                    i += 1
        _, end = decoder.raw_decode(text, i)
        return end

    with contextlib.suppress(ValueError, IndexError):
        walk(0, ())  # a syntax error is reported on its own; keep what was mapped
    return LineMap({p: bisect.bisect_right(newlines, off - 1) + 1 for p, off in offsets.items()})


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_INLINE_ID = re.compile(r"""\bid\s*=\s*["']""")


def _split_key(dotted: str) -> list[str]:
    return [part.strip().strip("\"'") for part in dotted.split(".")]


def map_toml(text: str) -> LineMap:
    """Line-aware scan of (valid) TOML: table headers, keys and array elements."""
    lines: dict[Path, int] = {}
    counters: dict[Path, int] = {}
    table: Path = ()
    open_array: Path | None = None
    array_index = 0
    in_string: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if in_string:
            if raw.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(raw)
        if header and not _KEY.match(raw):
            names = _split_key(header.group(2))
            if header.group(1) == "[[":
                base = (*_resolve(names[:-1], counters), names[-1])
                counters[base] = counters.get(base, -1) + 1
                table = (*base, counters[base])
            else:
                table = (*_resolve(names[:-1], counters), names[-1])
            lines.setdefault(table, number)
            open_array = None
            continue
        key = _KEY.match(raw)
        if key:
            path = (*table, *_split_key(key.group(1)))
            for end in range(len(table) + 1, len(path) + 1):  # prompt.en also locates prompt
                lines.setdefault(path[:end], number)
            rest = raw[key.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_string = quote
            if rest.strip().startswith("[") and rest.count("[") > rest.count("]"):
                open_array, array_index = path, 0
            elif _INLINE_ID.search(rest) is None:
                open_array = None
            continue
        if open_array is not None and raw.lstrip().startswith("{"):
            lines.setdefault((*open_array, array_index), number)
            array_index += 1
        if open_array is not None and raw.strip().startswith("]"):
            open_array = None
    return LineMap(lines)


def _resolve(names: list[str], counters: dict[Path, int]) -> Path:
    """``questions.choices`` inside the 4th question -> ("questions", 3, "choices")."""
    path: Path = ()
    for name in names:
        path = (*path, name)
        if path in counters:
            path = (*path, counters[path])
    return path


def map_file(name: str, text: str) -> LineMap:
    return map_json(text) if name.endswith(".json") else map_toml(text)
