"""Moodle XML at its edges (issue 19): one question at a time, as Moodle writes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.errors import PackError, PartialPackError, Problem
from quiz_app.core.questions import (
    Card,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Pack,
    Question,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.text import LocalizedList, LocalizedText
from quiz_app.packs import limits
from quiz_app.packs.moodle_xml import load_moodle_xml
from quiz_app.packs.rich_text import to_plain


def _answer(text: str, fraction: str = "0", feedback: str = "", extra: str = "") -> str:
    fb = f"<feedback><text>{feedback}</text></feedback>" if feedback else ""
    return (
        f'<answer fraction="{fraction}" format="plain_text"><text>{text}</text>{fb}{extra}</answer>'
    )


def _question(kind: str, inner: str, name: str = "", prompt: str = "Which?") -> str:
    return (
        f'<question type="{kind}"><name><text>{name}</text></name>'
        f'<questiontext format="plain_text"><text>{prompt}</text></questiontext>'
        f"{inner}</question>"
    )


def _file(tmp_path: Path, *questions: str) -> Path:
    path = tmp_path / "week-3.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n",
        encoding="utf-8",
    )
    return path


def _read(tmp_path: Path, *questions: str) -> Pack:
    return load_moodle_xml(_file(tmp_path, *questions))


def _one(tmp_path: Path, question: str) -> Question:
    [only] = _read(tmp_path, question).questions
    return only


def _refusal(tmp_path: Path, question: str) -> Problem:
    with pytest.raises(PackError) as caught:
        _read(tmp_path, question)
    assert not isinstance(caught.value, PartialPackError)
    [problem] = caught.value.problems
    return problem


# -- true/false --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("right", "wrong", "answer"), [("true", "false", True), ("false", "true", False)]
)
def test_true_false_is_the_answer_worth_100(
    tmp_path: Path, right: str, wrong: str, answer: bool
) -> None:
    question = _one(
        tmp_path,
        _question(
            "truefalse",
            _answer(wrong, "0", "Look again.") + _answer(right, "100", "Yes."),
            prompt="Is it so?",
        ),
    )
    assert question.body == TrueFalse(answer)
    assert question.explanation == LocalizedText.of(
        f"{wrong.capitalize()}: Look again.\n\n{right.capitalize()}: Yes."
    )


@pytest.mark.parametrize(
    "answers",
    [
        _answer("true", "100") + _answer("false", "100"),  # both right
        _answer("true", "50") + _answer("false", "0"),  # neither worth 100
        _answer("yes", "100") + _answer("no", "0"),  # not true or false
    ],
)
def test_a_true_false_without_one_true_or_false_worth_100_is_refused(
    tmp_path: Path, answers: str
) -> None:
    problem = _refusal(tmp_path, _question("truefalse", answers))
    assert problem.message == "a true/false question needs one answer 'true' or 'false' worth 100"
    assert problem.zh == "判断题需要恰好一个得 100 分的答案“true”或“false”"


# -- multiple choice ---------------------------------------------------------------------
def test_a_one_answer_question_of_two_answers(tmp_path: Path) -> None:
    question = _one(
        tmp_path, _question("multichoice", _answer("near", "0") + _answer("far", "100"))
    )
    assert isinstance(question.body, SingleChoice)
    assert question.body.answer == "b"


def test_a_one_answer_question_needs_two_answers(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, _question("multichoice", _answer("far", "100")))
    assert problem.message == "a multiple-choice question needs at least two answers"


def test_a_one_answer_question_without_100_names_the_best(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, _question("multichoice", _answer("a", "50") + _answer("b", "-25")))
    assert problem.message == "no answer is worth 100% (the best is 50%); Moodle requires one"


def test_a_rounded_100_is_100(tmp_path: Path) -> None:
    question = _one(tmp_path, _question("multichoice", _answer("a", "99.999") + _answer("b", "0")))
    assert isinstance(question.body, SingleChoice)
    assert question.body.answer == "a"


def test_partial_credit_and_a_second_full_answer_are_noted(tmp_path: Path) -> None:
    pack = _read(
        tmp_path,
        _question(
            "multichoice",
            "\n".join(
                [_answer("a", "0"), _answer("b", "100"), _answer("c", "50"), _answer("d", "100")]
            ),
            name="ce4",
        ),
    )
    [question] = pack.questions
    assert isinstance(question.body, SingleChoice)
    assert question.body.answer == "b"
    assert [(n.line, n.message, n.zh) for n in pack.notes] == [
        (
            5,  # the line of that answer
            "answer 3 is worth 50% in Moodle; here it counts as wrong",
            "答案 3 在 Moodle 中得 50%；在此算作错误",
        ),
        (
            3,
            "2 answers are worth 100%; here only answer 2 is right",
            "有 2 个答案得 100%；在此只有答案 2 算对",
        ),
    ]


def test_unequal_right_answers_are_noted_in_both_languages(tmp_path: Path) -> None:
    answers = _answer("a", "75") + _answer("b", "25") + _answer("c", "-100")
    pack = _read(tmp_path, _question("multichoice", "<single>false</single>" + answers))
    assert [(n.message, n.zh) for n in pack.notes] == [
        (
            "right answers worth 1: 75%, 2: 25%: here each right answer is worth the same",
            "正确答案的分值 1: 75%, 2: 25%：在此每个正确答案分值相同",
        )
    ]


def test_a_fraction_sum_refusal_says_how_to_mend_it(tmp_path: Path) -> None:
    answers = _answer("a", "50") + _answer("b", "40")
    problem = _refusal(tmp_path, _question("multichoice", "<single>false</single>" + answers))
    assert problem.message == (
        "the positive fractions add up to 90%; Moodle needs 100% "
        "(e.g. 50 on each of two right answers)"
    )
    assert problem.zh == "正分数之和为 90%；Moodle 要求为 100%（例如两个正确答案各 50）"


SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_what_a_feedback_loses_is_noted_with_its_answer(tmp_path: Path) -> None:
    choice = (
        '<answer fraction="0" format="html"><text>near</text>'
        f'<feedback format="html"><text>No {SCRIPT}</text></feedback></answer>'
    )
    pack = _read(tmp_path, _question("multichoice", _answer("far", "100") + choice))
    assert [(n.message, n.zh) for n in pack.notes] == [
        ("feedback of answer 2: a script was left out", "答案 2 的反馈：一段脚本已略去")
    ]
    short = (
        '<answer fraction="100" format="plain_text"><text>Queqiao</text>'
        f'<feedback format="html"><text>Yes {SCRIPT}</text></feedback></answer>'
    )
    pack = _read(tmp_path, _question("shortanswer", short))
    assert [(n.message, n.zh) for n in pack.notes] == [
        ("feedback of answer 1: a script was left out", "答案 1 的反馈：一段脚本已略去")
    ]


def test_a_multiple_answer_question_whose_every_answer_is_right(tmp_path: Path) -> None:
    question = _one(
        tmp_path,
        _question(
            "multichoice", "<single>false</single>" + _answer("a", "50") + _answer("b", "50")
        ),
    )
    assert isinstance(question.body, MultipleResponse)
    assert question.body.answers == frozenset({"a", "b"})


@pytest.mark.parametrize(
    "fractions", [("33.33333",) * 3, ("14.28571",) * 7, ("33.33", "33.33", "33.33")]
)
def test_fractions_within_moodles_slack_add_up(tmp_path: Path, fractions: tuple[str, ...]) -> None:
    answers = "".join(_answer(f"x{i}", f) for i, f in enumerate(fractions)) + _answer("no", "-100")
    question = _one(tmp_path, _question("multichoice", "<single>false</single>" + answers))
    assert isinstance(question.body, MultipleResponse)
    assert len(question.body.answers) == len(fractions)


@pytest.mark.parametrize(("fractions", "total"), [(("50", "40"), "90"), (("50", "60"), "110")])
def test_fractions_that_do_not_add_up_are_refused(
    tmp_path: Path, fractions: tuple[str, str], total: str
) -> None:
    answers = "".join(_answer(f"x{i}", f) for i, f in enumerate(fractions))
    problem = _refusal(tmp_path, _question("multichoice", "<single>false</single>" + answers))
    assert problem.message.startswith(f"the positive fractions add up to {total}%;")


@pytest.mark.parametrize("fraction", ["33", "33.3", "101", "abc", "-33"])
def test_a_fraction_moodle_does_not_allow_is_refused(tmp_path: Path, fraction: str) -> None:
    problem = _refusal(
        tmp_path, _question("multichoice", _answer("a", "100") + _answer("b", fraction))
    )
    assert problem.message == (
        f"the answer's fraction '{fraction}' is not a grade Moodle allows "
        "(100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, "
        "16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 or their negatives)"
    )


@pytest.mark.parametrize("fraction", ["-33.33333", "-100", "5", "-5", "33.3333"])
def test_the_fractions_moodle_allows(tmp_path: Path, fraction: str) -> None:
    _read(tmp_path, _question("multichoice", _answer("a", "100") + _answer("b", fraction)))


def test_a_choice_of_no_text_shows_a_dash(tmp_path: Path) -> None:
    question = _one(tmp_path, _question("multichoice", _answer("", "0") + _answer("b", "100")))
    assert isinstance(question.body, SingleChoice)
    assert question.body.choices[0].text == LocalizedText.of("—")


# -- short answers and numbers -----------------------------------------------------------
def test_short_answers_worth_100_with_wildcards_removed(tmp_path: Path) -> None:
    pack = _read(
        tmp_path,
        _question(
            "shortanswer",
            _answer("Queqiao", "100", "Right.")
            + _answer("Magpie*", "100")
            + _answer("Bridge", "50")
            + _answer("Yutu", "0", "A rover."),
        ),
    )
    [question] = pack.questions
    assert question.body == ShortText(LocalizedList.of({"en": ["Queqiao", "Magpie"]}))
    assert question.explanation == LocalizedText.of("Queqiao: Right.\n\nYutu: A rover.")
    assert [(n.message, n.zh) for n in pack.notes] == [
        (
            "'Bridge' is worth 50% in Moodle; here it is not accepted",
            "“Bridge”在 Moodle 中得 50%；在此不被接受",
        )
    ]


def test_a_short_answer_with_no_full_mark_answer_is_refused(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, _question("shortanswer", _answer("Queqiao", "90")))
    assert problem.message == "no answer is worth 100%"


def test_a_short_answer_rounded_to_100_is_accepted(tmp_path: Path) -> None:
    question = _one(tmp_path, _question("shortanswer", _answer("Queqiao", "99.999")))
    assert question.body == ShortText(LocalizedList.of({"en": ["Queqiao"]}))


@pytest.mark.parametrize(
    ("inner", "body"),
    [
        (_answer("0", "100"), Numeric(0, 0)),
        (_answer("1731", "100", extra="<tolerance>-5</tolerance>"), Numeric(1731, 5)),
        (
            _answer("9", "0") + _answer("3.844e5", "100", extra="<tolerance>1e3</tolerance>"),
            Numeric(384400, 1000),
        ),
        (_answer("7", "99.999"), Numeric(7, 0)),
    ],
)
def test_numerical_answers(tmp_path: Path, inner: str, body: Numeric) -> None:
    assert _one(tmp_path, _question("numerical", inner)).body == body


def test_a_numerical_unit(tmp_path: Path) -> None:
    inner = _answer("1731", "100") + (
        "<units><unit><multiplier>1</multiplier><unit_name> g </unit_name></unit></units>"
    )
    assert _one(tmp_path, _question("numerical", inner)).body == Numeric(
        1731, 0, LocalizedText.of("g")
    )


@pytest.mark.parametrize("inner", [_answer("about 5", "100"), _answer("5", "50")])
def test_a_numerical_question_without_a_number_worth_100_is_refused(
    tmp_path: Path, inner: str
) -> None:
    problem = _refusal(tmp_path, _question("numerical", inner))
    assert (problem.message, problem.zh) == (
        "no numeric answer is worth 100%",
        "没有一个数值答案得 100%",
    )


# -- matching, ordering, essays ----------------------------------------------------------
def _sub(left: str, right: str) -> str:
    return (
        f'<subquestion format="plain_text"><text>{left}</text>'
        f"<answer><text>{right}</text></answer></subquestion>"
    )


def test_matching_leaves_out_extra_answers(tmp_path: Path) -> None:
    question = _one(
        tmp_path,
        _question(
            "matching", _sub("Chang'e-5", "2020") + _sub("", "1999") + _sub("Chang'e-6", " 2024 ")
        ),
    )
    assert isinstance(question.body, Matching)
    assert [(p.id, p.left.get("en"), p.right.get("en")) for p in question.body.pairs] == [
        ("p1", "Chang'e-5", "2020"),
        ("p2", "Chang'e-6", "2024"),
    ]


def test_matching_needs_two_pairs(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, _question("matching", _sub("a", "1") + _sub("b", "")))
    assert problem.message == "a matching question needs at least two pairs"


def test_ordering_keeps_the_answers_in_order(tmp_path: Path) -> None:
    question = _one(tmp_path, _question("ordering", _answer("CE-3") + _answer("CE-4")))
    assert isinstance(question.body, Ordering)
    assert [(i.id, i.text.get("en")) for i in question.body.items] == [
        ("i1", "CE-3"),
        ("i2", "CE-4"),
    ]


def test_ordering_needs_two_items(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, _question("ordering", _answer("CE-3")))
    assert problem.message == "an ordering question needs at least two items"


def test_an_essay_with_grader_information_is_a_card(tmp_path: Path) -> None:
    inner = (
        '<graderinfo format="plain_text"><text>The far side.</text></graderinfo>'
        '<generalfeedback format="plain_text"><text>See the map.</text></generalfeedback>'
    )
    question = _one(tmp_path, _question("essay", inner))
    assert question.body == Card(LocalizedText.of("The far side."))
    assert question.explanation == LocalizedText.of("See the map.")


def test_an_essay_with_only_general_feedback_makes_that_the_back(tmp_path: Path) -> None:
    inner = '<generalfeedback format="plain_text"><text>See the map.</text></generalfeedback>'
    question = _one(tmp_path, _question("essay", inner))
    assert question.body == Card(LocalizedText.of("See the map."))
    assert question.explanation is None


def test_an_essay_with_no_model_answer_is_left_out(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, _question("essay", ""))
    assert problem.message.startswith("an essay with no model answer")


@pytest.mark.parametrize(
    ("kind", "words"),
    [("description", "a description is text"), ("calculated", "question type 'calculated'")],
)
def test_types_left_out_say_why(tmp_path: Path, kind: str, words: str) -> None:
    problem = _refusal(tmp_path, _question(kind, ""))
    assert problem.message.startswith(words)
    assert problem.zh


def test_a_question_with_no_text_is_refused(tmp_path: Path) -> None:
    problem = _refusal(
        tmp_path, _question("multichoice", _answer("a", "100") + _answer("b"), prompt="")
    )
    assert (problem.message, problem.zh) == ("the question has no text", "题目没有文字")


# -- names, categories, lines ------------------------------------------------------------
def test_the_category_names_the_topic_of_what_follows(tmp_path: Path) -> None:
    category = (
        '<question type="category"><category><text>$course$/top/Far//near side</text>'
        "</category></question>"
    )
    pack = _read(tmp_path, category, _question("truefalse", _answer("true", "100")))
    assert [t.title.get("en") for t in pack.info.topics] == ["Far/near side"]


def test_questions_before_any_category_take_the_files_name(tmp_path: Path) -> None:
    pack = _read(tmp_path, _question("truefalse", _answer("true", "100")))
    assert [t.title.get("en") for t in pack.info.topics] == ["week-3"]


def test_an_idnumber_wins_over_the_name(tmp_path: Path) -> None:
    inner = "<idnumber> ce4-landing </idnumber>" + _answer("true", "100")
    question = _one(tmp_path, _question("truefalse", inner, name="Far side landing"))
    assert question.key == "ce4-landing"
    assert question.title == "Far side landing"


def test_a_refusal_is_at_the_answers_line(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        _question("truefalse", _answer("true", "100"), name="fine"),
        '<question type="multichoice"><name><text>bad</text></name>\n'
        '<questiontext format="plain_text"><text>Q?</text></questiontext>\n'
        + _answer("a", "100")
        + "\n"
        + _answer("b", "33")
        + "\n</question>",
    )
    with pytest.raises(PartialPackError) as caught:
        load_moodle_xml(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.question) == (7, "bad")  # the line of fraction="33"


@pytest.mark.parametrize("kind", ["shortanswer", "numerical"])
def test_a_fraction_moodle_does_not_allow_is_refused_at_its_answer(
    tmp_path: Path, kind: str
) -> None:
    path = _file(
        tmp_path,
        f'<question type="{kind}"><name><text>q</text></name>\n'
        '<questiontext format="plain_text"><text>How many?</text></questiontext>\n'
        + _answer("5", "100")
        + "\n"
        + _answer("4", "45")
        + "\n</question>",
    )
    with pytest.raises(PackError) as caught:
        load_moodle_xml(path)
    [problem] = caught.value.problems
    assert problem.line == 6
    assert problem.message.startswith("the answer's fraction '45' is not a grade Moodle allows")


def test_what_pairs_items_and_model_answers_lose_is_noted_with_their_number(
    tmp_path: Path,
) -> None:
    script_sub = (
        f'<subquestion format="html"><text>Chang\'e-6 {SCRIPT}</text>'
        "<answer><text>2024</text></answer></subquestion>"
    )
    matching = _question("matching", _sub("Chang'e-5", "2020") + script_sub)
    item = f'<answer fraction="0" format="html"><text>CE-4 {SCRIPT}</text></answer>'
    ordering = _question("ordering", _answer("CE-3") + item)
    essay = _question(
        "essay", f'<graderinfo format="html"><text>The far side {SCRIPT}</text></graderinfo>'
    )
    notes = [(n.message, n.zh) for n in _read(tmp_path, matching, ordering, essay).notes]
    assert notes == [
        ("pair 2: a script was left out", "配对 2：一段脚本已略去"),
        ("item 2: a script was left out", "第 2 项：一段脚本已略去"),
        ("grader information: a script was left out", "评分说明：一段脚本已略去"),
        (
            "an essay becomes a self-rated card; its model answer is the card's back",
            "论述题改为自评卡片；其参考答案为卡片背面",
        ),
    ]


def test_a_refusal_before_other_questions_is_still_at_its_answers_line(tmp_path: Path) -> None:
    bad = (
        '<question type="multichoice"><name><text>bad</text></name>\n'
        '<questiontext format="plain_text"><text>Q?</text></questiontext>\n'
        + _answer("a", "100")
        + "\n"
        + _answer("b", "33")
        + "\n</question>"
    )
    path = _file(tmp_path, bad, _question("truefalse", _answer("true", "100"), name="fine"))
    with pytest.raises(PartialPackError) as caught:
        load_moodle_xml(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.question) == (6, "bad")


def test_an_answer_without_a_fraction_is_worth_nothing(tmp_path: Path) -> None:
    wrong = '<answer format="plain_text"><text>false</text></answer>'
    question = _one(tmp_path, _question("truefalse", _answer("true", "100") + wrong))
    assert question.body == TrueFalse(True)


def test_even_a_harmless_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dtd.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE quiz><quiz></quiz>', encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_moodle_xml(path)
    [problem] = caught.value.problems
    assert problem.message == (
        "refused: the XML uses DTDForbidden "
        "(entities, DTDs and external references are not allowed)"
    )
    assert problem.zh == "已拒绝：该 XML 使用了 DTDForbidden（不允许实体、DTD 和外部引用）"


def test_a_file_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path, _question("truefalse", _answer("true", "100")))
    size = path.stat().st_size
    monkeypatch.setattr(limits, "QUESTION_FILE_MAX", size - 1)
    with pytest.raises(PackError) as caught:
        load_moodle_xml(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}: file is {size:,} bytes, over the limit of {size - 1:,} bytes"
    ]
    monkeypatch.setattr(limits, "QUESTION_FILE_MAX", size)
    assert len(load_moodle_xml(path).questions) == 1


def test_what_the_question_text_and_general_feedback_lose_is_noted(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        '<question type="truefalse"><name><text>ce4</text></name>'
        f'<questiontext format="html"><text>Far side? {SCRIPT}</text></questiontext>\n'
        f'<generalfeedback format="html"><text>Yes. {SCRIPT}</text></generalfeedback>\n'
        + _answer("true", "100")
        + "</question>",
    )
    pack = load_moodle_xml(path)
    assert pack.origin == "moodle-xml"
    assert [(n.line, n.question, n.message) for n in pack.notes] == [
        (3, "ce4", "question text: a script was left out"),
        (3, "ce4", "general feedback: a script was left out"),
    ]


def test_a_question_without_a_name_gets_an_id_from_its_text(tmp_path: Path) -> None:
    question = _one(tmp_path, _question("truefalse", _answer("true", "100"), prompt="Locked?"))
    assert question.key.startswith("xml-")


@pytest.mark.parametrize(
    ("kind", "text", "shown"),
    [
        ("plain_text", "What does &lt;b&gt; mean?", "What does <b> mean?"),
        ("plain_text", "Line one&#13;&#10;Line two", "Line one\nLine two"),
        ("moodle_auto_format", "Line one\nLine two", "Line one\nLine two"),
        ("html", "Line one\nLine &lt;b&gt;two&lt;/b&gt;", "Line one Line two"),
    ],
)
def test_each_text_format_shows_as_moodle_shows_it(
    tmp_path: Path, kind: str, text: str, shown: str
) -> None:
    xml = (
        f'<question type="truefalse"><questiontext format="{kind}"><text>{text}</text>'
        "</questiontext>" + _answer("true", "100") + "</question>"
    )
    assert to_plain(_one(tmp_path, xml).prompt.get("en")) == shown


def test_markdown_is_taken_as_written(tmp_path: Path) -> None:
    xml = (
        '<question type="truefalse"><questiontext format="markdown">'
        "<text>  Is the **far** side dark?  </text></questiontext>"
        + _answer("true", "100")
        + "</question>"
    )
    assert _one(tmp_path, xml).prompt == LocalizedText.of("Is the **far** side dark?")
