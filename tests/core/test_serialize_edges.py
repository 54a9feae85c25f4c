"""A pack's fingerprint (issue 19): the bank compares it on every re-import, so it must
stay the same for the same pack and change with any part of it."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from quiz_app.core.grading import grade
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.importing import encode_pack
from quiz_app.core.questions import (
    Numeric,
    Pack,
    PackInfo,
    Question,
    QuestionGroup,
    Topic,
    TrueFalse,
)
from quiz_app.core.serialize import (
    canonical_json,
    pack_info_from_dict,
    pack_info_to_dict,
    question_from_dict,
)
from quiz_app.core.text import LocalizedText

INFO = PackInfo(
    id=PackId("change-missions"),
    version="1.0.0",
    title=LocalizedText.of({"en": "Chang'e missions", "zh": "嫦娥任务"}),
    languages=("en", "zh"),
    topics=(Topic(TopicKey("far-side"), LocalizedText.of({"en": "Far side", "zh": "月背"})),),
)
QUESTION = Question(
    key=QuestionKey("ce4-far-side"),
    topic=TopicKey("far-side"),
    difficulty=1,
    prompt=LocalizedText.of(
        {"en": "Chang'e-4 landed on the far side.", "zh": "嫦娥四号着陆月背。"}
    ),
    body=TrueFalse(True),
)
PACK = Pack(INFO, (QUESTION,), {"media/map.png": b"\x89PNG..."})
# What a bank holds for PACK today: the same pack must read as unchanged after an upgrade.
DIGEST = "5e92f61098e6ab6e95628cb12acdaf290c701ab034e90c388236f1162a61c832"


def test_canonical_json_is_compact_sorted_and_keeps_chinese() -> None:
    assert canonical_json({"b": [1, 2], "a": "嫦娥"}) == '{"a":"嫦娥","b":[1,2]}'


def test_the_same_pack_has_the_same_fingerprint_as_before() -> None:
    assert encode_pack(PACK).digest == DIGEST


def test_any_change_changes_the_fingerprint() -> None:
    changed = [
        replace(PACK, info=replace(INFO, title=LocalizedText.of("Chang'e"))),
        replace(PACK, questions=(replace(QUESTION, body=TrueFalse(False)),)),
        replace(PACK, media={"media/map.png": b"\x89PNG!"}),
        replace(PACK, media={"media/other.png": b"\x89PNG..."}),
        replace(PACK, media={}),
    ]
    digests = {encode_pack(p).digest for p in changed}
    assert len(digests) == len(changed)
    assert DIGEST not in digests


def test_each_question_is_stored_as_its_json_text_and_hashed() -> None:
    [encoded] = encode_pack(PACK).questions
    assert '"zh":"嫦娥四号着陆月背。"' in encoded.content.decode()
    assert encoded.key == "ce4-far-side"
    assert encoded.content_hash == hashlib.sha256(encoded.content).hexdigest()


def test_a_manifest_reads_back_whole_and_an_old_one_shuffles() -> None:
    info = replace(
        INFO,
        description=LocalizedText.of({"en": "The missions so far.", "zh": "迄今的任务。"}),
        author="CNSA education",
        license="CC-BY-4.0",
        shuffle=False,
    )
    assert pack_info_from_dict(pack_info_to_dict(info)) == info
    stored_before_shuffle = {k: v for k, v in pack_info_to_dict(INFO).items() if k != "shuffle"}
    assert pack_info_from_dict(stored_before_shuffle).shuffle is True


def test_a_group_without_a_note_is_written_without_one() -> None:
    """A note is for the pack's authors and optional: a group without one is written as
    its id alone (an empty note would be a TOML table with no value to write)."""
    groups = (QuestionGroup("ce4-landing"), QuestionGroup("ce5-samples", "give-away"))
    info = replace(INFO, groups=groups)
    assert pack_info_to_dict(info)["groups"] == [
        {"id": "ce4-landing"},
        {"id": "ce5-samples", "note": "give-away"},
    ]
    assert pack_info_from_dict(pack_info_to_dict(info)) == info


def test_a_numeric_question_without_a_tolerance_wants_the_exact_answer() -> None:
    """A question written by hand (or in the editor) may leave the tolerance out: it is
    0, so 186 is right and 187 is not."""
    data = {
        "id": "ce4-moon-days",
        "type": "numeric",
        "topic": "far-side",
        "difficulty": 1,
        "prompt": {"en": "How many days?", "zh": "多少天？"},
        "answer": 186,
    }
    body = question_from_dict(data).body
    assert isinstance(body, Numeric)
    assert body.tolerance == 0.0
    assert (grade(body, 186.0), grade(body, 187.0)) == (1.0, 0.0)
