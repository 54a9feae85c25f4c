from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quiz_app.core.questions import Question
from quiz_app.core.serialize import question_from_dict, question_json, question_to_dict
from quiz_app.packs.native import load_pack

SAMPLE = load_pack(Path(__file__).parents[1] / "data" / "sample-pack")


@given(st.sampled_from(SAMPLE.questions))
def test_a_question_survives_its_dict_form(question: Question) -> None:
    assert question_from_dict(question_to_dict(question)) == question


def test_the_canonical_text_does_not_depend_on_how_the_input_was_ordered() -> None:
    for question in SAMPLE.questions:
        data = question_to_dict(question)
        shuffled = dict(reversed(list(data.items())))
        shuffled["prompt"] = dict(reversed(list(shuffled["prompt"].items())))
        assert question_json(question_from_dict(shuffled)) == question_json(question)


def test_a_pinned_question_says_so_and_an_unpinned_one_keeps_its_old_text() -> None:
    import dataclasses

    question = SAMPLE.questions[0]
    assert question.shuffle
    assert "shuffle" not in question_to_dict(question)  # the hash of older questions holds
    pinned = dataclasses.replace(question, shuffle=False)
    assert question_to_dict(pinned)["shuffle"] is False
    assert question_from_dict(question_to_dict(pinned)) == pinned
    assert question_json(pinned) != question_json(question)  # a re-import sees the change
