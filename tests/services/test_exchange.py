"""Results carried from one bank to another in a file, and merged all or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz_app.core.errors import LearnerClashError, NotFoundError, ResultsFileError
from quiz_app.core.grading import right_response
from quiz_app.core.ids import LearnerId
from quiz_app.core.quiz import QuizSession, QuizSettings
from quiz_app.core.review import CardState
from quiz_app.packs.native import load_pack
from quiz_app.services import exchange
from quiz_app.services.exchange import ExportedResults, MergeReport, export_results, merge_results
from quiz_app.services.learners import create_learner, list_learners
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import (
    finish_quiz,
    quiz_history,
    quiz_questions,
    start_quiz,
    submit_answer,
)
from quiz_app.services.results import class_results
from quiz_app.storage import Database, open_database
from quiz_app.storage.results import question_labels
from quiz_app.storage.schedules import card_states
from tests.conftest import DATA, NOW, SAMPLE_PACK, snapshot
from tests.services.test_quiz import _wrong

AIKEN = DATA / "aiken" / "moodle-example.txt"
SAMPLE_KEYS = [q.key for q in load_pack(SAMPLE_PACK).questions]

Banks = Callable[..., Database]


@pytest.fixture
def banks(tmp_path: Path) -> Iterator[Banks]:
    """Makes banks, each as on its own computer: ``banks("laptop")``."""
    opened: list[Database] = []

    def make(name: str, packs: tuple[Path, ...] = (SAMPLE_PACK,)) -> Database:
        database = open_database(f"sqlite:///{tmp_path / name}.sqlite3")
        opened.append(database)
        for pack in packs:
            import_pack(database, pack, now=NOW)
        return database

    yield make
    for database in opened:
        database.close()


def _learner(database: Database, name: str, **kwargs: Any) -> LearnerId:
    found = [learner.id for learner in list_learners(database) if learner.name == name]
    return found[0] if found else create_learner(database, name, now=NOW, **kwargs).value.id


def _take_quiz(
    database: Database,
    name: str,
    when: datetime,
    *,
    right: int,
    count: int = 7,
    seed: int = 1,
    finish: bool = True,
    answer: int | None = None,
) -> QuizSession:
    """``name`` answers ``answer`` (default: all) of ``count`` questions, ``right`` right."""
    quiz = start_quiz(
        database, _learner(database, name), QuizSettings(count=count), seed=seed, now=when
    ).value
    for i, question in enumerate(quiz_questions(database, quiz)[:answer]):
        body = question.question.body
        response = right_response(body) if i < right else _wrong(body)
        submit_answer(
            database, quiz.id, question.id, response, 4000 + i, now=when + timedelta(seconds=i)
        )
    return finish_quiz(database, quiz.id, now=when + timedelta(minutes=5)).value if finish else quiz


def _as_seen(database: Database, name: str) -> tuple[list[Any], dict[tuple[str, str], CardState]]:
    """A learner's quizzes and schedules with questions named by key, as another bank can
    compare them (row ids differ from bank to bank)."""
    learner = _learner(database, name)
    quizzes = []
    for quiz in reversed(quiz_history(database, learner)):
        keys = {q.id: (q.pack_id, q.question.key) for q in quiz_questions(database, quiz)}
        quizzes.append(
            (
                quiz.started_at,
                quiz.finished_at,
                [keys[q] for q in quiz.question_ids],
                {keys[q]: (a.given, a.score, a.time_ms) for q, a in quiz.answers.items()},
                quiz.settings,
            )
        )
    with database.reading() as session:
        cards = card_states(session, learner)
        labels = question_labels(session, list(cards))
    return quizzes, {labels[q]: card for q, card in cards.items()}


def test_a_learners_results_travel_to_another_bank(banks: Banks, tmp_path: Path) -> None:
    laptop = banks("laptop")
    # The teacher's bank holds another pack first, so its question ids differ.
    teacher = banks("teacher", packs=(AIKEN, SAMPLE_PACK))
    create_learner(laptop, "Ada", colour="#16a34a", language="zh", now=NOW)
    _take_quiz(laptop, "Ada", NOW, right=4)
    _take_quiz(laptop, "Ada", NOW + timedelta(days=1), right=5, count=3, seed=2)
    target = tmp_path / "ada.jsonl"

    assert export_results(laptop, target, ["Ada"]) == ExportedResults(1, 2, 10)
    report = merge_results(teacher, target)

    assert report == MergeReport(("Ada",), 1, 2, 10, 0, 0)
    [ada] = list_learners(teacher)
    assert (ada.name, ada.colour, ada.language) == ("Ada", "#16a34a", "zh")
    quizzes, schedule = _as_seen(teacher, "Ada")
    assert (quizzes, schedule) == _as_seen(laptop, "Ada")
    assert len(quizzes) == 2
    assert len(schedule) == 7
    assert class_results(teacher) == class_results(laptop)


def test_merging_the_same_file_twice_adds_nothing(banks: Banks, tmp_path: Path) -> None:
    laptop, teacher = banks("laptop"), banks("teacher")
    _take_quiz(laptop, "Ada", NOW, right=3)
    target = tmp_path / "ada.jsonl"
    export_results(laptop, target)
    merge_results(teacher, target)
    before = snapshot(teacher)

    again = merge_results(teacher, target)

    assert again == MergeReport(("Ada",), 0, 0, 0, 1, 7)
    assert snapshot(teacher) == before


def test_a_dry_run_reports_the_merge_and_changes_nothing(banks: Banks, tmp_path: Path) -> None:
    laptop, teacher = banks("laptop"), banks("teacher")
    _take_quiz(laptop, "Ada", NOW, right=3)
    target = tmp_path / "ada.jsonl"
    export_results(laptop, target)
    before = snapshot(teacher)

    preview = merge_results(teacher, target, dry_run=True)

    assert snapshot(teacher) == before
    assert preview == MergeReport(("Ada",), 1, 1, 7, 0, 0, dry_run=True)
    assert merge_results(teacher, target) == MergeReport(("Ada",), 1, 1, 7, 0, 0)


def test_two_computers_one_class(banks: Banks, tmp_path: Path) -> None:
    """Ada works on both computers, Bob on one; the teacher merges both files."""
    room1, room2, teacher = banks("room1"), banks("room2"), banks("teacher")
    # Where Ada would be had she used one computer all along: the reference.
    alone = banks("alone")
    for bank in (room1, alone):
        _take_quiz(bank, "Ada", NOW, right=2, seed=1)
    for bank in (room2, alone):
        _take_quiz(bank, "Ada", NOW + timedelta(hours=3), right=6, seed=2)
    _take_quiz(room2, "Bob", NOW, right=7, seed=3)
    export_results(room1, tmp_path / "room1.jsonl")
    export_results(room2, tmp_path / "room2.jsonl")

    # The later file first: the schedule follows the times of the answers, not the order
    # in which the files were merged.
    second = merge_results(teacher, tmp_path / "room2.jsonl")
    # Ada was created on each computer: two uids. The teacher says she is one learner.
    with pytest.raises(LearnerClashError) as clash:
        merge_results(teacher, tmp_path / "room1.jsonl")
    assert clash.value.names == ("Ada",)
    first = merge_results(teacher, tmp_path / "room1.jsonl", same_learners=["Ada"])

    assert second == MergeReport(("Ada", "Bob"), 2, 2, 14, 0, 0)
    assert first == MergeReport(("Ada",), 0, 1, 7, 0, 0)  # Ada is already there
    assert sorted(learner.name for learner in list_learners(teacher)) == ["Ada", "Bob"]
    by_learner = {r.learner: (r.quizzes, r.answers) for r in class_results(teacher).learners}
    assert by_learner == {"Ada": (2, 14), "Bob": (1, 7)}
    assert _as_seen(teacher, "Ada") == _as_seen(alone, "Ada")


def test_a_quiz_merged_unfinished_is_finished_by_a_later_file(banks: Banks, tmp_path: Path) -> None:
    laptop, teacher = banks("laptop"), banks("teacher")
    quiz = _take_quiz(laptop, "Ada", NOW, right=3, finish=False, answer=3)
    export_results(laptop, tmp_path / "monday.jsonl")
    assert merge_results(teacher, tmp_path / "monday.jsonl").answers_added == 3
    assert class_results(teacher).learners == ()  # an unfinished quiz is not a result yet

    for question in quiz_questions(laptop, quiz)[3:]:
        submit_answer(laptop, quiz.id, question.id, right_response(question.question.body), 900)
    finish_quiz(laptop, quiz.id, now=NOW + timedelta(hours=1))
    export_results(laptop, tmp_path / "tuesday.jsonl")
    report = merge_results(teacher, tmp_path / "tuesday.jsonl")

    assert (report.answers_added, report.answers_already_there) == (4, 3)
    assert (report.sessions_added, report.sessions_finished) == (0, 1)
    assert [(r.learner, r.answers) for r in class_results(teacher).learners] == [("Ada", 7)]
    assert _as_seen(teacher, "Ada") == _as_seen(laptop, "Ada")
    assert merge_results(teacher, tmp_path / "tuesday.jsonl").sessions_finished == 0


def test_only_the_learners_asked_for_are_exported(banks: Banks, tmp_path: Path) -> None:
    laptop, teacher = banks("laptop"), banks("teacher")
    _take_quiz(laptop, "Ada", NOW, right=3)
    _take_quiz(laptop, "Bob", NOW, right=1)

    assert export_results(laptop, tmp_path / "bob.jsonl", ["Bob"]) == ExportedResults(1, 1, 7)
    merge_results(teacher, tmp_path / "bob.jsonl")

    assert [r.learner for r in class_results(teacher).learners] == ["Bob"]
    with pytest.raises(NotFoundError, match="no learner called 'Zed' in this bank"):
        export_results(laptop, tmp_path / "zed.jsonl", ["Ada", "Zed"])
    assert not (tmp_path / "zed.jsonl").exists()


def test_a_failed_export_leaves_the_old_file_as_it_was(
    banks: Banks, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = banks("laptop")
    _take_quiz(laptop, "Ada", NOW, right=3)
    target = tmp_path / "out" / "ada.jsonl"
    with pytest.raises(ResultsFileError, match=r"ada\.jsonl: cannot be written"):
        export_results(laptop, target)  # no such folder
    target.parent.mkdir()
    target.write_text("yesterday's export\n", encoding="utf-8")

    def disk_full(entry: object) -> dict[str, Any]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exchange, "answer_record", disk_full)
    with pytest.raises(ResultsFileError) as caught:
        export_results(laptop, target)

    assert [str(p) for p in caught.value.problems] == [
        "ada.jsonl: cannot be written: No space left on device"
    ]
    assert target.read_text(encoding="utf-8") == "yesterday's export\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["ada.jsonl"]


def test_the_example_in_the_docs_merges(banks: Banks, tmp_path: Path) -> None:
    doc = (Path(__file__).parents[2] / "docs" / "results-file.md").read_text(encoding="utf-8")
    example = doc.split("Example (shortened):")[1].split("```")[1]
    (tmp_path / "example.jsonl").write_text(example, encoding="utf-8")
    teacher = banks("teacher")
    assert merge_results(teacher, tmp_path / "example.jsonl") == MergeReport(
        ("Ada",), 1, 1, 2, 0, 0
    )
    assert [(r.learner, r.answers, r.mean_score) for r in class_results(teacher).learners] == [
        ("Ada", 2, 100.0)
    ]


@pytest.fixture
def ada_file(banks: Banks, tmp_path: Path) -> Path:
    """Ada's results: line 1 header, 2 learner, 3 quiz (5 questions), 4-8 answers."""
    laptop = banks("laptop")
    _take_quiz(laptop, "Ada", NOW, right=3, count=5)
    target = tmp_path / "ada.jsonl"
    export_results(laptop, target)
    return target


