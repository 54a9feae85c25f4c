"""The interface language, through Qt's own translation machinery.

Strings are marked with ``self.tr()``, extracted into ``assets/translations/*.ts`` with
``pyside6-lupdate``, translated in Qt Linguist (or the .ts XML), and compiled with
``pyside6-lrelease`` into the ``.qm`` files loaded here (tests check the .qm are current).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from quiz_app.core.errors import QuizError
from quiz_app.ui.assets import assets_dir

QT_LOCALES = {"en": "en_GB", "zh": "zh_CN"}
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}
"""Each language by its own name, as a reader of it looks for it."""
_installed: list[QTranslator] = []


def set_language(language: str) -> None:
    """Switch the interface to ``language`` (``en`` or ``zh``); widgets then receive a
    LanguageChange event."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QT_LOCALES.get(language, "en_GB")
    QLocale.setDefault(QLocale(locale))
    if language == "en":
        return
    ours = QTranslator(app)
    if ours.load(str(assets_dir() / "translations" / f"change_quiz_{locale}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator(app)  # Qt's standard dialogs and buttons
    if qt_own.load(
        f"qtbase_{locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)


def system_language() -> str:
    """``zh`` on a Chinese desktop, else ``en``."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def current_language() -> str:
    """The interface's language now (``set_language`` sets Qt's default locale)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def error_text(error: BaseException) -> str:
    """What an expected error says, in the interface's language (anything else: str)."""
    return error.message(current_language()) if isinstance(error, QuizError) else str(error)


def language_name(language: str) -> str:
    """``中文`` for ``zh``: a language's name in itself (unknown codes as they are)."""
    return LANGUAGE_NAMES.get(language, language)
