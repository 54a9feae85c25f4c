"""How the window looks: theme, text size and its place on the screen, kept in the
settings so they are the same at the next start."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from quiz_app.core.settings import Theme, clamp_text_size
from quiz_app.ui.context import AppContext
from quiz_app.ui.theme import apply_theme


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


class ViewSettings(QObject):
    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._normal_size = QGuiApplication.font().pointSizeF()
        """The desktop's own text size, for Ctrl+0."""

    def apply_saved(self) -> None:
        """Theme, text size and window place as they were saved."""
        settings = self._context.settings
        apply_theme(_app(), settings.theme)
        if settings.text_size is not None:
            self._set_size(settings.text_size)
        if settings.window_geometry:
            self._window.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode()))
        if settings.window_state:
            self._window.restoreState(QByteArray.fromBase64(settings.window_state.encode()))

    def remember_window(self) -> None:
        """Keep the window's place and size for the next start (called on close)."""
        geometry = bytes(self._window.saveGeometry().toBase64().data()).decode("ascii")
        state = bytes(self._window.saveState().toBase64().data()).decode("ascii")
        self._context.update_settings(window_geometry=geometry, window_state=state)

    def set_theme(self, theme: Theme) -> None:
        apply_theme(_app(), theme)
        self._context.update_settings(theme=theme)

    def scale_text(self, step: int) -> None:
        """Ctrl +/-: one point bigger or smaller, Ctrl+0 back to normal."""
        if step == 0:
            self._set_size(self._normal_size)
            self._context.update_settings(text_size=None)
            return
        size = clamp_text_size(_app().font().pointSizeF() + step)
        self._set_size(size)
        self._context.update_settings(text_size=size)

    def _set_size(self, size: float) -> None:
        font = _app().font()
        font.setPointSizeF(size)
        _app().setFont(font)
