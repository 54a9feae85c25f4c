"""Where the app's own images and styles are: inside the wheel, or in a checkout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon


def assets_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    installed = package / "_data" / "assets"
    return installed if installed.is_dir() else package.parent / "assets"


def app_icon() -> QIcon:
    return QIcon(str(assets_dir() / "icons" / "app.svg"))
