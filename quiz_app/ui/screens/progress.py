"""Progress: scores over time, accuracy per topic, reviews due, study time, streak."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quiz_app.core.progress import Progress
from quiz_app.ui.widgets.heading import Heading


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    app = QApplication.instance()
    dark = (
        isinstance(app, QApplication)
        and app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    )
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundRoundness(0)
    return chart


class ProgressScreen(QWidget):
    go_home = Signal()
    save_report = Signal()

    def __init__(
        self,
        learner_name: str,
        progress: Progress,
        topic_titles: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.progress = progress
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = Heading(self.tr("Progress of %1").replace("%1", learner_name), self)
        self.streak = QLabel(
            self.tr("Study streak: %1 day(s) · %2 answers")
            .replace("%1", str(progress.streak))
            .replace("%2", str(progress.answers)),
            self,
        )
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.streak)
        layout.addLayout(top)

        grid = QGridLayout()
        self.charts = [
            self._scores(progress),
            self._accuracy(progress, topic_titles),
            self._due(progress),
            self._minutes(progress),
        ]
        self.views: list[QChartView] = []
        # Scores, due and minutes down the left; accuracy (one row per topic) takes the
        # whole right column, so topic names have room.
        places = [(0, 0, 1), (0, 1, 3), (1, 0, 1), (2, 0, 1)]
        summaries = self.summaries(progress, topic_titles)
        for chart, (row, column, rows), summary in zip(self.charts, places, summaries, strict=True):
            view = QChartView(chart, self)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(150)
            view.setAccessibleName(chart.title())
            # What the chart shows, in words: a screen reader cannot read a drawing.
            view.setAccessibleDescription(summary)
            view.setToolTip(summary)
            view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            view.viewport().setAccessibleName(chart.title())  # focus lands on the viewport
            view.viewport().setAccessibleDescription(summary)
            grid.addWidget(view, row, column, rows, 1)
            self.views.append(view)
        layout.addLayout(grid, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.report = QPushButton(self.tr("Save my &report…"), self)
        self.report.clicked.connect(self.save_report)
        self.home = QPushButton(self.tr("Home"), self)
        self.home.clicked.connect(self.go_home)
        buttons.addWidget(self.report)
        buttons.addWidget(self.home)
        layout.addLayout(buttons)

    def summaries(self, progress: Progress, titles: dict[int, str]) -> list[str]:
        """Each chart's data as a sentence, in the order of ``self.charts``."""
        none = self.tr("Nothing yet.")
        scores = "; ".join(
            f"{q.finished_at.astimezone():%m-%d} {round(q.score * 100)} %" for q in progress.scores
        )
        accuracy = "; ".join(
            f"{titles.get(t.topic_id, str(t.topic_id))} {round(t.mean_score * 100)} %"
            for t in progress.accuracy
        )
        due = "; ".join(f"{day:%m-%d} {n}" for day, n in progress.due_per_day if n)
        minutes = "; ".join(f"{day:%m-%d} {round(m)}" for day, m in progress.minutes_per_day if m)
        return [
            self.tr("Quiz scores, oldest first: %1").replace("%1", scores) if scores else none,
            self.tr("Accuracy per topic: %1").replace("%1", accuracy) if accuracy else none,
            self.tr("Questions due per day: %1").replace("%1", due) if due else none,
            self.tr("Minutes of study per day: %1").replace("%1", minutes) if minutes else none,
        ]

    def _scores(self, progress: Progress) -> QChart:
        chart = _chart(self.tr("Quiz scores"))
        series = QLineSeries()
        series.setPointsVisible(True)
        for quiz in progress.scores:
            stamp = QDateTime.fromSecsSinceEpoch(int(quiz.finished_at.timestamp()))
            series.append(float(stamp.toMSecsSinceEpoch()), round(quiz.score * 100, 1))
        chart.addSeries(series)
        x = QDateTimeAxis()
        x.setFormat("MM-dd")
        if progress.scores:
            first = progress.scores[0].finished_at
            last = progress.scores[-1].finished_at
            x.setRange(
                QDateTime.fromSecsSinceEpoch(int(first.timestamp()) - 43_200),
                QDateTime.fromSecsSinceEpoch(int(last.timestamp()) + 43_200),
            )
        else:
            now = int(datetime.now(UTC).timestamp())
            x.setRange(
                QDateTime.fromSecsSinceEpoch(now - 86_400 * 7), QDateTime.fromSecsSinceEpoch(now)
            )
        y = QValueAxis()
        y.setRange(0, 100)
        y.setLabelFormat("%d %%")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        return chart

    def _accuracy(self, progress: Progress, titles: dict[int, str]) -> QChart:
        chart = _chart(self.tr("Accuracy per topic"))
        bars = QBarSet(self.tr("Accuracy"))
        names = []
        for topic in reversed(progress.accuracy):  # horizontal bars stack upwards
            bars.append(round(topic.mean_score * 100, 1))
            names.append(titles.get(topic.topic_id, str(topic.topic_id)))
        series = QHorizontalBarSeries()
        series.append(bars)
        chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append(names or ["—"])
        x = QValueAxis()
        x.setRange(0, 100)
        x.setLabelFormat("%d %%")
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)
        return chart

    def _days_chart(self, title: str, values: list[tuple[str, float]], labels: str) -> QChart:
        chart = _chart(title)
        bars = QBarSet(title)
        for _, value in values:
            bars.append(value)
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        # A value axis under the bars (at 0, 1, 2 ...), labelled once a week: thirty
        # rotated dates do not fit.
        x = QCategoryAxis()
        x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x.setRange(-0.5, len(values) - 0.5)
        for i in range(0, len(values), 7):
            x.append(values[i][0], i)
        y = QValueAxis()
        y.setRange(0, max([v for _, v in values] + [1]))
        y.applyNiceNumbers()
        y.setLabelFormat(labels)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        return chart

    def _due(self, progress: Progress) -> QChart:
        return self._days_chart(
            self.tr("Questions due, next 30 days"),
            [(f"{day:%m-%d}", float(n)) for day, n in progress.due_per_day],
            "%.0f",
        )

    def _minutes(self, progress: Progress) -> QChart:
        return self._days_chart(
            self.tr("Minutes of study, last 30 days"),
            [(f"{day:%m-%d}", round(m, 1)) for day, m in progress.minutes_per_day],
            "%.1f",
        )
