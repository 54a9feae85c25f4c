from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.errors import PackError
from quiz_app.core.questions import (
    Matching,
    MultipleResponse,
    Numeric,
    QuestionType,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.packs.formats import load_any
from quiz_app.services.packs import get_pack, import_pack
from quiz_app.storage import Database
from tests.conftest import DATA, snapshot

EXPORT = DATA / "moodle" / "export.xml"


def test_a_moodle_export_becomes_a_pack() -> None:
    pack = load_any(EXPORT)
    assert [t.title.get("en") for t in pack.info.topics] == ["Chang'e missions"]
    types = [q.type for q in pack.questions]
    assert types == [
        QuestionType.SINGLE,
        QuestionType.MULTIPLE,
        QuestionType.TRUE_FALSE,
        QuestionType.SHORT_TEXT,
        QuestionType.NUMERIC,
        QuestionType.MATCHING,
    ]
    first = pack.questions[0]
    assert first.prompt.get("en") == (
        "Which mission made the **first** soft landing on the far side?"  # HTML as Markdown
    )
    assert first.key == "far-side-first"
    assert first.title == "Far side first"
    assert isinstance(first.body, SingleChoice)
    assert first.body.answer == "b"
    assert first.explanation is not None
    assert first.explanation.get("en") == "Chang'e-4, in January 2019."
    assert first.image is not None
    assert pack.media[first.image].startswith(b"\x89PNG")  # the embedded image travels
    multiple = pack.questions[1].body
    assert isinstance(multiple, MultipleResponse)
    assert multiple.answers == {"a", "b"}
    assert isinstance(pack.questions[2].body, TrueFalse)
    assert pack.questions[2].body.answer is False
    short = pack.questions[3].body
    assert isinstance(short, ShortText)
    assert short.accept.all_values() == ("Queqiao", "Magpie Bridge")
    numeric = pack.questions[4].body
    assert isinstance(numeric, Numeric)
    assert (numeric.answer, numeric.tolerance) == (1731, 5)
    assert numeric.unit is not None
    assert numeric.unit.get("en") == "g"
    assert isinstance(pack.questions[5].body, Matching)


def test_it_imports_all_or_nothing(tmp_path: Path, database: Database) -> None:
    assert len(import_pack(database, EXPORT).added) == 6
    assert len(get_pack(database, "export").media) == 1
    broken = tmp_path / "broken.xml"
    broken.write_text(
        EXPORT.read_text(encoding="utf-8").replace(
            '<question type="matching">', '<question type="calculated">'
        ),
        encoding="utf-8",
    )
    before = snapshot(database)
    with pytest.raises(PackError) as caught:
        import_pack(database, broken)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{broken}:")
    assert "question type 'calculated' is not supported" in str(problem)
    lines = broken.read_text(encoding="utf-8").splitlines()
    assert '<question type="calculated">' in lines[problem.line - 1]  # type: ignore[operator]
    assert snapshot(database) == before


@pytest.mark.parametrize(
    "xml",
    [
        # billion laughs
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><quiz>&lol2;</quiz>',
        # external entity reading a local file
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<quiz><question type='truefalse'><questiontext><text>&e;</text></questiontext>"
        "</question></quiz>",
    ],
)
def test_hostile_xml_is_refused(tmp_path: Path, xml: str) -> None:
    path = tmp_path / "evil.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(PackError, match="refused: the XML uses"):
        load_any(path)


def test_broken_xml_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text("<quiz>\n<question type='truefalse'>\n</quiz>\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"bad\.xml:3: is not well-formed XML"):
        load_any(path)


def test_an_unknown_encoding_in_the_declaration_is_reported(tmp_path: Path) -> None:
    # found by the fuzz test: a mutated "UTF-8" made the parser raise LookupError
    path = tmp_path / "odd.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="AUTF-8"?>\n<quiz></quiz>\n')
    with pytest.raises(PackError, match=r"odd\.xml:1: is not readable XML: unknown encoding"):
        load_any(path)
