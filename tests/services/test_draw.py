from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import PackId, TopicId
from quiz_app.core.questions import QuestionType
from quiz_app.core.serialize import question_to_dict
from quiz_app.packs.native import load_pack
from quiz_app.services.packs import import_loaded_pack, import_pack, list_packs
from quiz_app.services.quiz import draw_quiz
from quiz_app.storage import Database
from tests.conftest import SAMPLE_PACK


def _big_pack(database: Database, count: int = 400) -> None:
    """The sample pack's questions copied ``count`` times over, with new ids."""
    from dataclasses import replace

    sample = load_pack(SAMPLE_PACK)
    questions = tuple(
        replace(q, key=f"{q.key}-{i}")  # type: ignore[arg-type]
        for i in range(count // len(sample.questions) + 1)
        for q in sample.questions
    )[:count]
    import_loaded_pack(database, replace(sample, questions=questions))


def _topic(database: Database, key: str) -> TopicId:
    [summary] = list_packs(database)
    return next(t.id for t in summary.topics if t.key == key)


def test_draw_respects_every_filter_and_never_repeats(database: Database) -> None:
    _big_pack(database)
    science = _topic(database, "science")
    draw = DrawFilter(
        pack_ids=(PackId("sample"),),
        topic_ids=(science,),
        difficulties=frozenset({1}),
        types=frozenset({QuestionType.TRUE_FALSE, QuestionType.MATCHING}),
    )
    drawn = draw_quiz(database, draw, 20, seed=3)
    assert len(drawn) == 20
    assert len({q.id for q in drawn}) == 20
    for q in drawn:
        assert q.question.topic == "science"
        assert q.question.difficulty == 1
        assert q.question.type in (QuestionType.TRUE_FALSE, QuestionType.MATCHING)


def test_the_same_seed_draws_the_same_quiz(database: Database) -> None:
    _big_pack(database)
    first = [q.id for q in draw_quiz(database, DrawFilter(), 20, seed=42)]
    assert first == [q.id for q in draw_quiz(database, DrawFilter(), 20, seed=42)]
    assert first != [q.id for q in draw_quiz(database, DrawFilter(), 20, seed=43)]


def test_a_small_bank_gives_what_it_has(database: Database, sample_pack: Path) -> None:
    import_pack(database, sample_pack)
    drawn = draw_quiz(database, DrawFilter(), 50, seed=1)
    assert sorted(q.question.key for q in drawn) == sorted(
        q.key for q in load_pack(sample_pack).questions
    )
    assert draw_quiz(database, DrawFilter(pack_ids=(PackId("nope"),)), 5) == []


def test_retired_questions_are_never_drawn(database: Database, sample_pack: Path) -> None:
    _big_pack(database, 200)
    # Version 2 keeps only 20 of the 200 questions.
    from dataclasses import replace

    from quiz_app.core.questions import PackInfo

    sample = load_pack(SAMPLE_PACK)
    kept = tuple(
        replace(q, key=f"{q.key}-{i}")
        for i in range(3)  # type: ignore[arg-type]
        for q in sample.questions
    )[:20]
    info: PackInfo = replace(sample.info, version="2.0.0")
    import_loaded_pack(database, replace(sample, info=info, questions=kept))
    keys = {q.key for q in kept}
    for seed in range(10):
        drawn = draw_quiz(database, DrawFilter(), 15, seed=seed)
        assert len(drawn) == 15
        assert {q.question.key for q in drawn} <= keys


def test_draws_are_spread_evenly_over_the_bank(database: Database) -> None:
    _big_pack(database, 100)
    seen: Counter[int] = Counter()
    for seed in range(500):
        seen.update(q.id for q in draw_quiz(database, DrawFilter(), 10, seed=seed))
    # 5,000 picks over 100 questions: 50 each on average. Each question turns up, and
    # none is more than twice as likely as the average (a biased sampler fails this).
    assert len(seen) == 100
    assert max(seen.values()) < 100
    assert min(seen.values()) > 20


@pytest.mark.parametrize("count", [0, -1])
def test_asking_for_nothing_gives_nothing(database: Database, count: int) -> None:
    _big_pack(database, 50)
    assert draw_quiz(database, DrawFilter(), count) == []


def test_drawn_questions_are_whole(database: Database, sample_pack: Path) -> None:
    import_pack(database, sample_pack)
    by_key = {q.key: q for q in load_pack(sample_pack).questions}
    for stored in draw_quiz(database, DrawFilter(), 7, seed=5):
        assert question_to_dict(stored.question) == question_to_dict(by_key[stored.question.key])
