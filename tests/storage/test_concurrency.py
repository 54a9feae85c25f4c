"""Several processes writing to one SQLite bank at once lose nothing and fail nothing
(issue 10): two learners answering, a teacher importing packs and merging results."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.concurrency import prepare_bank, run_mix
from tests.conftest import sqlite_only


@pytest.mark.slow
@sqlite_only("its bank is an SQLite file whatever the run; tests/server_mode has the server's")
def test_learners_answering_while_a_teacher_imports_and_merges(tmp_path: Path) -> None:
    # 1,000 questions, so an import holds the bank for a while; each of the teacher's
    # commands runs twice at least, however slow a loaded machine is, while the learners
    # answer on.
    bank = prepare_bank(tmp_path, questions=1000)
    report = run_mix(bank, seconds=4.0, min_runs=2)

    assert report.failures == []
    saved = [answer for log in report.learners for answer in log.saved]
    assert len(saved) >= 20  # both learners kept answering through it all
    assert all(log.saved for log in report.learners)
    assert report.lost_answers == 0
    # Each command really ran and wrote more than once while the learners answered.
    assert len(report.imports.runs) >= 2
    assert len(report.merges.runs) >= 2
    assert report.merged_answers_missing == 0
    assert report.integrity == []