def _refused(database: Database, path: Path) -> list[str]:
    """The problems merging ``path`` reports; the bank must be as it was."""
    before = snapshot(database)
    with pytest.raises(ResultsFileError) as caught:
        merge_results(database, path)
    assert snapshot(database) == before
    return [str(p) for p in caught.value.problems]


def test_a_missing_pack_is_named_once_with_the_first_line_needing_it(
    banks: Banks, ada_file: Path
) -> None:
    teacher = banks("teacher", packs=(AIKEN,))
    assert _refused(teacher, ada_file) == [
        "ada.jsonl:3: pack 'sample' is not in this bank: import pack sample first"
    ]


def test_a_question_missing_from_the_bank_is_named_once(banks: Banks, ada_file: Path) -> None:
    teacher = banks("teacher")
    quiz = json.loads(ada_file.read_text(encoding="utf-8").splitlines()[2])
    key = quiz["questions"][0][1]
    ada_file.write_text(
        ada_file.read_text(encoding="utf-8").replace(f'"{key}"', '"not-here"'), encoding="utf-8"
    )
    assert _refused(teacher, ada_file) == [
        "ada.jsonl:3: pack 'sample' in this bank has no question 'not-here': import the "
        "version of pack sample the learner used (or a newer one) first"
    ]


def test_a_quiz_that_belongs_to_someone_else_here_is_refused(
    banks: Banks, ada_file: Path, tmp_path: Path
) -> None:
    teacher = banks("teacher")
    merge_results(teacher, ada_file)
    text = ada_file.read_text(encoding="utf-8").replace('"Ada"', '"Bob"')
    (tmp_path / "bob.jsonl").write_text(text, encoding="utf-8")

    problems = _refused(teacher, tmp_path / "bob.jsonl")

    assert len(problems) == 6  # the quiz and its 5 answers
    assert problems[0].startswith("bob.jsonl:3: quiz ")
    assert problems[0].endswith("is already in this bank as a quiz by 'Ada', not by 'Bob'")
    assert "is already in this bank as an answer by 'Ada', not by 'Bob'" in problems[1]


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


