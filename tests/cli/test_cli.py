"""The command line, run in-process (and once through the installed script)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quiz_app.__main__ import main
from quiz_app.cli.main import NO_PIN_NOTE
from quiz_app.packs.native import load_pack
from quiz_app.packs.schema import QuestionFile
from quiz_app.services import bank as bank_services
from quiz_app.services import packs as pack_services
from quiz_app.storage import engine, retry
from tests.conftest import DATA, SAMPLE_PACK

ROOT = Path(__file__).parents[2]


@pytest.fixture
def no_builtin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A bank without the built-in packs, so counts below are the sample pack's own."""
    empty = tmp_path / "no-builtin"
    empty.mkdir()
    monkeypatch.setattr(pack_services, "builtin_packs_dir", lambda: empty)
    monkeypatch.setattr(bank_services, "builtin_packs_root", lambda: empty)  # at start


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("no_builtin")
def test_import_then_list_as_json(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    code, out, _ = run(capsys, "--db", db_url, "packs", "import", str(SAMPLE_PACK))
    assert code == 0
    assert out.startswith("Imported sample 1.0.0 (new pack): 7 added, 0 changed")
    code, out, _ = run(capsys, "--db", db_url, "packs", "list", "--json")
    assert code == 0
    [entry] = json.loads(out)
    assert entry == {
        "id": "sample",
        "version": "1.0.0",
        "title": {"en": "Sample pack", "zh": "示例题包"},
        "question_count": 7,
        "retired_count": 0,
        "by_topic": {"missions": 4, "science": 3},
        "by_type": {
            "matching": 1,
            "multiple": 1,
            "numeric": 1,
            "ordering": 1,
            "short_text": 1,
            "single": 1,
            "true_false": 1,
        },
        "by_difficulty": {"1": 3, "2": 4},
        "by_language": {"en": 7, "zh": 7},
    }


@pytest.mark.usefixtures("no_builtin")
def test_dry_run_lists_what_would_change(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    code, out, _ = run(capsys, "--db", db_url, "packs", "import", "--dry-run", str(SAMPLE_PACK))
    assert code == 0
    assert out.splitlines()[0].startswith("Would import sample 1.0.0")
    assert "  added: far-side-first" in out.splitlines()
    _, out, _ = run(capsys, "--db", db_url, "packs", "list")
    assert "no packs" in out


@pytest.mark.usefixtures("no_builtin")
def test_show_json_is_in_the_native_schema(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    run(capsys, "--db", db_url, "packs", "import", str(SAMPLE_PACK))
    code, out, _ = run(capsys, "--db", db_url, "packs", "show", "sample", "--json")
    assert code == 0
    document = json.loads(out)
    QuestionFile.model_validate(document)  # raises if it is not the native schema
    assert [q["id"] for q in document["questions"]] == [
        q.key for q in load_pack(SAMPLE_PACK).questions
    ]


@pytest.mark.usefixtures("no_builtin")
@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_export_then_import_gives_the_same_pack(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path, fmt: str
) -> None:
    run(capsys, "--db", db_url, "packs", "import", str(SAMPLE_PACK))
    target = tmp_path / f"out-{fmt}.zip"
    code, out, _ = run(
        capsys, "--db", db_url, "packs", "export", "sample", str(target), "--format", fmt
    )
    assert code == 0, out
    from quiz_app.core.importing import encode_pack

    assert encode_pack(load_pack(target)).digest == encode_pack(load_pack(SAMPLE_PACK)).digest
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    code, out, _ = run(capsys, "--db", other, "packs", "import", str(target))
    assert code == 0
    assert "7 added" in out


def test_validate_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "packs", "validate", str(SAMPLE_PACK))
    assert (code, out.strip(), err) == (0, f"{SAMPLE_PACK}: ok", "")
    broken = tmp_path / "broken"
    shutil.copytree(SAMPLE_PACK, broken)
    (broken / "media" / "moon.svg").unlink()
    code, out, err = run(capsys, "packs", "validate", str(SAMPLE_PACK), str(broken))
    assert code == 1
    assert err.splitlines() == [
        f"{broken}: 1 problem",
        f"  {broken}/missions.toml:19: question 'far-side-first': image 'media/moon.svg' is "
        "not in the pack",
    ]


@pytest.mark.usefixtures("no_builtin")
def test_user_mistakes_are_messages_not_tracebacks(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", db_url, "packs", "show", "nope")
    assert code == 1
    assert err == "quiz-app: no pack 'nope' in the bank (see: quiz-app packs list)\n"
    code, _, err = run(capsys, "--db", db_url, "packs", "import", str(tmp_path / "missing"))
    assert code == 1
    assert "no such file or folder" in err
    assert "Traceback" not in err
    (tmp_path / "taken").mkdir()
    run(capsys, "--db", db_url, "packs", "import", str(SAMPLE_PACK))
    code, _, err = run(capsys, "--db", db_url, "packs", "export", "sample", str(tmp_path / "taken"))
    assert code == 1
    assert "already exists" in err
    code, _, err = run(capsys, "--db", str(tmp_path), "packs", "list")
    assert code == 1
    assert err.startswith("quiz-app: Chang'e Quiz cannot open the question bank")


def test_db_check(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    code, out, _ = run(capsys, "--db", db_url, "db", "check")
    assert code == 0
    assert "integrity: ok" in out
    from quiz_app.storage.database import head_revision

    assert f"schema: {head_revision()} (latest {head_revision()})" in out


def test_schema_files_in_docs_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    from quiz_app.cli.main import schemas

    for name, schema in schemas().items():
        on_disk = json.loads((ROOT / "docs" / "schema" / name).read_text(encoding="utf-8"))
        assert on_disk == schema, f"run: quiz-app packs schema --write docs/schema ({name})"


def test_the_installed_command_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("quiz-app")
    result = subprocess.run(
        [str(script), "packs", "validate", str(SAMPLE_PACK)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert (result.returncode, result.stdout.strip()) == (0, f"{SAMPLE_PACK}: ok")


@pytest.mark.usefixtures("no_builtin")
def test_import_needs_the_teacher_pin_once_there_is_one(
    capsys: pytest.CaptureFixture[str], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz_app.services.teacher import set_pin
    from quiz_app.storage import open_database

    database = open_database(db_url)
    set_pin(database, "2468")
    database.close()
    code, _, err = run(capsys, "--db", db_url, "packs", "import", str(SAMPLE_PACK))
    assert code == 1
    assert "this bank has a teacher PIN: give it with --pin-env VAR" in err
    monkeypatch.setenv("QUIZ_PIN", "1111")
    code, _, err = run(
        capsys, "--db", db_url, "packs", "import", str(SAMPLE_PACK), "--pin-env", "QUIZ_PIN"
    )
    assert (code, err) == (1, "quiz-app: That is not the teacher PIN.\n")
    monkeypatch.setenv("QUIZ_PIN", "2468")
    code, out, _ = run(
        capsys, "--db", db_url, "packs", "import", str(SAMPLE_PACK), "--pin-env", "QUIZ_PIN"
    )
    assert code == 0
    assert "7 added" in out


@pytest.mark.usefixtures("no_builtin")
def test_export_as_csv_and_import_it_into_another_bank(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db_url, "packs", "import", str(SAMPLE_PACK))
    target = tmp_path / "sample.csv"
    code, _, _ = run(
        capsys, "--db", db_url, "packs", "export", "sample", str(target), "--format", "csv"
    )
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("id,type,topic,difficulty,prompt")
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    code, out, _ = run(capsys, "--db", other, "packs", "import", str(target))
    assert code == 0
    assert "7 added" in out
    code, _, err = run(
        capsys, "--db", db_url, "packs", "export", "sample", str(target), "--format", "aiken"
    )
    assert code == 1
    assert "already exists" in err


GIFT_QUIZ = DATA / "gift" / "class-quiz.gift"


def test_a_gift_file_with_bad_questions_imports_only_with_consent(
    capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    code, out, _ = run(capsys, "--db", db_url, "packs", "import", "--dry-run", str(GIFT_QUIZ))
    assert code == 1  # a script sees that questions would be left out
    assert "Would import class-quiz 1.0.0 (new pack): 12 added" in out
    assert "It would leave out 5 question(s) that cannot be read or held here:" in out
    assert f"{GIFT_QUIZ}:60: an essay question" in out
    assert "2 note(s) on questions changed on the way in:" in out
    assert "To import the rest, run again with --skip-invalid." in out

    code, _, err = run(capsys, "--db", db_url, "packs", "import", str(GIFT_QUIZ))
    assert code == 1
    assert "Nothing was imported. The other 12 question(s) can be read" in err
    _, out, _ = run(capsys, "--db", db_url, "packs", "list")
    assert "class-quiz" not in out

    code, out, _ = run(capsys, "--db", db_url, "packs", "import", "--skip-invalid", str(GIFT_QUIZ))
    assert code == 0
    assert "It left out 5 question(s)" in out
    _, out, _ = run(capsys, "--db", db_url, "packs", "list")
    assert "class-quiz  1.0.0  12 questions" in out


def test_export_as_gift_says_what_it_left_out(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db_url, "packs", "import", str(SAMPLE_PACK))
    target = tmp_path / "sample.gift"
    code, out, _ = run(
        capsys, "--db", db_url, "packs", "export", "sample", str(target), "--format", "gift"
    )
    assert code == 0
    orderings = [q.key for q in load_pack(SAMPLE_PACK).questions if q.type.value == "ordering"]
    assert orderings
    assert f"Left out {len(orderings)} that gift cannot hold:" in out
    assert f"  {orderings[0]}: GIFT has no ordering questions" in out
    # Into the same bank it would replace the pack it came from: refused, with the way out.
    code, _, err = run(capsys, "--db", db_url, "packs", "import", str(target))
    assert code == 1
    assert "already holds a pack 'sample' that has a manifest" in err
    assert "Rename the file" in err

    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    code, out, _ = run(capsys, "--db", other, "packs", "import", str(target))
    assert code == 0
    assert "Imported sample 1.0.0 (new pack)" in out
    # A GIFT file has no version: importing it again unchanged does nothing, and an
    # edited copy becomes the next version, keeping the ids of unchanged questions.
    code, out, _ = run(capsys, "--db", other, "packs", "import", str(target))
    assert "is already in the bank: nothing to do" in out
    edited = target.read_text(encoding="utf-8").replace("{\n\tFALSE\n", "{\n\tTRUE\n", 1)
    assert edited != target.read_text(encoding="utf-8")
    target.write_text(edited, encoding="utf-8")
    code, out, _ = run(capsys, "--db", other, "packs", "import", str(target))
    assert code == 0
    assert "Imported sample 1.1.0 (was 1.0.0): 0 added, 1 changed, 0 retired" in out


@pytest.mark.usefixtures("no_builtin")
def test_a_busy_bank_is_a_message(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    bank = tmp_path / "bank.sqlite3"
    assert run(capsys, "--db", str(bank), "packs", "list")[0] == 0
    # Wait a little, not the app's 15 s, for the other writer to finish.
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(retry, "WRITE_RETRY", retry.RetryPolicy(attempts=2, patience_s=1.0))
    other = sqlite3.connect(bank, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        code, out, err = run(capsys, "--db", str(bank), "packs", "import", str(SAMPLE_PACK))
    finally:
        other.close()
    assert code == 1
    assert out == ""
    assert err.replace(NO_PIN_NOTE + "\n", "") == (
        "quiz-app: The question bank is busy: another program is writing to it. "
        "Nothing was changed; try again in a moment.\n"
    )
    code, out, _ = run(capsys, "--db", str(bank), "packs", "import", str(SAMPLE_PACK))
    assert code == 0
    assert out.startswith("Imported sample 1.0.0 (new pack)")


def test_a_file_that_is_not_a_bank_is_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bank = tmp_path / "bank.sqlite3"
    bank.write_bytes(b"\x00garbage" * 1000)
    code, out, err = run(capsys, "--db", str(bank), "db", "check")
    assert code == 1
    assert out == ""
    assert err.startswith(f"quiz-app: Chang'e Quiz cannot open the question bank at {bank}: ")
    assert "the file is not a database" in err
    assert "Traceback" not in err


RICH_MOODLE = DATA / "moodle" / "rich.xml"


def test_unsupported_moodle_items_are_named_and_the_rest_imports_with_consent(
    capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    code, _, err = run(capsys, "--db", db_url, "packs", "import", str(RICH_MOODLE))
    assert code == 1
    assert "a description is text with no question: this app leaves it out" in err
    assert "a cloze question (embedded answers) cannot be held here" in err
    assert "Nothing was imported. The other 3 question(s) can be read" in err
    code, out, _ = run(
        capsys, "--db", db_url, "packs", "import", "--skip-invalid", str(RICH_MOODLE)
    )
    assert code == 0
    assert "3 added" in out
    assert "It left out 5 question(s) that cannot be read or held here:" in out
    assert "note(s) on questions changed on the way in:" in out
    assert "a script was left out" in out
