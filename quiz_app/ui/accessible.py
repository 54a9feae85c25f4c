"""Accessible interfaces of the app's own widgets, for screen readers.

Qt asks the factories installed with ``QAccessible.installFactory`` before its own, by
the widget's class name (a Python subclass's own name). One factory serves every class
registered here. An interface is made when Qt first needs one, which can be while the
widget is being built, so a widget class calls ``register`` before its first instance.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_makers: dict[str, Callable[[QObject], QAccessibleInterface | None]] = {}
_installed = False


class NamedBy(QAccessibleWidget):
    """A widget's interface with a fixed ``role`` whose name comes from ``name`` (unless
    an accessible name is set), with Qt's behaviour for everything else."""

    def __init__(self, widget: QWidget, role: QAccessible.Role, name: Callable[[], str]) -> None:
        super().__init__(widget, role)
        self._widget = widget
        self._name = name

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._widget.accessibleName() or self._name()
        return super().text(kind)


def register(cls: type[QWidget], make: Callable[[QObject], QAccessibleInterface | None]) -> None:
    """``make`` builds the interface of every ``cls`` (matched by class name)."""
    global _installed
    _makers[cls.__name__] = make
    if not _installed:
        QAccessible.installFactory(_interface)
        _installed = True


def _interface(key: str, target: QObject) -> QAccessibleInterface | None:
    make = _makers.get(key)
    return None if make is None else make(target)


def name_changed(widget: QWidget) -> None:
    """Tell a listening screen reader that ``widget``'s name is new (Qt does so for its
    own labels; a registered widget says it itself)."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
