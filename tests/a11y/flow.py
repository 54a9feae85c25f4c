"""A learner's way through the app by keyboard alone, steered by what the screen reader
says is focused (never by looking at pixels), and the per-screen report of issue 18.

``python -m tests.a11y.flow [en|zh] [practice|exam]`` prints the report: per screen, the focusable
controls and the unnamed ones, and what a screen reader heard during a practice quiz.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tests.a11y.harness import (
    SAMPLE_PACK,
    App,
    Node,
    describe_node,
    desktop,
    focusable_controls,
    launch,
    prepare_bank,
    shown,
    unnamed,
)

SAMPLE_TOPICS = {"en": ("Missions", "Science"), "zh": ("任务", "科学")}
MODE_KEYS = {"practice": "alt+p", "exam": "alt+e"}  # "&Practice", "练习(&P)"; "&Exam"
VERDICTS = ("Right!", "Not quite.", "Partly right", "答对了", "答错了", "部分正确")
TEXT_ROLES = frozenset({"text", "entry", "spin button", "password text", "editbar"})
CHOICE_ROLES = frozenset({"check box", "radio button", "toggle button"})


def tab_to(app: App, role: str, limit: int = 15) -> Node:
    """Tab until a control of ``role`` has the focus."""
    for _ in range(limit):
        node = app.focused()
        if node is not None and node["role"] == role:
            return node
        app.key("Tab")
    raise AssertionError(f"Tab never reached a {role}; last: {describe_node(app.focused())}")


def tick_sample_topics(app: App, language: str) -> None:
    """In the packs tree, tick the sample pack's two topics (it is listed last)."""
    tab_to(app, "tree")
    app.key("End")
    wanted = list(SAMPLE_TOPICS[language])
    for _ in range(6):
        node = app.focused()
        item = node.get("item") if node else None
        name = item["name"] if item else ""
        if name in wanted:
            app.key("space")
            wanted.remove(name)
            if not wanted:
                return
        app.key("Up")
    raise AssertionError(f"topics {wanted} not found in the packs tree")


def start_sample_practice(app: App, language: str, mode: str = "practice") -> Node:
    """From Home: the sample pack's topics ticked, Practice (or Exam, then Enter on its
    rules) pressed; the first question's focused control once the quiz screen shows."""
    tick_sample_topics(app, language)
    app.key(MODE_KEYS[mode])
    if mode == "exam":
        app.wait_focused(lambda n: n["role"] == "push button", "the exam's Start button")
        app.key("Return")
        return app.wait_focused(lambda n: n["role"] != "push button", "the first question")
    return app.wait_focused(lambda n: n["role"] != "tree", "the quiz's first question")


def answer(app: App, focused: Node) -> str:
    """Answer the question whose control has the focus, then Enter. Returns what was done."""
    role = focused["role"]
    if role in CHOICE_ROLES:
        app.key("1", "Return")
        return "1, Enter"
    if role == "combo box":  # matching: the first partner for each, Tab to the next
        combos = [n for n in focusable_controls(shown(app.tree())) if n["role"] == "combo box"]
        for i in range(len(combos)):
            app.key("Down")
            if i < len(combos) - 1:
                app.key("Tab")
        app.key("Return")
        return f"Down in each of {len(combos)} combo boxes, Enter"
    if role in TEXT_ROLES:
        app.type("7")
        app.key("Return")
        return "typed 7, Enter"
    app.key("Return")
    return "Enter"


def verdict_heard(events: list[Node]) -> list[Node]:
    """The events that carry the verdict's words to a screen reader."""
    heard = []
    for event in events:
        words = [str(event.get("data") or "")]
        source = event.get("source") or {}
        if event["type"].startswith(("object:announcement", "object:property-change")) or (
            event["type"].startswith("object:text-changed")
        ):
            words += [source.get("name") or "", source.get("text") or ""]
        if any(v in w for w in words for v in VERDICTS):
            heard.append(event)
    return heard


def verdict_spoken(events: list[Node]) -> list[Node]:
    """The events Orca speaks that carry the verdict: an announcement, or the focus
    landing on a control whose name or description holds it (an unfocused label's new
    name is on the bus, but a screen reader does not read it out)."""
    spoken = []
    for event in verdict_heard(events):
        if event["type"].startswith("object:announcement"):
            spoken.append(event)
    for event in events:
        source = event.get("source") or {}
        said = f"{source.get('name', '')} {source.get('description', '')}"
        if (
            event["type"] == "object:state-changed:focused"
            and event["detail1"] == 1
            and any(v in said for v in VERDICTS)
        ):
            spoken.append(event)
    return spoken


