"""Home -> quiz -> results -> retry mistakes, through the main window, by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from quiz_app.core.questions import TrueFalse
from quiz_app.core.quiz import QuizMode
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import unfinished_quiz
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from tests.conftest import NOW
from tests.ui.test_quiz_screen import _press_enter, _type_right_answer, start_exam, wait_for_quiz


def _window(qtbot: QtBot, database: Database, sample_pack: Path) -> MainWindow:
    import_pack(database, sample_pack, now=NOW)
    create_learner(database, "Ada", now=NOW)
    create_learner(database, "Bob", now=NOW)
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    window.set_database(database)
    qtbot.waitUntil(lambda: window.home.learner.count() == 2)
    return window


def test_a_practice_quiz_from_home_to_results_and_back(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    window = _window(qtbot, database, sample_pack)
    home = window.home
    assert [home.learner.itemText(i) for i in range(home.learner.count())] == ["Ada", "Bob"]
    # Only the "science" topic: its three questions.
    science = window.navigation.packs.topLevelItem(0).child(1)  # type: ignore[union-attr]
    science.setCheckState(0, Qt.CheckState.Checked)
    home.count.setValue(3)
    qtbot.keyClick(home.mode_buttons[QuizMode.PRACTICE], Qt.Key.Key_Space)
    wait_for_quiz(qtbot, window)
    screen = window.navigation.quiz_screen
    assert screen is not None
    assert window.navigation.stack.currentWidget() is screen
    wrong_once = False
    for _ in range(3):
        assert screen._current.question.topic == "science"  # type: ignore[union-attr]
        body = screen._current.question.body  # type: ignore[union-attr]
        if isinstance(body, TrueFalse) and not wrong_once:
            qtbot.keyClick(screen._answer, "f" if body.answer else "t")  # type: ignore[arg-type]
            wrong_once = True
        else:
            _type_right_answer(qtbot, screen)
        _press_enter(qtbot, screen)
        _press_enter(qtbot, screen)
    results = window.navigation.results_screen
    assert results is not None
    assert window.navigation.stack.currentWidget() is results
    assert results.score.text() == "Score: 67 %"
    assert results.table.rowCount() == 3
    assert results.retry.isEnabled()

    qtbot.keyClick(results.retry, Qt.Key.Key_Space)  # retry my mistakes: the one wrong
    wait_for_quiz(qtbot, window)
    retry = window.navigation.quiz_screen
    assert retry is not None
    assert retry is not screen
    # exactly this quiz's one mistake, not every mistake Ada ever made
    assert retry.quiz.settings.mode is QuizMode.PRACTICE
    assert retry.quiz.settings.retry_of == screen.quiz.id
    assert len(retry.quiz.question_ids) == 1
    assert retry.quiz.question_ids[0] in [
        q for q, a in screen.quiz.answers.items() if a.score < 1.0
    ]


def test_an_unfinished_quiz_is_offered_and_resumed(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    window = _window(qtbot, database, sample_pack)
    home = window.home
    home.count.setValue(5)
    start_exam(qtbot, window)
    screen = window.navigation.quiz_screen
    assert screen is not None
    _type_right_answer(qtbot, screen)
    _press_enter(qtbot, screen)
    window.close()  # closed mid-quiz

    again = MainWindow(None)
    qtbot.addWidget(again)
    again.show()
    again.set_database(database)
    qtbot.waitUntil(lambda: again.home.learner.count() == 2)
    assert again.home.learner.currentText() == "Ada"  # the last learner is remembered
    qtbot.waitUntil(lambda: again.home.next_button.text() == "&Continue the quiz")
    qtbot.keyClick(again.home.next_button, Qt.Key.Key_Space)
    wait_for_quiz(qtbot, again)
    resumed = again.navigation.quiz_screen
    assert resumed is not None
    assert resumed.progress_label.text() == "Question 2 of 5"
    learner = again.home.current_learner()
    assert learner is not None
    assert unfinished_quiz(database, learner) is not None


def test_language_follows_the_learner_and_switches_live_mid_quiz(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    from quiz_app.services.learners import get_learner
    from quiz_app.ui.i18n import set_language

    window = _window(qtbot, database, sample_pack)
    try:
        home = window.home
        home.count.setValue(4)
        qtbot.keyClick(home.mode_buttons[QuizMode.PRACTICE], Qt.Key.Key_Space)
        wait_for_quiz(qtbot, window)
        screen = window.navigation.quiz_screen
        assert screen is not None
        _type_right_answer(qtbot, screen)
        _press_enter(qtbot, screen)
        _press_enter(qtbot, screen)
        second = screen._current.id  # type: ignore[union-attr]

        window.choose_language("zh")  # View > Language > 简体中文, mid-quiz
        zh_screen = window.navigation.quiz_screen
        assert zh_screen is not None
        assert zh_screen is not screen
        assert window.navigation.stack.currentWidget() is zh_screen
        assert zh_screen._current.id == second  # type: ignore[union-attr]  # same place
        assert zh_screen.progress_label.text() == "第 2 题，共 4 题"
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        learner = window.home.current_learner()
        assert learner is not None
        # remembered for this learner (by the bank's writer, off the GUI thread)
        qtbot.waitUntil(lambda: get_learner(database, learner).language == "zh")  # type: ignore[union-attr]

        # Choosing a learner who reads English switches back.
        window.home.learner.setCurrentIndex(window.home.learner.findText("Bob"))
        assert window.menuBar().actions()[0].text() == "&File"
    finally:
        set_language("en")


def test_text_size_grows_shrinks_and_resets(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    window = _window(qtbot, database, sample_pack)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = app.font().pointSizeF()
    try:
        window.view.scale_text(1)
        window.view.scale_text(1)
        assert app.font().pointSizeF() == normal + 2
        window.view.scale_text(-1)
        assert app.font().pointSizeF() == normal + 1
        window.view.scale_text(0)
        assert app.font().pointSizeF() == normal
    finally:
        font = app.font()
        font.setPointSizeF(normal)
        app.setFont(font)


def test_history_lists_finished_quizzes_and_opens_one_for_review(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    window = _window(qtbot, database, sample_pack)
    home = window.home
    for _ in range(2):
        home.count.setValue(2)
        start_exam(qtbot, window)
        screen = window.navigation.quiz_screen
        assert screen is not None
        for _ in range(2):
            _type_right_answer(qtbot, screen)
            _press_enter(qtbot, screen)
        assert window.navigation.results_screen is not None
        qtbot.keyClick(window.navigation.results_screen.home, Qt.Key.Key_Space)

    qtbot.keyClick(window.home.history, Qt.Key.Key_Space)
    history = window.navigation.history_screen
    assert history is not None
    assert window.navigation.stack.currentWidget() is history
    assert history.table.rowCount() == 2
    row = [history.table.item(0, c).text() for c in range(1, 5)]  # type: ignore[union-attr]
    assert row == ["All packs", "Exam", "2", "100 %"]
    qtbot.keyClick(history.table, Qt.Key.Key_Return)  # open the newest for review
    assert window.navigation.stack.currentWidget() is window.navigation.results_screen
    assert window.navigation.results_screen is not None
    assert window.navigation.results_screen.score.text() == "Score: 100 %"


def test_a_new_learner_has_an_empty_history(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    window = _window(qtbot, database, sample_pack)
    qtbot.keyClick(window.home.history, Qt.Key.Key_Space)
    assert window.navigation.history_screen is not None
    assert window.navigation.history_screen.empty.isVisible()
    assert not window.navigation.history_screen.review.isEnabled()


def test_new_learner_dialog_by_keyboard(qtbot: QtBot) -> None:
    from quiz_app.ui.learner_dialog import COLOURS, NewLearnerDialog

    dialog = NewLearnerDialog("en")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name, "Mei")
    assert dialog.ok.isEnabled()
    dialog._colours.button(2).click()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    assert (dialog.colour(), dialog.chosen_language()) == (COLOURS[2], "zh")


def test_a_new_chinese_learner_switches_the_interface(
    qtbot: QtBot, database: Database, sample_pack: Path, monkeypatch: object
) -> None:
    from quiz_app.services.learners import list_learners
    from quiz_app.ui.i18n import set_language
    from quiz_app.ui.learner_dialog import NewLearnerDialog

    def fill_and_accept(dialog: NewLearnerDialog) -> int:
        dialog.name.setText("小明")
        dialog.language.setCurrentIndex(dialog.language.findData("zh"))
        return NewLearnerDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewLearnerDialog, "exec", fill_and_accept)  # type: ignore[attr-defined]
    window = _window(qtbot, database, sample_pack)
    try:
        window.home.ask_new_learner()
        qtbot.waitUntil(lambda: len(list_learners(database)) == 3)  # written off the GUI thread
        [mei] = [x for x in list_learners(database) if x.name == "小明"]
        assert mei.language == "zh"
        qtbot.waitUntil(lambda: window.home.current_learner() == mei.id)
        assert window.menuBar().actions()[0].text() == "文件(&F)"
    finally:
        set_language("en")


def test_home_shows_mastery_and_recent_results_for_the_learner(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    window = _window(qtbot, database, sample_pack)
    pack = window.navigation.packs.topLevelItem(0)
    assert pack is not None
    assert pack.text(2) == "0 %"
    assert window.home.recent.text() == "No quizzes yet: choose topics and start one."
    science = pack.child(1)
    assert science is not None
    science.setCheckState(0, Qt.CheckState.Checked)
    window.home.count.setValue(3)
    start_exam(qtbot, window)
    screen = window.navigation.quiz_screen
    assert screen is not None
    for _ in range(3):
        _type_right_answer(qtbot, screen)
        _press_enter(qtbot, screen)
    assert window.navigation.results_screen is not None
    qtbot.keyClick(window.navigation.results_screen.home, Qt.Key.Key_Space)

    pack = window.navigation.packs.topLevelItem(0)
    assert pack is not None
    science, missions = pack.child(1), pack.child(0)
    assert science is not None
    assert missions is not None
    assert science.text(2) == "100 %"  # all three science questions answered right
    assert missions.text(2) == "0 %"
    assert pack.text(2) == "43 %"  # 3 of the pack's 7
    assert science.checkState(0) == Qt.CheckState.Checked  # the choice is kept
    assert window.home.recent.text().startswith("Recent results: 100 % (Exam, ")
    # Another learner has their own mastery.
    window.home.learner.setCurrentIndex(window.home.learner.findText("Bob"))
    pack = window.navigation.packs.topLevelItem(0)
    assert pack is not None
    assert pack.text(2) == "0 %"


def test_difficulty_chosen_on_home_limits_the_quiz(
    qtbot: QtBot, database: Database, sample_pack: Path
) -> None:
    window = _window(qtbot, database, sample_pack)
    qtbot.keyClick(window.home.difficulty[1], Qt.Key.Key_Space)  # easy only
    window.home.count.setValue(10)
    qtbot.keyClick(window.home.mode_buttons[QuizMode.PRACTICE], Qt.Key.Key_Space)
    wait_for_quiz(qtbot, window)
    screen = window.navigation.quiz_screen
    assert screen is not None
    assert len(screen.quiz.question_ids) == 3  # the sample pack has three easy questions
    assert screen.quiz.settings.difficulties == {1}


def test_review_from_home_shows_the_due_count_and_says_when_nothing_is_due(
    qtbot: QtBot, database: Database, sample_pack: Path, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",  # type: ignore[attr-defined]
        lambda _parent, _title, text: shown.append(text),
    )
    window = _window(qtbot, database, sample_pack)
    review = window.home.mode_buttons[QuizMode.REVIEW]
    assert review.text() == "&Review"
    window.home.count.setValue(7)
    qtbot.keyClick(window.home.mode_buttons[QuizMode.PRACTICE], Qt.Key.Key_Space)
    wait_for_quiz(qtbot, window)
    screen = window.navigation.quiz_screen
    assert screen is not None
    for _ in range(7):  # all right: each is due again only after its interval
        _type_right_answer(qtbot, screen)
        _press_enter(qtbot, screen)
        _press_enter(qtbot, screen)
    assert window.navigation.results_screen is not None
    qtbot.keyClick(window.navigation.results_screen.home, Qt.Key.Key_Space)
    qtbot.keyClick(window.home.mode_buttons[QuizMode.REVIEW], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(shown))  # the bank's writer found nothing due
    [message] = shown
    assert message.startswith("Nothing is due for review now. The next one is due ")
    assert window.navigation.stack.currentWidget() is window.home