_DROP = object()
"""As a value in ``_edit``: remove the field."""


def _edit(line: int, **changes: Any) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        records = _lines(path)
        records[line - 1].update(changes)
        for name, value in changes.items():
            if value is _DROP:
                del records[line - 1][name]
        _write(path, records)

    return edit


def _drop_line(line: int) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        records = _lines(path)
        del records[line - 1]
        _write(path, records)

    return edit


def _raw(transform: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(transform(path.read_bytes()))


def _not_in_quiz(path: Path) -> str:
    quiz = _lines(path)[2]
    return next(k for k in SAMPLE_KEYS if ["sample", k] not in quiz["questions"])


def _answer_outside_its_quiz(path: Path) -> None:
    _edit(4, question=_not_in_quiz(path))(path)


def _flag_outside_the_quiz(path: Path) -> None:
    _edit(3, flagged=[["sample", _not_in_quiz(path)]])(path)


def _someone_elses_answer(path: Path) -> None:
    records = _lines(path)
    records[3]["learner"] = "Bob"
    records.append({"kind": "learner", "name": "Bob", "colour": "#16a34a", "language": "en"})
    _write(path, records)


def _duplicate_answer(path: Path) -> None:
    records = _lines(path)
    _write(path, [*records, records[3]])


def _answered_twice(path: Path) -> None:
    """The same question of the same quiz answered again, under a new answer uid (two
    computers sending one answer at once), the copy marked right."""
    records = _lines(path)
    again = records[3] | {"uid": "f" * 32, "score": 1.0}
    _write(path, [*records, again])


def _broken_line(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4][:40] + "\n"
    path.write_text("".join(lines), encoding="utf-8")


BAD_FILES: list[tuple[str, Callable[[Path], None], int, str]] = [
    ("empty", _raw(lambda data: b""), 1, "the file is empty"),
    (
        "a pack, not results",
        _raw(lambda data: b'{"questions": []}\n'),
        1,
        "not a Chang'e Quiz results file: its first line should be",
    ),
    ("newer", _edit(1, version=2), 1, "written by a newer version of Chang'e Quiz"),
    ("header", _edit(1, exported_at="yesterday"), 1, "header: 'exported_at': input should be"),
    (
        "not UTF-8",
        _raw(lambda data: data.replace(b'"Ada"', b'"Ad\xe9"')),
        2,
        "is not UTF-8 text",
    ),
    ("broken JSON", _broken_line, 5, "JSON syntax error"),
    ("not an object", _raw(lambda data: data + b"[1, 2]\n"), 9, "must be a JSON object"),
    (
        "unknown kind",
        _edit(4, kind="teacher"),
        4,
        "unknown kind 'teacher'; the kinds are answer, learner, session",
    ),
    ("unknown field", _edit(2, mood="happy"), 2, "learner: unknown field 'mood'"),
    ("missing field", _edit(4, score=_DROP), 4, "answer: missing field 'score'"),
    (
        "score",
        _edit(5, score=1.5),
        5,
        "answer: 'score': input should be less than or equal to 1",
    ),
    ("colour", _edit(2, colour="red"), 2, "learner: 'colour': string should match pattern"),
    (
        "time zone",
        _edit(3, started_at="2026-11-24T12:00:00"),
        3,
        "session: 'started_at': input should have timezone info",
    ),
    (
        "year",
        _edit(6, answered_at="1901-01-01T00:00:00+00:00"),
        6,
        "'answered_at': must lie between the years 1970 and 2199",
    ),
    ("uid", _edit(4, uid="abc"), 4, "answer: 'uid': string should match pattern"),
    (
        "orders",
        _edit(3, orders=[["a", "b"]]),
        3,
        "orders must have one list per question",
    ),
    ("no learner line", _drop_line(2), 2, "learner 'Ada' has no 'learner' line in this file"),
    ("duplicate", _duplicate_answer, 9, "is already on line 4"),
    (
        "answered twice",
        _answered_twice,
        9,
        "is answered a second time in its quiz (first on line 4); a quiz keeps one answer",
    ),
    ("quiz nowhere", _drop_line(3), 3, "is neither in this file nor in this bank"),
    (
        "given",
        _edit(4, given={"a": 1}),
        4,
        "'given' does not fit question",
    ),
    ("outside its quiz", _answer_outside_its_quiz, 4, "is not in its quiz (line 3)"),
    ("flag", _flag_outside_the_quiz, 3, "'flagged' names question"),
    (
        "someone else's",
        _someone_elses_answer,
        4,
        "the answer is by 'Bob', but its quiz (line 3) is by 'Ada'",
    ),
]


@pytest.mark.parametrize(
    ("edit", "line", "message"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_a_bad_file_is_refused_with_file_and_line(
    banks: Banks, ada_file: Path, edit: Callable[[Path], None], line: int, message: str
) -> None:
    teacher = banks("teacher")
    edit(ada_file)
    problems = _refused(teacher, ada_file)
    assert problems[0].startswith(f"ada.jsonl:{line}: "), problems
    assert message in problems[0], problems


def test_every_problem_is_reported_at_once(banks: Banks, ada_file: Path) -> None:
    teacher = banks("teacher")
    _edit(4, score=2)(ada_file)
    _edit(7, kind="nope")(ada_file)
    problems = _refused(teacher, ada_file)
    assert [p.split(":")[1] for p in problems] == ["4", "7"]


def test_a_file_over_64_mib_is_refused_before_it_is_read(banks: Banks, tmp_path: Path) -> None:
    teacher = banks("teacher")
    huge = tmp_path / "huge.jsonl"
    with huge.open("wb") as stream:
        stream.truncate(64 * 2**20 + 1)  # sparse: costs no disk space
    assert _refused(teacher, huge) == [
        "huge.jsonl: is 64.1 MiB; a results file may be at most 64 MiB "
        "(export fewer learners per file)"
    ]
    assert _refused(teacher, tmp_path / "missing.jsonl") == ["missing.jsonl: no such file"]


@pytest.fixture
def teacher(banks: Banks) -> Database:
    """The teacher's bank: made once per test, so a fuzz test's examples share it."""
    return banks("teacher")


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for position, cut, insert in edits:
        at = position % (len(out) + 1)
        out[at : at + cut] = insert
    return bytes(out)


def _merges_or_refuses_cleanly(database: Database, path: Path) -> None:
    """The only acceptable failure is a ResultsFileError, and it leaves the bank alone."""
    before = snapshot(database)
    try:
        merge_results(database, path)
    except ResultsFileError as err:
        problems = [str(p) for p in err.problems]
    else:
        return
    assert problems
    assert all(p.startswith(f"{path.name}:") for p in problems)
    assert snapshot(database) == before


@pytest.mark.slow
@FUZZ
@given(
    edits=st.lists(
        st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.binary(max_size=12)),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_files(
    teacher: Database, ada_file: Path, edits: list[tuple[int, int, bytes]]
) -> None:
    mutated = ada_file.with_name("mutated.jsonl")
    mutated.write_bytes(_mutate(ada_file.read_bytes(), edits))
    _merges_or_refuses_cleanly(teacher, mutated)


JSON = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)
FIELDS = ["kind", "uid", "session", "learner", "pack", "question", "given", "score", "time_ms"]


@pytest.mark.slow
@FUZZ
@given(
    records=st.lists(
        st.dictionaries(st.sampled_from(FIELDS), JSON)
        | st.fixed_dictionaries({"kind": st.sampled_from(["learner", "session", "answer"])}),
        min_size=1,
        max_size=4,
    ),
    keep=st.integers(0, 8),
)
def test_random_lines_among_real_ones(
    teacher: Database, ada_file: Path, records: list[dict[str, Any]], keep: int
) -> None:
    real = ada_file.read_text(encoding="utf-8").splitlines(keepends=True)
    extra = "".join(json.dumps(r) + "\n" for r in records)
    mutated = ada_file.with_name("random.jsonl")
    mutated.write_text("".join(real[:keep]) + extra + "".join(real[keep:]), encoding="utf-8")
    _merges_or_refuses_cleanly(teacher, mutated)


def test_a_merge_scores_every_answer_again_and_trusts_no_score_in_the_file(
    banks: Banks, ada_file: Path
) -> None:
    """Ada got 3 of 5 right; her file is edited to say all 5 scored 1.0 (and one right
    answer to say 0.0): the teacher's bank stores what each response earns."""
    import json

    lines = ada_file.read_text(encoding="utf-8").splitlines()
    edited, changed = [], 0
    for line in lines:
        record = json.loads(line)
        if record.get("kind") == "answer":
            wrong = record["score"] < 1.0
            record["score"] = 1.0 if wrong else 0.0
            changed += 1
        edited.append(json.dumps(record, ensure_ascii=False))
    assert changed == 5
    ada_file.write_text("\n".join(edited) + "\n", encoding="utf-8")
    teacher = banks("teacher")
    report = merge_results(teacher, ada_file)
    assert report.answers_added == 5
    assert report.scores_corrected == 5
    [quiz] = _as_seen(teacher, "Ada")[0]
    scores = sorted(score for _given, score, _time in quiz[-2].values())
    assert scores == [0.0, 0.0, 1.0, 1.0, 1.0]  # as she answered, not as the file said
    [ada] = class_results(teacher).learners
    assert round(ada.mean_score) == 60


def test_a_file_whose_scores_are_right_corrects_nothing(banks: Banks, ada_file: Path) -> None:
    assert merge_results(banks("teacher"), ada_file).scores_corrected == 0


def test_two_learners_of_one_name_are_never_merged_into_one_silently(
    banks: Banks, tmp_path: Path
) -> None:
    """Ada on the laptop and Ada on the teacher's computer are two children: the merge
    is refused at the learner's line, and the bank stays as it was."""
    laptop, teacher = banks("laptop"), banks("teacher")
    _take_quiz(laptop, "Ada", NOW, right=3, count=3)
    _take_quiz(teacher, "Ada", NOW, right=1, count=3, seed=4)
    target = tmp_path / "ada.jsonl"
    export_results(laptop, target)
    problems = _refused(teacher, target)
    assert problems == [
        f"{target.name}:2: 'Ada' in this file was created on another computer than the 'Ada' "
        "of this bank: if they are the same learner, merge saying so; if not, rename one of "
        "them first"
    ]
    with pytest.raises(LearnerClashError):
        merge_results(teacher, target, same_learners=["Bob"])  # another name: no help


def test_a_learner_merged_once_is_the_same_learner_next_time(banks: Banks, tmp_path: Path) -> None:
    laptop, teacher = banks("laptop"), banks("teacher")
    _take_quiz(laptop, "Ada", NOW, right=3, count=3)
    first = tmp_path / "first.jsonl"
    export_results(laptop, first)
    assert merge_results(teacher, first).learners_added == 1
    _take_quiz(laptop, "Ada", NOW + timedelta(days=1), right=2, count=3, seed=2)
    second = tmp_path / "second.jsonl"
    export_results(laptop, second)
    report = merge_results(teacher, second)
    assert (report.learners_added, report.sessions_added) == (0, 1)
    [ada_here] = list_learners(teacher)
    [ada_there] = list_learners(laptop)
    assert ada_here.uid == ada_there.uid
    assert len(ada_here.uid) == 32


def test_a_file_from_before_learner_uids_still_merges_by_name(banks: Banks, tmp_path: Path) -> None:
    import json

    laptop, teacher = banks("laptop"), banks("teacher")
    _take_quiz(laptop, "Ada", NOW, right=3, count=3)
    _take_quiz(teacher, "Ada", NOW, right=1, count=3, seed=4)
    target = tmp_path / "old.jsonl"
    export_results(laptop, target)
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    for record in lines:
        record.pop("uid") if record.get("kind") == "learner" else None
    target.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    report = merge_results(teacher, target)
    assert (report.learners_added, report.sessions_added) == (0, 1)
    assert len(list_learners(teacher)) == 1
