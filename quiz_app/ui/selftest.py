"""The Qt half of ``--self-test`` (quiz_app/selftest.py): Qt starts, finds the plugins and
the app's assets, and draws a real quiz screen, all on the offscreen platform.

Each function returns what it saw, in a few words, and whether that is what a working
copy shows; a bug of the app or a broken bundle raises as it is.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

from quiz_app.core.bank import StoredQuestion
from quiz_app.core.quiz import QuizSession
from quiz_app.services.bank import Database


class Seen(NamedTuple):
    ok: bool
    text: str


IMAGE_FORMATS = ("png", "jpeg", "webp", "svg")
"""What a pack's images may be (packs/media.py): each needs Qt's plugin but png."""
SCREEN_SIZE = (1000, 700)
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)
_app: list[object] = []  # the QApplication made here, kept alive for the later steps


def _quiet_offscreen(kind: object, context: object, message: str) -> None:
    """Qt's messages to stderr, less the one the offscreen platform says of every window
    (about the platform, not the app: pyproject.toml's qt_log_ignore)."""
    if message not in OFFSCREEN_NOISE:
        sys.stderr.write(message + "\n")


def start_offscreen() -> Seen:
    """A QApplication on the offscreen platform (one already running is used as it is)."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        qInstallMessageHandler(_quiet_offscreen)
        app = QApplication(sys.argv[:1])
        _app.append(app)
    assert isinstance(app, QApplication)
    platform = app.platformName()
    if platform != "offscreen":
        return Seen(False, f"Qt started on the {platform!r} platform, not 'offscreen'")
    from PySide6 import __version__ as pyside

    return Seen(True, f"Qt {pyside} on the {platform} platform")


def qt_checks() -> Seen:
    """Image plugins, the app's icon and style sheet, both translations, and QtCharts."""
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication

    from quiz_app.ui.assets import app_icon, assets_dir
    from quiz_app.ui.theme import apply_theme

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = [f for f in IMAGE_FORMATS if f not in formats]
    if missing:
        return Seen(
            False,
            f"Qt cannot read {', '.join(missing)} images (no imageformats plugin; "
            f"plugins from {QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)})",
        )
    icon = app_icon()
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        return Seen(False, f"the app's icon does not load from {assets_dir() / 'icons'}")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light")  # reads the style sheet template and its marks
    if "QPushButton" not in app.styleSheet():
        return Seen(False, f"the style sheet did not load from {assets_dir() / 'styles'}")
    ours = QTranslator()
    qm = assets_dir() / "translations" / "change_quiz_zh_CN.qm"
    if not ours.load(str(qm)) or ours.isEmpty():
        return Seen(False, f"the Chinese translation does not load from {qm}")
    qt_own = QTranslator()
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not qt_own.load("qtbase_zh_CN", qt_path):
        return Seen(False, f"Qt's own Chinese translation is not in {qt_path}")
    from PySide6.QtCharts import QChart

    if QChart().series():  # the Progress screen's charts: the module loads, a chart is made
        return Seen(False, "a new chart is not empty")
    return Seen(True, f"images {', '.join(IMAGE_FORMATS)}; icon, style, translations, charts")


def render_question(
    database: Database, quiz: QuizSession, with_image: StoredQuestion | None
) -> Seen:
    """Draw the quiz screen showing ``quiz``'s first question, and ``with_image``'s image."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QColor

    from quiz_app.services.packs import pack_media
    from quiz_app.services.quiz import quiz_questions
    from quiz_app.ui.images import pixmap_from_bytes
    from quiz_app.ui.screens.quiz import QuizScreen

    screen = QuizScreen(database, quiz, quiz_questions(database, quiz), "en")
    try:
        screen.resize(*SCREEN_SIZE)
        screen.show()
        QCoreApplication.processEvents()
        image = screen.grab().toImage()
    finally:
        screen.hide()
        screen.deleteLater()
    if image.isNull() or (image.width(), image.height()) != SCREEN_SIZE:
        return Seen(False, f"the quiz screen drew a {image.width()}x{image.height()} image")
    step = 7
    colours = {
        QColor(image.pixel(x, y)).rgb()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }
    if len(colours) < 3:
        return Seen(False, f"the quiz screen drew {len(colours)} colour(s): nothing on it")
    seen = f"quiz screen {image.width()}x{image.height()}, {len(colours)} colours"
    if with_image is None:
        return Seen(True, seen + "; no question with an image to draw")
    path = with_image.question.image
    assert path is not None
    data = pack_media(database, with_image.pack_id, path)
    if data is None:
        return Seen(False, f"the bank holds no image {path} of pack {with_image.pack_id}")
    pixmap = pixmap_from_bytes(data, path, 400)
    if pixmap.isNull():
        return Seen(False, f"the image {path} of pack {with_image.pack_id} does not draw")
    return Seen(True, seen + f"; image {path} {pixmap.width()}x{pixmap.height()}")
