"""Every parser, fed random and mutated input: a clean PackError or a pack, nothing else."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz_app.core.errors import PackError
from quiz_app.packs.aiken import parse_aiken
from quiz_app.packs.files import PackFiles
from quiz_app.packs.formats import load_any
from quiz_app.packs.native import parse_pack
from tests.conftest import DATA, SAMPLE_PACK

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SAMPLE_FILES = {
    p.relative_to(SAMPLE_PACK).as_posix(): p.read_bytes()
    for p in SAMPLE_PACK.rglob("*")
    if p.is_file()
}
AIKEN = (DATA / "aiken" / "moodle-example.txt").read_text(encoding="utf-8")


def _parses_or_refuses(call: Callable[[], object]) -> None:
    """The only acceptable failure is a PackError that says what is wrong."""
    problems: tuple[object, ...] = ()
    try:
        call()
    except PackError as err:
        problems = err.problems or ("<none>",)
        reasons = [str(p) for p in err.problems]
    else:
        return
    assert problems != ("<none>",)
    assert all(reasons)


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Cut, replace or insert bytes at a few places."""
    out = bytearray(data)
    for position, cut, insert in edits:
        at = position % (len(out) + 1)
        out[at : at + cut] = insert
    return bytes(out)


EDITS = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.binary(max_size=12)),
    min_size=1,
    max_size=6,
)


@FUZZ
@given(name=st.sampled_from(sorted(n for n in SAMPLE_FILES if n.endswith(".toml"))), edits=EDITS)
def test_mutated_native_packs(name: str, edits: list[tuple[int, int, bytes]]) -> None:
    files = dict(SAMPLE_FILES)
    files[name] = _mutate(files[name], edits)
    _parses_or_refuses(lambda: parse_pack(PackFiles("fuzz", files)))


@FUZZ
@given(text=st.text(max_size=400))
def test_random_json_question_files(text: str) -> None:
    files = {**SAMPLE_FILES, "extra.json": text.encode()}
    _parses_or_refuses(lambda: parse_pack(PackFiles("fuzz", files)))


@FUZZ
@given(edits=EDITS)
def test_mutated_aiken(edits: list[tuple[int, int, bytes]]) -> None:
    text = _mutate(AIKEN.encode(), edits).decode("utf-8", "replace")
    _parses_or_refuses(lambda: parse_aiken(text, "fuzz.txt"))


@FUZZ
@given(text=st.text(max_size=600))
def test_random_aiken(text: str) -> None:
    _parses_or_refuses(lambda: parse_aiken(text, "fuzz.txt"))


@FUZZ
@given(edits=EDITS)
def test_mutated_csv(tmp_path_factory: object, edits: list[tuple[int, int, bytes]]) -> None:
    from quiz_app.packs.native import load_pack
    from quiz_app.packs.spreadsheet import csv_text

    source = csv_text(load_pack(SAMPLE_PACK)).encode()
    path = Path(tmp_path_factory.mktemp("csv")) / "fuzz.csv"  # type: ignore[attr-defined]
    path.write_bytes(_mutate(source, edits))
    _parses_or_refuses(lambda: load_any(path))


