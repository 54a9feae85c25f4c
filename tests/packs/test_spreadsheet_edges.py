"""Spreadsheets at their edges (issue 19): what a teacher's row becomes, cell by cell."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from quiz_app.core.errors import PackError
from quiz_app.core.questions import (
    Card,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Question,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.text import LocalizedList, LocalizedText
from quiz_app.packs.spreadsheet import COLUMNS, csv_text, load_csv, load_xlsx, xlsx_bytes

HEADER = ",".join(COLUMNS)


def _csv(tmp_path: Path, *rows: str, name: str = "week-3.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _row(**cells: str) -> str:
    """A CSV row of the template's columns; a cell holding ',' or '"' is quoted."""

    def quoted(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value

    return ",".join(quoted(cells.get(column, "")) for column in COLUMNS)


def _one(tmp_path: Path, **cells: str) -> Question:
    [question] = load_csv(_csv(tmp_path, _row(**cells))).questions
    return question


def _problems(tmp_path: Path, *rows: str) -> list[str]:
    path = _csv(tmp_path, *rows)
    with pytest.raises(PackError) as caught:
        load_csv(path)
    return [str(p).removeprefix(f"{path}:") for p in caught.value.problems]


def test_ten_options_are_ten_choices(tmp_path: Path) -> None:
    options = " | ".join(f"Crater {i}" for i in range(1, 11))
    question = _one(tmp_path, type="single", prompt="Which?", options=options, answer="J")
    assert isinstance(question.body, SingleChoice)
    assert [c.id for c in question.body.choices] == list("abcdefghij")
    assert question.body.choices[9].text == LocalizedText.of("Crater 10")
    assert question.body.answer == "j"


def test_an_eleventh_option_is_refused_not_dropped(tmp_path: Path) -> None:
    options = " | ".join(f"Crater {i}" for i in range(1, 12))
    problems = _problems(
        tmp_path, _row(id="q", type="single", prompt="Which?", options=options, answer="A")
    )
    assert len(problems) == 1
    assert problems[0].startswith("2: question 'q': 'choices':")
    assert "at most 10" in problems[0]


@pytest.mark.parametrize("answer", ["A,C", "a; c", "A C", " c , a "])
def test_multiple_answers_in_any_separator(tmp_path: Path, answer: str) -> None:
    question = _one(tmp_path, type="multiple", prompt="Which?", options="x | y | z", answer=answer)
    assert question.body == MultipleResponse(question.body.choices, frozenset({"a", "c"}))  # type: ignore[union-attr]


def test_every_option_can_be_right(tmp_path: Path) -> None:
    question = _one(
        tmp_path, type="multiple", prompt="Rovers?", options="Yutu | Yutu-2", answer="A,B"
    )
    assert isinstance(question.body, MultipleResponse)
    assert question.body.answers == frozenset({"a", "b"})


@pytest.mark.parametrize(("cell", "answer"), [("TRUE", True), ("False", False), ("true", True)])
def test_true_false_in_any_case(tmp_path: Path, cell: str, answer: bool) -> None:
    assert _one(tmp_path, type="True_False", prompt="Tidally locked?", answer=cell).body == (
        TrueFalse(answer)
    )


def test_a_true_false_answer_that_is_neither_is_reported(tmp_path: Path) -> None:
    problems = _problems(tmp_path, _row(id="t", type="true_false", prompt="Locked?", answer="yes"))
    assert len(problems) == 1
    assert problems[0].startswith("2: question 't': 'answer'")


@pytest.mark.parametrize(
    ("answer", "tolerance", "body"),
    [
        ("1,731", "", Numeric(1731, 0)),
        ("0", "", Numeric(0, 0)),
        ("384400", "1,000", Numeric(384400, 1000)),
        ("-3.5", "0.5", Numeric(-3.5, 0.5)),
    ],
)
def test_numbers_as_teachers_type_them(
    tmp_path: Path, answer: str, tolerance: str, body: Numeric
) -> None:
    question = _one(
        tmp_path, type="numeric", prompt="How much?", answer=answer, tolerance=tolerance
    )
    assert question.body == body


def test_a_unit_in_both_languages(tmp_path: Path) -> None:
    question = _one(
        tmp_path,
        type="numeric",
        prompt="Mass?",
        prompt_zh="质量？",
        answer="1731",
        unit="g",
        unit_zh="克",
    )
    assert question.body == Numeric(1731, 0, LocalizedText.of({"en": "g", "zh": "克"}))


@pytest.mark.parametrize("column", ["answer", "tolerance"])
def test_a_number_cell_that_is_not_a_number_is_reported(tmp_path: Path, column: str) -> None:
    cells = {"answer": "12", "tolerance": "1", column: "about 12"}
    problems = _problems(tmp_path, _row(id="n", type="numeric", prompt="How many?", **cells))
    assert len(problems) == 1
    assert problems[0].startswith(f"2: question 'n': '{column}'")


def test_short_answers_in_both_languages(tmp_path: Path) -> None:
    question = _one(
        tmp_path,
        type="short_text",
        prompt="Relay?",
        prompt_zh="中继星？",
        answer="Queqiao | Magpie Bridge |",
        answer_zh="鹊桥",
    )
    assert question.body == ShortText(
        LocalizedList.of({"en": ["Queqiao", "Magpie Bridge"], "zh": ["鹊桥"]})
    )


def test_ordering_items_keep_their_order(tmp_path: Path) -> None:
    question = _one(tmp_path, type="ordering", prompt="Order?", options="CE-3 | CE-4 | CE-5")
    assert isinstance(question.body, Ordering)
    assert [(i.id, i.text.get("en")) for i in question.body.items] == [
        ("i1", "CE-3"),
        ("i2", "CE-4"),
        ("i3", "CE-5"),
    ]


def test_matching_pairs_in_both_languages(tmp_path: Path) -> None:
    question = _one(
        tmp_path,
        type="matching",
        prompt="Match.",
        prompt_zh="连线。",
        options="Chang'e-5 = 2020 | Chang'e-6 = 2024",
        options_zh="嫦娥五号 = 2020 | 嫦娥六号 = 2024",
    )
    assert isinstance(question.body, Matching)
    assert [(p.id, p.left.as_dict(), p.right.as_dict()) for p in question.body.pairs] == [
        ("p1", {"en": "Chang'e-5", "zh": "嫦娥五号"}, {"en": "2020", "zh": "2020"}),
        ("p2", {"en": "Chang'e-6", "zh": "嫦娥六号"}, {"en": "2024", "zh": "2024"}),
    ]


def test_a_card_back_keeps_its_bars(tmp_path: Path) -> None:
    question = _one(tmp_path, type="card", prompt="Front", answer="one | two")
    assert question.body == Card(LocalizedText.of("one | two"))


def test_a_card_with_no_back_is_reported(tmp_path: Path) -> None:
    problems = _problems(tmp_path, _row(id="c", type="card", prompt="Front"))
    assert len(problems) == 1
    assert problems == ["2: question 'c': missing field 'back'"]


def test_a_row_names_its_topic_or_takes_the_files(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        _row(type="true_false", prompt="A?", answer="true", topic="Far side"),
        _row(type="true_false", prompt="B?", answer="true"),
        _row(type="true_false", prompt="C?", answer="true", topic="  Far side "),
    )
    pack = load_csv(path)
    assert [(t.key, t.title.get("en")) for t in pack.info.topics] == [
        ("far-side", "Far side"),
        ("week-3", "week-3"),
    ]
    assert [q.topic for q in pack.questions] == ["far-side", "week-3", "far-side"]


def test_difficulty_blank_is_the_default_and_text_is_reported(tmp_path: Path) -> None:
    question = _one(tmp_path, type="true_false", prompt="A?", answer="true", difficulty=" 3 ")
    assert question.difficulty == 3
    problems = _problems(
        tmp_path, _row(id="d", type="true_false", prompt="A?", answer="true", difficulty="hard")
    )
    assert len(problems) == 1
    assert problems[0].startswith("2: question 'd': 'difficulty'")


def test_explanation_and_source_come_through(tmp_path: Path) -> None:
    question = _one(
        tmp_path,
        type="true_false",
        prompt="A?",
        answer="true",
        explanation="Because.",
        source="  CNSA  ",
    )
    assert question.explanation == LocalizedText.of("Because.")
    assert question.source == "CNSA"


def test_blank_rows_are_skipped_and_lines_still_count(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        _row(id="a", type="true_false", prompt="A?", answer="true"),
        ",,,,,,,,,,,,,,,",
        _row(id="b", type="single", prompt="B?", options="x | y", answer="C"),
    )
    with pytest.raises(PackError) as caught:
        load_csv(path)
    assert [p.line for p in caught.value.problems] == [4]


def test_a_header_alone_holds_no_questions(tmp_path: Path) -> None:
    path = _csv(tmp_path)
    with pytest.raises(PackError) as caught:
        load_csv(path)
    assert [str(p) for p in caught.value.problems] == [f"{path}: holds no questions"]


def test_rows_without_ids_get_distinct_ones(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        _row(type="true_false", prompt="Same?", answer="true"),
        _row(type="true_false", prompt="Same?", answer="false"),
    )
    first, second = load_csv(path).questions
    assert first.key != second.key


def _xlsx(tmp_path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / "week-3.xlsx"
    workbook.save(path)
    return path


def test_a_workbook_with_empty_columns_after_the_header(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path,
        [["type", "prompt", "answer", "", None], ["true_false", "Locked?", "TRUE", None, "x"]],
    )
    [question] = load_xlsx(path).questions
    assert question.body == TrueFalse(True)


def test_a_workbook_numbers_and_its_row_lines(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path,
        [
            ["id", "type", "prompt", "answer"],
            ["n", "numeric", "Grams?", 1731],
            [None, None, None, None],
            ["s", "single", "Which?", "A"],
        ],
    )
    with pytest.raises(PackError) as caught:
        load_xlsx(path)
    # The number cell is read as a number; the blank row 3 still counts as a line.
    assert [(p.line, p.question) for p in caught.value.problems] == [(4, "s")]
    assert "'choices'" in caught.value.problems[0].message


def test_an_empty_workbook_holds_no_questions(tmp_path: Path) -> None:
    workbook = Workbook()
    path = tmp_path / "empty.xlsx"
    workbook.save(path)
    with pytest.raises(PackError) as caught:
        load_xlsx(path)
    assert [str(p) for p in caught.value.problems] == [f"{path}: holds no questions"]


def test_a_sheet_of_only_the_columns_it_needs(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text(
        "type,prompt\nordering,Put them in order.\ntrue_false,Locked?\n", encoding="utf-8"
    )
    with pytest.raises(PackError) as caught:
        load_csv(path)
    # No options, no answer: reported as such, not read from a cell that is not there.
    messages = [p.message for p in caught.value.problems]
    assert messages[0] == "'items': list should have at least 2 items after validation, not 0"
    assert all(p.line in (2, 3) for p in caught.value.problems)


def test_a_cell_too_big_for_csv_is_a_located_problem(tmp_path: Path) -> None:
    path = _csv(tmp_path, _row(type="true_false", prompt="x" * 140_000, answer="true"))
    with pytest.raises(PackError) as caught:
        load_csv(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (str(path), 2)
    assert problem.message.startswith("is not valid CSV (field larger than field limit")


def test_a_damaged_workbook_is_refused_as_one(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "week-3.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(PackError) as caught:
        load_xlsx(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (str(path), None)
    assert problem.message.startswith("is not a readable .xlsx workbook (")


def test_a_formula_is_never_taken_for_a_questions_text(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path,
        [["id", "type", "prompt", "answer"], ["f", "true_false", '="Locked"&"?"', "TRUE"]],
    )
    with pytest.raises(PackError) as caught:
        load_xlsx(path)
    assert all("Locked" not in str(p) for p in caught.value.problems)
    assert [p.question for p in caught.value.problems] == ["f"]


def test_a_sheet_says_which_kind_of_file_it_came_from(tmp_path: Path) -> None:
    pack = load_csv(_csv(tmp_path, _row(type="true_false", prompt="A?", answer="true")))
    assert pack.origin == "csv"
    path = _xlsx(tmp_path, [["type", "prompt", "answer"], ["true_false", "A?", "TRUE"]])
    assert load_xlsx(path).origin == "xlsx"


def test_a_row_without_an_id_gets_one_from_its_prompt(tmp_path: Path) -> None:
    first = _one(tmp_path, type="true_false", prompt="Is the Moon locked?", answer="true")
    again = _one(tmp_path, type="true_false", prompt="Is the Moon locked?", answer="false")
    assert first.key.startswith("csv-")
    assert first.key == again.key  # the same prompt, the same id on the next import


def test_an_export_leaves_blank_what_has_no_chinese(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        _row(id="o", type="ordering", prompt="Order?", options="CE-3 | CE-4 | CE-5"),
        _row(id="s", type="short_text", prompt="Relay?", answer="Queqiao | Magpie Bridge"),
    )
    rows = list(csv.DictReader(io.StringIO(csv_text(load_csv(path)))))
    assert [(r["options"], r["options_zh"]) for r in rows] == [
        ("CE-3 | CE-4 | CE-5", ""),
        ("", ""),
    ]
    assert [(r["answer"], r["answer_zh"]) for r in rows] == [
        ("", ""),
        ("Queqiao | Magpie Bridge", ""),
    ]


def test_a_workbook_export_is_one_sheet_named_questions(tmp_path: Path) -> None:
    pack = load_csv(_csv(tmp_path, _row(type="true_false", prompt="A?", answer="true")))
    workbook = load_workbook(io.BytesIO(xlsx_bytes(pack)))
    assert workbook.sheetnames == ["questions"]


def test_a_long_topic_name_makes_a_slug_of_at_most_60_characters(tmp_path: Path) -> None:
    title = "The far side of the Moon and what Chang'e-4 found in Von Karman crater there"
    question = _one(tmp_path, type="true_false", prompt="A?", answer="true", topic=title)
    assert question.topic == "the-far-side-of-the-moon-and-what-chang-e-4-found-in-von-kar"
    assert len(question.topic) == 60


def test_a_matching_pair_splits_at_its_first_equals_sign(tmp_path: Path) -> None:
    question = _one(tmp_path, type="matching", prompt="Match.", options="E = mc^2 | F = ma = force")
    assert isinstance(question.body, Matching)
    assert [(p.left.get("en"), p.right.get("en")) for p in question.body.pairs] == [
        ("E", "mc^2"),
        ("F", "ma = force"),
    ]


def test_fewer_chinese_pairs_than_english_ones_are_reported_not_a_crash(tmp_path: Path) -> None:
    row = _row(
        id="m",
        type="matching",
        prompt="Match.",
        prompt_zh="连线。",
        options="CE-5 = 2020 | CE-6 = 2024",
        options_zh="嫦娥五号 = 2020",
    )
    problems = _problems(tmp_path, row)
    assert problems
    assert all(p.startswith("2: question 'm': 'pairs.1.") for p in problems)
