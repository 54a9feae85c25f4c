"""Native packs as a teacher meets them, through the fast reader the import uses: a clean
pack is stored as reading it whole would store it, and a pack with any problem is told
every problem as the full reader tells it. Each test pins one behaviour that a full
mutation run of packs/native.py (issue 19) found unpinned."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from quiz_app.core.errors import PackError
from quiz_app.core.importing import EncodedPack, encode_pack
from quiz_app.packs.files import read_pack_files
from quiz_app.packs.native import (
    UncleanPackError,
    check_question,
    encode_clean_pack,
    load_pack,
    load_pack_encoded,
)


def _stored(pack: EncodedPack) -> tuple[Any, ...]:
    return (pack.info, tuple(pack.questions), dict(pack.media), pack.origin, pack.digest)


def _question(qid: str = "ce4", **fields: Any) -> dict[str, Any]:
    return {
        "id": qid,
        "type": "true_false",
        "topic": "far-side",
        "difficulty": 2,
        "prompt": {"en": "Did Chang'e-4 land on the far side?"},
        "answer": True,
    } | fields


def _pack(folder: Path, questions: list[dict[str, Any]], **manifest: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    head = {
        "format": 1,
        "id": "far-side",
        "version": "1.0.0",
        "title": {"en": "Far side"},
        "languages": ["en"],
        "topics": [{"id": "far-side", "title": {"en": "Far side"}}],
    } | manifest
    (folder / "pack.toml").write_text(tomli_w.dumps(head), encoding="utf-8")
    (folder / "questions.json").write_text(
        json.dumps({"questions": questions}, ensure_ascii=False), encoding="utf-8"
    )
    return folder


def _said(read: Any, folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        read(folder)
    return [f"{p.file}:{p.line}: {p.message} / {p.zh}" for p in caught.value.problems]


def _clean_and_whole(folder: Path) -> EncodedPack:
    fast = encode_clean_pack(read_pack_files(folder))  # no fallback: it is clean
    assert _stored(fast) == _stored(encode_pack(load_pack(folder)))
    return fast


# -- a clean pack is stored as when read whole -------------------------------------------
def test_the_feedback_on_a_multiple_response_choice_is_stored(tmp_path: Path) -> None:
    landers = _question(
        "landers",
        type="multiple",
        prompt={"en": "Which landed on the Moon?"},
        choices=[
            {"id": "a", "text": {"en": "Chang'e-3"}, "feedback": {"en": "2013, near side."}},
            {"id": "b", "text": {"en": "Chang'e-4"}, "feedback": {"en": "2019, far side."}},
            {"id": "c", "text": {"en": "Chang'e-1"}, "feedback": {"en": "An orbiter."}},
        ],
        answers=["a", "b"],
    )
    del landers["answer"]
    fast = _clean_and_whole(_pack(tmp_path / "pack", [landers]))
    assert "2019, far side." in fast.questions[0].content.decode()


def test_a_toml_question_file_saved_with_a_byte_order_mark_is_read_by_the_fast_reader(
    tmp_path: Path,
) -> None:
    folder = _pack(tmp_path / "pack", [])
    (folder / "questions.json").unlink()
    text = tomli_w.dumps({"questions": [_question()]})
    (folder / "questions.toml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert len(_clean_and_whole(folder).questions) == 1


def test_a_question_file_in_a_sub_folder_is_not_a_question_file(tmp_path: Path) -> None:
    """A draft kept in a sub-folder is not imported, by either reader."""
    folder = _pack(tmp_path / "pack", [_question()])
    (folder / "drafts").mkdir()
    (folder / "drafts" / "week-4.toml").write_text(
        tomli_w.dumps({"questions": [_question("draft")]}), encoding="utf-8"
    )
    assert [q.key for q in _clean_and_whole(folder).questions] == ["ce4"]


# -- a pack with a problem is told it as the full reader tells it ------------------------
@pytest.mark.parametrize(
    ("questions", "manifest", "words"),
    [
        (
            [_question()],
            {
                "topics": [
                    {"id": "far-side", "title": {"en": "Far side"}},
                    {"id": "far-side", "title": {"en": "Again"}},
                ]
            },
            "duplicate topic id 'far-side'",
        ),
        ([_question(topic="near-side")], {}, "topic 'near-side' is not declared"),
        (
            [_question(prompt={"en": "Which crater? ![map](media/crater.png)"})],
            {},
            "image 'media/crater.png' in its text is not in the pack",
        ),
    ],
    ids=["duplicate topic", "undeclared topic", "missing image"],
)
def test_a_pack_with_a_problem_is_refused_by_the_import_as_by_the_full_reader(
    tmp_path: Path, questions: list[dict[str, Any]], manifest: dict[str, Any], words: str
) -> None:
    folder = _pack(tmp_path / "pack", questions, **manifest)
    with pytest.raises(UncleanPackError):
        encode_clean_pack(read_pack_files(folder))
    said = _said(load_pack_encoded, folder)
    assert said == _said(load_pack, folder)
    assert any(words in s for s in said)


@pytest.mark.parametrize(
    "field",
    [
        {"explanation": {"en": "Von Kármán crater."}},
        {"image_alt": {"en": "The crater"}, "image": "media/crater.png"},
        {"type": "short_text", "accept": {"en": ["Queqiao"]}},
        {
            "type": "matching",
            "pairs": [
                {"id": "p1", "left": {"en": "CE-4", "zh": "嫦娥四号"}, "right": {"en": "2019"}},
                {
                    "id": "p2",
                    "left": {"en": "CE-5", "zh": "嫦娥五号"},
                    "right": {"en": "2020", "zh": "2020"},
                },
            ],
        },
    ],
    ids=["explanation", "image_alt", "accept", "right of a pair"],
)
def test_a_text_left_untranslated_is_named(tmp_path: Path, field: dict[str, Any]) -> None:
    question = _question(prompt={"en": "Far side?", "zh": "背面？"}, **field)
    if field.get("type") in ("short_text", "matching"):
        del question["answer"]
    folder = _pack(tmp_path / "pack", [question], languages=["en", "zh"])
    name = {"explanation": "explanation", "image_alt": "image_alt", "accept": "accept"}.get(
        next(iter(k for k in field if k not in ("image", "type"))), "pairs.0.right"
    )
    said = _said(load_pack, folder)
    assert any(f"'{name}' is in en but the prompt is in en and zh" in s for s in said)
    assert _said(load_pack_encoded, folder) == said


@pytest.mark.parametrize("side", ["left", "right"])
def test_a_side_left_untranslated_in_every_pair_is_named(tmp_path: Path, side: str) -> None:
    other = "right" if side == "left" else "left"
    pairs = [
        {"id": f"p{i}", side: {"en": en}, other: {"en": en, "zh": zh}}
        for i, (en, zh) in enumerate([("CE-4", "嫦娥四号"), ("CE-5", "嫦娥五号")], start=1)
    ]
    question = _question(prompt={"en": "Match.", "zh": "配对。"}, type="matching", pairs=pairs)
    del question["answer"]
    folder = _pack(tmp_path / "pack", [question], languages=["en", "zh"])
    said = _said(load_pack, folder)
    for i in (0, 1):
        assert any(f"'pairs.{i}.{side}' is in en but the prompt is in en and zh" in s for s in said)


def test_a_retired_id_is_told_why_in_both_languages(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "pack", [_question("old")], retired=["old"])
    [problem] = _said(load_pack, folder)
    assert problem.endswith(
        ": this id is retired (pack.toml 'retired'): it once named another question, and "
        "learners' answers to that one would attach to this; give it a new id / "
        "此 id 已停用（见 pack.toml 的“retired”）：它曾用于另一道题，"
        "学习者对那道题的作答会被算到这道题上；请给它一个新的 id"
    )


def test_an_undeclared_group_unlike_any_declared_is_named_without_a_guess(
    tmp_path: Path,
) -> None:
    folder = _pack(tmp_path / "pack", [_question(group="rovers")], groups=[{"id": "landers"}])
    [problem] = _said(load_pack, folder)
    assert problem.endswith(
        ": group 'rovers' is not declared in pack.toml / 组“rovers”未在 pack.toml 中声明"
    )


def test_a_question_that_fails_validation_still_counts_its_id(tmp_path: Path) -> None:
    """A repeated id is said even when the question repeating it has another problem."""
    folder = _pack(tmp_path / "pack", [_question(), _question(difficulty=9)])
    said = _said(load_pack, folder)
    assert any("duplicate question id; first used in questions.json" in s for s in said)
    assert any("difficulty" in s for s in said)


def test_an_image_beside_pack_toml_is_the_questions_image(tmp_path: Path) -> None:
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5E"
        "rkJggg=="
    )
    folder = _pack(tmp_path / "pack", [_question(image="crater.png")])
    (folder / "crater.png").write_bytes(png)
    pack = load_pack(folder)
    assert pack.media == {"crater.png": png}
    assert _clean_and_whole(folder).media == {"crater.png": png}


def test_each_schema_problem_is_told_at_its_own_line_in_both_languages(tmp_path: Path) -> None:
    """A choice missing its text is told at that choice, not at the first; an unknown
    language names it and the text holding it; a question whose id is not text is not
    named by it (from the second full run of native.py, issue 19)."""
    folder = _pack(tmp_path / "pack", [])
    (folder / "questions.json").unlink()
    (folder / "questions.toml").write_text(
        "[[questions]]\n"
        'id = "relay"\n'
        'type = "single"\n'
        'topic = "far-side"\n'
        "difficulty = 2\n"
        'prompt = { en = "Which relay?" }\n'
        'answer = "a"\n'
        "\n"
        "[[questions.choices]]\n"
        'id = "a"\n'
        'text = { en = "Queqiao", fr = "Pont-pie" }\n'
        "\n"
        "[[questions.choices]]\n"
        'id = "b"\n'
        "\n"
        "[[questions]]\n"
        'id = ["ce4"]\n'
        'topic = "far-side"\n'
        "difficulty = 2\n"
        'prompt = { en = "Far side?" }\n'
        "answer = true\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    file = str(folder / "questions.toml")
    assert [(p.text("en"), p.text("zh")) for p in caught.value.problems] == [
        (
            f"{file}:11: question 'relay': unknown language 'fr' in 'choices.0.text'; "
            "use en (English) or zh (Simplified Chinese)",
            f"{file}:11: 题目“relay”：“choices.0.text”中的语言“fr”未知；"
            "请用 en（英文）或 zh（简体中文）",
        ),
        (
            f"{file}:13: question 'relay': missing field 'choices.1.text'",
            f"{file}:13: 题目“relay”：缺少字段“choices.1.text”",
        ),
        (f"{file}:16: missing field 'type'", f"{file}:16: 缺少字段“type”"),
    ]


def test_the_editor_says_a_question_of_a_bilingual_pack_lacks_chinese() -> None:
    question = _question(type="true_false")
    assert check_question(question, ["far-side"], ["en", "zh"], []) == [
        ("prompt", "has no zh text, but pack.toml lists zh in 'languages'")
    ]
    assert check_question(question, ["far-side"], ["en"], []) == []
    chinese = _question(type="true_false", prompt={"en": "Far side?", "zh": "背面？"})
    assert check_question(chinese, ["far-side"], ["en"], []) == [
        ("prompt", "has zh text, but pack.toml does not list zh in 'languages'")
    ]


def test_a_manifest_without_question_files_is_told_so_in_both_languages(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "pack", [])
    (folder / "questions.json").unlink()
    assert _said(load_pack, folder) == [
        f"{folder / 'pack.toml'}:None: the pack has no question files (*.toml or *.json "
        "beside pack.toml) / 题包中没有题目文件（pack.toml 旁边的 *.toml 或 *.json 文件）"
    ]


def test_questions_that_are_not_a_list_are_told_so_in_chinese(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "pack", [])
    (folder / "questions.json").write_text('{"questions": 5}', encoding="utf-8")
    assert _said(load_pack, folder) == [
        f"{folder / 'questions.json'}:1: 'questions' must be a list of question tables"
        " / “questions”必须是题目表的列表"
    ]


def test_a_problem_of_the_whole_manifest_comes_before_those_at_its_lines(tmp_path: Path) -> None:
    """A missing field has no line: it is listed first, then the file's lines in order."""
    folder = _pack(tmp_path / "pack", [_question()])
    manifest = (folder / "pack.toml").read_text("utf-8").splitlines()
    kept = [line for line in manifest if not line.startswith(("version", "format"))]
    (folder / "pack.toml").write_text("\n".join(["format = 2", *kept]) + "\n", encoding="utf-8")
    assert _said(load_pack, folder) == [
        f"{folder / 'pack.toml'}:None: missing field 'version' / 缺少字段“version”",
        f"{folder / 'pack.toml'}:1: 'format': input should be 1 / “format”：应为 1",
    ]


