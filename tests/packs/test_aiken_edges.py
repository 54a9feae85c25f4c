"""Aiken at its edges (issue 19): the smallest question, the last letter, odd spacing."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.errors import PackError
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.questions import Choice, Pack, PackInfo, Question, SingleChoice, TrueFalse
from quiz_app.core.text import LocalizedText
from quiz_app.packs import limits
from quiz_app.packs.aiken import aiken_text, load_aiken, parse_aiken, read_aiken, read_text_file


def _body(text: str) -> SingleChoice:
    [(_, _, body)] = parse_aiken(text, "quiz.txt")
    assert isinstance(body, SingleChoice)
    return body


def test_two_choices_are_enough() -> None:
    body = _body("Far side?\nA. Chang'e-3\nB. Chang'e-4\nANSWER: B\n")
    assert [c.id for c in body.choices] == ["a", "b"]
    assert body.answer == "b"


def test_the_answer_may_be_the_first_or_the_last_letter() -> None:
    letters = "ABCDEFGHIJ"
    choices = "".join(f"{x}. Crater {x}\n" for x in letters)
    assert _body(f"Which?\n{choices}ANSWER: A\n").answer == "a"
    assert _body(f"Which?\n{choices}ANSWER: J\n").answer == "j"


@pytest.mark.parametrize("line", ["ANSWER:B", "ANSWER: B", "ANSWER:  B  ", "  ANSWER: B"])
def test_the_answer_line_with_any_spaces(line: str) -> None:
    assert _body(f"Far side?\nA. x\nB. y\n{line}\n").answer == "b"


@pytest.mark.parametrize("line", ["ANSWER: b", "ANSWER B", "answer: B", "ANSWER: BB"])
def test_an_answer_line_otherwise_is_reported(line: str) -> None:
    _, problems = read_aiken(f"Far side?\nA. x\nB. y\n{line}\n", "quiz.txt")
    assert [(p.line, p.message) for p in problems] == [
        (4, "write the answer line as 'ANSWER: X', with one capital letter")
    ]


def test_choice_text_folds_its_spaces() -> None:
    body = _body("Which?\nA.   Von  Kármán   \nB)x\nANSWER: A\n")
    assert [c.text for c in body.choices] == [
        LocalizedText.of("Von Kármán"),
        LocalizedText.of("x"),
    ]


def test_a_lower_case_letter_is_not_a_choice() -> None:
    _, problems = read_aiken("Which?\na. x\nB. y\nANSWER: B\n", "quiz.txt")
    assert [p.line for p in problems] == [2]
    assert problems[0].message == "the question at line 1 must be on one line"


def test_questions_need_no_blank_line_between_them() -> None:
    questions = parse_aiken("Q1?\nA. x\nB. y\nANSWER: A\nQ2?\nA. x\nB. y\nANSWER: B\n", "q.txt")
    assert [(line, prompt) for line, prompt, _ in questions] == [(1, "Q1?"), (5, "Q2?")]


def test_a_broken_question_skips_to_the_next_blank_line() -> None:
    text = "Q1?\nA. x\nA. y\nB. z\nANSWER: A\n\nQ2?\nA. x\nB. y\nANSWER: B\n"
    questions, problems = read_aiken(text, "q.txt")
    assert [line for line, _, _ in questions] == [7]
    assert [p.line for p in problems] == [3]


def test_an_empty_file_holds_no_questions() -> None:
    _, problems = read_aiken("\n\n", "q.txt")
    assert [str(p) for p in problems] == ["q.txt: holds no questions"]


def test_windows_line_endings_and_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "quiz.txt"
    path.write_bytes(b"\xef\xbb\xbfFar side?\r\nA. x\r\nB. y\r\nANSWER: B\r\n")
    [question] = load_aiken(path).questions
    assert question.prompt == LocalizedText.of("Far side?")


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"
    with pytest.raises(PackError) as caught:
        read_text_file(gone)
    assert [str(p) for p in caught.value.problems] == [
        f"{gone}: cannot be read (No such file or directory)"
    ]


def test_a_folder_is_not_a_file_to_read(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        read_text_file(tmp_path)
    [problem] = caught.value.problems
    assert problem.file == str(tmp_path)
    assert problem.message.startswith("cannot be read (")


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "QUESTION_FILE_MAX", 20)
    path = tmp_path / "quiz.txt"
    path.write_bytes(b"x" * 20)
    assert read_text_file(path) == "x" * 20  # exactly the limit
    path.write_bytes(b"x" * 21)
    with pytest.raises(PackError) as caught:
        read_text_file(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}: file is 21 bytes, over the limit of 20 bytes"
    ]


def test_not_utf8_names_the_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "quiz.txt"
    path.write_bytes(b"Q?\nA. caf\xe9\nB. y\nANSWER: A\n")
    with pytest.raises(PackError) as caught:
        read_text_file(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.message) == (
        2,
        "is not UTF-8 text (byte 9); save it as UTF-8",
    )


def test_only_single_choice_questions_are_written(tmp_path: Path) -> None:
    path = tmp_path / "quiz.txt"
    path.write_text("Far side?\nA. x\nB. y\nANSWER: B\n\nQ2?\nA. 1\nB. 2\nC. 3\nANSWER: C\n")
    export = aiken_text(load_aiken(path))
    assert export.text == path.read_text()
    assert export.left_out == ()


def test_a_stray_choice_before_any_question_leaves_the_questions_after_it() -> None:
    text = "A. stray\n\nFar side?\nA. x\nB. y\nANSWER: B\n"
    questions, problems = read_aiken(text, "q.txt")
    assert [line for line, _, _ in questions] == [3]
    assert [(p.line, p.message) for p in problems] == [
        (1, "a choice or ANSWER line with no question before it")
    ]


def test_an_aiken_pack_says_where_it_came_from(tmp_path: Path) -> None:
    path = tmp_path / "week-3.txt"
    path.write_text("Far side?\nA. x\nB. y\nANSWER: B\n")
    pack = load_aiken(path)
    assert pack.origin == "aiken"
    assert pack.info.id == "week-3"


def _pack_of(questions: list[Question]) -> Pack:
    info = PackInfo(PackId("p"), "1.0.0", LocalizedText.of("P"), ("en", "zh"), ())
    return Pack(info, tuple(questions))


def _question(key: str, body: SingleChoice | TrueFalse) -> Question:
    return Question(
        QuestionKey(key),
        TopicKey("t"),
        1,
        LocalizedText.of({"en": "Where did  Chang'e-4 land?", "zh": "嫦娥四号在哪里着陆？"}),
        body,
    )


def test_what_aiken_cannot_hold_is_left_out_and_the_rest_written() -> None:
    crater = SingleChoice(
        (
            Choice("a", LocalizedText.of({"en": "Von Kármán crater", "zh": "冯·卡门撞击坑"})),
            Choice("b", LocalizedText.of({"en": "Mare Imbrium", "zh": "雨海"})),
        ),
        "a",
    )
    pack = _pack_of([_question("tf", TrueFalse(True)), _question("sc", crater)])
    export = aiken_text(pack)
    assert export.left_out == (
        ("tf", ("Aiken holds only single-choice questions", "Aiken 只能容纳单选题")),
    )
    assert export.text == (
        "Where did Chang'e-4 land?\nA. Von Kármán crater\nB. Mare Imbrium\nANSWER: A\n"
    )
    assert (
        aiken_text(pack, "zh").text
        == "嫦娥四号在哪里着陆？\nA. 冯·卡门撞击坑\nB. 雨海\nANSWER: A\n"
    )
