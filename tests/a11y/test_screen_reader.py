"""What a screen reader gets from the app, read from outside over the real AT-SPI bus
(Xvfb, a private D-Bus session, at-spi-bus-launcher), the app driven by keys alone.

Each test starts the app afresh on a bank holding the sample pack and one learner.
``python -m tests.a11y.flow [en|zh]`` prints the per-screen counts and the events.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.a11y.flow import (
    Screen,
    answer,
    practice_walk,
    sample_prompts,
    start_sample_practice,
    verdict_heard,
    verdict_spoken,
)
from tests.a11y.harness import (
    App,
    Desktop,
    Node,
    describe_node,
    desktop,
    focusable_controls,
    launch,
    missing_tools,
    prepare_bank,
    shown,
    unnamed,
)

pytestmark = pytest.mark.a11y

ANSWER_ROLES = frozenset(
    {"check box", "radio button", "text", "entry", "spin button", "list", "combo box"}
)


@pytest.fixture(scope="module")
def screen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    reason = missing_tools()
    if reason is not None:
        pytest.skip(reason)
    with desktop(tmp_path_factory.mktemp("a11y-desktop")) as running:
        yield running


@contextmanager
def running(screen: Desktop, folder: Path, language: str) -> Iterator[App]:
    """The app on a fresh bank whose one learner speaks ``language``; stopped after."""
    bank = prepare_bank(folder / "bank.db", language)
    app = launch(screen, bank, folder)
    try:
        yield app
    finally:
        app.stop()
    log = app.log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log, log


@pytest.fixture
def english(screen: Desktop, tmp_path: Path) -> Iterator[App]:
    with running(screen, tmp_path, "en") as app:
        yield app


@pytest.mark.parametrize(
    ("language", "practice"), [("en", "Practice"), ("zh", "练习")], ids=["en", "zh"]
)
def test_home_controls_all_named(
    screen: Desktop, tmp_path: Path, language: str, practice: str
) -> None:
    with running(screen, tmp_path, language) as app:
        app.wait_focused(lambda n: n["role"] == "combo box", "the learner box")
        nodes = shown(app.tree())
        controls = focusable_controls(nodes)
        names = [c["name"] for c in controls]
        greeting = {"en": "Hello", "zh": "你好"}[language]
        assert [n["name"] for n in nodes if n["role"] == "heading"] == [
            next(n["name"] for n in nodes if n["name"].startswith(greeting))
        ]
        assert any(n.startswith(practice) for n in names), names  # in the learner's language
        assert len(controls) >= 10, names
        assert unnamed(controls) == [], [describe_node(c) for c in unnamed(controls)]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_first_question_has_the_focus_in_its_answer(
    screen: Desktop, tmp_path: Path, language: str
) -> None:
    with running(screen, tmp_path, language) as app:
        _focus_in_answer(app, language)


def _focus_in_answer(app: App, language: str) -> None:
    focused = start_sample_practice(app, language)
    print("focused at the first question:", describe_node(focused))
    assert focused["role"] not in ("filler", "scroll pane", "panel", "tree")
    assert focused["role"] in ANSWER_ROLES, describe_node(focused)
    assert focused["name"].strip()


def _first_answer_events(app: App) -> list[dict[str, object]]:
    app.listen()
    focused = start_sample_practice(app, "en")
    before = len(app.events())
    done = answer(app, focused)
    time.sleep(1.5)
    events = app.events()[before:]
    print(f"answered {describe_node(focused)} with {done}; events after Enter:")
    for event in events:
        print(" ", event["type"], event.get("data"), "<-", describe_node(event.get("source")))
    return events


def test_verdict_reaches_the_bus(english: App) -> None:
    events = _first_answer_events(english)
    assert verdict_heard(events), "no event after Enter carries the verdict's words"


@dataclass
class Walk:
    language: str
    screens: list[Screen]
    events: list[dict[str, Any]]
    log: list[str]


def _walk(screen: Desktop, folder: Path, language: str, mode: str) -> Walk:
    with running(screen, folder, language) as app:
        screens, events = practice_walk(app, language, mode)
    for s in screens:
        print(f"{s.name}: {s.controls} focusable, {len(s.unnamed)} unnamed; focus {s.said}")
    log = app.log.read_text(encoding="utf-8", errors="replace").splitlines()
    return Walk(language, screens, events, log)


@pytest.fixture(scope="module", params=["en", "zh"])
def walk(
    screen: Desktop, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Walk:
    """A practice quiz of the sample pack taken once by keyboard, in English and in
    Chinese; the tests below each check one thing about it."""
    language = request.param
    return _walk(screen, tmp_path_factory.mktemp(f"a11y-walk-{language}"), language, "practice")


@pytest.fixture(scope="module")
def exam_walk(screen: Desktop, tmp_path_factory: pytest.TempPathFactory) -> Walk:
    """An exam of the sample pack taken by keyboard, in English: no feedback, the next
    question at once."""
    return _walk(screen, tmp_path_factory.mktemp("a11y-exam"), "en", "exam")


SCORE = {"en": "Score: ", "zh": "得分："}


def test_practice_walk_reaches_every_type_and_the_results(walk: Walk) -> None:
    names = [s.name for s in walk.screens]
    kinds = {n.split(": ")[1].split(" ")[0] for n in names if n.startswith("question")}
    assert kinds == set(sample_prompts().values()), names  # one question of each type
    assert names[-1] == "results"
    results = walk.screens[-1].nodes
    headings = [n["name"] for n in results if n["role"] == "heading"]
    assert len(headings) == 1, headings
    assert headings[0].startswith(SCORE[walk.language]), headings
    assert walk.screens[-1].controls >= 2
    assert any(e["type"] == "object:state-changed:focused" for e in walk.events)


def test_focus_is_in_the_answer_at_every_question(walk: Walk) -> None:
    for s in walk.screens:
        if s.name.startswith("question"):
            assert s.focused is not None, s.name
            assert s.focused["role"] in ANSWER_ROLES, f"{s.name}: {s.said}"
            assert said_name(s.focused), f"{s.name}: {s.said}"


def said_name(node: Node) -> str:
    """What Orca says a control is called: its name, or (a combo box on Linux, named by
    its current value) the label it is labelled by."""
    return node["name"].strip() or " ".join(node["labelled_by"]).strip()


NEXT = {"en": "Next", "zh": "下一题"}


def test_the_focus_never_stops_on_the_way(walk: Walk) -> None:
    """From the first question to the results the focus lands only on answers, Next and
    at last Home: no control on the way is read out."""
    gained = [
        e["source"]
        for e in walk.events
        if e["type"] == "object:state-changed:focused" and e["detail1"] == 1
    ]
    first = max(i for i, n in enumerate(gained) if n["role"] in ("tree", "table cell"))
    quiz = gained[first + 1 :]
    stops = [
        describe_node(n)
        for n in quiz[:-1]
        if n["role"] not in ANSWER_ROLES and n["name"] != NEXT[walk.language]
    ]
    assert stops == []
    assert quiz[-1]["role"] == "push button", describe_node(quiz[-1])
    assert quiz[-1]["name"] in ("Home", "主页(H)"), describe_node(quiz[-1])


def test_quiz_screens_have_no_unnamed_controls(walk: Walk) -> None:
    assert {s.name: s.unnamed for s in walk.screens if s.unnamed} == {}


def test_no_accessibility_warnings_during_the_quiz(walk: Walk) -> None:
    """Qt's own complaints while a screen reader listens (the line libatspi's reader causes
    by asking for a peer-to-peer address is Qt's not implementing it, not the app's)."""
    warnings = [line for line in walk.log if "GetApplicationBusAddress" not in line]
    assert warnings == []


def test_every_verdict_is_spoken(walk: Walk) -> None:
    """Each answer's verdict is announced (or on the control the focus lands on), even
    when two verdicts in a row have the same words."""
    feedbacks = [s for s in walk.screens if s.name.startswith("feedback")]
    spoken = verdict_spoken(walk.events)
    assert len(spoken) >= len(feedbacks) == 7, [describe_node(e["source"]) for e in spoken]


def test_an_exam_by_keyboard_says_each_answer_is_saved_then_the_score(exam_walk: Walk) -> None:
    screens = exam_walk.screens
    questions = [s for s in screens if s.name.startswith("question")]
    assert len(questions) == len(set(sample_prompts().values()))  # one of each type
    assert not any(s.name.startswith("feedback") for s in screens)  # no feedback in an exam
    for s in questions:
        assert s.focused is not None, s.name
        assert s.focused["role"] in ANSWER_ROLES, s.name
        assert said_name(s.focused), s.name
    assert {s.name: s.unnamed for s in screens if s.unnamed} == {}
    said = [
        str(e.get("data"))
        for e in exam_walk.events
        if e["type"].startswith("object:announcement") and "now" not in str(e.get("data"))
    ]  # (an ordering question's moves, "Chang'e-5: now 2 of 4", are announced too)
    total = len(questions)
    assert said[:-1] == [f"Answer saved. Question {n} of {total}" for n in range(2, total + 1)]
    assert said[-1].startswith("Score: ")
    assert verdict_spoken(exam_walk.events) == []  # an exam gives no verdict
    # From Start to the results the focus goes from answer to answer, then to Home:
    # never by way of another control, which a screen reader would read out.
    gained = [
        e["source"]
        for e in exam_walk.events
        if e["type"] == "object:state-changed:focused" and e["detail1"] == 1
    ]
    start = next(i for i, n in enumerate(gained) if n["name"] == "Start the exam")
    roles = [n["role"] for n in gained[start + 1 :]]
    assert set(roles[:-1]) <= ANSWER_ROLES, [describe_node(n) for n in gained[start + 1 :]]
    assert describe_node(gained[-1]).startswith("push button 'Home'")
    assert [line for line in exam_walk.log if "GetApplicationBusAddress" not in line] == []
