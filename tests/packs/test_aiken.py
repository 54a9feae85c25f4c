from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.errors import PackError, PartialPackError
from quiz_app.core.questions import SingleChoice
from quiz_app.packs.aiken import aiken_text, load_aiken, parse_aiken
from quiz_app.packs.formats import load_any
from quiz_app.packs.rich_text import to_plain
from quiz_app.services.packs import get_pack, import_pack
from quiz_app.storage import Database
from tests.conftest import DATA, snapshot

EXAMPLE = DATA / "aiken" / "moodle-example.txt"


def test_a_moodle_style_file_becomes_a_pack() -> None:
    pack = load_any(EXAMPLE)
    assert pack.info.id == "moodle-example"
    assert len(pack.questions) == 3
    first = pack.questions[0]
    assert (
        first.prompt.get("en")
        == "Which mission made the first soft landing on the Moon's far side?"
    )
    assert isinstance(first.body, SingleChoice)
    assert [c.text.get("en") for c in first.body.choices] == ["Chang'e-3", "Chang'e-4", "Chang'e-5"]
    assert first.body.answer == "b"
    # Both '.' and ')' after the letter; no blank line needed before a question.
    assert pack.questions[2].body.answer == "b"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Q?\nA. x\nB. y\nANSWER: C\n", 4, "ANSWER: C is not one of the choices (A, B)"),
        ("Q?\nA. x\nANSWER: A\n", 3, "the question at line 1 needs at least two choices"),
        ("Q?\ncontinued\nA. x\nB. y\nANSWER: A\n", 2, "the question at line 1 must be on one line"),
        ("Q?\nA. x\nB. y\n", 1, "this question has no 'ANSWER: X' line"),
        ("Q?\nA. x\nA. y\nANSWER: A\n", 3, "choice A appears twice in the question at line 1"),
        (
            "Q?\nA. x\nB. y\nAnswer: a\n",
            4,
            "write the answer line as 'ANSWER: X', with one capital letter",
        ),
        (
            "Q?\nA. x\nB. y\nnot a choice\nANSWER: A\n",
            4,
            "expected a choice ('A. text' or 'A) text') or 'ANSWER: X'",
        ),
        ("A. x\nB. y\nANSWER: A\n", 1, "a choice or ANSWER line with no question before it"),
    ],
)
def test_what_moodle_would_refuse_is_reported_with_its_line(
    text: str, line: int, message: str
) -> None:
    with pytest.raises(PackError) as caught:
        parse_aiken(text, "quiz.txt")
    assert [str(p) for p in caught.value.problems] == [f"quiz.txt:{line}: {message}"]


def test_every_problem_is_reported_and_the_good_questions_do_not_hide_them() -> None:
    text = "Q1?\nA. x\nB. y\nANSWER: Z\n\nQ2?\nA. x\nB. y\nANSWER: A\n\nQ3?\nA. x\n"
    with pytest.raises(PackError) as caught:
        parse_aiken(text, "quiz.txt")
    assert [p.line for p in caught.value.problems] == [4, 11]


def test_a_bad_block_leaves_the_rest_to_the_teacher(tmp_path: Path, database: Database) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text(EXAMPLE.read_text() + "\nLast?\nA. x\nB. y\nANSWER: Q\n")
    before = snapshot(database)
    with pytest.raises(
        PartialPackError, match=r"broken\.txt:21: ANSWER: Q is not one of"
    ) as caught:
        import_pack(database, broken)
    assert snapshot(database) == before  # nothing without the teacher's consent
    assert len(caught.value.pack.questions) == 3  # the good ones are offered
    plan = import_pack(database, broken, skip_invalid=True)
    assert len(plan.added) == 3
    assert [p.line for p in plan.skipped] == [21]


def test_a_file_of_bad_blocks_only_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text("Q?\nA. x\nANSWER: A\n")
    with pytest.raises(PackError) as caught:
        load_aiken(broken)
    assert not isinstance(caught.value, PartialPackError)


@pytest.mark.parametrize("style", ["A.", "A)", "A. ", "A) ", "A.  "])
def test_choice_letters_as_moodle_reads_them(style: str) -> None:
    second = style.replace("A", "B")
    text = f"Which landed on the far side?\n{style}Chang'e-3\n{second}Chang'e-4\nANSWER: B\n"
    [(_, _, body)] = parse_aiken(text, "quiz.txt")
    assert isinstance(body, SingleChoice)
    assert [c.text.get("en") for c in body.choices] == ["Chang'e-3", "Chang'e-4"]
    assert body.answer == "b"


def test_plain_text_stays_plain(tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.txt"
    quiz.write_text("What is 2*3*4?\nA. 24\nB. _9_\nANSWER: A\n")
    [question] = load_aiken(quiz).questions
    assert to_plain(question.prompt.get("en")) == "What is 2*3*4?"  # no italics from stars
    assert isinstance(question.body, SingleChoice)
    assert to_plain(question.body.choices[1].text.get("en")) == "_9_"
    assert aiken_text(load_aiken(quiz)).text == quiz.read_text()  # written back as typed


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("月球?\nA. 是\nB. 否\nANSWER: A\n".encode("gbk"))
    with pytest.raises(PackError, match=r"legacy\.txt:1: is not UTF-8 text"):
        load_aiken(legacy)


def test_import_reimport_and_export_round_trip(tmp_path: Path, database: Database) -> None:
    plan = import_pack(database, EXAMPLE)
    assert len(plan.added) == 3
    assert import_pack(database, EXAMPLE).kind.value == "unchanged"
    stored = get_pack(database, "moodle-example")
    exported = tmp_path / "moodle-example.txt"
    exported.write_text(aiken_text(stored).text, encoding="utf-8")
    again = load_aiken(exported)
    assert [q.key for q in again.questions] == [q.key for q in stored.questions]
    assert [q.body for q in again.questions] == [q.body for q in stored.questions]


def test_an_edited_file_keeps_the_ids_of_unchanged_questions(tmp_path: Path) -> None:
    original = load_aiken(EXAMPLE)
    edited = tmp_path / "moodle-example.txt"
    text = EXAMPLE.read_text().replace(
        "Where was Chang'e-5 launched from?", "From which site was Chang'e-5 launched?"
    )
    edited.write_text(text)
    changed = load_aiken(edited)
    assert [q.key for q in changed.questions][:2] == [q.key for q in original.questions][:2]
    assert changed.questions[2].key != original.questions[2].key
