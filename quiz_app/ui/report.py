"""'My report': a learner's progress as an HTML page or a PDF, to show a teacher."""

from __future__ import annotations

import base64
import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from quiz_app.core.progress import Progress
from quiz_app.services.files import write_text_whole
from quiz_app.services.results import ClassResults


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # stubs say bytes; runtime wants str
    return bytes(data.data())


def report_html(
    learner: str,
    progress: Progress,
    mastery: list[tuple[str, int]],
    charts: list[tuple[str, QImage]],
    when: datetime,
    *,
    inline_images: bool,
) -> str:
    """The report. Every text from a pack or a learner is escaped."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(title)}</td><td align='right'>{pct} %</td></tr>" for title, pct in mastery
    )
    scores = "".join(
        f"<tr><td>{q.finished_at.astimezone():%Y-%m-%d %H:%M}</td>"
        f"<td align='right'>{round(q.score * 100)} %</td></tr>"
        for q in progress.scores[-10:]
    )
    images = []
    for i, (title, image) in enumerate(charts):
        source = (
            f"data:image/png;base64,{base64.b64encode(_png(image)).decode()}"
            if inline_images
            else f"chart{i}.png"
        )
        images.append(f"<h3>{e(title)}</h3><img src='{source}' width='600'>")
    translate = QCoreApplication.translate
    title = e(translate("Report", "Progress report"))
    made = translate("Report", "Made on %1").replace("%1", f"{when.astimezone():%Y-%m-%d %H:%M}")
    streak = translate("Report", "Study streak: %1 day(s)").replace("%1", str(progress.streak))
    answers = translate("Report", "Answers: %1").replace("%1", str(progress.answers))
    finished = translate("Report", "Quizzes finished: %1").replace("%1", str(len(progress.scores)))
    mastery_title = translate("Report", "Mastery")
    scores_title = translate("Report", "Latest scores")
    table = "<table border='1' cellpadding='4' cellspacing='0'>"
    return (
        f"<html><head><meta charset='utf-8'><title>{title}: {e(learner)}</title></head><body>"
        f"<h1>{title}: {e(learner)}</h1><p>{e(made)}</p>"
        f"<p>{e(streak)} · {e(answers)} · {e(finished)}</p>"
        f"<h2>{e(mastery_title)}</h2>{table}{rows}</table>"
        f"<h2>{e(scores_title)}</h2>{table}{scores}</table>" + "".join(images) + "</body></html>"
    )


def save_report(
    path: Path,
    learner: str,
    progress: Progress,
    mastery: list[tuple[str, int]],
    charts: list[tuple[str, QImage]],
    when: datetime,
) -> None:
    """Write the report as PDF when ``path`` ends in .pdf, else as a self-contained HTML."""
    if path.suffix.lower() != ".pdf":
        write_text_whole(
            path, report_html(learner, progress, mastery, charts, when, inline_images=True)
        )
        return
    document = QTextDocument()
    for i, (_, image) in enumerate(charts):
        document.addResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(f"chart{i}.png"), image
        )
    document.setHtml(report_html(learner, progress, mastery, charts, when, inline_images=False))
    title = f"{QCoreApplication.translate('Report', 'Progress report')}: {learner}"
    _print_pdf(document, path, title)


def _print_pdf(document: QTextDocument, path: Path, title: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
        )
    )
    writer.setTitle(title)
    document.print_(writer)


def _screen_text(text: str) -> str:
    """A text of the class results screen, translated as it is there."""
    return html.escape(QCoreApplication.translate("ClassResultsScreen", text))


def class_report_html(results: ClassResults, when: datetime) -> str:
    """The class results as a printable page. Names and ids are escaped."""
    e, t = html.escape, _screen_text
    table = "<table border='1' cellpadding='4' cellspacing='0' width='100%'>"

    def head(*names: str) -> str:
        return "<tr>" + "".join(f"<th>{t(n)}</th>" for n in names) + "</tr>"

    def row(first: str, *numbers: str) -> str:
        cells = "".join(f"<td align='right'>{e(n)}</td>" for n in numbers)
        return f"<tr><td>{e(first)}</td>{cells}</tr>"

    learners = "".join(
        row(r.learner, str(r.quizzes), str(r.answers), f"{r.mean_score:.0f} %", f"{r.minutes:.1f}")
        for r in results.learners
    )
    packs = "".join(row(p.pack_id, str(p.answers), f"{p.mean_score:.0f} %") for p in results.packs)
    questions = "".join(
        row(
            f"{q.pack_id}: {q.question}",
            str(q.attempts),
            f"{q.facility:.0f} %",
            "—" if q.discrimination is None else f"{q.discrimination:.0f} %",
            f"{q.mean_seconds:.0f}",
        )
        for q in results.questions
    )
    translate = QCoreApplication.translate
    made = translate("Report", "Made on %1").replace("%1", f"{when.astimezone():%Y-%m-%d %H:%M}")
    title = t("Class results")
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<h1>{title}</h1><p>{e(made)}</p>"
        f"<h2>{t('Results by learner')}</h2>{table}"
        f"{head('Learner', 'Quizzes', 'Answers', 'Mean score', 'Minutes')}{learners}</table>"
        f"<h2>{t('Results by pack')}</h2>{table}"
        f"{head('Pack', 'Answers', 'Mean score')}{packs}</table>"
        f"<h2>{t('Results by question')}</h2>"
        "<p>"
        + t(
            "Facility index: the mean mark (higher is easier). Discrimination index: how well "
            "the question separates stronger from weaker learners; low or negative values "
            "point at a question worth checking."
        )
        + f"</p>{table}"
        f"{head('Question', 'Attempts', 'Facility index', 'Discrimination index', 'Mean time (s)')}"
        f"{questions}</table></body></html>"
    )


def save_class_report(path: Path, results: ClassResults, when: datetime) -> None:
    """The class report as PDF when ``path`` ends in .pdf, else as HTML."""
    page = class_report_html(results, when)
    if path.suffix.lower() != ".pdf":
        write_text_whole(path, page)
        return
    document = QTextDocument()
    document.setHtml(page)
    _print_pdf(document, path, QCoreApplication.translate("ClassResultsScreen", "Class results"))
