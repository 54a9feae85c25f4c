"""Drawing a quiz for paper: reproducible from its seed, and nothing written to the bank."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quiz_app.core.bank import DrawFilter
from quiz_app.core.errors import QuizError
from quiz_app.core.questions import Matching, Ordering
from quiz_app.packs.native import load_pack
from quiz_app.services.packs import import_loaded_pack, import_pack
from quiz_app.services.paper import draw_paper_quiz, image_names, paper_filter, save_paper
from quiz_app.storage import Database
from tests.conftest import SAMPLE_PACK, snapshot
from tests.printing.pdf import PRINT_PACK


@pytest.fixture
def bank(database: Database) -> Database:
    """The sample pack and the print pack, its inline picture among its media (as a pack
    imported from Moodle carries it)."""
    import_pack(database, SAMPLE_PACK)
    pack = load_pack(PRINT_PACK)
    media = {**pack.media, "media/orbit.png": (PRINT_PACK / "media/orbit.png").read_bytes()}
    import_loaded_pack(database, replace(pack, media=media))
    return database


def _keys(paper: object) -> list[str]:
    return [q.question.key for q in paper.questions]  # type: ignore[attr-defined]


def test_drawing_for_paper_writes_nothing(bank: Database) -> None:
    before = snapshot(bank)
    draw_paper_quiz(bank, DrawFilter(), 5, seed=1)
    draw_paper_quiz(bank, DrawFilter(), None, seed=2)
    assert snapshot(bank) == before


def test_the_same_seed_draws_the_same_questions_in_the_same_orders(bank: Database) -> None:
    first = draw_paper_quiz(bank, DrawFilter(), 6, seed=42)
    again = draw_paper_quiz(bank, DrawFilter(), 6, seed=42)
    assert first == again
    assert len(first.questions) == 6
    others = [draw_paper_quiz(bank, DrawFilter(), 6, seed=s) for s in (1, 2, 3)]
    assert any(_keys(o) != _keys(first) for o in others)
    assert any([q.order for q in o.questions] != [q.order for q in first.questions] for o in others)


def test_every_question_when_no_count_in_the_packs_order(bank: Database) -> None:
    [pack_filter] = [paper_filter(bank, ["print-sample"])]
    paper = draw_paper_quiz(bank, pack_filter, None, seed=5)
    assert _keys(paper) == [q.key for q in load_pack(PRINT_PACK).questions]
    assert paper.packs == (("print-sample", "1.2.0"),)
    assert paper.seed == 5
    # Ordering and matching never print in the answer's order.
    for q in paper.questions:
        body = q.question.body
        if isinstance(body, Ordering):
            assert list(q.order) != [i.id for i in body.items]
        if isinstance(body, Matching):
            assert list(q.order) != [p.id for p in body.pairs]


def test_the_images_the_questions_show_come_along(bank: Database) -> None:
    paper = draw_paper_quiz(bank, paper_filter(bank, ["print-sample"]), None, seed=5)
    assert set(paper.media) == {
        ("print-sample", "media/moon.svg"),  # a question's image
        ("print-sample", "media/orbit.png"),  # an image inside a choice
    }
    assert paper.media[("print-sample", "media/orbit.png")].startswith(b"\x89PNG")


def test_image_names_skip_sources_outside_the_pack() -> None:
    hostile = next(q for q in load_pack(PRINT_PACK).questions if q.key == "hostile")
    # file: and http: are refused (a name the pack lacks is refused when it is read:
    # tests/packs/test_validation.py)
    assert image_names(hostile) == set()
    halo = next(q for q in load_pack(PRINT_PACK).questions if q.key == "orbit-pictures")
    assert image_names(halo) == {"media/orbit.png"}


def test_topics_by_their_pack_ids(bank: Database) -> None:
    chemistry = paper_filter(bank, [], ["chemistry"])
    paper = draw_paper_quiz(bank, chemistry, None, seed=1)
    assert _keys(paper) == ["water-ice", "hostile", "formulas", "helium-3"]
    both = paper_filter(bank, ["sample", "print-sample"], ["science", "orbits"])
    assert len(both.topic_ids) == 2
    assert len(draw_paper_quiz(bank, both, None, seed=1).questions) == 3 + 4


@pytest.mark.parametrize(
    ("packs", "topics", "count", "english", "chinese"),
    [
        (["nope"], [], None, "No pack 'nope' in the bank", "题库中没有题包“nope”"),
        ([], ["nope"], None, "No topic 'nope' in the chosen packs", "所选题包中没有主题“nope”"),
        (["sample"], ["orbits"], None, "No topic 'orbits'", "没有主题“orbits”"),
        ([], [], 0, "at least one question", "至少要有一道题"),
    ],
)
def test_what_cannot_be_drawn_is_said_in_both_languages(
    bank: Database,
    packs: list[str],
    topics: list[str],
    count: int | None,
    english: str,
    chinese: str,
) -> None:
    with pytest.raises(QuizError) as caught:
        draw_paper_quiz(bank, paper_filter(bank, packs, topics), count, seed=1)
    assert english in caught.value.message("en")
    assert chinese in caught.value.message("zh")


def test_no_matching_question_is_an_error_not_an_empty_paper(database: Database) -> None:
    with pytest.raises(QuizError) as caught:
        draw_paper_quiz(database, DrawFilter(), None, seed=1)
    assert "No questions match" in caught.value.message("en")
    assert "没有符合这些设置的题目" in caught.value.message("zh")


def test_saving_replaces_whole_or_says_why_not(tmp_path: Path) -> None:
    target = tmp_path / "quiz.pdf"
    target.write_bytes(b"old")
    save_paper(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    with pytest.raises(QuizError) as caught:
        save_paper(tmp_path / "missing" / "quiz.pdf", b"%PDF")
    assert "Cannot write" in caught.value.message("en")
    assert "无法写入" in caught.value.message("zh")
    with pytest.raises(QuizError) as caught:
        save_paper(tmp_path, b"%PDF")
    assert "is a folder" in caught.value.message("en")
    assert list(tmp_path.iterdir()) == [target]  # nothing half-written left behind
