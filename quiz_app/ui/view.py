"""How the window looks: theme, text size and its place on the screen, kept in the
settings so they are the same at the next start."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from quiz_app.core.settings import Theme, clamp_text_size
from quiz_app.ui.context import AppContext
from quiz_app.ui.style import MAX_TEXT_SCALE
from quiz_app.ui.theme import apply_look, apply_theme, desktop_text_size, set_text_size, text_size


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def clamp_to_desktop(size: float, normal: float) -> float:
    """A text size the app can show: within the settings' bounds and at most 200 % of
    the desktop's own size (the most the screens are laid out for)."""
    return min(clamp_text_size(size), normal * MAX_TEXT_SCALE)


class ViewSettings(QObject):
    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self.normal_size = desktop_text_size()
        """The desktop's own text size, for Ctrl+0."""

    def apply_saved(self) -> None:
        """Theme, text size and window place as they were saved."""
        settings = self._context.settings
        size = self.normal_size
        if settings.text_size is not None:
            size = clamp_to_desktop(settings.text_size, self.normal_size)
        apply_look(_app(), settings.theme, size)
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
        """Light, dark or the desktop's; the text size stays."""
        apply_theme(_app(), theme)
        self._context.update_settings(theme=theme)

    def scale_text(self, step: int) -> None:
        """Ctrl +/-: one point bigger or smaller, Ctrl+0 back to the desktop's size.
        Every widget already shown changes at once."""
        if step == 0:
            set_text_size(_app(), self.normal_size)
            self._context.update_settings(text_size=None)
            return
        size = clamp_to_desktop(text_size(_app()) + step, self.normal_size)
        set_text_size(_app(), size)
        self._context.update_settings(text_size=size)

    def ask_new_per_day(self) -> None:
        """How many never-seen questions a day's reviews may bring in (kept in the settings)."""
        from PySide6.QtWidgets import QInputDialog

        from quiz_app.core.settings import MAX_NEW_PER_DAY

        value, accepted = QInputDialog.getInt(
            self._window,
            self.tr("New questions per day"),
            self.tr(
                "Reviews bring in at most this many questions you have never seen, each day. "
                "Fewer keeps reviews short; 0 reviews only what you have met."
            ),
            self._context.settings.new_per_day,
            0,
            MAX_NEW_PER_DAY,
        )
        if accepted:
            self._context.update_settings(new_per_day=value)
