"""The question editor, driven through its widgets as a teacher would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QScrollArea, QSplitter
from pytestqt.qtbot import QtBot

from quiz_app.services.editing import open_pack_for_editing
from quiz_app.services.packs import get_pack, import_pack
from quiz_app.services.teacher import set_pin
from quiz_app.storage import Database
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.screens.editor import PackEditorScreen
from quiz_app.ui.widgets.answers import NumericWidget, SingleChoiceWidget
from quiz_app.ui.widgets.question_form import QuestionForm
from tests.conftest import snapshot


@pytest.fixture(autouse=True)
def _discard_when_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window closes after each test: unsaved edits are dropped, not asked about."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: discard)


@pytest.fixture
def bank(database: Database, sample_pack: Path) -> Database:
    import_pack(database, sample_pack)
    set_pin(database, "2468")
    return database


def _open_editor(
    qtbot: QtBot, bank: Database, monkeypatch: pytest.MonkeyPatch, language: str = "en"
) -> tuple[MainWindow, PackEditorScreen]:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("2468", True))
    window = MainWindow(bank, language)
    qtbot.addWidget(window)
    window.teacher.edit_pack()
    editor = window.navigation.editor_screen
    assert editor is not None
    assert window.navigation.stack.currentWidget() is editor
    return window, editor


def _select(editor: PackEditorScreen, key: str) -> None:
    row = next(i for i, q in enumerate(editor.questions) if q["id"] == key)
    editor.list.setCurrentRow(row)


def test_a_learner_without_the_pin_cannot_open_the_editor(
    qtbot: QtBot, bank: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("1111", True))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    window = MainWindow(bank)
    qtbot.addWidget(window)
    window.teacher.edit_pack()
    assert window.navigation.editor_screen is None
    assert window.navigation.stack.currentWidget() is window.home
    assert warned == ["That is not the teacher PIN."]


def test_the_form_holds_every_question_type_without_loss(bank: Database, qtbot: QtBot) -> None:
    edited = open_pack_for_editing(bank, "sample")
    form = QuestionForm([("missions", "Missions"), ("science", "Science")], ("en", "zh"))
    qtbot.addWidget(form)
    kinds = set()
    for question in edited.questions:
        form.load(dict(question))
        assert form.data() == question
        kinds.add(question["type"])
    assert len(kinds) == 7


def test_an_edit_shows_in_the_preview_and_saves_as_the_next_version(
    qtbot: QtBot, bank: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, editor = _open_editor(qtbot, bank, monkeypatch)
    _select(editor, "far-side-first")
    chinese = editor.form.prompt["zh"].toPlainText()
    assert not editor.save_button.isEnabled()  # nothing to save yet
    assert editor.save_button.text() == "&Save as version 1.1.0"
    editor.form.prompt["en"].setPlainText("Which mission first landed on the far side?")
    with qtbot.waitSignal(editor.problems_shown):
        pass  # the check runs once typing pauses
    assert editor.preview.prompt.text() == "Which mission first landed on the far side?"
    assert isinstance(editor.preview.answer, SingleChoiceWidget)
    assert editor.list.currentItem().text().startswith("1. Which mission first landed")
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(window.teacher.pack_saved, timeout=30_000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0] == "Saved sample 1.1.0: 0 added, 1 changed, 0 retired."
    pack = get_pack(bank, "sample")
    assert pack.info.version == "1.1.0"
    question = next(q for q in pack.questions if q.key == "far-side-first")
    assert question.prompt.get("en") == "Which mission first landed on the far side?"
    assert question.prompt.get("zh") == chinese
    assert editor.save_button.text() == "&Save as version 1.2.0"
    assert not editor.dirty


def test_a_problem_is_shown_as_you_type_and_blocks_saving(
    qtbot: QtBot, bank: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, editor = _open_editor(qtbot, bank, monkeypatch)
    _select(editor, "tidal-lock")
    editor.form.prompt["zh"].clear()
    editor.check_current()
    assert "has no zh text, but pack.toml lists zh" in editor.problems.text()
    assert editor.list.currentItem().text().startswith("⚠")
    assert editor.preview.prompt.isHidden()
    assert not editor.save_button.isEnabled()
    assert editor.status.text() == "1 question(s) have problems."
    editor.form.prompt["zh"].setPlainText("月球不绕自转轴自转。")
    editor.check_current()
    assert editor.problems.isHidden()
    assert editor.save_button.isEnabled()


def test_a_new_numeric_question_is_made_from_the_form(
    qtbot: QtBot, bank: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, editor = _open_editor(qtbot, bank, monkeypatch)
    before = len(editor.questions)
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    assert len(editor.questions) == before + 1
    form = editor.form
    assert form.key.text() == f"question-{before + 1}"
    editor.check_current()
    assert "needs English text" in editor.problems.text()
    form.key.setText("moon-radius")
    form.type.setCurrentIndex(form.type.findData("numeric"))
    form.prompt["en"].setPlainText("The Moon's mean radius, in km?")
    form.prompt["zh"].setPlainText("月球的平均半径是多少千米？")
    form.number.setText("1737,4")
    form.tolerance.setText("1")
    form.unit["en"].setText("km")
    form.unit["zh"].setText("千米")
    editor.check_current()
    assert editor.problems.isHidden(), editor.problems.text()
    assert isinstance(editor.preview.answer, NumericWidget)
    with qtbot.waitSignal(window.teacher.pack_saved, timeout=30_000) as saved:
        editor.save()
    assert saved.args[0] == "Saved sample 1.1.0: 1 added, 0 changed, 0 retired."
    added = next(q for q in get_pack(bank, "sample").questions if q.key == "moon-radius")
    assert (added.body.answer, added.body.tolerance) == (1737.4, 1.0)  # type: ignore[union-attr]


def test_choices_edited_in_the_table_keep_one_right_answer(
    qtbot: QtBot, bank: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, editor = _open_editor(qtbot, bank, monkeypatch)
    _select(editor, "far-side-first")
    table = editor.form.choices.table
    assert editor.form.choices.right() == [editor.questions[0]["answer"]]
    table.item(2, 0).setCheckState(Qt.CheckState.Checked)
    assert editor.form.choices.right() == [editor.questions[0]["choices"][2]["id"]]
    editor.form.choices.add_row()
    editor.check_current()
    assert "'choices.3.text'" in editor.problems.text()
    assert "needs English text" in editor.problems.text()
    row = table.rowCount() - 1
    table.item(row, 1).setText("Luna 3")
    table.item(row, 2).setText("月球3号")
    editor.check_current()
    assert editor.problems.isHidden(), editor.problems.text()
    assert editor.questions[0]["choices"][-1]["text"] == {"en": "Luna 3", "zh": "月球3号"}


def test_reordering_and_deleting_are_saved(
    qtbot: QtBot, bank: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, editor = _open_editor(qtbot, bank, monkeypatch)
    keys = [q["id"] for q in editor.questions]
    editor.list.setCurrentRow(0)
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert editor.list.currentRow() == 1
    editor.list.setCurrentRow(len(keys) - 1)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    expected = [keys[1], keys[0], *keys[2:-1]]
    assert [q["id"] for q in editor.questions] == expected
    with qtbot.waitSignal(window.teacher.pack_saved, timeout=30_000) as saved:
        editor.save()
    assert saved.args[0] == "Saved sample 1.1.0: 0 added, 0 changed, 1 retired."
    assert [q.key for q in get_pack(bank, "sample").questions] == expected


def test_leaving_with_unsaved_changes_asks_first(
    qtbot: QtBot, bank: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, editor = _open_editor(qtbot, bank, monkeypatch)
    before = snapshot(bank)
    editor.form.prompt["en"].setPlainText("Changed")
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert window.navigation.stack.currentWidget() is editor  # Cancel: still editing
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert window.navigation.stack.currentWidget() is window.home
    assert asked == ["Save the changes to sample as version 1.1.0?"] * 2
    assert snapshot(bank) == before


def test_the_form_keeps_a_pinned_order_and_a_group_it_does_not_edit(qtbot: QtBot) -> None:
    form = QuestionForm([("missions", "Missions")], ["en", "zh"])
    qtbot.addWidget(form)
    data = {
        "id": "pinned",
        "type": "single",
        "topic": "missions",
        "difficulty": 1,
        "prompt": {"en": "Which?", "zh": "哪个？"},
        "choices": [
            {"id": "a", "text": {"en": "One", "zh": "一"}},
            {"id": "b", "text": {"en": "All of the above", "zh": "以上都是"}},
        ],
        "answer": "b",
        "shuffle": False,
        "group": "landing-years",
    }
    form.load(data)
    form.prompt["en"].setPlainText("Which one?")  # an edit elsewhere keeps the pin
    assert form.data()["shuffle"] is False
    assert form.data()["group"] == "landing-years"  # still never drawn beside its group


def test_the_form_edits_a_title_and_each_choices_own_feedback(qtbot: QtBot) -> None:
    form = QuestionForm([("missions", "Missions")], ["en", "zh"])
    qtbot.addWidget(form)
    data = {
        "id": "far-side-first",
        "type": "single",
        "topic": "missions",
        "difficulty": 1,
        "prompt": {"en": "Which was first on the far side?", "zh": "哪个最先登陆背面？"},
        "choices": [
            {
                "id": "a",
                "text": {"en": "Chang'e-3", "zh": "嫦娥三号"},
                "feedback": {"en": "It landed on the near side.", "zh": "它在正面着陆。"},
            },
            {"id": "b", "text": {"en": "Chang'e-4", "zh": "嫦娥四号"}},
        ],
        "answer": "b",
        "title": "Far side: first landing",
    }
    form.load(data)
    assert form.data() == data  # one choice with feedback, one without: both kept as they are
    form.title.setText("  ")
    form.choices.table.item(0, 3).setText("")  # the English feedback of "a" (Right, Text×2)
    form.choices.table.item(0, 4).setText("")
    edited = form.data()
    assert "title" not in edited
    assert "feedback" not in edited["choices"][0]
    form.choices.table.item(1, 3).setText("Yes: **Von Kármán** crater.")
    assert form.data()["choices"][1]["feedback"] == {"en": "Yes: **Von Kármán** crater."}


def test_the_question_list_names_a_question_by_its_title_when_it_has_one(
    bank: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, editor = _open_editor(qtbot, bank, monkeypatch)
    _select(editor, "far-side-first")
    row = editor.list.currentRow()
    assert "Which mission made the first soft landing" in editor.list.item(row).text()
    editor.form.title.setText("Far side: the first landing")
    qtbot.waitUntil(lambda: editor.list.item(row).text().endswith("Far side: the first landing"))
    editor.form.title.setText("")
    qtbot.waitUntil(lambda: "Which mission" in editor.list.item(row).text())


@pytest.fixture(params=["en", "zh"])
def small_editor(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    bank: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[str, PackEditorScreen]]:
    """The editor in a window of 800x600, in each language of the interface."""
    from quiz_app.ui.i18n import set_language

    language = str(request.param)
    set_language(language)
    try:
        window, editor = _open_editor(qtbot, bank, monkeypatch, language)
        window.resize(800, 600)
        window.show()
        yield language, editor
    finally:
        set_language("en")


def test_at_800x600_a_problem_wraps_within_its_panel_and_stays_in_sight(
    qtbot: QtBot, small_editor: tuple[str, PackEditorScreen]
) -> None:
    """The form is wider than its panel at 800x600; the problems above it are not: a
    teacher reads each whole, without scrolling sideways, and the answer box it names
    can be scrolled to with the problem still shown."""
    language, editor = small_editor
    _select(editor, "relay-name")
    box = editor.form.accept["en"]
    box.setPlainText(box.toPlainText() + "\n?!")
    editor.check_current()
    qtbot.waitUntil(lambda: editor.problems.isVisible())
    said = "'?!'" if language == "en" else "“?!”"
    assert said in editor.problems.text()
    label = editor.problems
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    splitter = editor.findChild(QSplitter)
    assert splitter is not None
    pane = splitter.widget(1)  # the form's part of the screen
    assert pane is not None
    shown = QRect(label.mapTo(pane, QPoint(0, 0)), label.size())
    assert pane.rect().contains(shown), (shown, pane.rect())
    # Scrolling the form down to the answer box the problem names leaves it in sight.
    assert not editor.form.isAncestorOf(label)


def test_at_800x600_every_kind_of_question_fits_its_panels_without_scrolling_sideways(
    qtbot: QtBot, small_editor: tuple[str, PackEditorScreen]
) -> None:
    """The form (long topic titles, a card's long label, four buttons under a table)
    and the preview (its title beside the language box) once were wider than their
    panels at 800x600: a field's right end, or the language box, was cut off."""
    _, editor = small_editor
    areas = editor.findChildren(QScrollArea)
    assert len(areas) == 2  # the form's and the preview's
    kinds = set()
    for row, question in enumerate(editor.questions):
        if question["type"] in kinds:
            continue
        kinds.add(question["type"])
        editor.list.setCurrentRow(row)
        for area in areas:
            qtbot.waitUntil(lambda a=area: a.widget().width() <= a.viewport().width())
            assert area.horizontalScrollBar().maximum() == 0, (question["type"], area)
    assert len(kinds) == 7
