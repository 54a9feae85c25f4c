"""A real-world-shaped Moodle export: HTML text, images, per-answer feedback, names with
spaces and accents, Moodle's fraction rules, hostile HTML, items this app leaves out."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.errors import PartialPackError
from quiz_app.core.questions import MultipleResponse, SingleChoice
from quiz_app.core.text import LocalizedText
from quiz_app.packs.moodle_xml import load_moodle_xml
from quiz_app.packs.moodle_xml_out import moodle_xml_text
from quiz_app.packs.rich_text import to_html, to_plain
from tests.conftest import DATA

RICH = DATA / "moodle" / "rich.xml"


def _read() -> PartialPackError:
    with pytest.raises(PartialPackError) as caught:
        load_moodle_xml(RICH)
    return caught.value


def test_html_becomes_markdown_with_its_images_and_feedback() -> None:
    pack = _read().pack
    water = pack.questions[0]
    assert water.key == "francais-eau"  # a readable slug, never a hash
    assert water.title == "Français: eau"
    assert water.prompt.get("en") == ("What is H~2~O on the **Moon**, and how big is 10^6^ km^2^?")
    assert to_plain(water.prompt.get("en")) == "What is H₂O on the Moon, and how big is 10⁶ km²?"
    assert water.image == "media/ice-map.png"  # the picture after the prompt
    assert water.image_alt == LocalizedText.of("Ice map")
    assert pack.media["media/ice-map.png"].startswith(b"\x89PNG")
    assert water.explanation == LocalizedText.of("- Ice in *polar* craters\n- Hydrated minerals")
    assert isinstance(water.body, SingleChoice)
    assert [c.feedback for c in water.body.choices] == [
        LocalizedText.of("Right: found by **Chandrayaan-1**."),
        LocalizedText.of("Too cold."),
    ]
    three = pack.questions[1]
    assert "<table>" in to_html(three.prompt.get("en"))
    assert isinstance(three.body, MultipleResponse)  # 33.33333 twice and 33.33: 100%
    assert three.body.answers == {"a", "b", "c"}


def test_moodle_refusals_name_file_and_line() -> None:
    lines = RICH.read_text(encoding="utf-8").splitlines()
    problems = {p.question: p for p in _read().problems}
    bad = problems["Bad fraction"]
    assert str(bad).startswith(f"{RICH}:{bad.line}:")
    assert 'fraction="33"' in lines[bad.line - 1]  # type: ignore[operator]
    assert "not a grade Moodle allows" in bad.message
    assert bad.zh is not None
    assert bad.text("zh").startswith(f"{RICH}:{bad.line}: 题目“Bad fraction”：")
    assert "不是 Moodle 允许的分值" in bad.zh
    assert "add up to 200%" in problems["Too much"].message
    assert "no answer is worth 100%" in problems["No full marks"].message
    assert "description" in problems["Intro"].message
    assert "cloze" in problems["Cloze"].message
    assert all(p.line is not None for p in problems.values())


def test_hostile_html_is_neutralised_and_noted() -> None:
    error = _read()
    hostile = next(q for q in error.pack.questions if q.key == "Hostile")  # a valid id
    assert hostile.prompt.get("en") == "Is the far side dark?"
    notes = " ".join(n.message for n in error.pack.notes if n.question == hostile.key)
    for what in ("a script was left out", "a style sheet", "onerror=", "javascript",
                 "from file:", "an embedded frame"):  # fmt: skip
        assert what in notes
    assert not any("passwd" in name for name in error.pack.media)


def test_read_write_read_keeps_everything(tmp_path: Path) -> None:
    pack = _read().pack
    path = tmp_path / "again.xml"
    export = moodle_xml_text(pack)
    assert export.left_out == ()
    path.write_text(export.text, encoding="utf-8")
    again = load_moodle_xml(path)
    assert again.questions == pack.questions
    assert again.media == pack.media
