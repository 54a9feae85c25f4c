"""Every control a keyboard reaches has a name a screen reader can say (issue 18): the
name Qt's accessibility layer gives it (its own text, its label's, or one set for it),
on every screen a learner meets, in English and in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from quiz_app.core.grading import right_response
from quiz_app.core.questions import QuestionType
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from tests.conftest import NOW


def audit(root: QWidget) -> tuple[int, list[str]]:
    """How many visible controls take Tab focus under ``root``, and those without a name."""
    focusable = [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    unnamed = []
    for widget in focusable:
        interface = QAccessible.queryAccessibleInterface(widget)
        name = "" if interface is None else interface.text(QAccessible.Text.Name)
        if not name.strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()}".strip())
    return len(focusable), unnamed


def headings(root: QWidget) -> list[str]:
    """The names of the accessible headings under ``root``, walked as a screen reader
    walks the tree (not by widget class)."""
    found = []
    pending = [QAccessible.queryAccessibleInterface(root)]
    while pending:
        node = pending.pop()
        if node is None or not node.isValid():
            continue
        if node.role() == QAccessible.Role.Heading and not node.state().invisible:
            found.append(node.text(QAccessible.Text.Name))
        pending += [node.child(i) for i in range(node.childCount())]
    return found


HEADINGS = {
    "en": {"home": "Hello", "results": "Score:", "history": "History", "progress": "Progress"},
    "zh": {"home": "你好", "results": "得分", "history": "历史", "progress": "学习进度"},
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_control_on_every_screen_is_named(
    qtbot: QtBot, window: MainWindow, database: Database, language: str
) -> None:
    from quiz_app.ui.i18n import set_language

    set_language(language)
    try:
        window.switch_language(language)
        counts: dict[str, int] = {}
        navigation = window.navigation
        learner = window.home.current_learner()
        assert learner is not None

        def check(name: str, root: QWidget) -> None:
            qtbot.wait(10)
            focusable, unnamed = audit(root)
            assert unnamed == [], name
            counts[name] = focusable
            found = headings(root)
            if name in HEADINGS[language]:  # the screen's heading, as a heading
                assert len(found) == 1, (name, found)
                assert HEADINGS[language][name] in found[0], (name, found)
            else:  # a question: the answer control, not a heading, carries it
                assert found == [], (name, found)

        check("home", window.home)
        for kind in QuestionType:
            if kind is QuestionType.CARD:
                continue  # the sample pack has no card; tests/ui/test_card_widget.py
            settings = QuizSettings(count=1, types=frozenset({kind}))
            quiz = start_quiz(database, learner, settings, seed=1, now=NOW).value
            navigation.show_quiz(quiz)
            screen = navigation.quiz_screen
            assert screen is not None
            check(f"question {kind.value}", screen)
            assert screen._answer is not None
            screen._answer.show_answer()
            check(f"feedback {kind.value}", screen)
            screen.leave()
        quiz = start_quiz(database, learner, QuizSettings(count=3), seed=2, now=NOW).value
        for question in quiz_questions(database, quiz):
            body = question.question.body
            submit_answer(database, quiz.id, question.id, right_response(body), 900, now=NOW)
        navigation.show_results(finish_quiz(database, quiz.id, now=NOW).value)
        assert navigation.results_screen is not None
        check("results", navigation.results_screen)
        navigation.show_history(learner)
        assert navigation.history_screen is not None
        check("history", navigation.history_screen)
        navigation.show_progress(learner)
        assert navigation.progress_screen is not None
        check("progress", navigation.progress_screen)
        print(language, counts)  # for the note: controls per screen, none unnamed
        assert all(n > 0 for n in counts.values())
    finally:
        set_language("en")
