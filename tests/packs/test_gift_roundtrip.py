"""Property: any question GIFT can hold comes back from a GIFT export exactly as it was."""

from __future__ import annotations

import html
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz_app.core.grading import normalize_text
from quiz_app.core.ids import PackId, QuestionKey, TopicKey
from quiz_app.core.questions import (
    Body,
    Card,
    Choice,
    Matching,
    MultipleResponse,
    Numeric,
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
from quiz_app.packs.gift import gift_text, load_gift
from quiz_app.packs.html_text import html_to_markdown

# Words that carry GIFT's control characters, HTML and format markers, so escaping is
# tested; texts are single-spaced, as the reader folds runs of spaces.
WORD = st.text(alphabet="aZ9~=#{}:\\<>&%[]/*'é月", min_size=1, max_size=6)
LINE = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
PLAIN = st.lists(LINE, min_size=1, max_size=2).map("\n".join)
TEXT = PLAIN.map(
    # Pack text is Markdown: what the reader makes of such plain text, shown as written.
    lambda plain: LocalizedText.of(
        html_to_markdown(html.escape(plain).replace("\n", "<br>")).markdown
    )
)
PLAIN_TEXT = PLAIN.map(LocalizedText.of)  # the right-hand side of a pair is plain
ARROWLESS = TEXT.filter(lambda t: "->" not in t.get("en"))


@st.composite
def bodies(draw: st.DrawFn) -> Body:
    kind = draw(
        st.sampled_from(["single", "multiple", "tf", "numeric", "short", "matching", "card"])
    )
    if kind == "card":
        return Card(draw(TEXT))
    if kind in ("single", "multiple"):
        texts = draw(st.lists(TEXT, min_size=2, max_size=10, unique_by=lambda t: t.get("en")))
        choices = tuple(Choice(chr(ord("a") + i), t) for i, t in enumerate(texts))
        if kind == "single":
            return SingleChoice(choices, draw(st.sampled_from([c.id for c in choices])))
        right = draw(st.sets(st.sampled_from([c.id for c in choices]), min_size=1))
        return MultipleResponse(choices, frozenset(right))
    if kind == "tf":
        return TrueFalse(draw(st.booleans()))
    if kind == "numeric":
        finite = st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False)
        return Numeric(draw(finite), abs(draw(finite)))
    if kind == "short":
        texts = draw(st.lists(ARROWLESS, min_size=1, max_size=3, unique_by=lambda t: t.get("en")))
        # An answer grading folds to nothing (":") is refused by every reader.
        accepted = [
            t.get("en") for t in texts if "*" not in t.get("en") and normalize_text(t.get("en"))
        ] or ["x"]
        return ShortText(LocalizedList.of({"en": accepted}))
    lefts = draw(st.lists(ARROWLESS, min_size=2, max_size=5, unique_by=lambda t: t.get("en")))
    rights = draw(
        st.lists(
            PLAIN_TEXT.filter(lambda t: "\n" not in t.get("en")),
            min_size=len(lefts),
            max_size=len(lefts),
            unique_by=lambda t: t.get("en"),
        )
    )
    return Matching(
        tuple(
            Pair(f"p{i + 1}", left, right)
            for i, (left, right) in enumerate(zip(lefts, rights, strict=True))
        )
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prompt=TEXT,
    body=bodies(),
    explanation=st.none() | TEXT,
    directory=st.just(None),
)
def test_a_question_survives_gift(
    tmp_path_factory: object,
    prompt: LocalizedText,
    body: Body,
    explanation: LocalizedText | None,
    directory: None,
) -> None:
    question = Question(QuestionKey("q-1"), TopicKey("t"), 2, prompt, body, explanation=explanation)
    info = PackInfo(
        PackId("fuzz"),
        "1.0.0",
        LocalizedText.of("fuzz"),
        ("en",),
        (Topic(TopicKey("t"), LocalizedText.of("Topic / one")),),
    )
    path = Path(tmp_path_factory.mktemp("gift")) / "fuzz.gift"  # type: ignore[attr-defined]
    export = gift_text(Pack(info, (question,)))
    assert export.left_out == ()
    path.write_text(export.text, encoding="utf-8")
    [read] = load_gift(path).questions
    assert read.prompt == question.prompt
    assert read.body == question.body
    if isinstance(body, Card):  # the back is the essay's general feedback: no room left
        assert read.explanation is None
        assert [key for key, _ in export.notes] == ["q-1"]
        assert ("explanation is left out" in export.notes[0][1].en) == (explanation is not None)
    else:
        assert read.explanation == question.explanation
        assert export.notes == ()
