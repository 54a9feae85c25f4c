"""Moodle XML, parsed with defusedxml: entities, DTDs and external references are refused.

Read: multichoice (one or several right answers), truefalse, shortanswer, numerical
(first right answer, its tolerance and first unit), matching, ordering (the plugin's
format), essay with a model answer (becomes a self-rated card: the grader information
is its back, else the general feedback), category (becomes the topic). HTML in texts
becomes plain text; an image embedded in the question text (``<file encoding="base64">``)
becomes the question's image. Other question types are reported by line; the rest is
imported only if the teacher accepts (PartialPackError).
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from quiz_app.core.errors import PackError, Problem
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
from quiz_app.packs import limits
from quiz_app.packs.files import read_regular
from quiz_app.packs.foreign import (
    DEFAULT_DIFFICULTY,
    Entry,
    checked_pack,
    question_key,
    unique_slug,
)

_TAG = re.compile(r"<[^>]+>")
_QUESTION_TAG = re.compile(rb"<question\b")
_CATEGORY_SEP = re.compile(r"(?<!/)/(?!/)")
_NATIVE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def plain(markup: str | None) -> str:
    """HTML as plain text: tags dropped, entities decoded, spaces folded, ``<br>`` a line
    break (white space in the markup itself, newlines included, is one space)."""
    text = re.sub(r"(?i)\s*<br\s*/?>\s*", "\n", " ".join((markup or "").split()))
    text = html.unescape(_TAG.sub(" ", re.sub(r"(?i)</p>", " ", text)))
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _text(element: Element | None, path: str = "text") -> str:
    """The element's text in its ``format``: ``plain_text`` as written (Moodle shows it
    so), any other as HTML."""
    if element is None:
        return ""
    raw = element.findtext(path) or ""
    if element.get("format") == "plain_text":
        return raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    return plain(raw)


def _line(raw: str | None) -> str:
    """A one-line field Moodle keeps as plain text (an accepted answer, a unit, the
    answer of a matching pair): taken as written, spaces folded."""
    return " ".join((raw or "").split())


def _fraction(answer: Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return 0.0


def _choices(answers: list[Element]) -> tuple[Choice, ...]:
    return tuple(
        Choice(chr(ord("a") + i), LocalizedText.of(_text(a) or "—")) for i, a in enumerate(answers)
    )


def _body(kind: str, question: Element) -> Body | str:
    """The question's body, or why it cannot be read."""
    answers = question.findall("answer")
    if kind == "multichoice":
        if len(answers) < 2:
            return "a multiple-choice question needs at least two answers"
        choices = _choices(answers)
        right = [c.id for c, a in zip(choices, answers, strict=True) if _fraction(a) > 0]
        if not right:
            return "no answer has a positive fraction"
        if (question.findtext("single") or "true").strip().lower() in ("true", "1"):
            best = max(range(len(answers)), key=lambda i: _fraction(answers[i]))
            return SingleChoice(choices, choices[best].id)
        return MultipleResponse(choices, frozenset(right))
    if kind == "truefalse":
        full = [a for a in answers if _fraction(a) >= 100]
        if len(full) != 1 or _text(full[0]).lower() not in ("true", "false"):
            return "a true/false question needs one answer 'true' or 'false' worth 100"
        return TrueFalse(_text(full[0]).lower() == "true")
    if kind == "shortanswer":
        accepted = [_line(a.findtext("text")) for a in answers if _fraction(a) >= 100]
        accepted = [a for a in accepted if a]
        if not accepted:
            return "no answer is worth 100"
        return ShortText(LocalizedList.of({"en": [a.replace("*", "") for a in accepted]}))
    if kind == "numerical":
        worth_all = [a for a in answers if _fraction(a) >= 100]
        try:
            value = float(_line(worth_all[0].findtext("text")))
            tolerance = abs(float(worth_all[0].findtext("tolerance") or 0))
        except (IndexError, ValueError):
            return "no numeric answer worth 100"
        unit = _line(question.findtext("units/unit/unit_name"))
        return Numeric(value, tolerance, LocalizedText.of(unit) if unit else None)
    if kind == "matching":
        pairs = [
            (_text(s), _line(s.findtext("answer/text"))) for s in question.findall("subquestion")
        ]
        pairs = [(left, right) for left, right in pairs if left and right]
        if len(pairs) < 2:
            return "a matching question needs at least two pairs"
        return Matching(
            tuple(
                Pair(f"p{i + 1}", LocalizedText.of(left), LocalizedText.of(right))
                for i, (left, right) in enumerate(pairs)
            )
        )
    if kind == "ordering":
        if len(answers) < 2:
            return "an ordering question needs at least two items"
        return Ordering(
            tuple(
                Choice(f"i{i + 1}", LocalizedText.of(_text(a) or "—"))
                for i, a in enumerate(answers)
            )
        )
    if kind == "essay":
        # The grader information is where a teacher writes the model answer; the
        # response template is text the learner starts from, not an answer.
        back = _text(question.find("graderinfo")) or _text(question.find("generalfeedback"))
        if not back:
            return (
                "an essay with no model answer (grader information or general feedback) "
                "cannot be marked here"
            )
        return Card(LocalizedText.of(back))
    return f"question type '{kind}' is not supported (see docs/formats.md)"


