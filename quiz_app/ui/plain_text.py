"""Every label is plain text unless it says otherwise.

A ``QLabel`` guesses: text that looks like HTML is rendered as rich text, and Qt's rich
text loads the local files its ``<img>`` tags name. A learner called
``<img src="/home/ada/photo.png">`` (names arrive in results files) would show a stranger's
file in the Progress heading. So every label of the application is made plain text as it
is first polished, before it is ever shown; a label meant to be rich sets
``Qt.TextFormat.RichText`` itself (and its text comes through ``packs.rich_text``).
Pack text is shown by ``widgets.rich_text.RichText``, which is sanitised.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel

_guard: PlainLabels | None = None


class PlainLabels(QObject):
    """The application's event filter that turns guessing labels plain."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Polish
            and isinstance(watched, QLabel)
            and watched.textFormat() == Qt.TextFormat.AutoText
        ):
            watched.setTextFormat(Qt.TextFormat.PlainText)
        return False


def plain_labels(app: QApplication) -> None:
    """Install the filter on ``app`` (once)."""
    global _guard
    if _guard is None:
        _guard = PlainLabels(app)
        app.installEventFilter(_guard)
