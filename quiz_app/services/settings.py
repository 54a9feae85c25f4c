"""The app's settings file: one JSON file in the user's config folder, private to them."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import platformdirs

from quiz_app.core.changes import Changes
from quiz_app.core.settings import AppSettings
from quiz_app.services.files import write_whole

APP_NAME = "change-quiz"
_log = logging.getLogger(__name__)


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"


def load_settings(path: Path | None = None) -> AppSettings:
    """The saved settings; the defaults if there are none or the file cannot be read."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return AppSettings()
    except (OSError, ValueError) as err:
        _log.warning("settings file %s unreadable, using defaults: %s", path, err)
        return AppSettings()
    if not isinstance(data, dict):
        _log.warning("settings file %s holds no settings, using defaults", path)
        return AppSettings()
    return AppSettings.from_dict(data)


def save_settings(settings: AppSettings, path: Path | None = None) -> Changes:
    """Write the settings whole (never half a file), readable by this user only."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings.as_dict(), ensure_ascii=False, indent=2) + "\n"
    write_whole(path, text.encode("utf-8"))
    return Changes.SETTINGS
