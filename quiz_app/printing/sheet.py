"""The printed quiz as Qt rich text (HTML): the questions, then the answer key.

Each question, and each entry of the key, is one top-level table, which the page layout
keeps on one page where it fits (``printing.paper``). Pack text is Markdown and passes
through ``packs.rich_text`` (sanitised) like on screen; every other text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from quiz_app.core.ids import PackId
from quiz_app.core.numbers import format_number, quantity
from quiz_app.core.paper import PaperQuestion, PaperQuiz
from quiz_app.core.questions import (
    Card,
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.core.shuffle import displayed_order
from quiz_app.core.text import LocalizedText
from quiz_app.packs.rich_text import to_html
from quiz_app.printing import texts
from quiz_app.printing.images import ImageStore

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
QUESTION_IMAGE_WIDTH = 380
"""At most this many 96-dpi pixels (about 10 cm) for a question's own image."""
INLINE_IMAGE_WIDTH = 260
"""... and for an image inside a text; choices and items get half of it."""
ONE_BOX, MANY_BOX = "○", "☐"
BLANK = "_" * 28

_STYLE = """
p { margin-top: 0px; margin-bottom: 4px; }
h1 { font-size: 17pt; margin-bottom: 2px; }
td.number { font-weight: bold; }
.hint { font-size: 9pt; color: #444444; }
.why { font-size: 9.5pt; color: #333333; }
.letter { font-weight: bold; }
.blank { color: #777777; }
hr.line { color: #999999; }
.write { border-width: 1px; border-style: solid; border-color: #555555; }
"""


def style(language: str) -> str:
    """The sheet's style: hints in italics, except in Chinese, which has no italics (a
    slanted hanzi is only harder to read)."""
    return _STYLE + ("" if language == "zh" else ".hint { font-style: italic; }\n")


TABLE = '<table border="1" cellspacing="0" cellpadding="4" style="border-color: #888888;">'
"""A table written in a pack's text: ruled, as a table of figures is on paper."""


def _rich(
    text: LocalizedText, language: str, pack_id: PackId, images: ImageStore, width: int
) -> str:
    html = to_html(text.get(language)).replace("<table>", TABLE)
    return images.rewrite(html, pack_id, width)


def _paragraph(html: str, css: str = "") -> str:
    """``html`` as a block: a single line gets its own paragraph."""
    attribute = f' class="{css}"' if css else ""
    if html.startswith(("<p>", "<ul>", "<ol>", "<table", "<pre>", "<blockquote>")):
        return html if not css else f"<div{attribute}>{html}</div>"
    return f"<p{attribute}>{html}</p>"


MIDDLE = '<td valign="middle"'
"""A cell of a list's row: box, letter and text are centred on one line, whatever fonts
(Latin, CJK) their lines are set in."""


def _labelled(label: str, html: str, css: str) -> str:
    """``label`` before ``html``, on its line when ``html`` is inline, above it when a block."""
    if html.startswith(("<p>", "<ul>", "<ol>", "<table", "<pre>", "<blockquote>")):
        return f'<p class="{css}">{label}</p><div class="{css}">{html}</div>'
    return f'<p class="{css}">{label}{html}</p>'


def _arranged(items: tuple[Choice, ...], body: object, order: tuple[str, ...]) -> list[Choice]:
    by_id = {item.id: item for item in items}
    return [by_id[i] for i in displayed_order(body, order) if i in by_id]  # type: ignore[arg-type]


@dataclass(frozen=True)
class Part:
    """A run of pages: a head, then numbered entries (questions, or the key's answers)."""

    head: str
    entries: tuple[str, ...]

    def html(self, breaks: frozenset[int] = frozenset()) -> str:
        """The part's HTML; each entry whose index is in ``breaks`` begins a page."""
        return (
            f"<html><body>{self.head}"
            + "".join(_entry(i, content, i in breaks) for i, content in enumerate(self.entries))
            + "</body></html>"
        )


def _entry(index: int, content: str, new_page: bool) -> str:
    """One numbered entry: a table of its own, which the page layout keeps on one page."""
    page_break = " page-break-before: always;" if new_page else ""
    return (
        f'<table width="100%" cellspacing="0" cellpadding="2" style="margin-top: 9px;{page_break}">'
        f'<tr><td class="number" width="7%" style="white-space: nowrap;">{index + 1}.</td>'
        f'<td width="93%">{content}</td></tr>'
        "</table>"
    )