def _image(question: Element, key: str) -> tuple[str, bytes] | None:
    for file in question.findall("questiontext/file"):
        name = PurePosixPath(file.get("name", "")).name
        suffix = PurePosixPath(name).suffix.lower()
        if file.get("encoding") != "base64" or suffix not in limits.MEDIA_SUFFIXES:
            continue
        try:
            data = base64.b64decode(file.text or "", validate=False)
        except (binascii.Error, ValueError):
            continue
        return f"media/{key}{suffix}", data
    return None


def load_moodle_xml(path: Path) -> Pack:
    label = str(path)
    try:
        raw = read_regular(path, limits.QUESTION_FILE_MAX)  # never more than the limit
    except OSError as err:
        raise PackError([Problem(label, None, f"cannot be read ({err.strerror})")]) from err
    if len(raw) > limits.QUESTION_FILE_MAX:
        raise PackError(
            [
                Problem(
                    label,
                    None,
                    f"file is {len(raw):,} bytes, over the limit of "
                    f"{limits.QUESTION_FILE_MAX:,} bytes",
                )
            ]
        )
    try:
        root = SafeET.fromstring(raw, forbid_dtd=True)
    except DefusedXmlException as err:
        raise PackError(
            [
                Problem(
                    label,
                    None,
                    f"refused: the XML uses {type(err).__name__} "
                    "(entities, DTDs and external references are not allowed)",
                )
            ]
        ) from err
    except SafeET.ParseError as err:
        line = err.position[0] if getattr(err, "position", None) else None
        raise PackError([Problem(label, line, f"is not well-formed XML ({err})")]) from err
    except LookupError as err:  # the XML declaration names an encoding Python lacks
        raise PackError([Problem(label, 1, f"is not readable XML: {err}")]) from err
    lines = [raw[: m.start()].count(b"\n") + 1 for m in _QUESTION_TAG.finditer(raw)]
    topic_title = path.stem
    topics: dict[str, str] = {}
    taken: set[str] = set()
    entries: list[Entry] = []
    media: dict[str, bytes] = {}
    skipped: list[Problem] = []
    for index, question in enumerate(root.iter("question")):
        line = lines[index] if index < len(lines) else None
        kind = question.get("type", "")
        if kind == "category":
            path_text = plain(question.findtext("category/text"))
            # Moodle writes a '/' inside a category's name as '//'
            name = _CATEGORY_SEP.split(path_text)[-1].replace("//", "/").strip()
            topic_title = name or topic_title
            continue
        prompt = _text(question.find("questiontext"))
        if not prompt:
            skipped.append(Problem(label, line, "the question has no text"))
            continue
        body = _body(kind, question)
        if isinstance(body, str):
            skipped.append(Problem(label, line, body, plain(question.findtext("name/text"))))
            continue
        topic = topics.setdefault(topic_title, unique_slug(topic_title, set(topics.values())))
        name = (question.findtext("name/text") or "").strip()
        if _NATIVE_ID.fullmatch(name) and name not in taken:  # e.g. this app's own export
            taken.add(name)
            key = QuestionKey(name)
        else:
            key = question_key("xml", prompt, taken)
        feedback = _text(question.find("generalfeedback"))
        if isinstance(body, Card) and body.back.get("en") == feedback:
            feedback = ""  # the general feedback became the back
        image = _image(question, key)
        if image:
            media[image[0]] = image[1]
        entries.append(
            Entry(
                line,
                question_to_dict(
                    Question(
                        key=QuestionKey(key),
                        topic=TopicKey(topic),
                        difficulty=DEFAULT_DIFFICULTY,
                        prompt=LocalizedText.of(prompt),
                        body=body,
                        explanation=LocalizedText.of(feedback) if feedback else None,
                        image=image[0] if image else None,
                        image_alt=LocalizedText.of(prompt[:120]) if image else None,
                    )
                ),
            )
        )
    return checked_pack(
        path, entries, topics, origin="moodle-xml", media=media, skipped=skipped, partial=True
    )