def test_a_question_file_holding_none_is_told_so_in_both_languages(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "pack", [])
    assert _said(load_pack, folder) == [
        f"{folder / 'questions.json'}:None: holds no questions: a pack needs at least one"
        " / 没有题目：题包至少需要一道题"
    ]


@pytest.mark.parametrize(
    ("fields", "where", "zh"),
    [
        (
            {"type": "single", "answer": "a", "choices": [{"text": {"en": "Queqiao"}}]},
            "choices",
            "choices 中的 id“a”重复",
        ),
        ({"type": "ordering", "items": [{"text": {"en": "Launch"}}]}, "items", None),
        (
            {"type": "matching", "pairs": [{"left": {"en": "L"}, "right": {"en": "R"}}]},
            "pairs",
            None,
        ),
    ],
)
def test_an_id_repeated_among_choices_items_or_pairs_is_named(
    fields: dict[str, Any], where: str, zh: str | None
) -> None:
    """A second choice (item, pair) with the id of the first would be graded as the
    first: the editor and the import name it."""
    [entry] = fields[where]
    second = {key: {"en": text["en"] + " 2"} for key, text in entry.items()}
    question = _question(**fields | {where: [{"id": "a", **entry}, {"id": "a", **second}]})
    if "answer" not in fields:  # an ordering or matching question has none
        del question["answer"]
    said = [(f"{where}.1.id", f"duplicate id 'a' in {where}")]
    assert check_question(question, ["far-side"], ["en"], []) == said
    if zh:
        assert check_question(question, ["far-side"], ["en"], [], "zh") == [(f"{where}.1.id", zh)]


