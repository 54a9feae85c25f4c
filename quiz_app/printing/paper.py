"""A paper quiz as a PDF: A4, a header with the title and the page, a footer with the
version line, each question kept on one page, the answer key from a new page.

Runs wherever QtGui runs, the offscreen platform included (the command line makes a
``QGuiApplication`` of its own); no widgets, no bank.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from quiz_app.core.paper import PaperQuiz
from quiz_app.printing import texts
from quiz_app.printing.images import ImageStore
from quiz_app.printing.sheet import QUESTION_IMAGE_WIDTH, Part, Sheet, style

RESOLUTION = 300
"""Dots per inch of the PDF's coordinates (text and drawings stay vector)."""
MARGINS_MM = QMarginsF(18, 14, 18, 14)
FONT_POINTS = 11
SMALL_POINTS = 8
FONTS = {
    "en": ["DejaVu Serif", "Noto Serif", "Times New Roman", "Noto Serif CJK SC"],
    "zh": [
        "DejaVu Serif",
        "Noto Serif CJK SC",
        "Noto Sans CJK SC",
        "WenQuanYi Micro Hei",
        "SimSun",
    ],
}
"""Families in order of preference; Qt falls back further for any character they lack."""


_own_application: list[QGuiApplication] = []
"""The application made here, kept alive for the rest of the run."""


def ensure_gui_application() -> None:
    """Qt's text layout needs a QGuiApplication: make one (offscreen, no display needed)
    when the program has none, as the command line has not."""
    if QGuiApplication.instance() is None:
        program = sys.argv[0] if sys.argv else "quiz-app"
        _own_application.append(QGuiApplication([program, "-platform", "offscreen"]))


def version_line(paper: PaperQuiz, app_version: str, when: date, language: str) -> str:
    """Which app, packs and seed made the paper, and when: enough to print it again."""
    packs = ", ".join(f"{pack} {version}" for pack, version in paper.packs)
    return " · ".join(
        (
            texts.fill(texts.APP, language, app_version),
            packs,
            texts.fill(texts.SEED, language, paper.seed),
            when.isoformat(),
        )
    )


class PaperDocument(QTextDocument):
    """A text document that loads images from its store only: any other source (a file,
    a web address) is an empty image, never read from disk."""

    def __init__(self, images: ImageStore) -> None:
        super().__init__()
        self._images = images

    def loadResource(self, kind: int, name: object) -> object:  # noqa: N802 (Qt's name)
        source = name.toString() if hasattr(name, "toString") else str(name)
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return self._images.images.get(source, QImage())
        return QByteArray()


@dataclass(frozen=True)
class PrintedPaper:
    pdf: bytes
    pages: int
    key_page: int | None
    """The page the answer key begins on (1-based); None without a key."""
    question_pages: tuple[tuple[int, int], ...] = ()
    """The first and the last page (1-based) each question is printed on."""


def _font(language: str, points: float) -> QFont:
    font = QFont()
    font.setFamilies(FONTS.get(language, FONTS["en"]))
    font.setPointSizeF(points)
    return font


FIT_SHARE = 0.9
"""An entry taller than this share of a page is left to run over a page's end."""


