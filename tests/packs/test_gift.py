"""GIFT in and out, following Moodle's documentation of the format and its qformat_gift."""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

import pytest

from quiz_app.core.errors import PackError, PartialPackError, Problem
from quiz_app.core.questions import (
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
from quiz_app.core.text import LocalizedList, LocalizedText
from quiz_app.packs.formats import format_of, load_any
from quiz_app.packs.gift import gift_text, load_gift
from quiz_app.packs.html_text import html_to_markdown
from quiz_app.packs.native import load_pack
from quiz_app.packs.rich_text import to_plain
from quiz_app.services.packs import builtin_packs_dir, get_pack, import_pack
from quiz_app.storage import Database
from tests.conftest import DATA, snapshot

CLASS_QUIZ = DATA / "gift" / "class-quiz.gift"


def _read(tmp_path: Path, text: str, name: str = "quiz.gift") -> Pack:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_gift(path)


def _one(tmp_path: Path, text: str) -> Question:
    [question] = _read(tmp_path, text).questions
    return question


def _refusal(tmp_path: Path, text: str) -> Problem:
    """The one problem of a file whose only question is refused."""
    with pytest.raises(PackError) as caught:
        _read(tmp_path, text)
    assert not isinstance(caught.value, PartialPackError)  # nothing else to import
    [problem] = caught.value.problems
    return problem


# -- a teacher's real-world file ---------------------------------------------------------
def test_a_class_file_is_read_question_by_question() -> None:
    with pytest.raises(PartialPackError) as caught:
        load_any(CLASS_QUIZ)
    pack = caught.value.pack
    by_key = {q.key: q for q in pack.questions}
    assert len(pack.questions) == 12
    assert [t.title.get("en") for t in pack.info.topics] == ["Chang'e-4"]

    landing = by_key["ce4-landing"]  # the ::name:: becomes the id
    assert isinstance(landing.body, SingleChoice)
    assert [c.text.get("en") for c in landing.body.choices] == [
        "Chang'e-3",
        "Chang'e-4",
        "Chang'e-5",
    ]
    assert landing.body.answer == "b"
    # The general feedback is the explanation; each answer's is its choice's own.
    assert landing.explanation == LocalizedText.of("It landed in Von Kármán crater.")
    assert [c.feedback for c in landing.body.choices] == [
        LocalizedText.of("It landed on the near side."),
        LocalizedText.of("Right: 3 January 2019."),
        None,
    ]
    rover = by_key["rover-name"]  # "Rover name" as an id, and kept as the title
    assert rover.title == "Rover name"
    # the feedback of an answer worth 50% is kept too, as docs/formats.md says
    assert rover.explanation == LocalizedText.of("Yutu: Close: that was Chang'e-3's rover.")
    assert rover.prompt.get("en") == "Chang'e-4's rover is called _____."
    assert rover.body == ShortText(LocalizedList.of({"en": ["Yutu-2", "Yutu 2"]}))
    dark = by_key["far-side-is-dark"]
    assert dark.body == TrueFalse(False)
    assert dark.explanation == LocalizedText.of(  # a paragraph per answer
        'True: It gets as much sunlight as the near side.\n\nFalse: Right: "dark side" is a myth.'
    )
    assert by_key["landing-crater-diameter"].body == Numeric(186, 5)
    assert by_key["named-craters"].body == MultipleResponse(
        by_key["named-craters"].body.choices,  # type: ignore[union-attr]
        frozenset({"a", "b", "c"}),
    )
    escapes = by_key["Escapes"]
    assert escapes.prompt.get("en") == (
        "Which answer shows a GIFT control character : the equals sign?"
    )
    assert [to_plain(c.text.get("en")) for c in escapes.body.choices] == [  # type: ignore[union-attr]
        "~ (tilde)",
        "= (equals)",
        "# (hash)",
        "{ and } (braces)",
    ]
    texts = {to_plain(q.prompt.get("en")): q for q in pack.questions}
    assert texts["The Chang'e-4 site was named Statio _____ in 2019."].body.answer == "b"  # type: ignore[union-attr]
    assert texts["What is a number from 1 to 5?"].body == Numeric(3, 2)
    assert "Which instrument is from Germany?" in texts  # [html]: tags as Markdown
    matching = texts["Match each spacecraft with its role."].body
    assert isinstance(matching, Matching)
    assert [(p.left.get("en"), p.right.get("en")) for p in matching.pairs] == [
        ("Chang'e-4", "lander"),
        ("Yutu-2", "rover"),
        ("Queqiao", "relay"),
    ]

    label = str(CLASS_QUIZ)
    assert [(p.file, p.line) for p in caught.value.problems] == [
        (label, 58),
        (label, 60),
        (label, 62),
        (label, 64),
        (label, 67),
    ]
    messages = [p.message for p in caught.value.problems]
    assert messages[0].startswith("no answer is marked right")
    assert "essay" in messages[1]
    assert messages[2] == "a '{' with no '}' after it (write \\{ for a brace)"
    assert "description" in messages[3]
    assert "is a blank line missing between two questions?" in messages[4]
    assert [str(n) for n in pack.notes] == [
        f"{label}:13: question 'rover-name': 'Yutu' is worth 50% in Moodle; "
        "here it is not accepted",
        f"{label}:32: question 'year-of-the-far-side-landing': 2019±1 is worth 50% in "
        "Moodle; here it is not accepted",
    ]


def test_importing_needs_consent_to_leave_questions_out(database: Database) -> None:
    before = snapshot(database)
    with pytest.raises(PartialPackError):
        import_pack(database, CLASS_QUIZ)
    assert snapshot(database) == before

    preview = import_pack(database, CLASS_QUIZ, dry_run=True)
    assert (len(preview.added), len(preview.skipped), len(preview.notes)) == (12, 5, 2)
    assert snapshot(database) == before

    plan = import_pack(database, CLASS_QUIZ, skip_invalid=True)
    assert len(plan.added) == 12
    assert len(get_pack(database, "class-quiz").questions) == 12


# -- the syntax corners of Moodle's documentation ------------------------------------------
@pytest.mark.parametrize(
    ("text", "prompt", "body"),
    [
        # Missing word: the answers where the blank goes.
        (
            "Chang'e-4 landed on the {=far ~near} side of the Moon.",
            "Chang'e-4 landed on the _____ side of the Moon.",
            SingleChoice,
        ),
        # Answers on their own lines, indented, closing brace on the last answer.
        ("Which came first? {\n    =Chang'e-1\n    ~Chang'e-2}", "Which came first?", SingleChoice),
        # T, F, TRUE, FALSE: and only those, in capitals.
        ("The Moon is tidally locked.{T}", "The Moon is tidally locked.", TrueFalse(True)),
        ("The Moon has rings.{FALSE}", "The Moon has rings.", TrueFalse(False)),
        # Lower-case 'true' is a short answer in Moodle, not a true/false.
        (
            "Type the word true.{true}",
            "Type the word true.",
            ShortText(LocalizedList.of({"en": ["true"]})),
        ),
        # Answers with no '=' at all are short answers too.
        (
            "Chang'e-4's relay satellite? {Queqiao}",
            "Chang'e-4's relay satellite?",
            ShortText(LocalizedList.of({"en": ["Queqiao"]})),
        ),
        ("Pi to 3 places? {#3.1415:0.0005}", "Pi to 3 places?", Numeric(3.1415, 0.0005)),
        ("A number from 1 to 5? {#1..5}", "A number from 1 to 5?", Numeric(3, 2)),
        ("Below zero: {#-5:1}", "Below zero:", Numeric(-5, 1)),
        ("Big: {#3.844e5:1e3}", "Big:", Numeric(384400, 1000)),
        ("Exactly: {#1731}", "Exactly:", Numeric(1731, 0)),
        # Escapes: \: \# \= \{ \} \~ and \\ for a backslash, \n for a line break.
        (
            "Read a\\:b \\# \\= \\{x\\} \\~ and a\\\\b,\\nthen answer. {=ok ~no}",
            "Read a:b # = {x} ~ and a\\b,\nthen answer.",
            SingleChoice,
        ),
        # Text formats: [plain] keeps tags as text, [markdown] keeps its markup.
        ("[plain]Is <b> a tag? {=yes ~no}", "Is <b> a tag?", SingleChoice),
        ("[markdown]Is **this** bold? {=yes ~no}", "Is **this** bold?", SingleChoice),
        # In Moodle's own format HTML entities are decoded and a stray '<' stays.
        ("Is 1 < 2 &amp; 3 > 2? {T}", "Is 1 < 2 & 3 > 2?", TrueFalse(True)),
        # A name whose closing '::' is missing: Moodle drops the '::' and keeps the text.
        ("::Unnamed Which is right? {=a ~b}", "Unnamed Which is right?", SingleChoice),
    ],
)
def test_syntax_corners(tmp_path: Path, text: str, prompt: str, body: object) -> None:
    question = _one(tmp_path, text)
    # The prompt is Markdown: what a learner sees is the text as written.
    shown = question.prompt.get("en")
    assert (shown if text.startswith("[markdown]") else to_plain(shown)) == prompt
    if isinstance(body, type):
        assert isinstance(question.body, body)
    else:
        assert question.body == body


def test_comments_names_categories_and_line_endings(tmp_path: Path) -> None:
    text = (
        "// header\r\n"
        "$CATEGORY: $course$/top/Missions/Chang'e-5 and//or 6\r\n"
        "\r\n"
        "::first::Who returned samples in 2020?{\r\n"
        "// a comment between answers is ignored\r\n"
        "=Chang'e-5\r\n"
        "~Chang'e-4\r\n"
        "}\r\n"
        "\r\n"
        "$CATEGORY: Other\r\n"
        "\r\n"
        "::second::Again? {=yes ~no}\r\n"
    )
    pack = _read(tmp_path, text)
    assert [t.title.get("en") for t in pack.info.topics] == ["Chang'e-5 and/or 6", "Other"]
    first, second = pack.questions
    assert (first.key, first.topic) == ("first", "chang-e-5-and-or-6")
    assert [c.text.get("en") for c in first.body.choices] == ["Chang'e-5", "Chang'e-4"]  # type: ignore[union-attr]
    assert (second.key, second.topic) == ("second", "other")


def test_numerical_answers_with_partial_credit_and_feedback(tmp_path: Path) -> None:
    pack = _read(
        tmp_path,
        "::year::When did Chang'e-5 land? {#\n"
        "    =2020:0 #Right!\n"
        "    =%50%2020:1 #Close.\n"
        "    ~#Look at the launch year.\n"
        "    ####It launched in November 2020.\n"
        "}",
    )
    [question] = pack.questions
    assert question.body == Numeric(2020, 0)
    assert question.explanation == LocalizedText.of(  # a paragraph each
        "It launched in November 2020.\n\n2020: Right!\n\n2020±1: Close.\n\n"
        "Any other answer: Look at the launch year."
    )
    assert [n.message for n in pack.notes] == [
        "2020±1 is worth 50% in Moodle; here it is not accepted"
    ]
    assert [n.line for n in pack.notes] == [3]


def test_weights_that_cannot_be_kept_are_noted(tmp_path: Path) -> None:
    pack = _read(
        tmp_path,
        "Where was it? {~Beijing ~%25%Wenchang#Launch site. =Von Kármán}\n"
        "\n"
        "Which? {~%70%A ~%30%B ~%-100%C}\n"
        "\n"
        "Match. {=a -> 1 =b -> 2 = -> 3}",
    )
    single, multiple, matching = pack.questions
    assert isinstance(single.body, SingleChoice)
    assert single.body.answer == "c"
    assert isinstance(multiple.body, MultipleResponse)
    assert multiple.body.answers == frozenset({"a", "b"})
    assert isinstance(matching.body, Matching)
    assert len(matching.body.pairs) == 2
    assert [(n.line, n.question, n.message) for n in pack.notes] == [
        (1, single.key, "'Wenchang' is worth 25% in Moodle; here it counts as wrong"),
        (3, multiple.key, "'A' 70%, 'B' 30%: here each right answer is worth the same"),
        (5, matching.key, "the extra answer '3' (no question) is left out"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Q? {~%fifty%a =b}", 1, "the weight '%fifty%' is not a percentage from -100 to 100"),
        ("Q? {\n~%150%a\n=b}", 2, "the weight '%150%' is not a percentage from -100 to 100"),
        (
            "Q? {~%50%a ~%40%b ~c}",
            1,
            "the positive weights add up to 90%; Moodle needs 100% "
            "(e.g. ~%50% on each of two right answers)",
        ),
        ("Q? {=a ~%50%b ~%50%a2 =c}", 1, "'a', 'c' are each fully right"),
        ("Q? {=only}\n", 1, None),  # a short answer: fine, see below
        ("Q? {~a}", 1, "a multiple-choice question needs at least two answers"),
        ("Q? {#about 5}", 1, "'about 5' is not a number, number:margin, or min..max"),
        ("Q? {#5..1}", 1, "in the range '5..1' the first number is the larger"),
        ("Q? {#inf}", 1, "'inf' is not a number, number:margin, or min..max"),
        ("Q? {#=%50%5}", 1, "no answer is worth 100%, as Moodle requires"),
        ("Q?\n{#\n=5\n=6}", 4, "more than one answer is worth 100%"),
        ("Q? {=Naz*}", 1, "the wildcard '*' in 'Naz*' is not supported here"),
        ("Q? {=%50%half}", 1, "no answer is worth 100%, as Moodle requires"),
        ("Match. {=a -> 1 =b 2}", 1, "'b 2' has no '->' (write =left -> right)"),
        ("Match. {=a -> 1}", 1, "a matching question needs at least two pairs"),
        ("Q? } {=a ~b}", 1, "a '}' with no '{' before it (write \\} for a brace)"),
        ("Q?\n{=a ~b", 2, "a '{' with no '}' after it (write \\{ for a brace)"),
        ("{=a ~b}", 1, "the question has no text"),
        ("Q? {" + " ".join(f"~x{i}" for i in range(11)) + " =y}", 1, "12 answers"),
        ("$CATEGORY: A\nQ? {=a ~b}", 2, "a question follows $CATEGORY without a blank line"),
    ],
)
def test_what_cannot_be_read_is_reported_with_its_line(
    tmp_path: Path, text: str, line: int, message: str | None
) -> None:
    if message is None:
        _one(tmp_path, text)
        return
    problem = _refusal(tmp_path, text)
    assert problem.line == line
    assert problem.message.startswith(message)


def test_matching_answers_must_be_distinct_as_the_app_requires(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Match.\n{=cat -> mammal =dog -> mammal}")
    assert problem.line == 1
    assert "two pairs have the same right text 'mammal'" in problem.message


def test_the_file_itself_must_be_utf8_without_noncharacters(tmp_path: Path) -> None:
    problem = _refusal(tmp_path, "Fine? {T}\n\nBad \ufdd1 text? {T}")
    assert (problem.line, problem.message) == (3, "holds U+FDD1, a Unicode noncharacter")
    path = tmp_path / "latin1.gift"
    path.write_bytes("Café? {T}".encode("latin-1"))
    with pytest.raises(PackError, match="is not UTF-8 text"):
        load_gift(path)


def test_txt_files_are_gift_unless_they_have_aiken_answer_lines(tmp_path: Path) -> None:
    gift, aiken = tmp_path / "a.txt", tmp_path / "b.txt"
    gift.write_text("Q? {=a ~b}\n", encoding="utf-8")
    aiken.write_text("Q?\nA. a\nB. b\nANSWER: A\n", encoding="utf-8")
    assert (format_of(gift), format_of(aiken)) == ("gift", "aiken")


# -- out, and back in -----------------------------------------------------------------------
def _as_gift_holds(question: Question) -> Question:
    """A question as GIFT keeps it: English only; no unit, source, image or difficulty;
    choices lettered a, b, c... and pairs numbered p1, p2... in their order."""
    body = question.body
    en = LocalizedText.of(question.prompt.get("en"))

    def only_en(text: LocalizedText) -> LocalizedText:
        return LocalizedText.of(text.get("en"))

    def lettered(choices: tuple[Choice, ...]) -> tuple[tuple[Choice, ...], dict[str, str]]:
        ids = {c.id: chr(ord("a") + i) for i, c in enumerate(choices)}
        return tuple(Choice(ids[c.id], only_en(c.text)) for c in choices), ids

    match body:
        case SingleChoice(choices, answer):
            letters, ids = lettered(choices)
            body = SingleChoice(letters, ids[answer])
        case MultipleResponse(choices, answers):
            letters, ids = lettered(choices)
            body = MultipleResponse(letters, frozenset(ids[a] for a in answers))
        case Numeric(answer, tolerance, _):
            body = Numeric(answer, tolerance)
        case ShortText(accept):
            body = ShortText(LocalizedList.of({"en": list(accept.get("en"))}))
        case Matching(pairs):
            body = Matching(
                tuple(
                    Pair(f"p{i + 1}", only_en(p.left), only_en(p.right))
                    for i, p in enumerate(pairs)
                )
            )
        case Card(back):  # the back is the essay's general feedback: no explanation
            return Question(question.key, question.topic, 2, en, Card(only_en(back)))
    return Question(
        key=question.key,
        topic=question.topic,
        difficulty=2,
        prompt=en,
        body=body,
        explanation=None if question.explanation is None else only_en(question.explanation),
    )


@pytest.mark.parametrize("pack_name", ["change-missions", "lunar-science"])
def test_exporting_the_built_in_packs_and_reading_them_back(tmp_path: Path, pack_name: str) -> None:
    pack = load_pack(builtin_packs_dir() / pack_name)
    export = gift_text(pack)
    path = tmp_path / f"{pack_name}.gift"
    path.write_text(export.text, encoding="utf-8")
    back = load_gift(path)  # no PartialPackError: every question written is read

    orderings = {q.key for q in pack.questions if isinstance(q.body, Ordering)}
    assert {key for key, _ in export.left_out} == orderings
    titles = {t.key: t.title.get("en") for t in pack.info.topics}
    back_titles = {t.key: t.title.get("en") for t in back.info.topics}
    expected = [q for q in pack.questions if q.key not in orderings]
    by_key = {q.key: q for q in back.questions}
    assert sorted(by_key) == sorted(q.key for q in expected)
    for question in expected:
        read = by_key[question.key]
        assert back_titles[read.topic] == titles[question.topic]
        assert replace(read, topic=question.topic) == _as_gift_holds(question)
    cards = {q.key for q in pack.questions if isinstance(q.body, Card)}
    assert cards
    assert {key for key, _ in export.notes} == cards  # each card written as an essay
    assert {n.question for n in back.notes} == cards  # and read back as a card, said so


def test_a_gift_file_survives_import_export_import(tmp_path: Path) -> None:
    with pytest.raises(PartialPackError) as caught:
        load_gift(CLASS_QUIZ)
    pack = caught.value.pack
    path = tmp_path / "class-quiz.gift"
    path.write_text(gift_text(pack).text, encoding="utf-8")
    again = load_gift(path)
    assert again.questions == pack.questions
    assert again.info == pack.info
    path2 = tmp_path / "again" / "class-quiz.gift"
    path2.parent.mkdir()
    path2.write_text(gift_text(again).text, encoding="utf-8")
    assert path2.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_awkward_texts_are_escaped_on_the_way_out(tmp_path: Path) -> None:
    # Pack text is Markdown: this is what the reader makes of such plain text.
    tricky = html_to_markdown("a:b #c =d ~e {f} \\g &lt;h&gt; &amp; i<br>next line").markdown
    assert to_plain(tricky) == "a:b #c =d ~e {f} \\g <h> & i\nnext line"
    questions = (
        Question(
            key="q1",  # type: ignore[arg-type]
            topic="t",  # type: ignore[arg-type]
            difficulty=2,
            prompt=LocalizedText.of(tricky),
            body=SingleChoice(
                (
                    Choice("a", LocalizedText.of("%5% growth")),
                    Choice("b", LocalizedText.of(tricky)),
                ),
                "b",
            ),
            explanation=LocalizedText.of(tricky),
        ),
        Question(
            key="q2",  # type: ignore[arg-type]
            topic="t",  # type: ignore[arg-type]
            difficulty=2,
            prompt=LocalizedText.of("Say TRUE"),
            body=ShortText(LocalizedList.of({"en": ["TRUE"]})),
        ),
    )
    pack = replace(load_pack(builtin_packs_dir() / "lunar-science"), questions=questions)
    path = tmp_path / "tricky.gift"
    path.write_text(gift_text(pack).text, encoding="utf-8")
    q1, q2 = load_gift(path).questions
    assert q1.prompt.get("en") == tricky
    assert q1.explanation == LocalizedText.of(tricky)
    assert [c.text.get("en") for c in q1.body.choices] == ["%5% growth", tricky]  # type: ignore[union-attr]
    assert q2.body == ShortText(LocalizedList.of({"en": ["TRUE"]}))


# -- rich text, titles and feedback (issue 12) ---------------------------------------------
def test_names_become_readable_ids_and_stay_as_titles(tmp_path: Path) -> None:
    pack = _read(
        tmp_path,
        "::Français::Quelle mission? {=Chang'e-4 ~Apollo}\n\n"
        "::Français::Encore? {T}\n\n"
        "::月球::Which? {T}\n\n"
        "::ce4-landing::Where? {=far ~near}\n",
    )
    assert [(q.key, q.title) for q in pack.questions[:2]] == [
        ("francais", "Français"),
        ("francais-2", "Français"),
    ]
    assert pack.questions[2].key.startswith("gift-")  # nothing left of the name
    assert pack.questions[2].title == "月球"
    assert (pack.questions[3].key, pack.questions[3].title) == ("ce4-landing", None)


def test_html_feedback_and_titles_survive_a_round_trip(tmp_path: Path) -> None:
    pack = _read(
        tmp_path,
        "::Water on the Moon::[html]<p>Where is H<sub>2</sub>O ice on the <b>Moon</b>?</p>{\n"
        "  =In polar craters#<i>Right</i>: never in sunlight.\n"
        "  ~On the equator#Too warm: 120 °C at noon.\n"
        "  ####<ul><li>LCROSS, 2009</li><li>Chandrayaan-1</li></ul>\n"
        "}\n",
    )
    [question] = pack.questions
    assert (question.key, question.title) == ("water-on-the-moon", "Water on the Moon")
    assert question.prompt.get("en") == "Where is H~2~O ice on the **Moon**?"
    assert isinstance(question.body, SingleChoice)
    assert [c.feedback for c in question.body.choices] == [
        LocalizedText.of("*Right*: never in sunlight."),
        LocalizedText.of("Too warm: 120 °C at noon."),
    ]
    assert question.explanation == LocalizedText.of("- LCROSS, 2009\n- Chandrayaan-1")
    written = gift_text(pack).text
    assert "::Water on the Moon::[html]" in written
    again = _read(tmp_path, written, "again.gift")
    assert again.questions == pack.questions


def test_hostile_html_in_gift_is_dropped_with_a_note(tmp_path: Path) -> None:
    pack = _read(
        tmp_path,
        '[html]<p>Safe?<img src="file:///etc/passwd" onerror="x()"><script>x()</script></p>{T}\n',
    )
    [question] = pack.questions
    assert question.prompt.get("en") == "Safe?"
    messages = [n.message for n in pack.notes]
    assert any("a script was left out" in m for m in messages)
    assert any("onerror=" in m for m in messages)
    assert any("from file:" in m for m in messages)
    assert all(n.zh for n in pack.notes)


def test_an_embedded_image_in_gift_html_travels_with_the_pack(tmp_path: Path) -> None:
    data = base64.b64decode(  # a 2x2 PNG
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg=="
    )
    uri = "data:image/png;base64," + base64.b64encode(data).decode()
    pack = _read(tmp_path, f'[html]<p>Which crater?</p><p><img src="{uri}" alt="map"></p>{{T}}\n')
    [question] = pack.questions
    [(path, content)] = pack.media.items()
    assert question.prompt.get("en") == f"Which crater?\n\n![map]({path})"
    assert content == data
