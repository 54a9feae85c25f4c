"""The settings file: one place, written whole, private, and never a reason not to start."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quiz_app.core.changes import Changes
from quiz_app.core.settings import AppSettings
from quiz_app.services.settings import load_settings, save_settings, settings_path


def test_saved_settings_are_read_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = AppSettings(theme="light", text_size=15.0, last_learner=2, question_count=30)
    assert save_settings(settings, path) == Changes.SETTINGS
    assert load_settings(path) == settings


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "missing.json") == AppSettings()


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe", b""])
def test_a_damaged_file_gives_the_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert load_settings(path) == AppSettings()


def test_the_default_place_is_the_users_config_folder() -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"])
    save_settings(AppSettings(theme="dark"))
    assert settings_path() == config / "change-quiz" / "settings.json"
    assert json.loads(settings_path().read_text(encoding="utf-8"))["theme"] == "dark"
    assert load_settings().theme == "dark"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_settings_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(AppSettings(), path)
    assert path.stat().st_mode & 0o777 == 0o600
