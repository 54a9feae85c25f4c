"""Every bad input is reported with file, line and question, and imports nothing."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest

from quiz_app.core.errors import PackError
from quiz_app.core.questions import ShortText
from quiz_app.core.text import LocalizedList
from quiz_app.packs import limits
from quiz_app.packs.native import check_pack, load_pack
from quiz_app.services.packs import import_pack
from quiz_app.storage import Database
from tests.conftest import snapshot


def _problems(path: Path) -> list[str]:
    return [str(p) for p in check_pack(path)]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def _assert_refused_and_bank_unchanged(database: Database, pack: Path, *expected: str) -> None:
    before = snapshot(database)
    with pytest.raises(PackError) as caught:
        import_pack(database, pack)
    message = str(caught.value)
    for part in expected:
        assert re.search(part, message), f"{part!r} not in:\n{message}"
    assert snapshot(database) == before


def test_the_sample_pack_is_clean(sample_pack: Path) -> None:
    assert check_pack(sample_pack) == []
    pack = load_pack(sample_pack)
    assert len(pack.questions) == 7
    assert set(pack.media) == {"media/moon.svg"}


def test_toml_syntax_error_names_file_and_line(sample_pack: Path, database: Database) -> None:
    target = sample_pack / "science.toml"
    _replace(
        target, 'difficulty = 1\nprompt.en = "The Moon', 'difficulty = \nprompt.en = "The Moon'
    )
    line = _line_of(target, "difficulty = ")
    problems = _problems(sample_pack)
    assert len(problems) == 1
    assert re.fullmatch(rf".*science\.toml:{line}: TOML syntax error: .*", problems[0])
    _assert_refused_and_bank_unchanged(database, sample_pack, rf"science\.toml:{line}")


def test_json_syntax_error_names_file_and_line(sample_pack: Path, database: Database) -> None:
    (sample_pack / "extra.json").write_text('{"questions": [\n  {"id": "x",\n  }\n]}\n')
    problems = _problems(sample_pack)
    assert problems == [
        f"{sample_pack}/extra.json:3: JSON syntax error: "
        "Expecting property name enclosed in double quotes (column 3)"
    ]
    _assert_refused_and_bank_unchanged(database, sample_pack, r"extra\.json:3")


def test_unknown_type(sample_pack: Path, database: Database) -> None:
    target = sample_pack / "science.toml"
    _replace(target, 'type = "true_false"', 'type = "essay"')
    line = _line_of(target, 'type = "essay"')
    assert _problems(sample_pack) == [
        f"{target}:{line}: question 'tidal-lock': unknown question type 'essay'; the types "
        "are card, matching, multiple, numeric, ordering, short_text, single, true_false"
    ]
    _assert_refused_and_bank_unchanged(database, sample_pack, "unknown question type 'essay'")


def test_duplicate_id_across_files(sample_pack: Path, database: Database) -> None:
    target = sample_pack / "science.toml"
    _replace(target, 'id = "tidal-lock"', 'id = "ce5-mass"')
    line = _line_of(target, 'id = "ce5-mass"')
    assert _problems(sample_pack) == [
        f"{target}:{line}: question 'ce5-mass': duplicate question id; first used in missions.toml"
    ]
    _assert_refused_and_bank_unchanged(database, sample_pack, "duplicate question id")


def test_answer_that_points_at_no_choice(sample_pack: Path, database: Database) -> None:
    target = sample_pack / "missions.toml"
    _replace(target, 'answer = "b"', 'answer = "e"')
    line = _line_of(target, 'answer = "e"')
    assert _problems(sample_pack) == [
        f"{target}:{line}: question 'far-side-first': answer 'e' is not one of the choices "
        "(a, b, c)"
    ]
    _assert_refused_and_bank_unchanged(database, sample_pack, "answer 'e' is not one of")


def test_multiple_answer_that_points_at_no_choice(sample_pack: Path) -> None:
    target = sample_pack / "missions.toml"
    _replace(target, 'answers = ["ce5", "ce6"]', 'answers = ["ce5", "ce7"]')
    assert _problems(sample_pack) == [
        f"{target}:{_line_of(target, 'answers =')}: question 'sample-returns': answer 'ce7' "
        "is not one of the choices (ce3, ce4, ce5, ce6)"
    ]


def test_numeric_answer_without_a_value(sample_pack: Path, database: Database) -> None:
    target = sample_pack / "missions.toml"
    _replace(target, "answer = 1731\n", "")
    line = _line_of(target, 'id = "ce5-mass"') - 1  # the [[questions]] header
    assert _problems(sample_pack) == [
        f"{target}:{line}: question 'ce5-mass': missing field 'answer'"
    ]
    _assert_refused_and_bank_unchanged(database, sample_pack, "missing field 'answer'")


def test_missing_media_file(sample_pack: Path, database: Database) -> None:
    (sample_pack / "media" / "moon.svg").unlink()
    target = sample_pack / "missions.toml"
    line = _line_of(target, 'image = "media/moon.svg"')
    assert _problems(sample_pack) == [
        f"{target}:{line}: question 'far-side-first': image 'media/moon.svg' is not in the pack"
    ]
    _assert_refused_and_bank_unchanged(database, sample_pack, "is not in the pack")


def test_translation_for_some_fields_but_not_others(sample_pack: Path, database: Database) -> None:
    target = sample_pack / "science.toml"
    _replace(
        target, 'explanation.zh = "月球每公转一周恰好自转一周，所以总是同一面朝向地球。"\n', ""
    )
    line = _line_of(target, 'explanation.en = "It rotates')
    assert _problems(sample_pack) == [
        f"{target}:{line}: question 'tidal-lock': 'explanation' is in en but the prompt is in "
        "en and zh: translate every text of a question, or none"
    ]
    _assert_refused_and_bank_unchanged(database, sample_pack, "translate every text")


def test_question_missing_a_declared_language(sample_pack: Path) -> None:
    target = sample_pack / "science.toml"
    text = target.read_text(encoding="utf-8")
    start = text.index('id = "tidal-lock"')
    end = text.index("[[questions]]", start)
    block = "\n".join(line for line in text[start:end].splitlines() if ".zh" not in line)
    target.write_text(text[:start] + block + "\n\n" + text[end:], encoding="utf-8")
    line = _line_of(target, 'prompt.en = "The Moon')
    assert _problems(sample_pack) == [
        f"{target}:{line}: question 'tidal-lock': has no "
        "zh text, but pack.toml lists zh in 'languages'"
    ]


def test_misspelt_field_suggests_the_right_one(sample_pack: Path) -> None:
    target = sample_pack / "science.toml"
    _replace(target, "answer = false", "answer = false\nexplantion = 'x'")
    assert _problems(sample_pack) == [
        f"{target}:{_line_of(target, 'explantion')}: question 'tidal-lock': unknown field "
        "'explantion' (did you mean 'explanation'?)"
    ]


def test_wrong_value_types_are_reported_not_coerced(sample_pack: Path) -> None:
    target = sample_pack / "science.toml"
    _replace(
        target, 'difficulty = 1\nprompt.en = "The Moon', 'difficulty = "1"\nprompt.en = "The Moon'
    )
    line = _line_of(target, 'difficulty = "1"')
    [problem] = _problems(sample_pack)
    assert problem.startswith(
        f"{target}:{line}: question 'tidal-lock': 'difficulty': input should be a valid integer"
    )


def test_every_problem_is_reported_at_once(sample_pack: Path) -> None:
    _replace(sample_pack / "missions.toml", 'answer = "b"', 'answer = "z"')
    _replace(sample_pack / "science.toml", 'type = "true_false"', 'type = "essay"')
    (sample_pack / "media" / "moon.svg").unlink()
    problems = _problems(sample_pack)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "question 'far-side-first': answer 'z' is not one of the choices (a, b, c)",
        "question 'far-side-first': image 'media/moon.svg' is not in the pack",
        "question 'tidal-lock': unknown question type 'essay'; the types are card, matching, "
        "multiple, numeric, ordering, short_text, single, true_false",
    ]


def test_file_over_the_size_limit(
    sample_pack: Path, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "QUESTION_FILE_MAX", 1000)
    problems = _problems(sample_pack)
    assert any(
        re.fullmatch(r".*missions\.toml: file is [\d,]+ bytes, over the limit of 1,000 bytes", p)
        for p in problems
    ), problems
    _assert_refused_and_bank_unchanged(database, sample_pack, "over the limit")


def test_not_utf8(sample_pack: Path, database: Database) -> None:
    target = sample_pack / "science.toml"
    target.write_bytes(target.read_bytes().replace("月球".encode(), "月球".encode("gbk"), 1))
    [problem] = _problems(sample_pack)
    assert re.fullmatch(rf"{re.escape(str(target))}:\d+: is not UTF-8 text .*", problem)
    _assert_refused_and_bank_unchanged(database, sample_pack, "is not UTF-8")


def test_symbolic_link_in_a_folder_pack(
    sample_pack: Path, database: Database, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.svg"
    secret.write_text("<svg/>")
    os.symlink(secret, sample_pack / "media" / "link.svg")
    assert _problems(sample_pack) == [
        f"{sample_pack}/media/link.svg: is a symbolic link; packs may not hold links"
    ]
    _assert_refused_and_bank_unchanged(database, sample_pack, "symbolic link")


def _zip(
    folder: Path, target: Path, extra: dict[str, bytes] | None = None, links: tuple[str, ...] = ()
) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
        for name in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o120777 << 16
            archive.writestr(info, "/etc/passwd")
    return target


def test_zip_pack_imports_like_its_folder(
    sample_pack: Path, database: Database, tmp_path: Path
) -> None:
    archive = _zip(sample_pack, tmp_path / "sample.zip")
    assert check_pack(archive) == []
    plan = import_pack(database, archive)
    assert len(plan.added) == 7


_ESCAPES = "has '..' in its path, which would leave the pack's folder"
_ABSOLUTE = "has an absolute path; a pack's entries must be relative"


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("../evil.toml", _ESCAPES),
        ("media/../../evil.svg", _ESCAPES),
        ("/etc/evil.toml", _ABSOLUTE),
        ("C:/evil.toml", _ABSOLUTE),
    ],
)
def test_zip_entries_that_escape_the_pack(
    sample_pack: Path, database: Database, tmp_path: Path, entry: str, reason: str
) -> None:
    archive = _zip(sample_pack, tmp_path / "evil.zip", {entry: b"x"})
    assert _problems(archive) == [f"{archive}!/{entry}: {reason}"]
    _assert_refused_and_bank_unchanged(database, archive, re.escape(reason))


def test_zip_symbolic_link(sample_pack: Path, database: Database, tmp_path: Path) -> None:
    archive = _zip(sample_pack, tmp_path / "link.zip", links=("media/passwd.svg",))
    assert _problems(archive) == [
        f"{archive}!/media/passwd.svg: is a symbolic link; packs may not hold links"
    ]
    _assert_refused_and_bank_unchanged(database, archive, "symbolic link")


def test_zip_bomb_is_refused_without_expanding_it(
    sample_pack: Path, database: Database, tmp_path: Path
) -> None:
    archive = _zip(sample_pack, tmp_path / "bomb.zip", {"media/bomb.svg": b"\0" * (4 << 20)})
    assert _problems(archive) == [
        f"{archive}!/media/bomb.svg: expands more than 100 times its packed size (a zip bomb?)"
    ]
    _assert_refused_and_bank_unchanged(database, archive, "zip bomb")


def test_not_a_zip(tmp_path: Path, database: Database) -> None:
    fake = tmp_path / "fake.zip"
    fake.write_text("hello")
    [problem] = _problems(fake)
    assert problem.startswith(f"{fake}: is not a readable .zip file")
    _assert_refused_and_bank_unchanged(database, fake, "not a readable")


def test_missing_manifest_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert _problems(tmp_path / "empty") == [
        f"{tmp_path}/empty/pack.toml: missing: every pack needs a pack.toml manifest"
    ]
    assert _problems(tmp_path / "nowhere") == [f"{tmp_path}/nowhere: no such file or folder"]


def test_manifest_problems_have_lines(sample_pack: Path) -> None:
    target = sample_pack / "pack.toml"
    _replace(target, 'version = "1.0.0"', 'version = "1.0"')
    assert _problems(sample_pack) == [
        f"{target}:3: 'version': string should match pattern "
        "'^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$'"
    ]


def test_json_question_files_are_read_and_located(sample_pack: Path) -> None:
    (sample_pack / "more.json").write_text(
        '{"questions": [\n'
        ' {"id": "j1", "type": "true_false", "topic": "science", "difficulty": 1,\n'
        '  "prompt": {"en": "Q", "zh": "问"}, "answer": true},\n'
        ' {"id": "j2", "type": "single", "topic": "science", "difficulty": 1,\n'
        '  "prompt": {"en": "Q", "zh": "问"},\n'
        '  "choices": [{"id": "a", "text": {"en": "A", "zh": "甲"}},\n'
        '              {"id": "b", "text": {"en": "B"}}],\n'
        '  "answer": "a"}\n'
        "]}\n",
        encoding="utf-8",
    )
    assert _problems(sample_pack) == [
        f"{sample_pack}/more.json:7: question 'j2': 'choices.1.text' is in en but the prompt "
        "is in en and zh: translate every text of a question, or none"
    ]


@pytest.mark.parametrize(
    ("svg", "reason"),
    [
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>',
            "refers to something outside itself ('file:///etc/passwd')",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            '<image xlink:href="../secret.png"/></svg>',
            "refers to something outside itself ('../secret.png')",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(http://x.test/a)"/>'
            "</svg>",
            "refers to something outside itself ('http://x.test/a')",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "contains <script>",
        ),
        (
            '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
            "contains <!DOCTYPE>",
        ),
    ],
)
def test_an_svg_that_reaches_outside_the_pack_is_refused(
    sample_pack: Path, database: Database, svg: str, reason: str
) -> None:
    (sample_pack / "media" / "moon.svg").write_text(svg, encoding="utf-8")
    target = sample_pack / "missions.toml"
    line = _line_of(target, 'image = "media/moon.svg"')
    [problem] = _problems(sample_pack)
    assert problem.startswith(
        f"{target}:{line}: question 'far-side-first': image 'media/moon.svg' {reason}"
    )
    _assert_refused_and_bank_unchanged(database, sample_pack, re.escape(reason))


def test_an_svg_with_internal_references_is_fine(sample_pack: Path) -> None:
    (sample_pack / "media" / "moon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
        '<rect fill="url(#g)" width="10" height="10"/><use href="#g"/></svg>',
        encoding="utf-8",
    )
    assert check_pack(sample_pack) == []


def test_choice_feedback_and_a_title_are_read_and_kept(sample_pack: Path) -> None:
    from quiz_app.core.serialize import question_from_dict, question_to_dict

    target = sample_pack / "missions.toml"
    _replace(
        target,
        '{ id = "a", text = { en = "Chang\'e-3", zh = "嫦娥三号" } },',
        '{ id = "a", text = { en = "Chang\'e-3", zh = "嫦娥三号" },'
        ' feedback = { en = "It landed on the near side.", zh = "它在正面着陆。" } },',
    )
    _replace(target, 'id = "far-side-first"', 'id = "far-side-first"\ntitle = "Far side: first"')
    assert check_pack(sample_pack) == []
    question = next(q for q in load_pack(sample_pack).questions if q.key == "far-side-first")
    assert question.title == "Far side: first"
    choices = question.body.choices  # type: ignore[union-attr]
    assert choices[0].feedback is not None
    assert choices[0].feedback.get("zh") == "它在正面着陆。"
    assert [c.feedback for c in choices[1:]] == [None, None]
    assert question_from_dict(question_to_dict(question)) == question


def test_choice_feedback_needs_the_questions_languages(sample_pack: Path) -> None:
    target = sample_pack / "missions.toml"
    _replace(
        target,
        '{ id = "b", text = { en = "Chang\'e-4", zh = "嫦娥四号" } },',
        '{ id = "b", text = { en = "Chang\'e-4", zh = "嫦娥四号" }, feedback = "Yes." },',
    )
    problems = _problems(sample_pack)
    assert len(problems) == 1, problems
    assert "missions.toml" in problems[0]
    assert "choices[1].feedback" in problems[0] or "choices.1.feedback" in problems[0], problems


def test_items_to_order_take_no_feedback(sample_pack: Path) -> None:
    target = sample_pack / "science.toml"
    text = target.read_text(encoding="utf-8")
    start = text.index('type = "ordering"')
    item = text.index("{ id = ", start)
    end = text.index(" },", item)
    target.write_text(text[:end] + ', feedback = "No."' + text[end:], encoding="utf-8")
    problems = _problems(sample_pack)
    assert len(problems) == 1, problems
    assert "feedback" in problems[0]


def test_a_duplicate_topic_id_is_refused_at_its_line(sample_pack: Path) -> None:
    manifest = sample_pack / "pack.toml"
    text = manifest.read_text(encoding="utf-8")
    start = text.index("[[topics]]")
    block = text[start:].split("\n\n")[0]  # the first topic, written again below
    manifest.write_text(text.rstrip("\n") + "\n\n" + block + "\n", encoding="utf-8")
    problems = _problems(sample_pack)
    assert len(problems) == 1, problems
    assert "duplicate topic id" in problems[0]
    assert problems[0].startswith(f"{manifest}:")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'prompt.en = "Which mission made',
            'prompt.en = "   "\nx.en = "Which mission made',
            "blank",
        ),
        ('"Chang\'e-3", zh = "嫦娥三号"', '"Chang\'e-3\\u0000", zh = "嫦娥三号"', "U+0000"),
        ('"Chang\'e-3", zh = "嫦娥三号"', '"Chang\'e-3\\u001b", zh = "嫦娥三号"', "U+001B"),
        # the second of two alike is named (b, written as a is)
        ('"Chang\'e-4", zh = "嫦娥四号"', '"chang\'e-3 ", zh = "嫦娥四号"', "read the same"),
        ('"Chang\'e-4", zh = "嫦娥四号"', '"Chang\'e-4", zh = "嫦娥三号"', "read the same"),
    ],
    ids=["blank prompt", "NUL", "escape", "same text in English", "same text in Chinese"],
)
def test_texts_a_learner_cannot_read_are_refused_at_their_line(
    sample_pack: Path, old: str, new: str, expected: str
) -> None:
    target = sample_pack / "missions.toml"
    _replace(target, old, new)
    problems = [p for p in _problems(sample_pack) if "'x'" not in p]  # (the stray field)
    assert any(expected in p for p in problems), problems
    line = _line_of(target, new.split("\n")[0])
    assert any(p.startswith(f"{target}:{line}:") and expected in p for p in problems), problems


def test_a_tab_and_a_line_break_are_text(sample_pack: Path) -> None:
    target = sample_pack / "missions.toml"
    _replace(target, 'prompt.en = "Which mission made', 'prompt.en = "Which\\tmission\\nmade')
    assert _problems(sample_pack) == []


def test_a_pack_with_no_questions_is_refused(sample_pack: Path) -> None:
    for part in ("missions.toml", "science.toml"):
        (sample_pack / part).write_text("questions = []\n", encoding="utf-8")
    problems = _problems(sample_pack)
    assert problems == [
        f"{sample_pack / 'missions.toml'}: holds no questions: a pack needs at least one"
    ]


def test_an_image_in_a_text_travels_with_the_pack_and_must_be_in_it(sample_pack: Path) -> None:
    target = sample_pack / "missions.toml"
    moon = (sample_pack / "media" / "moon.svg").read_bytes()
    (sample_pack / "media" / "crater.svg").write_bytes(moon)
    (sample_pack / "media" / "unused.svg").write_bytes(moon)
    _replace(
        target,
        'explanation.en = "',
        'explanation.en = "![A crater](media/crater.svg) ',
    )
    assert check_pack(sample_pack) == []
    # named by a text: kept with the pack; named by nothing: left behind
    assert set(load_pack(sample_pack).media) == {"media/moon.svg", "media/crater.svg"}
    _replace(target, "![A crater](media/crater.svg)", "![A map](media/map.png)")
    [problem] = _problems(sample_pack)
    assert "image 'media/map.png' in its text is not in the pack" in problem
    assert problem.startswith(f"{target}:")
    (sample_pack / "media" / "map.png").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    [problem] = _problems(sample_pack)
    assert "image 'media/map.png' holds a SVG image but is named .png" in problem


def relay_pack(tmp_path: Path, accept: str) -> Path:
    """A one-question English pack, its short-text question's ``accept`` line as given
    on line 7 of q.toml."""
    folder = tmp_path / "relay"
    folder.mkdir()
    (folder / "pack.toml").write_text(
        'format = 1\nid = "relay"\nversion = "1.0.0"\ntitle = "Relay"\nlanguages = ["en"]\n'
        '[[topics]]\nid = "t"\ntitle = "T"\n',
        encoding="utf-8",
    )
    (folder / "q.toml").write_text(
        '[[questions]]\nid = "relay"\ntype = "short_text"\ntopic = "t"\ndifficulty = 1\n'
        f'prompt = "Name the relay satellite."\n{accept}\n',
        encoding="utf-8",
    )
    return folder


def test_accepted_answers_as_a_plain_list_are_english_as_the_format_says(
    tmp_path: Path, database: Database
) -> None:
    """docs/pack-format.md and the JSON Schema allow ``accept = [...]``, a list: it is
    the English answers, as a plain string is the English text elsewhere. It was once
    refused as "input should be a valid dictionary"."""
    folder = relay_pack(tmp_path, 'accept = ["Queqiao", "Magpie Bridge"]')
    [question] = load_pack(folder).questions
    assert question.body == ShortText(LocalizedList.of({"en": ["Queqiao", "Magpie Bridge"]}))
    plan = import_pack(database, folder)
    assert [str(key) for key in plan.added] == ["relay"]
    (folder / "q.toml").write_text(
        (folder / "q.toml").read_text(encoding="utf-8").replace('"Queqiao", ', ""),
        encoding="utf-8",
    )
    assert [str(q.body) for q in load_pack(folder).questions] == [
        str(ShortText(LocalizedList.of({"en": ["Magpie Bridge"]})))
    ]
