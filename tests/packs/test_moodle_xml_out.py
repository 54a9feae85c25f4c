"""Writing Moodle XML: what goes out comes back through the reader as it was."""

from __future__ import annotations

import base64
import html
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz_app.__main__ import main
from quiz_app.core.grading import normalize_text
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.questions import (
    Body,
    Card,
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Pack,
    PackInfo,
    Pair,
    Question,
    ShortText,
    SingleChoice,
    Topic,
    TrueFalse,
)
from quiz_app.core.text import LocalizedList, LocalizedText
from quiz_app.packs.html_text import html_to_markdown
from quiz_app.packs.moodle_xml import load_moodle_xml
from quiz_app.packs.moodle_xml_out import FRACTIONS, moodle_xml_text
from quiz_app.packs.native import load_pack
from tests.conftest import DATA, SAMPLE_PACK

ROOT = Path(__file__).parents[2]
PACKS = [SAMPLE_PACK, ROOT / "questions" / "change-missions", ROOT / "questions" / "lunar-science"]
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg=="
)


def shape(body: Body, language: str) -> object:
    """A body with its texts in ``language`` and its answers by position: the reader
    numbers choices, items and pairs itself."""

    def t(text: LocalizedText) -> str:
        return text.get(language)

    match body:
        case SingleChoice(choices, answer):
            return [t(c.text) for c in choices], [c.id for c in choices].index(answer)
        case MultipleResponse(choices, answers):
            return [(t(c.text), c.id in answers) for c in choices]
        case Ordering(items):
            return [t(i.text) for i in items]
        case Matching(pairs):
            return [(t(p.left), t(p.right)) for p in pairs]
        case Numeric(value, tolerance, unit):
            return value, tolerance, unit and t(unit)
        case ShortText(accept):
            return accept.get(language)
        case TrueFalse(answer):
            return answer
        case Card(back):
            return t(back)
    raise TypeError(body)  # pragma: no cover


def export_and_read(pack: Pack, tmp_path: Path, language: str = "en") -> tuple[Pack, set[str]]:
    export = moodle_xml_text(pack, language)
    path = tmp_path / f"{pack.info.id}-{language}.xml"
    path.write_text(export.text, encoding="utf-8")
    return load_moodle_xml(path), {key for key, _ in export.left_out}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("pack_dir", PACKS, ids=lambda p: p.name)
def test_a_pack_comes_back_from_moodle_xml(tmp_path: Path, pack_dir: Path, language: str) -> None:
    pack = load_pack(pack_dir)
    read, left_out = export_and_read(pack, tmp_path, language)
    kept = [q for q in pack.questions if q.key not in left_out]
    assert sorted(q.key for q in read.questions) == sorted(q.key for q in kept)
    back = {q.key: q for q in read.questions}
    for question in kept:
        again = back[question.key]
        assert again.type == question.type
        assert again.prompt.get("en") == question.prompt.get(language)
        assert shape(again.body, "en") == shape(question.body, language), question.key
        if question.explanation is None:
            assert again.explanation is None
        else:
            assert again.explanation is not None
            assert again.explanation.get("en") == question.explanation.get(language)
        if question.image is not None:
            assert again.image is not None
            assert read.media[again.image] == pack.media[question.image]
    titles = {t.title.get(language) for t in pack.info.topics}
    assert {t.title.get("en") for t in read.info.topics} <= titles


def test_the_output_is_what_moodle_expects(tmp_path: Path) -> None:
    pack = load_pack(ROOT / "questions" / "change-missions")
    export = moodle_xml_text(pack)
    assert export.text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    root = SafeET.fromstring(export.text.encode("utf-8"), forbid_dtd=True)
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    title = pack.info.title.get("en")
    for category in (q for q in questions if q.get("type") == "category"):
        assert (category.findtext("category/text") or "").startswith(f"$course$/top/{title}/")
    kinds = {q.get("type") for q in questions}
    assert kinds <= {"category", "multichoice", "truefalse", "numerical", "shortanswer",
                     "matching", "ordering", "essay"}  # fmt: skip
    for essay in (q for q in questions if q.get("type") == "essay"):  # a card
        assert essay.findtext("graderinfo/text")
        assert essay.find("graderinfo").get("format") == "html"  # type: ignore[union-attr]
    for question in questions:
        if question.get("type") == "category":
            continue
        assert question.findtext("name/text")
        assert question.find("questiontext/text") is not None
        assert question.findtext("defaultgrade") == "1.0000000"
        if question.get("type") != "multichoice":
            continue
        single = question.findtext("single")
        assert single in ("true", "false")
        assert question.findtext("shuffleanswers") in ("true", "false")
        fractions = [a.get("fraction", "") for a in question.findall("answer")]
        assert all(f.removeprefix("-") in FRACTIONS for f in fractions), fractions
        if single == "false":
            assert abs(sum(float(f) for f in fractions if float(f) > 0) - 100) < 1e-3


