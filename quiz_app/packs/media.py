"""Checks on a pack's images. An SVG is text that can point elsewhere; it must not."""

from __future__ import annotations

import re

_OUTSIDE = re.compile(
    r"""(?:\b(?:xlink:)?href|\bsrc)\s*=\s*["']\s*(?!#|data:)([^"']*)"""
    r"""|url\(\s*["']?\s*(?!#|data:)([^)"']*)""",
    re.IGNORECASE,
)
_ACTIVE = re.compile(r"<\s*(script|foreignObject|!DOCTYPE|!ENTITY)\b", re.IGNORECASE)


def svg_problem(content: bytes) -> str | None:
    """Why an SVG may not be shown, or None when it is self-contained and inert.

    Qt's SVG renderer can follow references to other files; an image in a pack must
    not make the app read anything outside the pack.
    """
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return "is not UTF-8 text"
    active = _ACTIVE.search(text)
    if active:
        return f"contains <{active.group(1)}>, which images in a pack may not"
    outside = _OUTSIDE.search(text)
    if outside:
        target = (outside.group(1) or outside.group(2)).strip()
        return f"refers to something outside itself ({target!r}); an SVG must be self-contained"
    return None