def test_a_topic_unlike_any_declared_is_named_without_a_guess() -> None:
    question = _question(topic="zzzz")
    assert check_question(question, ["far-side"], ["en"], []) == [
        ("topic", "topic 'zzzz' is not declared in pack.toml")
    ]


def test_two_items_that_read_the_same_are_named() -> None:
    """A learner ordering two steps written alike could not tell them apart."""
    question = _question(
        type="ordering",
        items=[
            {"id": "a", "text": {"en": "Launch"}},
            {"id": "b", "text": {"en": "Landing"}},
            {"id": "c", "text": {"en": " launch"}},
        ],
    )
    del question["answer"]
    assert check_question(question, ["far-side"], ["en"], []) == [
        ("items.2.text", "two items read the same (' launch'): a learner could not tell them apart")
    ]


def test_an_answer_listed_twice_is_told_at_the_answers() -> None:
    choices = [{"id": "a", "text": {"en": "Chang'e-3"}}, {"id": "b", "text": {"en": "Chang'e-4"}}]
    question = _question(type="multiple", choices=choices, answers=["a", "a"])
    del question["answer"]
    assert check_question(question, ["far-side"], ["en"], []) == [
        ("answers", "the same answer is listed twice")
    ]


def test_pairs_alike_on_one_side_are_told_at_that_side() -> None:
    pairs = [
        {"id": "a", "left": {"en": "Yutu-2"}, "right": {"en": "rover"}},
        {"id": "b", "left": {"en": "Yutu-2"}, "right": {"en": "relay"}},
        {"id": "c", "left": {"en": "Queqiao"}, "right": {"en": "relay"}},
    ]
    question = _question(type="matching", pairs=pairs)
    del question["answer"]
    assert check_question(question, ["far-side"], ["en"], []) == [
        ("pairs.1.left", "two pairs have the same left text 'Yutu-2'"),
        ("pairs.2.right", "two pairs have the same right text 'relay'"),
    ]


