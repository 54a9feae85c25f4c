"""A quiz on paper, read back from the PDF as a teacher would see it."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from quiz_app.core.paper import PaperQuiz
from quiz_app.packs.native import load_pack
from quiz_app.printing.images import ImageStore
from quiz_app.printing.paper import PaperDocument, PrintedPaper, print_paper, version_line
from quiz_app.printing.sheet import Sheet
from tests.cli.test_cli import ROOT
from tests.printing.pdf import needs_poppler, paper_of, pdf_images, pdf_pages, print_pack

pytestmark = [needs_poppler, pytest.mark.usefixtures("qapp")]

WHEN = date(2026, 12, 3)
PROMPTS_EN = [
    "Which molecule did Chang'e-5 find as H2O in lunar glass beads?",
    "Which of these are true of a halo orbit around L2?",
    "About how many million km2 is the Moon's whole surface?",
    "Name the gas in this table",
    "Put these steps of a sample return in order.",
    "Match each formula with its name.",
    "The Moon turns once per orbit, so one side always faces Earth.",
    "Why is helium-3 in lunar soil of interest?",
]
"""The print pack's prompts as printed: Markdown rendered, H~2~O and km^2^ as H₂O and km²
(which the PDF's text spells H2O and km2)."""


def _print(paper: PaperQuiz, language: str = "en", *, answer_key: bool = True) -> PrintedPaper:
    line = version_line(paper, "0.1.0", WHEN, language)
    return print_paper(paper, language, title="Term test", version_line=line, answer_key=answer_key)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def english() -> tuple[PaperQuiz, PrintedPaper, list[str]]:
    paper = paper_of(print_pack())
    printed = _print(paper)
    return paper, printed, pdf_pages(printed.pdf)


def test_every_question_is_printed_with_its_markdown_rendered(
    english: tuple[PaperQuiz, PrintedPaper, list[str]],
) -> None:
    _, printed, pages = english
    assert printed.key_page is not None
    questions = _flat(" ".join(pages[: printed.key_page - 1]))
    for number, prompt in enumerate(PROMPTS_EN, start=1):
        assert f"{number}. {prompt}" in questions
    for markup in ("**", "~", "^", "`", "_always_", "*Water*", "H~2~O"):
        assert markup not in questions
    assert "H2O" in questions  # the 2 is there, below the line (see the sheet's HTML)
    assert "Symbol Mass He 4" in questions  # the prompt's table, cell by cell


def test_subscripts_and_emphasis_reach_the_page_as_formatting() -> None:
    paper = paper_of(print_pack())
    sheet = Sheet(paper, "en", ImageStore(paper.media, 380))
    first = sheet.questions("Term test").entries[0]
    assert "H<sub>2</sub>O" in first
    assert "<strong>Chang'e-5</strong>" in first


def test_the_key_begins_on_a_page_of_its_own_after_the_last_question(
    english: tuple[PaperQuiz, PrintedPaper, list[str]],
) -> None:
    _, printed, pages = english
    key = printed.key_page
    assert key is not None
    assert len(pages) == printed.pages
    assert next(i for i, page in enumerate(pages, start=1) if "Answer key" in page) == key
    last_question_page = max(page for page, _ in printed.question_pages)
    assert last_question_page == key - 1
    assert PROMPTS_EN[-1] in _flat(pages[key - 2])
    on_key = _flat(" ".join(pages[key - 1 :]))
    before_key = _flat(" ".join(pages[: key - 1]))
    # Explanations and right answers are on the key's pages only.
    explanation = "Glass beads from impacts hold water (H2O) in amounts of up to 2,000 ppm."
    assert explanation in on_key
    assert explanation not in before_key
    assert "Also accepted: He" in on_key
    assert "A possible fuel for fusion" in on_key  # the card's back
    assert "fuel" not in before_key


def test_the_key_names_the_letters_as_printed(
    english: tuple[PaperQuiz, PrintedPaper, list[str]],
) -> None:
    _, printed, pages = english
    assert printed.key_page is not None
    questions = _flat(" ".join(pages[: printed.key_page - 1]))
    key = _flat(" ".join(pages[printed.key_page - 1 :]))
    water = re.search(r"○ ([A-C]) Water", questions)
    assert water is not None
    assert f"1. {water.group(1)} Water" in key
    # Ordering: the key lists the printed letters first to last.
    found = re.findall(r"([A-D]) (Enter lunar orbit|Land|Lift off|Return to Earth)", questions)
    steps = {text: letter for letter, text in found}
    order = [steps[k] for k in ("Enter lunar orbit", "Land", "Lift off", "Return to Earth")]
    assert f"5. {' → '.join(order)} (first to last)" in key
    # Matching: each numbered item with the letter its partner was printed under.
    names = {
        text: letter
        for letter, text in re.findall(r"([A-C]) (water|carbon dioxide|helium)\b", questions)
    }
    assert f"1. → {names['water']} H2O — water" in key


def test_every_page_carries_its_number_and_the_version_line(
    english: tuple[PaperQuiz, PrintedPaper, list[str]],
) -> None:
    _, printed, pages = english
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {printed.pages}" in page
        assert "Chang'e Quiz 0.1.0 · print-sample 1.2.0 · seed 3 · 2026-12-03" in page


def test_version_line_names_app_packs_seed_and_date() -> None:
    paper = paper_of(print_pack(), seed=987)
    two = replace(paper, packs=(*paper.packs, ("sample", "1.0.0")))  # type: ignore[arg-type]
    assert version_line(two, "2.0.1", WHEN, "en") == (
        "Chang'e Quiz 2.0.1 · print-sample 1.2.0, sample 1.0.0 · seed 987 · 2026-12-03"
    )
    assert version_line(paper, "2.0.1", WHEN, "zh") == (
        "嫦娥问答 2.0.1 · print-sample 1.2.0 · 种子 987 · 2026-12-03"
    )


def test_without_the_key_no_answer_is_printed() -> None:
    printed = _print(paper_of(print_pack()), answer_key=False)
    pages = pdf_pages(printed.pdf)
    assert printed.key_page is None
    text = _flat(" ".join(pages))
    assert "Answer key" not in text
    assert "Glass beads from impacts" not in text
    assert "Also accepted" not in text
    assert PROMPTS_EN[-1] in text


def test_a_chinese_print_is_in_chinese() -> None:
    printed = _print(paper_of(print_pack()), "zh")
    pages = pdf_pages(printed.pdf)
    assert printed.key_page is not None
    first = _flat(pages[0])
    assert "嫦娥五号在月球玻璃珠中发现的 H2O 是哪种分子?" in first.replace("？", "?")
    assert "姓名:" in first.replace("：", ":")
    assert f"第 1 页,共 {printed.pages} 页" in first.replace("，", ",")
    assert "请勾选一项。" in first
    assert "答案" in pages[printed.key_page - 1]
    assert "种子 3" in pages[-1]
    assert "Tick one box" not in " ".join(pages)


def test_images_are_embedded_and_a_drawing_used_twice_is_drawn_twice() -> None:
    printed = _print(paper_of(print_pack()))
    images = pdf_images(printed.pdf)
    assert printed.key_page is not None
    # The Moon (a drawing, rasterised for print) with question 1; the halo picture in a
    # choice of question 2, and again in the key, which names that choice.
    on_questions = [i for i in images if i[0] < printed.key_page]
    on_key = [i for i in images if i[0] >= printed.key_page]
    assert len(on_questions) == 2
    assert (1, 240, 120) in on_questions  # the PNG at its own size
    assert any(w >= 380 for _, w, _ in on_questions)  # the SVG, sharp at print size
    assert [(w, h) for _, w, h in on_key] == [(240, 120)]
    no_key = pdf_images(_print(paper_of(print_pack()), answer_key=False).pdf)
    assert len(no_key) == 2


def test_a_refused_image_source_prints_no_image() -> None:
    pack = print_pack()
    hostile = next(q for q in pack.questions if q.key == "hostile")
    paper = paper_of(replace(pack, questions=(hostile,)))
    # Even media the paper was handed under a hostile name is never asked for.
    paper = replace(paper, media={**paper.media, (pack.info.id, "file:///etc/hostname"): b"x"})
    printed = _print(paper)
    assert pdf_images(printed.pdf) == []
    text = _flat(" ".join(pdf_pages(printed.pdf)))
    assert "Name the gas in this table" in text
    assert "web" in text  # the refused image's alt text, nothing else


def test_the_document_serves_its_own_images_and_nothing_else() -> None:
    paper = paper_of(print_pack())
    store = ImageStore(paper.media, 380)
    name = store.name(paper.questions[0].pack_id, "media/moon.svg")
    assert name is not None
    document = PaperDocument(store)
    image = QTextDocument.ResourceType.ImageResource.value
    assert not document.loadResource(image, QUrl(name)).isNull()  # type: ignore[attr-defined]
    for source in ("file:///etc/hostname", "/etc/hostname", "media/moon.svg", "image9"):
        assert document.loadResource(image, QUrl(source)).isNull()  # type: ignore[attr-defined]


def test_media_that_is_not_an_image_prints_its_alt_text() -> None:
    paper = paper_of(print_pack())
    broken = dict.fromkeys(paper.media, b"not a picture")
    printed = _print(replace(paper, media=broken))
    assert pdf_images(printed.pdf) == []
    assert "It sees the far side and Earth: halo" in _flat(" ".join(pdf_pages(printed.pdf)))


def test_one_question_makes_one_page_and_a_key_page() -> None:
    pack = print_pack()
    paper = paper_of(replace(pack, questions=pack.questions[-1:]))
    printed = _print(paper)
    assert (printed.pages, printed.key_page, printed.question_pages) == (2, 2, ((1, 1),))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_question_runs_over_a_page_end(language: str) -> None:
    """A built-in pack, every question: each begins and ends on the same page, and the
    text of each page's first question is on that page."""
    folder = ROOT / "questions" / "lunar-science"
    pack = load_pack(folder)
    paper = paper_of(pack, seed=11, folder=folder)
    printed = _print(paper, language)
    assert len(printed.question_pages) == len(pack.questions)
    assert all(first == last for first, last in printed.question_pages)
    assert [first for first, _ in printed.question_pages] == sorted(
        first for first, _ in printed.question_pages
    )
    assert printed.key_page == printed.question_pages[-1][1] + 1
    pages = pdf_pages(printed.pdf)
    for number, (first, _) in enumerate(printed.question_pages, start=1):
        assert re.search(rf"^\s*{number}\.\s", pages[first - 1], re.MULTILINE)


def test_a_long_print_gives_back_the_references_to_none_pyside_takes() -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None at each QPainter.save(),
    setPen() ... : unchecked, some thirty long prints in one run of the app abort it."""
    folder = ROOT / "questions" / "lunar-science"
    paper = paper_of(load_pack(folder), seed=2, folder=folder)
    before = sys.getrefcount(None)
    printed = _print(paper)
    assert printed.pages > 30
    assert sys.getrefcount(None) >= before - 20


@pytest.mark.parametrize(
    "content",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
        b'<image href="file:///etc/hostname" width="40" height="40"/></svg>',
        b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><text>&x;</text></svg>',
        b"GIF89a not an image the app shows",
    ],
    ids=["svg-pointing-outside", "svg-with-a-dtd", "not-png-jpeg-webp-svg"],
)
def test_media_the_screen_would_refuse_is_not_printed_either(content: bytes) -> None:
    pack = print_pack()
    paper = paper_of(replace(pack, questions=pack.questions[:1]))
    paper = replace(paper, media=dict.fromkeys(paper.media, content))
    printed = _print(paper)
    assert pdf_images(printed.pdf) == []
    assert PROMPTS_EN[0] in _flat(pdf_pages(printed.pdf)[0])
