"""The built-in question bank: size, spread, languages, sources and diagrams."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from quiz_app.core.grading import normalize_text
from quiz_app.core.questions import Pack, Question, QuestionType
from quiz_app.core.serialize import question_to_dict
from quiz_app.packs.native import load_pack
from tests.conftest import NOW

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


# Issue 16: at least 500 questions over at least 16 topics, every type at least 25 times.
MIN_QUESTIONS = 500
MIN_TOPICS = 16
MIN_PER_TYPE = 25


def test_the_bank_is_large_and_broad(packs: list[Pack]) -> None:
    questions = [q for p in packs for q in p.questions]
    topics = {(p.info.id, t.key) for p in packs for t in p.info.topics}
    assert len(questions) >= MIN_QUESTIONS
    assert len(topics) >= MIN_TOPICS
    used = {(p.info.id, q.topic) for p in packs for q in p.questions}
    assert used == topics, "every topic has questions"


def test_every_type_is_used_at_least_25_times(packs: list[Pack]) -> None:
    counts = Counter(q.type for p in packs for q in p.questions)
    assert {t: counts[t] for t in QuestionType} == {
        t: max(counts[t], MIN_PER_TYPE) for t in QuestionType
    }


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
    it must not give the answer away. Measured in 1.0.0: 59 of 80 single choice answers
    came first (74%)."""
    from quiz_app.core.questions import MultipleResponse, SingleChoice

    for chosen in ([p] for p in packs):
        for kind in (SingleChoice, MultipleResponse):
            places = _answer_places(chosen, kind)
            total = sum(places.values())
            assert total >= 15
            shares = {place: round(n / total, 2) for place, n in sorted(places.items())}
            assert max(shares.values()) <= 0.35, (chosen[0].info.id, kind.__name__, shares)
    places = _answer_places(packs, SingleChoice)
    assert places[0] / sum(places.values()) <= 0.35


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


# Groups: questions that give each other away are never drawn together.

QUIZ = 10
"""A quiz's default length (QuizSettings.count)."""


def test_every_group_keeps_at_least_two_questions_apart(packs: list[Pack]) -> None:
    for pack in packs:
        sizes = Counter(q.group for q in pack.questions if q.group)
        declared = {g.key for g in pack.info.groups}
        assert set(sizes) == declared, f"{pack.info.id}: a declared group no question uses"
        assert min(sizes.values()) >= 2, (pack.info.id, sizes)


def test_every_topic_still_fills_a_quiz(packs: list[Pack]) -> None:
    """A topic whose questions are mostly grouped would give short quizzes: one question
    per group plus every ungrouped one must still make a quiz of the default length."""
    for pack in packs:
        for topic in pack.info.topics:
            questions = [q for q in pack.questions if q.topic == topic.key]
            free = sum(1 for q in questions if q.group is None)
            groups = len({q.group for q in questions if q.group})
            assert free + groups >= QUIZ, (pack.info.id, topic.key, free, groups)


def _shown_text(pack: Pack, question: Question) -> str:
    """What a quiz shows of a question: prompt, the texts of items, pairs and right
    choices, a card's back, and the words printed in the question's diagram."""
    from quiz_app.core.questions import Card, Matching, MultipleResponse, Ordering, SingleChoice

    parts = [question.prompt.get("en"), question.prompt.get("zh")]
    body = question.body
    texts = []
    if isinstance(body, SingleChoice):
        texts = [c.text for c in body.choices if c.id == body.answer]
    elif isinstance(body, MultipleResponse):
        texts = [c.text for c in body.choices if c.id in body.answers]
    elif isinstance(body, Ordering):
        texts = [i.text for i in body.items]
    elif isinstance(body, Matching):
        texts = [t for p in body.pairs for t in (p.left, p.right)]
    elif isinstance(body, Card):
        texts = [body.back]
    parts += [t.get(language) for t in texts for language in ("en", "zh")]
    if question.image:
        svg = pack.media[question.image].decode("utf-8")
        parts += re.findall(r">([^<>]+)<", svg.replace("&#8217;", "'"))
    return " ".join(parts)


