"""Turning a pack's image bytes into a pixmap, SVG included."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from quiz_app.packs.media import drawable_kind


def pixmap_from_bytes(data: bytes, path: str, width: int) -> QPixmap:
    """A pixmap ``width`` pixels wide (null when the bytes are not an image the app shows).

    What the bytes are decides, never the name (``packs.media``): an SVG called ``.png``
    is checked as an SVG, and a PNG is decoded as a PNG only, so Qt never guesses."""
    kind = drawable_kind(data)
    if kind is None:
        return QPixmap()
    if kind == "svg":
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return QPixmap()
        size = renderer.defaultSize()
        height = round(width * size.height() / max(size.width(), 1))
        image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return QPixmap.fromImage(image)
    pixmap = QPixmap()
    if not pixmap.loadFromData(data, kind.upper()):
        return QPixmap()
    return pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


def natural_width(data: bytes, path: str) -> int:
    """An image's own width in pixels (0 when the bytes are not an image it would show)."""
    kind = drawable_kind(data)
    if kind is None:
        return 0
    if kind == "svg":
        renderer = QSvgRenderer(QByteArray(data))
        return renderer.defaultSize().width() if renderer.isValid() else 0
    image = QImage()
    return image.width() if image.loadFromData(data, kind.upper()) else 0
