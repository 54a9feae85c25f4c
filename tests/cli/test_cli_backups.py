"""``quiz-app db backups`` and ``quiz-app db restore``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from quiz_app.__main__ import main
from quiz_app.services.backups import backup_bank, backup_if_changed
from quiz_app.services.learners import create_learner, list_learners
from quiz_app.services.teacher import set_pin
from quiz_app.storage import open_database
from tests.conftest import NOW


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "bank.sqlite3"
    database = open_database(f"sqlite:///{path}")
    create_learner(database, "Ada", now=NOW)
    database.close()
    return path


def test_backups_are_listed_with_what_they_hold(
    capsys: pytest.CaptureFixture[str], bank: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(bank), "db", "backups")
    assert (code, out) == (0, "No backups of this bank yet.\n")
    database = open_database(f"sqlite:///{bank}")
    manual = backup_bank(database, NOW)
    create_learner(database, "李娜", now=NOW)
    on_close = backup_if_changed(database, NOW + timedelta(hours=1))
    database.close()
    assert on_close is not None
    on_close.with_name("bank-20261124T090000Z-close.sqlite3").write_text("not a bank")

    code, out, _ = run(capsys, "--db", str(bank), "db", "backups")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert "on close" in lines[0]
    assert "2 learners, 0 quizzes, 0 answers, 0 packs" in lines[0]
    assert lines[0].endswith(str(on_close))
    assert "manual" in lines[1]
    assert "1 learner, 0 quizzes" in lines[1]
    assert lines[1].endswith(str(manual))
    assert "DAMAGED, cannot be restored" in lines[2]


def test_a_restore_puts_the_backup_back_and_says_how_to_undo_it(
    capsys: pytest.CaptureFixture[str], bank: Path
) -> None:
    database = open_database(f"sqlite:///{bank}")
    saved = backup_bank(database, NOW)
    create_learner(database, "李娜", now=NOW)
    database.close()

    code, out, _ = run(capsys, "--db", str(bank), "db", "restore", str(saved))
    assert code == 0
    assert out.startswith(f"Restored {saved}.\n")
    undo = Path(out.split("The bank as it was is in ")[1].split(": restore")[0])
    database = open_database(f"sqlite:///{bank}")
    assert [learner.name for learner in list_learners(database)] == ["Ada"]
    database.close()
    assert undo.exists()
    assert run(capsys, "--db", str(bank), "db", "restore", str(undo))[0] == 0
    database = open_database(f"sqlite:///{bank}")
    assert {learner.name for learner in list_learners(database)} == {"Ada", "李娜"}
    database.close()


def test_a_restore_needs_the_teacher_pin_and_a_bank_file(
    capsys: pytest.CaptureFixture[str],
    bank: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database = open_database(f"sqlite:///{bank}")
    saved = backup_bank(database, NOW)
    set_pin(database, "2468")
    database.close()
    code, _, err = run(capsys, "--db", str(bank), "db", "restore", str(saved))
    assert code == 1
    assert "teacher PIN" in err

    monkeypatch.setenv("QUIZ_PIN", "2468")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_text("a shopping list")
    code, _, err = run(
        capsys, "--db", str(bank), "db", "restore", str(garbage), "--pin-env", "QUIZ_PIN"
    )
    assert code == 1
    assert "cannot be restored" in err
    assert "Traceback" not in err
    code, _, _ = run(
        capsys, "--db", str(bank), "db", "restore", str(saved), "--pin-env", "QUIZ_PIN"
    )
    assert code == 0
