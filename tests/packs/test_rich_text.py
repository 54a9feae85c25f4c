"""Pack text as learners see it: Markdown rendered, nothing dangerous let through, and no
markup characters left in what the built-in packs show."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz_app.core.serialize import question_to_dict
from quiz_app.packs.native import load_pack
from quiz_app.packs.rich_text import ALLOWED_TAGS, is_plain, media_name, to_html, to_plain

BUILT_IN = Path(__file__).parents[2] / "questions"
LEFT_OVER = re.compile(
    r"\*\*|(?<![_\w])__(?=[^\W_])|`|\]\(|</?[a-z]+[ >/]|~[^~\s]+~|\^[^^\s]+\^|^#+ |!\[", re.M
)
"""Markup a reader would see raw (a blank ``___`` and an approximate ``~450 m`` are text)."""


@pytest.mark.parametrize(
    ("markdown", "html", "plain"),
    [
        ("Plain text", "Plain text", "Plain text"),
        ("H~2~O, km^2^", "H<sub>2</sub>O, km<sup>2</sup>", "H₂O, km²"),
        ("10^6^ **t**", "10<sup>6</sup> <strong>t</strong>", "10⁶ t"),
        ("the _near side_", "the <em>near side</em>", "the near side"),
        ("one  \ntwo", "one<br>\ntwo", "one\ntwo"),
        ("`Yutu-2`", "<code>Yutu-2</code>", "Yutu-2"),
        ("R&D <b>x</b>", "R&amp;D &lt;b&gt;x&lt;/b&gt;", "R&D <b>x</b>"),
        ("x~ab c~", "x~ab c~", "x~ab c~"),  # a space: no subscript, the text as written
        ("CO~x~", "CO<sub>x</sub>", "COₓ"),
        ("T~eff~", "T<sub>eff</sub>", "T~eff~"),  # no Unicode "f" below the line
        ("the ___ Project", "the ___ Project", "the ___ Project"),
        ("about ~450 m", "about ~450 m", "about ~450 m"),
    ],
)  # fmt: skip
def test_markdown_becomes_html_and_plain_text(markdown: str, html: str, plain: str) -> None:
    assert to_html(markdown) == html
    assert to_plain(markdown) == plain


def test_lists_one_item_two_items_and_numbered() -> None:
    assert to_html("- one") == "<ul>\n<li>one</li>\n</ul>"
    assert to_plain("- one") == "• one"
    assert to_plain("- one\n- two") == "• one\n• two"
    assert to_plain("3. three\n4. four") == "3. three\n4. four"
    assert '<ol start="3">' in to_html("3. three\n4. four")


def test_a_table_keeps_its_cells() -> None:
    text = "| Mission | Mass |\n|---|---:|\n| Chang'e-5 | 1,731 g |\n| Chang'e-6 | 1,935.3 g |"
    html = to_html(text)
    assert html.count("<tr>") == 3
    assert "<td>1,935.3 g</td>" in html  # (the alignment's style attribute is not kept)
    assert to_plain(text) == "Mission | Mass\nChang'e-5 | 1,731 g\nChang'e-6 | 1,935.3 g"


def test_links_show_as_text_and_never_open() -> None:
    assert to_html("see [the paper](https://example.org/x)") == "see the paper"
    assert to_html("<https://example.org>") == "https://example.org"
    assert "href" not in to_html("[a](media/x.png) [b](javascript:alert(1))")


def test_images_come_only_from_the_pack() -> None:
    assert to_html("![The orbit](media/orbit.png)") == '<img src="media/orbit.png" alt="The orbit">'
    assert to_plain("![The orbit](media/orbit.png)") == "The orbit"
    for src in (
        "file:///etc/passwd",
        "/etc/passwd",
        "../other-pack/x.png",
        "media/../../x.png",
        "http://example.org/x.png",
        "data:image/png;base64,AAAA",
        "//example.org/x.png",
        "C:/Windows/x.png",
    ):
        assert not media_name(src), src
        assert "<img" not in to_html(f"![x]({src})"), src
    assert media_name("media/orbit.png")
    assert media_name("orbit.png")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, attrs))


PIECES = [
    *"ab <>/&\"'=*_~^`[]()!#|-:\n1.",
    *("img", "src", "script", "onerror", "file:", "javascript:", "media/x.png", "../"),
]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_no_text_renders_a_tag_or_attribute_outside_the_allow_list(text: str) -> None:
    tags = _Tags()
    tags.feed(to_html(text))
    for tag, attrs in tags.seen:
        assert tag in ALLOWED_TAGS, (text, tag)
        for name, value in attrs:
            assert name in {"src", "alt", "start", "align"}, (text, name)
            if name == "src":
                assert value is not None
                assert media_name(value), (text, value)


@given(st.text(alphabet=st.characters(blacklist_characters="*_~^`[]!<>&\\|#\n")))
def test_text_without_markup_is_itself(text: str) -> None:
    if re.match(r"\s*([-+]|\d+[.)])\s|\s{4}", text):
        return  # a list or code block by its start: not plain (is_plain says so)
    assert is_plain(text)
    assert to_plain(text) == text


def _texts(data: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, f"{path}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, f"{path}[{i}]")
    elif isinstance(data, str):
        yield path, data


NOT_PACK_TEXT = (".id", ".type", ".topic", ".source", ".image", ".answer", ".title")


def test_built_in_packs_show_no_markup_characters() -> None:
    """Every learner-facing text of every built-in question, as a screen shows it."""
    seen = 0
    formatted = 0
    for folder in sorted(p for p in BUILT_IN.iterdir() if (p / "pack.toml").exists()):
        for question in load_pack(folder).questions:
            for path, text in _texts(question_to_dict(question)):
                if path.startswith(NOT_PACK_TEXT) and not path.startswith(".image_alt"):
                    continue
                if re.search(r"\]\[\d+\]\.id$|\.id$", path):
                    continue
                seen += 1
                formatted += not is_plain(text)
                plain = to_plain(text)
                assert LEFT_OVER.search(plain) is None, (question.key, path, plain)
                assert "&lt;" not in to_html(text), (question.key, path)  # no raw HTML
    assert seen > 1000
    assert formatted >= 30  # the packs' **bold** words, rendered


def test_a_refused_image_shows_its_alt_text_not_raw_markdown() -> None:
    assert to_html("a ![leak](file:///etc/hostname) b") == "a leak b"
    assert to_plain("a ![leak](file:///etc/hostname) b") == "a leak b"
    assert to_html("[run](javascript:alert(1))") == "run"
