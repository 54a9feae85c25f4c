"""An accepted answer that nothing a learner types could match (only punctuation, spaces
or accent marks, which grading folds away) is refused by every reader and by the
editor's check, at its line, in both languages; a pack holding one changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quiz_app.core.errors import PackError, PartialPackError
from quiz_app.core.grading import grade_short_text, normalize_text
from quiz_app.core.questions import ShortText
from quiz_app.core.text import LocalizedList
from quiz_app.packs.gift import load_gift
from quiz_app.packs.moodle_xml import load_moodle_xml
from quiz_app.packs.native import _check_accept, check_question, load_pack
from quiz_app.packs.spreadsheet import COLUMNS, load_csv
from quiz_app.services.packs import import_pack
from quiz_app.storage import Database
from tests.conftest import NOW, snapshot
from tests.packs.test_validation import relay_pack
from tests.services.test_streaming_import import _answer

EN = "holds only spaces, punctuation or accent marks"
ZH = "只含空格、标点或重音符号"

QUESTION = {
    "id": "relay",
    "type": "short_text",
    "topic": "t",
    "difficulty": 1,
    "prompt": {"en": "Name Chang'e-4's relay satellite.", "zh": "嫦娥四号的中继卫星叫什么？"},
    "accept": {"en": ["Queqiao"], "zh": ["鹊桥"]},
}


def _check(accept: dict[str, list[str]], language: str = "en") -> list[tuple[str, str]]:
    return check_question({**QUESTION, "accept": accept}, ["t"], ["en", "zh"], [], language)


@pytest.mark.parametrize(
    "answer",
    [
        "?!",  # punctuation only
        "…",  # one punctuation mark
        "« — »",  # punctuation and spaces
        "\u3000",  # an ideographic space: blank, and said so by the blank check
        "\u0301",  # a combining accent alone
        "\ufe70",  # an Arabic presentation form: NFKC gives a space and a mark
        "？！",  # full-width punctuation
    ],
)
def test_an_answer_grading_folds_to_nothing_is_refused(answer: str) -> None:
    body = ShortText(LocalizedList.of({"en": [answer]}))
    assert grade_short_text(body, answer) == 0.0  # why: even the answer itself scores 0
    problems = _check({"en": ["Queqiao", answer], "zh": ["鹊桥"]})
    if not answer.strip():  # the blank check says it first, in its own words
        assert problems == [("accept.en.1", problems[0][1])]
        assert "is blank" in problems[0][1]
        return
    assert problems == [
        (
            "accept.en.1",
            f"the accepted answer '{answer}' {EN}: answers are compared without them, so "
            "nothing a learner types could match it",
        )
    ]


@pytest.mark.parametrize("answer", ["a", "?a", "6", "°", "+", "é", "鹊", "Chang'e-6"])
def test_one_letter_digit_or_symbol_that_grading_keeps_is_enough(answer: str) -> None:
    body = ShortText(LocalizedList.of({"en": [answer]}))
    assert grade_short_text(body, answer) == 1.0
    assert _check({"en": [answer], "zh": ["鹊桥"]}) == []


@given(st.text(max_size=8))
@example("a\u0301")  # a letter and its accent: the letter is kept
@example("\ufe70a")  # a letter grading folds away, then one it keeps
@example("\u4e00")
@example("\u9fff")
@example("\u3400")  # a CJK ideograph outside the common block: looked at closely, kept
def test_refused_exactly_when_grading_folds_the_answer_to_nothing(answer: str) -> None:
    refused = list(_check_accept({"en": [answer]}))
    assert bool(refused) == (normalize_text(answer) == "")


def test_each_language_and_place_is_named_in_the_language_asked() -> None:
    accept = {"en": ["?", "Queqiao", "!"], "zh": ["。"]}
    assert [path for path, _ in _check(accept)] == ["accept.en.0", "accept.en.2", "accept.zh.0"]
    [_, _, (path, zh)] = _check(accept, "zh")
    assert path == "accept.zh.0"
    assert zh == f"可接受的答案“。”{ZH}：比对答案时不计这些，因此学习者输入什么都无法与之匹配"


def test_a_native_pack_names_the_file_and_line(tmp_path: Path) -> None:
    folder = relay_pack(tmp_path, 'accept = ["Queqiao", "--"]')
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.question) == (str(folder / "q.toml"), 7, "relay")
    assert EN in problem.message
    assert problem.zh is not None
    assert ZH in problem.zh


def test_gift_offers_the_other_questions_and_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "quiz.gift"
    path.write_text(
        "::fine:: Name Chang'e-4's relay satellite. {=Queqiao}\n\n"
        "::bad:: Which punctuation ends a question? {=?}\n",
        encoding="utf-8",
    )
    with pytest.raises(PartialPackError) as caught:
        load_gift(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.question) == (3, "bad")
    assert EN in problem.message
    assert [q.key for q in caught.value.pack.questions] == ["fine"]


def test_moodle_xml_names_the_question(tmp_path: Path) -> None:
    path = tmp_path / "week-3.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
        '<question type="shortanswer"><name><text>bad</text></name>\n'
        '<questiontext format="plain_text"><text>Say nothing.</text></questiontext>\n'
        '<answer fraction="100" format="plain_text"><text>...</text></answer>\n'
        "</question>\n</quiz>\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as caught:
        load_moodle_xml(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.question) == (3, "bad")
    assert EN in problem.message


def test_a_spreadsheet_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "week-3.csv"
    cells = [
        {"type": "short_text", "prompt": "Relay satellite?", "answer": "Queqiao"},
        {"type": "short_text", "prompt": "Say nothing.", "answer": "Queqiao | !!"},
    ]
    rows = [",".join(row.get(column, "") for column in COLUMNS) for row in cells]
    path.write_text("\n".join([",".join(COLUMNS), *rows]) + "\n", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_csv(path)
    [problem] = caught.value.problems
    assert problem.line == 3
    assert EN in problem.message


def test_importing_such_a_pack_changes_nothing_in_a_bank_with_answers(
    database: Database, sample_pack: Path
) -> None:
    import_pack(database, sample_pack, now=NOW)
    _answer(database, "relay-name")
    missions = sample_pack / "missions.toml"
    missions.write_text(
        missions.read_text(encoding="utf-8")
        .replace('accept.en = ["Queqiao", "Magpie Bridge"]', 'accept.en = ["Queqiao", "?"]')
        .replace('version = "1.0.0"', 'version = "1.1.0"'),
        encoding="utf-8",
    )
    (sample_pack / "pack.toml").write_text(
        (sample_pack / "pack.toml")
        .read_text(encoding="utf-8")
        .replace('version = "1.0.0"', 'version = "1.1.0"'),
        encoding="utf-8",
    )
    before = snapshot(database)
    with pytest.raises(PackError) as caught:
        import_pack(database, sample_pack, now=NOW)
    [problem] = caught.value.problems
    assert problem.file == str(missions)
    assert problem.question == "relay-name"
    assert snapshot(database) == before
