"""Class results for the teacher: by learner, by pack, by question (with item analysis)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from quiz_app.core.cells import to_cell
from quiz_app.core.item_analysis import ItemSums, item_from_sums
from quiz_app.storage import Database
from quiz_app.storage.class_figures import QuestionSums, labelled_question_sums, learner_sums


@dataclass(frozen=True)
class LearnerResult:
    learner: str
    quizzes: int
    answers: int
    mean_score: float
    minutes: float


@dataclass(frozen=True)
class QuestionResult:
    pack_id: str
    question: str
    attempts: int
    facility: float
    discrimination: float | None
    mean_seconds: float


@dataclass(frozen=True)
class PackResult:
    pack_id: str
    answers: int
    mean_score: float


@dataclass(frozen=True)
class ClassResults:
    learners: tuple[LearnerResult, ...]
    packs: tuple[PackResult, ...]
    questions: tuple[QuestionResult, ...]


def class_results(database: Database) -> ClassResults:
    """Finished quizzes only, summed in the database (``storage.class_figures``)."""
    with database.reading() as session:
        learner_rows = learner_sums(session)
        labelled = labelled_question_sums(session)
    question_rows = [q for q, _ in labelled]
    labels = {q.question_id: label for q, label in labelled if label is not None}
    learners = tuple(
        LearnerResult(
            r.name,
            r.quizzes,
            r.answers,
            100 * r.score / r.answers if r.answers else 0.0,
            r.time_ms / 60_000,
        )
        for r in sorted(learner_rows, key=lambda r: r.name)
    )
    per_pack: dict[str, tuple[int, float]] = {}
    for q in question_rows:
        if q.answers:
            pack = labels.get(q.question_id, _UNKNOWN)[0]
            answers, score = per_pack.get(pack, (0, 0.0))
            per_pack[pack] = (answers + q.answers, score + q.score)
    packs = tuple(
        PackResult(p, answers, 100 * score / answers)
        for p, (answers, score) in sorted(per_pack.items())
    )
    ordered = sorted(
        (q for q in question_rows if q.attempts),
        key=lambda q: (labels.get(q.question_id, ("", "")), q.question_id),
    )
    questions = tuple(
        QuestionResult(
            *labels.get(q.question_id, _UNKNOWN),
            stats.attempts,
            stats.facility,
            stats.discrimination,
            q.time_ms / q.answers / 1000 if q.answers else 0.0,
        )
        for q, stats in ((q, item_from_sums(q.question_id, _item_sums(q))) for q in ordered)
    )
    return ClassResults(learners, packs, questions)


_UNKNOWN = ("?", "?")
"""The label of a question no longer in the bank."""


def _item_sums(q: QuestionSums) -> ItemSums:
    """Sums over the quizzes that held the question: its mark m (0 where unanswered)
    and o, the rest of that quiz's total."""
    other = q.totals - q.score
    return ItemSums(
        attempts=q.attempts,
        mark=q.score,
        mark_squared=q.score_squared,
        other=other,
        other_squared=q.totals_squared - 2 * q.score_times_total + q.score_squared,
        mark_times_other=q.score_times_total - q.score_squared,
    )


def results_csv(results: ClassResults, by: str) -> str:
    """Class results as CSV; names and labels (which come from learners and imported
    files) as cells no spreadsheet runs, numbers as numbers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if by == "learner":
        writer.writerow(["learner", "quizzes", "answers", "mean_score_percent", "minutes"])
        for r in results.learners:
            writer.writerow(
                [
                    to_cell(r.learner),
                    r.quizzes,
                    r.answers,
                    f"{r.mean_score:.1f}",
                    f"{r.minutes:.1f}",
                ]
            )
    elif by == "pack":
        writer.writerow(["pack", "answers", "mean_score_percent"])
        for p in results.packs:
            writer.writerow([to_cell(p.pack_id), p.answers, f"{p.mean_score:.1f}"])
    else:
        writer.writerow(
            [
                "pack",
                "question",
                "attempts",
                "facility_index",
                "discrimination_index",
                "mean_seconds",
            ]
        )
        for q in results.questions:
            writer.writerow(
                [
                    to_cell(q.pack_id),
                    to_cell(q.question),
                    q.attempts,
                    f"{q.facility:.1f}",
                    "" if q.discrimination is None else f"{q.discrimination:.1f}",
                    f"{q.mean_seconds:.1f}",
                ]
            )
    return out.getvalue()
