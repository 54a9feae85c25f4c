"""Screenshots of a quiz in the main window: each question type before and after its
feedback (answered wrongly, to show the feedback that teaches), an exam's rules, its
clock and "time's up", and a peek at the other language. Used by ``screenshots``."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from quiz_app.core.ids import LearnerId
from quiz_app.core.questions import (
    MultipleResponse,
    QuestionType,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.core.review import Rating
from quiz_app.services.bank import Database
from quiz_app.services.learners import create_learner
from quiz_app.services.quiz import start_quiz
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.screens.quiz import QuizScreen
from quiz_app.ui.widgets.answers import (
    ChoiceAnswers,
    MatchingWidget,
    NumericWidget,
    ShortTextWidget,
)

Wait = Callable[[Callable[[], bool]], None]


def _window(database: Database, language: str, tag: str) -> tuple[MainWindow, LearnerId]:
    name = {"en": "Ada", "zh": "小明"}[language]
    learner = create_learner(
        database, f"{name} {tag} {os.urandom(2).hex()}", language=language
    ).value
    window = MainWindow(database, language)
    window.home.reload_learners(select=learner.id)
    return window, learner.id


def _quiz_window(
    database: Database, language: str, settings: QuizSettings, wait: Wait
) -> tuple[MainWindow, QuizScreen]:
    window, learner = _window(database, language, settings.mode.value)
    quiz = start_quiz(database, learner, settings, seed=12).value
    window.navigation.show_quiz(quiz)
    screen = window.navigation.quiz_screen
    assert screen is not None
    return window, screen


def _answer_wrongly(screen: QuizScreen) -> None:
    """A plausible wrong answer, so the screenshot shows what feedback does with one."""
    answer = screen._answer
    assert screen._current is not None
    body = screen._current.question.body
    match answer:
        case ChoiceAnswers():
            order = answer.display_order()
            if isinstance(body, SingleChoice):
                wrong = [order.index(c) for c in order if c != body.answer][:1]
            elif isinstance(body, MultipleResponse):  # one right tick, one wrong, one missed
                right = [order.index(c) for c in order if c in body.answers][:1]
                wrong = right + [order.index(c) for c in order if c not in body.answers][:1]
            else:
                assert isinstance(body, TrueFalse)
                wrong = [1 if body.answer else 0]
            for index in wrong:
                answer.buttons[index].setChecked(True)
        case NumericWidget():
            answer.edit.setText("49")
        case ShortTextWidget():
            answer.edit.setText("Tiandu" if screen._language == "en" else "天都")
        case MatchingWidget():
            for combo in answer.combos.values():
                combo.setCurrentIndex(0)  # A for every item


def quiz_type(
    kind: QuestionType, answered: bool, wait: Wait, mode: QuizMode = QuizMode.PRACTICE
) -> Callable[[Database, str], QWidget]:
    def build(database: Database, language: str) -> QWidget:
        settings = QuizSettings(mode, count=5, types=frozenset({kind}))
        window, screen = _quiz_window(database, language, settings, wait)
        if answered:
            _answer_wrongly(screen)
            screen.advance()
            wait(lambda: not screen.saving)
        return window

    return build


def exam_rules(database: Database, language: str) -> QWidget:
    window, learner = _window(database, language, "rules")
    settings = QuizSettings(QuizMode.EXAM, count=10, time_limit_s=600)
    window.navigation.show_exam_rules(learner, settings)
    return window


def exam(wait: Wait) -> Callable[[Database, str], QWidget]:
    def build(database: Database, language: str) -> QWidget:
        settings = QuizSettings(QuizMode.EXAM, count=10, time_limit_s=600)
        window, _ = _quiz_window(database, language, settings, wait)
        return window

    return build


def times_up(wait: Wait) -> Callable[[Database, str], QWidget]:
    def build(database: Database, language: str) -> QWidget:
        from quiz_app.core.grading import right_response
        from quiz_app.services.quiz import finish_quiz, quiz_questions, submit_answer

        window, learner = _window(database, language, "times-up")
        settings = QuizSettings(QuizMode.EXAM, count=6, time_limit_s=360)
        quiz = start_quiz(database, learner, settings, seed=5).value
        for question in quiz_questions(database, quiz)[:4]:
            body = question.question.body
            submit_answer(database, quiz.id, question.id, right_response(body), 80_000)
        window.navigation.show_results(finish_quiz(database, quiz.id).value, times_up=True)
        return window

    return build


def peek(wait: Wait) -> Callable[[Database, str], QWidget]:
    def build(database: Database, language: str) -> QWidget:
        settings = QuizSettings(count=5, types=frozenset({QuestionType.SINGLE}))
        window, screen = _quiz_window(database, language, settings, wait)
        screen.toggle_peek()
        return window

    return build


def card(step: str, wait: Wait) -> Callable[[Database, str], QWidget]:
    """A card in a review: its front, its back with the four ratings, then rated Good."""

    def build(database: Database, language: str) -> QWidget:
        from quiz_app.ui.widgets.card import CardWidget

        settings = QuizSettings(QuizMode.REVIEW, count=5, types=frozenset({QuestionType.CARD}))
        window, screen = _quiz_window(database, language, settings, wait)
        widget = screen._answer
        assert isinstance(widget, CardWidget)
        if step != "front":
            widget.reveal()
        if step == "rated":
            widget.buttons[Rating.GOOD].click()
            wait(lambda: not screen.saving)
        return window

    return build


def formatted(wait: Wait) -> Callable[[Database, str], QWidget]:
    """A built-in question whose prompt has Markdown in it, answered (wrongly): the
    formatting on the quiz screen and in its feedback."""

    def build(database: Database, language: str) -> QWidget:
        from quiz_app.services.quiz import abandon_quiz, quiz_questions

        window, learner = _window(database, language, "formatted")
        for seed in range(1000):
            settings = QuizSettings(count=1, types=frozenset({QuestionType.SINGLE}))
            quiz = start_quiz(database, learner, settings, seed=seed).value
            question = quiz_questions(database, quiz)[0].question
            if "**" in question.prompt.get(language):
                break
            abandon_quiz(database, quiz.id)
        window.navigation.show_quiz(quiz)
        screen = window.navigation.quiz_screen
        assert screen is not None
        _answer_wrongly(screen)
        screen.advance()
        wait(lambda: not screen.saving)
        return window

    return build


def quiz_screenshots(wait: Wait) -> dict[str, Callable[[Database, str], QWidget]]:
    shots: dict[str, Callable[[Database, str], QWidget]] = {}
    for kind in QuestionType:
        if kind.value == "card":
            continue  # a card has its own screenshots, with the review
        name = kind.value.replace("_", "-")
        shots[f"question-{name}"] = quiz_type(kind, False, wait)
        shots[f"feedback-{name}"] = quiz_type(kind, True, wait)
    shots["exam-rules"] = exam_rules
    shots["exam"] = exam(wait)
    shots["times-up"] = times_up(wait)
    shots["peek"] = peek(wait)
    shots["formatted"] = formatted(wait)
    shots["review"] = quiz_type(QuestionType.SINGLE, False, wait, QuizMode.REVIEW)
    shots["review-feedback"] = quiz_type(QuestionType.SINGLE, True, wait, QuizMode.REVIEW)
    for step in ("front", "back", "rated"):
        shots[f"card-{step}"] = card(step, wait)
    return shots