def test_an_image_problem_is_told_at_the_image_field() -> None:
    """The editor shows each beside its field: an image of a kind no screen shows (the
    kinds listed), one the pack lacks, and a description of an image there is not."""

    def said(**fields: Any) -> list[tuple[str, str]]:
        return check_question(_question(**fields), ["far-side"], ["en"], [])

    assert said(image="crater.bmp") == [
        ("image", "image 'crater.bmp' is not one of .png, .jpg, .jpeg, .svg, .webp")
    ]
    assert said(image="crater.png") == [("image", "image 'crater.png' is not in the pack")]
    assert said(image_alt={"en": "A crater"}) == [
        ("image_alt", "'image_alt' describes an image, but the question has no 'image'")
    ]
    alt_only = _question(image_alt={"en": "A crater"})
    assert check_question(alt_only, ["far-side"], ["en"], [], "zh") == [
        ("image_alt", "“image_alt”描述的是图片，但这道题没有“image”")
    ]


def test_an_image_drawn_in_a_text_is_told_once_at_the_questions_id(tmp_path: Path) -> None:
    """A missing image is told at the id of the question whose text draws it; a broken
    one at the first question drawing it, not again at every other."""
    folder = _pack(tmp_path / "pack", [])
    (folder / "questions.json").unlink()
    head = '\n[[questions]]\nid = "{}"\ntype = "true_false"\ntopic = "far-side"\ndifficulty = 2\n'
    (folder / "questions.toml").write_text(
        head.format("ce4")
        + 'prompt = { en = "Far side? ![Crater](crater.png)" }\nanswer = true\n'
        + head.format("ce6")
        + 'prompt = { en = "Samples? ![Map](map.png)" }\nanswer = true\n'
        + 'explanation = { en = "![Map](map.png)" }\n'
        + head.format("ce5")
        + 'prompt = { en = "Near side? ![Map](map.png)" }\nanswer = true\n',
        encoding="utf-8",
    )
    (folder / "map.png").write_bytes(b"not a png at all")
    file = folder / "questions.toml"
    assert _said(load_pack, folder) == [
        f"{file}:3: image 'crater.png' in its text is not in the pack"
        " / 文字中的图片“crater.png”不在题包中",
        f"{file}:11: image 'map.png' is not a PNG, JPEG, WebP or SVG image"
        " / 图片“map.png”不是 PNG、JPEG、WebP 或 SVG 图片",
    ]


