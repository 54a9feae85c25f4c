"""What a screen reader gets from an application, read over the AT-SPI bus.

Run with the *system* Python (``/usr/bin/python3``, which has ``python3-gi`` and
``gir1.2-atspi-2.0``); the project's venv cannot import ``gi``. Every command prints JSON,
one object per line, so a test in the venv parses it without sharing any code:

    reader.py apps                    the applications on the bus (name, pid)
    reader.py tree --pid PID          every accessible of the app's windows, depth first
    reader.py focused --pid PID       the accessible that has keyboard focus
    reader.py listen SECONDS [--pid PID] [--ready FILE]
                                      the events a screen reader listens to, as they come;
                                      FILE is created once the listeners are registered

A node is ``{"path": [i, j, ...], "role": ..., "name": ..., "description": ...,
"states": [...], "text": ..., "labelled_by": [...]}``. This file is generic: it knows
nothing of the quiz app.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

EVENTS = (
    "object:state-changed:focused",
    "object:state-changed:checked",
    "object:state-changed:selected",
    "object:state-changed:showing",
    "object:text-changed:insert",
    "object:text-changed:delete",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
    "object:announcement",
    "object:children-changed",
    "window:activate",
)
"""What Orca reacts to when it speaks: focus, text, names, and Qt 6.8+'s announcements
(``QAccessibleAnnouncementEvent``, sent on AT-SPI as ``object:announcement``)."""

MAX_DEPTH = 60


def _out(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _safe(call: Any, default: Any = None) -> Any:
    try:
        return call()
    except Exception:  # a widget may vanish while it is read
        return default


def _states(acc: Atspi.Accessible) -> list[str]:
    state_set = _safe(acc.get_state_set)
    if state_set is None:
        return []
    return sorted(
        Atspi.StateType(s).value_nick
        for s in range(int(Atspi.StateType.LAST_DEFINED))
        if state_set.contains(Atspi.StateType(s))
    )


def _text(acc: Atspi.Accessible) -> str | None:
    if "Text" not in (_safe(acc.get_interfaces, []) or []):
        return None
    count = _safe(lambda: Atspi.Text.get_character_count(acc), 0) or 0
    return _safe(lambda: Atspi.Text.get_text(acc, 0, min(count, 2000)))


def _labelled_by(acc: Atspi.Accessible) -> list[str]:
    names = []
    for relation in _safe(acc.get_relation_set, []) or []:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            for i in range(relation.get_n_targets()):
                target = relation.get_target(i)
                names.append(_safe(target.get_name, "") or "")
    return names


def describe(acc: Atspi.Accessible, path: list[int] | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {
        "role": _safe(acc.get_role_name, ""),
        "name": _safe(acc.get_name, "") or "",
        "description": _safe(acc.get_description, "") or "",
        "states": _states(acc),
        "text": _text(acc),
        "labelled_by": _labelled_by(acc),
    }
    if path is not None:
        node["path"] = path
    return node


def app_by_pid(pid: int, timeout: float = 10.0) -> Atspi.Accessible:
    deadline = time.monotonic() + timeout
    while True:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = _safe(lambda i=i, d=desktop: d.get_child_at_index(i))
            if app is not None and _safe(app.get_process_id) == pid:
                return app
        if time.monotonic() > deadline:
            raise SystemExit(f"no application with pid {pid} on the accessibility bus")
        time.sleep(0.2)


def walk(acc: Atspi.Accessible, path: list[int]) -> Iterator[dict[str, Any]]:
    yield describe(acc, path)
    if len(path) >= MAX_DEPTH:
        return
    for i in range(_safe(acc.get_child_count, 0) or 0):
        child = _safe(lambda i=i: acc.get_child_at_index(i))
        if child is not None:
            yield from walk(child, [*path, i])


ITEM_ROLES = frozenset({"table cell", "list item", "tree item", "table row", "page tab"})
"""Item views keep FOCUSED on their current item even when the view itself has lost the
focus; an item only counts when the control holding it is focused."""


def _focused_nodes(acc: Atspi.Accessible, path: list[int], found: list[dict[str, Any]]) -> None:
    states = _safe(acc.get_state_set)
    if states is None or (path and not states.contains(Atspi.StateType.SHOWING)):
        return  # a hidden page (or a closed popup) cannot hold the focus
    if states.contains(Atspi.StateType.FOCUSED):
        found.append(describe(acc, path))
    for i in range(_safe(acc.get_child_count, 0) or 0):
        child = _safe(lambda i=i: acc.get_child_at_index(i))
        if child is not None:
            _focused_nodes(child, [*path, i], found)


def find_focused(app: Atspi.Accessible) -> dict[str, Any]:
    """``{"focused": the control with the keyboard focus, "item": its current item}``."""
    found: list[dict[str, Any]] = []
    _focused_nodes(app, [], found)
    controls = [n for n in found if n["role"] not in ITEM_ROLES]
    if not controls:
        return {"focused": found[-1] if found else None, "item": None}
    control = max(controls, key=lambda n: len(n["path"]))
    inside = [
        n
        for n in found
        if n["role"] in ITEM_ROLES and n["path"][: len(control["path"])] == control["path"]
    ]
    return {"focused": control, "item": inside[-1] if inside else None}


def cmd_apps(_: argparse.Namespace) -> None:
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        _out({"name": _safe(app.get_name, ""), "pid": _safe(app.get_process_id)})


def cmd_tree(options: argparse.Namespace) -> None:
    app = app_by_pid(options.pid)
    for node in walk(app, []):
        _out(node)


def cmd_focused(options: argparse.Namespace) -> None:
    _out(find_focused(app_by_pid(options.pid)))


def cmd_listen(options: argparse.Namespace) -> None:
    loop = GLib.MainLoop()
    start = time.monotonic()

    def on_event(event: Atspi.Event) -> None:
        source = event.source
        if options.pid and _safe(lambda: source.get_process_id()) != options.pid:
            return
        any_data = event.any_data
        if isinstance(any_data, Atspi.Accessible):
            any_data = _safe(any_data.get_name, "")
        elif any_data is not None and not isinstance(any_data, (str, int, float, bool)):
            any_data = str(any_data)
        _out(
            {
                "t": round(time.monotonic() - start, 3),
                "type": event.type,
                "detail1": event.detail1,
                "detail2": event.detail2,
                "data": any_data,
                "source": describe(source) if source is not None else None,
            }
        )

    listener = Atspi.EventListener.new(on_event)
    for kind in EVENTS:
        listener.register(kind)
    if options.ready:
        Path(options.ready).write_text("ready")
    GLib.timeout_add(int(options.seconds * 1000), loop.quit)
    loop.run()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("apps").set_defaults(run=cmd_apps)
    tree = commands.add_parser("tree")
    tree.add_argument("--pid", type=int, required=True)
    tree.set_defaults(run=cmd_tree)
    focused = commands.add_parser("focused")
    focused.add_argument("--pid", type=int, required=True)
    focused.set_defaults(run=cmd_focused)
    listen = commands.add_parser("listen")
    listen.add_argument("seconds", type=float)
    listen.add_argument("--pid", type=int, default=0)
    listen.add_argument("--ready")
    listen.set_defaults(run=cmd_listen)
    options = parser.parse_args()
    options.run(options)


if __name__ == "__main__":
    main()
