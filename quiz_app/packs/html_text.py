"""HTML from other tools (Moodle XML, GIFT ``[html]``) as the pack's Markdown.

Parsed by a real HTML parser (BeautifulSoup, html.parser) and written out by a
markdownify converter tuned to what ``rich_text`` renders: emphasis, strong, sub/sup as
``~x~`` / ``^x^``, lists, line breaks, tables, code. Whitespace is collapsed as a browser
collapses it, entities are decoded, and no space is invented at a tag's edge
(``H<sub>2</sub>O`` is ``H~2~O``). Text is escaped only where it would otherwise be read
as markup, so ordinary text stays ordinary (``Chang'e-4.`` stays as it is).

Images embedded in the HTML (``data:`` URIs) or in Moodle's ``<file>`` beside it
(``@@PLUGINFILE@@/name``) become files of the pack's media and Markdown images; anything
else that could reach outside the text (``file:``/``http:`` images, scripts, styles,
frames, objects, forms, event attributes, ``javascript:`` links) is dropped, and a note
says what went, for the import preview.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString
from markdown_it.common.utils import isPunctChar
from markdownify import MarkdownConverter

from quiz_app.core.text import LocalizedText
from quiz_app.packs import limits
from quiz_app.packs.media import media_problem
from quiz_app.packs.rich_text import to_plain

PLUGINFILE = "@@PLUGINFILE@@/"

_DROPPED = {
    "script": ("a script", "一段脚本"),
    "style": ("a style sheet", "一段样式表"),
    "iframe": ("an embedded frame", "一个内嵌框架"),
    "frame": ("an embedded frame", "一个内嵌框架"),
    "object": ("an embedded object", "一个内嵌对象"),
    "embed": ("an embedded object", "一个内嵌对象"),
    "applet": ("an embedded object", "一个内嵌对象"),
    "video": ("a video", "一段视频"),
    "audio": ("a sound", "一段音频"),
    "form": ("a form", "一个表单"),
    "input": ("a form field", "一个表单控件"),
    "button": ("a button", "一个按钮"),
    "select": ("a form field", "一个表单控件"),
    "textarea": ("a form field", "一个表单控件"),
    "svg": ("an inline drawing", "一幅内嵌矢量图"),
    "math": ("a MathML formula", "一个 MathML 公式"),
    "canvas": ("a drawing area", "一块画布"),
    "template": ("a template", "一个模板"),
}
"""Elements that are not text: dropped with everything in them, and noted."""

_SILENT = frozenset({"head", "title", "meta", "link", "base", "noscript"})
"""Document furniture with nothing to show: dropped without a note (a ``<link>`` to a
style sheet is noted as a style sheet)."""

_BLOCKS = frozenset(
    {"p", "div", "li", "td", "th", "blockquote", "pre", "section", "article", "body"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "dd", "dt", "dl"}
    | {"[document]"}
)
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_MIME_SUFFIX = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/jpg": ".jpg",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
}
_DATA_URI = re.compile(r"data:([\w.+/-]+)?((?:;[\w.+-]+=[\w.+-]+)*)(;base64)?,(.*)", re.S | re.I)
_SUBSCRIPT_ESCAPE = re.compile(r"([ \\!\"#$%&'()*+,./:;<=>?@\[\]^_`{|}~-])")
_LINE_START = re.compile(r"^(\s*)(?:(#{1,6}(?=\s|$)|>|[-+=*_]+(?=\s|$))|(\d{1,9})([.)])(?=\s|$))")
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_INLINE_ESCAPE = re.compile(
    r"[\\`\[\]<]"
    r"|(?<!\*)(?:(?<!\s)\*++|\*++(?!\s))"  # a run of * between spaces is no emphasis
    r"|(?<!_)(?:(?<![^\W_])_++|_++(?![^\W_]))"  # nor a run of _ in a word (第___个)
    r"|~(?=\S*\s*$|[^\s~]*~)|\^(?=\S*\s*$|[^\s^]*\^)"  # nor ~ or ^ with no partner before a space
)
_UNDERSCORES = re.compile(r"_+")
_EMPHASIS = "\x00"
"""Stands for a neighbouring emphasis (punctuation, as its stars are)."""
_SAME_TAG = {"b": "strong", "strong": "strong", "i": "em", "em": "em"}
_MERGED = {**_SAME_TAG, "code": "code"}
_SAME = {"strong": {"b", "strong"}, "em": {"i", "em"}}
_BLANK_LINES = re.compile(r"\n{3,}")
_MARKS = re.compile(r"[*`]")
_INNER_SPACES = re.compile(r"(?<=\S) {2,}")
_BREAK_SPACES = re.compile(r" *\\\n *")
"""Spaces at either side of a line break: a browser shows none."""


def _note(en: str, zh: str) -> LocalizedText:
    return LocalizedText.of({"en": en, "zh": zh})


@dataclass
class MediaFiles:
    """The pack's media as a file is read: ``media/<name>`` -> bytes, shared by its texts."""

    files: dict[str, bytes] = field(default_factory=dict)

    def add(self, name: str, data: bytes) -> str:
        """Store ``data`` under a safe name from ``name``; the path to write in Markdown.

        The same name and bytes twice is one file; the same name with other bytes (Moodle
        keeps each question's files apart, so ``image.png`` recurs) gets ``-2``, ``-3``.
        """
        stem, suffix = _safe_name(name)
        path, n = f"media/{stem}{suffix}", 2
        while path in self.files and self.files[path] != data:
            path, n = f"media/{stem}-{n}{suffix}", n + 1
        self.files[path] = data
        return path


