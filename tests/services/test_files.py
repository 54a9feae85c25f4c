"""Files the app writes are whole or absent, and private to the user who wrote them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz_app.services.files import make_private_folder, replacing, write_text_whole

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def test_a_new_file_is_readable_by_its_owner_alone(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    write_text_whole(path, "name,score\nAda,1\n")
    assert path.read_text(encoding="utf-8") == "name,score\nAda,1\n"
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_replaced_file_becomes_private_too(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)
    write_text_whole(path, "new")
    assert (path.read_text(encoding="utf-8"), path.stat().st_mode & 0o777) == ("new", 0o600)


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text("old", encoding="utf-8")

    def write_half() -> None:
        with replacing(path) as stream:
            stream.write("half")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_half()
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["results.csv"]


def test_a_private_folder_is_made_or_closed(tmp_path: Path) -> None:
    fresh = make_private_folder(tmp_path / "a" / "b")
    assert fresh.stat().st_mode & 0o777 == 0o700
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    make_private_folder(shared)
    assert shared.stat().st_mode & 0o777 == 0o700


def _usual_umask() -> None:
    os.umask(0o022)


def test_the_app_creates_everything_private(tmp_path: Path) -> None:
    """The command line (and the window) run with a private umask: a bank it creates,
    with its journal, is not readable by other users of the computer."""
    bank = tmp_path / "bank.sqlite3"
    script = Path(sys.executable).with_name("quiz-app")
    result = subprocess.run(
        [str(script), "--db", str(bank), "db", "check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        preexec_fn=_usual_umask,  # as a desktop starts it, whatever this process's umask
    )
    assert result.returncode == 0, result.stderr
    created = [p for p in tmp_path.iterdir() if p.name.startswith("bank.sqlite3")]
    assert created
    assert {p.name: p.stat().st_mode & 0o777 for p in created} == {p.name: 0o600 for p in created}
