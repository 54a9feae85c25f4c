"""Mutation testing of chosen modules, and their scores.

    .venv/bin/python tools/mutation.py quiz_app/core/grading.py packs/gift ...
    .venv/bin/python tools/mutation.py --report-only core/grading
    .venv/bin/python tools/mutation.py --sample 05 packs/gift   # mutants numbered *0, *5

Runs mutmut (configured in pyproject.toml, [tool.mutmut]) on the mutants of the named
modules only, then prints per module: mutants, caught (killed or timed out), survivors,
mutants no test reaches, the known equivalents listed in docs/mutation.md, and the score
caught / (mutants - known equivalents). Survivors that are not known equivalents are
listed by name: ``.venv/bin/mutmut show NAME`` prints the changed line.

Slow (a few minutes per module on two cores): run it before calling a change to grading,
drawing, import planning, a format reader or the scheduler done, not in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "docs" / "mutation.md"
CAUGHT = {1, 3, 24, -24, 36, 152, 255, 37}  # killed, pytest error, timeout, type check
NO_TESTS = {5, 33}


def module_name(arg: str) -> str:
    """``quiz_app/core/grading.py``, ``core/grading`` or ``quiz_app.core.grading``."""
    name = arg.removesuffix(".py").replace("/", ".").replace("\\", ".").strip(".")
    if not name.startswith("quiz_app."):
        name = "quiz_app." + name
    if not (ROOT / (name.replace(".", "/") + ".py")).is_file():
        raise SystemExit(f"no module {arg!r} ({name.replace('.', '/')}.py)")
    return name


def known_equivalents() -> set[str]:
    """The mutant names listed under "## Known equivalent mutants" in docs/mutation.md;
    only there: a name quoted elsewhere in the file (a survivor being discussed) once
    counted as an equivalent and raised the score."""
    if not EQUIVALENTS.is_file():
        return set()
    return equivalents_in(EQUIVALENTS.read_text("utf-8"))


def equivalents_in(text: str) -> set[str]:
    section = text.partition("\n## Known equivalent mutants\n")[2].split("\n## ")[0]
    return set(re.findall(r"`(quiz_app\.[\w.]+__mutmut_\d+)`", section))


def results(module: str) -> dict[str, int | None]:
    meta = ROOT / "mutants" / (module.replace(".", "/") + ".py.meta")
    if not meta.is_file():
        return {}
    codes: dict[str, int | None] = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
    return codes


def report(modules: list[str]) -> int:
    """Print each module's figures and the mutants not caught; 1 if any was not run."""
    equivalent = known_equivalents()
    print(
        f"{'module':34} {'mutants':>7} {'caught':>6} {'surv.':>5} {'no test':>7} "
        f"{'not run':>7} {'equiv.':>6} {'score':>6}"
    )
    lost: list[str] = []
    incomplete = False
    for module in modules:
        codes = results(module)
        caught = sum(1 for c in codes.values() if c in CAUGHT)
        unchecked = sum(1 for c in codes.values() if c is None)
        untested = sum(1 for c in codes.values() if c in NO_TESTS)
        # An equivalent not yet run is "not run", not an equivalent: counted as both, it
        # made a partial run's survivors negative and its score over 100%.
        eq = sum(1 for n, c in codes.items() if n in equivalent and c not in CAUGHT | {None})
        missed = [n for n, c in codes.items() if c is not None and c not in CAUGHT]
        survived = len(missed) - untested - eq
        lost += sorted(
            (n for n in missed if n not in equivalent),
            key=lambda n: (n.rsplit("__mutmut_", 1)[0], int(n.rsplit("_", 1)[1])),
        )
        counted = len(codes) - eq - unchecked
        score = f"{100 * caught / counted:5.1f}%" if counted else "    -"
        incomplete |= unchecked > 0 or not codes
        print(
            f"{module:34} {len(codes):7} {caught:6} {survived:5} {untested:7} "
            f"{unchecked:7} {eq:6} {score:>6}"
        )
    if lost:
        print("\nnot caught (`.venv/bin/mutmut show NAME` prints the change):")
        for name in lost:
            print("  " + name)
    return 1 if incomplete else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="+", help="quiz_app/core/grading.py, core/grading ...")
    parser.add_argument("--jobs", type=int, default=1, help="mutmut --max-children (default 1)")
    parser.add_argument("--report-only", action="store_true", help="print the last results")
    parser.add_argument(
        "--sample",
        metavar="DIGITS",
        help="only the mutants whose number ends in one of DIGITS (05: a fifth of them); "
        "the others are reported as not run and left out of the score",
    )
    args = parser.parse_args()
    modules = [module_name(m) for m in args.modules]
    if not args.report_only:
        mutmut = Path(sys.executable).with_name("mutmut")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        pattern = f"*[{args.sample}]" if args.sample else "*"
        for module in modules:  # one at a time: a module's survivors are known as it ends
            subprocess.run(  # noqa: S603 - our own tool, our own arguments
                [str(mutmut), "run", "--max-children", str(args.jobs), f"{module}.{pattern}"],
                cwd=ROOT,
                env=env,
                check=False,
                stdout=subprocess.DEVNULL,
            )
    return report(modules)


if __name__ == "__main__":
    sys.exit(main())