class _Part:
    """One part of the paper laid out in pages: the questions, or the answer key."""

    def __init__(
        self, part: Part, images: ImageStore, writer: QPdfWriter, language: str, page: QSizeF
    ) -> None:
        self.document = PaperDocument(images)
        document = self.document
        document.documentLayout().setPaintDevice(writer)
        document.setDefaultFont(_font(language, FONT_POINTS))
        document.setDefaultStyleSheet(style(language))
        document.setDocumentMargin(0)
        self.page = page
        # Laid out as one endless page first, to see where each entry would fall ...
        document.setPageSize(QSizeF(page.width(), UNBOUNDED))
        document.setHtml(part.html())
        layout = document.documentLayout()
        self._spans: list[tuple[float, float, float]] = []
        """Per entry: where the one before ended (the gap above goes with an entry),
        where its own box begins and ends."""
        above: float | None = None
        for frame in document.rootFrame().childFrames():
            rect = layout.frameBoundingRect(frame)
            self._spans.append((rect.top() if above is None else above, rect.top(), rect.bottom()))
            above = rect.bottom()
        # ... then in pages, each entry that would run over a page's end on the next. Qt
        # puts an entry that begins a page a little lower than its gap says: measured on
        # the first layout, the second is right.
        document.setPageSize(page)
        laid: frozenset[int] = frozenset()
        extra = 0.0
        for _ in range(3):
            breaks = self._breaks(extra)
            if breaks == laid:
                break
            document.setHtml(part.html(breaks))
            laid = breaks
            extra = self._extra_at_break(breaks)

    def _breaks(self, extra: float) -> frozenset[int]:
        """The entries to begin on a new page, so that none runs over a page's end;
        ``extra``: how much lower than its gap says an entry that begins a page begins."""
        height = self.page.height()
        pushed = 0.0  # how far the breaks so far have moved what follows down
        breaks = set()
        for index, (above, top, bottom) in enumerate(self._spans):
            first, last = top + pushed, bottom + pushed
            page_top = (first // height) * height
            if page_top and first - page_top < extra + (top - above):
                # An entry beginning a page: Qt puts it where it would after a break.
                pushed += page_top + extra + (top - above) - first
                first, last = top + pushed, bottom + pushed
            if last - first > height * FIT_SHARE or first // height == last // height:
                continue
            page_top = (first // height + 1) * height
            pushed += page_top + extra + (top - above) - first
            breaks.add(index)
        return frozenset(breaks)

    def _extra_at_break(self, breaks: frozenset[int]) -> float:
        index = min(breaks)
        frame = self.document.rootFrame().childFrames()[index]
        top = self.document.documentLayout().frameBoundingRect(frame).top()
        above, own, _ = self._spans[index]
        return top - (top // self.page.height()) * self.page.height() - (own - above)

    @property
    def pages(self) -> int:
        return self.document.pageCount()

    def entry_pages(self) -> tuple[tuple[int, int], ...]:
        """The first and last page (0-based) of each entry, as laid out."""
        height = self.page.height()
        layout = self.document.documentLayout()
        out = []
        for frame in self.document.rootFrame().childFrames():
            rect = layout.frameBoundingRect(frame)
            out.append((int(rect.top() // height), int((rect.bottom() - 0.5) // height)))
        return tuple(out)

    def draw(self, painter: QPainter, page: int, top: float) -> None:
        """Page ``page`` of the part, its top at ``top`` on the painter."""
        height, width = self.page.height(), self.page.width()
        painter.save()
        painter.translate(0, top - page * height)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, page * height, width, height)
        painter.setClipRect(context.clip)
        self.document.documentLayout().draw(painter, context)
        painter.restore()


UNBOUNDED = 1e9
"""The height of the one page an entry's natural place is measured on."""


@contextmanager
def _none_references_kept() -> Iterator[None]:
    """PySide6 6.12 on Python 3.11 drops a reference to None at each call of many QPainter
    methods (save, restore, setPen, translate, setClipRect ...) and of a text layout's
    draw: a print of a hundred pages takes some 1,300, and a few long prints in one run
    bring None's count to zero, which aborts the interpreter ("deallocating None"). What
    a print took is given back here, for good (references held by a Python object would
    be dropped again as the interpreter ends, and abort it then); with None immortal
    (Python 3.12) or the bug fixed, nothing is taken and nothing added."""
    before = sys.getrefcount(None)
    try:
        yield
    finally:
        lost = before - sys.getrefcount(None)
        for _ in range(max(0, lost)):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


def print_paper(
    paper: PaperQuiz,
    language: str,
    *,
    title: str,
    version_line: str,
    answer_key: bool = True,
) -> PrintedPaper:
    """The quiz as the bytes of a PDF: the questions, then (``answer_key``) the key from
    a new page."""
    with _none_references_kept():
        return _print_paper(paper, language, title, version_line, answer_key)


def _print_paper(
    paper: PaperQuiz, language: str, title: str, version_line: str, answer_key: bool
) -> PrintedPaper:
    ensure_gui_application()
    images = ImageStore(paper.media, QUESTION_IMAGE_WIDTH)
    sheet = Sheet(paper, language, images)

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator(version_line)

    small = _font(language, SMALL_POINTS)
    band = QFontMetricsF(small, writer).height() * 2.2  # the header's and the footer's room
    area = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
    page = QSizeF(area.width(), area.height() - 2 * band)
    parts = [_Part(sheet.questions(title), images, writer, language, page)]
    if answer_key:
        parts.append(_Part(sheet.key(title), images, writer, language, page))
    total = sum(p.pages for p in parts)
    headers = [title, f"{title} — {texts.fill(texts.ANSWER_KEY, language)}"]

    painter = QPainter(writer)
    number = 0
    for part, header in zip(parts, headers, strict=False):
        for page_index in range(part.pages):
            if number:
                writer.newPage()
            number += 1
            part.draw(painter, page_index, band)
            _draw_bands(
                painter,
                small,
                QRectF(0, 0, area.width(), area.height()),
                band,
                header,
                texts.fill(texts.PAGE, language, number, total),
                version_line,
            )
    painter.end()
    buffer.close()
    key_page = parts[0].pages + 1 if answer_key else None
    spans = tuple((first + 1, last + 1) for first, last in parts[0].entry_pages())
    return PrintedPaper(bytes(buffer.data().data()), total, key_page, spans)


def _draw_bands(
    painter: QPainter,
    font: QFont,
    page: QRectF,
    band: float,
    header: str,
    page_text: str,
    footer: str,
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("#333333"))
    top = QRectF(page.left(), page.top(), page.width(), band * 0.6)
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(top, int(right), page_text)
    room = top.adjusted(0, 0, -painter.fontMetrics().horizontalAdvance(page_text) * 1.2, 0)
    painter.drawText(
        room,
        int(left),
        painter.fontMetrics().elidedText(header, Qt.TextElideMode.ElideRight, int(room.width())),
    )
    pen = QPen(QColor("#999999"))
    pen.setWidthF(2)
    painter.setPen(pen)
    painter.drawLine(QPointF(page.left(), top.bottom()), QPointF(page.right(), top.bottom()))
    bottom = QRectF(page.left(), page.bottom() - band * 0.6, page.width(), band * 0.6)
    painter.drawLine(QPointF(page.left(), bottom.top()), QPointF(page.right(), bottom.top()))
    painter.setPen(QColor("#333333"))
    painter.drawText(
        bottom,
        int(left),
        painter.fontMetrics().elidedText(footer, Qt.TextElideMode.ElideMiddle, int(bottom.width())),
    )
    painter.restore()
