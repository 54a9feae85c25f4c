"""A results file's problems read in Chinese, for a teacher whose app speaks it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz_app.core.errors import ResultsFileError
from quiz_app.services.results_file import MAX_PROBLEMS, read_results_file
from tests.packs.bilingual import CJK

HEADER = {
    "format": "change-quiz-results",
    "version": 1,
    "exported_at": "2026-11-24T12:00:00+00:00",
    "app": "0.1",
}
LEARNER = {"kind": "learner", "name": "Ada", "colour": "#16a34a", "language": "zh"}


def _refused(path: Path, lines: list[object]) -> ResultsFileError:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with pytest.raises(ResultsFileError) as caught:
        read_results_file(path)[1].raise_if_any()
    return caught.value


def test_a_bad_line_reads_in_chinese(tmp_path: Path) -> None:
    error = _refused(tmp_path / "ada.jsonl", [HEADER, {**LEARNER, "colour": "red"}, [1]])
    assert error.message("zh").splitlines() == [
        "2 个问题：",
        "  ada.jsonl:2: learner 行：“colour”：应符合格式“^#[0-9A-Fa-f]{6}$”",
        "  ada.jsonl:3: 每一行都必须是 JSON 对象（发现：list）",
    ]
    assert str(error).splitlines()[1] == (
        "  ada.jsonl:2: learner: 'colour': string should match pattern '^#[0-9A-Fa-f]{6}$'"
    )


def test_the_problems_beyond_the_hundredth_are_counted_in_chinese(tmp_path: Path) -> None:
    extra = 3
    error = _refused(tmp_path / "many.jsonl", [HEADER] + [[n] for n in range(MAX_PROBLEMS + extra)])
    assert len(error.problems) == MAX_PROBLEMS + 1
    assert error.problems[-1].text("zh") == f"many.jsonl: ……还有 {extra} 个问题"
    assert error.message("zh").startswith(f"{MAX_PROBLEMS + 1} 个问题：\n")
    assert all(CJK.search(line) for line in error.message("zh").splitlines())


def test_a_folder_is_not_a_results_file(tmp_path: Path) -> None:
    with pytest.raises(ResultsFileError) as caught:
        read_results_file(tmp_path)
    assert [p.text("zh") for p in caught.value.problems] == [
        f"{tmp_path.name}: 是文件夹，不是结果文件"
    ]
