"""GIFT, Moodle's text format for questions, read and written the way Moodle's own
``qformat_gift`` does (see docs/formats.md for what is kept and what is not).

    // a comment
    $CATEGORY: Chang'e/Far side

    ::ce4-landing:: Which mission made the first soft landing on the far side? {
        ~Chang'e-3 # It landed on the near side.
        =Chang'e-4
        ####It landed in Von Kármán crater on 3 January 2019.
    }

Questions are separated by blank lines. Each is read on its own: a question Moodle
would refuse, or one this app cannot hold (an essay, a description), is reported with
its line, and the others are imported only if the teacher accepts (PartialPackError).
What a question loses on the way in (a 50% answer, a wildcard) is kept as a note for
the preview.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quiz_app.core.errors import Message, PackError, Problem
from quiz_app.core.ids import QuestionKey, TopicKey
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
from quiz_app.packs.aiken import read_text_file
from quiz_app.packs.foreign import (
    DEFAULT_DIFFICULTY,
    Entry,
    TextExport,
    checked_pack,
    name_key,
    question_key,
    unique_slug,
)
from quiz_app.packs.html_text import MediaFiles, html_to_markdown
from quiz_app.packs.rich_text import to_html

# Escaped control characters stand in as Unicode noncharacters while a question is
# taken apart (Moodle uses "&&058;"-style placeholders); text may not contain them.
_ESCAPES = {
    ":": "\ufdd0",
    "#": "\ufdd1",
    "=": "\ufdd2",
    "{": "\ufdd3",
    "}": "\ufdd4",
    "~": "\ufdd5",
}
_NEWLINE = "\ufdd6"
_BACKSLASH = "\ufdd7"
_RESERVED = re.compile("[\ufdd0-\ufdd7]")
_UNESCAPE = {v: k for k, v in _ESCAPES.items()} | {_NEWLINE: "\n"}

_FORMATS = ("moodle", "html", "plain", "markdown")
_WEIGHT = re.compile(r"%([^%]*)%")
_PERCENT = re.compile(r"-?\d{1,3}(?:\.\d+)?")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
"""A number as PHP's is_numeric accepts it (no inf, nan, hex or underscores)."""
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BREAK = re.compile(r"(?i)</?(?:br|p|div|li|ul|ol|tr|table|h[1-6])\b[^<>]*>")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_PREFIX = "gift"
MISSING_WORD = "_____"


def _escape_pre(text: str) -> str:
    text = text.replace("\\\\", _BACKSLASH)
    for char, placeholder in _ESCAPES.items():
        text = text.replace("\\" + char, placeholder)
    return text.replace("\\n", _NEWLINE).replace(_BACKSLASH, "\\")


def _unescape(text: str) -> str:
    return _RESERVED.sub(lambda m: _UNESCAPE.get(m.group(), ""), text)


def _plain(raw: str, default: str = "moodle") -> tuple[str, str]:
    """Text of a GIFT part as plain text, and its format (``[html]`` etc. at its start).

    Moodle's default format is HTML in which a line break is a break; in ``[html]`` it
    is a space. Tags go (a ``<`` not followed by a letter stays), entities are decoded.
    """
    text, kind = raw.strip(), default
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in _FORMATS:
            kind, text = text[1:end], text[end + 1 :]
    if kind == "html":
        text = text.replace("\n", " ")
    text = _unescape(text)
    if kind in ("moodle", "html"):
        text = html.unescape(_TAG.sub("", _BREAK.sub("\n", text)))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line), kind


@dataclass
class _Block:
    """One question's lines, comments blanked, with what is needed to name its lines."""

    text: str
    first_line: int

    def line(self, position: int) -> int:
        return self.first_line + self.text.count("\n", 0, position)


@dataclass
class _Part:
    """An answer of a question: its weight in percent (None when none was written)."""

    text: str
    """As plain text (an accepted answer, a number, or to name it in a message)."""
    weight: float | None
    feedback: str
    """As Markdown."""
    line: int
    rich: str = ""
    """The text as Markdown (a choice)."""


class _RefusedError(Exception):
    """A question that cannot be read: why (in English and Chinese), and the line to blame."""

    def __init__(self, line: int, en: str, zh: str) -> None:
        super().__init__(en)
        self.line = line
        self.en, self.zh = en, zh


_NO_FULL_MARKS = (
    "no answer is worth 100%, as Moodle requires",
    "没有一个答案得 100%，而 Moodle 要求必须有",
)


