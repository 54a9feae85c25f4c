"""GIFT at its edges (issue 19): the one character or number where a changed line of
the reader would import a question wrongly, or let through one Moodle refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.errors import PackError, PartialPackError, Problem
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.questions import (
    Body,
    Card,
    Matching,
    MultipleResponse,
    Numeric,
    Pack,
    PackInfo,
    Pair,
    Question,
    ShortText,
    SingleChoice,
    Topic,
    TrueFalse,
)
from quiz_app.core.text import LocalizedList, LocalizedText
from quiz_app.packs.gift import CARD_NOTE, gift_text, load_gift
from quiz_app.packs.rich_text import to_plain


def _read(tmp_path: Path, text: str) -> Pack:
    path = tmp_path / "quiz.gift"
    path.write_text(text, encoding="utf-8")
    return load_gift(path)


def _one(tmp_path: Path, text: str) -> Question:
    [question] = _read(tmp_path, text).questions
    return question


def _refusal(tmp_path: Path, text: str) -> Problem:
    with pytest.raises(PackError) as caught:
        _read(tmp_path, text)
    assert not isinstance(caught.value, PartialPackError)
    [problem] = caught.value.problems
    return problem


def _explanation(question: Question) -> str:
    """The explanation's Markdown: one paragraph per feedback."""
    assert question.explanation is not None
    return question.explanation.get("en")


# -- true/false --------------------------------------------------------------------------
@pytest.mark.parametrize(("answer", "right"), [("T", True), ("TRUE", True), ("F", False)])
def test_true_false_answers_import_as_written(tmp_path: Path, answer: str, right: bool) -> None:
    question = _one(tmp_path, f"The Moon is tidally locked to the Earth.{{{answer}}}")
    assert question.body == TrueFalse(right)
    assert question.explanation is None


def test_true_false_with_feedback_stays_true_false(tmp_path: Path) -> None:
    # {T#shown to who says false#shown to who says true}, Moodle's order.
    question = _one(
        tmp_path, "Chang'e-4 landed on the far side.{T#No: it did.#Yes: Von Kármán crater.}"
    )
    assert question.body == TrueFalse(True)
    assert _explanation(question) == "False: No: it did.\n\nTrue: Yes: Von Kármán crater."


def test_false_with_only_the_wrong_answers_feedback(tmp_path: Path) -> None:
    question = _one(tmp_path, "The Moon has an atmosphere like Earth's.{F#It has almost none.}")
    assert question.body == TrueFalse(False)
    assert _explanation(question) == "True: It has almost none."


def test_true_false_feedback_joins_the_general_feedback(tmp_path: Path) -> None:
    question = _one(tmp_path, "Yutu-2 is a rover.{TRUE##It is.####Launched with Chang'e-4.}")
    assert question.body == TrueFalse(True)
    assert _explanation(question) == "Launched with Chang'e-4.\n\nTrue: It is."


# -- names -------------------------------------------------------------------------------
@pytest.mark.parametrize("gap", [" ", "  ", "\t", "\n"])
def test_space_after_a_name_does_not_reach_the_prompt(tmp_path: Path, gap: str) -> None:
    question = _one(tmp_path, f"::ce6-sample::{gap}Where did Chang'e-6 land?{{=far side ~near}}")
    assert question.key == "ce6-sample"
    assert question.title is None  # the name is the id
    assert to_plain(question.prompt.get("en")) == "Where did Chang'e-6 land?"


def test_a_name_that_cannot_be_an_id_stays_as_the_title(tmp_path: Path) -> None:
    question = _one(tmp_path, "::Chang'e 6: far side:: Where? {=far ~near}")
    assert question.title == "Chang'e 6: far side"
    assert to_plain(question.prompt.get("en")) == "Where?"


# -- multiple choice ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answers", "best"), [("~A ~B =", "0"), ("~%50%A ~%-50%B =", "50"), ("~%-50%A ~B =", "0")]
)
def test_a_single_answer_question_whose_right_answer_is_empty_is_refused(
    tmp_path: Path, answers: str, best: str
) -> None:
    # '=' makes a one-answer question, but an answer of no text is left out as in Moodle.
    problem = _refusal(tmp_path, f"Which?\n{{{answers}}}")
    assert problem.line == 2
    assert problem.message == f"no answer is worth 100% (the best is {best}%), as Moodle requires"


