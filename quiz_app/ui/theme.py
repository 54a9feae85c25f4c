"""Light and dark themes and the text size: Qt's Fusion style, a palette and a style
sheet, all made from the tokens of ``ui/style.py`` and one base text size.

Both are set on the application, so every widget (made before or after) follows at once:
the style sheet sets every font size (``* { font-size }`` and the type scale by
``role``), which ``QApplication.setFont`` alone would not change on styled widgets.
``"system"`` follows the desktop's colour scheme where the platform reports one.
"""

from __future__ import annotations

from string import Template
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from quiz_app.ui.style import DARK, GRID, LIGHT, ROLES, Tokens, role_size

Theme = Literal["system", "light", "dark"]

_THEME_PROPERTY = "quiz_theme"
"""The theme last applied, kept on the application (a text size change keeps it)."""

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def is_dark(theme: Theme) -> bool:
    if theme == "system":
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return theme == "dark"


def theme_tokens(theme: Theme) -> Tokens:
    """The colours of ``theme`` (``"system"``: light or dark as the desktop is)."""
    return DARK if is_dark(theme) else LIGHT


def desktop_text_size() -> float:
    """The desktop's own text size in points (what Ctrl+0 goes back to)."""
    size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    return size if size > 0 else 9.0


def text_size(app: QApplication) -> float:
    """The base text size now, in points."""
    size = app.font().pointSizeF()
    return size if size > 0 else desktop_text_size()


def current_theme(app: QApplication) -> Theme:
    value = app.property(_THEME_PROPERTY)
    return value if value in ("light", "dark") else "system"


def apply_theme(app: QApplication, theme: Theme = "system") -> None:
    """Colours of ``theme``; the text size stays as it is."""
    apply_look(app, theme, text_size(app))


def set_text_size(app: QApplication, size: float) -> None:
    """Every text in the app ``size`` points (roles scaled from it); the theme stays."""
    apply_look(app, current_theme(app), size)


def apply_look(app: QApplication, theme: Theme, size: float) -> None:
    """Theme and base text size together: the font, the palette and the style sheet."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setProperty(_THEME_PROPERTY, theme)
    tokens = theme_tokens(theme)
    font = app.font()
    font.setPointSizeF(size)
    app.setFont(font)
    app.setPalette(palette(tokens))
    app.setStyleSheet(style_sheet(tokens, size))


def palette(tokens: Tokens) -> QPalette:
    """Qt's palette from the tokens, for what the style sheet does not draw."""
    colours = {
        Role.Window: tokens.window,
        Role.WindowText: tokens.text,
        Role.Base: tokens.card,
        Role.AlternateBase: tokens.window,
        Role.ToolTipBase: tokens.card,
        Role.ToolTipText: tokens.text,
        Role.PlaceholderText: tokens.muted,
        Role.Text: tokens.text,
        Role.Button: tokens.raised,
        Role.ButtonText: tokens.text,
        Role.BrightText: tokens.on_accent,
        Role.Highlight: tokens.accent,
        Role.HighlightedText: tokens.on_accent,
        Role.Link: tokens.accent,
        Role.LinkVisited: tokens.accent,
        Role.Accent: tokens.accent,
        # Fusion draws frames and bevels from these.
        Role.Light: tokens.card,
        Role.Midlight: tokens.border,
        Role.Mid: tokens.control_border,
        Role.Dark: tokens.control_border,
        Role.Shadow: tokens.control_border,
    }
    result = QPalette()
    for role, colour in colours.items():
        result.setColor(role, QColor(colour))
    # Locked controls still show content (an answer after feedback): muted, not faint.
    for role in (Role.Text, Role.WindowText, Role.ButtonText, Role.PlaceholderText):
        result.setColor(Group.Disabled, role, QColor(tokens.muted))
    result.setColor(Group.Disabled, Role.Base, QColor(tokens.window))
    return result


def style_sheet(tokens: Tokens, base_pt: float) -> str:
    """The app's style sheet for these colours, with text of ``base_pt`` points."""
    from quiz_app.ui.assets import assets_dir

    template = Template((assets_dir() / "styles" / "app.qss").read_text(encoding="utf-8"))
    indicator = _grid(base_pt * 1.4)
    button_pad = max(6, round(base_pt / 2))
    values: dict[str, object] = {
        **tokens.colours(),
        "theme": tokens.name,
        "marks": (assets_dir() / "styles").as_posix(),
        "base_pt": _pt(base_pt),
        "indicator": indicator,
        "indicator_radius": indicator // 2 + 2,
        "choice_min": _grid(base_pt * 2.2),
        "arrow": _grid(base_pt * 1.2),
        # a push button's sides: 6 px at the usual sizes (Home's rows fit 800 px at
        # 11 pt), more for big text; a thicker border (checked, focused) takes from it
        "button_pad": button_pad,
        "button_pad_2": button_pad - 1,
        "button_pad_3": button_pad - 2,
    }
    for name, role in ROLES.items():
        values[f"pt_{name}"] = _pt(role_size(name, base_pt))
        values[f"weight_{name}"] = role.weight
    return template.substitute(values)


def _pt(size: float) -> str:
    return f"{size:.2f}".rstrip("0").rstrip(".")


def _grid(pixels: float) -> int:
    """``pixels`` rounded to the spacing grid (never below one step)."""
    return max(GRID, round(pixels / GRID) * GRID)