@dataclass
class GiftReader:
    label: str
    topic_title: str
    topics: dict[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    names: dict[str, int] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    media: MediaFiles = field(default_factory=MediaFiles)
    _pending_notes: list[tuple[int, str, str]] = field(default_factory=list)
    _here: int = 0

    def note(self, line: int, en: str, zh: str) -> None:
        self._pending_notes.append((line, en, zh))

    def rich(self, raw: str, default: str = "moodle") -> tuple[str, str]:
        """Text of a GIFT part as the pack's Markdown, and its format (``[html]`` etc.).

        ``[markdown]`` is taken as written; ``[html]`` and Moodle's default (HTML in which
        a line break is a break) go through ``html_text``; ``[plain]`` is shown as written.
        """
        text, kind = raw.strip(), default
        if text.startswith("["):
            end = text.find("]")
            if end > 0 and text[1:end] in _FORMATS:
                kind, text = text[1:end], text[end + 1 :]
        if kind == "html":
            text = text.replace("\n", " ")
        text = _unescape(text).strip()
        if kind == "markdown":
            return text, kind
        if kind == "plain":
            text = html.escape(text, quote=False)
        if kind != "html":  # in Moodle's own format and in plain text a line break shows
            text = text.replace("\n", "<br>")
        converted = html_to_markdown(text, None, self.media)
        for note in converted.notes:
            self.note(self._here, note.get("en"), note.get("zh"))
        return converted.markdown, kind

    def read(self, raw: _Block) -> None:
        # Escapes become single placeholders; no line break is added or lost.
        block = _Block(_escape_pre(raw.text), raw.first_line)
        text = block.text
        if not text.strip():
            return  # only comments
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if text.startswith("$CATEGORY:", start):
            self._category(block, text, start, end)
            return
        self._pending_notes = []
        self._here = block.line(start)
        try:
            question = self._question(block, text, start, end)
        except _RefusedError as refused:
            self.skipped.append(Problem(self.label, refused.line, refused.en, zh=refused.zh))
            return
        self.entries.append(Entry(block.line(start), question_to_dict(question)))
        self.notes += [
            Problem(self.label, line, message, question.key, zh=zh)
            for line, message, zh in self._pending_notes
        ]

    def _category(self, block: _Block, text: str, start: int, end: int) -> None:
        first, _, rest = text[start + len("$CATEGORY:") : end].partition("\n")
        if rest.strip():
            self.skipped.append(
                Problem(
                    self.label,
                    block.line(start) + 1,
                    "a question follows $CATEGORY without a blank line; "
                    "Moodle would read it as part of the category's name",
                    zh="$CATEGORY 后面紧跟着题目，中间没有空行；Moodle 会把它当作类别名称的一部分",
                )
            )
        path = _unescape(first).strip()
        parts = [p.replace("//", "/").strip() for p in re.split(r"(?<!/)/(?!/)", path)]
        self.topic_title = next((p for p in reversed(parts) if p), self.topic_title)

    def _question(self, block: _Block, text: str, start: int, end: int) -> Question:
        here = block.line(start)
        name: str | None = None
        if text.startswith("::", start):
            close = text.find("::", start + 2)
            if close == -1:
                start += 2  # as Moodle does: no name, and the '::' is dropped
            else:
                name = _unescape(text[start + 2 : close]).strip()
                start = close + 2
                start += len(text[start:]) - len(text[start:].lstrip())
        opening, closing = text.find("{", start), text.find("}", start)
        if opening == -1 and closing == -1:
            raise _RefusedError(
                here,
                "text with no {answers} is a description in Moodle, not a question",
                "没有 {answers} 的文字在 Moodle 中是说明，不是题目",
            )
        if closing == -1:
            raise _RefusedError(
                block.line(opening),
                "a '{' with no '}' after it (write \\{ for a brace)",
                "“{”之后没有“}”（花括号本身请写作 \\{）",
            )
        if opening == -1 or closing < opening:
            raise _RefusedError(
                block.line(closing),
                "a '}' with no '{' before it (write \\} for a brace)",
                "“}”之前没有“{”（花括号本身请写作 \\}）",
            )
        again = text.find("{", closing + 1)
        if again != -1 and again < end:
            raise _RefusedError(
                block.line(again),
                "a second {answers} in one question: is a blank line missing "
                "between two questions? (write \\{ for a brace)",
                "一道题中出现了第二个 {answers}：两道题之间是否少了空行？（花括号本身请写作 \\{）",
            )
        after = text[closing + 1 : end]
        prompt_raw = text[start:opening] + (MISSING_WORD + after if after.strip() else "")
        answers = text[opening + 1 : closing]
        answers_at = opening + 1
        general = ""
        split = answers.rfind("####")
        if split != -1:
            general = answers[split + 4 :]
            answers = answers[:split]
        prompt, kind = self.rich(prompt_raw)
        if not prompt:
            raise _RefusedError(here, "the question has no text", "题目没有文字")
        explanation = [self.rich(general, kind)[0]] if general.strip() else []
        body: Body
        if not answers.strip() and explanation:
            # An essay with general feedback: its model answer, so a self-rated card.
            body, explanation = Card(LocalizedText.of(explanation[0])), []
            self.note(
                here,
                "an essay ({####...}) becomes a self-rated card; its general "
                "feedback is the card's back",
                "论述题（{####...}）改为自评卡片；其总体反馈为卡片背面",
            )
        else:
            body = self._body(block, answers, answers_at, kind, here, explanation)
        key = self._key(name, prompt)
        return Question(
            key=key,
            title=name if name and name != key else None,
            topic=TopicKey(self._topic()),
            difficulty=DEFAULT_DIFFICULTY,
            prompt=LocalizedText.of(prompt),
            body=body,
            explanation=LocalizedText.of("\n\n".join(explanation)) if explanation else None,
        )

    def _topic(self) -> str:
        if self.topic_title not in self.topics:
            self.topics[self.topic_title] = unique_slug(self.topic_title, set(self.topics.values()))
        return self.topics[self.topic_title]

    def _key(self, name: str | None, prompt: str) -> QuestionKey:
        """The question's name as its id when it can be one, else a readable slug of it
        (``Français`` -> ``francais``), else a hash of its text."""
        key = name_key(name, self.taken) if name else None
        return key or question_key(_PREFIX, prompt, self.taken)

    # -- the answers -----------------------------------------------------------------
    def _body(
        self,
        block: _Block,
        answers: str,
        at: int,
        kind: str,
        here: int,
        explanation: list[str],
    ) -> Body:
        stripped = answers.strip()
        if not stripped:
            raise _RefusedError(
                here,
                "an essay question ({} with no answers) cannot be marked here; with a model "
                "answer as its general feedback ({####answer}) it becomes a self-rated card",
                "论述题（没有答案的 {}）无法在此评分；若把参考答案写作总体反馈"
                "（{####answer}），它会成为自评卡片",
            )
        if stripped.startswith("#"):
            return self._numeric(block, answers, at, kind, explanation)
        if "~" in stripped:
            return self._choice(block, answers, at, kind, explanation)
        if "=" in stripped and "->" in stripped:
            return self._matching(block, answers, at, kind)
        head = stripped
        if stripped.find("#") > 0:
            head = stripped[: stripped.find("#")].strip()
        if head in _TRUE_FALSE:
            return self._true_false(stripped, kind, explanation)
        return self._short(block, answers, at, kind, here, explanation)

    def _parts(
        self,
        block: _Block,
        answers: str,
        at: int,
        markers: str,
        kind: str,
        *,
        matching: bool = False,
    ) -> list[tuple[str, _Part]]:
        """Split the answers where a marker (``~`` or ``=``) starts one, as Moodle does.

        Gives (marker, part); text before the first marker is an answer with no marker.
        In multiple choice ``=`` means full marks, and what follows it is all answer text;
        matching pairs have neither weights nor feedback.
        """
        pieces: list[tuple[str, int, int]] = []
        starts = [m.start() for m in re.finditer(f"[{re.escape(markers)}]", answers)]
        bounds = [*sorted({0, *starts}), len(answers)]
        for begin, finish in itertools.pairwise(bounds):
            marker = answers[begin] if begin in starts else ""
            pieces.append((marker, begin + len(marker), finish))
        parts = []
        for marker, begin, finish in pieces:
            raw = answers[begin:finish]
            if not marker and not raw.strip():
                continue
            line = block.line(at + begin + len(raw) - len(raw.lstrip()))
            body = raw.strip()
            weight = None
            plain_text = matching or (marker == "=" and markers == "~=")
            match = None if plain_text else _WEIGHT.match(body)
            if match:
                if not _PERCENT.fullmatch(match.group(1)) or abs(float(match.group(1))) > 100:
                    weight_text = _unescape(match.group(1))
                    raise _RefusedError(
                        line,
                        f"the weight '%{weight_text}%' is not a percentage from -100 to 100",
                        f"权重“%{weight_text}%”不是 -100 到 100 之间的百分数",
                    )
                weight = float(match.group(1))
                body = body[match.end() :]
            answer, _, feedback = (body, "", "") if matching else body.partition("#")
            parts.append(
                (
                    marker,
                    _Part(
                        answer if matching else _plain(answer, kind)[0],
                        weight,
                        self.rich(feedback, kind)[0] if feedback.strip() else "",
                        line,
                        "" if matching else self.rich(answer, kind)[0],
                    ),
                )
            )
        return parts

    def _choice(
        self, block: _Block, answers: str, at: int, kind: str, explanation: list[str]
    ) -> Body:
        single = "=" in answers
        parts = []
        for marker, part in self._parts(block, answers, at, "~=", kind):
            if marker == "=":
                part.weight = 100.0
            elif part.weight is None:
                part.weight = 0.0
            if part.text:  # Moodle leaves out answers with no text
                parts.append(part)
        first = block.line(at)
        if len(parts) < 2:
            raise _RefusedError(
                first,
                "a multiple-choice question needs at least two answers",
                "选择题至少需要两个答案",
            )
        if len(parts) > 10:
            raise _RefusedError(
                first,
                f"{len(parts)} answers; a question here has at most 10",
                f"有 {len(parts)} 个答案；这里的题目最多 10 个",
            )
        choices = tuple(
            Choice(
                chr(ord("a") + i),
                LocalizedText.of(p.rich or p.text),
                LocalizedText.of(p.feedback) if p.feedback else None,
            )
            for i, p in enumerate(parts)
        )
        weights = [p.weight or 0.0 for p in parts]
        if single:
            full = [i for i, w in enumerate(weights) if w == 100]
            if not full:
                best = max(weights)
                raise _RefusedError(
                    first,
                    f"no answer is worth 100% (the best is {best:g}%), as Moodle requires",
                    f"没有一个答案得 100%（最高为 {best:g}%），而 Moodle 要求必须有",
                )
            if len(full) > 1:
                texts = ", ".join(f"'{parts[i].text}'" for i in full)
                raise _RefusedError(
                    first,
                    f"{texts} are each fully right; a one-answer question here has one "
                    "right answer (make it a multiple-answer question with ~%50% weights)",
                    f"{texts} 都是完全正确的答案；这里的单选题只有一个正确答案"
                    "（请改为多选题，并使用 ~%50% 这样的权重）",
                )
            for part, weight in zip(parts, weights, strict=True):
                if 0 < weight < 100:
                    self.note(
                        part.line,
                        f"'{part.text}' is worth {weight:g}% in Moodle; here it counts as wrong",
                        f"“{part.text}”在 Moodle 中得 {weight:g}%；在此算作错误",
                    )
            return SingleChoice(choices, choices[full[0]].id)
        right = [i for i, w in enumerate(weights) if w > 0]
        total = sum(weights[i] for i in right)
        if not right:
            raise _RefusedError(
                first,
                "no answer is marked right: put = before the right answer "
                "(or weights such as ~%50% on several right answers)",
                "没有标出正确答案：请在正确答案前加 =（或在几个正确答案上使用 ~%50% 这样的权重）",
            )
        if abs(total - 100) > 0.01:
            raise _RefusedError(
                first,
                f"the positive weights add up to {total:g}%; Moodle needs 100% "
                "(e.g. ~%50% on each of two right answers)",
                f"正权重之和为 {total:g}%；Moodle 要求为 100%（例如两个正确答案各 ~%50%）",
            )
        if len({round(weights[i], 3) for i in right}) > 1:
            shares = ", ".join(f"'{parts[i].text}' {weights[i]:g}%" for i in right)
            self.note(
                first,
                f"{shares}: here each right answer is worth the same",
                f"{shares}：在此每个正确答案分值相同",
            )
        return MultipleResponse(choices, frozenset(choices[i].id for i in right))

    def _matching(self, block: _Block, answers: str, at: int, kind: str) -> Body:
        pairs: list[Pair] = []
        for _, part in self._parts(block, answers, at, "=", kind, matching=True):
            # As in Moodle, the left side is formatted text, the right side plain text.
            raw = part.text
            left_raw, arrow, right_raw = raw.partition("->")
            if not arrow:
                said = _plain(raw, kind)[0]
                raise _RefusedError(
                    part.line,
                    f"'{said}' has no '->' (write =left -> right)",
                    f"“{said}”中没有“->”（请写作 =左 -> 右）",
                )
            left = self.rich(left_raw, kind)[0]
            right = _plain(right_raw, "plain")[0]
            if not right:
                raise _RefusedError(
                    part.line,
                    f"'{left} ->' has nothing after the '->'",
                    f"“{left} ->”的“->”后面没有内容",
                )
            if not left:
                self.note(
                    part.line,
                    f"the extra answer '{right}' (no question) is left out",
                    f"多余的答案“{right}”（没有对应的问题）已略去",
                )
                continue
            n = len(pairs) + 1
            pairs.append(Pair(f"p{n}", LocalizedText.of(left), LocalizedText.of(right)))
        if len(pairs) < 2:
            raise _RefusedError(
                block.line(at), "a matching question needs at least two pairs", "配对题至少需要两对"
            )
        return Matching(tuple(pairs))

    def _true_false(self, stripped: str, kind: str, explanation: list[str]) -> Body:
        bits = stripped.split("#", 2)
        answer = _TRUE_FALSE[bits[0].strip()]
        wrong = self.rich(bits[1], kind)[0] if len(bits) > 1 else ""
        right = self.rich(bits[2], kind)[0] if len(bits) > 2 else ""
        names = {True: "True", False: "False"}
        _feedback_lines(explanation, [(names[not answer], wrong), (names[answer], right)])
        return TrueFalse(answer)

    def _short(
        self,
        block: _Block,
        answers: str,
        at: int,
        kind: str,
        here: int,
        explanation: list[str],
    ) -> Body:
        accepted: list[str] = []
        feedback: list[tuple[str, str]] = []
        for _, part in self._parts(block, answers, at, "=", kind):
            weight = 100.0 if part.weight is None else part.weight
            if not part.text:
                continue
            feedback.append((part.text, part.feedback))  # docs/formats.md: every answer's
            if weight == 100:
                if "*" in part.text:
                    raise _RefusedError(
                        part.line,
                        f"the wildcard '*' in '{part.text}' is not supported here; "
                        "list the answers to accept instead",
                        f"这里不支持“{part.text}”中的通配符“*”；请改为列出可接受的答案",
                    )
                accepted.append(part.text)
            elif weight > 0:
                self.note(
                    part.line,
                    f"'{part.text}' is worth {weight:g}% in Moodle; here it is not accepted",
                    f"“{part.text}”在 Moodle 中得 {weight:g}%；在此不被接受",
                )
        if not accepted:
            raise _RefusedError(here, *_NO_FULL_MARKS)
        _feedback_lines(explanation, feedback)
        return ShortText(LocalizedList.of({"en": accepted}))

    def _numeric(
        self, block: _Block, answers: str, at: int, kind: str, explanation: list[str]
    ) -> Body:
        hash_at = answers.find("#")
        body, at = answers[hash_at + 1 :], at + hash_at + 1
        other = ""
        tilde = body.find("~")
        if tilde != -1:
            other = self.rich(body[tilde + 1 :].partition("#")[2], kind)[0]
            body = body[:tilde]
        found: list[tuple[float, float, _Part]] = []
        for _, part in self._parts(block, body, at, "=", kind):
            value, tolerance = _number_and_tolerance(part)
            found.append((value, tolerance, part))
        if not found:
            raise _RefusedError(
                block.line(at),
                "a numerical question needs an answer, e.g. {#42:1}",
                "数值题需要一个答案，例如 {#42:1}",
            )
        full = [f for f in found if f[2].weight is None or f[2].weight == 100]
        if not full:
            raise _RefusedError(block.line(at), *_NO_FULL_MARKS)
        if len(full) > 1:
            raise _RefusedError(
                full[1][2].line,
                "more than one answer is worth 100%; a question here has one "
                "(widen the tolerance or use a range min..max)",
                "不止一个答案得 100%；这里的题目只能有一个（请放宽误差，或使用范围 min..max）",
            )
        value, tolerance, best = full[0]
        for other_value, other_tolerance, part in found:
            if part is not best and (part.weight or 0) > 0:
                self.note(
                    part.line,
                    f"{other_value:g}±{other_tolerance:g} is worth {part.weight:g}% in "
                    "Moodle; here it is not accepted",
                    f"{other_value:g}±{other_tolerance:g} 在 Moodle 中得 {part.weight:g}%；"
                    "在此不被接受",
                )
        _feedback_lines(
            explanation,
            [(f"{v:g}" + (f"±{t:g}" if t else ""), p.feedback) for v, t, p in found]
            + [("Any other answer", other)],
        )
        return Numeric(value, tolerance)


def _number_and_tolerance(part: _Part) -> tuple[float, float]:
    text = part.text.replace("\n", " ").strip()
    if text.find("..") > 0:
        low, _, high = text.partition("..")
        if not (_NUMBER.fullmatch(low.strip()) and _NUMBER.fullmatch(high.strip())):
            raise _RefusedError(
                part.line,
                f"'{text}' is not a range of two numbers (min..max)",
                f"“{text}”不是由两个数组成的范围（min..max）",
            )
        lo, hi = float(low), float(high)
        if lo > hi:
            raise _RefusedError(
                part.line,
                f"in the range '{text}' the first number is the larger",
                f"范围“{text}”中第一个数较大",
            )
        return (lo + hi) / 2, (hi - lo) / 2
    value, colon, margin = text.partition(":")
    if not _NUMBER.fullmatch(value.strip()) or (colon and not _NUMBER.fullmatch(margin.strip())):
        raise _RefusedError(
            part.line,
            f"'{text}' is not a number, number:margin, or min..max",
            f"“{text}”不是数、数:误差 或 min..max",
        )
    return float(value), abs(float(margin)) if colon else 0.0


def _feedback_lines(explanation: list[str], feedback: list[tuple[str, str]]) -> None:
    """Per-answer feedback joins the explanation, shown after the learner answers."""
    explanation += [f"{_as_markdown(answer)}: {text}" for answer, text in feedback if text]


def _as_markdown(plain: str) -> str:
    return html_to_markdown(html.escape(plain, quote=False)).markdown


def _blocks(text: str) -> Iterator[_Block]:
    """The file's questions: runs of lines between blank lines, with ``//`` lines blanked."""
    lines: list[str] = []
    first = 0
    for number, raw in enumerate([*text.split("\n"), ""], start=1):
        line = raw.strip()
        if not line:
            if lines:
                yield _Block("\n".join(lines), first)
            lines = []
            continue
        if not lines:
            first = number
        lines.append(" " if line.startswith("//") else line)


def parse_gift(text: str, label: str, topic_title: str) -> GiftReader:
    """Read every question of a GIFT file; PackError only if the file itself is unfit."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _RESERVED.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        code = ord(bad.group())
        raise PackError(
            [
                Problem(
                    label,
                    line,
                    f"holds U+{code:04X}, a Unicode noncharacter",
                    zh=f"含有 U+{code:04X}，这是 Unicode 非字符",
                )
            ]
        )
    reader = GiftReader(label, topic_title)
    for block in _blocks(text):
        reader.read(block)
    return reader


def load_gift(path: Path) -> Pack:
    reader = parse_gift(read_text_file(path), str(path), path.stem)
    return checked_pack(
        path,
        reader.entries,
        reader.topics,
        origin="gift",
        media=reader.media.files,
        skipped=reader.skipped,
        notes=reader.notes,
        partial=True,
    )


# -- writing ---------------------------------------------------------------------------
def _escape(text: str, *, as_html: bool = True) -> str:
    """Plain text as GIFT's default (Moodle auto-format) text: HTML and GIFT escaped."""
    text = (html.escape(text, quote=False) if as_html else text).replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def _number(value: float) -> str:
    """The shortest digits that read back as the same number, a whole one without ".0":
    186, 0.0005, 1000000000000000, 2.5e+16 (a pack made in code may hold an int)."""
    return repr(float(value)).removesuffix(".0")


def _percent(weight: float) -> str:
    return f"{weight:.5f}".rstrip("0").rstrip(".")


CARD_NOTE = Message(
    "written as an essay with the back as its general feedback (GIFT has no cards)",
    "写成问答题，卡片背面作为总体反馈（GIFT 没有自评卡片）",
)
EXPLANATION_LEFT_OUT = Message("; its explanation is left out", "；卡片的解析没有导出")


def _answers(question: Question, language: str) -> list[str] | Message:
    """The lines inside the question's braces, or why GIFT cannot hold it."""
    body = question.body

    def t(text: LocalizedText) -> str:
        return _rich_out(text.get(language))

    def c(choice: Choice) -> str:
        """The choice's text, and its feedback after a ``#``."""
        text = t(choice.text)
        feedback = f" #{t(choice.feedback)}" if choice.feedback is not None else ""
        return text + feedback

    match body:
        case SingleChoice(choices, answer):
            return [
                "=" + c(choice)
                if choice.id == answer
                else ("~%0%" if t(choice.text).startswith("%") else "~") + c(choice)
                for choice in choices
            ]
        case MultipleResponse(choices, right):
            wrong = len(choices) - len(right)
            return [
                f"~%{_percent(100 / len(right))}%{c(choice)}"
                if choice.id in right
                else f"~%{_percent(-100 / wrong)}%{c(choice)}"
                for choice in choices
            ]
        case TrueFalse(answer):
            return ["TRUE" if answer else "FALSE"]
        case Numeric(answer, tolerance, _):
            return ["#" + _number(answer) + (f":{_number(tolerance)}" if tolerance else "")]
        case ShortText(accept):
            texts = accept.get(language)
            if any("->" in a for a in texts):
                return Message(
                    "an accepted answer holds '->', which GIFT reads as matching",
                    "某个可接受的答案含有“->”，GIFT 会把它读成配对题",
                )
            lone = len(texts) == 1 and texts[0] in _TRUE_FALSE
            return [("=%100%" if lone or a.startswith("%") else "=") + _escape(a) for a in texts]
        case Matching(pairs):
            if any("->" in p.left.get(language) for p in pairs):
                return Message(
                    "a left-hand item holds '->', which GIFT cannot escape",
                    "左侧某一项含有“->”，GIFT 无法转义",
                )
            return [
                f"={t(p.left)} -> {_escape(p.right.get(language), as_html=False)}" for p in pairs
            ]
        case Ordering():
            return Message("GIFT has no ordering questions", "GIFT 没有排序题")
        case Card(back):
            return [f"####{t(back)}"]
    raise TypeError(f"unknown question body {body!r}")  # pragma: no cover


def gift_text(pack: Pack, language: str = "en") -> TextExport:
    """The pack as GIFT in ``language`` (English where a text lacks it).

    GIFT holds one language, no images, units, difficulty or sources; ordering
    questions are left out. A self-rated card becomes an essay whose general feedback is
    its back (its explanation, if any, stays behind), which reads back as the same card.
    Each question's id is written as its name, so importing the file gives the same ids.
    """
    titles = {t.key: t.title.get(language) for t in pack.info.topics}
    pack_title = pack.info.title.get(language).replace("/", "//")
    out = [
        f"// {pack.info.title.get(language)} ({pack.info.id} {pack.info.version}), "
        "exported by Chang'e Quiz",
        "",
    ]
    left_out: list[tuple[QuestionKey, Message]] = []
    notes: list[tuple[QuestionKey, Message]] = []
    topic = None
    for question in sorted(pack.questions, key=lambda q: q.topic):
        answers = _answers(question, language)
        if isinstance(answers, Message):
            left_out.append((question.key, answers))
            continue
        card = isinstance(question.body, Card)
        if card:
            note = CARD_NOTE
            if question.explanation:
                note = Message(note.en + EXPLANATION_LEFT_OUT.en, note.zh + EXPLANATION_LEFT_OUT.zh)
            notes.append((question.key, note))
        if question.topic != topic:
            topic = question.topic
            title = titles.get(topic, topic).replace("/", "//")
            out += [f"$CATEGORY: {pack_title}/{title}", ""]
        name = _escape(question.title or question.key, as_html=False)
        lines = [f"::{name}::[html]{_rich_out(question.prompt.get(language))}{{"]
        lines += [f"\t{a}" for a in answers]
        if question.explanation is not None and not card:
            lines.append(f"\t####{_rich_out(question.explanation.get(language))}")
        lines.append("}")
        out += [*lines, ""]
    return TextExport("\n".join(out), tuple(left_out), tuple(notes))


def _rich_out(text: str) -> str:
    """Markdown as the HTML Moodle shows, escaped for GIFT."""
    return _escape(to_html(text), as_html=False)
