"""Self-rated cards in and out of every format that can say "a prompt and its answer"."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.errors import PartialPackError
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.questions import Card, Pack, PackInfo, Question, QuestionType, Topic
from quiz_app.core.text import LocalizedText
from quiz_app.packs.aiken import aiken_text
from quiz_app.packs.gift import load_gift
from quiz_app.packs.moodle_xml import load_moodle_xml
from quiz_app.packs.moodle_xml_out import moodle_xml_text
from quiz_app.packs.native import load_pack
from quiz_app.packs.spreadsheet import csv_text, load_csv
from quiz_app.packs.writer import write_pack

BACK = LocalizedText.of({"en": "1,935.3 g | far side", "zh": "1935.3克"})
CARD = Question(
    QuestionKey("ce6-mass"),
    TopicKey("t"),
    1,
    LocalizedText.of({"en": "How much did Chang'e-6 bring back?", "zh": "嫦娥六号带回了多少？"}),
    Card(BACK),
    explanation=LocalizedText.of({"en": "Announced on 28 June 2024.", "zh": "2024年6月28日公布。"}),
)
PACK = Pack(
    PackInfo(
        PackId("cards"),
        "1.0.0",
        LocalizedText.of("Cards"),
        ("en", "zh"),
        (Topic(TopicKey("t"), LocalizedText.of("T")),),
    ),
    (CARD,),
)


def test_a_card_survives_the_native_format_in_both_languages(tmp_path: Path) -> None:
    write_pack(PACK, tmp_path / "pack")
    assert load_pack(tmp_path / "pack").questions == (CARD,)


def test_a_card_needs_its_back_in_every_language_of_its_prompt(tmp_path: Path) -> None:
    from quiz_app.core.errors import PackError

    write_pack(PACK, tmp_path / "pack")
    questions = tmp_path / "pack" / "t.toml"
    questions.write_text(
        questions.read_text(encoding="utf-8").replace('zh = "1935.3克"', ""), encoding="utf-8"
    )
    with pytest.raises(PackError, match="'back' is in en but the prompt is in en and zh"):
        load_pack(tmp_path / "pack")


def test_a_csv_row_of_type_card_keeps_its_back_whole(tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    path.write_text(csv_text(PACK), encoding="utf-8")
    [read] = load_csv(path).questions
    assert read.body == CARD.body  # the '|' in the back is not a separator here
    assert read.explanation == CARD.explanation


def test_a_gift_essay_with_a_model_answer_becomes_a_card(tmp_path: Path) -> None:
    path = tmp_path / "essays.gift"
    path.write_text(
        "::far-side:: Why can Earth not talk to a far-side lander directly? {\n"
        "####The Moon's own body blocks the radio link.\n}\n\n"
        "::open:: Write about the Moon. {}\n",
        encoding="utf-8",
    )
    with pytest.raises(PartialPackError) as caught:
        load_gift(path)
    [refused] = caught.value.problems
    assert (refused.line, "essay question ({} with no answers)" in refused.message) == (5, True)
    pack = caught.value.pack
    [card] = pack.questions
    assert card.type is QuestionType.CARD
    assert card.body == Card(LocalizedText.of("The Moon's own body blocks the radio link."))
    assert card.explanation is None
    [note] = pack.notes
    assert "becomes a self-rated card" in note.message


def test_a_moodle_essay_becomes_a_card_from_its_grader_information(tmp_path: Path) -> None:
    path = tmp_path / "essays.xml"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="essay">
    <name><text>graded</text></name>
    <questiontext format="html"><text>Which relay serves Chang'e-4?</text></questiontext>
    <generalfeedback format="html"><text>Launched in 2018.</text></generalfeedback>
    <graderinfo format="html"><text><![CDATA[<p>Queqiao</p>]]></text></graderinfo>
    <responsetemplate format="html"><text>Start here</text></responsetemplate>
  </question>
  <question type="essay">
    <name><text>feedback-only</text></name>
    <questiontext format="html"><text>What is KREEP?</text></questiontext>
    <generalfeedback format="html"><text>K, REE and P.</text></generalfeedback>
    <graderinfo format="html"><text></text></graderinfo>
  </question>
  <question type="essay">
    <name><text>nothing</text></name>
    <questiontext format="html"><text>Discuss.</text></questiontext>
    <responsetemplate format="html"><text>A template is not an answer</text></responsetemplate>
  </question>
</quiz>
""",
        encoding="utf-8",
    )
    with pytest.raises(PartialPackError) as caught:
        load_moodle_xml(path)
    [refused] = caught.value.problems
    assert "essay with no model answer" in refused.message
    graded, feedback_only = caught.value.pack.questions
    assert graded.body == Card(LocalizedText.of("Queqiao"))
    assert graded.explanation == LocalizedText.of("Launched in 2018.")
    assert feedback_only.body == Card(LocalizedText.of("K, REE and P."))
    assert feedback_only.explanation is None  # it became the back, not said twice


def test_a_card_goes_to_moodle_as_an_essay_and_comes_back_a_card(tmp_path: Path) -> None:
    for language in ("en", "zh"):
        export = moodle_xml_text(PACK, language)
        assert export.left_out == ()
        [(key, note)] = export.notes
        assert key == "ce6-mass"
        assert "essay" in note.en
        assert "grader information" in note.en
        assert "问答题" in note.zh
        assert '<question type="essay">' in export.text
        path = tmp_path / f"cards-{language}.xml"
        path.write_text(export.text, encoding="utf-8")
        [read] = load_moodle_xml(path).questions
        assert read.body == Card(LocalizedText.of(BACK.get(language)))
        assert read.explanation == LocalizedText.of(CARD.explanation.get(language))  # type: ignore[union-attr]


def test_aiken_cannot_hold_a_card() -> None:
    export = aiken_text(PACK)
    assert [key for key, _ in export.left_out] == ["ce6-mass"]
