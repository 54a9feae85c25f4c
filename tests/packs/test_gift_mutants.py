"""GIFT as a teacher meets it: what a Moodle file imports as, what a bad one is told
(file, line, English and Chinese), and what an exported file holds. Each test pins one
behaviour that a full mutation run of packs/gift.py (issue 19) found unpinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.errors import ImportRefusedError, PackError, PartialPackError
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.questions import (
    Body,
    Card,
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
    Pack,
    PackInfo,
    Question,
    ShortText,
    SingleChoice,
    Topic,
    TrueFalse,
)
from quiz_app.core.text import LocalizedList, LocalizedText
from quiz_app.packs.gift import gift_text, load_gift
from quiz_app.packs.rich_text import to_plain
from quiz_app.services.packs import builtin_packs_dir, import_pack
from quiz_app.storage import Database


def _path(tmp_path: Path, text: str, name: str = "week-3.gift") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _read(tmp_path: Path, text: str) -> Pack:
    return load_gift(_path(tmp_path, text))


def _one(tmp_path: Path, text: str) -> Question:
    [question] = _read(tmp_path, text).questions
    return question


def _refusal(tmp_path: Path, text: str) -> tuple[int | None, str, str | None]:
    """The line, English and Chinese of the one problem of a file, checking it names the file."""
    path = _path(tmp_path, text)
    with pytest.raises(PackError) as caught:
        load_gift(path)
    assert not isinstance(caught.value, PartialPackError)
    [problem] = caught.value.problems
    assert problem.file == str(path)
    return problem.line, problem.message, problem.zh


def _notes(pack: Pack) -> list[tuple[int | None, str, str | None]]:
    return [(n.line, n.message, n.zh) for n in pack.notes]


def _explanation(question: Question) -> str:
    assert question.explanation is not None
    return question.explanation.get("en")


# -- text formats in answers and feedback ------------------------------------------------
def test_a_format_prefix_on_an_answer_is_not_part_of_it(tmp_path: Path) -> None:
    question = _one(
        tmp_path, "Relay? {=[plain]Queqiao =[html]<b>Magpie</b> Bridge =[markdown]Yutu-2 [rover]}"
    )
    assert question.body == ShortText(
        LocalizedList.of({"en": ["Queqiao", "Magpie Bridge", "Yutu-2 [rover]"]})
    )


def test_answers_in_moodles_own_format_lose_tags_and_entities(tmp_path: Path) -> None:
    question = _one(tmp_path, "Which crater? {=Von K&aacute;rm&aacute;n =<b>VK</b>}")
    assert question.body == ShortText(LocalizedList.of({"en": ["Von Kármán", "VK"]}))


def test_a_choice_named_in_a_note_keeps_its_line_break(tmp_path: Path) -> None:
    pack = _read(tmp_path, "Where? {=Von Kármán ~%25%Wenchang<br>launch site}")
    assert _notes(pack) == [
        (
            1,
            "'Wenchang\nlaunch site' is worth 25% in Moodle; here it counts as wrong",
            "“Wenchang\nlaunch site”在 Moodle 中得 25%；在此算作错误",
        )
    ]


@pytest.mark.parametrize(
    ("answers", "body", "explanation"),
    [
        ("{T#*No*#**Yes**}", TrueFalse(True), "False: *No*\n\nTrue: **Yes**"),
        ("{#=4#**Right** ~#*No*}", Numeric(4, 0), "4: **Right**\n\nAny other answer: *No*"),
    ],
)
def test_in_a_markdown_question_every_feedback_stays_markdown(
    tmp_path: Path, answers: str, body: Body, explanation: str
) -> None:
    question = _one(tmp_path, f"[markdown]How many **Chang'e** landers? {answers}")
    assert question.body == body
    assert _explanation(question) == explanation


def test_in_a_markdown_question_matching_items_stay_markdown(tmp_path: Path) -> None:
    question = _one(tmp_path, "[markdown]Match. {=**Yutu-2** -> rover =*Queqiao* -> relay}")
    assert isinstance(question.body, Matching)
    assert [p.left.get("en") for p in question.body.pairs] == ["**Yutu-2**", "*Queqiao*"]


# -- matching ----------------------------------------------------------------------------
def test_a_pair_without_an_arrow_is_named_as_the_learner_would_read_it(tmp_path: Path) -> None:
    assert _refusal(
        tmp_path, "[html]Match. {=<b>Chang'e-4</b> -> lander =<b>Yutu-2</b>\nrover}"
    ) == (
        1,
        "'Yutu-2 rover' has no '->' (write =left -> right)",
        "“Yutu-2 rover”中没有“->”（请写作 =左 -> 右）",
    )


def test_the_right_hand_side_is_plain_text_as_typed(tmp_path: Path) -> None:
    question = _one(tmp_path, "Match the HTML. {=bold -> <b> =ampersand -> &amp;}")
    assert isinstance(question.body, Matching)
    assert [p.right.get("en") for p in question.body.pairs] == ["<b>", "&amp;"]


def test_the_right_hand_side_may_hold_an_arrow(tmp_path: Path) -> None:
    question = _one(tmp_path, "Match. {=Implication -> A -> B =Equivalence -> A <-> B}")
    assert isinstance(question.body, Matching)
    assert [(p.left.get("en"), p.right.get("en")) for p in question.body.pairs] == [
        ("Implication", "A -> B"),
        ("Equivalence", "A <-> B"),
    ]


def test_an_extra_answer_first_leaves_the_pairs_after_it(tmp_path: Path) -> None:
    pack = _read(tmp_path, "Match. {= -> Jupiter =Chang'e-4 -> far side =Chang'e-3 -> near side}")
    [question] = pack.questions
    assert isinstance(question.body, Matching)
    assert [p.right.get("en") for p in question.body.pairs] == ["far side", "near side"]
    assert _notes(pack) == [
        (
            1,
            "the extra answer 'Jupiter' (no question) is left out",
            "多余的答案“Jupiter”（没有对应的问题）已略去",
        )
    ]


def test_what_a_left_item_loses_is_noted_once(tmp_path: Path) -> None:
    pack = _read(tmp_path, "Match. {=<script>x()</script>Chang'e-4 -> lander =Yutu-2 -> rover}")
    assert _notes(pack) == [(1, "a script was left out", "一段脚本已略去")]


# -- numbers -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "line", "en", "zh"),
    [
        (
            "How many landers? {\n#=2020\n=2021\n}",
            3,
            "more than one answer is worth 100%; a question here has one "
            "(widen the tolerance or use a range min..max)",
            "不止一个答案得 100%；这里的题目只能有一个（请放宽误差，或使用范围 min..max）",
        ),
        (
            "How many landers? {#\n=%50%5\n=%25%4\n}",
            1,
            "no answer is worth 100%, as Moodle requires",
            "没有一个答案得 100%，而 Moodle 要求必须有",
        ),
        (
            "How many landers? {#\n}",
            1,
            "a numerical question needs an answer, e.g. {#42:1}",
            "数值题需要一个答案，例如 {#42:1}",
        ),
        (
            "How far? {#=5\nkm}",
            1,
            "'5 km' is not a number, number:margin, or min..max",
            "“5 km”不是数、数:误差 或 min..max",
        ),
        (
            "How far?\n{#\n=1..x\n}",
            3,
            "'1..x' is not a range of two numbers (min..max)",
            "“1..x”不是由两个数组成的范围（min..max）",
        ),
        ("Q? {#..1..5}", 1, "'..1..5' is not a number, number:margin, or min..max", None),
    ],
)
def test_a_numerical_refusal_names_its_line_in_both_languages(
    tmp_path: Path, text: str, line: int, en: str, zh: str | None
) -> None:
    got = _refusal(tmp_path, text)
    assert got[:2] == (line, en)
    if zh is not None:
        assert got[2] == zh


def test_a_numerical_answer_worth_one_percent_is_noted(tmp_path: Path) -> None:
    pack = _read(tmp_path, "How many landers? {#=5 =%1%4}")
    assert pack.questions[0].body == Numeric(5, 0)
    assert _notes(pack) == [
        (
            1,
            "4±0 is worth 1% in Moodle; here it is not accepted",
            "4±0 在 Moodle 中得 1%；在此不被接受",
        )
    ]


@pytest.mark.parametrize(
    ("answers", "explanation"),
    [
        (
            "{#=23 ~#No: about ~23 days (mission #5).}",
            "Any other answer: No: about ~23 days (mission #5).",
        ),
        ("{#=23#~#Count the days.}", "Any other answer: Count the days."),
        (
            "{#=23#Right: launched from Wenchang, not Xichang.}",
            "23: Right: launched from Wenchang, not Xichang.",
        ),
    ],
)
def test_numerical_feedback_is_kept_whole(tmp_path: Path, answers: str, explanation: str) -> None:
    question = _one(tmp_path, f"How many days did Chang'e-5 take? {answers}")
    assert question.body == Numeric(23, 0)
    assert _explanation(question) == explanation


# -- choices and weights -----------------------------------------------------------------
def test_after_an_equals_sign_a_percentage_is_answer_text(tmp_path: Path) -> None:
    question = _one(tmp_path, "Growth? {=%5% a year ~none}")
    assert isinstance(question.body, SingleChoice)
    assert [c.text.get("en") for c in question.body.choices] == ["%5% a year", "none"]


def test_a_wrong_choice_worth_one_percent_is_noted(tmp_path: Path) -> None:
    pack = _read(tmp_path, "Where? {=Von Kármán ~%1%Wenchang}")
    assert _notes(pack) == [
        (
            1,
            "'Wenchang' is worth 1% in Moodle; here it counts as wrong",
            "“Wenchang”在 Moodle 中得 1%；在此算作错误",
        )
    ]


def test_a_right_choice_worth_one_percent_is_right(tmp_path: Path) -> None:
    question = _one(tmp_path, "Which? {~%99%Chang'e-4 ~%1%Chang'e-3 ~%-100%Apollo 11}")
    assert isinstance(question.body, MultipleResponse)
    assert question.body.answers == frozenset({"a", "b"})


def test_a_short_answer_worth_one_percent_is_noted(tmp_path: Path) -> None:
    pack = _read(tmp_path, "Relay? {=Queqiao =%1%Bridge}")
    assert _notes(pack) == [
        (
            1,
            "'Bridge' is worth 1% in Moodle; here it is not accepted",
            "“Bridge”在 Moodle 中得 1%；在此不被接受",
        )
    ]


@pytest.mark.parametrize(
    ("text", "line", "en", "zh"),
    [
        (
            "Which?\n{\n~Chang'e-3\n~Chang'e-4\n}",
            2,
            "no answer is marked right: put = before the right answer "
            "(or weights such as ~%50% on several right answers)",
            "没有标出正确答案：请在正确答案前加 =（或在几个正确答案上使用 ~%50% 这样的权重）",
        ),
        (
            "Which?\n{\n=Chang'e-4\n~\n}",
            2,
            "a multiple-choice question needs at least two answers",
            "选择题至少需要两个答案",
        ),
        (
            "Which?\n{\n=Chang'e-4\n~%100%Chang'e-6\n}",
            2,
            "'Chang'e-4', 'Chang'e-6' are each fully right; a one-answer question here has "
            "one right answer (make it a multiple-answer question with ~%50% weights)",
            "'Chang'e-4', 'Chang'e-6' 都是完全正确的答案；这里的单选题只有一个正确答案"
            "（请改为多选题，并使用 ~%50% 这样的权重）",
        ),
        (
            "Match.\n{\n=Chang'e-4 -> far side\n}",
            2,
            "a matching question needs at least two pairs",
            "配对题至少需要两对",
        ),
    ],
)
def test_a_refused_question_of_answers_names_the_line_of_its_brace(
    tmp_path: Path, text: str, line: int, en: str, zh: str
) -> None:
    assert _refusal(tmp_path, text) == (line, en, zh)


# -- names, braces and blocks ------------------------------------------------------------
def test_a_name_ends_at_the_first_double_colon(tmp_path: Path) -> None:
    question = _one(tmp_path, "::cpp:: Which header declares std::vector? {=vector ~list}")
    assert question.key == "cpp"
    assert to_plain(question.prompt.get("en")) == "Which header declares std::vector?"


def test_an_empty_name_is_no_name(tmp_path: Path) -> None:
    question = _one(tmp_path, "::::Far side? {T}")
    assert (question.title, question.prompt.get("en")) == (None, "Far side?")
    assert question.key.startswith("gift-")


def test_an_unclosed_name_after_a_comment_loses_only_its_colons(tmp_path: Path) -> None:
    question = _one(tmp_path, "// week 3\n::Unnamed Which? {=far ~near}")
    assert to_plain(question.prompt.get("en")) == "Unnamed Which?"


def test_braces_in_a_name_are_part_of_the_name(tmp_path: Path) -> None:
    question = _one(tmp_path, "::Sets {x}::Which? {=far ~near}")
    assert question.title == "Sets {x}"
    assert question.body == SingleChoice(question.body.choices, "a")  # type: ignore[union-attr]


def test_the_general_feedback_starts_at_the_last_four_hashes(tmp_path: Path) -> None:
    # As Moodle's strrpos: an answer's feedback may hold '####'.
    question = _one(tmp_path, "Hashes? {=4 #Yes: ####, four. ~3 ####Moodle splits at the last.}")
    assert isinstance(question.body, SingleChoice)
    assert question.body.choices[0].feedback == LocalizedText.of("Yes: ####, four.")
    assert _explanation(question) == "Moodle splits at the last."


def test_a_third_hash_in_true_false_feedback_is_text(tmp_path: Path) -> None:
    question = _one(tmp_path, "Yutu-2 is a rover. {T#No.#Yes: it rode on mission #4.}")
    assert question.body == TrueFalse(True)
    assert _explanation(question) == "False: No.\n\nTrue: Yes: it rode on mission #4."


@pytest.mark.parametrize(
    ("text", "line", "en", "zh"),
    [
        (
            "Which came first?\n=Chang'e-1 ~Chang'e-2}",
            2,
            "a '}' with no '{' before it (write \\} for a brace)",
            "“}”之前没有“{”（花括号本身请写作 \\}）",
        ),
        (
            "Which came first?\n{=Chang'e-1\n~Chang'e-2",
            2,
            "a '{' with no '}' after it (write \\{ for a brace)",
            "“{”之后没有“}”（花括号本身请写作 \\{）",
        ),
        (
            "Far side? {T}{F}",
            1,
            "a second {answers} in one question: is a blank line missing between two "
            "questions? (write \\{ for a brace)",
            "一道题中出现了第二个 {answers}：两道题之间是否少了空行？（花括号本身请写作 \\{）",
        ),
        ("Far side? {T}\nNear side? {F}\nRim? {T}", 2, "a second {answers}", None),
        ("Far side? {T}\nWhich? {\n=far\n~near\n}", 2, "a second {answers}", None),
        (
            "Chang'e-4 landed on the far side.\n",
            1,
            "text with no {answers} is a description in Moodle, not a question",
            "没有 {answers} 的文字在 Moodle 中是说明，不是题目",
        ),
        ("{=far ~near}", 1, "the question has no text", "题目没有文字"),
        (
            "Describe the far side. {}",
            1,
            "an essay question ({} with no answers) cannot be marked here; with a model "
            "answer as its general feedback ({####answer}) it becomes a self-rated card",
            "论述题（没有答案的 {}）无法在此评分；若把参考答案写作总体反馈"
            "（{####answer}），它会成为自评卡片",
        ),
    ],
)
def test_a_misshapen_question_is_told_where_and_why(
    tmp_path: Path, text: str, line: int, en: str, zh: str | None
) -> None:
    got_line, got_en, got_zh = _refusal(tmp_path, text)
    assert got_line == line
    assert got_en.startswith(en)
    if zh is not None:
        assert (got_en, got_zh) == (en, zh)


def test_an_essay_becoming_a_card_is_noted_at_its_line(tmp_path: Path) -> None:
    pack = _read(tmp_path, "// week 3\n\nDescribe the far side.\n{\n####It never faces Earth.\n}")
    assert isinstance(pack.questions[0].body, Card)
    assert _notes(pack) == [
        (
            3,
            "an essay ({####...}) becomes a self-rated card; its general feedback is the "
            "card's back",
            "论述题（{####...}）改为自评卡片；其总体反馈为卡片背面",
        )
    ]


def test_what_html_loses_is_noted_at_the_first_line_of_a_long_question(tmp_path: Path) -> None:
    pack = _read(tmp_path, "::ce4:: Far side?\n<script>x()</script>\n{T}")
    assert _notes(pack) == [(1, "a script was left out", "一段脚本已略去")]


# -- the file ----------------------------------------------------------------------------
def test_a_category_glued_to_a_question_is_told_in_both_languages(tmp_path: Path) -> None:
    path = _path(tmp_path, "$CATEGORY: Far side\nWhich? {=far ~near}\n\nRim? {T}")
    with pytest.raises(PartialPackError) as caught:
        load_gift(path)
    assert [(p.file, p.line, p.message, p.zh) for p in caught.value.problems] == [
        (
            str(path),
            2,
            "a question follows $CATEGORY without a blank line; "
            "Moodle would read it as part of the category's name",
            "$CATEGORY 后面紧跟着题目，中间没有空行；Moodle 会把它当作类别名称的一部分",
        )
    ]


def test_old_mac_line_endings_separate_questions(tmp_path: Path) -> None:
    pack = _read(tmp_path, "Far side? {T}\r\rNear side?\r{F}\r")
    assert [(q.prompt.get("en"), q.body) for q in pack.questions] == [
        ("Far side?", TrueFalse(True)),
        ("Near side?", TrueFalse(False)),
    ]


def test_a_noncharacter_after_a_blank_first_line_is_on_line_two(tmp_path: Path) -> None:
    path = _path(tmp_path, "\nBad \ufdd1 text? {T}")
    with pytest.raises(PackError) as caught:
        load_gift(path)
    assert [(p.file, p.line, p.zh) for p in caught.value.problems] == [
        (str(path), 2, "含有 U+FDD1，这是 Unicode 非字符")
    ]


def test_a_gift_file_cannot_replace_a_pack_with_a_manifest(
    tmp_path: Path, database: Database
) -> None:
    import_pack(database, builtin_packs_dir() / "lunar-science")
    path = _path(tmp_path, "Far side? {T}", "lunar-science.gift")
    with pytest.raises(ImportRefusedError, match="a gift file cannot replace it"):
        import_pack(database, path)


# -- writing -----------------------------------------------------------------------------
def _pack(*bodies: Body) -> Pack:
    info = PackInfo(
        PackId("change-missions"),
        "1.0.0",
        LocalizedText.of("Missions"),
        ("en",),
        (Topic(TopicKey("t"), LocalizedText.of("Far side")),),
    )
    questions = tuple(
        Question(QuestionKey(f"q{i}"), TopicKey("t"), 2, LocalizedText.of("Which?"), body)
        for i, body in enumerate(bodies, start=1)
    )
    return Pack(info, questions)


def test_a_short_answer_is_written_as_moodle_shows_it(tmp_path: Path) -> None:
    body = ShortText(LocalizedList.of({"en": ["<br>", "Chang'e-4", "Magpie\r\nBridge"]}))
    text = gift_text(_pack(body)).text
    assert "\t=&lt;br&gt;\n\t=Chang'e-4\n\t=Magpie\\nBridge\n" in text
    assert "\r" not in text
    back = _one(tmp_path, text)
    assert back.body == ShortText(LocalizedList.of({"en": ["<br>", "Chang'e-4", "Magpie\nBridge"]}))


def test_numbers_and_weights_are_written_short() -> None:
    two_of_three = MultipleResponse(
        tuple(
            Choice(c, LocalizedText.of(t))
            for c, t in zip("abc", ["CE-4", "CE-3", "Apollo"], strict=True)
        ),
        frozenset({"a", "b"}),
    )
    text = gift_text(_pack(Numeric(186.0, 5.0), two_of_three)).text
    assert "\t#186:5\n" in text
    assert "\t~%50%CE-4\n\t~%50%CE-3\n\t~%-100%Apollo\n" in text


def test_a_wrong_choice_gets_a_weight_only_when_its_text_needs_one() -> None:
    choices = (
        Choice("a", LocalizedText.of("Chang'e-4")),
        Choice("b", LocalizedText.of("Apollo 11")),
        Choice("c", LocalizedText.of("%5% of them")),
    )
    text = gift_text(_pack(SingleChoice(choices, "a"), Numeric(1731.0, 0.0))).text
    assert "\t=Chang'e-4\n\t~Apollo 11\n\t~%0%%5% of them\n" in text
    assert "\t#1731\n" in text  # no ':0' for an exact answer


def test_a_short_answer_that_would_read_as_something_else_gets_its_weight() -> None:
    text = gift_text(
        _pack(
            ShortText(LocalizedList.of({"en": ["TRUE"]})),
            ShortText(LocalizedList.of({"en": ["%5% growth", "five percent"]})),
        )
    ).text
    assert "\t=%100%TRUE\n" in text
    assert "\t=%100%%5% growth\n\t=five percent\n" in text


def test_an_ordering_question_is_left_out_saying_why_in_both_languages() -> None:
    from quiz_app.core.questions import Ordering

    items = tuple(
        Choice(c, LocalizedText.of(t)) for c, t in zip("abc", ("CE-3", "CE-4", "CE-5"), strict=True)
    )
    left_out = gift_text(_pack(Ordering(items))).left_out
    assert [(key, why.en, why.zh) for key, why in left_out] == [
        ("q1", "GIFT has no ordering questions", "GIFT 没有排序题")
    ]


def test_a_chinese_export_writes_every_text_in_chinese(tmp_path: Path) -> None:
    from quiz_app.core.questions import Pair

    def zh(en: str, zh: str) -> LocalizedText:
        return LocalizedText.of({"en": en, "zh": zh})

    info = PackInfo(
        PackId("change-missions"),
        "1.0.0",
        zh("Missions", "任务"),
        ("en", "zh"),
        (Topic(TopicKey("t"), zh("Near/far side", "正面/背面")),),
    )
    choice = Question(
        QuestionKey("landing"),
        TopicKey("t"),
        2,
        zh("Where?", "在哪里？"),
        SingleChoice((Choice("a", zh("far side", "背面")), Choice("b", zh("near", "正面"))), "a"),
        explanation=zh("Von Kármán crater.", "冯·卡门撞击坑。"),
        title="Rock & regolith",
    )
    pairs = Question(
        QuestionKey("roles"),
        TopicKey("t"),
        2,
        zh("Match.", "配对。"),
        Matching(
            (
                Pair("p1", zh("Yutu-2", "玉兔二号"), zh("rover", "月球车")),
                Pair("p2", zh("Queqiao", "鹊桥"), zh("relay", "中继星")),
            )
        ),
    )
    text = gift_text(Pack(info, (choice, pairs)), "zh").text
    assert "$CATEGORY: 任务/正面//背面\n" in text
    assert "::Rock & regolith::[html]在哪里？{\n\t=背面\n\t~正面\n" in text
    assert "\t####冯·卡门撞击坑。\n" in text
    assert "\t=玉兔二号 -> 月球车\n" in text
    english = gift_text(Pack(info, (choice, pairs)), "en").text
    assert "$CATEGORY: Missions/Near//far side\n" in english


def test_a_numerical_answer_given_as_whole_numbers_exports(tmp_path: Path) -> None:
    """A pack made in code (the editor, a spreadsheet) may hold 186 rather than 186.0:
    the export writes it as GIFT's plain number, not a crash."""
    from dataclasses import replace

    from quiz_app.core.questions import Numeric

    pack = _read(tmp_path, "::crater::Crater diameter in m? {#186:5}")
    whole = replace(pack, questions=(replace(pack.questions[0], body=Numeric(186, 5)),))
    assert "\t#186:5\n" in gift_text(whole).text
    negative = replace(pack, questions=(replace(pack.questions[0], body=Numeric(-3)),))
    assert "\t#-3\n" in gift_text(negative).text


def test_a_whole_number_answer_is_written_without_a_point_however_long(tmp_path: Path) -> None:
    """An answer of 10^15 was exported as 1000000000000000.0, one of 999999999999999 without
    the point: the export now writes every whole number Python writes in digits as digits
    alone, and larger ones as 2.5e+16, which Moodle and this reader read back the same."""
    from dataclasses import replace

    pack = _read(tmp_path, "::far::Distance in m? {#1:0.5}")

    def exported(answer: float, tolerance: float) -> str:
        body = Numeric(answer, tolerance)
        text = gift_text(replace(pack, questions=(replace(pack.questions[0], body=body),))).text
        assert _one(tmp_path, text).body == body
        return text

    assert "\t#1000000000000000:0.5\n" in exported(1e15, 0.5)
    assert "\t#9007199254740992:1000000000000000\n" in exported(2.0**53, 1e15)
    assert "\t#2.5e+16:0.001\n" in exported(2.5e16, 0.001)
