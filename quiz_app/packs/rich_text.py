"""Pack text is Markdown: one place turns it into what screens, exports and paper show.

CommonMark (markdown-it-py) with ``~sub~`` and ``^sup^`` (H~2~O, km^2^) and tables, with
raw HTML off (written HTML is shown as text, never rendered). The HTML it makes then passes
nh3's allow-list: emphasis, sub/sup, lists, code, tables, line breaks and images whose
source is a name inside the pack (``media/orbit.png``); anything with a scheme
(``file:``, ``http:``, ``data:``), an absolute path or ``..`` is dropped. Links show as
their text and never open. Qt's rich text is told to load only the pack's media as well
(``ui/widgets/rich_text.py``): two locks on one door.

``to_plain`` gives the text a person sees, for places that hold plain text only (table
cells, accessible names, CSV, announcements): H₂O and km² in Unicode where it has the
characters, list items on their own lines, an image by its alt text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from html import escape, unescape
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin

from quiz_app.core.questions import (
    Card,
    Matching,
    MultipleResponse,
    Ordering,
    Question,
    SingleChoice,
)
from quiz_app.core.text import LocalizedText

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "em", "strong", "sub", "sup", "code", "pre", "blockquote",
        "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "img",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"img": {"src", "alt"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}

MARKUP = re.compile(r"[*_~^`\[\]!<>&\\|#]|^\s*([-+]|\d+[.)])\s|^\s{4}|\n", re.MULTILINE)
"""What could make a text more than its own characters; a text without any is plain."""

_MEDIA_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_ .-]*(/[A-Za-z0-9_][A-Za-z0-9_ .-]*)*")


def media_name(src: str) -> bool:
    """Whether ``src`` names a file inside a pack (no scheme, no absolute path, no ``..``)."""
    return bool(_MEDIA_NAME.fullmatch(src)) and ".." not in src.split("/")


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.use(sub_plugin)
    md.use(superscript_plugin)
    # A link is its text: nothing on a quiz screen opens a browser or a file.
    md.add_render_rule("link_open", lambda *_args: "")
    md.add_render_rule("link_close", lambda *_args: "")
    # Every link and image parses (markdown-it would leave ``![x](file:///…)`` as raw
    # Markdown): links are dropped above, and an image whose source is not the pack's
    # is reduced to its alt text by the sanitiser below.
    md.validateLink = lambda _url: True  # type: ignore[method-assign,assignment]
    return md


_MD = _markdown()


def _keep_media_only(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        return value if media_name(value) else None
    return value


def is_plain(text: str) -> bool:
    """True when ``text`` has nothing Markdown would change (the common case, kept fast)."""
    return MARKUP.search(text) is None


@lru_cache(maxsize=4096)
def to_html(text: str) -> str:
    """``text`` (Markdown) as sanitised HTML for Qt's rich text or a printed page."""
    if is_plain(text):
        return escape(text, quote=False)
    html = _MD.render(text)
    clean = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_keep_media_only,
        url_schemes=set(),
        link_rel=None,
        strip_comments=True,
    )
    return _single_paragraph(_SOURCELESS_IMAGE.sub(r"\1", clean).strip())


_SOURCELESS_IMAGE = re.compile(r'<img(?![^>]*\bsrc=)(?:[^>]*\balt="([^"]*)")?[^>]*>')
"""An image whose source was refused: its alt text stays, as the text it stood for."""


def _single_paragraph(html: str) -> str:
    """One paragraph loses its ``<p>``: a label, a choice or a table cell holds a line,
    not a block with margins above and below."""
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


_SUB = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUP = str.maketrans("0123456789+-=()in", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ")


def _script(text: str, table: dict[int, Any], mark: str) -> str:
    """``2`` -> ``₂`` when every character has a Unicode form, else the Markdown mark
    around it (``~x~``), which still reads right."""
    mapped = text.translate(table)
    if all(ord(c) in table for c in text):
        return mapped
    return f"{mark}{text}{mark}"


@lru_cache(maxsize=4096)
def to_plain(text: str) -> str:
    """The visible text of ``text`` (Markdown), without markup."""
    if is_plain(text):
        return text
    return _plain_of(_MD.parse(text)).strip()


def _plain_of(tokens: list[Token]) -> str:
    out: list[str] = []
    lists: list[list[int]] = []  # per open list: [next number] (ordered) or [] (bullets)
    for token in tokens:
        match token.type:
            case "inline":
                out.append(_inline_plain(token.children or []))
            case "paragraph_close" | "heading_close" | "code_block" | "fence":
                if token.type in ("code_block", "fence"):
                    out.append(token.content.rstrip("\n"))
                out.append("\n")
            case "bullet_list_open":
                lists.append([])
            case "ordered_list_open":
                lists.append([int(str(token.attrs.get("start", 1)))])
            case "bullet_list_close" | "ordered_list_close":
                lists.pop()
            case "list_item_open" if lists:
                numbers = lists[-1]
                indent = "  " * (len(lists) - 1)
                if numbers:
                    out.append(f"{indent}{numbers[0]}. ")
                    numbers[0] += 1
                else:
                    out.append(f"{indent}• ")
            case "th_close" | "td_close":
                out.append(" | ")
            case "tr_close":
                if out and out[-1] == " | ":
                    out.pop()
                out.append("\n")
    text = "".join(out)
    text = re.sub(r"\n(?=\s*\d+\. |\s*• )", "\n", text)
    text = re.sub(r"(\d+\. |• )\n", r"\1", text)  # a tight list item's paragraph
    return re.sub(r"\n{2,}", "\n", text)


def _inline_plain(children: list[Token]) -> str:
    out: list[str] = []
    stack: list[list[str]] = []
    for child in children:
        match child.type:
            case "text" | "code_inline":
                (stack[-1] if stack else out).append(child.content)
            case "softbreak":
                (stack[-1] if stack else out).append(" ")
            case "hardbreak":
                (stack[-1] if stack else out).append("\n")
            case "image":
                (stack[-1] if stack else out).append(child.content)  # its alt text
            case "sub_open" | "sup_open":
                stack.append([])
            case "sub_close" | "sup_close":
                inner = "".join(stack.pop())
                table, mark = (_SUB, "~") if child.type == "sub_close" else (_SUP, "^")
                (stack[-1] if stack else out).append(_script(inner, table, mark))
    return "".join(out)


_IMAGE_SOURCE = re.compile(r'<img[^>]*\bsrc="([^"]*)"')


def question_texts(question: Question) -> Iterator[LocalizedText]:
    """Every text of ``question`` that is Markdown."""
    yield question.prompt
    if question.explanation is not None:
        yield question.explanation
    match question.body:
        case SingleChoice(choices) | MultipleResponse(choices) | Ordering(choices):
            for choice in choices:
                yield choice.text
                if choice.feedback is not None:
                    yield choice.feedback
        case Matching(pairs):
            for pair in pairs:
                yield pair.left
                yield pair.right
        case Card(back):
            yield back


def markdown_images(markdown: str) -> set[str]:
    """The pack files ``markdown`` draws (as rendered, so exactly what the allow-list lets
    through); a text without ``![`` draws none and is not rendered to find out."""
    if "![" not in markdown:
        return set()
    return {unescape(src) for src in _IMAGE_SOURCE.findall(to_html(markdown))}


def image_names(question: Question) -> set[str]:
    """The pack files ``question`` shows: its image and those its texts draw."""
    names = {question.image} if question.image is not None else set()
    for text in question_texts(question):
        for _, markdown in text.items:
            names |= markdown_images(markdown)
    return {name for name in names if media_name(name)}
