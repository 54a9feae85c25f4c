"""How problems read (issue 19): the heading, the place, the question, the language."""

from __future__ import annotations

from quiz_app.core.errors import (
    LearnerClashError,
    PackError,
    Problem,
    QuizError,
    ResultsFileError,
)


def test_one_problem_is_headed_in_the_singular() -> None:
    err = PackError([Problem("week-3.gift", 4, "the question has no text")])
    assert str(err) == "1 problem:\n  week-3.gift:4: the question has no text"
    assert err.problems == (Problem("week-3.gift", 4, "the question has no text"),)


def test_several_problems_are_counted_and_each_has_its_line() -> None:
    err = PackError(
        [
            Problem("pack.toml", None, "missing field 'version'"),
            Problem("q.toml", 7, "answer 'z' is not one of the choices (a, b)", "ce4"),
        ]
    )
    assert str(err) == (
        "2 problems:\n"
        "  pack.toml: missing field 'version'\n"
        "  q.toml:7: question 'ce4': answer 'z' is not one of the choices (a, b)"
    )


def test_no_problems_still_reads() -> None:
    assert str(PackError([])) == "0 problems:\n"


def test_a_problem_in_chinese_names_the_question_the_chinese_way() -> None:
    problem = Problem("q.toml", 7, "no text", "ce4", zh="没有文字")
    assert problem.text("zh") == "q.toml:7: 题目“ce4”：没有文字"
    assert problem.text("en") == "q.toml:7: question 'ce4': no text"
    assert str(problem) == "q.toml:7: question 'ce4': no text"
    assert Problem("q.toml", None, "no text", zh="没有文字").text("zh") == "q.toml: 没有文字"


def test_a_problem_without_chinese_reads_in_english_in_chinese_too() -> None:
    problem = Problem("q.toml", 3, "no text", "ce4")
    assert problem.text("zh") == "q.toml:3: question 'ce4': no text"


def test_the_translation_does_not_make_two_problems_differ() -> None:
    assert Problem("q.toml", 3, "no text") == Problem("q.toml", 3, "no text", zh="没有文字")


def test_results_file_problems_read_like_pack_problems() -> None:
    err = ResultsFileError([Problem("class.quizresults", None, "not a results file")])
    assert str(err) == "1 problem:\n  class.quizresults: not a results file"
    two = ResultsFileError([Problem("f", 1, "a"), Problem("f", 2, "b")])
    assert str(two) == "2 problems:\n  f:1: a\n  f:2: b"
    assert two.problems == (Problem("f", 1, "a"), Problem("f", 2, "b"))


def test_a_learner_clash_names_the_learners() -> None:
    err = LearnerClashError([Problem("f", None, "'Li Wei' is in both")], ("Li Wei",))
    assert err.names == ("Li Wei",)
    assert str(err) == "1 problem:\n  f: 'Li Wei' is in both"
    assert isinstance(err, ResultsFileError)


def test_an_empty_message_is_an_empty_message() -> None:
    err = QuizError()
    assert str(err) == ""
    assert err.message("zh") == ""


def test_a_chinese_message_is_used_only_in_chinese() -> None:
    err = QuizError("Busy.", zh="忙。")
    assert err.message("en") == "Busy."
    assert err.message("fr") == "Busy."
    assert err.message("zh") == "忙。"
    assert err.args == ("Busy.",)