@dataclass
class Screen:
    """One screen as a screen reader finds it."""

    name: str
    focused: Node | None
    controls: int
    unnamed: list[str] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list, repr=False)

    @property
    def said(self) -> str:
        return describe_node(self.focused)


def count_screen(app: App, name: str) -> Screen:
    nodes = shown(app.tree())
    controls = focusable_controls(nodes)
    return Screen(
        name,
        app.focused(),
        len(controls),
        [describe_node(n) for n in unnamed(controls)],
        nodes,
    )


def practice_walk(
    app: App, language: str, mode: str = "practice"
) -> tuple[list[Screen], list[Node]]:
    """Home, every question of the sample pack, its feedback (none in an exam), the
    results: counted, and the events a screen reader received from the first key on the
    quiz to the results."""
    screens = [count_screen(app, "home")]
    app.listen()
    start_sample_practice(app, language, mode)
    for seen in range(1, 13):
        question = count_screen(app, "question")
        node = question.focused
        if node is None or not _on_quiz(question.nodes):
            break
        question.name = f"question {seen}: {_question_kind(question.nodes, node)}"
        screens.append(question)
        answer(app, node)
        time.sleep(0.3)
        if mode == "exam":  # the next question (or the results) at once
            app.wait_focused(lambda n, was=node: _moved_on(n, was), "the next question")
            continue
        screens.append(count_screen(app, question.name.replace("question", "feedback")))
        app.key("Return")  # Next
        time.sleep(0.3)
    screens.append(count_screen(app, "results"))
    time.sleep(0.5)
    return screens, app.events()


def _moved_on(node: Node, was: Node) -> bool:
    return (node["role"], node["name"], node["description"]) != (
        was["role"],
        was["name"],
        was["description"],
    )


def _on_quiz(nodes: list[Node]) -> bool:
    return any(
        n["role"] == "push button" and n["name"].startswith(("Leave", "离开")) for n in nodes
    )


def sample_prompts() -> dict[str, str]:
    """Each sample question's prompt (English and Chinese) -> its type."""
    kinds = {}
    for part in sorted(SAMPLE_PACK.glob("*.toml")):
        for question in tomllib.loads(part.read_text(encoding="utf-8")).get("questions", []):
            for text in question["prompt"].values():
                kinds[text] = question["type"]
    return kinds


def _question_kind(nodes: list[Node], node: Node) -> str:
    """The question's type (found by its prompt on screen) and its focused control."""
    kinds = sample_prompts()
    texts = [n["name"] for n in nodes] + [node["description"]]
    kind = next((kinds[t] for t in texts if t in kinds), "?")
    return f"{kind} ({node['role']})"


def report(language: str = "en", mode: str = "practice") -> str:
    """Run the practice walk on a fresh desktop and describe it in words."""
    with tempfile.TemporaryDirectory(prefix="quiz-a11y-") as folder:
        root = Path(folder)
        with desktop(root) as screen:
            bank = prepare_bank(root / "bank.db", language)
            app = launch(screen, bank, root)
            try:
                screens, events = practice_walk(app, language, mode)
            finally:
                app.stop()
    lines = [f"Per screen ({language}, {mode}): focusable controls, unnamed ones, the focus"]
    for s in screens:
        lines.append(
            f"  {s.name}: {s.controls} focusable, {len(s.unnamed)} unnamed; focus: {s.said}"
        )
        lines += [f"      unnamed: {u}" for u in s.unnamed]
    events = [
        e
        for e in events
        if e["type"].split(":")[1] != "state-changed" or e["type"].endswith(("focused", "checked"))
    ]
    lines.append("What Orca speaks of them (focus gained, announcements):")
    for event in events:
        if event["type"].startswith("object:announcement") or (
            event["type"] == "object:state-changed:focused" and event["detail1"] == 1
        ):
            source = event.get("source")
            lines.append(f"  {event['t']:7.2f} {event['type']}: {describe_node(source)}")
    lines.append(f"Events a screen reader received ({len(events)}):")
    for event in events:
        source = event.get("source") or {}
        lines.append(
            f"  {event['t']:7.2f} {event['type']} "
            f"{json.dumps(event.get('data'), ensure_ascii=False)}"
            f" <- {source.get('role')} {source.get('name')!r}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(*sys.argv[1:3]))  # [en|zh] [practice|exam]
