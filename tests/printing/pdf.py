"""Reading a printed PDF back as a person would: its pages' text and its images
(poppler's pdftotext and pdfimages; ``.ci/run`` installs poppler-utils)."""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest

from quiz_app.core.paper import PaperQuestion, PaperQuiz
from quiz_app.core.questions import Pack
from quiz_app.core.shuffle import presentation_order
from quiz_app.packs.native import load_pack
from quiz_app.services.paper import image_names
from tests.conftest import DATA

PRINT_PACK = DATA / "print-pack"

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfimages") is None,
    reason="poppler-utils (pdftotext, pdfimages) is not installed; .ci/run installs it",
)


def _run(tool: str, pdf: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quiz.pdf"
        path.write_bytes(pdf)
        done = subprocess.run(
            [tool, *args, str(path), "-"], capture_output=True, check=True, text=True
        )
    return done.stdout


RADICALS = str.maketrans(
    "⻚⻜⻛⻓⻔⻢⻋⻅⻰⻘⻝⻥⻦⻨⻩⻬⻮⻄⺠⻉⻊⻣⻤",
    "页飞风长门马车见龙青食鱼鸟麦黄齐齿西民贝足骨鬼",
)
"""Radicals that Noto CJK draws with a hanzi's glyph and that have no NFKC form."""


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page as a reader copies it, with one known flaw of Qt's PDF
    undone: the text of a hanzi whose glyph a radical shares is written as the radical
    (月 as ⽉, 页 as ⻚), the lowest code point of the glyph. It prints right; only
    copying and searching see the radical (see docs/printing.md)."""
    text = _run("pdftotext", pdf, "-layout")
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [unicodedata.normalize("NFKC", page).translate(RADICALS) for page in pages]


def pdf_images(pdf: bytes) -> list[tuple[int, int, int]]:
    """(page, width, height) of each image drawn, a drawing used twice counted twice."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quiz.pdf"
        path.write_bytes(pdf)
        done = subprocess.run(
            ["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True
        )
    rows = done.stdout.splitlines()[2:]
    return [(int(r.split()[0]), int(r.split()[3]), int(r.split()[4])) for r in rows]


def print_pack() -> Pack:
    return load_pack(PRINT_PACK)


def paper_of(pack: Pack, seed: int = 3, folder: Path = PRINT_PACK) -> PaperQuiz:
    """Every question of ``pack`` as a paper quiz, with each image its texts name that
    is in ``folder`` (inline ones too, which the bank would have)."""
    rng = random.Random(f"orders:{seed}")
    questions = tuple(
        PaperQuestion(pack.info.id, q, presentation_order(q.body, rng)) for q in pack.questions
    )
    media = {
        (pack.info.id, name): (folder / name).read_bytes()
        for q in pack.questions
        for name in sorted(image_names(q))
        if (folder / name).is_file()
    }
    return PaperQuiz(questions, seed, ((pack.info.id, pack.info.version),), media)
