"""The printable class report: every table, as a web page or a PDF."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer
from quiz_app.services.results import class_results
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.report import class_report_html
from tests.conftest import NOW
from tests.services.test_results import _class


def test_the_class_report_holds_every_table(
    qtbot: QtBot, database: Database, sample_pack: Path, tmp_path: Path
) -> None:
    _class(database, sample_pack)
    window = MainWindow(database)
    qtbot.addWidget(window)
    page = tmp_path / "class.html"
    window.reports.write_class_report(page)  # counted on the bank's worker, then written
    qtbot.waitUntil(page.exists)
    text = page.read_text(encoding="utf-8")
    for expected in ("<h1>Class results</h1>", "Results by learner", "Discrimination index"):
        assert expected in text
    for name, score in (("Ada", "100 %"), ("Bob", "57 %"), ("Cy", "14 %")):
        assert f"<tr><td>{name}</td>" in text
        assert score in text
    assert text.count("<tr><td>sample: ") == 7  # one row per question
    pdf = tmp_path / "class.pdf"
    window.reports.write_class_report(pdf, class_results(database))  # the figures shown
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 2000


def test_names_in_the_report_are_text_not_markup(
    database: Database, sample_pack: Path, qtbot: QtBot
) -> None:
    _class(database, sample_pack)
    name = "<img src=x onerror=alert(1)>"
    learner = create_learner(database, name, now=NOW).value
    quiz = start_quiz(database, learner.id, QuizSettings(count=1), seed=1, now=NOW).value
    [question] = quiz_questions(database, quiz)
    submit_answer(
        database, quiz.id, question.id, right_response(question.question.body), 5, now=NOW
    )
    finish_quiz(database, quiz.id, now=NOW)
    page = class_report_html(class_results(database), NOW)
    assert "<tr><td>&lt;img src=x onerror=alert(1)&gt;</td>" in page
    assert "<img" not in page