# Names the whole subject is written in: their questions ask for the word, and every other
# question has to use it. They are left to meet the questions that use them.
VOCABULARY = frozenset(
    {
        "ce3-rover-name",  # Yutu
        "ce4-queqiao-name",  # Queqiao
        "ce4-rover-name",  # Yutu-2
        "mot-far-side-name",  # far side
        "crew-lander-name",  # Lanyue
        "crew-ship-name",  # Mengzhou
        "crew-docking-where",  # lunar orbit
        "side-maria-word",  # maria
        "surf-regolith-name",  # regolith
        "ce6-icube-q-name",  # ICUBE-Q
        "ce6-relay-satellite",  # Queqiao-2
        "ce6-nils-name",  # NILS
        "ce5-t1-reentry-test",  # Chang'e-5 T1
        "fut-ilrs-name",  # ILRS
        "prog-named-after-change",  # Chang'e
        # Named elsewhere in another role, which tells nothing about this question's answer:
        "ce6-launch-site",  # Wenchang, as the site of other launches
        "hist-luna-country",  # Soviet, as the country of each Luna mission
        "prog-bacc",  # Beijing, as the city of ceremonies and institutes
        "surf-kreep-apollo-12",  # Apollo 12, as a site where the crust was measured
    }
)


def test_no_named_answer_is_printed_beside_its_question(packs: list[Pack]) -> None:
    """A question asking for a name is never drawn with a question that prints that name
    in its prompt, items or diagram (same pack, unless the two share a group)."""
    from quiz_app.core.questions import ShortText

    found = []
    for pack in packs:
        shown = {q.key: _shown_text(pack, q) for q in pack.questions}
        for question in pack.questions:
            if not isinstance(question.body, ShortText) or question.key in VOCABULARY:
                continue
            accept = question.body.accept.as_dict()
            names = [accept["en"][0], accept["zh"][0]]
            for other in pack.questions:
                if other is question or (question.group and other.group == question.group):
                    continue
                for name in names:
                    pattern = (
                        rf"(?<![\w.]){re.escape(name)}(?!\w)" if name.isascii() else re.escape(name)
                    )
                    if re.search(pattern, shown[other.key], re.IGNORECASE):
                        found.append((question.key, name, other.key))
    assert found == []


def test_the_rule_for_printed_names_finds_one(packs: list[Pack]) -> None:
    changesite = next(q for p in packs for q in p.questions if q.key == "ce5-changesite-name")
    facts = next(q for p in packs for q in p.questions if q.key == "ce5-changesite-facts")
    pack = next(p for p in packs if facts in p.questions)
    assert "Changesite-(Y)" in _shown_text(pack, facts)
    assert changesite.group == facts.group is not None


# Time-proof wording: a claim about the future says when it was made.

_FUTURE_EN = re.compile(r"\b(will|planned|expected)\b", re.IGNORECASE)
_FUTURE_ZH = re.compile(r"将于|将会|预计|计划中|计划于|计划在|拟于")
_DATED = re.compile(r"\b(1[89]|20)\d\d\b|\d{4}年")


