"""No label renders a name or a file's text as HTML (issue 13, item 4): a learner named
with an ``<img>`` tag shows that text, and Qt never loads the file it names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from quiz_app.core.quiz import QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.quiz import finish_quiz, start_quiz
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from tests.conftest import NOW

HOSTILE = '<img src="/etc/hosts"><b>Bob</b>'


def _labels(root: QWidget) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel) if label.text()]


def test_every_label_of_every_screen_is_plain_text(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    bob = create_learner(database, HOSTILE, now=NOW).value
    window.home.reload_learners(select=bob.id)
    quiz = start_quiz(database, bob.id, QuizSettings(count=2), seed=1, now=NOW).value
    navigation = window.navigation
    screens: dict[str, QWidget] = {"home": window.home}
    navigation.show_quiz(quiz)
    assert navigation.quiz_screen is not None
    screens["quiz"] = navigation.quiz_screen
    navigation.show_results(finish_quiz(database, quiz.id, now=NOW).value)
    assert navigation.results_screen is not None
    screens["results"] = navigation.results_screen
    navigation.show_history(bob.id)
    assert navigation.history_screen is not None
    screens["history"] = navigation.history_screen
    navigation.show_progress(bob.id)
    assert navigation.progress_screen is not None
    screens["progress"] = navigation.progress_screen
    qtbot.wait(10)
    for name, screen in screens.items():
        labels = _labels(screen)
        assert labels, name
        rich = [
            label.objectName() or label.text()[:30]
            for label in labels
            if label.textFormat() != Qt.TextFormat.PlainText
        ]
        assert rich == [], name
    heading = [x.text() for x in _labels(screens["progress"]) if HOSTILE in x.text()]
    assert heading, "the name is shown as the text it is"
