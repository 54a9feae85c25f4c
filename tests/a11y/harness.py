"""The app on a real accessibility bus: Xvfb, a private D-Bus session, the AT-SPI bus, and
the app as a subprocess with Qt's accessibility on; read from outside by ``reader.py``
(run by the system Python, which has ``gi``) exactly as a screen reader reads it.

Nothing here touches the user's own directories: the app's XDG_* dirs, the bank and the
buses all live in a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

READER = Path(__file__).with_name("reader.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
SAMPLE_PACK = Path(__file__).resolve().parent.parent / "data" / "sample-pack"
APT_PACKAGES = "at-spi2-core gir1.2-atspi-2.0 python3-gi xvfb xdotool dbus-daemon"

Node = dict[str, Any]

ITEM_ROLES = frozenset({"table cell", "list item", "tree item", "table row", "page tab"})
"""Items inside one control (a tree's cells, a list's rows): one Tab stop, counted apart."""


def missing_tools() -> str | None:
    """Why the bus tests cannot run here, or None when everything they need is installed."""
    for program in ("Xvfb", "dbus-daemon", "xdotool"):
        if shutil.which(program) is None:
            return f"{program} not installed (apt-get install {APT_PACKAGES})"
    if not Path(BUS_LAUNCHER).exists():
        return "at-spi2-core not installed (no at-spi-bus-launcher)"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} missing: the reader needs the system Python with gi"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0')"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        return "python3-gi or gir1.2-atspi-2.0 not installed for /usr/bin/python3"
    return None


def _wait_for(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout} s for {what}")
        time.sleep(0.1)


@dataclass
class Desktop:
    """Xvfb + a private session bus + the AT-SPI bus; ``env`` is what children get."""

    root: Path
    env: dict[str, str] = field(default_factory=dict)
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self) -> None:
        logs = self.root / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        runtime = self.root / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("QT_", "DBUS_", "XDG_", "AT_SPI", "WAYLAND", "DISPLAY"))
        }
        # Xvfb picks a free display itself and writes its number to the pipe once ready.
        read_end, write_end = os.pipe()
        argv = ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp"]
        with (logs / "xvfb.log").open("ab") as out:
            xvfb = subprocess.Popen(
                [*argv, "-screen", "0", "1366x768x24"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                pass_fds=(write_end,),
            )
        self.processes.append(xvfb)
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            display = pipe.readline().strip()
        if not display:
            raise RuntimeError((logs / "xvfb.log").read_text())
        env.update(
            DISPLAY=f":{display}",
            XDG_RUNTIME_DIR=str(runtime),
            XDG_CONFIG_HOME=str(self.root / "config"),
            XDG_DATA_HOME=str(self.root / "data"),
            XDG_CACHE_HOME=str(self.root / "cache"),
            XDG_STATE_HOME=str(self.root / "state"),
            LANG="C.UTF-8",
        )
        dbus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.processes.append(dbus)
        assert dbus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = dbus.stdout.readline().decode().strip()
        self._spawn([BUS_LAUNCHER, "--launch-immediately"], env, logs / "at-spi-bus.log")
        self.env = env
        _wait_for(lambda: self.reader("apps", check=False) is not None, 10, "the AT-SPI bus")

    def _spawn(self, argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        with log.open("ab") as out:
            process = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def reader(self, *args: str, check: bool = True) -> list[Node] | None:
        """``reader.py ARGS`` under the system Python: its JSON lines."""
        done = subprocess.run(
            [SYSTEM_PYTHON, str(READER), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0:
            if check:
                raise RuntimeError(f"reader.py {' '.join(args)} failed:\n{done.stderr}")
            return None
        return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]

    def stop(self) -> None:
        for process in reversed(self.processes):
            _end(process)
            if process.stdout is not None:
                process.stdout.close()
        self.processes.clear()


def _end(process: subprocess.Popen[Any], grace: float = 5.0) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def desktop(root: Path) -> Iterator[Desktop]:
    screen = Desktop(root)
    try:
        screen.start()
        yield screen
    finally:
        screen.stop()


def prepare_bank(path: Path, language: str = "en", name: str = "Ada") -> Path:
    """A bank holding the built-in packs, the sample pack (one question of each type) and
    one learner speaking ``language``: what the app opens on start."""
    from quiz_app.services.bank import open_bank
    from quiz_app.services.learners import create_learner
    from quiz_app.services.packs import import_pack

    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    database = open_bank(str(path))
    try:
        import_pack(database, SAMPLE_PACK, now=now)
        create_learner(database, name, language=language, now=now)
    finally:
        database.close()
    return path


@dataclass
class App:
    """The quiz app running on ``screen``, driven by keys and read from outside."""

    screen: Desktop
    process: subprocess.Popen[bytes]
    log: Path
    window: str = ""
    listener: subprocess.Popen[bytes] | None = None
    events_file: Path | None = None

    @property
    def pid(self) -> int:
        return self.process.pid

    # -- reading --------------------------------------------------------------------------
    def focused(self) -> Node | None:
        """The control with the keyboard focus; inside a tree or list, its current item
        under ``"item"``."""
        found = self.screen.reader("focused", "--pid", str(self.pid))
        assert found is not None
        control: Node | None = found[0]["focused"]
        if control is not None:
            control["item"] = found[0]["item"]
        return control

    def tree(self) -> list[Node]:
        nodes = self.screen.reader("tree", "--pid", str(self.pid))
        assert nodes is not None
        return nodes

    def wait_focused(self, check: Callable[[Node], bool], what: str, timeout: float = 10.0) -> Node:
        last: list[Node | None] = [None]

        def probe() -> Node | None:
            node = self.focused()
            last[0] = node
            return node if node is not None and check(node) else None

        try:
            return _wait_for(probe, timeout, what)  # type: ignore[no-any-return]
        except TimeoutError as err:
            raise AssertionError(f"focus never reached {what}; last focused: {last[0]}") from err

    # -- keys -----------------------------------------------------------------------------
    def key(self, *keys: str, settle: float = 0.25) -> None:
        """Press keys (xdotool names: ``Tab``, ``Return``, ``space``, ``alt+p``, ``1``)."""
        subprocess.run(
            ["xdotool", "key", "--clearmodifiers", "--delay", "60", *keys],
            env=self.screen.env,
            check=True,
        )
        time.sleep(settle)

    def type(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "40", text], env=self.screen.env, check=True)
        time.sleep(0.25)

    # -- events ---------------------------------------------------------------------------
    def listen(self, seconds: float = 600.0) -> None:
        """Start recording what a screen reader hears; ``events()`` reads it so far."""
        assert self.listener is None
        self.events_file = self.log.with_name("events.jsonl")
        ready = self.log.with_name("listener.ready")
        with self.events_file.open("wb") as out:
            self.listener = subprocess.Popen(
                [
                    SYSTEM_PYTHON,
                    str(READER),
                    "listen",
                    str(seconds),
                    "--pid",
                    str(self.pid),
                    "--ready",
                    str(ready),
                ],
                env=self.screen.env,
                stdout=out,
                stderr=subprocess.DEVNULL,
            )
        _wait_for(ready.exists, 10, "the event listener")

    def events(self) -> list[Node]:
        assert self.events_file is not None
        lines = self.events_file.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def stop(self) -> None:
        if self.listener is not None:
            _end(self.listener)
        _end(self.process)


def launch(screen: Desktop, bank: Path, folder: Path) -> App:
    """Start the app on ``bank`` with Qt's AT-SPI bridge on; return once its window is on
    the accessibility bus and holds the keyboard focus."""
    env = dict(screen.env)
    for key, name in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):  # settings, logs and crash notes of this run alone
        env[key] = str(folder / name)
    env.update(
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
        QT_QPA_PLATFORM="xcb",
        PYTHONUNBUFFERED="1",
    )
    log = folder / "app.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "quiz_app", "--db", str(bank)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    app = App(screen, process, log)
    try:
        window = _wait_for(lambda: _window_of(screen, process), 30, "the app's window")
        app.window = window
        # No window manager runs on Xvfb: give the window the X input focus ourselves.
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=screen.env, check=True)
        app.wait_focused(lambda node: True, "any control of the window", timeout=20)
    except BaseException:
        app.stop()
        raise
    return app


def _window_of(screen: Desktop, process: subprocess.Popen[bytes]) -> str | None:
    if process.poll() is not None:
        raise RuntimeError(f"the app exited with {process.returncode}")
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(process.pid)],
        env=screen.env,
        capture_output=True,
        text=True,
        check=False,
    )
    windows = found.stdout.split()
    return windows[-1] if windows else None


# -- reading the tree -----------------------------------------------------------------------
def shown(nodes: list[Node]) -> list[Node]:
    """The nodes on screen: showing, and so is every ancestor (Qt leaves the items of a
    hidden page's tree marked showing). ``nodes`` in ``tree`` order, depth first."""
    hidden: set[tuple[int, ...]] = set()
    kept = []
    for node in nodes:
        path = tuple(node["path"])
        parent_hidden = any(path[:i] in hidden for i in range(len(path)))
        if parent_hidden or not {"showing", "visible"} <= set(node["states"]):
            hidden.add(path)
        else:
            kept.append(node)
    return kept


def focusable_controls(nodes: list[Node]) -> list[Node]:
    """What Tab can reach among ``nodes`` (a tree's cells are counted apart)."""
    return [n for n in nodes if "focusable" in n["states"] and n["role"] not in ITEM_ROLES]


def unnamed(nodes: list[Node]) -> list[Node]:
    return [n for n in nodes if not n["name"].strip() and not n["labelled_by"]]


def describe_node(node: Node | None) -> str:
    if node is None:
        return "nothing"
    said = f"{node['role']} {node['name']!r}"
    if node["description"]:
        said += f" ({node['description']!r})"
    if node.get("item"):
        said += f" at {describe_node(node['item'])}"
    return said
