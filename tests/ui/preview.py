"""Stand in for the person in front of the import preview dialog."""

from __future__ import annotations

import pytest


def answer_preview(monkeypatch: pytest.MonkeyPatch, accept: bool) -> list[object]:
    """Make every preview answer at once; return the dialogs that were shown."""
    from quiz_app.ui.import_preview import ImportPreviewDialog

    seen: list[object] = []

    def exec_(dialog: ImportPreviewDialog) -> int:
        seen.append(dialog)
        code = ImportPreviewDialog.DialogCode
        return (code.Accepted if accept else code.Rejected).value

    monkeypatch.setattr(ImportPreviewDialog, "exec", exec_)
    return seen
