"""The images a printed quiz may show: its packs' media, decoded once, nothing else.

Every ``<img>`` of the page is rewritten to a name of this store (``image3``) with the
width it is printed at; the document's resource loader serves those names only, and an
empty image for anything else, so no text can make a print read a file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import unescape

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from quiz_app.core.ids import PackId
from quiz_app.packs.media import drawable_kind

RASTER_SCALE = 3
"""A drawing (SVG) is rasterised at this many pixels per printed pixel (96 per inch), so
that it prints at about 300 dpi."""

_IMAGE = re.compile(r'<img\b([^>]*?)\bsrc="([^"]*)"([^>]*)>')
_ALT = re.compile(r'\balt="([^"]*)"')


def decode_image(data: bytes, name: str, widest: int) -> tuple[QImage, int]:
    """The image and the width (in 96-dpi pixels) it is drawn at when nothing limits it;
    a null image when the bytes are not an image the app shows. As on screen, the bytes
    decide what it is, never its name (``packs.media``). A drawing is rasterised for
    ``widest`` pixels at most."""
    kind = drawable_kind(data)
    if kind is None:
        return QImage(), 0
    if kind == "svg":
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return QImage(), 0
        size = renderer.defaultSize()
        if size.isEmpty():
            return QImage(), 0
        scale = RASTER_SCALE * min(1.0, widest / size.width())
        image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image, size.width()
    image = QImage()
    if not image.loadFromData(data, kind.upper()):
        return QImage(), 0
    return image, image.width()


class ImageStore:
    """The media of a paper quiz under names of its own, each with its natural width."""

    def __init__(self, media: Mapping[tuple[PackId, str], bytes], widest: int) -> None:
        self._media = media
        self._widest = widest
        self._names: dict[tuple[PackId, str], str] = {}
        self.images: dict[str, QImage] = {}
        self._widths: dict[str, int] = {}

    def name(self, pack_id: PackId, source: str) -> str | None:
        """The store's name of ``source`` in ``pack_id``'s media; None when the pack has
        no such image (or its bytes are not an image)."""
        key = (pack_id, source)
        if key not in self._names:
            data = self._media.get(key)
            if data is None:
                return None
            image, width = decode_image(data, source, self._widest)
            if image.isNull():
                return None
            name = f"image{len(self.images) + 1}"
            self._names[key] = name
            self.images[name] = image
            self._widths[name] = width
        return self._names[key]

    def tag(self, pack_id: PackId, source: str, max_width: int, alt: str = "") -> str:
        """An ``<img>`` of ``source`` at most ``max_width`` pixels wide; its alt text (already
        escaped) when the pack has no such image."""
        name = self.name(pack_id, source)
        if name is None:
            return alt
        width = min(self._widths[name], max_width)
        return f'<img src="{name}" width="{width}">'

    def rewrite(self, html: str, pack_id: PackId, max_width: int) -> str:
        """``html`` (sanitised) with each image served from the store, or as its alt text."""

        def one(match: re.Match[str]) -> str:
            alt = _ALT.search(match.group(1) + match.group(3))
            return self.tag(
                pack_id, unescape(match.group(2)), max_width, alt.group(1) if alt else ""
            )

        return _IMAGE.sub(one, html)
