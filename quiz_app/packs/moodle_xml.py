"""Moodle XML, parsed with defusedxml: entities, DTDs and external references are refused.

Read: multichoice (one or several right answers), truefalse, shortanswer, numerical
(first right answer, its tolerance and first unit), matching, ordering (the plugin's
format), essay with a model answer (becomes a self-rated card: the grader information
is its back, else the general feedback), category (becomes the topic). Texts in HTML
become the pack's Markdown (``html_text``) with their images as pack media; a choice's
``<feedback>`` is its feedback, ``<generalfeedback>`` the explanation, ``<name>`` the
title. What Moodle itself refuses (a fraction not in its list, positive fractions of a
multiple-answer question not adding up to 100%, a one-answer question without a 100%
answer) is refused here, with its line. Descriptions, cloze items and other types are
listed as left out; the rest is imported only if the teacher accepts (PartialPackError).
"""

from __future__ import annotations

import base64
import binascii
import bisect
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from quiz_app.core.errors import PackError, Problem
from quiz_app.core.ids import TopicKey
from quiz_app.core.questions import (
    Body,
    Card,
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Pack,
    Pair,
    Question,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.serialize import question_to_dict
from quiz_app.core.text import LocalizedList, LocalizedText
from quiz_app.packs import limits
from quiz_app.packs.files import read_regular
from quiz_app.packs.foreign import (
    DEFAULT_DIFFICULTY,
    Entry,
    checked_pack,
    name_key,
    question_key,
    unique_slug,
)
from quiz_app.packs.html_text import MediaFiles, html_to_markdown, html_to_text
from quiz_app.packs.messages import cannot_read, too_big

_QUESTION_TAG = re.compile(rb"<question\b")
_ANSWER_TAG = re.compile(rb"<answer\b")
_CATEGORY_SEP = re.compile(r"(?<!/)/(?!/)")
_LONE_IMAGE = re.compile(r"(?:^|\n\n)!\[([^\]\n]*)\]\((media/[^)\s]+)\)$")

FRACTIONS = (
    100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333,
    30.0, 25.0, 20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0,
)  # fmt: skip
"""The grades Moodle accepts for an answer, in percent (question_bank::fraction_options_full);
their negatives are its penalties."""
FRACTION_SLACK = 0.005
"""How far a written fraction may be from one of Moodle's: ``33.33`` is ``33.33333``."""
TOTAL_SLACK = 0.05
"""How far the positive fractions of a multiple-answer question may be from 100 in sum
(seven answers of ``14.29`` add up to 100.03)."""

_UNSUPPORTED = {
    "description": (
        "a description is text with no question: this app leaves it out",
        "说明（description）只是文字，没有题目：本应用略去它",
    ),
    "cloze": (
        "a cloze question (embedded answers) cannot be held here: this app leaves it out",
        "完形填空题（嵌入式答案）无法在此保存：本应用略去它",
    ),
    "multianswer": (
        "a cloze question (embedded answers) cannot be held here: this app leaves it out",
        "完形填空题（嵌入式答案）无法在此保存：本应用略去它",
    ),
}


def _is_allowed(fraction: float) -> bool:
    return any(abs(abs(fraction) - allowed) <= FRACTION_SLACK for allowed in FRACTIONS)


def _is_full(fraction: float) -> bool:
    """Worth 100%, as Moodle rounds a written fraction (``99.999`` is 100)."""
    return fraction >= 100 - FRACTION_SLACK


def _line(raw: str | None) -> str:
    """A one-line field Moodle keeps as plain text (an accepted answer, a unit, the
    answer of a matching pair): taken as written, spaces folded."""
    return " ".join((raw or "").split())


def _fraction(answer: Element) -> float | None:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return None


class _RefusedError(Exception):
    """A question Moodle would refuse, or one this app cannot hold: why, and where."""

    def __init__(self, en: str, zh: str, line: int | None = None) -> None:
        super().__init__(en)
        self.en, self.zh, self.line = en, zh, line


@dataclass
class _Question:
    """One ``<question>`` being read: its element, where it is, and what it noted."""

    element: Element
    line: int | None
    answer_lines: Sequence[int | None]
    media: MediaFiles
    notes: list[tuple[int | None, str, str]] = field(default_factory=list)

    def note(self, en: str, zh: str, line: int | None = None) -> None:
        self.notes.append((line or self.line, en, zh))

    def rich(self, element: Element | None, what: tuple[str, str]) -> str:
        """The text of ``element`` (``questiontext``, an ``answer`` ...) as Markdown."""
        if element is None:
            return ""
        raw = element.findtext("text") or ""
        kind = element.get("format")  # HTML unless it says otherwise (none, or unknown)
        if kind == "markdown":
            return raw.strip()
        if kind == "plain_text":
            # Shown as written: each line break a break, nothing read as markup.
            raw = html.escape(raw.replace("\r\n", "\n").replace("\r", "\n").strip())
            raw = raw.replace("\n", "<br>")
        elif kind == "moodle_auto_format":
            raw = raw.replace("\r\n", "\n").replace("\n", "<br>")
        files = {
            file.get("name", ""): _decoded(file)
            for file in element.findall("file")
            if file.get("encoding") == "base64"
        }
        converted = html_to_markdown(raw, files, self.media)
        for note in converted.notes:
            self.note(f"{what[0]}: {note.get('en')}", f"{what[1]}：{note.get('zh')}")
        return converted.markdown

    def answer_line(self, index: int) -> int | None:
        return self.answer_lines[index] if index < len(self.answer_lines) else self.line


def _decoded(file: Element) -> bytes:
    try:
        return base64.b64decode(file.text or "", validate=False)
    except (binascii.Error, ValueError):
        return b""


def _check_fractions(q: _Question, answers: list[Element]) -> list[float]:
    """Each answer's fraction, refused unless Moodle allows it."""
    fractions = []
    for i, answer in enumerate(answers):
        value = _fraction(answer)
        written = answer.get("fraction", "0")
        if value is None or not _is_allowed(value):
            raise _RefusedError(
                f"the answer's fraction '{written}' is not a grade Moodle allows "
                "(100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, "
                "16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 or their negatives)",
                f"答案的分数“{written}”不是 Moodle 允许的分值（100、90、83.33333、80、75、70、"
                "66.66667、60、50、40、33.33333、30、25、20、16.66667、14.28571、12.5、"
                "11.11111、10、5、0 或其负值）",
                q.answer_line(i),
            )
        # Moodle reads a fraction within its slack of 0 as 0: no credit, not a right answer
        fractions.append(0.0 if abs(value) <= FRACTION_SLACK else value)
    return fractions


def _choices(q: _Question, answers: list[Element]) -> tuple[Choice, ...]:
    choices = []
    for i, answer in enumerate(answers):
        n = i + 1
        text = q.rich(answer, (f"answer {n}", f"答案 {n}")) or "—"
        feedback = q.rich(answer.find("feedback"), (f"feedback of answer {n}", f"答案 {n} 的反馈"))
        choices.append(
            Choice(
                chr(ord("a") + i),
                LocalizedText.of(text),
                LocalizedText.of(feedback) if feedback else None,
            )
        )
    return tuple(choices)


def _answer_feedback(q: _Question, answers: list[Element], labels: Sequence[str]) -> list[str]:
    """Per-answer feedback of a question without choices, one line per answer, for the
    explanation (``Queqiao: the relay``), as the GIFT reader does."""
    lines = []
    for i, (answer, label) in enumerate(zip(answers, labels, strict=False)):
        n = i + 1
        text = q.rich(answer.find("feedback"), (f"feedback of answer {n}", f"答案 {n} 的反馈"))
        if text:
            lines.append(f"{label}: {text}")
    return lines


def _multichoice(q: _Question, answers: list[Element]) -> Body:
    if len(answers) < 2:
        raise _RefusedError(
            "a multiple-choice question needs at least two answers",
            "选择题至少需要两个答案",
        )
    fractions = _check_fractions(q, answers)
    choices = _choices(q, answers)
    single = (q.element.findtext("single") or "true").strip().lower() in ("true", "1")
    if single:
        full = [i for i, f in enumerate(fractions) if _is_full(f)]
        if not full:
            best = max(fractions)
            raise _RefusedError(
                f"no answer is worth 100% (the best is {best:g}%); Moodle requires one",
                f"没有一个答案得 100%（最高为 {best:g}%），Moodle 要求必须有一个",
            )
        for i, f in enumerate(fractions):
            if f > 0 and not _is_full(f):
                q.note(
                    f"answer {i + 1} is worth {f:g}% in Moodle; here it counts as wrong",
                    f"答案 {i + 1} 在 Moodle 中得 {f:g}%；在此算作错误",
                    q.answer_line(i),
                )
        if len(full) > 1:
            q.note(
                f"{len(full)} answers are worth 100%; here only answer {full[0] + 1} is right",
                f"有 {len(full)} 个答案得 100%；在此只有答案 {full[0] + 1} 算对",
            )
        return SingleChoice(choices, choices[full[0]].id)
    right = [i for i, f in enumerate(fractions) if f > 0]
    total = sum(fractions[i] for i in right)
    if abs(total - 100) > TOTAL_SLACK:
        raise _RefusedError(
            f"the positive fractions add up to {total:g}%; Moodle needs 100% "
            "(e.g. 50 on each of two right answers)",
            f"正分数之和为 {total:g}%；Moodle 要求为 100%（例如两个正确答案各 50）",
        )
    if len({round(fractions[i], 2) for i in right}) > 1:
        shares = ", ".join(f"{i + 1}: {fractions[i]:g}%" for i in right)
        q.note(
            f"right answers worth {shares}: here each right answer is worth the same",
            f"正确答案的分值 {shares}：在此每个正确答案分值相同",
        )
    return MultipleResponse(choices, frozenset(choices[i].id for i in right))


def _body(kind: str, q: _Question, explanation: list[str]) -> Body:
    """The question's body; per-answer feedback of types without choices joins
    ``explanation``."""
    question = q.element
    answers = question.findall("answer")
    if kind == "multichoice":
        return _multichoice(q, answers)
    if kind == "truefalse":
        full = [a for a in answers if _is_full(_fraction(a) or 0)]
        if len(full) != 1 or _line(full[0].findtext("text")).lower() not in ("true", "false"):
            raise _RefusedError(
                "a true/false question needs one answer 'true' or 'false' worth 100",
                "判断题需要恰好一个得 100 分的答案“true”或“false”",
            )
        names = [_line(a.findtext("text")).capitalize() for a in answers]
        explanation += _answer_feedback(q, answers, names)
        return TrueFalse(_line(full[0].findtext("text")).lower() == "true")
    if kind == "shortanswer":
        fractions = _check_fractions(q, answers)
        texts = [_line(a.findtext("text")) for a in answers]
        accepted = [t for t, f in zip(texts, fractions, strict=True) if _is_full(f) and t]
        if not accepted:
            raise _RefusedError("no answer is worth 100%", "没有一个答案得 100%")
        for i, (t, f) in enumerate(zip(texts, fractions, strict=True)):
            if f > 0 and not _is_full(f) and t:
                q.note(
                    f"'{t}' is worth {f:g}% in Moodle; here it is not accepted",
                    f"“{t}”在 Moodle 中得 {f:g}%；在此不被接受",
                    q.answer_line(i),
                )
        explanation += _answer_feedback(q, answers, texts)
        return ShortText(LocalizedList.of({"en": [a.replace("*", "") for a in accepted]}))
    if kind == "numerical":
        fractions = _check_fractions(q, answers)
        worth_all = [a for a, f in zip(answers, fractions, strict=True) if _is_full(f)]
        try:
            value = float(_line(worth_all[0].findtext("text")))
            tolerance = abs(float(worth_all[0].findtext("tolerance") or 0))
        except (IndexError, ValueError) as err:
            raise _RefusedError(
                "no numeric answer is worth 100%", "没有一个数值答案得 100%"
            ) from err
        unit = _line(question.findtext("units/unit/unit_name"))
        explanation += _answer_feedback(q, answers, [_line(a.findtext("text")) for a in answers])
        return Numeric(value, tolerance, LocalizedText.of(unit) if unit else None)
    if kind == "matching":
        pairs = []
        for i, sub in enumerate(question.findall("subquestion")):
            left = q.rich(sub, (f"pair {i + 1}", f"配对 {i + 1}"))
            right = _line(sub.findtext("answer/text"))
            if left and right:
                pairs.append((left, right))
        if len(pairs) < 2:
            raise _RefusedError(
                "a matching question needs at least two pairs", "配对题至少需要两对"
            )
        return Matching(
            tuple(
                Pair(f"p{i + 1}", LocalizedText.of(left), LocalizedText.of(right))
                for i, (left, right) in enumerate(pairs)
            )
        )
    if kind == "ordering":
        if len(answers) < 2:
            raise _RefusedError(
                "an ordering question needs at least two items", "排序题至少需要两项"
            )
        return Ordering(
            tuple(
                Choice(
                    f"i{i + 1}",
                    LocalizedText.of(q.rich(a, (f"item {i + 1}", f"第 {i + 1} 项")) or "—"),
                )
                for i, a in enumerate(answers)
            )
        )
    if kind == "essay":
        # The grader information is where a teacher writes the model answer; the
        # response template is text the learner starts from, not an answer.
        back = q.rich(question.find("graderinfo"), ("grader information", "评分说明"))
        if not back:
            back, explanation[:] = "\n\n".join(explanation), []
        if not back:
            raise _RefusedError(
                "an essay with no model answer (grader information or general feedback) "
                "cannot be marked here: this app leaves it out",
                "没有参考答案（评分说明或总体反馈）的论述题无法在此评分：本应用略去它",
            )
        q.note(
            "an essay becomes a self-rated card; its model answer is the card's back",
            "论述题改为自评卡片；其参考答案为卡片背面",
        )
        return Card(LocalizedText.of(back))
    en, zh = _UNSUPPORTED.get(
        kind,
        (
            f"question type '{kind}' is not supported (see docs/formats.md): "
            "this app leaves it out",
            f"不支持题型“{kind}”（见 docs/formats.md）：本应用略去它",
        ),
    )
    raise _RefusedError(en, zh)


def _lone_image(prompt: str) -> tuple[str, str, str] | None:
    """(prompt without it, path, alt) when the prompt ends with an image on its own, its
    only one: that is the question's picture (this app writes its image so)."""
    match = _LONE_IMAGE.search(prompt)
    if match is None or prompt.count("](media/") != 1:
        return None
    rest = prompt[: match.start()].strip()
    return (rest, match.group(2), match.group(1)) if rest else None


def _parse(label: str, raw: bytes) -> Element:
    try:
        root: Element = SafeET.fromstring(raw, forbid_dtd=True)
    except DefusedXmlException as err:
        raise PackError(
            [
                Problem(
                    label,
                    None,
                    f"refused: the XML uses {type(err).__name__} "
                    "(entities, DTDs and external references are not allowed)",
                    zh=f"已拒绝：该 XML 使用了 {type(err).__name__}（不允许实体、DTD 和外部引用）",
                )
            ]
        ) from err
    except SafeET.ParseError as err:
        raise PackError(
            [
                Problem(
                    label,
                    err.position[0],  # expat says where, always
                    f"is not well-formed XML ({err})",
                    zh=f"不是格式正确的 XML（{err}）",
                )
            ]
        ) from err
    except LookupError as err:  # the XML declaration names an encoding Python lacks
        raise PackError(
            [Problem(label, 1, f"is not readable XML: {err}", zh=f"不是可读取的 XML：{err}")]
        ) from err
    return root


def _lines(raw: bytes, count: int) -> list[tuple[int | None, list[int | None]]]:
    """For each of ``count`` questions: its line, and the lines of its answers."""
    starts = [m.start() for m in _QUESTION_TAG.finditer(raw)]
    if len(starts) != count:  # "<question" inside a text: lines cannot be trusted
        return [(None, []) for _ in range(count)]
    breaks = [m.start() for m in re.finditer(rb"\n", raw)]

    def line_of(offset: int) -> int:
        return bisect.bisect_left(breaks, offset) + 1

    out: list[tuple[int | None, list[int | None]]] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(raw)
        answers: list[int | None] = [
            line_of(m.start()) for m in _ANSWER_TAG.finditer(raw, start, end)
        ]
        out.append((line_of(start), answers))
    return out


def load_moodle_xml(path: Path) -> Pack:
    label = str(path)
    try:
        raw = read_regular(path, limits.QUESTION_FILE_MAX)  # never more than the limit
    except OSError as err:
        raise PackError([Problem.of(label, None, cannot_read(err.strerror))]) from err
    if len(raw) > limits.QUESTION_FILE_MAX:
        raise PackError([Problem.of(label, None, too_big(len(raw), limits.QUESTION_FILE_MAX))])
    root = _parse(label, raw)
    questions = list(root.iter("question"))
    lines = _lines(raw, len(questions))
    topic_title = path.stem
    topics: dict[str, str] = {}
    taken: set[str] = set()
    entries: list[Entry] = []
    media = MediaFiles()
    skipped: list[Problem] = []
    notes: list[Problem] = []
    for question, (line, answer_lines) in zip(questions, lines, strict=True):
        kind = question.get("type", "")
        if kind == "category":
            path_text = html_to_text(question.findtext("category/text") or "")
            # Moodle writes a '/' inside a category's name as '//'
            name = _CATEGORY_SEP.split(path_text)[-1].replace("//", "/").strip()
            topic_title = name or topic_title
            continue
        title = " ".join((question.findtext("name/text") or "").split())
        q = _Question(
            question,
            line,
            answer_lines if len(answer_lines) == len(question.findall("answer")) else [],
            media,
        )
        try:
            prompt = q.rich(question.find("questiontext"), ("question text", "题干"))
            if not prompt and kind not in ("description",):
                raise _RefusedError("the question has no text", "题目没有文字")
            explanation = [
                q.rich(question.find("generalfeedback"), ("general feedback", "总体反馈"))
            ]
            explanation = [e for e in explanation if e]
            body = _body(kind, q, explanation)
        except _RefusedError as refused:
            skipped.append(
                Problem(label, refused.line or line, refused.en, title or None, zh=refused.zh)
            )
            continue
        topic = topics.setdefault(topic_title, unique_slug(topic_title, set(topics.values())))
        idnumber = (question.findtext("idnumber") or "").strip()
        key = (
            name_key(idnumber, taken)  # None when empty
            or name_key(title, taken)
            or question_key("xml", prompt, taken)
        )
        image = _lone_image(prompt)
        if image is not None:
            prompt = image[0]
        entries.append(
            Entry(
                line,
                question_to_dict(
                    Question(
                        key=key,
                        topic=TopicKey(topic),
                        difficulty=DEFAULT_DIFFICULTY,
                        prompt=LocalizedText.of(prompt),
                        body=body,
                        explanation=(
                            LocalizedText.of("\n\n".join(explanation)) if explanation else None
                        ),
                        image=image[1] if image else None,
                        image_alt=LocalizedText.of(image[2]) if image and image[2] else None,
                        title=title if title and title != key else None,
                    )
                ),
            )
        )
        notes += [Problem(label, at, en, key, zh=zh) for at, en, zh in q.notes]
    return checked_pack(
        path,
        entries,
        topics,
        origin="moodle-xml",
        media=media.files,
        skipped=skipped,
        notes=notes,
        partial=True,
    )
