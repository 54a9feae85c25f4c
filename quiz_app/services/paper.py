"""Quizzes on paper: draw the questions and gather their images; write the printed file.

Drawing a paper quiz writes nothing to the bank: it has no learner, no answers and
nothing to resume. The same seed on the same bank gives the same questions in the same
order with the same choice orders, so a lost copy can be printed again.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from quiz_app.core.bank import DrawFilter
from quiz_app.core.errors import QuizError
from quiz_app.core.ids import PackId, TopicId
from quiz_app.core.paper import PaperQuestion, PaperQuiz
from quiz_app.core.shuffle import presentation_order
from quiz_app.packs.rich_text import image_names
from quiz_app.services.files import write_whole
from quiz_app.storage import Database
from quiz_app.storage import packs as repo
from quiz_app.storage.draws import draw_question_ids, matching_question_ids


def paper_filter(
    database: Database, pack_ids: Sequence[str] = (), topic_keys: Sequence[str] = ()
) -> DrawFilter:
    """The questions of these packs and topics (by the ids their packs give them; none
    given: all). An unknown pack or topic is an error, not an empty quiz."""
    with database.reading() as session:
        summaries = repo.pack_summaries(session)
    known = {s.id: s for s in summaries}
    for pack_id in pack_ids:
        if pack_id not in known:
            raise QuizError(
                f"No pack '{pack_id}' in the bank (see: quiz-app packs list).",
                zh=f"题库中没有题包“{pack_id}”（见：quiz-app packs list）。",
            )
    chosen = [known[PackId(p)] for p in dict.fromkeys(pack_ids)] or summaries
    topics: list[TopicId] = []
    for key in dict.fromkeys(topic_keys):
        found = [t.id for s in chosen for t in s.topics if t.key == key]
        if not found:
            raise QuizError(
                f"No topic '{key}' in the chosen packs (see: quiz-app packs list --json).",
                zh=f"所选题包中没有主题“{key}”（见：quiz-app packs list --json）。",
            )
        topics += found
    return DrawFilter(
        pack_ids=tuple(PackId(p) for p in dict.fromkeys(pack_ids)), topic_ids=tuple(topics)
    )


def draw_paper_quiz(
    database: Database, draw: DrawFilter, count: int | None, seed: int
) -> PaperQuiz:
    """``count`` questions matching ``draw`` drawn with ``seed`` (None: every one of them,
    as the packs list them), each with its choices in an order drawn from ``seed``, and
    the images they show. Reads the bank only."""
    if count is not None and count < 1:
        raise QuizError("A quiz needs at least one question.", zh="一份测验至少要有一道题。")
    with database.reading() as session:
        if count is None:
            ids = matching_question_ids(session, draw)
        else:
            ids = draw_question_ids(session, draw, count, seed)
        stored = repo.questions_by_id(session, ids)
        if not stored:
            raise QuizError(
                "No questions match these settings; choose more topics or types.",
                zh="没有符合这些设置的题目；请多选一些主题或题型。",
            )
        # The same stream of choice orders as a quiz on screen drawn with this seed.
        rng = random.Random(f"orders:{seed}")
        questions = tuple(
            PaperQuestion(
                s.pack_id,
                s.question,
                presentation_order(s.question.body, rng, pinned=not s.question.shuffle),
            )
            for s in stored
        )
        media: dict[tuple[PackId, str], bytes] = {}
        for q in questions:
            for name in sorted(image_names(q.question)):
                data = repo.media_content(session, q.pack_id, name)
                if data is not None:
                    media[(q.pack_id, name)] = data
        packs = []
        for pack_id in dict.fromkeys(q.pack_id for q in questions):
            existing = repo.existing_pack(session, pack_id)
            packs.append((pack_id, "?" if existing is None else existing.version))
    return PaperQuiz(questions, seed, tuple(packs), media)


def save_paper(path: Path, data: bytes) -> None:
    """Write a printed quiz whole (an old file of that name is replaced only once the
    new one is complete), or say in words why it cannot be written."""
    if path.is_dir():
        raise QuizError(
            f"{path} is a folder; give a file name ending in .pdf.",
            zh=f"{path} 是一个文件夹；请给出以 .pdf 结尾的文件名。",
        )
    try:
        write_whole(path, data)
    except OSError as err:
        reason = err.strerror or str(err)
        raise QuizError(
            f"Cannot write {path}: {reason}.", zh=f"无法写入 {path}：{reason}。"
        ) from err