def test_a_broken_image_is_told_once_and_an_invalid_questions_topic_at_its_line(
    tmp_path: Path,
) -> None:
    """Two questions showing one broken image are told once, at the first one's image;
    a question that fails validation is still told its topic is undeclared, there."""
    folder = _pack(tmp_path / "pack", [])
    (folder / "questions.json").unlink()
    head = '\n[[questions]]\nid = "{}"\ntype = "true_false"\ndifficulty = {}\nanswer = true\n'
    (folder / "questions.toml").write_text(
        head.format("ce4", 2)
        + 'topic = "far-side"\nprompt = { en = "Far side?" }\nimage = "map.png"\n'
        + head.format("ce5", 2)
        + 'topic = "far-side"\nprompt = { en = "Near side?" }\nimage = "map.png"\n'
        + head.format("ce6", 9)
        + 'prompt = { en = "Samples?" }\ntopic = "near-side"\n',
        encoding="utf-8",
    )
    (folder / "map.png").write_bytes(b"not a png at all")
    file = folder / "questions.toml"
    said = [s.split(" / ")[0] for s in _said(load_pack, folder)]
    assert said == [
        f"{file}:9: image 'map.png' is not a PNG, JPEG, WebP or SVG image",
        f"{file}:23: 'difficulty': input should be less than or equal to 3",
        f"{file}:26: topic 'near-side' is not declared in pack.toml",
    ]


