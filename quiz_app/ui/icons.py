"""The app's line icons (``assets/icons/*.svg``), drawn in the current text colour so they
read in the light and the dark theme alike."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from quiz_app.ui.assets import assets_dir

SIZES = (16, 24, 32, 48)


@cache
def _svg(name: str) -> str:
    return (assets_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, role: QPalette.ColorRole = QPalette.ColorRole.ButtonText) -> QIcon:
    """``assets/icons/<name>.svg`` in the palette's ``role`` colour, at several sizes."""
    return _drawn(name, QGuiApplication.palette().color(role).name())


@cache
def _drawn(name: str, colour: str) -> QIcon:
    """Drawn once for each colour: Home asks again at every redraw."""
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode()))
    result = QIcon()
    for size in SIZES:
        image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result