def _pack(*questions: Question, media: dict[str, bytes] | None = None) -> Pack:
    info = PackInfo(
        PackId("fuzz"),
        "1.0.0",
        LocalizedText.of("Fuzz / pack"),
        ("en",),
        (Topic(TopicKey("t"), LocalizedText.of("Topic / one")),),
    )
    return Pack(info, questions, media or {})


def test_what_moodle_cannot_hold_is_left_out(tmp_path: Path) -> None:
    wild = Question(
        QuestionKey("wild"),
        TopicKey("t"),
        2,
        LocalizedText.of("Name the probe"),
        ShortText(LocalizedList.of({"en": ["Chang*e"]})),
    )
    control = Question(
        QuestionKey("bell"), TopicKey("t"), 2, LocalizedText.of("ring \x07"), TrueFalse(True)
    )
    fine = Question(QuestionKey("fine"), TopicKey("t"), 2, LocalizedText.of("ok"), TrueFalse(True))
    export = moodle_xml_text(_pack(wild, control, fine))
    assert dict(export.left_out) == {
        "wild": (
            "an accepted answer holds '*', which Moodle reads as a wildcard",
            "某个可接受的答案含有“*”，Moodle 会把它读成通配符",
        ),
        "bell": (
            "a text holds a control character, which XML cannot hold",
            "某段文字含有控制字符，XML 无法容纳",
        ),
    }
    read, _ = export_and_read(_pack(wild, control, fine), tmp_path)
    assert [q.key for q in read.questions] == ["fine"]
    assert [t.title.get("en") for t in read.info.topics] == ["Topic / one"]  # '//' read back


def test_the_name_is_the_key_only_when_it_can_be_one(tmp_path: Path) -> None:
    path = tmp_path / "names.xml"
    question = (
        '<question type="truefalse"><name><text>{}</text></name>'
        "<questiontext><text>{}</text></questiontext>"
        '<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer></question>'
    )
    path.write_text(
        "<quiz>"
        + question.format("ce4-landing", "one")
        + question.format("Q1 Far side", "two")  # a real Moodle name: not an id
        + question.format("ce4-landing", "three")  # taken
        + "</quiz>",
        encoding="utf-8",
    )
    read = load_moodle_xml(path).questions
    assert [q.key for q in read] == ["ce4-landing", "q1-far-side", "ce4-landing-2"]
    assert [q.title for q in read] == [None, "Q1 Far side", "ce4-landing"]


# Words with XML, HTML and Markdown specials, CDATA's end, quotes and CJK; lines of
# words with runs of spaces inside; texts of lines. Pack text is Markdown: each text is
# what the reader makes of such plain text (a Moodle ``plain_text`` field), so writing it
# and reading it back must give it again exactly. One-line fields (an accepted answer, a
# unit, the answer of a pair) are plain and single-spaced: Moodle keeps them on one line.
WORD = st.text(alphabet="aZ9<>&;'\"]]>#*_~^/月球é", min_size=1, max_size=6).filter(
    lambda w: w.strip() == w
)
SPACES = st.sampled_from([" ", "  ", "\t"])
LINE = st.lists(WORD, min_size=1, max_size=4).flatmap(
    lambda words: st.lists(SPACES, min_size=len(words) - 1, max_size=len(words) - 1).map(
        lambda gaps: "".join(w + g for w, g in zip(words, [*gaps, ""], strict=True))
    )
)


def as_markdown(plain: str) -> str:
    """Plain text as the pack's Markdown, shown as written (line breaks kept)."""
    return html_to_markdown(html.escape(plain).replace("\n", "<br>")).markdown


RICH = st.lists(LINE, min_size=1, max_size=3).map("\n".join).map(as_markdown)
RICH_TEXT = RICH.map(LocalizedText.of)
ONE_LINE = st.lists(WORD, min_size=1, max_size=4).map(" ".join).map(LocalizedText.of)


