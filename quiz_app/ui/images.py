"""Turning a pack's image bytes into a pixmap, SVG included."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer


def pixmap_from_bytes(data: bytes, path: str, width: int) -> QPixmap:
    """A pixmap ``width`` pixels wide (null when the bytes are not an image)."""
    if path.lower().endswith(".svg"):
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
    if not pixmap.loadFromData(data):
        return QPixmap()
    return pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


def natural_width(data: bytes, path: str) -> int:
    """An image's own width in pixels (0 when the bytes are not an image)."""
    if path.lower().endswith(".svg"):
        renderer = QSvgRenderer(QByteArray(data))
        return renderer.defaultSize().width() if renderer.isValid() else 0
    image = QImage()
    return image.width() if image.loadFromData(data) else 0
