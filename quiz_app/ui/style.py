"""The app's look as plain values: colour tokens for light and dark, the type scale and
the spacing grid, and the WCAG contrast maths that checks them.

No Qt here, so the contrast of every pair can be computed (and tested) without a display.
``ui/theme.py`` turns these values into Qt's palette and the style sheet
(``assets/styles/app.qss`` is a template of ``$token`` names); every colour the sheet
uses comes from a token, and every text/background pair the UI draws is listed in
``TEXT_PAIRS`` so that it is checked (tests/ui/test_contrast.py).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

ThemeName = Literal["light", "dark"]

AA_TEXT = 4.5
"""WCAG 2 AA contrast for normal text (1.4.3)."""
AA_NON_TEXT = 3.0
"""WCAG 2 AA contrast for the parts of a control one must see to use it (1.4.11)."""

GRID = 4
"""Every padding, margin and radius is a multiple of this many pixels."""

MAX_TEXT_SCALE = 2.0
"""The largest text, as a multiple of the desktop's own size (WCAG 1.4.4: 200 %)."""


@dataclass(frozen=True)
class Tokens:
    """The colours of one theme, as ``#rrggbb``. Surfaces are opaque so contrast is exact."""

    name: ThemeName
    # surfaces
    window: str
    """The window behind everything."""
    card: str
    """Cards, lists, tables and text fields (Qt's Base)."""
    raised: str
    """Buttons and alternate rows."""
    # text
    text: str
    muted: str
    """Secondary text: captions, sources, placeholders, locked controls."""
    # accent
    accent: str
    """Primary buttons, the selection, links, the focus ring."""
    accent_hover: str
    on_accent: str
    """Text and check marks drawn on the accent."""
    focus: str
    """The ring around the focused control (drawn thicker than any other edge)."""
    # lines
    border: str
    """Decorative lines between areas (not needed to use anything)."""
    control_border: str
    """The edges of check boxes, radio buttons and text fields: must be seen."""
    # answer cards
    hover: str
    selected: str
    # feedback: text colour, background tint, edge
    right_text: str
    right_tint: str
    right_edge: str
    wrong_text: str
    wrong_tint: str
    wrong_edge: str
    partial_text: str
    partial_tint: str
    partial_edge: str

    def colours(self) -> dict[str, str]:
        """Every token by name (what the style sheet template is filled from)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "name"}


LIGHT = Tokens(
    name="light",
    window="#f3f5fa",
    card="#ffffff",
    raised="#e9edf5",
    text="#1a2233",
    muted="#545f73",
    accent="#3a50c8",
    accent_hover="#2f43ad",
    on_accent="#ffffff",
    focus="#1a2233",
    border="#d5dbe6",
    control_border="#737d92",
    hover="#eef1fc",
    selected="#e1e7fd",
    right_text="#15663a",
    right_tint="#e3f5ea",
    right_edge="#2e8b57",
    wrong_text="#b3261e",
    wrong_tint="#fdeceb",
    wrong_edge="#d0443a",
    partial_text="#8a4b08",
    partial_tint="#fdf1de",
    partial_edge="#c27c0e",
)

DARK = Tokens(
    name="dark",
    window="#14181f",
    card="#1d222c",
    raised="#282e3a",
    text="#e6e9f0",
    muted="#a4adbd",
    accent="#8aa2ff",
    accent_hover="#a5b8ff",
    on_accent="#0f1530",
    focus="#e6e9f0",
    border="#343b4a",
    control_border="#7d879b",
    hover="#242b3a",
    selected="#2a3360",
    right_text="#74d99b",
    right_tint="#15301f",
    right_edge="#3fa56a",
    wrong_text="#ff9b93",
    wrong_tint="#3a1c1d",
    wrong_edge="#e0625a",
    partial_text="#f5c062",
    partial_tint="#33280f",
    partial_edge="#c9952f",
)

THEME_TOKENS: dict[ThemeName, Tokens] = {"light": LIGHT, "dark": DARK}

# Every text colour on every background it is drawn on (foreground, background).
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("text", "card"),
    ("text", "raised"),
    ("text", "hover"),
    ("text", "selected"),
    # the learner's own answer stays readable inside a marked card
    ("text", "right_tint"),
    ("text", "wrong_tint"),
    ("text", "partial_tint"),
    ("muted", "window"),
    ("muted", "card"),
    ("muted", "raised"),
    ("muted", "selected"),
    ("muted", "hover"),
    # a source line inside a feedback frame marked right, wrong or partly right
    ("muted", "right_tint"),
    ("muted", "wrong_tint"),
    ("muted", "partial_tint"),
    ("accent", "window"),  # links
    ("accent", "card"),
    ("on_accent", "accent"),  # primary buttons, selected rows
    ("on_accent", "accent_hover"),
    ("right_text", "right_tint"),
    ("wrong_text", "wrong_tint"),
    ("partial_text", "partial_tint"),
    # a verdict written on the window or on a card, without a tint
    ("right_text", "window"),
    ("right_text", "card"),
    ("wrong_text", "window"),
    ("wrong_text", "card"),
    ("partial_text", "window"),
    ("partial_text", "card"),
)

# Edges one must see to use a control, on what they are drawn on.
NON_TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("control_border", "card"),
    ("control_border", "window"),
    ("control_border", "raised"),
    ("accent", "card"),  # the focus ring and a checked box
    ("accent", "window"),
    ("accent", "selected"),
    ("accent", "hover"),
    ("focus", "window"),
    ("focus", "card"),
    ("focus", "raised"),
    ("focus", "selected"),
    ("focus", "right_tint"),
    ("focus", "wrong_tint"),
    ("right_edge", "card"),
    ("wrong_edge", "card"),
    ("partial_edge", "card"),
    ("right_edge", "window"),
    ("wrong_edge", "window"),
    ("partial_edge", "window"),
)

DECORATIVE = frozenset({"border"})
"""Tokens that only separate areas; nothing depends on seeing them."""


@dataclass(frozen=True)
class Role:
    """A text role of the type scale: a size relative to the base text, and a weight."""

    scale: float
    weight: int = 400


ROLES: dict[str, Role] = {
    "score": Role(1.8, 700),
    "heading": Role(1.5, 600),
    "prompt": Role(1.35, 500),
    "title": Role(1.2, 700),
    "verdict": Role(1.1, 700),
    "caption": Role(0.9),
}
"""Widgets take a role through the dynamic property ``role`` (``QLabel#verdict`` too)."""


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``: 0 for black, 1 for white."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def role_size(role: str, base_pt: float) -> float:
    """The point size of ``role`` text when the base text is ``base_pt``."""
    return round(base_pt * ROLES[role].scale, 2)
