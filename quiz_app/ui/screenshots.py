"""Screenshots of the app's screens, in English and Chinese, light and dark.

    python -m quiz_app.ui.screenshots [OUTDIR]      (default: screenshots/)

Runs offscreen against a temporary bank holding the built-in packs. Chinese needs a CJK
font on the machine (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from quiz_app.services.bank import open_bank
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.theme import apply_theme


def take_screenshots(outdir: Path) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        database = open_bank(f"sqlite:///{Path(tmp) / 'bank.sqlite3'}")
        try:
            for scheme_name in ("light", "dark"):
                apply_theme(app, scheme_name)
                for language in ("en", "zh"):
                    window = MainWindow(database, language)
                    window.resize(900, 640)
                    window.show()
                    app.processEvents()
                    target = outdir / f"main-window-{language}-{scheme_name}.png"
                    window.grab().save(str(target))
                    written.append(target)
                    window.close()
        finally:
            database.close()
    return written


if __name__ == "__main__":
    for path in take_screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")):
        print(path)