def test_a_question_file_not_in_utf8_is_told_the_line_and_byte(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "pack", [])
    (folder / "questions.json").unlink()
    (folder / "questions.toml").write_bytes(b'# week 3\nprompt = "Chang\xe9-4"\n')
    assert _said(load_pack, folder) == [
        f"{folder / 'questions.toml'}:2: is not UTF-8 text (byte 24); save it as UTF-8"
        " / 不是 UTF-8 文本（第 24 字节）；请以 UTF-8 保存"
    ]


def test_a_toml_file_cut_short_is_told_so_without_a_line(tmp_path: Path) -> None:
    """tomllib names no line for an error at the end of the file: the message keeps its
    own words and the problem has no line."""
    folder = _pack(tmp_path / "pack", [])
    (folder / "questions.json").unlink()
    (folder / "questions.toml").write_text("questions = [", encoding="utf-8")
    assert _said(load_pack, folder) == [
        f"{folder / 'questions.toml'}:None: TOML syntax error: Invalid value (at end of"
        " document) / TOML 语法错误：Invalid value (at end of document)"
    ]


def test_a_pack_without_pack_toml_is_told_so_in_chinese(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "pack", [_question()])
    (folder / "pack.toml").unlink()
    assert _said(load_pack, folder) == [
        f"{folder / 'pack.toml'}:None: missing: every pack needs a pack.toml manifest"
        " / 缺失：每个题包都需要清单文件 pack.toml"
    ]


def test_a_repeated_topic_is_told_at_its_id_line(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "pack", [_question()])
    (folder / "pack.toml").write_text(
        'format = 1\nid = "far-side"\nversion = "1.0.0"\ntitle = { en = "Far side" }\n'
        'languages = ["en"]\n\n[[topics]]\nid = "far-side"\ntitle = { en = "Far side" }\n'
        '\n[[topics]]\nid = "far-side"\ntitle = { en = "Far side again" }\n',
        encoding="utf-8",
    )
    assert _said(load_pack, folder) == [
        f"{folder / 'pack.toml'}:12: duplicate topic id 'far-side' / 主题 id“far-side”重复"
    ]


def test_a_repeated_group_is_told_at_its_id_line(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "pack", [_question()])
    (folder / "pack.toml").write_text(
        'format = 1\nid = "far-side"\nversion = "1.0.0"\ntitle = { en = "Far side" }\n'
        'languages = ["en"]\ntopics = [{ id = "far-side", title = { en = "Far side" } }]\n'
        '\n[[groups]]\nid = "landers"\n\n[[groups]]\nid = "landers"\n',
        encoding="utf-8",
    )
    assert _said(load_pack, folder) == [
        f"{folder / 'pack.toml'}:12: duplicate group id 'landers' / 组 id“landers”重复"
    ]
