"""Turning questions read from another format into a pack the bank can import.

A foreign file has no manifest: the pack takes its id and title from the file name, one
topic, English as its language, and difficulty 2. Question ids come from a hash of the
question's text, so an edited file re-imported keeps the ids of questions it did not
change (and learners' answers stay linked to them).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.questions import Body, Pack, PackInfo, Question, Topic
from quiz_app.core.text import LocalizedText

TOPIC = TopicKey("imported")
DEFAULT_DIFFICULTY = 2


def pack_id_for(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:64]
    return slug or "imported"


def question_key(prefix: str, text: str, taken: set[str]) -> QuestionKey:
    digest = hashlib.sha256(text.encode()).hexdigest()[:10]
    key, n = f"{prefix}-{digest}", 2
    while key in taken:  # the same text twice in one file
        key, n = f"{prefix}-{digest}-{n}", n + 1
    taken.add(key)
    return QuestionKey(key)


def foreign_pack(
    path: Path, prefix: str, questions: Sequence[tuple[str, Body]], version: str = "1.0.0"
) -> Pack:
    taken: set[str] = set()
    built = tuple(
        Question(
            key=question_key(prefix, prompt, taken),
            topic=TOPIC,
            difficulty=DEFAULT_DIFFICULTY,
            prompt=LocalizedText.of(prompt),
            body=body,
        )
        for prompt, body in questions
    )
    info = PackInfo(
        id=PackId(pack_id_for(path)),
        version=version,
        title=LocalizedText.of(path.stem),
        languages=("en",),
        topics=(Topic(TOPIC, LocalizedText.of(path.stem)),),
    )
    return Pack(info, built)