@FUZZ
@given(edits=EDITS)
def test_mutated_zips(tmp_path_factory: object, edits: list[tuple[int, int, bytes]]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(SAMPLE_FILES.items()):
            archive.writestr(name, content)
    path = Path(tmp_path_factory.mktemp("zip")) / "fuzz.zip"  # type: ignore[attr-defined]
    path.write_bytes(_mutate(buffer.getvalue(), edits))
    _parses_or_refuses(lambda: load_any(path))


@FUZZ
@given(edits=EDITS)
def test_mutated_workbooks(tmp_path_factory: object, edits: list[tuple[int, int, bytes]]) -> None:
    from quiz_app.packs.native import load_pack
    from quiz_app.packs.spreadsheet import xlsx_bytes

    source = xlsx_bytes(load_pack(SAMPLE_PACK))
    path = Path(tmp_path_factory.mktemp("xlsx")) / "fuzz.xlsx"  # type: ignore[attr-defined]
    path.write_bytes(_mutate(source, edits))
    _parses_or_refuses(lambda: load_any(path))


@FUZZ
@given(edits=EDITS)
def test_mutated_moodle_xml(tmp_path_factory: object, edits: list[tuple[int, int, bytes]]) -> None:
    source = (DATA / "moodle" / "export.xml").read_bytes()
    path = Path(tmp_path_factory.mktemp("xml")) / "fuzz.xml"  # type: ignore[attr-defined]
    path.write_bytes(_mutate(source, edits))
    _parses_or_refuses(lambda: load_any(path))


GIFT = (DATA / "gift" / "class-quiz.gift").read_text(encoding="utf-8")


@FUZZ
@given(edits=EDITS)
def test_mutated_gift(tmp_path_factory: object, edits: list[tuple[int, int, bytes]]) -> None:
    path = Path(tmp_path_factory.mktemp("gift")) / "fuzz.gift"  # type: ignore[attr-defined]
    path.write_bytes(_mutate(GIFT.encode(), edits))
    _parses_or_refuses(lambda: load_any(path))


@FUZZ
@given(text=st.text(alphabet=st.sampled_from("ab =~#{}:%\\->.\n/[]TF0123$"), max_size=300))
def test_random_gift(tmp_path_factory: object, text: str) -> None:
    path = Path(tmp_path_factory.mktemp("gift")) / "fuzz.gift"  # type: ignore[attr-defined]
    path.write_text(text, encoding="utf-8")
    _parses_or_refuses(lambda: load_any(path))


def test_a_zip_entry_with_no_name_is_refused(tmp_path: Path) -> None:
    """Found by test_mutated_zips: an entry with an empty name crashed the reader."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in sorted(SAMPLE_FILES.items()):
            archive.writestr(name, content)
        archive.writestr(zipfile.ZipInfo(""), b"x")
    path = tmp_path / "noname.zip"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(PackError, match="has an entry with no name"):
        load_any(path)


def test_an_encrypted_zip_entry_is_refused(tmp_path: Path) -> None:
    """Found by test_mutated_zips: a flipped 'encrypted' bit made zipfile ask for a
    password (RuntimeError) instead of a problem being reported."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in sorted(SAMPLE_FILES.items()):
            archive.writestr(name, content)
    data = bytearray(buffer.getvalue())
    at = data.index(b"PK\x01\x02")  # the first entry's central directory record
    data[at + 8] |= 0x1  # its general purpose flags: encrypted
    path = tmp_path / "locked.zip"
    path.write_bytes(bytes(data))
    with pytest.raises(PackError, match="is encrypted"):
        load_any(path)


@FUZZ
@given(
    depth=st.integers(1, 3_000),
    opener=st.sampled_from(["[", "{ a = ", '{"a": ']),
    where=st.sampled_from(["pack.toml", "extra.json", "missions.toml"]),
)
def test_nesting_of_any_depth(depth: int, opener: str, where: str) -> None:
    """Lists and tables nested up to thousands deep (issue 13: a RecursionError with a
    traceback at ~500): read, or a located problem."""
    closer = {"[": "]", "{ a = ": " }", '{"a": ': "}"}[opener]
    value = opener * depth + "1" + closer * depth
    files = dict(SAMPLE_FILES)
    if where.endswith(".json"):
        files[where] = f'{{"questions": [], "x": {value}}}'.encode()
    else:
        files[where] = files[where] + f"\nfuzzed = {value}\n".encode()
    _parses_or_refuses(lambda: parse_pack(PackFiles("fuzz", files)))


@FUZZ
@given(
    entries=st.lists(
        st.tuples(st.integers(0, 4 << 20), st.sampled_from(["png", "svg", "toml", "txt"])),
        max_size=12,
    )
)
def test_zips_of_many_entries_of_any_size(
    tmp_path_factory: pytest.TempPathFactory, entries: list[tuple[int, str]]
) -> None:
    """Padded entries, each just under or over the limits, alone or many together."""
    path = tmp_path_factory.mktemp("zips") / "fuzz.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in SAMPLE_FILES.items():
            archive.writestr(name, data)
        for i, (size, suffix) in enumerate(entries):
            archive.writestr(f"media/pad{i}.{suffix}", bytes(size))
    _parses_or_refuses(lambda: load_any(path))
