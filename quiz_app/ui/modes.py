"""Names of the quiz modes, translated in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from quiz_app.core.quiz import QuizMode


def mode_name(mode: QuizMode) -> str:
    names = {
        QuizMode.PRACTICE: QCoreApplication.translate("Modes", "Practice"),
        QuizMode.EXAM: QCoreApplication.translate("Modes", "Exam"),
        QuizMode.MISTAKES: QCoreApplication.translate("Modes", "My mistakes"),
        QuizMode.REVIEW: QCoreApplication.translate("Modes", "Review"),
    }
    return names[mode]
