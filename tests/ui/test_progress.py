"""The Progress screen with data, in both languages, and the saved report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from tests.ui.test_learner_flow import _window
from tests.ui.test_quiz_screen import _press_enter, _type_right_answer, start_exam


def _two_quizzes(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(2):
        window.home.count.setValue(3)
        start_exam(qtbot, window)
        screen = window.navigation.quiz_screen
        assert screen is not None
        for _ in range(3):
            _type_right_answer(qtbot, screen)
            _press_enter(qtbot, screen)
        assert window.navigation.results_screen is not None
        qtbot.keyClick(window.navigation.results_screen.home, Qt.Key.Key_Space)


def test_progress_screen_shows_the_learners_figures(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    window = _window(qtbot, database, sample_pack)
    _two_quizzes(qtbot, window)
    qtbot.keyClick(window.home.progress_button, Qt.Key.Key_Space)
    screen = window.navigation.progress_screen
    assert screen is not None
    assert window.navigation.stack.currentWidget() is screen
    assert screen.streak.text() == "Study streak: 1 day(s) · 6 answers"
    scores, accuracy, due, minutes = screen.charts
    [line] = scores.series()
    assert isinstance(line, QLineSeries)
    assert [round(p.y()) for p in line.points()] == [100, 100]
    [bars] = accuracy.series()
    assert isinstance(bars, QHorizontalBarSeries)
    assert all(bars.barSets()[0].at(i) == 100.0 for i in range(bars.barSets()[0].count()))
    [due_bars] = due.series()
    assert isinstance(due_bars, QBarSeries)
    assert due_bars.barSets()[0].count() == 30
    assert sum(due_bars.barSets()[0].at(i) for i in range(30)) >= 1
    [time_bars] = minutes.series()
    assert isinstance(time_bars, QBarSeries)
    assert time_bars.barSets()[0].count() == 30
    assert [c.title() for c in screen.charts] == [
        "Quiz scores",
        "Accuracy per topic",
        "Questions due, next 30 days",
        "Minutes of study, last 30 days",
    ]
    # each chart in words too, for a screen reader
    summaries = [view.accessibleDescription() for view in screen.views]
    assert summaries[0].startswith("Quiz scores, oldest first: ")
    assert summaries[0].count("100 %") == 2
    assert summaries[1].startswith("Accuracy per topic: ")
    assert "Science 100 %" in summaries[1] or "Missions 100 %" in summaries[1]
    assert summaries[2].startswith("Questions due per day: ")
    assert summaries[3].startswith("Minutes of study per day: ")


def test_progress_in_chinese(qtbot: QtBot, database: Database, sample_pack: Path) -> None:
    from quiz_app.ui.i18n import set_language

    window = _window(qtbot, database, sample_pack)
    _two_quizzes(qtbot, window)
    try:
        window.choose_language("zh")
        qtbot.keyClick(window.home.progress_button, Qt.Key.Key_Space)
        screen = window.navigation.progress_screen
        assert screen is not None
        assert screen.charts[0].title() == "测验得分"
        assert screen.streak.text() == "连续学习：1 天 · 共答 6 题"
    finally:
        set_language("en")


def test_a_saved_report_holds_the_learners_figures(
    qtbot: QtBot, database: Database, sample_pack: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, database, sample_pack)
    _two_quizzes(qtbot, window)
    qtbot.keyClick(window.home.progress_button, Qt.Key.Key_Space)
    learner = window.home.current_learner()
    assert learner is not None
    html_path = tmp_path / "report.html"
    window.reports.write_report(learner, html_path)
    text = html_path.read_text(encoding="utf-8")
    assert "Progress report: Ada" in text
    assert "Study streak: 1 day(s)" in text
    assert "Answers: 6" in text
    assert "Quizzes finished: 2" in text
    assert "Sample pack: Science" in text
    assert text.count("data:image/png;base64,") == 4  # the four charts, inside the file
    pdf = tmp_path / "report.pdf"
    window.reports.write_report(learner, pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Type /Page" in data
    assert len(data) > 5_000
    assert window.statusBar().currentMessage() == f"Report saved: {pdf}"


def test_report_text_from_packs_is_escaped() -> None:
    from datetime import UTC, date, datetime

    from quiz_app.core.progress import Progress
    from quiz_app.ui.report import report_html

    empty = Progress((), (), ((date(2026, 1, 1), 0),), (), (), 0, 0)
    text = report_html(
        "<b>Eve</b>",
        empty,
        [("<img src=x>", 50)],
        [],
        datetime(2026, 1, 1, tzinfo=UTC),
        inline_images=True,
    )
    assert "<b>Eve</b>" not in text
    assert "&lt;b&gt;Eve&lt;/b&gt;" in text
    assert "<img src=x>" not in text
