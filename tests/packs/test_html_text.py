"""HTML from Moodle and GIFT as the pack's Markdown: what a learner sees is what the
teacher wrote, formatting kept, nothing from outside the file let in."""

from __future__ import annotations

import base64
import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz_app.packs.html_text import MediaFiles, html_to_markdown, html_to_text
from quiz_app.packs.rich_text import to_html, to_plain

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg=="
)


@pytest.mark.parametrize(
    ("source", "markdown", "shown"),
    [
        # no space invented at a tag's edge
        ("<p>H<sub>2</sub>O</p>", "H~2~O", "H₂O"),
        ("<p>the <b>Moon</b>, far</p>", "the **Moon**, far", "the Moon, far"),
        ("<p>10<sup>6</sup> km<sup>2</sup></p>", "10^6^ km^2^", "10⁶ km²"),
        ("<p>x<sup>-1</sup></p>", "x^\\-1^", "x⁻¹"),
        ("<p>a<sub>i j</sub></p>", "a~i\\ j~", "a~i j~"),  # a space inside: escaped
        # a space inside the tag moves outside it
        ("<p>the <b>Moon </b>landing</p>", "the **Moon** landing", "the Moon landing"),
        ("<p>x<b><i>y</i></b>z</p>", "x***y***z", "xyz"),
        ("<p><b>bold <b>inner</b></b></p>", "**bold inner**", "bold inner"),
        # where CommonMark could not read the stars, the words stay, unbolded
        ('<p><b>"Moon"</b>s</p>', '"Moon"s', '"Moon"s'),
        # whitespace as a browser shows it; entities decoded
        ("<p>  lots   of\n   space </p>", "lots of space", "lots of space"),
        (
            "<p>Tom &amp; Jerry &lt;b&gt; 5&nbsp;km</p>",
            "Tom & Jerry \\<b> 5 km",
            "Tom & Jerry <b> 5 km",
        ),
        ("<p>&eacute;t&eacute; &#x1F315;</p>", "été 🌕", "été 🌕"),
        # breaks, paragraphs, lists, tables, code
        ("<p>one<br>two<br></p>", "one\\\ntwo", "one\ntwo"),
        ("<p>one <br> two</p>", "one\\\ntwo", "one\ntwo"),
        ("<div>one</div><div>two</div>", "one\n\ntwo", "one\ntwo"),
        ("<ul><li>one</li><li>two</li></ul>", "- one\n- two", "• one\n• two"),
        ("<ol><li>a</li><li>b</li></ol>", "1. a\n2. b", "1. a\n2. b"),
        (
            "<table><tr><th>Mission</th><th>Year</th></tr><tr><td>Chang'e-4</td><td>2019</td></tr></table>",
            "| Mission | Year |\n| --- | --- |\n| Chang'e-4 | 2019 |",
            "Mission | Year\nChang'e-4 | 2019",
        ),
        ("<p><code>a*b</code></p>", "`a*b`", "a*b"),
        ("<h3>Title</h3><p>text</p>", "**Title**\n\ntext", "Title\ntext"),
        # text that would be markup is escaped, ordinary text is left alone
        ("<p>Chang'e-4. 3 - 2 = 1</p>", "Chang'e-4. 3 - 2 = 1", "Chang'e-4. 3 - 2 = 1"),
        ("<p>5 * 3 and a*b</p>", "5 * 3 and a\\*b", "5 * 3 and a*b"),
        ("<p>the ___ Project</p>", "the ___ Project", "the ___ Project"),
        ("<p>snake_case</p>", "snake_case", "snake_case"),
        ("<p>_x_ [y](z)</p>", "\\_x\\_ \\[y\\](z)", "_x_ [y](z)"),
        ("<p>~450 m, 2^10</p>", "~450 m, 2\\^10", "~450 m, 2^10"),
        (
            "<p>1. not a list</p><p># no heading</p>",
            "1\\. not a list\n\n\\# no heading",
            "1. not a list\n# no heading",
        ),
        ("plain text, no tags", "plain text, no tags", "plain text, no tags"),
    ],
)
def test_html_becomes_markdown_that_shows_the_same(source: str, markdown: str, shown: str) -> None:
    converted = html_to_markdown(source)
    assert converted.markdown == markdown
    assert to_plain(converted.markdown) == shown
    assert converted.notes == ()
    # and it is stable: written back as the HTML the app shows, it reads back the same
    assert html_to_markdown(to_html(converted.markdown)).markdown == markdown


