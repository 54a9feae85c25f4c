"""Moodle XML as a teacher meets it: what an export imports as, what a bad one is told
(file, line, English and Chinese). Each test pins one behaviour that a full mutation run
of packs/moodle_xml.py (issue 19) found unpinned."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from quiz_app.core.errors import PackError, PartialPackError, Problem
from quiz_app.core.questions import (
    MultipleResponse,
    Ordering,
    Pack,
    Question,
    ShortText,
    SingleChoice,
)
from quiz_app.core.text import LocalizedList
from quiz_app.packs.moodle_xml import load_moodle_xml
from quiz_app.packs.rich_text import to_plain

# A 2 x 2 PNG, as Moodle embeds an image: base64 in a <file> beside the text.
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5E"
    "rkJggg=="
)
SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _answer(text: str, fraction: str | None = "0", fmt: str = "plain_text") -> str:
    worth = f' fraction="{fraction}"' if fraction is not None else ""
    return f'<answer{worth} format="{fmt}"><text>{text}</text></answer>'


def _question(kind: str, inner: str, prompt: str = "Which lander reached the far side?") -> str:
    return (
        f'<question type="{kind}"><name><text>ce4</text></name>'
        f'<questiontext format="plain_text"><text>{prompt}</text></questiontext>'
        f"{inner}</question>"
    )


def _multi(*answers: str) -> str:
    return _question("multichoice", "<single>false</single>" + "".join(answers))


def _path(tmp_path: Path, *questions: str) -> Path:
    path = tmp_path / "week-3.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n",
        encoding="utf-8",
    )
    return path


def _read(tmp_path: Path, *questions: str) -> Pack:
    return load_moodle_xml(_path(tmp_path, *questions))


def _one(tmp_path: Path, question: str) -> Question:
    [only] = _read(tmp_path, question).questions
    return only


def _refusal(tmp_path: Path, question: str) -> Problem:
    """The one problem of a file of one question, checking it names the file."""
    path = _path(tmp_path, question)
    with pytest.raises(PackError) as caught:
        load_moodle_xml(path)
    assert not isinstance(caught.value, PartialPackError)
    [problem] = caught.value.problems
    assert problem.file == str(path)
    return problem


def _notes(pack: Pack) -> list[tuple[str, str | None]]:
    return [(n.message, n.zh) for n in pack.notes]


# -- fractions ---------------------------------------------------------------------------
@pytest.mark.parametrize("fraction", ["0.005", "-0.005", "99.995", "100.005", "5.005", "4.995"])
def test_a_fraction_within_the_slack_of_a_grade_is_that_grade(
    tmp_path: Path, fraction: str
) -> None:
    _read(tmp_path, _question("multichoice", _answer("Chang'e-4", "100") + _answer("x", fraction)))


@pytest.mark.parametrize("fraction", ["0.006", "-0.006", "99.994", "5.006", "4.994"])
def test_a_fraction_just_past_the_slack_is_refused(tmp_path: Path, fraction: str) -> None:
    problem = _refusal(
        tmp_path, _question("multichoice", _answer("Chang'e-4", "100") + _answer("x", fraction))
    )
    assert problem.message.startswith(f"the answer's fraction '{fraction}' is not a grade")


def test_the_refusal_of_a_fraction_in_chinese_lists_every_grade(tmp_path: Path) -> None:
    problem = _refusal(
        tmp_path, _question("multichoice", _answer("Chang'e-4", "100") + _answer("x", "45"))
    )
    assert (problem.line, problem.zh) == (
        3,
        "答案的分数“45”不是 Moodle 允许的分值（100、90、83.33333、80、75、70、66.66667、60、"
        "50、40、33.33333、30、25、20、16.66667、14.28571、12.5、11.11111、10、5、0 或其负值）",
    )


def test_99_995_is_full_marks(tmp_path: Path) -> None:
    question = _one(
        tmp_path,
        _question("multichoice", _answer("Chang'e-3", "0") + _answer("Chang'e-4", "99.995")),
    )
    assert isinstance(question.body, SingleChoice)
    assert question.body.answer == "b"
    short = _one(tmp_path, _question("shortanswer", _answer("Queqiao", "99.995")))
    assert short.body == ShortText(LocalizedList.of({"en": ["Queqiao"]}))


@pytest.mark.parametrize("kind", ["multichoice", "shortanswer"])
def test_an_answer_without_a_fraction_is_worth_nothing_not_refused(
    tmp_path: Path, kind: str
) -> None:
    pack = _read(tmp_path, _question(kind, _answer("Chang'e-4", "100") + _answer("Yutu", None)))
    [question] = pack.questions
    if kind == "multichoice":
        assert isinstance(question.body, SingleChoice)
        assert question.body.answer == "a"
    else:
        assert question.body == ShortText(LocalizedList.of({"en": ["Chang'e-4"]}))
    assert pack.notes == ()


def test_a_fraction_read_as_0_is_no_right_answer_and_no_partial_credit(tmp_path: Path) -> None:
    """Moodle reads 0.005 as 0: not a third right answer, not "worth 0.005%"."""
    question = _one(
        tmp_path,
        _multi(_answer("Chang'e-4", "50"), _answer("Chang'e-6", "50"), _answer("x", "0.005")),
    )
    assert isinstance(question.body, MultipleResponse)
    assert question.body.answers == frozenset({"a", "b"})
    single = _read(
        tmp_path, _question("multichoice", _answer("Chang'e-4", "100") + _answer("x", "0.004"))
    )
    assert single.notes == ()
    short = _read(
        tmp_path, _question("shortanswer", _answer("Queqiao", "100") + _answer("x", "0.004"))
    )
    assert short.notes == ()


# -- multiple choice ---------------------------------------------------------------------
def test_a_multiple_answer_question_leaves_answers_worth_0_wrong(tmp_path: Path) -> None:
    question = _one(
        tmp_path,
        _multi(_answer("Chang'e-4", "50"), _answer("Chang'e-6", "50"), _answer("Chang'e-3")),
    )
    assert isinstance(question.body, MultipleResponse)
    assert question.body.answers == frozenset({"a", "b"})


def test_right_answers_of_equal_worth_need_no_note(tmp_path: Path) -> None:
    pack = _read(tmp_path, _multi(_answer("Chang'e-4", "50"), _answer("Chang'e-6", "50")))
    assert pack.notes == ()


@pytest.mark.parametrize(
    ("single", "one_answer"),
    [("1", True), ("0", False), (" True ", True), ("false", False), ("", True)],
)
def test_single_as_moodle_writes_it(tmp_path: Path, single: str, one_answer: bool) -> None:
    answers = _answer("Chang'e-4", "100") + _answer("Chang'e-3", "0")
    if not one_answer:
        answers = _answer("Chang'e-4", "100") + _answer("Chang'e-3", "-100")
    question = _one(tmp_path, _question("multichoice", f"<single>{single}</single>" + answers))
    assert isinstance(question.body, SingleChoice if one_answer else MultipleResponse)


def test_the_refusal_of_a_lone_answer_is_said_in_chinese(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, _question("multichoice", _answer("Chang'e-4", "100")))
    assert (problem.message, problem.zh) == (
        "a multiple-choice question needs at least two answers",
        "选择题至少需要两个答案",
    )


def test_what_a_choice_loses_is_noted_with_its_number(tmp_path: Path) -> None:
    answers = _answer("Chang'e-4", "100") + _answer(f"Chang'e-3 {SCRIPT}", "0", "html")
    pack = _read(tmp_path, _question("multichoice", answers))
    assert _notes(pack) == [("answer 2: a script was left out", "答案 2：一段脚本已略去")]


def test_a_short_answer_without_full_marks_is_refused_in_both_languages(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, _question("shortanswer", _answer("Queqiao", "50")))
    assert (problem.message, problem.zh) == ("no answer is worth 100%", "没有一个答案得 100%")


# -- lines -------------------------------------------------------------------------------
@pytest.mark.parametrize("answers", [("100", "33"), ("33", "100")])
def test_a_refusal_is_at_the_question_when_a_text_mentions_an_answer_tag(
    tmp_path: Path, answers: tuple[str, str]
) -> None:
    """'<answer' inside a text makes the answers' lines untrustworthy: the question's line."""
    question = (
        '<question type="multichoice">\n'
        '<questiontext format="html"><text><![CDATA[Is <answer> a tag?]]></text></questiontext>\n'
        + _answer("yes", answers[0])
        + "\n"
        + _answer("no", answers[1])
        + "\n</question>"
    )
    assert _refusal(tmp_path, question).line == 3


# -- images ------------------------------------------------------------------------------
def _image_question(text: str, data: str = PNG) -> str:
    return (
        '<question type="truefalse"><questiontext format="html">'
        f"<text><![CDATA[{text}]]></text>"
        f'<file name="map.png" path="/" encoding="base64">{data}</file></questiontext>'
        + _answer("true", "100")
        + "</question>"
    )


def test_an_embedded_image_wrapped_over_lines_arrives(tmp_path: Path) -> None:
    wrapped = "\n".join(PNG[i : i + 40] for i in range(0, len(PNG), 40))
    question = _read(
        tmp_path,
        _image_question(
            '<p>Far side?</p><p><img src="@@PLUGINFILE@@/map.png" alt="Map"></p>', wrapped
        ),
    )
    assert question.media == {"media/map.png": base64.b64decode(PNG)}
    assert question.questions[0].image == "media/map.png"


def test_an_image_inside_the_text_stays_there(tmp_path: Path) -> None:
    question = _one(
        tmp_path,
        _image_question('See <img src="@@PLUGINFILE@@/map.png" alt="Map"> here. Far side?'),
    )
    assert question.image is None
    assert question.prompt.get("en") == "See ![Map](media/map.png) here. Far side?"


def test_of_two_images_the_last_is_not_taken_for_the_questions(tmp_path: Path) -> None:
    both = (
        '<p>Before: <img src="@@PLUGINFILE@@/map.png" alt="Map"></p><p>Far side?</p>'
        '<p><img src="@@PLUGINFILE@@/map.png" alt="Again"></p>'
    )
    question = _one(tmp_path, _image_question(both))
    assert question.image is None
    assert question.prompt.get("en").endswith("![Again](media/map.png)")


def test_a_text_of_only_an_image_keeps_it(tmp_path: Path) -> None:
    question = _one(tmp_path, _image_question('<img src="@@PLUGINFILE@@/map.png" alt="Map">'))
    assert question.image is None
    assert question.prompt.get("en") == "![Map](media/map.png)"


def test_a_short_answer_worth_part_is_noted_at_its_line(tmp_path: Path) -> None:
    question = (
        '<question type="shortanswer">\n'
        '<questiontext format="plain_text"><text>The relay?</text></questiontext>\n'
        + _answer("Queqiao", "100")
        + "\n"
        + _answer("Magpie", "50")
        + "\n</question>"
    )
    pack = _read(tmp_path, question)
    assert [(n.line, n.message) for n in pack.notes] == [
        (6, "'Magpie' is worth 50% in Moodle; here it is not accepted")
    ]


# -- numbers, matching, ordering, essays -------------------------------------------------
def test_a_numerical_answers_feedback_joins_the_general_feedback(tmp_path: Path) -> None:
    inner = (
        '<generalfeedback format="plain_text"><text>Launched in 2018.</text></generalfeedback>'
        '<answer fraction="100" format="plain_text"><text>1731</text>'
        "<feedback><text>Right.</text></feedback></answer>"
        '<answer fraction="0" format="plain_text"><text>1758</text>'
        "<feedback><text>Chang'e-5's mass.</text></feedback></answer>"
    )
    question = _one(tmp_path, _question("numerical", inner, "Chang'e-4's mass in kg?"))
    assert question.explanation is not None
    assert question.explanation.get("en") == (
        "Launched in 2018.\n\n1731: Right.\n\n1758: Chang'e-5's mass."
    )


@pytest.mark.parametrize(
    ("kind", "inner", "en", "zh"),
    [
        (
            "matching",
            '<subquestion format="plain_text"><text>Yutu-2</text>'
            "<answer><text>rover</text></answer></subquestion>",
            "a matching question needs at least two pairs",
            "配对题至少需要两对",
        ),
        (
            "ordering",
            _answer("Chang'e-3"),
            "an ordering question needs at least two items",
            "排序题至少需要两项",
        ),
        (
            "essay",
            "",
            "an essay with no model answer (grader information or general feedback) "
            "cannot be marked here: this app leaves it out",
            "没有参考答案（评分说明或总体反馈）的论述题无法在此评分：本应用略去它",
        ),
    ],
)
def test_refusals_of_matching_ordering_and_essays_in_both_languages(
    tmp_path: Path, kind: str, inner: str, en: str, zh: str
) -> None:
    problem = _refusal(tmp_path, _question(kind, inner))
    assert (problem.message, problem.zh) == (en, zh)


def test_an_ordering_item_of_no_text_shows_a_dash(tmp_path: Path) -> None:
    question = _one(tmp_path, _question("ordering", _answer("Chang'e-3") + _answer("")))
    assert isinstance(question.body, Ordering)
    assert [i.text.get("en") for i in question.body.items] == ["Chang'e-3", "—"]


def test_an_unknown_type_is_left_out_saying_why(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, _question("calculatedsimple", ""))
    assert (problem.message, problem.zh) == (
        "question type 'calculatedsimple' is not supported (see docs/formats.md): "
        "this app leaves it out",
        "不支持题型“calculatedsimple”（见 docs/formats.md）：本应用略去它",
    )


# -- text formats ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "text", "markdown"),
    [
        ("plain_text", "Line one&#13;&#10;Line two", "Line one\\\nLine two"),  # Windows
        ("plain_text", "Line one&#13;Line two", "Line one\\\nLine two"),  # old Mac
        ("moodle_auto_format", "Line one&#13;&#10;Line two", "Line one\\\nLine two"),
        ("html", "Line one&#13;&#10;Line two", "Line one Line two"),
        (None, "Line &lt;b&gt;one&lt;/b&gt;&#13;&#10;Line two", "Line **one** Line two"),
    ],
)
def test_each_line_break_is_one_break(
    tmp_path: Path, kind: str | None, text: str, markdown: str
) -> None:
    fmt = f' format="{kind}"' if kind else ""
    xml = (
        f'<question type="truefalse"><questiontext{fmt}><text>{text}</text></questiontext>'
        + _answer("true", "100")
        + "</question>"
    )
    assert _one(tmp_path, xml).prompt.get("en") == markdown


def test_an_embedded_file_without_a_name_is_no_image(tmp_path: Path) -> None:
    xml = (
        '<question type="truefalse"><questiontext format="html">'
        '<text><![CDATA[<p>Far side?</p><p><img src="@@PLUGINFILE@@/map.png" alt="Map"></p>]]>'
        f'</text><file path="/" encoding="base64">{PNG}</file></questiontext>'
        + _answer("true", "100")
        + "</question>"
    )
    pack = _read(tmp_path, xml)
    assert pack.questions[0].prompt.get("en") == "Far side?"
    assert pack.media == {}
    assert [n.message for n in pack.notes] == [
        "question text: the image 'Map' (map.png) is not in the file and was left out"
    ]


# -- files -------------------------------------------------------------------------------
def test_a_file_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    path = tmp_path / "week-3.xml"
    with pytest.raises(PackError) as caught:
        load_moodle_xml(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (str(path), None)
    assert problem.message == "cannot be read (No such file or directory)"


def test_a_refused_dtd_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "week-3.xml"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE quiz>\n<quiz></quiz>\n', encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_moodle_xml(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (str(path), None)


def test_a_text_mentioning_a_question_tag_leaves_problems_without_a_line(tmp_path: Path) -> None:
    """'<question' inside a text: no line can be trusted, and none is guessed."""
    tagged = _question(
        "truefalse",
        _answer("true", "100"),
        prompt="<![CDATA[Is <question> a Moodle tag?]]>",
    )
    bad = _question("multichoice", _answer("a", "100") + _answer("b", "33"))
    with pytest.raises(PartialPackError) as caught:
        _read(tmp_path, tagged, bad)
    [problem] = caught.value.problems
    assert problem.line is None
    assert [to_plain(q.prompt.get("en")) for q in caught.value.pack.questions] == [
        "Is <question> a Moodle tag?"
    ]


# -- questions, categories and where problems are ----------------------------------------
def test_a_question_without_a_type_is_left_out_saying_so(tmp_path: Path) -> None:
    xml = (
        '<question><questiontext format="plain_text"><text>Far side?</text></questiontext>'
        + _answer("true", "100")
        + "</question>"
    )
    problem = _refusal(tmp_path, xml)
    assert problem.message == (
        "question type '' is not supported (see docs/formats.md): this app leaves it out"
    )


def test_a_description_without_text_is_left_out_as_a_description(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, _question("description", "", prompt=""))
    assert problem.message == "a description is text with no question: this app leaves it out"


def test_an_empty_category_keeps_the_topic_before_it(tmp_path: Path) -> None:
    empty = '<question type="category"><category><text></text></category></question>'
    pack = _read(tmp_path, empty, _question("truefalse", _answer("true", "100")))
    assert [t.title.get("en") for t in pack.info.topics] == ["week-3"]


def test_what_the_question_text_and_general_feedback_lose_is_noted_in_chinese(
    tmp_path: Path,
) -> None:
    path = _path(
        tmp_path,
        '<question type="truefalse"><name><text>ce4</text></name>'
        f'<questiontext format="html"><text>Far side? {SCRIPT}</text></questiontext>'
        f'<generalfeedback format="html"><text>Yes. {SCRIPT}</text></generalfeedback>'
        + _answer("true", "100")
        + "</question>",
    )
    pack = load_moodle_xml(path)
    assert [(n.file, n.zh) for n in pack.notes] == [
        (str(path), "题干：一段脚本已略去"),
        (str(path), "总体反馈：一段脚本已略去"),
    ]


def test_a_problem_the_pack_checks_find_is_at_the_questions_line(tmp_path: Path) -> None:
    twins = _question("multichoice", _answer("Chang'e-4", "100") + _answer("Chang'e-4", "0"))
    path = _path(tmp_path, _question("truefalse", _answer("true", "100")), twins)
    with pytest.raises(PackError) as caught:
        load_moodle_xml(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (str(path), 4)
    assert problem.message.startswith("two choices read the same ('Chang'e-4')")
