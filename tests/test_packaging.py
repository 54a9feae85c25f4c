"""The Linux bundle's launcher installer (packaging/linux/install-launcher): a desktop
entry that starts the folder it was run from, wherever a school unpacked it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGING = Path(__file__).parents[1] / "packaging"


def _unpacked(where: Path) -> Path:
    """The launcher's files as the tarball lays them out, in ``where``."""
    folder = where / "change-quiz"
    folder.mkdir(parents=True)
    for name in ("install-launcher", "change-quiz.desktop"):
        shutil.copy(PACKAGING / "linux" / name, folder / name)
    return folder


def _run(folder: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(home)}
    return subprocess.run(
        ["/bin/sh", str(folder / "install-launcher"), *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=60,
    )


def test_the_entry_starts_this_folder_even_with_spaces_and_chinese(tmp_path: Path) -> None:
    folder = _unpacked(tmp_path / "测试 bundle")
    result = _run(folder, tmp_path / "data")
    assert result.returncode == 0, result.stderr
    entry = (tmp_path / "data" / "applications" / "change-quiz.desktop").read_text("utf-8")
    lines = entry.splitlines()
    assert f'Exec="{folder}/change-quiz"' in lines  # quoted: the path has a space
    assert f"Icon={folder}/change-quiz.png" in lines
    assert "Name[zh_CN]=嫦娥问答" in lines
    assert _run(folder, tmp_path / "data", "--remove").returncode == 0
    assert not (tmp_path / "data" / "applications" / "change-quiz.desktop").exists()


@pytest.mark.parametrize("odd", ["$HOME", "50%", 'say "hi"'])
def test_a_path_the_entry_cannot_quote_is_refused(tmp_path: Path, odd: str) -> None:
    folder = _unpacked(tmp_path / odd)
    result = _run(folder, tmp_path / "data")
    assert result.returncode == 1
    assert "move the folder to a path without" in result.stderr
    assert not (tmp_path / "data" / "applications").exists()


@pytest.mark.parametrize("script", ["build", "check-bundle", "wheelhouse"])
def test_the_packaging_scripts_parse(script: str) -> None:
    result = subprocess.run(
        ["bash", "-n", str(PACKAGING / script)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
