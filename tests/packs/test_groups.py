"""Question groups: questions that give each other away are never drawn into one quiz.

Pinned here: how a pack declares them and what the validator says about a wrong one,
that the bank keeps them through import and export, and that a draw never holds two
questions of one group yet still fills the quiz whenever the bank has enough to give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pytest

from quiz_app.core.bank import DrawFilter
from quiz_app.core.errors import PackError
from quiz_app.core.ids import PackId, QuestionId
from quiz_app.packs.native import check_pack, load_pack
from quiz_app.packs.writer import write_pack
from quiz_app.services.packs import import_pack
from quiz_app.storage import Database
from quiz_app.storage.draws import draw_question_ids
from quiz_app.storage.packs import stored_pack

SEEDS = range(60)


def _question(qid: str, topic: str, group: str | None) -> str:
    grouped = f'group = "{group}"\n' if group else ""
    return (
        f'[[questions]]\nid = "{qid}"\ntype = "true_false"\ntopic = "{topic}"\n'
        f'difficulty = 1\nprompt = "Is {qid} true?"\nanswer = true\n{grouped}\n'
    )


def write_grouped_pack(
    folder: Path,
    questions: Mapping[str, str | None],
    *,
    pack_id: str = "grouped",
    groups: tuple[str, ...] | None = None,
    retired: tuple[str, ...] = (),
    topic: str = "moon",
    version: str = "1.0.0",
) -> Path:
    """A pack of true/false questions ``{id: group or None}`` in one topic."""
    folder.mkdir(parents=True, exist_ok=True)
    declared = sorted({g for g in questions.values() if g}) if groups is None else groups
    manifest = (
        f'format = 1\nid = "{pack_id}"\nversion = "{version}"\ntitle = "Grouped"\n'
        f'languages = ["en"]\n'
    )
    if retired:
        manifest += "retired = [" + ", ".join(f'"{r}"' for r in retired) + "]\n"
    manifest += f'\n[[topics]]\nid = "{topic}"\ntitle = "The Moon"\n'
    for group in declared:
        manifest += f'\n[[groups]]\nid = "{group}"\nnote = "they give each other away"\n'
    (folder / "pack.toml").write_text(manifest, encoding="utf-8")
    body = "".join(_question(qid, topic, group) for qid, group in questions.items())
    (folder / "questions.toml").write_text(body, encoding="utf-8")
    return folder


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


# The format and the validator


def test_a_declared_group_loads_onto_its_questions(tmp_path: Path) -> None:
    folder = write_grouped_pack(tmp_path / "p", {"a": "dates", "b": "dates", "c": None})
    pack = load_pack(folder)
    assert {q.key: q.group for q in pack.questions} == {"a": "dates", "b": "dates", "c": None}
    assert [(g.key, g.note) for g in pack.info.groups] == [("dates", "they give each other away")]


def test_an_undeclared_group_is_reported_with_file_line_and_both_languages(
    tmp_path: Path,
) -> None:
    folder = write_grouped_pack(
        tmp_path / "p", {"a": "dates", "b": "datse", "c": None}, groups=("dates",)
    )
    [problem] = check_pack(folder)
    assert problem.file.endswith("questions.toml")
    assert problem.line == _line_of(folder / "questions.toml", 'group = "datse"')
    assert problem.question == "b"
    assert "group 'datse' is not declared in pack.toml (did you mean 'dates'?)" in str(problem)
    assert "组“datse”未在 pack.toml 中声明" in problem.text("zh")
    with pytest.raises(PackError):
        load_pack(folder)


def test_a_group_declared_twice_is_reported(tmp_path: Path) -> None:
    folder = write_grouped_pack(
        tmp_path / "p", {"a": "dates", "b": "dates"}, groups=("dates", "dates")
    )
    [problem] = check_pack(folder)
    assert problem.file.endswith("pack.toml")
    assert (
        problem.line
        == [
            n
            for n, line in enumerate((folder / "pack.toml").read_text().splitlines(), 1)
            if 'id = "dates"' in line
        ][1]
    )
    assert "duplicate group id 'dates'" in str(problem)
    assert "组 id“dates”重复" in problem.text("zh")


def test_a_retired_id_cannot_name_a_new_question(tmp_path: Path) -> None:
    folder = write_grouped_pack(tmp_path / "p", {"a": None, "old": None}, retired=("old",))
    [problem] = check_pack(folder)
    assert problem.line == _line_of(folder / "questions.toml", 'id = "old"')
    assert "this id is retired" in str(problem)
    assert "此 id 已停用" in problem.text("zh")


def test_retired_ids_that_stay_retired_are_fine(tmp_path: Path) -> None:
    folder = write_grouped_pack(tmp_path / "p", {"a": None, "new": None}, retired=("old",))
    assert check_pack(folder) == []
    assert load_pack(folder).info.retired == ("old",)


def test_a_group_of_a_mistyped_field_name_is_caught(tmp_path: Path) -> None:
    folder = write_grouped_pack(tmp_path / "p", {"a": None})
    text = (folder / "questions.toml").read_text()
    (folder / "questions.toml").write_text(
        text.replace("answer = true", 'answer = true\ngroups = "x"')
    )
    [problem] = check_pack(folder)
    assert "unknown field 'groups' (did you mean 'group'?)" in str(problem)


@pytest.mark.parametrize("encoding", ["toml", "json"])
def test_export_and_import_keep_groups_and_retired_ids(tmp_path: Path, encoding: str) -> None:
    folder = write_grouped_pack(
        tmp_path / "p", {"a": "x", "b": "x", "c": "y", "d": "y", "e": None}, retired=("z",)
    )
    pack = load_pack(folder)
    write_pack(pack, tmp_path / "out", encoding)  # type: ignore[arg-type]
    again = load_pack(tmp_path / "out")
    assert again.info == pack.info
    assert again.questions == pack.questions


def test_the_bank_keeps_groups_for_export(tmp_path: Path, database: Database) -> None:
    folder = write_grouped_pack(tmp_path / "p", {"a": "x", "b": "x", "c": None}, retired=("gone",))
    import_pack(database, folder)
    with database.reading() as session:
        stored = stored_pack(session, PackId("grouped"))
    assert stored is not None
    assert stored.info == load_pack(folder).info
    assert {q.key: q.group for q in stored.questions} == {"a": "x", "b": "x", "c": None}
    write_pack(stored, tmp_path / "exported")
    assert check_pack(tmp_path / "exported") == []


def test_a_new_version_can_move_a_question_between_groups(
    tmp_path: Path, database: Database
) -> None:
    write_grouped_pack(tmp_path / "p", {"a": "x", "b": "x", "c": None, "d": None})
    import_pack(database, tmp_path / "p")
    write_grouped_pack(tmp_path / "p", {"a": None, "b": "x", "c": "x", "d": None}, version="1.1.0")
    plan = import_pack(database, tmp_path / "p")
    assert sorted(plan.changed) == ["a", "c"]
    for seed in SEEDS:
        keys = _keys(database, _draw(database, 3, seed))
        assert not {"b", "c"} <= keys
        assert len(keys) == 3  # a and d, with one of b and c


# The draw


def _draw(database: Database, count: int, seed: int, pack: str = "grouped") -> list[QuestionId]:
    with database.reading() as session:
        return draw_question_ids(session, DrawFilter(pack_ids=(PackId(pack),)), count, seed)


def _keys(database: Database, ids: list[QuestionId]) -> set[str]:
    from quiz_app.storage.packs import questions_by_id

    with database.reading() as session:
        found = [q.question.key for q in questions_by_id(session, ids)]
    assert len(found) == len(set(found)) == len(ids), "a question drawn twice"
    return set(found)


def _groups_in(keys: set[str], questions: Mapping[str, str | None]) -> Counter[str]:
    return Counter(g for k in keys if (g := questions[k]) is not None)


def _import(tmp_path: Path, database: Database, questions: Mapping[str, str | None]) -> None:
    import_pack(database, write_grouped_pack(tmp_path / "p", questions))


def test_one_group_gives_at_most_one_question_and_the_quiz_still_fills(
    tmp_path: Path, database: Database
) -> None:
    questions = {f"q{i}": ("dates" if i < 4 else None) for i in range(10)}
    _import(tmp_path, database, questions)
    drawn_from_group: set[str] = set()
    for seed in SEEDS:
        keys = _keys(database, _draw(database, 7, seed))
        assert len(keys) == 7  # 6 free questions and one of the group
        assert _groups_in(keys, questions) == {"dates": 1}
        drawn_from_group |= {k for k in keys if questions[k]}
    assert drawn_from_group == {"q0", "q1", "q2", "q3"}, "each of the group gets its turn"


def test_two_groups_each_give_at_most_one(tmp_path: Path, database: Database) -> None:
    questions = {f"q{i}": ("x" if i < 3 else "y" if i < 6 else None) for i in range(9)}
    _import(tmp_path, database, questions)
    for seed in SEEDS:
        keys = _keys(database, _draw(database, 9, seed))
        assert _groups_in(keys, questions) == {"x": 1, "y": 1}
        assert len(keys) == 5  # all 3 free ones, one of x, one of y: the most there is
        smaller = _keys(database, _draw(database, 4, seed))
        assert len(smaller) == 4
        assert max(_groups_in(smaller, questions).values(), default=0) <= 1


def test_a_group_larger_than_the_quiz(tmp_path: Path, database: Database) -> None:
    questions = {f"q{i}": ("big" if i < 10 else None) for i in range(12)}
    _import(tmp_path, database, questions)
    for seed in SEEDS:
        keys = _keys(database, _draw(database, 5, seed))
        assert keys >= {"q10", "q11"}
        assert _groups_in(keys, questions) == {"big": 1}
        assert len(keys) == 3


def test_a_quiz_as_large_as_the_number_of_groups_takes_one_of_each(
    tmp_path: Path, database: Database
) -> None:
    questions = {f"q{i}": f"g{i % 3}" for i in range(12)}
    _import(tmp_path, database, questions)
    for seed in SEEDS:
        keys = _keys(database, _draw(database, 3, seed))
        assert _groups_in(keys, questions) == {"g0": 1, "g1": 1, "g2": 1}


def test_a_topic_whose_every_question_is_in_one_group_gives_one(
    tmp_path: Path, database: Database
) -> None:
    questions = {f"q{i}": "all" for i in range(6)}
    _import(tmp_path, database, questions)
    seen = set()
    for seed in SEEDS:
        keys = _keys(database, _draw(database, 4, seed))
        assert len(keys) == 1
        seen |= keys
    assert len(seen) > 3, "not always the same one"


def test_groups_of_one_name_in_two_packs_are_two_groups(tmp_path: Path, database: Database) -> None:
    for pack in ("one", "two"):
        import_pack(
            database,
            write_grouped_pack(
                tmp_path / pack, {f"{pack}{i}": "dates" for i in range(3)}, pack_id=pack
            ),
        )
    for seed in SEEDS:
        with database.reading() as session:
            ids = draw_question_ids(session, DrawFilter(), 4, seed)
        keys = _keys(database, ids)
        assert len(keys) == 2
        assert {k[:3] for k in keys} == {"one", "two"}


def test_a_large_bank_draws_by_probes_and_keeps_groups_apart(
    tmp_path: Path, database: Database
) -> None:
    # 2,000 questions, groups of five: far more than 4 x 20, so the indexed probes draw.
    questions = {f"q{i}": (f"g{i // 5}" if i % 2 else None) for i in range(2000)}
    _import(tmp_path, database, questions)
    for seed in range(20):
        keys = _keys(database, _draw(database, 20, seed))
        assert len(keys) == 20
        assert max(_groups_in(keys, questions).values(), default=0) == 1 or not _groups_in(
            keys, questions
        )


def test_the_same_seed_draws_the_same_quiz(tmp_path: Path, database: Database) -> None:
    questions = {f"q{i}": (f"g{i % 4}" if i % 3 else None) for i in range(30)}
    _import(tmp_path, database, questions)
    assert _draw(database, 8, 5) == _draw(database, 8, 5)
