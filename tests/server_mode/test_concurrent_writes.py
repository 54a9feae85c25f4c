"""Several computers writing at once (issue 14, item 3), each a real process: the same
answer sent twice, one learner name taken twice. On SQLite and on PostgreSQL alike."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.bank import open_bank
from quiz_app.services.learners import create_learner, list_learners
from quiz_app.services.quiz import quiz_questions, start_quiz
from quiz_app.services.server import init_server
from quiz_app.storage.models import ANSWER
from tests.conftest import NOW

ROOT = Path(__file__).parent.parent.parent
COMPUTERS = 8

_SUBMIT = """
import json, sys, time
from quiz_app.core.errors import QuizError
from quiz_app.core.responses import response_from_json
from quiz_app.services.bank import open_bank
from quiz_app.services.quiz import submit_answer
url, quiz, question, given, start = sys.argv[1:6]
bank = open_bank(url)
time.sleep(max(0.0, float(start) - time.time()))
try:
    submit_answer(bank, int(quiz), int(question), json.loads(given), 900)
    print("saved")
except QuizError as err:
    print("refused: " + err.message("en"))
bank.close()
"""

_CREATE = """
import sys, time
from quiz_app.core.errors import QuizError
from quiz_app.services.bank import open_bank
from quiz_app.services.learners import create_learner
url, name, start = sys.argv[1:4]
bank = open_bank(url)
time.sleep(max(0.0, float(start) - time.time()))
try:
    create_learner(bank, name)
    print("created")
except QuizError as err:
    print("refused: " + err.message("en"))
bank.close()
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def bank_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'bank.sqlite3'}"
        open_bank(url).close()
        return url
    url = str(request.getfixturevalue("empty_server"))
    init_server(url, now=NOW)
    return url


def _at_once(program: str, *args: str) -> list[str]:
    """``program`` run by COMPUTERS processes that start its work at the same moment."""
    start = repr(time.time() + 6.0)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", program, *args, start],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(COMPUTERS)
    ]
    results = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0] * COMPUTERS, [e for _, e in results if e][:1]
    return sorted(out.strip() for out, _ in results)


def test_the_same_answer_sent_from_several_computers_is_kept_once(bank_url: str) -> None:
    from quiz_app.core.responses import response_to_json

    bank = open_bank(bank_url)
    try:
        ada = create_learner(bank, "Ada", now=NOW).value
        quiz = start_quiz(bank, ada.id, QuizSettings(count=5), seed=3, now=NOW).value
        question = quiz_questions(bank, quiz)[0]
        given = json.dumps(response_to_json(right_response(question.question.body)))
    finally:
        bank.close()
    said = _at_once(_SUBMIT, bank_url, str(quiz.id), str(question.id), given)
    refusal = "refused: This question has already been answered in this quiz."
    assert said == ["refused: " + refusal[9:]] * (COMPUTERS - 1) + ["saved"]
    bank = open_bank(bank_url)
    try:
        with bank.reading() as session:
            stored = session.execute(
                select(func.count()).where(
                    ANSWER.c.session_id == quiz.id, ANSWER.c.question_id == question.id
                )
            ).scalar_one()
        assert stored == 1
    finally:
        bank.close()


def test_one_name_taken_by_several_computers_at_once_makes_one_learner(bank_url: str) -> None:
    said = _at_once(_CREATE, bank_url, "Ada")
    assert said == ["created"] + ["refused: There is already a learner called Ada."] * (
        COMPUTERS - 1
    )
    bank = open_bank(bank_url)
    try:
        assert [one.name for one in list_learners(bank)] == ["Ada"]
    finally:
        bank.close()


def test_a_second_import_of_one_pack_waits_for_the_first_and_finds_it(bank_url: str) -> None:
    """Two teachers import one pack at once: the second, holding its plan for a bank
    without the pack, reaches the write while the first is writing. It must wait, then
    see the first's pack (unchanged), not insert the pack a second time."""
    import threading

    from quiz_app.core.importing import ImportControl
    from quiz_app.services.packs import import_pack
    from tests.conftest import DATA

    reached, release = threading.Event(), threading.Event()

    def hold_at_the_end(done: int, total: int) -> None:
        if done == total:  # written, not yet committed
            reached.set()
            release.wait(30)

    outcomes: dict[str, object] = {}

    def teacher(name: str, control: ImportControl | None) -> None:
        bank = open_bank(bank_url, builtin=False)
        try:
            outcomes[name] = import_pack(bank, DATA / "sample-pack", control=control).applied
        except Exception as err:  # the outcome under test, whatever it is
            outcomes[name] = err
        finally:
            bank.close()

    first = threading.Thread(target=teacher, args=("first", ImportControl(hold_at_the_end)))
    first.start()
    assert reached.wait(60)
    second = threading.Thread(target=teacher, args=("second", None))
    second.start()
    second.join(1.5)
    assert second.is_alive()  # waiting for the first to end
    release.set()
    first.join(60)
    second.join(60)
    assert outcomes == {"first": True, "second": False}
