"""The one shape every benchmark reports its figures in, and how they are measured
apart from the benchmark's own process (CPU time, peak memory).

Each benchmark prints one JSON object with a ``checks`` list, each check
``{"name", "value", "target", "unit", "met"}``: ``met`` says whether ``value`` is within
``target``; a figure kept on record without a target has ``target`` and ``met`` null.
Where a baseline is measured in the same run, ``value`` is the ratio against it (unit
``x``), so a noisy machine moves both alike.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]


def at_most(name: str, value: float, target: float, unit: str) -> dict[str, Any]:
    """A figure that must not exceed ``target``."""
    return {"name": name, "value": value, "target": target, "unit": unit, "met": value <= target}


def below(name: str, value: float, target: float, unit: str) -> dict[str, Any]:
    """A figure that must stay under ``target``."""
    return {"name": name, "value": value, "target": target, "unit": unit, "met": value < target}


def on_record(name: str, value: float | None, unit: str) -> dict[str, Any]:
    """A figure kept to compare runs by, with no target (yet)."""
    return {"name": name, "value": value, "target": None, "unit": unit, "met": None}


PEAK_RSS = """
def peak_rss_kib():
    # This process's own peak: Linux's VmHWM belongs to the memory map exec made.
    # ru_maxrss is not that: it starts from the parent's RSS at the fork and survives
    # exec (a child of a 900 MB benchmark "peaked" at 900 MB before it did anything).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # elsewhere: KiB (Linux)
"""
"""Code for a child process: ``peak_rss_kib()``, its own peak resident memory in KiB."""

_CHILD = (
    PEAK_RSS
    + """
import json, resource, sys, time
from importlib import import_module
module, function, args = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
work = getattr(import_module(module), function)
before = resource.getrusage(resource.RUSAGE_SELF)
rss_before = peak_rss_kib()
wall = time.perf_counter()
result = work(*args)
wall = time.perf_counter() - wall
after = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "result": result,
    "wall_s": wall,
    "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
    "peak_rss_mb": peak_rss_kib() / 1024,
    "rss_before_mb": rss_before / 1024,
}))
"""
)


def in_child(module: str, function: str, *args: Any) -> dict[str, Any]:
    """``module.function(*args)`` in a fresh Python process, so that its peak memory is
    its own: the result, wall and CPU seconds of the call, the process's peak RSS (MB)
    and its peak before the call (Python alone: the call imports what it needs)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, module, function, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"{module}.{function} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return figures
