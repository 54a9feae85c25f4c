"""Checks on a pack's images, by what they are rather than what they are called.

An image is a PNG, a JPEG, a WebP or an SVG, told by its first bytes (an SVG by parsing
it): a file named ``.png`` that holds an SVG is an SVG, and Qt would render it as one.
An SVG is text that can point elsewhere; it must not, and it may hold no script, no
foreign object and no DTD (whose entities can pull in other files).
"""

from __future__ import annotations

import re
from typing import Literal

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

MediaKind = Literal["png", "jpeg", "webp", "svg"]
SUFFIX_KINDS: dict[str, MediaKind] = {
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".webp": "webp",
    ".svg": "svg",
}

_OUTSIDE = re.compile(
    r"""(?:\b(?:xlink:)?href|\bsrc)\s*=\s*["']\s*(?!#|data:)([^"']*)"""
    r"""|url\(\s*["']?\s*(?!#|data:)([^)"']*)""",
    re.IGNORECASE,
)
_ACTIVE = re.compile(r"<\s*(script|foreignObject|!DOCTYPE|!ENTITY)\b", re.IGNORECASE)
_SVG_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<!DOCTYPE[^[>]*(\[.*?\])?\s*>\s*)*<svg[\s>]",
    re.DOTALL | re.IGNORECASE,
)
"""An SVG's start: an XML declaration, comments and a DOCTYPE (refused later, by name)."""


def media_kind(content: bytes) -> MediaKind | None:
    """What image ``content`` is, by its bytes (None: none the app shows)."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "webp"
    if _SVG_START.match(content.removeprefix(b"\xef\xbb\xbf")):
        return "svg"
    return None


def drawable_kind(content: bytes) -> MediaKind | None:
    """What ``content`` is, when it is an image the app may draw (an SVG only when it is
    inert): the screen and the paper ask this, never the name."""
    kind = media_kind(content)
    if kind == "svg" and svg_problem(content) is not None:
        return None
    return kind


def media_problem(name: str, content: bytes) -> str | None:
    """Why the image ``name`` may not be shown (None: it may). Its content decides what
    it is; its name must agree, so that nothing is rendered as something else."""
    kind = media_kind(content)
    if kind is None:
        return "is not a PNG, JPEG, WebP or SVG image"
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    named = SUFFIX_KINDS.get(suffix)
    if named != kind:
        return f"holds a {kind.upper()} image but is named {suffix or 'without an extension'}"
    return svg_problem(content) if kind == "svg" else None


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
    try:
        root = ElementTree.fromstring(content, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException) as err:
        return f"is not well-formed SVG ({err})"
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return "is not an SVG image (its first element is not <svg>)"
    return None
