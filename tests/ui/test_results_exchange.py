"""The USB-stick classroom in the app: a learner saves their results, the teacher merges."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer
from quiz_app.services.results import class_results
from quiz_app.services.teacher import set_pin
from quiz_app.storage import Database, open_database
from quiz_app.ui.main_window import MainWindow
from tests.conftest import NOW, snapshot


@pytest.fixture
def classroom(
    database: Database, sample_pack: Path, tmp_path: Path
) -> Iterator[tuple[Database, Database]]:
    """A learner's computer with one finished quiz, and the teacher's with the same pack."""
    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    quiz = start_quiz(database, ada.id, QuizSettings(count=4), seed=2, now=NOW).value
    for question in quiz_questions(database, quiz):
        body = question.question.body
        submit_answer(database, quiz.id, question.id, right_response(body), 3000, now=NOW)
    finish_quiz(database, quiz.id, now=NOW)
    teacher = open_database(f"sqlite:///{tmp_path / 'teacher.sqlite3'}")
    import_pack(teacher, sample_pack, now=NOW)
    set_pin(teacher, "2468")
    yield database, teacher
    teacher.close()


def _click_when_shown(window: MainWindow, label: str) -> list[str]:
    """Press the button called ``label`` in each message box the exchange shows."""
    texts: list[str] = []

    def answer(box: QMessageBox) -> None:
        texts.append(box.text())
        buttons = {b.text().replace("&", ""): b for b in box.buttons()}
        button = buttons.get(label.replace("&", ""))
        QTimer.singleShot(0, box.reject if button is None else button.click)  # never hang

    window.files.exchange.confirm_shown.connect(answer)
    return texts


def test_a_learners_results_travel_to_the_teacher_once(
    qtbot: QtBot,
    classroom: tuple[Database, Database],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    learner_bank, teacher_bank = classroom
    target = tmp_path / "stick" / "ada-results.jsonl"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    at_home = MainWindow(learner_bank)
    qtbot.addWidget(at_home)
    at_home.home.reload_learners()
    with qtbot.waitSignal(at_home.files.results_moved, timeout=30_000) as saved:
        at_home.ask_export_mine()  # no PIN asked: it is the learner's own
    assert saved.args[0] == "Saved 1 quiz(zes) and 4 answer(s) to ada-results.jsonl."

    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("2468", True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(target), ""))
    at_school = MainWindow(teacher_bank)
    qtbot.addWidget(at_school)
    asked = _click_when_shown(at_school, "&Merge")
    with qtbot.waitSignal(at_school.files.results_moved, timeout=30_000) as merged:
        at_school.files.ask_merge()
    assert asked == [
        "ada-results.jsonl holds the results of Ada. Merging adds 1 learner(s), 1 quiz(zes) and "
        "4 answer(s); 0 quiz(zes) and 0 answer(s) are already here."
    ]
    assert (
        merged.args[0]
        == "Merged ada-results.jsonl: 1 learner(s), 1 quiz(zes) and 4 answer(s) added."
    )
    [ada] = class_results(teacher_bank).learners
    assert (ada.learner, ada.quizzes, ada.answers, round(ada.mean_score)) == ("Ada", 1, 4, 100)

    before = snapshot(teacher_bank)
    with qtbot.waitSignal(at_school.files.results_moved, timeout=30_000) as again:
        at_school.files.ask_merge()
    assert again.args[0] == "Everything in ada-results.jsonl is already in this bank."
    assert snapshot(teacher_bank) == before


def test_cancelling_the_merge_changes_nothing(
    qtbot: QtBot,
    classroom: tuple[Database, Database],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quiz_app.services.exchange import export_results

    learner_bank, teacher_bank = classroom
    target = tmp_path / "all.jsonl"
    export_results(learner_bank, target)
    before = snapshot(teacher_bank)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("2468", True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(target), ""))
    window = MainWindow(teacher_bank)
    qtbot.addWidget(window)
    _click_when_shown(window, "Cancel")
    with qtbot.waitSignal(window.files.results_moved, timeout=30_000) as done:
        window.files.ask_merge()
    assert done.args[0] == "Merge cancelled: nothing was changed."
    assert snapshot(teacher_bank) == before


def test_a_broken_file_lists_its_problems_and_merges_nothing(
    qtbot: QtBot,
    classroom: tuple[Database, Database],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, teacher_bank = classroom
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"format": "something else"}\n', encoding="utf-8")
    before = snapshot(teacher_bank)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("2468", True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(broken), ""))
    window = MainWindow(teacher_bank)
    qtbot.addWidget(window)
    details: list[str] = []
    window.files.exchange.confirm_shown.connect(lambda box: details.append(box.detailedText()))
    _click_when_shown(window, "OK")
    with qtbot.waitSignal(window.files.results_moved, timeout=30_000) as done:
        window.files.ask_merge()
    assert done.args[0] == "The file has 1 problem(s); nothing was merged."
    assert details[0].startswith("broken.jsonl:1: not a Chang'e Quiz results file")
    assert snapshot(teacher_bank) == before


def test_merging_needs_the_pin(
    qtbot: QtBot, classroom: tuple[Database, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, teacher_bank = classroom
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("1111", True))
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a: None)
    opened: list[bool] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (opened.append(True), ("", ""))[1]
    )
    window = MainWindow(teacher_bank)
    qtbot.addWidget(window)
    window.files.ask_merge()
    window.files.ask_export_everyone()
    assert opened == []


@pytest.mark.parametrize(("answer", "merged"), [("Same learner", True), ("Not the same", False)])
def test_the_teacher_is_asked_about_an_ada_of_another_computer(
    qtbot: QtBot,
    classroom: tuple[Database, Database],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    merged: bool,
) -> None:
    from quiz_app.services.exchange import export_results

    learner_bank, teacher_bank = classroom
    create_learner(teacher_bank, "Ada", now=NOW)  # created on the teacher's computer
    target = tmp_path / "ada.jsonl"
    export_results(learner_bank, target)
    before = snapshot(teacher_bank)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("2468", True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(target), ""))
    window = MainWindow(teacher_bank)
    qtbot.addWidget(window)
    texts: list[str] = []

    def reply(box: QMessageBox) -> None:
        texts.append(box.text())
        buttons = {b.text().replace("&", ""): b for b in box.buttons()}
        button = buttons.get(answer) or buttons.get("Merge")
        QTimer.singleShot(0, box.reject if button is None else button.click)

    window.files.exchange.confirm_shown.connect(reply)
    with qtbot.waitSignal(window.files.results_moved, timeout=30_000) as done:
        window.files.ask_merge()
    assert texts[0] == (
        "ada.jsonl has results of Ada, and this bank has a learner of that name created on "
        "another computer. Are they the same learner?"
    )
    if merged:
        assert done.args[0].startswith("Merged ada.jsonl")
        [ada] = class_results(teacher_bank).learners
        assert (ada.learner, ada.quizzes) == ("Ada", 1)
    else:
        assert done.args[0] == "Merge cancelled: nothing was changed."
        assert snapshot(teacher_bank) == before