class Sheet:
    """Builds the HTML of one paper quiz in one language."""

    def __init__(self, paper: PaperQuiz, language: str, images: ImageStore) -> None:
        self.paper = paper
        self.language = language
        self.images = images

    def t(self, text: LocalizedText, *values: object) -> str:
        return escape(texts.fill(text, self.language, *values), quote=False)

    def rich(
        self, question: PaperQuestion, text: LocalizedText, width: int = INLINE_IMAGE_WIDTH
    ) -> str:
        return _rich(text, self.language, question.pack_id, self.images, width)

    # -- the questions -----------------------------------------------------------------------
    def questions(self, title: str) -> Part:
        head = (
            f"<h1>{escape(title, quote=False)}</h1>"
            f'<p>{self.t(texts.NAME)} <span class="blank">{"_" * 24}</span>&nbsp;&nbsp; '
            f'{self.t(texts.CLASS)} <span class="blank">{"_" * 12}</span>&nbsp;&nbsp; '
            f'{self.t(texts.DATE)} <span class="blank">{"_" * 12}</span></p>'
        )
        return Part(head, tuple(self.question(q) for q in self.paper.questions))

    def question(self, q: PaperQuestion) -> str:
        question = q.question
        parts = [_paragraph(self.rich(q, question.prompt))]
        if question.image is not None:
            alt = (
                "" if question.image_alt is None else escape(question.image_alt.get(self.language))
            )
            tag = self.images.tag(q.pack_id, question.image, QUESTION_IMAGE_WIDTH)
            if tag:  # a missing image prints nothing, not its description
                parts.append(f'<p title="{alt}">{tag}</p>')
        parts.append(self.answer_space(q))
        return "".join(parts)

    def _choices(self, q: PaperQuestion, items: list[Choice], box: str) -> str:
        rows = "".join(
            f'<tr>{MIDDLE}>{box}</td>{MIDDLE} class="letter">{LETTERS[i]}</td>'
            f"{MIDDLE}>{self.rich(q, c.text, INLINE_IMAGE_WIDTH // 2)}</td></tr>"
            for i, c in enumerate(items)
        )
        return f'<table cellspacing="0" cellpadding="3">{rows}</table>'

    def answer_space(self, q: PaperQuestion) -> str:
        body = q.question.body
        match body:
            case SingleChoice(choices):
                items = _arranged(choices, body, q.order)
                return f'<p class="hint">{self.t(texts.TICK_ONE)}</p>' + self._choices(
                    q, items, ONE_BOX
                )
            case MultipleResponse(choices):
                items = _arranged(choices, body, q.order)
                return f'<p class="hint">{self.t(texts.TICK_ALL)}</p>' + self._choices(
                    q, items, MANY_BOX
                )
            case TrueFalse():
                gap = "&nbsp;" * 8
                return f"<p>{ONE_BOX} {self.t(texts.TRUE)}{gap}{ONE_BOX} {self.t(texts.FALSE)}</p>"
            case Numeric(_, _, unit):
                after = "" if unit is None else " " + escape(unit.get(self.language))
                return f'<p>{self.t(texts.ANSWER)} <span class="blank">{BLANK}</span>{after}</p>'
            case ShortText():
                return f'<p>{self.t(texts.ANSWER)} <span class="blank">{BLANK * 2}</span></p>'
            case Ordering(items):
                shown = _arranged(items, body, q.order)
                rows = "".join(
                    f'<tr>{MIDDLE} class="write" width="28">&nbsp;</td>'
                    f'{MIDDLE} class="letter">{LETTERS[i]}</td>'
                    f"{MIDDLE}>{self.rich(q, c.text, INLINE_IMAGE_WIDTH // 2)}</td></tr>"
                    for i, c in enumerate(shown)
                )
                return (
                    f'<p class="hint">{self.t(texts.ORDER)}</p>'
                    f'<table cellspacing="4" cellpadding="3">{rows}</table>'
                )
            case Matching(pairs):
                rights = _arranged(tuple(Choice(p.id, p.right) for p in pairs), body, q.order)
                lines: list[str] = []
                for i in range(max(len(pairs), len(rights))):
                    left, right = "<td></td>" * 3, "<td></td>" * 2
                    if i < len(pairs):
                        text = self.rich(q, pairs[i].left, INLINE_IMAGE_WIDTH // 2)
                        left = (
                            f'{MIDDLE} class="letter" width="5%">{i + 1}.</td>'
                            f'{MIDDLE} width="38%">{text}</td>'
                            f'{MIDDLE} class="write" width="6%">&nbsp;</td>'
                        )
                    if i < len(rights):
                        text = self.rich(q, rights[i].text, INLINE_IMAGE_WIDTH // 2)
                        right = (
                            f'{MIDDLE} class="letter" width="5%">{LETTERS[i]}</td>'
                            f'{MIDDLE} width="42%">{text}</td>'
                        )
                    lines.append(f'<tr>{left}{MIDDLE} width="4%"></td>{right}</tr>')
                return (
                    f'<p class="hint">{self.t(texts.MATCH)}</p>'
                    f'<table width="100%" cellspacing="4" cellpadding="3">{"".join(lines)}</table>'
                )
            case Card():
                space = '<p>&nbsp;</p><hr class="line">' * 3  # ruled lines to write on
                return f'<p class="hint">{self.t(texts.RECALL)}</p>{space}'
        raise TypeError(body)  # pragma: no cover

    # -- the answer key ---------------------------------------------------------------------
    def key(self, title: str) -> Part:
        """The answer key: printed as a part of its own, so it begins on a new page."""
        head = f"<h1>{self.t(texts.ANSWER_KEY)}</h1><p>{escape(title, quote=False)}</p>"
        return Part(head, tuple(self.key_entry(q) for q in self.paper.questions))

    def _lettered(self, q: PaperQuestion, items: list[Choice], ids: list[str]) -> str:
        place = {c.id: i for i, c in enumerate(items)}
        return "<br>".join(
            f'<span class="letter">{LETTERS[place[i]]}</span>&nbsp; '
            f"{self.rich(q, items[place[i]].text, INLINE_IMAGE_WIDTH // 2)}"
            for i in ids
            if i in place
        )

    def right_answer(self, q: PaperQuestion) -> str:
        body = q.question.body
        language = self.language
        match body:
            case SingleChoice(choices, answer):
                return self._lettered(q, _arranged(choices, body, q.order), [answer])
            case MultipleResponse(choices, answers):
                items = _arranged(choices, body, q.order)
                return self._lettered(q, items, [c.id for c in items if c.id in answers])
            case TrueFalse(answer):
                return self.t(texts.TRUE if answer else texts.FALSE)
            case Numeric(answer, tolerance, unit):
                if not tolerance:
                    return escape(quantity(answer, unit, language))
                margin = quantity(tolerance, unit, language)
                return escape(f"{format_number(answer, language)} ± {margin}")
            case ShortText(accept):
                first, *others = accept.get(language) or ("",)
                also = f"<br>{self.t(texts.ACCEPTED, ' / '.join(others))}" if others else ""
                return f"<b>{escape(first)}</b>{also}"
            case Ordering(items):
                shown = _arranged(items, body, q.order)
                place = {c.id: i for i, c in enumerate(shown)}
                letters = " → ".join(LETTERS[place[c.id]] for c in items if c.id in place)
                return (
                    f'<p><span class="letter">{letters}</span> '
                    f'<span class="hint">{self.t(texts.FIRST_TO_LAST)}</span></p>'
                    + self._lettered(q, shown, [c.id for c in items])
                )
            case Matching(pairs):
                rights = _arranged(tuple(Choice(p.id, p.right) for p in pairs), body, q.order)
                place = {c.id: i for i, c in enumerate(rights)}
                return "<br>".join(
                    f'<span class="letter">{n}. → {LETTERS[place[p.id]]}</span>&nbsp; '
                    f"{self.rich(q, p.left, INLINE_IMAGE_WIDTH // 2)} — "
                    f"{self.rich(q, p.right, INLINE_IMAGE_WIDTH // 2)}"
                    for n, p in enumerate(pairs, start=1)
                    if p.id in place
                )
            case Card(back):
                return _paragraph(self.rich(q, back))
        raise TypeError(body)  # pragma: no cover

    def key_entry(self, q: PaperQuestion) -> str:
        parts = [_paragraph(self.right_answer(q))]
        question = q.question
        if question.explanation is not None:
            parts.append(_paragraph(self.rich(q, question.explanation), "why"))
        body = question.body
        if isinstance(body, SingleChoice | MultipleResponse):
            items = _arranged(body.choices, body, q.order)
            for i, choice in enumerate(items):
                if choice.feedback is not None:
                    feedback = self.rich(q, choice.feedback, INLINE_IMAGE_WIDTH // 2)
                    label = f"<b>{self.t(texts.ABOUT_CHOICE, LETTERS[i])}</b>"
                    parts.append(_labelled(label, feedback, "why"))
        return "".join(parts)
