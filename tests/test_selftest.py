"""``--self-test``: what a teacher runs on a computer to see whether the app works there
(and what CI runs in the frozen bundle, packaging/check-bundle)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

STEPS = (
    "find the built-in packs",
    "open a fresh bank",
    "import the built-in packs",
    "draw a quiz",
    "answer and grade the quiz",
    "start Qt offscreen",
    "find Qt's plugins and the app's assets",
    "render a question offscreen",
)


def _user_files() -> list[Path]:
    """Every file in the user's data, config, state and cache folders (conftest points
    them at this test's own folder)."""
    found: list[Path] = []
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        found += [p for p in Path(os.environ[name]).rglob("*") if p.is_file()]
    return found


@pytest.mark.slow
def test_python_m_quiz_app_self_test_passes_every_step_and_leaves_the_user_alone() -> None:
    env = {**os.environ}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen by itself
    before = _user_files()
    result = subprocess.run(
        [sys.executable, "-m", "quiz_app", "--self-test"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # not even Qt's offscreen chatter
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"ok    {s}" for s in STEPS]
    imported = re.search(r"import the built-in packs: 2 packs, (\d+) questions", lines[3])
    assert imported is not None, lines[3]
    assert int(imported.group(1)) > 0
    assert "9 of 10 right, as answered" in lines[5]  # one answered wrongly on purpose
    assert lines[-1].startswith(f"self-test passed: {len(STEPS)} steps in ")
    assert _user_files() == before  # no bank, settings or log of the user's was made


def test_the_command_line_offers_it() -> None:
    from quiz_app.cli.main import build_parser

    assert build_parser().parse_args(["--self-test"]).self_test is True
    assert build_parser().parse_args([]).self_test is False
    assert "--self-test" in build_parser().format_help()


def _run() -> tuple[int, str, str]:
    from quiz_app.selftest import run_self_test

    out, err = io.StringIO(), io.StringIO()
    code = run_self_test(out, err)
    return code, out.getvalue(), err.getvalue()


def test_no_built_in_packs_fails_at_the_first_step_saying_where_it_looked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import quiz_app.services.packs as packs

    monkeypatch.setattr(packs, "builtin_packs_dir", lambda: tmp_path)
    code, out, err = _run()
    assert code == 1
    assert "ok " not in out
    assert f"FAILED find the built-in packs: no built-in packs in {tmp_path}" in err
    assert "Traceback" not in err  # a finding, not a bug: the message says it all
    assert err.rstrip().endswith(
        "self-test failed at 'find the built-in packs' after 0 step(s) passed"
    )


def test_a_wrong_grade_is_a_failure_naming_the_question(monkeypatch: pytest.MonkeyPatch) -> None:
    import quiz_app.services.quiz as quiz

    monkeypatch.setattr(quiz, "grade", lambda body, response: 0.5)
    code, out, err = _run()
    assert code == 1
    assert out.count("\nok ") == 4  # found, opened, imported, drawn
    assert re.search(r"FAILED answer and grade the quiz: question \d+ scored 0.5, expected", err)


def test_a_bug_in_a_step_shows_its_traceback_and_the_step(monkeypatch: pytest.MonkeyPatch) -> None:
    import quiz_app.services.quiz as quiz

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("the drawing machine broke")

    monkeypatch.setattr(quiz, "start_quiz", broken)
    code, _, err = _run()
    assert code == 1
    assert "FAILED draw a quiz: RuntimeError: the drawing machine broke" in err
    assert "Traceback (most recent call last)" in err
    assert "self-test failed at 'draw a quiz' after 3 step(s) passed" in err


def test_a_missing_image_plugin_is_named(monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    import quiz_app.ui.selftest as qt

    monkeypatch.setattr(qt, "IMAGE_FORMATS", ("png", "svg", "heic-of-the-moon"))
    code, out, err = _run()
    assert code == 1
    assert "ok    start Qt offscreen" in out
    assert (
        "FAILED find Qt's plugins and the app's assets: Qt cannot read heic-of-the-moon images"
        in err
    )
    assert "Traceback" not in err
