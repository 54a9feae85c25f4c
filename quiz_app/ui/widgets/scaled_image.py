"""An image that scales down (never up) to the room it is given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QWidget


class ScaledImage(QLabel):
    """A question's image: drawn at most as large as its source, smaller when the
    window is (``fit`` is called as the room changes)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._source = QPixmap()

    def set_source(self, pixmap: QPixmap) -> None:
        self._source = pixmap
        self.setVisible(not pixmap.isNull())

    def fit(self, width: int, height: int) -> None:
        if self._source.isNull():
            self.clear()
            return
        source = self._source
        if source.width() > width or source.height() > height:
            source = source.scaled(
                max(width, 1),
                max(height, 1),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.setPixmap(source)
