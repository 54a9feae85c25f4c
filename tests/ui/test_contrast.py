"""Every text the app draws is readable: WCAG AA contrast (4.5:1) for each pair of colour
tokens the style sheet and the palette use, in the light and the dark theme.

The pairs come from ``ui/style.py``, the module the style sheet is generated from, and
the sheet itself is read to check that it names no colour outside the tokens and puts no
text colour on a background that is not in a checked pair.
"""

from __future__ import annotations

import re

import pytest

from quiz_app.ui.assets import assets_dir
from quiz_app.ui.style import (
    AA_NON_TEXT,
    AA_TEXT,
    DARK,
    DECORATIVE,
    LIGHT,
    NON_TEXT_PAIRS,
    TEXT_PAIRS,
    THEME_TOKENS,
    Tokens,
    contrast,
    relative_luminance,
)

THEMES = pytest.mark.parametrize("tokens", [LIGHT, DARK], ids=["light", "dark"])
TEMPLATE = (assets_dir() / "styles" / "app.qss").read_text(encoding="utf-8")
_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;{}]+);")


def _declarations() -> list[tuple[str, str]]:
    without_comments = re.sub(r"/\*.*?\*/", "", TEMPLATE, flags=re.DOTALL)
    return [(p, v.strip()) for p, v in _DECLARATION.findall(without_comments)]


def _tokens_in(value: str) -> set[str]:
    return set(re.findall(r"\$\{?([a-z_]+)\}?", value))


# -- the contrast maths, on values known from WCAG --------------------------------------------
def test_black_on_white_is_21_and_a_colour_on_itself_is_1() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)  # order does not matter
    assert contrast("#3a50c8", "#3a50c8") == pytest.approx(1.0)
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#000000") == 0.0


def test_the_aa_boundary_falls_between_767676_and_777777_on_white() -> None:
    # #767676 is the lightest grey that passes AA on white, #777777 the first that fails
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#767676", "#ffffff") >= AA_TEXT > contrast("#777777", "#ffffff")


def test_the_colours_measured_before_this_design_are_found_failing() -> None:
    # "Right!" in the old green on Fusion's light window; the old dark theme's disabled
    # grey (a locked answer) on its base
    assert contrast("#16a34a", "#efefef") == pytest.approx(2.87, abs=0.01)
    assert contrast("#6b7280", "#272c34") == pytest.approx(2.90, abs=0.01)


def test_a_colour_that_is_not_rrggbb_is_refused() -> None:
    with pytest.raises(ValueError, match="rrggbb"):
        relative_luminance("red")


# -- the tokens -------------------------------------------------------------------------------
@THEMES
@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS)
def test_every_text_pair_reaches_aa(tokens: Tokens, foreground: str, background: str) -> None:
    colours = tokens.colours()
    ratio = contrast(colours[foreground], colours[background])
    assert ratio >= AA_TEXT, f"{tokens.name}: {foreground} on {background} is {ratio:.2f}:1"


@THEMES
@pytest.mark.parametrize(("foreground", "background"), NON_TEXT_PAIRS)
def test_every_edge_one_must_see_reaches_3_to_1(
    tokens: Tokens, foreground: str, background: str
) -> None:
    colours = tokens.colours()
    ratio = contrast(colours[foreground], colours[background])
    assert ratio >= AA_NON_TEXT, f"{tokens.name}: {foreground} on {background} is {ratio:.2f}:1"


def test_every_token_is_checked_in_some_pair_or_is_only_decorative() -> None:
    paired = {name for pair in TEXT_PAIRS + NON_TEXT_PAIRS for name in pair}
    names = set(LIGHT.colours())
    assert names - paired - DECORATIVE == set()
    assert paired <= names  # no pair names a token that does not exist
    assert set(DARK.colours()) == names
    assert THEME_TOKENS == {"light": LIGHT, "dark": DARK}


def test_every_token_is_an_opaque_rrggbb_colour() -> None:
    for tokens in (LIGHT, DARK):
        for name, value in tokens.colours().items():
            assert re.fullmatch(r"#[0-9a-f]{6}", value), (tokens.name, name, value)


# -- the style sheet uses tokens only, in checked pairs --------------------------------------
def test_the_style_sheet_names_no_colour_of_its_own() -> None:
    for prop, value in _declarations():
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(|palette\(", value), (
            f"{prop}: {value} is not a token"
        )


def test_every_text_colour_in_the_sheet_is_a_checked_foreground() -> None:
    foregrounds = {fg for fg, _ in TEXT_PAIRS}
    backgrounds = {bg for _, bg in TEXT_PAIRS}
    colour_props = {"color", "selection-color"}
    background_props = {
        "background-color",
        "background",
        "selection-background-color",
        "alternate-background-color",
    }
    seen_text, seen_background = set(), set()
    for prop, value in _declarations():
        if prop in colour_props:
            seen_text |= _tokens_in(value)
            assert _tokens_in(value) <= foregrounds, f"{prop}: {value}"
        elif prop in background_props:
            seen_background |= _tokens_in(value)
            assert _tokens_in(value) <= backgrounds, f"{prop}: {value}"
    assert {"text", "muted", "on_accent", "right_text", "wrong_text"} <= seen_text
    assert {"card", "window", "right_tint", "wrong_tint", "selected"} <= seen_background


def test_the_marks_drawn_on_the_accent_and_the_arrows_are_token_colours() -> None:
    styles = assets_dir() / "styles"
    for tokens in (LIGHT, DARK):
        for mark in ("check", "dash", "dot"):
            svg = (styles / f"{mark}-{tokens.name}.svg").read_text(encoding="utf-8")
            assert set(re.findall(r"#[0-9a-f]{6}", svg)) == {tokens.on_accent}, mark
        for arrow in ("chevron-down",):
            svg = (styles / f"{arrow}-{tokens.name}.svg").read_text(encoding="utf-8")
            assert set(re.findall(r"#[0-9a-f]{6}", svg)) == {tokens.text}, arrow


# -- Qt's palette: the roles Qt draws text with ----------------------------------------------
@THEMES
def test_the_palette_text_roles_reach_aa(qapp: object, tokens: Tokens) -> None:
    from PySide6.QtGui import QPalette

    from quiz_app.ui.theme import palette

    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = palette(tokens)

    def ratio(fg: QPalette.ColorRole, bg: QPalette.ColorRole, g: QPalette.ColorGroup) -> float:
        return contrast(colours.color(g, fg).name(), colours.color(g, bg).name())

    pairs = [
        (role.Text, role.Base),
        (role.WindowText, role.Window),
        (role.ButtonText, role.Button),
        (role.PlaceholderText, role.Base),
        (role.HighlightedText, role.Highlight),
        (role.ToolTipText, role.ToolTipBase),
        (role.Link, role.Base),
        (role.Text, role.AlternateBase),
    ]
    for fg, bg in pairs:
        for g in (group.Active, group.Inactive):
            assert ratio(fg, bg, g) >= AA_TEXT, (tokens.name, fg, bg, g)
    # Locked answers (a disabled list, field or drop-down) stay readable.
    for fg, bg in [
        (role.Text, role.Base),
        (role.WindowText, role.Window),
        (role.ButtonText, role.Button),
        (role.PlaceholderText, role.Base),
    ]:
        assert ratio(fg, bg, group.Disabled) >= AA_TEXT, (tokens.name, fg, bg, "disabled")