def _language_texts(data: object, language: str | None = None) -> list[tuple[str | None, str]]:
    found: list[tuple[str | None, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("source", "id"):
                continue
            found += _language_texts(value, key if key in ("en", "zh") else language)
    elif isinstance(data, list):
        for value in data:
            found += _language_texts(value, language)
    elif isinstance(data, str):
        found.append((language, data))
    return found


def _undated(language: str | None, text: str) -> list[str]:
    rule = _FUTURE_ZH if language == "zh" else _FUTURE_EN
    sentences = re.split(r"(?<=[.!?。！？；;])\s*", text)
    return [s for s in sentences if rule.search(s) and not _DATED.search(s)]


def test_no_claim_about_the_future_goes_without_a_date(packs: list[Pack]) -> None:
    """ "Will", "planned" or "expected" (and 将于, 预计, 计划中 ...) only in a sentence that
    names a year: read in any year, the text still says when the plan was made."""
    found: list[tuple[str, str]] = [
        (str(question.key), sentence)
        for pack in packs
        for question in pack.questions
        for language, text in _language_texts(question_to_dict(question))
        for sentence in _undated(language, text)
    ]
    for svg in sorted(QUESTIONS.glob("*/media/*.svg")):
        words = " | ".join(re.findall(r">([^<>]+)<", svg.read_text(encoding="utf-8")))
        found += [
            (svg.name, s) for s in words.split(" | ") if _undated(None, s) or _undated("zh", s)
        ]
    assert found == []


def test_the_rule_for_dates_finds_undated_plans() -> None:
    assert _undated("en", "Chang'e-7 will land near the south pole.")
    assert _undated("en", "Its launch is expected soon. It has a rover.")
    assert _undated("zh", "嫦娥七号预计在南极着陆。")
    assert not _undated("en", "As of April 2026, Chang'e-7 was planned to land near the pole.")
    assert not _undated("zh", "按照截至2026年4月公布的计划，嫦娥七号要在南极着陆。")
    assert not _undated("en", "It landed east of Sinus Iridum, the original target.")


# Ids: one question forever.

HISTORY = Path(__file__).parent / "data" / "bank-history"
PUBLISHED = ["1.0.0", "1.1.0", "1.2.0"]
"""The published versions frozen in tests/data/bank-history (1.2.0: commit 167dd11)."""


def _published_ids() -> dict[str, set[str]]:
    """Every question id each pack has published, by pack (tests/data/bank-history)."""
    versions = json.loads((HISTORY / "ids.json").read_text(encoding="utf-8"))
    return {
        pack: {i for ids in by_version.values() for i in ids}
        for pack, by_version in versions.items()
    }


def test_every_published_id_is_kept_or_retired(packs: list[Pack]) -> None:
    published = _published_ids()
    for pack in packs:
        current = {q.key for q in pack.questions}
        retired = set(pack.info.retired)
        assert published[pack.info.id] - current <= retired, pack.info.id
        assert not retired & current, pack.info.id
        assert retired <= published[pack.info.id], "retire only ids that were published"


def test_the_packs_are_newer_than_every_published_version(packs: list[Pack]) -> None:
    from quiz_app.core.questions import parse_version

    for pack in packs:
        for folder in HISTORY.iterdir():
            if folder.is_dir():
                old = load_pack(folder / pack.info.id)
                assert parse_version(pack.info.version) > parse_version(old.info.version)


# Rewordings that keep a question's meaning though its prompt reads quite differently
# (checked by hand: same question, same answer).
REWORDED: frozenset[str] = frozenset()


def _same_question(old: Question, new: Question) -> bool:
    """``new`` still asks what ``old`` asked: same type, the old right answer is still
    right, and the prompt was reworded rather than replaced."""
    import difflib

    from quiz_app.core.grading import grade, right_response

    if old.type != new.type:
        return False
    try:
        if grade(new.body, right_response(old.body)) < 1:
            return False
    except (KeyError, ValueError, TypeError):
        return False
    ratio = difflib.SequenceMatcher(None, old.prompt.get("en"), new.prompt.get("en")).ratio()
    return ratio >= 0.6 or new.key in REWORDED


@pytest.mark.parametrize("version", PUBLISHED)
def test_an_id_kept_from_a_published_version_still_means_that_question(
    packs: list[Pack], version: str
) -> None:
    for pack in packs:
        old = load_pack(HISTORY / version / pack.info.id)
        now = {q.key: q for q in pack.questions}
        changed = [
            q.key for q in old.questions if q.key in now and not _same_question(q, now[q.key])
        ]
        assert changed == [], f"{pack.info.id}: give these a new id and retire the old one"


def test_the_rule_for_same_question_tells_a_new_question_apart(packs: list[Pack]) -> None:
    old = load_pack(HISTORY / "1.0.0" / "change-missions")
    was = {str(q.key): q for q in old.questions}
    now = {str(q.key): q for p in packs for q in p.questions}
    assert _same_question(was["ce4-rover-name"], now["ce4-rover-name"])
    # In 1.0.0 "ce3-lanyue" asked for Lanyue; the 1.0.0 fact-check put a question about
    # Lunokhod 2 under that id (now "ce3-rover-before-yutu").
    assert not _same_question(was["ce3-lanyue"], now["ce3-rover-before-yutu"])


# Upgrading a bank full of answers


def _answer_every_question(database: object, learner: object, pack_id: str) -> None:
    """Quizzes on each topic until every question has one answer; every other answer right.

    A quiz holds at most one question of a group (1.2.0 on), so one quiz per topic no longer
    reaches them all: quizzes are drawn again, with new seeds, until each question is answered.
    """
    from quiz_app.core.grading import right_response
    from quiz_app.core.questions import Card
    from quiz_app.core.quiz import QuizSettings
    from quiz_app.services.quiz import quiz_questions, start_quiz, submit_answer
    from quiz_app.storage import Database
    from quiz_app.storage.packs import pack_summaries
    from tests.services.test_quiz import _wrong

    assert isinstance(database, Database)
    with database.reading() as session:
        [summary] = [s for s in pack_summaries(session) if s.id == pack_id]
    seed = 0
    given = 0
    for topic in summary.topics:
        answered: set[object] = set()
        settings = QuizSettings(topic_ids=(topic.id,), count=topic.question_count)
        while len(answered) < topic.question_count:
            assert seed < 100 * len(summary.topics), f"{topic.id}: draws never reach them all"
            quiz = start_quiz(database, learner, settings, seed=seed, now=NOW).value  # type: ignore[arg-type]
            seed += 1
            for question in quiz_questions(database, quiz):
                if question.id in answered:
                    continue
                body = question.question.body
                wrong = given % 2 == 0 and not isinstance(body, Card)  # a card's answer is a rating
                response = _wrong(body) if wrong else right_response(body)
                submit_answer(database, quiz.id, question.id, response, 1000, now=NOW)
                answered.add(question.id)
                given += 1


@pytest.mark.parametrize("version", PUBLISHED)
def test_upgrading_keeps_every_answer_with_the_question_it_was_given_for(
    database: object, version: str
) -> None:
    """Import a published version, answer every question, import this one: every answer
    still points at a question that asks what it asked (kept and graded the same way), or
    at the retired question exactly as it was."""
    from sqlalchemy import select

    from quiz_app.core.grading import grade
    from quiz_app.core.responses import response_from_json
    from quiz_app.core.serialize import question_from_dict
    from quiz_app.services.learners import create_learner
    from quiz_app.services.packs import import_pack
    from quiz_app.storage import Database
    from quiz_app.storage.models import ANSWER, QUESTION

    assert isinstance(database, Database)
    learner = create_learner(database, "Ada", now=NOW).value.id
    for folder in FOLDERS:
        import_pack(database, HISTORY / version / folder.name, now=NOW)
        _answer_every_question(database, learner, folder.name)
    with database.reading() as session:
        before = {row.id: row for row in session.execute(select(QUESTION))}
    for folder in FOLDERS:
        plan = import_pack(database, folder, now=NOW)
        assert plan.added or plan.changed, folder.name
        # 1.2.0 retired the ids the 1.0.0 fact-check had reused; nothing was retired since.
        assert bool(plan.retired) == (version != "1.2.0"), folder.name
    with database.reading() as session:
        after = {row.id: row for row in session.execute(select(QUESTION))}
        answers = session.execute(select(ANSWER)).all()
    assert len(answers) == len(before)
    moved = []
    for answer in answers:
        old, new = before[answer.question_id], after[answer.question_id]
        assert new.key == old.key
        if new.retired:
            assert new.content == old.content, "a retired question keeps the text answered"
            continue
        was = question_from_dict(json.loads(old.content))
        now = question_from_dict(json.loads(new.content))
        given = response_from_json(now.type, answer.given)
        if not _same_question(was, now) or grade(now.body, given) != answer.score:
            moved.append(old.key)
    assert moved == []
