"""CSV and Excel as a teacher meets them: what the streamed import stores (the same as
reading the file whole, whatever the sheet leaves out), what a bad sheet is told, and
what an export holds. Each test pins one behaviour that a full mutation run of
packs/spreadsheet.py (issue 19) found unpinned."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from quiz_app.core.errors import PackError
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.importing import EncodedPack, encode_pack
from quiz_app.core.questions import (
    Body,
    Choice,
    Matching,
    Pack,
    PackInfo,
    Question,
    SingleChoice,
    Topic,
    TrueFalse,
)
from quiz_app.core.text import LocalizedText
from quiz_app.packs import spreadsheet
from quiz_app.packs.spreadsheet import csv_text, load_csv, load_csv_encoded, xlsx_bytes


def _stored(pack: EncodedPack) -> tuple[Any, ...]:
    return (pack.info, tuple(pack.questions), dict(pack.media), pack.origin, pack.digest)


def _write(tmp_path: Path, text: str, name: str = "week-3.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _said(path: Path, read: Any) -> list[str]:
    with pytest.raises(PackError) as caught:
        read(path)
    return [f"{p.file}:{p.line}: {p.message} / {p.zh}" for p in caught.value.problems]


# -- the streamed import stores what the whole file says ---------------------------------
def test_a_sheet_without_id_or_topic_is_stored_as_when_read_whole(tmp_path: Path) -> None:
    """No id column (ids come from the prompts), no topic column (the file's name), a
    blank row in the middle, Windows line ends and a line break inside a quoted cell."""
    path = _write(
        tmp_path,
        "type,prompt,answer\r\n"
        'short_text,"Which relay serves\r\nthe far side?",Queqiao\r\n'
        ",,\r\n"
        "short_text,Which rover?,Yutu-2\r\n"
        "true_false,Did Chang'e-4 land on the far side?,true\r\n",
    )
    fast = spreadsheet._csv_encoded(path)  # no fallback: it is clean
    whole = encode_pack(load_csv(path))
    assert _stored(fast) == _stored(whole)
    assert len(fast.questions) == 3
    assert [t.title.get("en") for t in fast.info.topics] == ["week-3"]


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("type,prompt,answer,notes", "short_text,Which rover?,Yutu-2,mine"),  # unknown
        ("prompt,answer", "Which rover?,Yutu-2"),  # no type
        ("type,answer", "short_text,Yutu-2"),  # no prompt
    ],
)
def test_wrong_columns_are_refused_by_the_streamed_import_as_by_the_whole_read(
    tmp_path: Path, header: str, row: str
) -> None:
    path = _write(tmp_path, f"{header}\n{row}\n")
    said = _said(path, load_csv_encoded)
    assert said == _said(path, load_csv)
    assert all(s.startswith(f"{path}:1: ") for s in said)


# -- what an export holds ----------------------------------------------------------------
def _pack(*bodies: Body, source: str | None = None) -> Pack:
    info = PackInfo(
        PackId("change-missions"),
        "1.0.0",
        LocalizedText.of("Missions"),
        ("en",),
        (Topic(TopicKey("t"), LocalizedText.of("Far side")),),
    )
    questions = tuple(
        Question(
            QuestionKey(f"q{i}"),
            TopicKey("t"),
            2,
            LocalizedText.of("Which?"),
            body,
            source=source,
        )
        for i, body in enumerate(bodies, start=1)
    )
    return Pack(info, questions)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _choices(*ids: str) -> tuple[Choice, ...]:
    return tuple(Choice(i, LocalizedText.of(f"Chang'e {i}")) for i in ids)


def test_an_english_only_export_leaves_the_chinese_cells_empty(tmp_path: Path) -> None:
    [row] = _rows(csv_text(_pack(SingleChoice(_choices("a", "b", "c"), "b"))))
    assert row["options"] == "Chang'e a | Chang'e b | Chang'e c"
    assert (row["options_zh"], row["prompt_zh"], row["answer"]) == ("", "", "B")
    assert row["source"] == ""


def test_a_single_answer_is_one_letter_when_one_id_starts_another() -> None:
    [row] = _rows(csv_text(_pack(SingleChoice(_choices("far", "far-side"), "far-side"))))
    assert row["answer"] == "B"


def test_true_and_false_are_written_as_the_template_asks() -> None:
    rows = _rows(csv_text(_pack(TrueFalse(True), TrueFalse(False))))
    assert [r["answer"] for r in rows] == ["true", "false"]


def test_the_source_is_exported(tmp_path: Path) -> None:
    [row] = _rows(csv_text(_pack(TrueFalse(True), source="CNSA, 2019")))
    assert row["source"] == "CNSA, 2019"


def test_a_workbook_export_starts_under_its_header_with_text_cells(tmp_path: Path) -> None:
    pack = _pack(TrueFalse(True), TrueFalse(False))
    path = tmp_path / "week-3.xlsx"
    path.write_bytes(xlsx_bytes(pack))
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [r[0] for r in rows] == ["id", "q1", "q2"]  # no empty row under the header
    assert {cell.data_type for row in sheet.iter_rows() for cell in row if cell.value} == {"s"}


def test_a_sheet_without_the_chinese_columns_reads(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "type,prompt,options,answer\n"
        "single,Which landed on the far side?,Chang'e-3 | Chang'e-4,B\n",
    )
    [question] = load_csv(path).questions
    assert isinstance(question.body, SingleChoice)
    assert question.body.answer == "b"
    assert _stored(spreadsheet._csv_encoded(path)) == _stored(encode_pack(load_csv(path)))


def test_a_row_copied_with_its_id_cleared_is_a_second_question(tmp_path: Path) -> None:
    """An exported sheet names each question by an id made from its prompt; a row copied
    below it with the id cleared gets the next id, not the same one."""
    exported = _write(tmp_path, "type,prompt,answer\nshort_text,Which rover?,Yutu-2\n", "a.csv")
    [first] = load_csv(exported).questions
    path = _write(
        tmp_path,
        f"id,type,prompt,answer\n{first.key},short_text,Which rover?,Yutu-2\n"
        ",short_text,Which rover?,Yutu-2\n",
    )
    assert [q.key for q in load_csv(path).questions] == [first.key, f"{first.key}-2"]
    fast = spreadsheet._csv_encoded(path)
    assert _stored(fast) == _stored(encode_pack(load_csv(path)))


def test_two_options_alike_only_in_chinese_are_refused_by_the_streamed_import(
    tmp_path: Path,
) -> None:
    path = _write(
        tmp_path,
        "type,prompt,prompt_zh,options,options_zh,answer\n"
        "single,Which landed?,哪个着陆了？,Chang'e-3 | Chang'e-4,嫦娥 | 嫦娥,B\n",
    )
    said = _said(path, load_csv_encoded)
    assert said == _said(path, load_csv)
    assert any("two choices read the same ('嫦娥')" in s for s in said)


def test_a_short_answer_row_without_an_answer_column_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "type,prompt\nshort_text,Which rover?\n")
    said = _said(path, load_csv)
    assert said
    assert all(s.startswith(f"{path}:2: ") for s in said)


def test_a_pair_splits_at_its_first_equals_sign_in_both_languages(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "type,prompt,prompt_zh,options,options_zh\n"
        "matching,Match.,配对。,Mass-energy = E=mc^2 | Momentum = p=mv,"
        "质能 = E=mc^2 | 动量 = p=mv\n",
    )
    [question] = load_csv(path).questions
    assert isinstance(question.body, Matching)
    assert [(p.left.as_dict(), p.right.as_dict()) for p in question.body.pairs] == [
        ({"en": "Mass-energy", "zh": "质能"}, {"en": "E=mc^2", "zh": "E=mc^2"}),
        ({"en": "Momentum", "zh": "动量"}, {"en": "p=mv", "zh": "p=mv"}),
    ]


@pytest.mark.parametrize(
    ("title", "key"),
    [("(Week 3: far side!)", "week-3-far-side"), ("Xichang launches", "xichang-launches"),
     ("月球", "imported")],
)  # fmt: skip
def test_a_topics_id_is_made_of_its_title(tmp_path: Path, title: str, key: str) -> None:
    path = _write(tmp_path, f"type,topic,prompt,answer\nshort_text,{title},Rover?,Yutu\n")
    assert [(t.key, t.title.get("en")) for t in load_csv(path).info.topics] == [(key, title)]


def test_a_sheet_whose_text_draws_an_image_is_refused_by_the_streamed_import(
    tmp_path: Path,
) -> None:
    """A CSV cannot carry an image: a prompt that draws one is told so, not stored."""
    path = _write(
        tmp_path,
        "type,prompt,answer\nshort_text,Which crater? ![map](media/crater.png),Von Kármán\n",
    )
    said = _said(path, load_csv_encoded)
    assert said == _said(path, load_csv)
    assert any("image 'media/crater.png' in its text is not in the pack" in s for s in said)


def test_a_sheet_saved_with_old_mac_line_ends_reads(tmp_path: Path) -> None:
    """Excel's "CSV (Macintosh)" ends each line with a lone CR."""
    path = _write(tmp_path, "type,prompt,answer\rshort_text,Which rover?,Yutu-2\r")
    [question] = load_csv(path).questions
    assert question.prompt.get("en") == "Which rover?"
    assert _stored(spreadsheet._csv_encoded(path)) == _stored(encode_pack(load_csv(path)))
