"""``quiz-app quiz print``: exit codes, messages in the print's language, the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz_app.__main__ import main
from tests.cli.test_cli import no_builtin, run  # noqa: F401 (a fixture)
from tests.conftest import SAMPLE_PACK
from tests.printing.pdf import needs_poppler, pdf_pages

pytestmark = [pytest.mark.usefixtures("no_builtin", "qapp")]


@pytest.fixture
def bank(db_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", db_url, "packs", "import", str(SAMPLE_PACK)]) == 0
    capsys.readouterr()
    return db_url


@needs_poppler
def test_print_writes_the_quiz_and_says_how_to_print_it_again(
    capsys: pytest.CaptureFixture[str], bank: str, tmp_path: Path
) -> None:
    out_file = tmp_path / "quiz.pdf"
    code, out, err = run(
        capsys, "--db", bank, "quiz", "print", "--out", str(out_file), "--count", "3", "--seed", "7"
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Wrote {out_file}: 3 question(s) on 2 page(s), the answer key from page 2.",
        "Seed 7: the same command with --seed 7 prints this quiz again from the same bank.",
    ]
    pages = pdf_pages(out_file.read_bytes())
    assert len(pages) == 2
    assert "Sample pack" in pages[0]  # one pack: its title heads the paper
    assert "Answer key" in pages[1]
    assert "sample 1.0.0 · seed 7 ·" in pages[0]
    # The same seed again: the same questions, in the same order, with the same letters.
    again = tmp_path / "again.pdf"
    assert (
        main(["--db", bank, "quiz", "print", "--out", str(again), "--count", "3", "--seed", "7"])
        == 0
    )
    assert pdf_pages(again.read_bytes()) == pages


@needs_poppler
def test_without_a_seed_one_is_drawn_and_shown(
    capsys: pytest.CaptureFixture[str], bank: str, tmp_path: Path
) -> None:
    out_file = tmp_path / "quiz.pdf"
    code, out, _ = run(capsys, "--db", bank, "quiz", "print", "--out", str(out_file), "--no-key")
    assert code == 0
    found = re.search(r"^Seed (\d+): ", out, re.MULTILINE)
    assert found is not None
    assert "answer key" not in out
    text = " ".join(pdf_pages(out_file.read_bytes()))
    assert f"seed {found.group(1)} ·" in text
    assert "Answer key" not in text
    # No --count: every question of the bank, all seven.
    assert "7. " in text
    assert "8. " not in text


@needs_poppler
def test_a_chinese_print_speaks_chinese(
    capsys: pytest.CaptureFixture[str], bank: str, tmp_path: Path
) -> None:
    out_file = tmp_path / "测验.pdf"
    code, out, _ = run(
        capsys,
        "--db", bank, "quiz", "print", "--out", str(out_file),
        "--lang", "zh", "--topic", "science", "--seed", "3", "--title", "第一单元",
    )  # fmt: skip
    assert code == 0
    assert out.startswith(f"已写入 {out_file}：3 道题，共 ")
    assert "种子 3：" in out
    pages = pdf_pages(out_file.read_bytes())
    assert "第一单元" in pages[0]
    assert "答案" in pages[-1]


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (["--pack", "nope"], "No pack 'nope' in the bank", "题库中没有题包“nope”"),
        (["--topic", "nope"], "No topic 'nope'", "没有主题“nope”"),
        (["--count", "0"], "at least one question", "至少要有一道题"),
    ],
)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_what_cannot_be_printed_is_said_in_the_print_language(
    capsys: pytest.CaptureFixture[str],
    bank: str,
    tmp_path: Path,
    args: list[str],
    english: str,
    chinese: str,
    language: str,
) -> None:
    out_file = tmp_path / "quiz.pdf"
    code, out, err = run(
        capsys, "--db", bank, "quiz", "print", "--out", str(out_file), "--lang", language, *args
    )
    assert (code, out) == (1, "")
    assert (english if language == "en" else chinese) in err
    assert not out_file.exists()


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("quiz.txt", "give a file name ending in .pdf"),
        ("missing/quiz.pdf", "There is no folder"),
        ("taken.pdf", "already exists; choose a new name"),
    ],
)
def test_a_bad_path_is_refused_before_anything_is_drawn(
    capsys: pytest.CaptureFixture[str], bank: str, tmp_path: Path, name: str, english: str
) -> None:
    (tmp_path / "taken.pdf").write_bytes(b"a teacher's earlier print")
    code, out, err = run(capsys, "--db", bank, "quiz", "print", "--out", str(tmp_path / name))
    assert (code, out) == (1, "")
    assert english in err
    assert (tmp_path / "taken.pdf").read_bytes() == b"a teacher's earlier print"


def test_out_is_required(capsys: pytest.CaptureFixture[str], bank: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db", bank, "quiz", "print"])
    assert stopped.value.code == 2
    assert "--out" in capsys.readouterr().err
