"""``change-quiz --self-test``: does this copy of the app work on this computer?

Runs what a first start does, end to end, without touching the user's own bank or
settings: a fresh bank in a temporary folder, the built-in packs imported into it, a
quiz drawn and answered (one answer wrong on purpose) and graded, and a question drawn
on Qt's offscreen platform. Each step prints one line; the first that fails is named
with what went wrong, and the exit code is non-zero. Written for a frozen bundle (the
data files, Alembic's scripts and Qt's plugins must all have come along) as much as for
a checkout or a wheel.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO, TypeVar

from quiz_app import __version__

T = TypeVar("T")

QUIZ_LENGTH = 10
SEED = 20261204


class SelfTestError(Exception):
    """A check that ran but did not see what it should have."""


@dataclass
class SelfTest:
    """Runs named steps in order, printing one line each; stops at the first failure."""

    out: TextIO
    passed: list[str] = field(default_factory=list)

    def step(self, name: str, action: Callable[[], tuple[T, str]]) -> T:
        started = time.perf_counter()
        try:
            value, detail = action()
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt):
                raise
            raise _StepError(name, error) from error
        took = time.perf_counter() - started
        self.out.write(f"ok    {name}: {detail} ({took:.2f} s)\n")
        self.out.flush()
        self.passed.append(name)
        return value


class _StepError(Exception):
    def __init__(self, step: str, error: BaseException) -> None:
        super().__init__(step)
        self.step = step
        self.error = error


@contextmanager
def _isolated_home(root: Path) -> Iterator[None]:
    """Settings, logs and the default bank go under ``root`` while the test runs: the
    user's own are neither read nor written."""
    names = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
    saved = {name: os.environ.get(name) for name in (*names, "QUIZ_APP_DB")}
    for name in names:
        os.environ[name] = str(root / name.lower())
    os.environ.pop("QUIZ_APP_DB", None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_self_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every step; 0 when all passed, 1 (and the failed step named) otherwise."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    out.write(f"Chang'e Quiz {__version__} self-test ({_where()})\n")
    test = SelfTest(out)
    started = time.perf_counter()
    try:
        with (
            tempfile.TemporaryDirectory(prefix="change-quiz-self-test-") as folder,
            _isolated_home(Path(folder)),
        ):
            _run_steps(test, Path(folder))
    except _StepError as failed:
        error = failed.error
        detail = str(error) if isinstance(error, SelfTestError) else _describe(error)
        err.write(f"FAILED {failed.step}: {detail}\n")
        if not isinstance(error, SelfTestError):
            err.write("".join(traceback.format_exception(error)))
        err.write(f"self-test failed at '{failed.step}' after {len(test.passed)} step(s) passed\n")
        return 1
    took = time.perf_counter() - started
    out.write(f"self-test passed: {len(test.passed)} steps in {took:.1f} s\n")
    return 0


def _seen(seen: tuple[bool, str]) -> tuple[None, str]:
    ok, text = seen
    if not ok:
        raise SelfTestError(text)
    return None, text


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _where() -> str:
    if getattr(sys, "frozen", False):
        return f"bundle at {Path(sys.executable).parent}"
    return f"Python {sys.version.split()[0]} at {sys.executable}"


def _run_steps(test: SelfTest, folder: Path) -> None:
    from quiz_app.core.bank import DrawFilter
    from quiz_app.core.grading import Response, right_response
    from quiz_app.core.questions import SingleChoice
    from quiz_app.core.quiz import QuizSettings
    from quiz_app.services.bank import check_bank, open_bank
    from quiz_app.services.learners import create_learner
    from quiz_app.services.packs import builtin_packs_dir, install_builtin_packs, list_packs
    from quiz_app.services.quiz import (
        draw_quiz,
        finish_quiz,
        quiz_questions,
        start_quiz,
        submit_answer,
    )

    def find_packs() -> tuple[Path, str]:
        root = builtin_packs_dir()
        found = sorted(p.name for p in root.glob("*/pack.toml") if p.is_file())
        if not found:
            raise SelfTestError(f"no built-in packs in {root}")
        return root, f"{len(found)} in {root}"

    test.step("find the built-in packs", find_packs)

    def open_fresh() -> tuple[object, str]:
        database = open_bank(str(folder / "bank.sqlite3"), builtin=False)
        check = check_bank(database)
        if not check.healthy:
            database.close()
            problems = "; ".join(check.problems) or f"schema {check.schema}"
            raise SelfTestError(f"the new bank is not healthy: {problems}")
        return database, f"schema {check.schema} at {check.url}"

    from quiz_app.services.bank import Database

    database = test.step("open a fresh bank", open_fresh)
    assert isinstance(database, Database)
    try:

        def import_packs() -> tuple[None, str]:
            plans = install_builtin_packs(database)
            packs = list_packs(database)
            questions = sum(p.question_count for p in packs)
            if not plans or len(packs) != len(plans) or questions == 0:
                raise SelfTestError(
                    f"{len(plans)} pack(s) imported, the bank holds {len(packs)} "
                    f"with {questions} question(s)"
                )
            return None, f"{len(packs)} packs, {questions} questions"

        test.step("import the built-in packs", import_packs)

        learner = create_learner(database, "Self-test").value

        def draw() -> tuple[object, str]:
            quiz = start_quiz(
                database, learner.id, QuizSettings(count=QUIZ_LENGTH), seed=SEED
            ).value
            if len(quiz.question_ids) != QUIZ_LENGTH:
                raise SelfTestError(
                    f"asked for {QUIZ_LENGTH} questions, got {len(quiz.question_ids)}"
                )
            return quiz, f"{len(quiz.question_ids)} questions"

        quiz = test.step("draw a quiz", draw)
        from quiz_app.core.quiz import QuizSession

        assert isinstance(quiz, QuizSession)

        def grade() -> tuple[None, str]:
            questions = {q.id: q for q in quiz_questions(database, quiz)}
            wrong_given = False
            for question_id in quiz.question_ids:
                body = questions[question_id].question.body
                response: Response = right_response(body)
                expected = 1.0
                if isinstance(body, SingleChoice) and not wrong_given:
                    response = next(c.id for c in body.choices if c.id != body.answer)
                    expected, wrong_given = 0.0, True
                outcome = submit_answer(database, quiz.id, question_id, response, 1000)
                if outcome.score != expected:
                    raise SelfTestError(
                        f"question {question_id} scored {outcome.score}, expected {expected}"
                    )
            finished = finish_quiz(database, quiz.id).value
            if not finished.finished or len(finished.answers) != QUIZ_LENGTH:
                raise SelfTestError(
                    f"the quiz holds {len(finished.answers)} answers after finishing"
                )
            right = sum(1 for a in finished.answers.values() if a.score == 1.0)
            return None, f"{right} of {QUIZ_LENGTH} right, as answered"

        test.step("answer and grade the quiz", grade)

        from quiz_app.ui import selftest as qt

        test.step("start Qt offscreen", lambda: _seen(qt.start_offscreen()))
        test.step("find Qt's plugins and the app's assets", lambda: _seen(qt.qt_checks()))

        def render() -> tuple[None, str]:
            again = start_quiz(database, learner.id, QuizSettings(count=3), seed=SEED).value
            with_image = next(
                (
                    q
                    for q in draw_quiz(database, DrawFilter(), 10_000, seed=SEED)
                    if q.question.image is not None
                ),
                None,
            )
            return _seen(qt.render_question(database, again, with_image))

        test.step("render a question offscreen", render)
    finally:
        database.close()
