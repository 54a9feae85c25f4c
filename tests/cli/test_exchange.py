"""``quiz-app results export-learners`` and ``quiz-app results merge``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz_app.__main__ import main
from quiz_app.cli.main import NO_PIN_NOTE
from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizSettings
from quiz_app.services import bank as bank_services
from quiz_app.services import packs as pack_services
from quiz_app.services.learners import create_learner
from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer
from quiz_app.services.teacher import set_pin
from quiz_app.storage import open_database
from tests.conftest import NOW, SAMPLE_PACK, snapshot


@pytest.fixture(autouse=True)
def no_builtin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Banks without the built-in packs: the sample pack is all they hold."""
    empty = tmp_path / "no-builtin"
    empty.mkdir()
    monkeypatch.setattr(pack_services, "builtin_packs_dir", lambda: empty)
    monkeypatch.setattr(bank_services, "builtin_packs_root", lambda: empty)  # at start


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit code, output and errors (without the note that a bank has no teacher PIN,
    which tests/cli/test_exchange.py checks on its own)."""
    code, out, err = run_raw(capsys, *args)
    return code, out, err.replace(NO_PIN_NOTE + "\n", "")


def run_raw(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def laptop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A learner's bank: Ada took one quiz of 7 questions, Bob none."""
    url = f"sqlite:///{tmp_path / 'laptop.sqlite3'}"
    assert run(capsys, "--db", url, "packs", "import", str(SAMPLE_PACK))[0] == 0
    database = open_database(url)
    ada = create_learner(database, "Ada", now=NOW).value
    create_learner(database, "Bob", now=NOW)
    quiz = start_quiz(database, ada.id, QuizSettings(count=7), seed=1, now=NOW).value
    for question in quiz_questions(database, quiz):
        response = right_response(question.question.body)
        submit_answer(database, quiz.id, question.id, response, 3000, now=NOW)
    finish_quiz(database, quiz.id, now=NOW)
    database.close()
    return url


@pytest.fixture
def teacher(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    url = f"sqlite:///{tmp_path / 'teacher.sqlite3'}"
    assert run(capsys, "--db", url, "packs", "import", str(SAMPLE_PACK))[0] == 0
    return url


def _snapshot(url: str) -> object:
    database = open_database(url)
    try:
        return snapshot(database)
    finally:
        database.close()


def test_export_then_merge_on_another_bank(
    capsys: pytest.CaptureFixture[str], laptop: str, teacher: str, tmp_path: Path
) -> None:
    target = tmp_path / "ada.jsonl"
    code, out, _ = run(
        capsys, "--db", laptop, "results", "export-learners", str(target), "--learner", "Ada"
    )
    assert (code, out) == (0, f"Wrote 1 learner, 1 quiz and 7 answers to {target}\n")

    before = _snapshot(teacher)
    code, out, _ = run(capsys, "--db", teacher, "results", "merge", str(target), "--dry-run")
    assert (code, out) == (
        0,
        "Would merge ada.jsonl: 1 learner added, 1 quiz added (0 already here), "
        "7 answers added (0 already here).\n",
    )
    assert _snapshot(teacher) == before

    code, out, _ = run(capsys, "--db", teacher, "results", "merge", str(target))
    assert (code, out) == (
        0,
        "Merged ada.jsonl: 1 learner added, 1 quiz added (0 already here), "
        "7 answers added (0 already here).\n",
    )
    code, out, _ = run(capsys, "--db", teacher, "results", "merge", str(target))
    assert out == (
        "Merged ada.jsonl: 0 learners added, 0 quizzes added (1 already here), "
        "0 answers added (7 already here).\n"
    )
    report = tmp_path / "class.csv"
    assert run(capsys, "--db", teacher, "results", "export", str(report), "--by", "learner")[0] == 0
    assert report.read_text(encoding="utf-8").splitlines() == [
        "learner,quizzes,answers,mean_score_percent,minutes",
        "Ada,1,7,100.0,0.3",
    ]


def test_every_learner_by_default_and_no_overwriting(
    capsys: pytest.CaptureFixture[str], laptop: str, tmp_path: Path
) -> None:
    target = tmp_path / "class.jsonl"
    code, out, _ = run(capsys, "--db", laptop, "results", "export-learners", str(target))
    assert (code, out) == (0, f"Wrote 2 learners, 1 quiz and 7 answers to {target}\n")
    code, _, err = run(capsys, "--db", laptop, "results", "export-learners", str(target))
    assert (code, err) == (1, f"quiz-app: {target} already exists; choose a new name\n")
    code, _, err = run(
        capsys,
        "--db",
        laptop,
        "results",
        "export-learners",
        str(tmp_path / "z"),
        "--learner",
        "Zed",
    )
    assert (code, err) == (1, "quiz-app: no learner called 'Zed' in this bank\n")


def test_a_refused_merge_lists_each_problem_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], laptop: str, tmp_path: Path
) -> None:
    target = tmp_path / "ada.jsonl"
    run(capsys, "--db", laptop, "results", "export-learners", str(target), "--learner", "Ada")
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text("".join(lines[:4]) + "{oops\n" + "".join(lines[4:]), encoding="utf-8")
    empty = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    run(capsys, "--db", empty, "db", "check")
    before = _snapshot(empty)

    code, out, err = run(capsys, "--db", empty, "results", "merge", str(target))

    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "2 problems:",
        "  ada.jsonl:3: pack 'sample' is not in this bank: import pack sample first",
        "  ada.jsonl:5: JSON syntax error: Expecting property name enclosed in double quotes "
        "(column 2)",
        "Nothing was merged: the bank is as it was.",
    ]
    assert _snapshot(empty) == before