@pytest.mark.parametrize(
    ("source", "note"),
    [
        ("<p>Hi</p><script>alert(1)</script>", "a script was left out"),
        ("<style>p {color: red}</style><p>Hi</p>", "a style sheet was left out"),
        ('<link rel="stylesheet" href="x.css"><p>Hi</p>', "a style sheet was left out"),
        ('<p>Hi</p><iframe src="https://example.org"></iframe>', "an embedded frame was left out"),
        ('<p onclick="steal()">Hi</p>', "a script in an attribute (onclick=) was left out"),
        ('<p><img src="file:///etc/passwd">Hi</p>', "the image from file: was left out"),
        ('<p><img src="http://example.org/x.png" alt="x">Hi</p>', "the image 'x' from http:"),
        ('<p><a href="javascript:alert(1)">Hi</a></p>', "a link to 'javascript' was left out"),
        ('<p><object data="x.swf"></object>Hi</p>', "an embedded object was left out"),
    ],
)
def test_what_reaches_outside_is_dropped_with_a_note(source: str, note: str) -> None:
    converted = html_to_markdown(source, media=MediaFiles())
    assert converted.markdown == "Hi"
    assert any(n.get("en").startswith(note) for n in converted.notes), converted.notes
    assert all(n.get("zh") != n.get("en") for n in converted.notes)  # said in Chinese too
    rendered = to_html(converted.markdown)
    for bad in ("script", "style", "iframe", "passwd", "javascript", "onclick", "http"):
        assert bad not in rendered


def test_images_travel_as_pack_media() -> None:
    media = MediaFiles()
    data_uri = "data:image/png;base64," + base64.b64encode(PNG).decode()
    converted = html_to_markdown(
        '<p>Map: <img src="@@PLUGINFILE@@/Carte%20lunaire%20(%C3%A9t%C3%A9).png" alt="Map">'
        f'</p><p><img src="{data_uri}" alt="dot"></p>',
        {"Carte lunaire (été).png": PNG},
        media,
    )
    assert converted.markdown.startswith("Map: ![Map](media/Carte-lunaire-ete.png)\n\n![dot](")
    dot = converted.markdown.rsplit("(", 1)[1].rstrip(")")
    assert dot.startswith("media/image-")
    assert set(media.files) == {"media/Carte-lunaire-ete.png", dot}
    assert all(data == PNG for data in media.files.values())
    assert '<img src="media/Carte-lunaire-ete.png" alt="Map">' in to_html(converted.markdown)


def test_one_name_for_two_images_keeps_both() -> None:
    # Moodle keeps each question's files apart: image.png recurs with other bytes
    media = MediaFiles()
    assert media.add("image.png", PNG) == "media/image.png"
    assert media.add("image.png", PNG) == "media/image.png"  # the same file once
    assert media.add("image.png", PNG + b"x") == "media/image-2.png"
    assert media.add("image.png", PNG + b"y") == "media/image-3.png"


@pytest.mark.parametrize(
    ("source", "note"),
    [
        ('<img src="@@PLUGINFILE@@/gone.png">', "(gone.png) is not in the file"),
        ('<img src="data:text/html;base64,PHNjcmlwdD4=">', "of a kind this app cannot show"),
        ('<img src="@@PLUGINFILE@@/x.gif">', "not one of .png"),
        ('<img src="@@PLUGINFILE@@/evil.svg">', "it contains <script>"),
        # judged by its bytes, as a pack's own images are
        ('<img src="@@PLUGINFILE@@/fake.png">', "it is not a PNG, JPEG, WebP or SVG image"),
        ('<img src="@@PLUGINFILE@@/drawing.png">', "it holds a SVG image but is named .png"),
    ],
)
def test_an_image_that_cannot_come_is_noted(source: str, note: str) -> None:
    files = {
        "x.gif": b"GIF89a",
        "evil.svg": b"<svg><script>alert(1)</script></svg>",
        "fake.png": b"#!/bin/sh\nrm -rf /\n",
        "drawing.png": b'<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    }
    media = MediaFiles()
    converted = html_to_markdown(f"<p>Hi{source}</p>", files, media)
    assert converted.markdown == "Hi"
    assert media.files == {}
    assert any(note in n.get("en") for n in converted.notes), converted.notes


def test_without_room_for_media_an_image_is_noted() -> None:
    converted = html_to_markdown('<p>Hi<img src="@@PLUGINFILE@@/x.png"></p>', {"x.png": PNG})
    assert converted.markdown == "Hi"
    assert "this text cannot hold images" in converted.notes[0].get("en")


def test_visible_text_of_html() -> None:
    assert html_to_text("<p>Far <b>side</b></p><script>x</script>") == "Far side"
    assert html_to_text("a&nbsp;&amp;<br>b") == "a & b"


WORD = st.text(alphabet="aZ9<>&;'\"#*_~^/[]`\\-.=+|月球é", min_size=1, max_size=6)
LINES = st.lists(st.lists(WORD, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=3).map(
    "\n".join
)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_any_plain_text_shows_as_written_and_stays_put(plain: str) -> None:
    converted = html_to_markdown(html.escape(plain).replace("\n", "<br>"))
    shown = [" ".join(line.split()) for line in to_plain(converted.markdown).split("\n")]
    assert shown == [" ".join(line.split()) for line in plain.split("\n")]
    assert html_to_markdown(to_html(converted.markdown)).markdown == converted.markdown