def _safe_name(name: str) -> tuple[str, str]:
    """``Mondkarte (groß).PNG`` -> (``Mondkarte-gross``, ``.png``)."""
    pure = PurePosixPath(name.replace("\\", "/")).name
    suffix = PurePosixPath(pure).suffix.lower()
    stem = pure[: len(pure) - len(suffix)] if suffix else pure
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_stem).strip("-.")[:60]
    if not slug:
        slug = "image-" + hashlib.sha256(name.encode()).hexdigest()[:8]
    return slug, suffix


@dataclass(frozen=True)
class Converted:
    """A text converted to Markdown, and what could not come with it."""

    markdown: str
    notes: tuple[LocalizedText, ...] = ()


def html_to_markdown(
    html: str,
    files: Mapping[str, bytes] | None = None,
    media: MediaFiles | None = None,
) -> Converted:
    """``html`` as Markdown; images become files of ``media`` (dropped with a note if none).

    ``files`` are the files that travel with the text (Moodle's ``<file name=...>``), by
    name, for ``<img src="@@PLUGINFILE@@/name">``.
    """
    if "<" not in html and "&" not in html:
        return _plain_text(html)  # no markup at all: the common case, kept fast
    if "<img" not in html.lower():
        return _cached(html)  # no files to store: the same text converts the same
    return _converted(html, files or {}, media)


@lru_cache(maxsize=4096)
def _plain_text(text: str) -> Converted:
    shown = " ".join(text.split())
    lone = len(_UNDERSCORES.findall(shown)) <= 1
    return Converted(_escape_text(shown, lone_underscores=lone))


@lru_cache(maxsize=4096)
def _cached(html: str) -> Converted:
    return _converted(html, {}, None)


def _converted(html: str, files: Mapping[str, bytes], media: MediaFiles | None) -> Converted:
    converted, marks = _convert(html, files, media, emphasis=True)
    if _MARKS.search(converted.markdown) and _marks(to_plain(converted.markdown)) > marks:
        # A rare nesting of bold, italic and code CommonMark reads otherwise (stars or
        # backticks would show): the words matter more than their weight.
        converted, _ = _convert(html, files, media, emphasis=False)
        note = _note(
            "some bold, italic or code formatting could not be kept",
            "部分粗体、斜体或代码格式无法保留",
        )
        return Converted(converted.markdown, (*converted.notes, note))
    return converted


def _marks(text: str) -> int:
    return len(_MARKS.findall(text))


def _convert(
    html: str, files: Mapping[str, bytes], media: MediaFiles | None, *, emphasis: bool
) -> tuple[Converted, int]:
    """The Markdown, and how many ``*`` and backticks the text itself shows."""
    soup = BeautifulSoup(html, "html.parser")
    converter = _Converter(files, media)
    converter.prepare(soup)
    if not emphasis:
        for element in soup.find_all([*_SAME_TAG, "code"]):
            element.unwrap()
    shown = soup.get_text("\n")
    # One run of _ in the whole text has no partner: a blank (``the ___ Project``) stays
    # as written. This converter writes no _ of its own.
    converter.lone_underscores = len(_UNDERSCORES.findall(shown)) <= 1
    text = converter.convert_soup(soup)
    text = _BREAK_SPACES.sub("\\\n", _BLANK_LINES.sub("\n\n", text))
    text = "\n".join(_tidy_lines(text.split("\n"))).strip()
    return Converted(text, tuple(dict.fromkeys(converter.notes))), _marks(shown)


def _tidy_lines(lines: list[str]) -> Iterator[str]:
    """Lines without spaces at their ends, runs of spaces inside a line one space (as
    shown), except in a fenced code block."""
    fenced = False
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
        if fenced:
            yield line
            continue
        yield _INNER_SPACES.sub(" ", line.rstrip(" "))


