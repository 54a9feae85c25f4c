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

from quiz_app.core.errors import Message

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


def media_problem(name: str, content: bytes) -> Message | None:
    """Why the image ``name`` may not be shown (None: it may). Its content decides what
    it is; its name must agree, so that nothing is rendered as something else."""
    kind = media_kind(content)
    if kind is None:
        return Message("is not a PNG, JPEG, WebP or SVG image", "不是 PNG、JPEG、WebP 或 SVG 图片")
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    named = SUFFIX_KINDS.get(suffix)
    if named != kind:
        return Message(
            f"holds a {kind.upper()} image but is named {suffix or 'without an extension'}",
            f"内容是 {kind.upper()} 图片，但"
            + (f"文件名的扩展名是 {suffix}" if suffix else "文件名没有扩展名"),
        )
    return svg_problem(content) if kind == "svg" else None


def svg_problem(content: bytes) -> Message | None:
    """Why an SVG may not be shown, or None when it is self-contained and inert.

    Qt's SVG renderer can follow references to other files; an image in a pack must
    not make the app read anything outside the pack.
    """
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return Message("is not UTF-8 text", "不是 UTF-8 文本")
    active = _ACTIVE.search(text)
    if active:
        tag = active.group(1)
        return Message(
            f"contains <{tag}>, which images in a pack may not",
            f"包含 <{tag}>，而题包中的图片不允许包含它",
        )
    outside = _OUTSIDE.search(text)
    if outside:
        target = (outside.group(1) or outside.group(2)).strip()
        return Message(
            f"refers to something outside itself ({target!r}); an SVG must be self-contained",
            f"引用了自身以外的内容（{target!r}）；SVG 必须自成一体",
        )
    try:
        root = ElementTree.fromstring(content, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException) as err:
        return Message(f"is not well-formed SVG ({err})", f"不是格式正确的 SVG（{err}）")
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return Message(
            "is not an SVG image (its first element is not <svg>)",
            "不是 SVG 图片（它的第一个元素不是 <svg>）",
        )
    return None
