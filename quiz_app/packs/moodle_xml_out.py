"""Writing a pack as Moodle XML, the way Moodle's own ``qformat_xml`` export does.

Texts (Markdown in a pack) are written as the HTML the app shows (``rich_text.to_html``),
their images embedded (``<file encoding="base64">``) and shown by an
``<img src="@@PLUGINFILE@@/...">``, as is the question's own image after its prompt.
One-line fields Moodle keeps as plain text (an accepted answer, a unit, the answer of a
pair) are written as they are. Each question's id is its ``<idnumber>`` and its title
(else its id) its ``<name>``, so importing the file gives the same ids and titles; a
choice's feedback is its answer's ``<feedback>``. See docs/formats.md.
"""

from __future__ import annotations

import base64
import html
import math
import re
from pathlib import PurePosixPath
from xml.etree.ElementTree import Comment, Element, SubElement, indent, tostring

from quiz_app.core.errors import Message
from quiz_app.core.ids import QuestionKey
from quiz_app.core.questions import (
    Card,
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Pack,
    Question,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.text import LocalizedText
from quiz_app.packs import limits
from quiz_app.packs.foreign import TextExport
from quiz_app.packs.rich_text import to_html

FRACTIONS = frozenset(
    {"100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333"}
    | {"30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0"}
)
"""The grades Moodle accepts for an answer, in percent as its export writes them
(question_bank::fraction_options_full); their negatives are penalties."""

CARD_NOTE = Message(
    "written as an essay with the back as its grader information (Moodle has no "
    "self-rated cards: a teacher marks the essay)",
    "写成问答题，卡片背面作为评分说明（Moodle 没有自评卡片：问答题由老师批改）",
)

# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_IMAGE_SOURCE = re.compile(r'(<img src=")([^"]+)(")')


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _penalty(wrong: int) -> str:
    """The largest allowed penalty that, taken for every wrong answer, stays within 100%."""
    allowed = sorted((float(f) for f in FRACTIONS if f != "0"), reverse=True)
    return "-" + _percent(next((f for f in allowed if f * wrong <= 100 + 1e-6), allowed[-1]))


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


class _Writer:
    """One question's element, and every text put in it (to check they can travel)."""

    def __init__(self, question: Question, pack: Pack, language: str) -> None:
        self.language = language
        self.media = pack.media
        self.texts: list[str] = []
        self.element = Element("question")
        name = SubElement(self.element, "name")
        SubElement(name, "text").text = question.title or question.key

    def text(self, value: LocalizedText | str, *, one_line: bool = False) -> str:
        text = value if isinstance(value, str) else value.get(self.language)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.texts.append(text)
        return " ".join(text.split()) if one_line else text

    def html(self, value: LocalizedText, tail: str = "") -> tuple[str, list[tuple[str, bytes]]]:
        """The text as HTML, its images pointing at files that go with it."""
        files: dict[str, bytes] = {}

        def embed(match: re.Match[str]) -> str:
            source = html.unescape(match.group(2))
            data = self.media.get(source)
            if data is None:
                return match.group(0)
            name = PurePosixPath(source).name
            files[name] = data
            return f"{match.group(1)}@@PLUGINFILE@@/{html.escape(name)}{match.group(3)}"

        body = _IMAGE_SOURCE.sub(embed, to_html(self.text(value)))
        return body + tail, sorted(files.items())

    def rich(
        self, parent: Element, tag: str, value: LocalizedText, tail: str = "", **attrib: str
    ) -> Element:
        """``<tag format="html"><text>...</text><file .../></tag>``."""
        element = SubElement(parent, tag, {**attrib, "format": "html"})
        self.fill(element, value, tail)
        return element

    def fill(self, element: Element, value: LocalizedText, tail: str = "") -> None:
        body, files = self.html(value, tail)
        SubElement(element, "text").text = body
        for name, data in files:
            file = SubElement(element, "file", name=name, path="/", encoding="base64")
            file.text = base64.b64encode(data).decode("ascii")

    def answer(self, fraction: str, text: str, fmt: str = "moodle_auto_format") -> Element:
        element = SubElement(self.element, "answer", {"fraction": fraction, "format": fmt})
        SubElement(element, "text").text = text
        SubElement(SubElement(element, "feedback", format="html"), "text")
        return element

    def choice(self, fraction: str, choice: Choice) -> Element:
        """An answer with its text and feedback in HTML."""
        element = SubElement(self.element, "answer", {"fraction": fraction, "format": "html"})
        self.fill(element, choice.text)
        feedback = SubElement(element, "feedback", format="html")
        if choice.feedback is not None:
            self.fill(feedback, choice.feedback)
        else:
            SubElement(feedback, "text")
        return element

    def add(self, tag: str, text: str) -> None:
        SubElement(self.element, tag).text = text


def _question_text(writer: _Writer, question: Question, pack: Pack) -> None:
    data = pack.media.get(question.image) if question.image else None
    name = PurePosixPath(question.image or "").name
    if data is None or PurePosixPath(name).suffix.lower() not in limits.MEDIA_SUFFIXES:
        writer.rich(writer.element, "questiontext", question.prompt)
        return
    alt = writer.text(question.image_alt, one_line=True) if question.image_alt else ""
    image = f'<p><img src="@@PLUGINFILE@@/{html.escape(name)}" alt="{html.escape(alt)}"></p>'
    element = writer.rich(writer.element, "questiontext", question.prompt, tail=image)
    if all(f.get("name") != name for f in element.findall("file")):
        file = SubElement(element, "file", name=name, path="/", encoding="base64")
        file.text = base64.b64encode(data).decode("ascii")


def _body(writer: _Writer, question: Question) -> Message | None:
    """Write the question's type and answers; or why Moodle XML cannot hold it."""
    body, element = question.body, writer.element
    match body:
        case SingleChoice(choices, answer):
            element.set("type", "multichoice")
            writer.add("single", "true")
            writer.add("shuffleanswers", "true")
            writer.add("answernumbering", "abc")
            for c in choices:
                writer.choice("100" if c.id == answer else "0", c)
        case MultipleResponse(choices, right):
            share = _percent(100 / len(right))
            if share not in FRACTIONS:
                return Message(
                    f"{len(right)} right answers: each would be worth {share}%, "
                    "which Moodle does not allow",
                    f"{len(right)} 个正确答案：每个将占 {share}%，Moodle 不允许这样的分值",
                )
            penalty = _penalty(len(choices) - len(right))
            element.set("type", "multichoice")
            writer.add("single", "false")
            writer.add("shuffleanswers", "true")
            writer.add("answernumbering", "abc")
            for c in choices:
                writer.choice(share if c.id in right else penalty, c)
        case TrueFalse(answer):
            element.set("type", "truefalse")
            writer.answer("100" if answer else "0", "true")
            writer.answer("0" if answer else "100", "false")
        case Numeric(value, tolerance, unit):
            if not (math.isfinite(value) and math.isfinite(tolerance)):
                return Message("the answer is not a finite number", "答案不是一个有限的数")
            element.set("type", "numerical")
            full = writer.answer("100", _number(value))
            SubElement(full, "tolerance").text = _number(abs(tolerance))
            if unit is not None:
                units = SubElement(SubElement(element, "units"), "unit")
                SubElement(units, "multiplier").text = "1"
                SubElement(units, "unit_name").text = writer.text(unit, one_line=True)
            writer.add("unitgradingtype", "0")
            writer.add("unitpenalty", "0.1000000")
            writer.add("showunits", "0" if unit is not None else "3")
            writer.add("unitsleft", "0")
        case ShortText(accept):
            texts = [writer.text(a, one_line=True) for a in accept.get(writer.language)]
            if any("*" in a for a in texts):
                return Message(
                    "an accepted answer holds '*', which Moodle reads as a wildcard",
                    "某个可接受的答案含有“*”，Moodle 会把它读成通配符",
                )
            element.set("type", "shortanswer")
            writer.add("usecase", "0")
            for a in texts:
                writer.answer("100", a)
        case Matching(pairs):
            element.set("type", "matching")
            writer.add("shuffleanswers", "true")
            for p in pairs:
                sub = SubElement(writer.rich(element, "subquestion", p.left), "answer")
                SubElement(sub, "text").text = writer.text(p.right, one_line=True)
        case Ordering(items):
            # the ordering plugin's format: the answers in the right order, numbered
            element.set("type", "ordering")
            writer.add("layouttype", "VERTICAL")
            writer.add("selecttype", "ALL")
            writer.add("selectcount", "0")
            writer.add("gradingtype", "ABSOLUTE_POSITION")
            for position, item in enumerate(items, start=1):
                writer.choice(f"{position}.0000000", item)
        case Card(back):
            # Moodle has no self-rated card: the nearest is an essay a teacher marks,
            # with the back as the grader's model answer (it reads back as the card).
            element.set("type", "essay")
            writer.add("responseformat", "editor")
            writer.add("responserequired", "1")
            writer.add("responsefieldlines", "5")
            writer.add("attachments", "0")
            writer.add("attachmentsrequired", "0")
            writer.rich(element, "graderinfo", back)
            template = SubElement(element, "responsetemplate", format="html")
            SubElement(template, "text")
    return None


def _question(question: Question, pack: Pack, language: str) -> Element | Message:
    """The question as Moodle XML, or why it cannot be."""
    writer = _Writer(question, pack, language)
    _question_text(writer, question, pack)
    if question.explanation is not None:
        writer.rich(writer.element, "generalfeedback", question.explanation)
    writer.add("defaultgrade", "1.0000000")
    writer.add("penalty", "1.0000000" if isinstance(question.body, TrueFalse) else "0.3333333")
    writer.add("hidden", "0")
    writer.add("idnumber", question.key)
    why = _body(writer, question)
    if why is not None:
        return why
    if any(_NOT_XML.search(t) for t in writer.texts):
        return Message(
            "a text holds a control character, which XML cannot hold",
            "某段文字含有控制字符，XML 无法容纳",
        )
    if any(not t.strip() for t in writer.texts):
        return Message(
            "a text is blank, which Moodle does not allow", "某段文字是空的，Moodle 不允许"
        )
    return writer.element


def _category(path: str) -> Element:
    element = Element("question", type="category")
    SubElement(SubElement(element, "category"), "text").text = path
    SubElement(SubElement(element, "info", format="moodle_auto_format"), "text")
    return element


def moodle_xml_text(pack: Pack, language: str = "en") -> TextExport:
    """The pack as Moodle XML in ``language`` (English where a text lacks it): a
    category per topic, then its questions."""
    quiz = Element("quiz")
    quiz.append(Comment(f" {pack.info.id} {pack.info.version}, exported by Chang'e Quiz "))
    order = {t.key: i for i, t in enumerate(pack.info.topics)}
    titles = {t.key: t.title.get(language) for t in pack.info.topics}
    pack_title = " ".join(pack.info.title.get(language).split()).replace("/", "//")
    left_out: list[tuple[QuestionKey, Message]] = []
    notes: list[tuple[QuestionKey, Message]] = []
    topic = None
    for question in sorted(pack.questions, key=lambda q: order.get(q.topic, len(order))):
        element = _question(question, pack, language)
        if isinstance(element, Message):
            left_out.append((question.key, element))
            continue
        if isinstance(question.body, Card):
            notes.append((question.key, CARD_NOTE))
        if question.topic != topic:
            topic = question.topic
            title = " ".join(titles.get(topic, topic).split()).replace("/", "//")
            quiz.append(_category(f"$course$/top/{pack_title}/{title}"))
        quiz.append(element)
    indent(quiz)
    body = tostring(quiz, encoding="unicode", short_empty_elements=False)
    return TextExport(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n', tuple(left_out), tuple(notes)
    )
