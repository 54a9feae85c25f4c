"""Draw the app's SVG icon for desktops that want a bitmap: render_icon.py SVG OUT SIZE.

OUT's suffix decides the format: .png (Linux), .ico (Windows), .icns (macOS), through
Qt's image plugins."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def main(source: str, target: str, size: int) -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(source)
    if not renderer.isValid():
        print(f"render_icon: {source} is not an SVG Qt can draw", file=sys.stderr)
        return 1
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    ok = image.save(target)
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
