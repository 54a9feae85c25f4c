"""The readers that go straight to the stored form (native packs, CSV): the same bytes
as reading the pack whole and encoding it, and the same refusals, at every boundary of
their chunks."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from quiz_app.core.errors import PackError
from quiz_app.core.importing import EncodedPack, encode_pack
from quiz_app.packs import spreadsheet
from quiz_app.packs.files import read_pack_files
from quiz_app.packs.native import UncleanPackError, encode_clean_pack, load_pack, load_pack_encoded
from quiz_app.packs.spreadsheet import load_csv, load_csv_encoded
from tests.conftest import DATA, SAMPLE_PACK

ROOT = Path(__file__).parents[2]
NATIVE_PACKS = [
    ROOT / "questions" / "change-missions",
    ROOT / "questions" / "lunar-science",
    SAMPLE_PACK,
    DATA / "print-pack",
]


def _stored(pack: EncodedPack) -> tuple[Any, ...]:
    """Everything of an encoded pack the bank would hold."""
    return (
        pack.info,
        tuple(pack.questions),
        dict(pack.media),
        pack.origin,
        pack.digest,
    )


@pytest.mark.parametrize("folder", NATIVE_PACKS, ids=lambda p: p.name)
def test_a_clean_pack_is_stored_exactly_as_when_read_whole(folder: Path) -> None:
    fast = encode_clean_pack(read_pack_files(folder))  # no fallback: it is clean
    assert _stored(fast) == _stored(encode_pack(load_pack(folder)))
    assert len(fast.questions) > 0


def _shapes() -> list[dict[str, Any]]:
    """A question of every type, with every optional field, texts written Chinese first,
    numbers written as integers, answers out of the choices' order."""
    zh_first = {"zh": "中文", "en": "English"}
    return [
        {
            "id": "single",
            "type": "single",
            "topic": "t",
            "difficulty": 1,
            "prompt": {
                "zh": "哪个？![月球](media/moon.svg)",
                "en": "Which? ![Moon](media/moon.svg)",
            },
            "choices": [
                {"id": "b", "text": zh_first, "feedback": {"zh": "不对", "en": "No"}},
                {"id": "a", "text": {"en": "A", "zh": "甲"}},
            ],
            "answer": "a",
            "explanation": zh_first,
            "source": "a book",
            "title": "Q one",
            "group": "g",
            "shuffle": True,
        },
        {
            "id": "multiple",
            "type": "multiple",
            "topic": "t",
            "difficulty": 2,
            "prompt": zh_first,
            "choices": [
                {"id": "x", "text": {"en": "X", "zh": "叉"}},
                {"id": "y", "text": {"en": "Y", "zh": "歪"}},
                {"id": "z", "text": {"en": "Z", "zh": "贼"}},
            ],
            "answers": ["z", "x"],
            "shuffle": False,
        },
        {
            "id": "tf",
            "type": "true_false",
            "topic": "t",
            "difficulty": 3,
            "prompt": zh_first,
            "answer": False,
            "image": "media/moon.svg",
            "image_alt": {"zh": "月亮", "en": "the Moon"},
        },
        {
            "id": "num",
            "type": "numeric",
            "topic": "t",
            "difficulty": 1,
            "prompt": zh_first,
            "answer": 384400,
            "unit": {"zh": "千米", "en": "km"},
        },
        {
            "id": "num2",
            "type": "numeric",
            "topic": "t",
            "difficulty": 1,
            "prompt": zh_first,
            "answer": 1.5e-7,
            "tolerance": 2,
        },
        {
            "id": "short",
            "type": "short_text",
            "topic": "t",
            "difficulty": 1,
            "prompt": zh_first,
            "accept": {"zh": ["嫦娥"], "en": ["Chang'e", "Change"]},
        },
        {
            "id": "order",
            "type": "ordering",
            "topic": "t",
            "difficulty": 2,
            "prompt": zh_first,
            "items": [
                {"id": "i2", "text": zh_first},
                {"id": "i1", "text": {"en": "1", "zh": "一"}},
            ],
        },
        {
            "id": "match",
            "type": "matching",
            "topic": "t",
            "difficulty": 2,
            "prompt": zh_first,
            "pairs": [
                {"id": "p1", "left": {"zh": "左", "en": "L1"}, "right": {"en": "R1", "zh": "右"}},
                {
                    "id": "p2",
                    "left": {"en": "L2", "zh": "左二"},
                    "right": {"en": "R2", "zh": "右二"},
                },
            ],
        },
        {
            "id": "card",
            "type": "card",
            "topic": "t",
            "difficulty": 1,
            "prompt": zh_first,
            "back": {"zh": "背面 ![月](media/moon.svg)", "en": "Back ![Moon](media/moon.svg)"},
        },
    ]


