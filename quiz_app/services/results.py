"""Class results for the teacher: by learner, by pack, by question (with item analysis)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from quiz_app.core.cells import to_cell
from quiz_app.core.item_analysis import Attempt, item_statistics
from quiz_app.storage import Database
from quiz_app.storage.results import finished_quizzes, question_labels


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
    with database.reading() as session:
        quizzes = finished_quizzes(session)
        all_ids = sorted({q for quiz in quizzes for q in quiz["question_ids"]})
        labels = question_labels(session, all_ids)
    by_learner: dict[str, list[dict[str, object]]] = defaultdict(list)
    for quiz in quizzes:
        by_learner[str(quiz["learner"])].append(quiz)
    learners = []
    for name, mine in sorted(by_learner.items()):
        answers = [a for quiz in mine for a in quiz["answers"].values()]  # type: ignore[attr-defined]
        learners.append(
            LearnerResult(
                name,
                len(mine),
                len(answers),
                100 * sum(s for s, _ in answers) / len(answers) if answers else 0.0,
                sum(t for _, t in answers) / 60_000,
            )
        )
    stats = item_statistics(
        Attempt(quiz["question_ids"], {q: s for q, (s, _) in quiz["answers"].items()})
        for quiz in quizzes
    )
    times: dict[int, list[int]] = defaultdict(list)
    per_pack: dict[str, list[float]] = defaultdict(list)
    for quiz in quizzes:
        for question, (score, time_ms) in quiz["answers"].items():
            times[question].append(time_ms)
            per_pack[labels.get(question, ("?", "?"))[0]].append(score)
    questions = tuple(
        QuestionResult(
            labels.get(q, ("?", "?"))[0],
            labels.get(q, ("?", "?"))[1],
            s.attempts,
            s.facility,
            s.discrimination,
            sum(times[q]) / len(times[q]) / 1000 if times[q] else 0.0,
        )
        for q, s in sorted(stats.items(), key=lambda item: labels.get(item[0], ("", "")))
    )
    packs = tuple(
        PackResult(p, len(scores), 100 * sum(scores) / len(scores))
        for p, scores in sorted(per_pack.items())
    )
    return ClassResults(tuple(learners), packs, questions)


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