@st.composite
def bodies(draw: st.DrawFn) -> Body:
    kind = draw(st.sampled_from(["single", "multiple", "tf", "numeric", "short", "match", "order"]))
    if kind in ("single", "multiple", "order"):
        texts = draw(st.lists(RICH_TEXT, min_size=2, max_size=10, unique_by=lambda t: t.get("en")))
        choices = tuple(Choice(chr(ord("a") + i), t) for i, t in enumerate(texts))
        if kind == "order":
            return Ordering(tuple(Choice(f"i{i + 1}", c.text) for i, c in enumerate(choices)))
        if kind == "single":
            return SingleChoice(choices, draw(st.sampled_from([c.id for c in choices])))
        right = draw(st.sets(st.sampled_from([c.id for c in choices]), min_size=1))
        return MultipleResponse(choices, frozenset(right))
    if kind == "tf":
        return TrueFalse(draw(st.booleans()))
    if kind == "numeric":
        finite = st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False)
        unit = draw(st.none() | ONE_LINE)
        return Numeric(draw(finite), abs(draw(finite)), unit)
    if kind == "short":
        texts = draw(st.lists(ONE_LINE, min_size=1, max_size=3, unique_by=lambda t: t.get("en")))
        # An answer grading folds to nothing (":") is refused by every reader.
        accepted = [
            t.get("en") for t in texts if "*" not in t.get("en") and normalize_text(t.get("en"))
        ] or ["x"]
        return ShortText(LocalizedList.of({"en": accepted}))
    lefts = draw(st.lists(RICH_TEXT, min_size=2, max_size=5, unique_by=lambda t: t.get("en")))
    rights = draw(
        st.lists(
            ONE_LINE, min_size=len(lefts), max_size=len(lefts), unique_by=lambda t: t.get("en")
        )
    )
    return Matching(
        tuple(
            Pair(f"p{i + 1}", left, right)
            for i, (left, right) in enumerate(zip(lefts, rights, strict=True))
        )
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), body=bodies(), explanation=st.none() | RICH_TEXT, image=st.booleans())
def test_a_question_survives_moodle_xml(
    tmp_path_factory: pytest.TempPathFactory,
    data: st.DataObject,
    body: Body,
    explanation: LocalizedText | None,
    image: bool,
) -> None:
    # With an image the prompt is HTML, where runs of spaces are one space.
    prompt = data.draw(RICH_TEXT)
    question = Question(
        QuestionKey("q-1.a_b"),
        TopicKey("t"),
        2,
        prompt,
        body,
        explanation=explanation,
        image="media/picture.png" if image else None,
        image_alt=LocalizedText.of('a <picture> & "more"') if image else None,
    )
    pack = _pack(question, media={"media/picture.png": PNG} if image else None)
    read, left_out = export_and_read(pack, tmp_path_factory.mktemp("xml"))
    assert left_out == set()
    [again] = read.questions
    assert again.key == question.key
    assert again.prompt == question.prompt
    assert again.type == question.type
    assert shape(again.body, "en") == shape(question.body, "en")
    assert again.explanation == question.explanation
    assert (again.image is not None) == image
    if again.image is not None:
        assert read.media[again.image] == PNG


def test_export_as_moodle_xml_from_the_command_line(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path, sample_pack: Path
) -> None:
    with (sample_pack / "science.toml").open("a", encoding="utf-8") as file:
        file.write(
            '\n[[questions]]\nid = "wildcard"\ntype = "short_text"\ntopic = "science"\n'
            'difficulty = 1\nprompt.en = "Name the relay."\nprompt.zh = "中继星叫什么？"\n'
            'accept.en = ["Que*qiao"]\naccept.zh = ["鹊桥"]\n'
        )
    assert main(["--db", db_url, "packs", "import", str(sample_pack)]) == 0
    target = tmp_path / "sample.xml"
    capsys.readouterr()
    code = main(
        ["--db", db_url, "packs", "export", "sample", str(target), "--format", "moodle-xml"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "(7 questions)" in out
    assert "Left out 1 that moodle-xml cannot hold:" in out
    assert "  wildcard: an accepted answer holds '*', which Moodle reads as a wildcard" in out
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    assert main(["--db", other, "packs", "import", str(target)]) == 0
    assert "7 added" in capsys.readouterr().out


def test_the_reader_still_reads_a_real_moodle_export() -> None:
    # names such as "Far side first" are not ids: they become readable slugs, kept as titles
    pack = load_moodle_xml(DATA / "moodle" / "export.xml")
    assert pack.questions[0].key == "far-side-first"
    assert pack.questions[0].title == "Far side first"


def test_eleven_right_answers_are_left_out_saying_why() -> None:
    choices = tuple(Choice(f"c{i}", LocalizedText.of(f"answer {i}")) for i in range(12))
    many = Question(
        QuestionKey("many"),
        TopicKey("t"),
        2,
        LocalizedText.of("Pick all but the last"),
        MultipleResponse(choices, frozenset(f"c{i}" for i in range(11))),
    )
    ten = Question(
        QuestionKey("ten"),
        TopicKey("t"),
        2,
        LocalizedText.of("Pick all but the last two"),
        MultipleResponse(choices, frozenset(f"c{i}" for i in range(10))),
    )
    export = moodle_xml_text(_pack(many, ten))
    assert export.left_out == (
        (
            "many",
            (
                "11 right answers: each would be worth 9.09091%, which Moodle does not allow",
                "11 个正确答案：每个将占 9.09091%，Moodle 不允许这样的分值",
            ),
        ),
    )
    assert 'fraction="10"' in export.text  # ten right answers: 10% each, as Moodle allows