def _write_pack(folder: Path, files: dict[str, list[dict[str, Any]]], **manifest: Any) -> Path:
    folder.mkdir(parents=True)
    (folder / "media").mkdir()
    shutil.copy(SAMPLE_PACK / "media" / "moon.svg", folder / "media" / "moon.svg")
    head = {
        "format": 1,
        "id": "shapes",
        "version": "1.0.0",
        "title": {"en": "Shapes", "zh": "题型"},
        "languages": ["en", "zh"],
        "topics": [{"id": "t", "title": {"en": "T", "zh": "主题"}}],
        "groups": [{"id": "g"}],
    } | manifest
    (folder / "pack.toml").write_text(tomli_w.dumps(head), encoding="utf-8")
    for name, questions in files.items():
        if name.endswith(".json"):
            text = json.dumps({"questions": questions}, ensure_ascii=False, indent=1)
        else:
            text = tomli_w.dumps({"questions": questions})
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("shuffle", [None, False])
def test_every_shape_of_question_is_stored_to_the_byte_as_when_read_whole(
    tmp_path: Path, shuffle: bool | None
) -> None:
    shapes = _shapes()
    extra = {} if shuffle is None else {"shuffle": shuffle}
    folder = _write_pack(tmp_path / "shapes", {"a.json": shapes[:5], "b.toml": shapes[5:]}, **extra)
    fast = encode_clean_pack(read_pack_files(folder))
    whole = encode_pack(load_pack(folder))
    assert _stored(fast) == _stored(whole)
    assert set(fast.media) == {"media/moon.svg"}  # named by an image and by Markdown


def test_an_unused_image_stays_out_of_the_stored_pack(tmp_path: Path) -> None:
    plain = [q for q in _shapes() if q["id"] in ("multiple", "short")]
    folder = _write_pack(tmp_path / "plain", {"a.json": plain})
    assert encode_clean_pack(read_pack_files(folder)).media == {}


def test_a_clean_pack_the_fast_reader_declines_is_still_read(tmp_path: Path) -> None:
    """A JSON file that starts with a byte-order mark is no business of the fast path;
    the full reader takes it, and the pack is imported all the same."""
    folder = _write_pack(tmp_path / "bom", {"a.json": _shapes()[1:3]})
    path = folder / "a.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with pytest.raises(UncleanPackError):
        encode_clean_pack(read_pack_files(folder))
    assert _stored(load_pack_encoded(folder)) == _stored(encode_pack(load_pack(folder)))


def _problems(call: Any) -> list[str]:
    with pytest.raises(PackError) as caught:
        call()
    return [f"{p.file}:{p.line}: {p.message} / {p.zh}" for p in caught.value.problems]


def test_a_problem_in_the_last_question_of_the_last_file_is_said_as_the_full_reader_says_it(
    tmp_path: Path,
) -> None:
    shapes = _shapes()
    broken = [*shapes[5:-1], {**shapes[-1], "difficulty": 7}]
    folder = _write_pack(tmp_path / "broken", {"a.json": shapes[:5], "b.toml": broken})
    said = _problems(lambda: load_pack_encoded(folder))
    assert said == _problems(lambda: load_pack(folder))
    [problem] = said
    assert problem.startswith(f"{folder}/b.toml:")
    assert "difficulty" in problem
    assert "/" in problem


def _write_csv(path: Path, rows: int, *, zh: bool = False) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "type", "topic", "prompt", "prompt_zh", "answer", "answer_zh"])
        for i in range(rows):
            writer.writerow(
                [
                    f"q{i}",
                    "short_text",
                    f"Week {i % 3}",
                    f"Which mission is number {i}?",
                    f"第{i}个任务是哪个？" if zh else "",
                    f"Chang'e-{i} | CE-{i}",
                    f"嫦娥{i}号" if zh else "",
                ]
            )
    return path


CHUNK = spreadsheet._CHUNK


@pytest.mark.parametrize("rows", [1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK])
def test_a_csv_of_any_length_is_stored_exactly_as_when_read_whole(
    tmp_path: Path, rows: int
) -> None:
    sheet = _write_csv(tmp_path / "week.csv", rows, zh=rows % 2 == 1)
    fast = spreadsheet._csv_encoded(sheet)  # no fallback: it is clean
    assert len(fast.questions) == rows
    assert _stored(fast) == _stored(encode_pack(load_csv(sheet)))


@pytest.mark.parametrize("rows", [CHUNK, CHUNK + 1])
def test_a_bad_last_row_is_refused_at_its_line_whatever_the_chunk(
    tmp_path: Path, rows: int
) -> None:
    sheet = _write_csv(tmp_path / "week.csv", rows)
    lines = sheet.read_text(encoding="utf-8").splitlines()
    lines[-1] = lines[-1].replace("short_text", "single")  # a single choice with no choices
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    said = _problems(lambda: load_csv_encoded(sheet))
    assert said == _problems(lambda: load_csv(sheet))
    assert said
    assert all(p.startswith(f"{sheet}:{rows + 1}: ") for p in said)


def test_a_csv_whose_rows_disagree_on_chinese_is_refused_as_before(tmp_path: Path) -> None:
    sheet = _write_csv(tmp_path / "week.csv", CHUNK + 1, zh=True)
    lines = sheet.read_text(encoding="utf-8").splitlines()
    last = next(csv.reader([lines[-1]]))
    last[4] = ""  # the last prompt without its Chinese
    lines[-1] = ",".join(f'"{cell}"' for cell in last)
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    said = _problems(lambda: load_csv_encoded(sheet))
    assert said == _problems(lambda: load_csv(sheet))
    assert any("zh" in p for p in said)


def test_two_topic_titles_that_make_one_id_are_refused_as_before(tmp_path: Path) -> None:
    sheet = tmp_path / "week.csv"
    sheet.write_text(
        "type,topic,prompt,answer\nshort_text,Week 1,First?,one\nshort_text,week-1,Second?,two\n",
        encoding="utf-8",
    )
    with pytest.raises(UncleanPackError):
        spreadsheet._csv_encoded(sheet)
    assert _problems(lambda: load_csv_encoded(sheet)) == _problems(lambda: load_csv(sheet))
