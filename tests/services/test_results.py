from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from quiz_app.__main__ import main
from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer
from quiz_app.services.results import class_results, results_csv
from quiz_app.services.teacher import set_pin
from quiz_app.storage import Database
from tests.conftest import NOW
from tests.services.test_quiz import _wrong


def _class(database: Database, sample_pack: Path) -> None:
    """Three learners take the same 7-question quiz; strong, middling, weak."""
    import_pack(database, sample_pack, now=NOW)
    for name, right_count in (("Ada", 7), ("Bob", 4), ("Cy", 1)):
        learner = create_learner(database, name, now=NOW).value
        quiz = start_quiz(database, learner.id, QuizSettings(count=7), seed=1, now=NOW).value
        for i, question in enumerate(quiz_questions(database, quiz)):
            body = question.question.body
            response = right_response(body) if i < right_count else _wrong(body)
            submit_answer(database, quiz.id, question.id, response, 6000, now=NOW)
        finish_quiz(database, quiz.id, now=NOW)


def test_class_results_by_learner_pack_and_question(database: Database, sample_pack: Path) -> None:
    _class(database, sample_pack)
    results = class_results(database)
    assert [(r.learner, r.quizzes, r.answers) for r in results.learners] == [
        ("Ada", 1, 7),
        ("Bob", 1, 7),
        ("Cy", 1, 7),
    ]
    assert [round(r.mean_score) for r in results.learners] == [100, 57, 14]
    assert results.learners[0].minutes == pytest.approx(7 * 6 / 60)
    [pack] = results.packs
    assert (pack.pack_id, pack.answers, round(pack.mean_score)) == ("sample", 21, 57)
    facility = sorted(round(q.facility) for q in results.questions)
    assert facility == [33, 33, 33, 67, 67, 67, 100]
    # The questions only the strongest got right discriminate positively.
    hard = [q for q in results.questions if round(q.facility) == 33]
    assert all(q.discrimination is not None and q.discrimination > 0 for q in hard)
    # Everyone got the first one right: no spread, no discrimination index.
    assert [q.discrimination for q in results.questions if q.facility == 100] == [None]


def test_results_csv_and_the_teacher_pin(
    database: Database,
    sample_pack: Path,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _class(database, sample_pack)
    rows = list(csv.reader(io.StringIO(results_csv(class_results(database), "question"))))
    assert rows[0] == [
        "pack",
        "question",
        "attempts",
        "facility_index",
        "discrimination_index",
        "mean_seconds",
    ]
    assert len(rows) == 8
    set_pin(database, "2468")
    target = tmp_path / "class.csv"
    assert main(["--db", db_url, "results", "export", str(target), "--by", "learner"]) == 1
    assert "teacher PIN" in capsys.readouterr().err
    assert not target.exists()  # a learner without the PIN sees nothing
    monkeypatch.setenv("PIN", "2468")
    assert (
        main(
            [
                "--db",
                db_url,
                "results",
                "export",
                str(target),
                "--by",
                "learner",
                "--pin-env",
                "PIN",
            ]
        )
        == 0
    )
    assert target.read_text(encoding="utf-8").splitlines() == [
        "learner,quizzes,answers,mean_score_percent,minutes",
        "Ada,1,7,100.0,0.7",
        "Bob,1,7,57.1,0.7",
        "Cy,1,7,14.3,0.7",
    ]


def test_a_question_with_a_title_is_listed_by_its_key_and_title(
    database: Database, sample_pack: Path
) -> None:
    """Teachers know a question imported from Moodle by its name there."""
    target = sample_pack / "missions.toml"
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace('id = "far-side-first"', 'id = "far-side-first"\ntitle = "Far side: first"'),
        encoding="utf-8",
    )
    _class(database, sample_pack)
    labels = sorted(q.question for q in class_results(database).questions)
    assert "far-side-first — Far side: first" in labels
    assert "sample-returns" in labels  # no title: the key alone
    assert len(labels) == 7
    rows = list(csv.reader(io.StringIO(results_csv(class_results(database), "question"))))
    assert any("far-side-first — Far side: first" in row for row in rows)


def test_class_results_csv_quotes_a_name_a_spreadsheet_would_run(
    database: Database, sample_pack: Path
) -> None:
    _class(database, sample_pack)
    create_learner(database, '=HYPERLINK("http://evil.example","Ada")', now=NOW)
    learner = create_learner(database, "-Eve", now=NOW).value
    quiz = start_quiz(database, learner.id, QuizSettings(count=1), seed=1, now=NOW).value
    finish_quiz(database, quiz.id, now=NOW)
    rows = list(csv.reader(io.StringIO(results_csv(class_results(database), "learner"))))
    names = [row[0] for row in rows[1:]]
    assert "'-Eve" in names
    assert all(name[:1] not in "=+-@" for name in names)
    assert [row[3] for row in rows[1:] if row[0] == "Ada"] == ["100.0"]  # numbers stay numbers
