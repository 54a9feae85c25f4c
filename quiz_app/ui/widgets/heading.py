"""Headings a screen reader knows as headings.

Qt gives every ``QLabel`` the role *static text*, so a screen's title sounds like any other
line and a screen-reader user cannot jump to it (Orca's H key). ``Heading`` is a label
whose accessible interface has the role *heading*: Qt asks the factories installed with
``QAccessible.installFactory`` before its own, and the class name it asks with is this
subclass's. The interface is made when Qt first needs one, which can be while the label
is being built, so the factory is in place before the first ``Heading`` exists.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

_factory_installed = False


class Heading(QLabel):
    """A screen's heading (``role`` ``heading``) or a section's title (``title``)."""

    def __init__(self, text: str, parent: QWidget | None, role: str = "heading") -> None:
        _install_factory()
        super().__init__(text, parent)
        self.setProperty("role", role)  # the style sheet's size and weight


class _HeadingInterface(QAccessibleWidget):
    """A label's accessible interface with the heading role; its name is its text."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or self._label.text()
        return super().text(kind)


def _heading_interface(key: str, target: QObject) -> QAccessibleInterface | None:
    if key == "Heading" and isinstance(target, Heading):
        return _HeadingInterface(target)
    return None


def _install_factory() -> None:
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_heading_interface)
        _factory_installed = True
