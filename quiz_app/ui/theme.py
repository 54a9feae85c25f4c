"""Light and dark themes: Qt's Fusion style with a palette for each.

``"system"`` follows the desktop's colour scheme where the platform reports one.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

Theme = Literal["system", "light", "dark"]

_DARK = {
    QPalette.ColorRole.Window: "#1f2329",
    QPalette.ColorRole.WindowText: "#e6e9ef",
    QPalette.ColorRole.Base: "#272c34",
    QPalette.ColorRole.AlternateBase: "#2e343d",
    QPalette.ColorRole.ToolTipBase: "#2b313a",
    QPalette.ColorRole.ToolTipText: "#e6e9ef",
    QPalette.ColorRole.PlaceholderText: "#8a93a3",
    QPalette.ColorRole.Text: "#e6e9ef",
    QPalette.ColorRole.Button: "#2b313a",
    QPalette.ColorRole.ButtonText: "#e6e9ef",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3b82f6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7cb0ff",
    # Fusion draws frames, check boxes and bevels from these.
    QPalette.ColorRole.Light: "#4b5563",
    QPalette.ColorRole.Midlight: "#3a414c",
    QPalette.ColorRole.Mid: "#6b7280",
    QPalette.ColorRole.Dark: "#0f1115",
    QPalette.ColorRole.Shadow: "#000000",
}
_DARK_DISABLED = "#6b7280"


def is_dark(theme: Theme) -> bool:
    if theme == "system":
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return theme == "dark"


def apply_theme(app: QApplication, theme: Theme = "system") -> None:
    app.setStyle("Fusion")
    style = app.style()
    palette = style.standardPalette()
    if is_dark(theme):
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
        for role in (
            QPalette.ColorRole.Text,
            QPalette.ColorRole.ButtonText,
            QPalette.ColorRole.WindowText,
        ):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet())


def style_sheet() -> str:
    from quiz_app.ui.assets import assets_dir

    return (assets_dir() / "styles" / "app.qss").read_text(encoding="utf-8")