def test_a_single_answer_question_with_two_full_mark_answers_is_refused(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Which? {~A =B ~%100%C}")
    assert problem.message.startswith("'B', 'C' are each fully right;")


def test_exactly_ten_answers_are_accepted_and_eleven_refused(tmp_path: Path) -> None:
    ten = "Pick. {=a " + " ".join(f"~w{i}" for i in range(9)) + "}"
    question = _one(tmp_path, ten)
    assert isinstance(question.body, SingleChoice)
    assert len(question.body.choices) == 10
    eleven = "Pick. {=a " + " ".join(f"~w{i}" for i in range(10)) + "}"
    problem = _refusal(tmp_path, eleven)
    assert problem.message == "11 answers; a question here has at most 10"


def test_two_answers_are_enough(tmp_path: Path) -> None:
    question = _one(tmp_path, "Pick. {=yes ~no}")
    assert isinstance(question.body, SingleChoice)
    assert [c.id for c in question.body.choices] == ["a", "b"]
    assert question.body.answer == "a"


def test_a_multiple_answer_question_whose_every_answer_is_right(tmp_path: Path) -> None:
    question = _one(tmp_path, "Which carried a rover? {~%50%Chang'e-3 ~%50%Chang'e-4}")
    assert isinstance(question.body, MultipleResponse)
    assert question.body.answers == frozenset({"a", "b"})


@pytest.mark.parametrize("weights", [("33.333", "33.333", "33.333"), ("50.005", "49.995", "0")])
def test_weights_within_a_hundredth_of_100_are_accepted(
    tmp_path: Path, weights: tuple[str, str, str]
) -> None:
    a, b, c = weights
    question = _one(tmp_path, f"Which? {{~%{a}%A ~%{b}%B ~%{c}%C ~%-100%D}}")
    assert isinstance(question.body, MultipleResponse)


@pytest.mark.parametrize(
    ("weights", "total"), [(("50", "49.98"), "99.98"), (("50", "50.02"), "100.02")]
)
def test_weights_further_from_100_are_refused(
    tmp_path: Path, weights: tuple[str, str], total: str
) -> None:
    a, b = weights
    problem = _refusal(tmp_path, f"Which? {{~%{a}%A ~%{b}%B ~C}}")
    assert problem.message.startswith(f"the positive weights add up to {total}%")


def test_no_right_answer_in_a_multiple_answer_question_is_refused(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Which?\n{~%-50%A ~%-50%B ~C}")
    assert problem.line == 2
    assert problem.message.startswith("no answer is marked right: put = before the right answer")


@pytest.mark.parametrize("weight", ["-100", "0", "12.5", "-33.333", "99.999"])
def test_weights_from_minus_100_to_100_are_percentages(tmp_path: Path, weight: str) -> None:
    _read(tmp_path, f"Which? {{~%{weight}%A =B}}")


@pytest.mark.parametrize("weight", ["100.5", "-101", "1e2", "+5", "1000", "half", ""])
def test_other_weights_are_refused(tmp_path: Path, weight: str) -> None:
    problem = _refusal(tmp_path, f"Which? {{~%{weight}%A =B}}")
    assert "is not a percentage from -100 to 100" in problem.message


def test_a_choice_of_no_text_is_left_out_as_moodle_does(tmp_path: Path) -> None:
    question = _one(tmp_path, "Which? {=A ~ ~B}")
    assert isinstance(question.body, SingleChoice)
    assert [c.text.get("en") for c in question.body.choices] == ["A", "B"]


# -- matching ----------------------------------------------------------------------------
def test_nothing_after_the_arrow_is_refused(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Match.\n{\n=Chang'e-4 -> far side\n=Chang'e-3 ->\n}")
    assert problem.line == 4
    assert problem.message == "'Chang'e-3 ->' has nothing after the '->'"


def test_matching_of_two_pairs_keeps_both_in_order(tmp_path: Path) -> None:
    question = _one(tmp_path, "Match. {=Chang'e-5 -> 2020 =Chang'e-6 -> 2024}")
    assert isinstance(question.body, Matching)
    assert [(p.id, p.left.get("en"), p.right.get("en")) for p in question.body.pairs] == [
        ("p1", "Chang'e-5", "2020"),
        ("p2", "Chang'e-6", "2024"),
    ]


# -- numbers -----------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["1..x", "a..5", "1..", "1..5..9", "one..two", "1.. 2 3"])
def test_a_range_that_is_not_two_numbers_is_refused(tmp_path: Path, answer: str) -> None:
    problem = _refusal(tmp_path, f"Q? {{#{answer}}}")
    assert problem.message == f"'{answer}' is not a range of two numbers (min..max)"


def test_two_dots_first_are_no_range(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Q? {#..5}")
    assert problem.message == "'..5' is not a number, number:margin, or min..max"


def test_a_range_of_one_number_is_exact(tmp_path: Path) -> None:
    assert _one(tmp_path, "Q? {#5..5}").body == Numeric(5, 0)


def test_a_range_below_zero(tmp_path: Path) -> None:
    assert _one(tmp_path, "Q? {#-10..-4}").body == Numeric(-7, 3)


def test_a_negative_margin_is_a_margin(tmp_path: Path) -> None:
    assert _one(tmp_path, "Q? {#100:-5}").body == Numeric(100, 5)


def test_a_margin_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Q? {#100:five}")
    assert problem.message == "'100:five' is not a number, number:margin, or min..max"


def test_a_numerical_question_with_no_answer_is_refused(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Q?\n{#}")
    assert (problem.line, problem.message) == (
        2,
        "a numerical question needs an answer, e.g. {#42:1}",
    )


def test_a_numerical_answer_of_zero(tmp_path: Path) -> None:
    assert _one(tmp_path, "How many atmospheres on the Moon? {#0}").body == Numeric(0, 0)


def test_a_numerical_answer_at_full_marks_written_out(tmp_path: Path) -> None:
    assert _one(tmp_path, "Q? {#=%100%42:1 =%0%41}").body == Numeric(42, 1)


# -- short answers -----------------------------------------------------------------------
def test_short_answers_keep_the_full_mark_ones(tmp_path: Path) -> None:
    pack = _read(tmp_path, "Relay? {=Queqiao =%100%Magpie Bridge =%50%Bridge =%0%Yutu}")
    [question] = pack.questions
    assert question.body == ShortText(LocalizedList.of({"en": ["Queqiao", "Magpie Bridge"]}))
    assert [n.message for n in pack.notes] == [
        "'Bridge' is worth 50% in Moodle; here it is not accepted"
    ]


def test_a_short_answer_that_looks_like_true_is_a_short_answer(tmp_path: Path) -> None:
    question = _one(tmp_path, "Type T. {=%100%T}")
    assert question.body == ShortText(LocalizedList.of({"en": ["T"]}))


def test_a_short_answer_feedback_joins_the_explanation(tmp_path: Path) -> None:
    question = _one(tmp_path, "Relay? {=Queqiao#Right. =%0%Yutu#A rover.}")
    assert question.body == ShortText(LocalizedList.of({"en": ["Queqiao"]}))
    assert _explanation(question) == "Queqiao: Right.\n\nYutu: A rover."


def test_a_short_answer_with_no_full_mark_answer_is_refused(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Relay?\n{=%90%Queqiao}")
    assert (problem.line, problem.message) == (1, "no answer is worth 100%, as Moodle requires")


# -- blocks and categories ---------------------------------------------------------------
def test_only_comments_is_no_question(tmp_path: Path) -> None:
    pack = _read(tmp_path, "// a note\n\n// another\n\nQ? {T}")
    assert [q.prompt for q in pack.questions] == [LocalizedText.of("Q?")]


def test_a_category_names_the_topic_of_what_follows(tmp_path: Path) -> None:
    pack = _read(tmp_path, "$CATEGORY: Missions/Far side\n\nQ? {T}\n\n$CATEGORY: \n\nR? {F}")
    assert [t.title.get("en") for t in pack.info.topics] == ["Far side"]
    assert {q.topic for q in pack.questions} == {"far-side"}


# -- writing -----------------------------------------------------------------------------
def _pack(*questions: Question) -> Pack:
    info = PackInfo(
        PackId("change-missions"),
        "1.2.0",
        LocalizedText.of({"en": "Missions/Moon", "zh": "任务/月球"}),
        ("en", "zh"),
        (Topic(TopicKey("t"), LocalizedText.of({"en": "Far side", "zh": "月背"})),),
    )
    return Pack(info, questions)


def _q(key: str, body: Body, explanation: LocalizedText | None = None) -> Question:
    return Question(
        QuestionKey(key),
        TopicKey("t"),
        1,
        LocalizedText.of({"en": "Relay?", "zh": "中继星？"}),
        body,
        explanation=explanation,
    )


def test_a_short_answer_is_written_with_a_plain_equals_sign() -> None:
    body = ShortText(LocalizedList.of({"en": ["Queqiao", "Magpie Bridge"], "zh": ["鹊桥"]}))
    text = gift_text(_pack(_q("relay", body))).text
    assert "\t=Queqiao\n\t=Magpie Bridge\n" in text
    assert "\t=鹊桥\n" in gift_text(_pack(_q("relay", body)), "zh").text


def test_the_header_and_category_are_in_the_language_written() -> None:
    body = ShortText(LocalizedList.of({"en": ["Queqiao"], "zh": ["鹊桥"]}))
    zh = gift_text(_pack(_q("relay", body)), "zh").text
    assert zh.startswith("// 任务/月球 (change-missions 1.2.0), exported by Chang'e Quiz\n")
    assert "$CATEGORY: 任务//月球/月背\n" in zh


def test_what_gift_cannot_hold_is_left_out_with_why() -> None:
    arrow = ShortText(LocalizedList.of({"en": ["A -> B"]}))
    pairs = Matching(
        (
            Pair("p1", LocalizedText.of({"en": "a", "zh": "甲->乙"}), LocalizedText.of("1")),
            Pair("p2", LocalizedText.of({"en": "b", "zh": "丙"}), LocalizedText.of("2")),
        )
    )
    pack = _pack(_q("arrow", arrow), _q("pairs", pairs))
    arrow_why = (
        "an accepted answer holds '->', which GIFT reads as matching",
        "某个可接受的答案含有“->”，GIFT 会把它读成配对题",
    )
    assert gift_text(pack).left_out == (("arrow", arrow_why),)
    assert gift_text(pack, "zh").left_out == (
        ("arrow", arrow_why),
        (
            "pairs",
            (
                "a left-hand item holds '->', which GIFT cannot escape",
                "左侧某一项含有“->”，GIFT 无法转义",
            ),
        ),
    )


def test_a_card_is_written_as_an_essay_and_says_so() -> None:
    card = _q("card", Card(LocalizedText.of("The far side.")))
    explained = _q("explained", Card(LocalizedText.of("Yes.")), LocalizedText.of("Because."))
    export = gift_text(_pack(card, explained))
    assert export.notes == (
        ("card", CARD_NOTE),
        (
            "explained",
            (CARD_NOTE.en + "; its explanation is left out", CARD_NOTE.zh + "；卡片的解析没有导出"),
        ),
    )
    assert "问答题" in CARD_NOTE.zh


# -- text formats and notes --------------------------------------------------------------
def test_a_prompt_that_starts_with_a_bracket_keeps_it(tmp_path: Path) -> None:
    question = _one(tmp_path, "[Chang'e-4] Did it land on the far side?{T}")
    assert to_plain(question.prompt.get("en")) == "[Chang'e-4] Did it land on the far side?"


def test_in_html_a_line_break_is_a_space(tmp_path: Path) -> None:
    question = _one(tmp_path, "[html]Did it land\non the far side?{T#No\nreally}")
    assert to_plain(question.prompt.get("en")) == "Did it land on the far side?"
    assert _explanation(question) == "False: No really"


def test_in_moodles_own_format_a_line_break_stays(tmp_path: Path) -> None:
    question = _one(tmp_path, "Did it land\non the far side?{T}")
    assert to_plain(question.prompt.get("en")) == "Did it land\non the far side?"


def test_what_html_loses_is_noted_at_the_questions_line(tmp_path: Path) -> None:
    pack = _read(tmp_path, "// first\n\n::ce4:: Far side? <script>x</script> {T}")
    assert [(n.line, n.question, n.message, n.zh) for n in pack.notes] == [
        (3, "ce4", "a script was left out", "一段脚本已略去")
    ]


def test_an_empty_short_answer_is_passed_over(tmp_path: Path) -> None:
    question = _one(tmp_path, "Relay? {= =Queqiao}")
    assert question.body == ShortText(LocalizedList.of({"en": ["Queqiao"]}))


def test_a_wildcard_refusal_says_what_to_do(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Relay? {=Que*}")
    assert problem.message == (
        "the wildcard '*' in 'Que*' is not supported here; list the answers to accept instead"
    )


def test_a_numerical_answer_worth_nothing_is_not_noted(tmp_path: Path) -> None:
    pack = _read(tmp_path, "Q? {#=5 =%0%4 =%-50%3}")
    assert pack.questions[0].body == Numeric(5, 0)
    assert pack.notes == ()


def test_a_category_glued_to_a_question_is_refused_with_why(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        _read(tmp_path, "$CATEGORY: A\nQ? {=a ~b}\n\nR? {T}")
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (
            2,
            "a question follows $CATEGORY without a blank line; "
            "Moodle would read it as part of the category's name",
        )
    ]


def test_a_noncharacter_is_reported_at_its_own_line(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Bad \ufdd0 text? {T}\n\nFine? {T}\n\nAlso fine? {F}")
    assert (problem.line, problem.message) == (1, "holds U+FDD0, a Unicode noncharacter")


def test_an_essay_without_a_model_answer_is_refused_with_the_way_out(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Describe the far side. {}")
    assert problem.message == (
        "an essay question ({} with no answers) cannot be marked here; with a model "
        "answer as its general feedback ({####answer}) it becomes a self-rated card"
    )


def test_a_hash_in_a_matching_pair_is_text_not_feedback(tmp_path: Path) -> None:
    question = _one(tmp_path, "Match. {=Rover #1 -> Yutu =Rover #2 -> Yutu-2}")
    assert isinstance(question.body, Matching)
    assert [(p.left.get("en"), p.right.get("en")) for p in question.body.pairs] == [
        ("Rover #1", "Yutu"),
        ("Rover #2", "Yutu-2"),
    ]


def test_a_choices_feedback_follows_the_questions_format(tmp_path: Path) -> None:
    question = _one(tmp_path, "[html]Far side? {=Chang'e-4#Yes,\nin 2019 ~Chang'e-3}")
    assert isinstance(question.body, SingleChoice)
    feedback = question.body.choices[0].feedback
    assert feedback is not None
    assert to_plain(feedback.get("en")) == "Yes, in 2019"


def test_a_closing_brace_before_the_opening_one_is_found_on_its_line(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Q? }\n{=a\n~b}")
    assert (problem.line, problem.message) == (
        1,
        "a '}' with no '{' before it (write \\} for a brace)",
    )


def test_an_answer_that_starts_with_a_bracket_keeps_it(tmp_path: Path) -> None:
    question = _one(tmp_path, "Which rover? {=[Yutu-2] the second}")
    assert question.body == ShortText(LocalizedList.of({"en": ["[Yutu-2] the second"]}))


def test_in_html_an_answers_line_break_is_a_space(tmp_path: Path) -> None:
    question = _one(tmp_path, "[html]Relay? {=Magpie\nBridge}")
    assert question.body == ShortText(LocalizedList.of({"en": ["Magpie Bridge"]}))