def html_to_text(html: str) -> str:
    """The visible text of ``html``, whitespace collapsed: for one-line fields
    (a matching answer) and names, where Markdown has no place."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(list(_DROPPED) + list(_SILENT)):
        element.decompose()
    for br in soup.find_all("br"):
        br.replace_with(" ")
    return " ".join(soup.get_text(" " if soup.find(_BLOCKS - {"[document]"}) else "").split())


class _Converter(MarkdownConverter):
    def __init__(self, files: Mapping[str, bytes], media: MediaFiles | None) -> None:
        super().__init__(
            wrap=True,  # every run of whitespace is one space, as a browser shows it
            wrap_width=None,
            newline_style="backslash",
            heading_style="atx",
            bullets="-",
            sub_symbol="~",
            sup_symbol="^",
            escape_misc=False,
            escape_asterisks=False,
            escape_underscores=False,
            autolinks=False,
        )
        self.files = {PurePosixPath(name).name: data for name, data in files.items()}
        self.media = media
        self.notes: list[LocalizedText] = []
        self.lone_underscores = False

    # -- before converting: drop what is not text, noting it ------------------------
    def prepare(self, soup: BeautifulSoup) -> None:
        # A no-break space is a space to every reader of the text (Moodle's editor
        # sprinkles them at the ends of lines).
        for string in list(soup.find_all(string=lambda s: "\xa0" in s)):
            string.replace_with(NavigableString(str(string).replace("\xa0", " ")))
        # <b>a</b><b>b</b> is one bold run: as two, ``**a****b**`` would not read as bold
        # (nor two code spans side by side).
        for element in list(soup.find_all(["b", "strong", "i", "em", "code"])):
            follower = element.next_sibling
            while isinstance(follower, Tag) and _MERGED.get(follower.name) == _MERGED.get(
                element.name
            ):
                for child in list(follower.contents):
                    element.append(child.extract())
                follower.decompose()
                follower = element.next_sibling
        for element in list(soup.find_all(True)):
            if element.decomposed:
                continue
            name = element.name.lower()
            if name in _DROPPED:
                en, zh = _DROPPED[name]
                self.notes.append(_note(f"{en} was left out", f"{zh}已略去"))
                element.decompose()
                continue
            if name == "link":
                self.notes.append(_note("a style sheet was left out", "一段样式表已略去"))
            if name in _SILENT:
                element.decompose()
                continue
            events = sorted(a for a in element.attrs if a.lower().startswith("on"))
            if events:
                self.notes.append(
                    _note(
                        f"a script in an attribute ({events[0]}=) was left out",
                        f"属性中的脚本（{events[0]}=）已略去",
                    )
                )

    # -- escaping ----------------------------------------------------------------------
    def escape(self, text: str, parent_tags: set[str]) -> str:
        table = "_inline" in parent_tags or "td" in parent_tags or "th" in parent_tags
        return _escape_text(text, lone_underscores=self.lone_underscores, table=table)

    # -- inline ----------------------------------------------------------------------
    def _wrap(self, el: Tag, text: str, mark: str, parent_tags: set[str], own: str) -> str:
        """``text`` between ``mark``s when CommonMark will read them so, else as it is
        (the words matter more than their weight)."""
        if "_noformat" in parent_tags or parent_tags & _SAME[own]:
            return text  # **a **b**** would not read as bold
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        inner = text.strip()
        if not inner:
            return lead or trail
        if "\n\n" in inner or inner.startswith("\\\n") or inner.endswith("\\"):
            return text  # across paragraphs, or a line break at its edge
        before = _outside_char(el, -1) if not lead else " "
        after = _outside_char(el, 1) if not trail else " "
        if before == _EMPHASIS:
            # Right after another emphasis its stars would join that one's run
            # (``*a***b**``): the words stay, this one unweighted.
            return text
        # A mark inside (``***y***``) joins this one's run: judge the run's far side.
        first, last = inner.lstrip("*")[:1] or "*", inner.rstrip("*")[-1:] or "*"
        if _flanks(first, before) and _flanks(last, after):
            return f"{lead}{mark}{inner}{mark}{trail}"
        return text

    def convert_b(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._wrap(el, text, "**", parent_tags, "strong")

    convert_strong = convert_b

    def convert_em(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._wrap(el, text, "*", parent_tags, "em")

    convert_i = convert_em

    def _script(self, el: Tag, mark: str, parent_tags: set[str]) -> str:
        """``~x~`` / ``^x^``: its text only (the plugin parses nothing inside), spaces and
        punctuation escaped as the plugin wants them."""
        raw = " ".join(el.get_text().split())
        if "_noformat" in parent_tags or not raw:
            return raw
        return mark + _SUBSCRIPT_ESCAPE.sub(r"\\\1", raw) + mark

    def convert_sub(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._script(el, "~", parent_tags)

    def convert_sup(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._script(el, "^", parent_tags)

    def convert_br(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "pre" in parent_tags:
            return "\n"
        if "_inline" in parent_tags or "_noformat" in parent_tags:
            return " "  # a table cell is one line in Markdown
        if not _has_text(el, -1) or not _has_text(el, 1):
            return ""  # a break at the start or end of a block shows nothing
        return "\\\n"

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        href = str(el.get("href") or "").strip()
        if not text.strip() or "_noformat" in parent_tags:
            return text
        if href.lower().startswith(_LINK_SCHEMES):
            lead = " " if text[:1].isspace() else ""
            trail = " " if text[-1:].isspace() else ""
            target = href.replace("\\", "%5C").replace("(", "%28").replace(")", "%29")
            target = target.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
            return f"{lead}[{text.strip()}]({target}){trail}"
        if href and not href.startswith("#"):
            scheme = href.split(":", 1)[0] if ":" in href else href
            self.notes.append(
                _note(
                    f"a link to '{scheme[:40]}' was left out (its text is kept)",
                    f"指向“{scheme[:40]}”的链接已略去（保留其文字）",
                )
            )
        return text

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        src = str(el.get("src") or "").strip()
        alt = " ".join(str(el.get("alt") or "").split())
        path = self._image(src, alt)
        if path is None:
            return ""
        if "_inline" in parent_tags and "td" not in parent_tags and "th" not in parent_tags:
            return alt
        alt_md = re.sub(r"([\\\[\]])", r"\\\1", alt)
        return f"![{alt_md}]({path})"

    def _image(self, src: str, alt: str) -> str | None:
        """The image's path in the pack's media, or None (noted) when it cannot come."""
        shown = f" '{alt}'" if alt else ""
        shown_zh = f"“{alt}”" if alt else ""
        if src.startswith(PLUGINFILE):
            name = unquote(src[len(PLUGINFILE) :].split("?", 1)[0])
            data = self.files.get(PurePosixPath(name).name)
            if data is None:
                self.notes.append(
                    _note(
                        f"the image{shown} ({name}) is not in the file and was left out",
                        f"图片{shown_zh}（{name}）不在文件中，已略去",
                    )
                )
                return None
            return self._store(name, data, shown, shown_zh)
        match = _DATA_URI.fullmatch(src)
        if match:
            suffix = _MIME_SUFFIX.get((match.group(1) or "").lower())
            try:
                payload = match.group(4)
                data = (
                    base64.b64decode(payload, validate=False)
                    if match.group(3)
                    else unquote(payload).encode()
                )
            except (binascii.Error, ValueError):
                data = None
            if suffix is None or data is None:
                self.notes.append(
                    _note(
                        f"an embedded image{shown} of a kind this app cannot show was left out",
                        f"无法显示的内嵌图片{shown_zh}已略去",
                    )
                )
                return None
            digest = hashlib.sha256(data).hexdigest()[:10]
            return self._store(f"image-{digest}{suffix}", data, shown, shown_zh)
        where = src.split(":", 1)[0] + ":" if ":" in src[:12] else (src[:60] or "nowhere")
        self.notes.append(
            _note(
                f"the image{shown} from {where} was left out: images must travel in the file",
                f"来自 {where} 的图片{shown_zh}已略去：图片须包含在文件中",
            )
        )
        return None

    def _store(self, name: str, data: bytes, shown: str, shown_zh: str) -> str | None:
        suffix = PurePosixPath(name).suffix.lower()
        why_en = why_zh = ""
        if self.media is None:
            why_en, why_zh = "this text cannot hold images", "此处的文字不能包含图片"
        elif suffix not in limits.MEDIA_SUFFIXES:
            kinds = ", ".join(limits.MEDIA_SUFFIXES)
            why_en, why_zh = f"not one of {kinds}", f"不是 {kinds} 之一"
        elif len(data) > limits.MEDIA_FILE_MAX:
            why_en = f"over {limits.MEDIA_FILE_MAX:,} bytes"
            why_zh = f"超过 {limits.MEDIA_FILE_MAX:,} 字节"
        elif problem := media_problem(PurePosixPath(name).name, data):
            # judged by its bytes, as a pack's own images are (packs.media)
            why_en, why_zh = f"it {problem.en}", f"它{problem.zh}"
        if why_en or self.media is None:
            self.notes.append(
                _note(
                    f"the image{shown} ({PurePosixPath(name).name}) was left out: {why_en}",
                    f"图片{shown_zh}（{PurePosixPath(name).name}）已略去：{why_zh}",
                )
            )
            return None
        return self.media.add(name, data)

    # -- blocks ------------------------------------------------------------------------
    def convert_hN(self, n: int, el: Tag, text: str, parent_tags: set[str]) -> str:  # noqa: N802
        # The renderer has no headings: a heading is a strong line of its own.
        inner = text.strip()
        if "_inline" in parent_tags or not inner:
            return inner
        strong = self._wrap(el, inner, "**", parent_tags, "strong")
        return f"\n\n{strong}\n\n"

    def convert_td(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if el.find(["br", "p", "li", "div"]):
            self.notes.append(
                _note(
                    "line breaks inside a table cell became spaces",
                    "表格单元格内的换行已改为空格",
                )
            )
        return str(MarkdownConverter.convert_td(self, el, text, parent_tags))  # type: ignore[attr-defined]

    convert_th = convert_td

    def convert_table(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "_inline" in parent_tags or "li" in parent_tags:
            return " " + " ".join(text.split()) + " "
        return str(MarkdownConverter.convert_table(self, el, text, parent_tags))  # type: ignore[attr-defined]

    def convert_hr(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return "\n\n"

    def convert_code(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "pre" not in parent_tags:
            text = " ".join(text.split(" "))  # a browser shows runs of spaces as one
            text = re.sub(" {2,}", " ", text)
        return str(MarkdownConverter.convert_code(self, el, text, parent_tags))  # type: ignore[attr-defined]

    def convert_del(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return text  # no strike-through here: the words stay

    convert_s = convert_del
    convert_strike = convert_del


def _escape_text(text: str, *, lone_underscores: bool, table: bool = False) -> str:
    """``text`` with what would read as Markdown escaped, and nothing else."""
    if not text:
        return ""

    def escaped(match: re.Match[str]) -> str:
        found = match.group()
        if found[0] == "_" and lone_underscores:
            return found
        return "".join("\\" + c for c in found)

    text = _ENTITY_LIKE.sub(r"\\&", _INLINE_ESCAPE.sub(escaped, text))
    if table:
        text = text.replace("|", "\\|")
    # What would start a heading, a quote or a list item if it began a line.
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(2):
        return match.group(1) + "".join("\\" + c for c in match.group(2))
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"


def _outside_char(el: Tag, step: int) -> str | None:
    """The visible character just before (step -1) or after (+1) ``el``; None at a
    block's edge; ``*`` standing for markup (all markup ends in punctuation)."""
    node: Any = el
    while True:
        sibling = node.previous_sibling if step < 0 else node.next_sibling
        while sibling is not None:
            if isinstance(sibling, NavigableString):
                text = str(sibling)
                if text:
                    return text[-1] if step < 0 else text[0]
            elif isinstance(sibling, Tag):
                if sibling.name in _BLOCKS or sibling.name == "br":
                    return None
                shown = sibling.get_text()
                if sibling.name in _SAME_TAG and shown.strip():
                    # The later of two emphases gives up its stars (see _wrap): after
                    # this one comes that one's text.
                    return _EMPHASIS if step < 0 else shown[0]
                return "*"
            sibling = sibling.previous_sibling if step < 0 else sibling.next_sibling
        node = node.parent
        if node is None or node.name in _BLOCKS:
            return None


def _flanks(edge: str, outside: str | None) -> bool:
    """Whether a delimiter between ``edge`` (inside) and ``outside`` opens or closes:
    CommonMark refuses ``**"Moon"**s`` (punctuation inside, a letter outside)."""
    if edge.isspace():
        return False
    if not (isPunctChar(edge) or edge == "\\"):
        return True
    return outside in (None, _EMPHASIS) or outside.isspace() or isPunctChar(outside)


def _has_text(el: Tag, step: int) -> bool:
    """Whether anything visible stands before/after ``el`` within its block."""
    node: Any = el
    while True:
        sibling = node.previous_sibling if step < 0 else node.next_sibling
        while sibling is not None:
            if isinstance(sibling, NavigableString):
                if str(sibling).strip():
                    return True
            elif isinstance(sibling, Tag):
                if sibling.name in _BLOCKS:
                    return False
                if sibling.name == "img" or sibling.get_text().strip():
                    return True
            sibling = sibling.previous_sibling if step < 0 else sibling.next_sibling
        node = node.parent
        if node is None or node.name in _BLOCKS:
            return False