def test_both_commands_need_the_teacher_pin_once_there_is_one(
    capsys: pytest.CaptureFixture[str],
    laptop: str,
    teacher: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for url in (laptop, teacher):
        database = open_database(url)
        set_pin(database, "2468")
        database.close()
    target = tmp_path / "ada.jsonl"

    code, _, err = run(capsys, "--db", laptop, "results", "export-learners", str(target))
    assert code == 1
    assert "this bank has a teacher PIN: give it with --pin-env VAR" in err
    assert not target.exists()
    monkeypatch.setenv("QUIZ_PIN", "2468")
    export = ("results", "export-learners", str(target), "--pin-env", "QUIZ_PIN")
    assert run(capsys, "--db", laptop, *export)[0] == 0

    before = _snapshot(teacher)
    code, _, err = run(capsys, "--db", teacher, "results", "merge", str(target))
    assert code == 1
    assert "this bank has a teacher PIN: give it with --pin-env VAR" in err
    monkeypatch.setenv("QUIZ_PIN", "1111")
    merge = ("results", "merge", str(target), "--pin-env", "QUIZ_PIN")
    code, _, err = run(capsys, "--db", teacher, *merge)
    assert (code, err) == (1, "quiz-app: That is not the teacher PIN.\n")
    after = _snapshot(teacher)
    assert isinstance(after, dict)
    assert isinstance(before, dict)
    tried = [row for row in after["setting"] if row[0] == "teacher_pin_failures"]
    assert [json.loads(row[1])["count"] for row in tried] == [1]  # the wrong try counts
    after["setting"] = [row for row in after["setting"] if row not in tried]
    assert after == before  # and nothing else changed
    monkeypatch.setenv("QUIZ_PIN", "2468")
    code, out, _ = run(capsys, "--db", teacher, *merge)
    assert code == 0
    assert out.startswith("Merged ada.jsonl: 2 learners added, 1 quiz added")


def test_an_ada_of_another_computer_is_merged_only_when_the_teacher_says_so(
    capsys: pytest.CaptureFixture[str], laptop: str, teacher: str, tmp_path: Path
) -> None:
    database = open_database(teacher)
    create_learner(database, "Ada", now=NOW)  # the teacher's own Ada, created here
    database.close()
    target = tmp_path / "ada.jsonl"
    run(capsys, "--db", laptop, "results", "export-learners", str(target), "--learner", "Ada")
    before = _snapshot(teacher)
    code, out, err = run(capsys, "--db", teacher, "results", "merge", str(target))
    assert (code, out) == (1, "")
    assert "ada.jsonl:2: 'Ada' in this file was created on another computer" in err
    assert "merge again with --same-learner Ada;" in err
    assert _snapshot(teacher) == before
    code, out, _ = run(
        capsys, "--db", teacher, "results", "merge", str(target), "--same-learner", "Ada"
    )
    assert (code, out) == (
        0,
        "Merged ada.jsonl: 0 learners added, 1 quiz added (0 already here), "
        "7 answers added (0 already here).\n",
    )


def test_teacher_commands_say_how_to_set_a_pin_then_need_it(
    capsys: pytest.CaptureFixture[str],
    teacher: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    csv_file = str(tmp_path / "class.csv")
    export = ("results", "export", csv_file, "--by", "learner")
    code, _, err = run_raw(capsys, "--db", teacher, *export)
    assert code == 0
    assert "no teacher PIN" in err
    assert "quiz-app teacher set-pin" in err
    monkeypatch.setenv("NEW_PIN", "2468")
    code, out, _ = run(capsys, "--db", teacher, "teacher", "set-pin", "--new-pin-env", "NEW_PIN")
    assert (code, out) == (0, "The teacher PIN is set: teacher commands now ask for it.\n")
    code, _, err = run(capsys, "--db", teacher, "results", "export", csv_file, "--by", "learner")
    assert code == 1
    assert "give it with --pin-env VAR" in err
    monkeypatch.setenv("PIN", "2468")
    export = ("results", "export", csv_file + "2", "--by", "learner", "--pin-env", "PIN")
    code, _, err = run_raw(capsys, "--db", teacher, *export)
    assert code == 0
    assert "no teacher PIN" not in err
    # changing it needs the current one
    monkeypatch.setenv("WRONG", "1111")
    code, _, err = run(
        capsys, "--db", teacher, "teacher", "set-pin", "--pin-env", "WRONG", "--new-pin-env", "PIN"
    )
    assert code == 1
    assert "not the current teacher PIN" in err


def test_the_teacher_clears_a_learners_forgotten_password(
    capsys: pytest.CaptureFixture[str], teacher: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz_app.services.learners import list_learners

    database = open_database(teacher)
    create_learner(database, "Mei", password="jade rabbit", now=NOW)
    set_pin(database, "2468")
    database.close()
    clear = ("--db", teacher, "teacher", "clear-password")
    code, _, err = run(capsys, *clear, "Mei")
    assert code == 1
    assert "give it with --pin-env VAR" in err
    monkeypatch.setenv("PIN", "2468")
    code, _, err = run(capsys, *clear, "Nobody", "--pin-env", "PIN")
    assert (code, err) == (1, "quiz-app: there is no learner called Nobody\n")
    code, out, _ = run(capsys, *clear, "Mei", "--pin-env", "PIN")
    assert (code, out) == (0, "Mei's password is cleared: they can choose a new one.\n")
    database = open_database(teacher)
    assert [(one.name, one.has_password) for one in list_learners(database)] == [("Mei", False)]
    database.close()
    code, out, _ = run(capsys, *clear, "Mei", "--pin-env", "PIN")
    assert (code, out) == (0, "Mei has no password: nothing to clear.\n")
