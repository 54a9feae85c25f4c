"""Telling a screen reader what a sighted learner sees change: the verdict on an answer,
the score, "time's up", a minute left.

Qt 6.8's announcement event reaches AT-SPI (Orca) as ``object:announcement``. Every
announcement is also emitted by ``announcer().announced``, for tests and the log.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


class Announcer(QObject):
    announced = Signal(str)
    """The message, as it was announced."""


@cache
def announcer() -> Announcer:
    return Announcer()


def announce(source: QObject, message: str, *, urgent: bool = False) -> None:
    """Have assistive technology read ``message``, as from ``source`` (a widget on the
    screen it concerns). ``urgent`` interrupts what is being read (time running out)."""
    event = QAccessibleAnnouncementEvent(source, message)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if urgent
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    announcer().announced.emit(message)
