"""Pack text shown formatted: bold, H₂O, lists, tables, the pack's own images.

``RichText`` paints a ``QTextDocument`` of ``packs.rich_text.to_html`` inside a frame, so
the style sheet's borders, padding, font and colour apply as they do to a label. It is not
a rich-text ``QLabel``: that one keeps a text engine whose changes reach the accessibility
bus as text events of an object with no text interface (Qt logs a warning for each). To a
screen reader it is static text named by its plain text (``packs.rich_text.to_plain``).

The document loads images only from the pack's media, through ``media``; any other name
gets an empty image (``None`` would let Qt look for the file on disk).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAccessible,
    QAccessibleInterface,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from quiz_app.packs.rich_text import media_name, to_html, to_plain
from quiz_app.ui.accessible import NamedBy, name_changed, register
from quiz_app.ui.images import natural_width, pixmap_from_bytes

MediaSource = Callable[[str], bytes | None]
"""A pack's file by its name inside the pack (None: no such file)."""

IMAGE_MAX_WIDTH = 400
"""An image in a text is at most this wide (and never wider than itself or the text)."""


class _PackDocument(QTextDocument):
    """A document whose only resources are the pack's media."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.media: MediaSource | None = None
        self.image_width = IMAGE_MAX_WIDTH

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        path = name.toString() if isinstance(name, QUrl) else name
        data = self.media(path) if self.media is not None and media_name(path) else None
        if not data:
            return QImage()
        width = min(natural_width(data, path) or self.image_width, self.image_width)
        pixmap = pixmap_from_bytes(data, path, width)
        return pixmap.toImage() if not pixmap.isNull() else QImage()


class RichText(QFrame):
    """A label for pack text (Markdown): wrapped, formatted, not selectable."""

    def __init__(self, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self._markdown = ""
        self._plain = ""
        self._document = _PackDocument(self)
        self._document.setDocumentMargin(0)
        self._widths: dict[int, int] = {}
        """Height of the text at each width asked (heightForWidth), until it changes."""
        self._ideal: int | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- the text --------------------------------------------------------------------------
    def set_markdown(self, text: str, media: MediaSource | None = None) -> None:
        """Show ``text`` (the pack's Markdown); ``media`` serves its images."""
        if text == self._markdown and media is self._document.media:
            return
        self._markdown = text
        self._plain = to_plain(text)
        self._document.media = media
        self._document.clear()  # its image cache too
        self._document.setDefaultFont(self.font())
        self._document.setDefaultStyleSheet(self._css())
        self._document.setHtml(to_html(text))
        self._relayout()
        name_changed(self)

    def _css(self) -> str:
        """Tables ruled in the theme's border colour; code in a fixed-width face."""
        rule = self.palette().color(QPalette.ColorRole.Mid).name()
        return (
            "table { border-collapse: collapse; margin: 4px 0px; }"
            f"th, td {{ border: 1px solid {rule}; padding: 2px 8px; }}"
            "th { font-weight: 600; }"
            "code, pre { font-family: monospace; }"
            "ul, ol { margin-top: 2px; margin-bottom: 2px; }"
        )

    def markdown(self) -> str:
        return self._markdown

    def text(self) -> str:
        """What a person reads: the text without its markup."""
        return self._plain

    def html(self) -> str:
        return self._document.toHtml()

    # -- size ------------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = max(width - margins.left() - margins.right(), 1)
        if inner not in self._widths:
            self._document.setTextWidth(inner)
            self._widths[inner] = round(self._document.size().height())
            self._document.setTextWidth(self.contentsRect().width())
        return self._widths[inner] + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        if self._ideal is None:  # laid out unwrapped once per text, font or style
            self._document.setTextWidth(-1)
            self._ideal = round(self._document.idealWidth())
            self._document.setTextWidth(self.contentsRect().width())
        width = min(self._ideal, 640) + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """As narrow as a few words; the height the layout asks by width (a minimum at the
        narrowest width would make the text's box, and its scroll area, far too tall)."""
        margins = self.contentsMargins()
        width = min(self.sizeHint().width(), 120 + margins.left() + margins.right())
        line = self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()
        return QSize(width, line if self._markdown else 0)

    def _relayout(self) -> None:
        self._widths.clear()
        self._ideal = None
        self._document.setTextWidth(max(self.contentsRect().width(), 1))
        self.updateGeometry()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._document.image_width = min(IMAGE_MAX_WIDTH, max(self.contentsRect().width(), 40))
        self._document.setTextWidth(max(self.contentsRect().width(), 1))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.PaletteChange,
        ):
            self._document.setDefaultFont(self.font())
            self._document.setDefaultStyleSheet(self._css())
            self._document.setHtml(to_html(self._markdown))  # the sheet applies on setHtml
            self._relayout()

    # -- drawing ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the frame: the style sheet's background and border
        painter = QPainter(self)
        rect = self.contentsRect()
        painter.translate(rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.Text, self.palette().color(self.foregroundRole()))
        context.palette = palette
        self._document.documentLayout().draw(painter, context)
        painter.end()


def _interface(target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, RichText):
        return NamedBy(target, QAccessible.Role.StaticText, target.text)
    return None


register(RichText, _interface)


def rich_text(parent: QWidget, name: str, *, transparent_to_mouse: bool = False) -> RichText:
    """A ``RichText`` named for the style sheet (and mouse clicks passed to its parent)."""
    label = RichText(parent, name)
    if transparent_to_mouse:
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return label
