"""Every reader says every problem in Chinese too, with the same names and numbers.

A Chinese-speaking teacher who imports a broken file reads the list of problems in
Chinese: each reader is walked here over broken inputs (the other tests of tests/packs
are checked the same way by conftest.py), and the summary PackError makes is Chinese.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quiz_app.core.errors import PackError, Problem, ResultsFileError
from quiz_app.packs import limits
from quiz_app.packs.formats import load_any
from quiz_app.packs.native import check_question
from tests.packs.bilingual import CJK, gaps

MANIFEST = """format = 1
id = "broken"
version = "1.0.0"
title = "Broken"
languages = ["en"]
{extra}
[[topics]]
id = "science"
title = "Science"
"""


def _question(qid: str, **fields: Any) -> dict[str, Any]:
    """A clean single-choice question changed by ``fields`` (None leaves a field out)."""
    question = {
        "id": qid,
        "type": "single",
        "topic": "science",
        "difficulty": 2,
        "prompt": "Which?",
        "choices": [{"id": "a", "text": "Yes"}, {"id": "b", "text": "No"}],
        "answer": "a",
        **fields,
    }
    return {key: value for key, value in question.items() if value is not None}


NOT_CHOICE: dict[str, Any] = {"choices": None, "answer": None}


BROKEN_QUESTIONS = [
    _question("q1", answer="c"),
    _question("q2", type="multiple", answer=None, answers=["a", "a", "z"]),
    _question("q3", choices=[{"id": "a", "text": "Same"}, {"id": "a", "text": "same"}]),
    _question("q4", image="moon.gif"),
    _question("q5", image="media/none.png"),
    _question("q6", image_alt="a moon"),
    _question("q7", prompt={"en": "Which?", "zh": "哪个？"}),
    _question("q8", explanation={"en": "Because.", "zh": "因为。"}),
    _question("q9", topic="sciense"),
    _question("q10", group="dates"),
    _question("q11", colour="red"),
    _question("q12", difficulty=7, shuffle="yes", title=""),
    _question("q13", prompt=" "),
    _question("q14", prompt="Bell\x07"),
    _question("q15", prompt={"zh": "只有中文"}),
    _question("q16", prompt={"en": "Which?", "fr": "Lequel ?"}),
    _question("q17", type="essay"),
    {"id": "q18", "topic": "science", "difficulty": 2, "prompt": "No type"},
    _question("q19", type="numeric", choices=None, answer=1e309, tolerance=-1),
    _question("q20", choices=[{"id": "a", "text": "Only"}]),
    _question("q21", choices=[{"id": f"c{i}", "text": f"Choice {i}"} for i in range(11)]),
    _question("q22", type="matching", **NOT_CHOICE, pairs="none"),
    _question(
        "q23", type="matching", **NOT_CHOICE, pairs=[5, {"id": "p", "left": "L", "right": "R"}]
    ),
    _question(
        "q24",
        type="matching",
        **NOT_CHOICE,
        pairs=[{"id": f"p{i}", "left": "Same", "right": "Same"} for i in range(2)],
    ),
    _question("q25", prompt="Long " * 5000),
    _question("q26", difficulty=0, choices=[{"id": "a b", "text": "Yes"}, "No"]),
    _question("q27", prompt="See ![moon](media/gone.png)"),
    _question("q28", topic=5, prompt=["Which?"]),
    _question("q29", topic="nowhere", difficulty="hard"),
    _question(
        "q30",
        type="ordering",
        **NOT_CHOICE,
        items=[{"id": "i1", "text": "First"}, {"id": "i2", "text": "first"}],
    ),
    _question("q1"),
    _question("old-one"),
    "not a table",
]


def _native(tmp_path: Path, questions: Any, extra: str = "", name: str = "q.json") -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.toml").write_text(MANIFEST.format(extra=extra), encoding="utf-8")
    body = questions if isinstance(questions, str) else json.dumps({"questions": questions})
    (pack / name).write_text(body, encoding="utf-8")
    return pack


def _file(name: str, text: str | bytes) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return path

    return make


def _zip(
    entries: dict[str, bytes], mode: int | None = None, name: str = "pack.zip"
) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for entry, data in entries.items():
                info = zipfile.ZipInfo(entry)
                info.compress_type = zipfile.ZIP_DEFLATED
                if mode is not None:
                    info.external_attr = mode << 16
                archive.writestr(info, data)
        return path

    return make


def _native_case(questions: Any, extra: str = "", name: str = "q.json") -> Callable[[Path], Path]:
    return lambda tmp_path: _native(tmp_path, questions, extra, name)


def _with_media(files: dict[str, bytes]) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        questions = [_question(f"m{i}", image=name) for i, name in enumerate(files)]
        pack = _native(tmp_path, questions)
        for name, data in files.items():
            (pack / name).parent.mkdir(exist_ok=True)
            (pack / name).write_bytes(data)
        return pack

    return make


def _manifest_only(text: str) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        pack = tmp_path / "pack"
        pack.mkdir()
        (pack / "pack.toml").write_text(text, encoding="utf-8")
        return pack

    return make


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
BIG = b"0" * (limits.ZIP_RATIO_MIN_SIZE * 2)

CASES: dict[str, Callable[[Path], Path]] = {
    # -- native packs ------------------------------------------------------------------
    "native: every question wrong": _native_case(
        BROKEN_QUESTIONS,
        extra='retired = ["old-one"]\ngroups = [{ id = "date" }, { id = "date" }]\n'
        '[[topics]]\nid = "science"\ntitle = "Again"',
    ),
    "native: a declared language missing": lambda tmp_path: _bilingual(
        _native(tmp_path, [_question("en-only")])
    ),
    "native: languages not declared": _native_case(
        [
            _question(
                "z",
                prompt={"en": "Which?", "zh": "哪个？"},
                choices=[
                    {"id": "a", "text": {"en": "Yes", "zh": "是"}},
                    {"id": "b", "text": {"en": "No", "zh": "否"}},
                ],
            )
        ]
    ),
    "native: TOML syntax": _native_case("[[questions]]\nid = \n", name="q.toml"),
    "native: JSON syntax": _native_case('{"questions": [\n  {"id": "x",\n  }\n]}'),
    "native: too deep": _native_case("[" * 100_000),
    "native: other keys": _native_case('{"questions": [], "extra": 1}'),
    "native: questions not a list": _native_case('{"questions": 5}'),
    "native: no questions": _native_case('{"questions": []}'),
    "native: not UTF-8": lambda tmp_path: _bytes_in(_native(tmp_path, "{}"), b"\n\xff"),
    "native: no manifest": lambda tmp_path: _no_manifest(tmp_path),
    "native: no question files": _manifest_only(MANIFEST.format(extra="")),
    "native: manifest wrong": _manifest_only(
        'format = 2\nid = "Bad Id"\nversion = "1"\nlanguages = []\ntopics = 5\nauthor = ""\n'
    ),
    "native: images": _with_media(
        {
            "media/script.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
            "media/far.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><image href="http://x/y"/></svg>',
            "media/broken.svg": b"<svg><rect></svg>",
            "media/latin1.svg": b"<svg>\xff</svg>",
            "media/moon.png": SVG,
            "media/moon.jpg": PNG,
            "media/moon.webp": b"GIF89a",
        }
    ),
    # -- the files of a pack -------------------------------------------------------------
    "files: no such": lambda tmp_path: tmp_path / "nothing-here",
    "format: no such file": lambda tmp_path: tmp_path / "nothing-here.gift",
    "files: the path is a link": lambda tmp_path: _linked_pack(tmp_path),
    "files: not a pack": _file("notes.pdf", "x"),
    "files: link": lambda tmp_path: _link(tmp_path),
    "files: too big": lambda tmp_path: _big_manifest(tmp_path),
    "zip: damaged": _file("pack.zip", b"PK\x03\x04 not really"),
    "zip: unsafe entries": _zip({"/abs.toml": b"", "../up.toml": b"", "": b""}),
    "zip: too many entries": _zip({f"{i}.png": b"" for i in range(limits.ZIP_ENTRIES_MAX + 1)}),
    "zip: link": _zip({"pack.toml": b"x"}, mode=stat.S_IFLNK | 0o777),
    "zip: bomb": _zip({"pack.toml": b"x", "media/bomb.png": BIG}),
    "zip: bombs together": _zip(
        {f"media/{i}.png": BIG[: limits.ZIP_RATIO_MIN_SIZE // 2] for i in range(4)}
    ),
    # -- other formats -------------------------------------------------------------------
    "format: unknown suffix": _file("questions.pdf", "x"),
    "aiken": _file(
        "quiz.aiken",
        "A. before\n\nQ1\nA. x\nA. y\n\nQ2\nA. x\nANSWER: A\n\nQ3\nA. x\nB. y\nANSWER: C\n\n"
        "Q4\nA. x\nB. y\nanswer b\n\nQ5\nsecond line\n\nQ6\nA. x\nnot a choice\n\nQ7\nA. x\n",
    ),
    "aiken: empty": _file("empty.aiken", "\n"),
    "aiken: not UTF-8": _file("latin.aiken", b"Q\nA. caf\xe9\n"),
    "gift": _file(
        "quiz.gift",
        "Just text\n\n{=a ~b\n\nQ {=a\n\nQ }\n\nQ {=a} more {=b}\n\nQ {}\n\n{=a ~b}\n\n"
        "Q {~%200%a ~b}\n\nQ {~a}\n\nQ {" + " ".join(f"~a{i}" for i in range(11)) + "}\n\n"
        "Q {~%50%a ~%0%b}\n\nQ {=a =b ~c}\n\nQ {~a ~b}\n\nQ {~%40%a ~%40%b ~c}\n\n"
        "Q {=x}\n\nQ {=a -> 1 =b -> }\n\nQ {=a -> 1}\n\nQ {=a* =b}\n\nQ {=%50%a}\n\n"
        "Q {#}\n\nQ {#=%50%1}\n\nQ {#=1 =2}\n\nQ {#x..y}\n\nQ {#5..1}\n\nQ {#x}\n\n"
        "$CATEGORY: a\nQ {T}\n",
    ),
    "gift: noncharacter": _file("odd.gift", "Q {T}\n\ufdd0\n"),
    "csv: columns": _file("q.csv", "type,prompt,colour\n"),
    "csv: missing column": _file("q.csv", "id,topic\nx,y\n"),
    "csv: no rows": _file("q.csv", "type,prompt\n"),
    "csv: rows wrong": _file(
        "q.csv",
        "type,prompt,options,answer,difficulty\nsingle,Which?,a|b,c,x\nnumeric,How many?,,many,2\n"
        "essay,Write,,,2\n",
    ),
    "xlsx: not a workbook": _file("q.xlsx", b"not a zip"),
    "xlsx: too many parts": _zip(
        {f"{i}.xml": b"" for i in range(limits.ZIP_ENTRIES_MAX + 1)}, name="q.xlsx"
    ),
    "xlsx: a bomb": _zip({"sheet.xml": BIG}, name="q.xlsx"),
    "moodle xml: DTD": _file(
        "q.xml", '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY e "x">]><quiz>&e;</quiz>'
    ),
    "moodle xml: malformed": _file("q.xml", "<quiz><question></quiz>"),
    "moodle xml: encoding": _file("q.xml", '<?xml version="1.0" encoding="klingon"?><quiz/>'),
    "moodle xml: questions": _file(
        "q.xml",
        '<quiz><question type="multichoice"><questiontext><text>Q</text></questiontext>'
        '<answer fraction="100"><text>a</text></answer></question>'
        '<question type="multichoice"><questiontext><text>Q2</text></questiontext>'
        '<answer fraction="42"><text>a</text></answer><answer fraction="0"><text>b</text>'
        "</answer></question>"
        '<question type="cloze"><questiontext><text>Q3</text></questiontext></question>'
        '<question type="truefalse"><questiontext><text></text></questiontext></question>'
        "</quiz>",
    ),
}


def _bytes_in(pack: Path, data: bytes) -> Path:
    (pack / "q.json").write_bytes(b'{"questions": []}' + data)
    return pack


def _no_manifest(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "q.json").write_text('{"questions": []}')
    return pack


def _link(tmp_path: Path) -> Path:
    pack = _native(tmp_path, [_question("x")])
    os.symlink(pack / "q.json", pack / "linked.json")
    return pack


def _bilingual(pack: Path) -> Path:
    manifest = pack / "pack.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('["en"]', '["en", "zh"]'), encoding="utf-8")
    return pack


def _linked_pack(tmp_path: Path) -> Path:
    pack = _native(tmp_path, [_question("x")])
    os.symlink(pack, tmp_path / "linked")
    return tmp_path / "linked"


def _big_manifest(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.toml").write_bytes(b"#" * (limits.MANIFEST_MAX + 1))
    return pack


SAID = {
    "aiken": "is not one of the choices (A, B)",
    "aiken: empty": "holds no questions",
    "aiken: not UTF-8": "is not UTF-8 text",
    "csv: columns": "unknown column 'colour'",
    "csv: missing column": "missing column 'type'",
    "csv: no rows": "holds no questions",
    "csv: rows wrong": "unknown question type 'essay'",
    "files: link": "is a symbolic link; packs may not hold links",
    "files: no such": "no such file or folder",
    "files: not a pack": "is neither a pack folder nor a .zip of one",
    "files: the path is a link": "give the real path",
    "files: too big": "over the limit of 65,536 bytes",
    "format: no such file": "no such file or folder",
    "format: unknown suffix": "unknown kind of file",
    "gift": "the question has no text",
    "gift: noncharacter": "a Unicode noncharacter",
    "moodle xml: DTD": "refused: the XML uses",
    "moodle xml: encoding": "is not readable XML",
    "moodle xml: malformed": "is not well-formed XML",
    "moodle xml: questions": "is not a grade Moodle allows",
    "native: JSON syntax": "JSON syntax error",
    "native: TOML syntax": "TOML syntax error: Invalid value",
    "native: a declared language missing": "has no zh text, but pack.toml lists zh",
    "native: every question wrong": "this id is retired",
    "native: images": "contains <script>",
    "native: languages not declared": "has zh text, but pack.toml does not list zh",
    "native: manifest wrong": "'format': input should be 1",
    "native: no manifest": "every pack needs a pack.toml manifest",
    "native: no question files": "the pack has no question files",
    "native: no questions": "a pack needs at least one",
    "native: not UTF-8": "is not UTF-8 text",
    "native: other keys": "holds only 'questions'",
    "native: questions not a list": "must be a list of question tables",
    "native: too deep": "nests lists or tables too deep",
    "xlsx: a bomb": "part sheet.xml expands",
    "xlsx: not a workbook": "is not a readable file",
    "xlsx: too many parts": "holds 10,001 parts",
    "zip: bomb": "expands more than 100 times its packed size",
    "zip: bombs together": "taken together",
    "zip: damaged": "is not a readable .zip file",
    "zip: link": "packs may not hold links",
    "zip: too many entries": "holds 10,001 entries",
    "zip: unsafe entries": "has '..' in its path",
}
"""What each broken input is there to make a reader say (so a case cannot drift into
testing something else)."""


def _read(case: str, tmp_path: Path) -> list[Problem]:
    path = CASES[case](tmp_path)
    kind = "native" if case.startswith(("native", "files", "zip")) else None
    try:
        load_any(path, kind)
    except PackError as err:
        return list(err.problems)
    raise AssertionError(f"{path.name} was read without a problem")


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_problem_is_said_in_chinese_with_the_same_names_and_numbers(
    case: str, tmp_path: Path
) -> None:
    problems = _read(case, tmp_path)
    assert any(SAID[case] in p.message for p in problems), [p.message for p in problems]
    assert [gap for p in problems for gap in gaps(p)] == []


def test_the_broken_native_pack_reports_each_of_its_wrongs(tmp_path: Path) -> None:
    """The walk above sees every check: the broken questions make that many problems."""
    problems = _read("native: every question wrong", tmp_path)
    said = {p.question for p in problems}
    assert {f"q{i}" for i in range(1, 29)} <= said
    assert "old-one" in said


def test_a_pack_error_reads_all_in_chinese(tmp_path: Path) -> None:
    problems = _read("native: every question wrong", tmp_path)
    text = PackError(problems).message("zh")
    head, *lines = text.splitlines()
    assert head == f"{len(problems)} 个问题："
    assert "problem" not in text
    assert " question '" not in text  # the question is named as 题目“q1”
    assert all(CJK.search(line) for line in lines)


@pytest.mark.parametrize(
    ("count", "head"), [(0, "0 个问题："), (1, "1 个问题："), (2, "2 个问题：")]
)
def test_the_summary_counts_in_chinese(count: int, head: str) -> None:
    problems = [Problem("q.toml", n, "no text", "ce4", zh="没有文字") for n in range(count)]
    for error in (PackError(problems), ResultsFileError(problems)):
        assert error.message("zh").splitlines() == [head] + [
            f"  q.toml:{n}: 题目“ce4”：没有文字" for n in range(count)
        ]
        assert str(error).startswith(f"{count} problem")


def test_pinned_translations(tmp_path: Path) -> None:
    """A few messages exactly as a Chinese reader sees them."""
    problems = _read("native: every question wrong", tmp_path)
    said = {p.message: p.zh for p in problems}
    assert said["answer 'c' is not one of the choices (a, b)"] == "答案“c”不是选项之一（a, b）"
    assert said["the same answer is listed twice"] == "同一个答案列出了两次"
    assert (
        said["topic 'sciense' is not declared in pack.toml (did you mean 'science'?)"]
        == "主题“sciense”未在 pack.toml 中声明（是否指“science”？）"
    )
    assert (
        said["'prompt.en': is blank: write the text, or leave the field out"]
        == "“prompt.en”：是空白的：请填写文字，或删去该字段"
    )
    assert said["two pairs have the same left text 'Same'"] == "有两个配对的左侧文字相同：“Same”"
    essay = next(p for p in problems if p.question == "q17")
    assert essay.text("zh").endswith(
        "题目“q17”：未知题型“essay”；题型有 card, matching, multiple, numeric, "
        "ordering, short_text, single, true_false"
    )


def test_the_editor_says_a_question_s_problems_in_the_language_asked() -> None:
    question = _question("q", answer="c", difficulty=9)
    english = check_question(question, ["science"], ["en"], [])
    chinese = check_question(question, ["science"], ["en"], [], "zh")
    assert [path for path, _ in chinese] == [path for path, _ in english] == ["difficulty"]
    assert chinese == [("difficulty", "“difficulty”：应小于或等于 3")]
    assert english == [("difficulty", "'difficulty': input should be less than or equal to 3")]


def test_each_broken_input_says_what_it_is_there_for() -> None:
    assert set(SAID) == set(CASES)
