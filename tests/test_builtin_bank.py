"""The built-in question bank: size, spread, languages, sources and diagrams."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from quiz_app.core.grading import normalize_text
from quiz_app.core.questions import Pack, QuestionType
from quiz_app.core.serialize import question_to_dict
from quiz_app.packs.native import load_pack

QUESTIONS = Path(__file__).parents[1] / "questions"
FOLDERS = sorted(p for p in QUESTIONS.iterdir() if (p / "pack.toml").is_file())


@pytest.fixture(scope="module")
def packs() -> list[Pack]:
    return [load_pack(folder) for folder in FOLDERS]


def _texts(data: object) -> list[dict[str, str]]:
    """Every {"en": ..., "zh": ...} text table inside a question's native form."""
    found: list[dict[str, str]] = []
    if isinstance(data, dict):
        if "en" in data and all(isinstance(v, str | list) for v in data.values()):
            found.append(data)
        else:
            for value in data.values():
                found.extend(_texts(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(_texts(value))
    return found


def test_the_bank_is_large_and_broad(packs: list[Pack]) -> None:
    questions = [q for p in packs for q in p.questions]
    topics = {(p.info.id, t.key) for p in packs for t in p.info.topics}
    assert len(questions) >= 300
    assert len(topics) >= 10
    used = {(p.info.id, q.topic) for p in packs for q in p.questions}
    assert used == topics, "every topic has questions"


def test_every_type_is_used_at_least_15_times(packs: list[Pack]) -> None:
    counts = Counter(q.type for p in packs for q in p.questions)
    assert {t: counts[t] for t in QuestionType} == {t: max(counts[t], 15) for t in QuestionType}


def test_each_difficulty_is_at_least_a_quarter(packs: list[Pack]) -> None:
    counts = Counter(q.difficulty for p in packs for q in p.questions)
    total = sum(counts.values())
    for level in (1, 2, 3):
        assert counts[level] / total >= 0.25, (level, counts)


def test_every_text_is_in_english_and_chinese(packs: list[Pack]) -> None:
    for pack in packs:
        assert set(pack.info.languages) == {"en", "zh"}
        for question in pack.questions:
            texts = _texts(question_to_dict(question))
            assert texts, question.key
            for text in texts:
                assert set(text) == {"en", "zh"}, (question.key, text)
                assert all(text.values()), question.key


def test_chinese_text_is_chinese(packs: list[Pack]) -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    for pack in packs:
        for question in pack.questions:
            assert han.search(question.prompt.get("zh")), question.key
            assert question.explanation is not None
            assert han.search(question.explanation.get("zh")), question.key


def test_every_question_has_an_explanation_and_a_source(packs: list[Pack]) -> None:
    for pack in packs:
        for question in pack.questions:
            assert question.explanation is not None, question.key
            assert len(question.explanation.get("en")) >= 40, question.key
            assert question.source, question.key
            assert not re.search(
                r"fact sheet (§|section)|change-missions\.md", question.source, re.IGNORECASE
            ), f"{question.key}: cite the fact sheet's own source, not the sheet"


def test_no_two_questions_are_the_same(packs: list[Pack]) -> None:
    # Ordering and matching prompts are often the same instruction ("Match each name with
    # its meaning"): their items make the question. For every other type the prompt is
    # the question.
    instructions = (QuestionType.ORDERING, QuestionType.MATCHING)
    for language in ("en", "zh"):
        prompts = Counter(
            normalize_text(q.prompt.get(language))
            for p in packs
            for q in p.questions
            if q.type not in instructions
        )
        repeated = [prompt for prompt, n in prompts.items() if n > 1]
        assert repeated == [], language
    bodies = Counter(
        repr(question_to_dict(q) | {"id": "", "difficulty": 0, "explanation": None})
        for p in packs
        for q in p.questions
    )
    assert max(bodies.values()) == 1


def test_every_image_exists_and_every_image_is_used(packs: list[Pack]) -> None:
    for folder, pack in zip(FOLDERS, packs, strict=True):
        referenced = {q.image for q in pack.questions if q.image}
        on_disk = {p.relative_to(folder).as_posix() for p in (folder / "media").glob("*")}
        assert referenced == on_disk, folder.name
        for question in pack.questions:
            if question.image:
                assert question.image_alt is not None, question.key


def test_there_are_at_least_ten_diagrams_and_they_are_safe_svg() -> None:
    diagrams = sorted(QUESTIONS.glob("*/media/*.svg"))
    assert len(diagrams) >= 10
    for svg in diagrams:
        text = svg.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), svg.name
        assert not re.search(r"""(xlink:)?href\s*=\s*["'](?!#)""", text), svg.name
        assert "<image" not in text, svg.name
        assert "<foreignObject" not in text, svg.name


def test_the_diagrams_render_with_qt(qapp: object) -> None:
    from PySide6.QtSvg import QSvgRenderer

    for svg in sorted(QUESTIONS.glob("*/media/*.svg")):
        renderer = QSvgRenderer(str(svg))
        assert renderer.isValid(), svg.name
        assert renderer.defaultSize().width() >= 400, svg.name


def _answer_places(packs: list[Pack], kind: type) -> Counter[int]:
    """How many right answers sit at each written place, for single or multiple choice."""
    from quiz_app.core.questions import MultipleResponse, SingleChoice

    places: Counter[int] = Counter()
    for question in (q for p in packs for q in p.questions):
        body = question.body
        if not isinstance(body, kind):
            continue
        if isinstance(body, SingleChoice):
            places[[c.id for c in body.choices].index(body.answer)] += 1
        elif isinstance(body, MultipleResponse):
            ids = [c.id for c in body.choices]
            places.update(ids.index(a) for a in body.answers)
    return places


def test_right_answers_are_spread_over_the_written_places(packs: list[Pack]) -> None:
    """Formats that cannot shuffle (an export printed on paper) show the written order:
    it must not give the answer away. Measured before: 59 of 80 single choice answers
    came first (74%)."""
    from quiz_app.core.questions import MultipleResponse, SingleChoice

    for chosen in ([p] for p in packs):
        for kind in (SingleChoice, MultipleResponse):
            places = _answer_places(chosen, kind)
            total = sum(places.values())
            assert total >= 15
            shares = {place: round(n / total, 2) for place, n in sorted(places.items())}
            assert max(shares.values()) <= 0.35, (chosen[0].info.id, kind.__name__, shares)
    assert _answer_places(packs, SingleChoice)[0] < 25  # of 80


# Choices that point at other choices only make sense in the order written.
_POINTING = re.compile(
    r"\b(all|none|both|neither) of (the|these)\b|\b(all|none) of the above\b|"
    r"\bboth [A-D] and [A-D]\b|以上|上述|都不是|都对|均不|皆非",
    re.IGNORECASE,
)


def test_choices_that_point_at_other_choices_are_pinned(packs: list[Pack]) -> None:
    from quiz_app.core.questions import MultipleResponse, SingleChoice

    for question in (q for p in packs for q in p.questions):
        body = question.body
        if not isinstance(body, SingleChoice | MultipleResponse):
            continue
        texts = [t for c in body.choices for t in c.text.as_dict().values()]
        if any(_POINTING.search(t) for t in texts):
            assert not question.shuffle, f"{question.key}: add shuffle = false"


def test_the_rule_for_pointing_choices_finds_them() -> None:
    for text in ("All of the above", "none of these", "Both A and B", "以上都对", "以上皆非"):
        assert _POINTING.search(text), text
    for text in ("Above 100 °C by day", "With both a scoop and a drill", "都在西昌"):
        assert not _POINTING.search(text), text
