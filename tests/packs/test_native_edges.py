"""The editor's check of one question, and a pack's identity (issue 19): each problem
names its field as the teacher wrote it, in words a teacher reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quiz_app.core.errors import PackError
from quiz_app.packs.native import check_question, read_manifest_identity

LOCKED: dict[str, Any] = {
    "id": "q1",
    "type": "true_false",
    "topic": "t",
    "difficulty": 1,
    "prompt": {"en": "Is the Moon tidally locked?"},
    "answer": True,
}


def _check(data: dict[str, Any], media: list[str] | None = None) -> list[tuple[str, str]]:
    return check_question(data, ["t"], ["en"], media or [])


def test_a_sound_question_has_no_problem() -> None:
    assert _check(LOCKED) == []


def test_a_question_without_its_type_says_so() -> None:
    assert _check({k: v for k, v in LOCKED.items() if k != "type"}) == [
        ("", "missing field 'type'")
    ]


def test_an_unknown_language_is_named_with_its_field() -> None:
    assert _check({**LOCKED, "prompt": {"en": "Locked?", "fr": "Verrouillée ?"}}) == [
        (
            "prompt.fr",
            "unknown language 'fr' in 'prompt'; use en (English) or zh (Simplified Chinese)",
        )
    ]


def test_a_blank_text_is_named_by_its_whole_path_without_pydantics_prefix() -> None:
    single = {
        **LOCKED,
        "type": "single",
        "choices": [{"id": "a", "text": {"en": "Yes"}}, {"id": "b", "text": {"en": "  "}}],
        "answer": "a",
    }
    assert _check(single) == [
        (
            "choices.1.text.en",
            "'choices.1.text.en': is blank: write the text, or leave the field out",
        )
    ]


def test_text_without_english_is_refused() -> None:
    assert _check({**LOCKED, "prompt": {"zh": "月球被潮汐锁定了吗？"}}) == [
        ("prompt", "'prompt': needs English text ('en'), the fallback for every learner")
    ]


def test_an_image_is_found_among_the_packs_media() -> None:
    with_image = {**LOCKED, "image": "media/moon.png"}
    assert _check(with_image, ["media/moon.png"]) == []
    assert _check(with_image) == [("image", "image 'media/moon.png' is not in the pack")]


def test_a_folder_without_a_manifest_has_no_identity(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        read_manifest_identity(tmp_path)
    [problem] = caught.value.problems
    assert problem.file == str(tmp_path / "pack.toml")
    assert problem.message.startswith("unreadable: ")


def test_a_manifests_identity(tmp_path: Path) -> None:
    (tmp_path / "pack.toml").write_text('id = "change-missions"\nversion = "1.2.0"\n')
    assert read_manifest_identity(tmp_path) == ("change-missions", "1.2.0")


BILINGUAL = {"id": "q1", "topic": "t", "difficulty": 1, "prompt": {"en": "Q?", "zh": "问？"}}
HALF = "is in en but the prompt is in en and zh: translate every text of a question, or none"


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ({"type": "numeric", "answer": 5, "unit": {"en": "km"}}, "unit"),
        (
            {
                "type": "ordering",
                "items": [
                    {"id": "i1", "text": {"en": "CE-3"}},
                    {"id": "i2", "text": {"en": "CE-4", "zh": "嫦娥四号"}},
                ],
            },
            "items.0.text",
        ),
        (
            {
                "type": "matching",
                "pairs": [
                    {"id": "p1", "left": {"en": "CE-5"}, "right": {"en": "2020", "zh": "2020"}},
                    {
                        "id": "p2",
                        "left": {"en": "CE-6", "zh": "嫦娥六号"},
                        "right": {"en": "2024", "zh": "2024"},
                    },
                ],
            },
            "pairs.0.left",
        ),
    ],
)
def test_every_text_of_a_translated_question_must_be_translated(
    question: dict[str, Any], field: str
) -> None:
    problems = check_question({**BILINGUAL, **question}, ["t"], ["en", "zh"], [])
    assert problems == [(field, f"'{field}' {HALF}")]


def _pack_problems(pack: Path) -> list[str]:
    from quiz_app.packs.native import check_pack

    return [str(p) for p in check_pack(pack)]


def test_a_byte_order_mark_is_no_part_of_a_pack_file(sample_pack: Path) -> None:
    for name in ("pack.toml", "science.toml"):
        path = sample_pack / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _pack_problems(sample_pack) == []


def test_a_file_that_is_not_utf8_is_reported_at_its_line(sample_pack: Path) -> None:
    path = sample_pack / "science.toml"
    lines = path.read_bytes().split(b"\n")
    lines[2] += b" # caf\xe9"
    path.write_bytes(b"\n".join(lines))
    [problem] = _pack_problems(sample_pack)
    assert problem.startswith(f"{path}:3: is not UTF-8 text (byte ")


def test_a_question_file_holds_only_questions(sample_pack: Path) -> None:
    path = sample_pack / "extra.json"
    path.write_text('{"questions": [], "notes": "x", "author": "me"}', encoding="utf-8")
    problems = _pack_problems(sample_pack)
    assert problems == [
        f"{path}: a question file holds only 'questions' (found: author, notes, questions)"
    ]
    path.write_text("[]", encoding="utf-8")
    assert _pack_problems(sample_pack) == [
        f"{path}: a question file holds only 'questions' (found: list)"
    ]


def test_nesting_too_deep_is_refused_as_a_damaged_file(sample_pack: Path) -> None:
    path = sample_pack / "deep.json"
    path.write_text('{"questions": ' + "[" * 3000 + "]" * 3000 + "}", encoding="utf-8")
    assert _pack_problems(sample_pack) == [
        f"{path}: nests lists or tables too deep to be a pack (is the file damaged?)"
    ]


def test_questions_that_are_not_a_list_are_reported_at_their_line(sample_pack: Path) -> None:
    path = sample_pack / "extra.toml"
    path.write_text("# a note\nquestions = 5\n", encoding="utf-8")
    assert _pack_problems(sample_pack) == [
        f"{path}:2: 'questions' must be a list of question tables"
    ]


def test_an_unknown_topic_suggests_the_nearest() -> None:
    question = {**LOCKED, "topic": "far-sid"}
    assert check_question(question, ["far-side", "missions"], ["en"], []) == [
        ("topic", "topic 'far-sid' is not declared in pack.toml (did you mean 'far-side'?)")
    ]


def test_files_in_sub_folders_are_not_question_files(sample_pack: Path) -> None:
    (sample_pack / "drafts").mkdir()
    (sample_pack / "drafts" / "unfinished.toml").write_text("questions = [", encoding="utf-8")
    assert _pack_problems(sample_pack) == []


def test_a_question_of_an_undeclared_topic_is_named_at_its_line(sample_pack: Path) -> None:
    path = sample_pack / "science.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('topic = "science"', 'topic = "sciense"', 1), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row == 'topic = "science"')
    problems = _pack_problems(sample_pack)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:{line}: question ")
    assert "topic 'sciense' is not declared in pack.toml" in problems[0]


def test_a_repeated_id_is_reported_at_the_repeat(sample_pack: Path) -> None:
    path = sample_pack / "science.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('id = "launch-order"', 'id = "tidal-lock"', 1), encoding="utf-8")
    line = next(
        n for n, row in enumerate(text.splitlines(), start=1) if row == 'id = "launch-order"'
    )
    problems = _pack_problems(sample_pack)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:{line}: ")


def test_a_question_that_is_not_a_table_is_a_located_problem(sample_pack: Path) -> None:
    path = sample_pack / "extra.toml"
    path.write_text("questions = [5]\n", encoding="utf-8")
    problems = _pack_problems(sample_pack)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:1: ")


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "'prompt.en': holds a control character (U+0007) at position 5: remove it"),
        ("zh", "“prompt.en”：第 5 个字符是控制字符（U+0007）：请删除它"),
    ],
)
def test_a_control_character_is_named_at_its_position_counted_from_one(
    language: str, said: str
) -> None:
    question = {**LOCKED, "prompt": {"en": "Moon\x07?"}}
    assert check_question(question, ["t"], ["en"], [], language) == [("prompt.en", said)]
    first = {**LOCKED, "prompt": {"en": "\x07Moon?"}}
    assert "at position 1:" in _check(first)[0][1]


@pytest.mark.parametrize("field", ["answer", "tolerance"])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_number_that_is_not_finite_is_refused_in_both_languages(field: str, value: float) -> None:
    numeric = {**LOCKED, "type": "numeric", "answer": 384_400.0, field: value}
    assert check_question(numeric, ["t"], ["en"], []) == [
        (field, f"'{field}': must be a finite number")
    ]
    assert check_question(numeric, ["t"], ["en"], [], "zh") == [
        (field, f"“{field}”：必须是有限的数")
    ]


def test_text_without_english_is_refused_in_chinese_too() -> None:
    question = {**LOCKED, "prompt": {"zh": "月球被潮汐锁定了吗？"}}
    assert check_question(question, ["t"], ["en"], [], "zh") == [
        ("prompt", "“prompt”：需要英文文字（'en'），它是所有学习者的后备语言")
    ]
