"""Headings a screen reader knows as headings.

Qt gives every ``QLabel`` the role *static text*, so a screen's title sounds like any other
line and a screen-reader user cannot jump to it (Orca's H key). ``Heading`` is a label
whose accessible interface (``ui/accessible.py``) has the role *heading*.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QLabel, QWidget

from quiz_app.ui.accessible import NamedBy, register


class Heading(QLabel):
    """A screen's heading (``role`` ``heading``) or a section's title (``title``)."""

    def __init__(self, text: str, parent: QWidget | None, role: str = "heading") -> None:
        super().__init__(text, parent)
        self.setProperty("role", role)  # the style sheet's size and weight


def _interface(target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, Heading):
        return NamedBy(target, QAccessible.Role.Heading, target.text)
    return None


register(Heading, _interface)
