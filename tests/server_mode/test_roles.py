"""Roles on the classroom server (issue 14): the teacher's role owns the bank; each class's
computers log in with their own role and see only their own learners, never the teacher
PIN, and cannot change packs. Checked with a teacher role that is not a superuser, as a
school's server would have it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, make_url, text

from quiz_app.__main__ import main
from quiz_app.core.errors import QuizError, StorageError
from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizSettings
from quiz_app.services.learners import create_learner, list_learners, set_password
from quiz_app.services.packs import import_pack, list_packs
from quiz_app.services.quiz import finish_quiz, quiz_questions, start_quiz, submit_answer
from quiz_app.services.results import class_results
from quiz_app.services.server import add_class, init_server, upgrade_server
from quiz_app.services.teacher import has_pin, set_pin
from quiz_app.storage import Database, open_database
from tests.conftest import DATA, NOW
from tests.pg import drop_database, new_database
from tests.storage.test_tallies import assert_kept_as_counted


def _admin(url: str, *statements: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _as(url: str, role: str) -> str:
    return make_url(url).set(username=role, password=None).render_as_string(hide_password=False)


@dataclass(frozen=True)
class School:
    admin: str
    """The superuser's URL of the class's database."""
    teacher: str
    """The teacher's URL: a role that owns the database and may make roles, no more."""
    suffix: str

    def role(self, name: str) -> str:
        return f"{name}{self.suffix}"

    def computer(self, name: str) -> str:
        return _as(self.teacher, self.role(name))


def _drop_roles(server: str, pattern: str) -> None:
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            roles = connection.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :s"), {"s": pattern}
            ).scalars()
            for role in sorted(roles, key=lambda r: r.startswith("teacher")):
                connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def school_template(pg_server: str) -> Iterator[tuple[str, str]]:
    """A class's bank made by ``server init`` with a teacher role that owns the database
    and may make roles, no more (as a school's server has it); its URL and the teacher."""
    suffix = uuid.uuid4().hex[:8]
    teacher = f"teacher_{suffix}"
    url = new_database(pg_server)
    database = make_url(url).database or ""
    _admin(
        pg_server,
        f"CREATE ROLE {teacher} LOGIN CREATEROLE",
        f'ALTER DATABASE "{database}" OWNER TO {teacher}',
    )
    _admin(url, f"ALTER SCHEMA public OWNER TO {teacher}")
    init_server(_as(url, teacher), now=NOW)
    yield url, teacher
    drop_database(pg_server, database)
    _drop_roles(pg_server, f"%{suffix}%")


@pytest.fixture
def school(pg_server: str, school_template: tuple[str, str]) -> Iterator[School]:
    template, teacher = school_template
    suffix = uuid.uuid4().hex[:8]
    name = f"quiz_test_{suffix}"
    _admin(
        pg_server,
        f'CREATE DATABASE "{name}" TEMPLATE "{make_url(template).database}" OWNER {teacher}',
    )
    url = make_url(template).set(database=name).render_as_string(hide_password=False)
    yield School(url, _as(url, teacher), suffix)
    drop_database(pg_server, name)
    _drop_roles(pg_server, f"class%{suffix}")


def _quiz(bank: Database, name: str, seed: int) -> int:
    learner = create_learner(bank, name, now=NOW).value
    quiz = start_quiz(bank, learner.id, QuizSettings(count=3), seed=seed, now=NOW).value
    for question in quiz_questions(bank, quiz)[:2]:
        body = question.question.body
        submit_answer(bank, quiz.id, question.id, right_response(body), 1000, now=NOW)
    finish_quiz(bank, quiz.id, now=NOW)
    return learner.id


@pytest.fixture
def two_classes(school: School) -> Iterator[tuple[Database, Database, Database]]:
    for name in ("class_7b", "class_7c"):
        add_class(school.teacher, school.role(name))
    teacher = open_database(school.teacher)
    seven_b = open_database(school.computer("class_7b"))
    seven_c = open_database(school.computer("class_7c"))
    try:
        yield teacher, seven_b, seven_c
    finally:
        for bank in (teacher, seven_b, seven_c):
            bank.close()


def test_each_class_sees_only_its_own_learners(two_classes: tuple[Database, ...]) -> None:
    teacher, seven_b, seven_c = two_classes
    _quiz(seven_b, "Ada", 1)
    _quiz(seven_c, "Bob", 2)
    _quiz(teacher, "Mr Li", 3)

    assert [learner.name for learner in list_learners(seven_b)] == ["Ada"]
    assert [learner.name for learner in list_learners(seven_c)] == ["Bob"]
    assert [learner.name for learner in list_learners(teacher)] == ["Ada", "Bob", "Mr Li"]
    # The teacher's class results hold every class's quizzes; a class computer's raw
    # reads of answers and quizzes find its own learners' only.
    assert len(class_results(teacher).learners) == 3
    with seven_b.reading() as session:
        answers = session.execute(text("SELECT DISTINCT learner_id FROM answer")).scalars()
        ada = [learner.id for learner in list_learners(seven_b)]
        assert list(answers) == ada


def test_a_class_computer_cannot_write_for_another_class(
    two_classes: tuple[Database, ...],
) -> None:
    teacher, seven_b, seven_c = two_classes
    bob = _quiz(seven_c, "Bob", 2)
    _quiz(seven_b, "Ada", 1)
    with teacher.reading() as session:
        bobs_before = session.execute(
            text("SELECT count(*), sum(score) FROM answer WHERE learner_id = :b"), {"b": bob}
        ).one()

    with seven_b.reading() as session:
        changed = session.execute(
            text("UPDATE answer SET score = 1 WHERE learner_id = :b"), {"b": bob}
        )
        assert changed.rowcount == 0  # Bob's answers are not there for 7B to change
    with pytest.raises(StorageError) as refused, seven_b.transaction() as session:
        session.execute(
            text("UPDATE learner SET class_role = :c WHERE name = 'Ada'"),
            {"c": "class_7c"},
        )
    assert "class computer" in refused.value.message("en")
    assert "班级电脑" in refused.value.message("zh")

    with teacher.reading() as session:
        assert (
            session.execute(
                text("SELECT count(*), sum(score) FROM answer WHERE learner_id = :b"), {"b": bob}
            ).one()
            == bobs_before
        )


def test_a_class_computer_never_reads_the_pin_nor_changes_packs(
    school: School, two_classes: tuple[Database, ...]
) -> None:
    teacher, seven_b, _ = two_classes
    set_pin(teacher, "2468")
    assert has_pin(teacher)
    assert not has_pin(seven_b)
    with seven_b.reading() as session:
        keys = set(session.execute(text("SELECT key FROM setting")).scalars())
    assert not {k for k in keys if k.startswith("teacher")}
    assert teacher.class_computer is False
    assert seven_b.class_computer is True

    packs_before = list_packs(seven_b)
    with pytest.raises(StorageError) as refused:
        import_pack(seven_b, DATA / "sample-pack", now=NOW)
    assert "teacher's computer" in refused.value.message("en")
    assert list_packs(seven_b) == packs_before
    with pytest.raises(StorageError), seven_b.transaction() as session:
        session.execute(text("DELETE FROM question"))
    assert list_packs(teacher) == packs_before


def test_learner_passwords_stay_inside_their_class(two_classes: tuple[Database, ...]) -> None:
    teacher, seven_b, seven_c = two_classes
    ada = _quiz(seven_b, "Ada", 1)
    set_password(seven_b, ada, "moon-rabbit")
    with seven_c.reading() as session:
        assert session.execute(text("SELECT count(*) FROM learner_password")).scalar() == 0
    with seven_b.reading() as session:
        assert session.execute(text("SELECT count(*) FROM learner_password")).scalar() == 1
    with teacher.reading() as session:
        assert session.execute(text("SELECT count(*) FROM learner_password")).scalar() == 1


def test_a_class_password_reaches_the_server_hashed(school: School) -> None:
    report = add_class(school.teacher, school.role("class_8a"), "a long class password")
    again = add_class(school.teacher, school.role("class_8a"))
    assert (report.made, again.made) == (True, False)
    engine = create_engine(school.admin)
    try:
        with engine.connect() as connection:
            stored = connection.execute(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"),
                {"r": school.role("class_8a")},
            ).scalar_one()
    finally:
        engine.dispose()
    assert stored.startswith("SCRAM-SHA-256$")
    assert "a long class password" not in stored


@pytest.mark.parametrize("name", ["", "7b", "Class7B", "class-7b", "x" * 64, "a; drop"])
def test_a_class_role_name_is_checked_before_anything_is_made(school: School, name: str) -> None:
    with pytest.raises(StorageError) as refused:
        add_class(school.teacher, name)
    assert "lower-case letters" in refused.value.message("en")
    assert "小写字母" in refused.value.message("zh")


def test_the_longest_role_name_is_accepted(school: School) -> None:
    name = school.role("class" + "c" * (63 - 8 - 5))
    assert len(name) == 63
    assert add_class(school.teacher, name).made


def test_the_teachers_own_role_is_not_a_class(school: School) -> None:
    with pytest.raises(StorageError, match="teacher's own role"):
        add_class(school.teacher, make_url(school.teacher).username or "")


def test_upgrade_keeps_the_roles_and_grants_new_tables(
    school: School, two_classes: tuple[Database, ...]
) -> None:
    _, seven_b, _ = two_classes
    _quiz(seven_b, "Ada", 1)
    upgrade_server(school.teacher, now=NOW)  # current: secures again, changes no row
    assert [learner.name for learner in list_learners(seven_b)] == ["Ada"]


def test_the_command_line_adds_a_class(
    school: School, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    role = school.role("class_9")
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("pass word one\n"))
    assert main(["server", "add-class", school.teacher, role, "--password-stdin"]) == 0
    out = capsys.readouterr().out
    assert role in out
    assert "pass word one" not in out
    bank = open_database(school.computer("class_9"))
    try:
        assert bank.class_computer
    finally:
        bank.close()


def test_on_a_class_computer_teacher_mode_says_where_the_teacher_tools_are(
    qtbot: QtBot, two_classes: tuple[Database, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from quiz_app.ui.main_window import MainWindow

    teacher, seven_b, _ = two_classes
    set_pin(teacher, "2468")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _w, _t, text, *_a: told.append(text))
    asked: list[str] = []
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        lambda _w, _t, label, *_a, **_k: (asked.append(label), ("", False))[1],
    )
    window = MainWindow(seven_b)
    qtbot.addWidget(window)
    window.show()
    offers: list[object] = []
    window.gate.offered.connect(offers.append)
    window.gate.offer_pin()  # a new class with no learners: still no PIN offered here
    assert offers == []
    assert window.gate.unlock() is False
    assert asked == []  # no PIN asked for: it could never be checked here
    assert len(told) == 1
    assert "class computer of the classroom server" in told[0]
    assert not window.gate.unlocked
    window.close()


def test_a_name_another_class_has_is_refused_saying_so(two_classes: tuple[Database, ...]) -> None:
    teacher, seven_b, seven_c = two_classes
    create_learner(seven_b, "Ada", now=NOW)
    with pytest.raises(QuizError) as hidden:
        create_learner(seven_c, "Ada", now=NOW)
    assert "Another class" in str(hidden.value)
    assert "另一个班级" in hidden.value.message("zh")
    with pytest.raises(QuizError) as seen:  # within one class, the plain refusal
        create_learner(seven_b, "Ada", now=NOW)
    assert str(seen.value) == "There is already a learner called Ada."
    assert [learner.name for learner in list_learners(seven_c)] == []
    assert [learner.name for learner in list_learners(teacher)] == ["Ada"]


def test_a_class_finishing_quizzes_keeps_the_teachers_figures(
    two_classes: tuple[Database, ...],
) -> None:
    """Class computers finish quizzes (each adding to the kept sums, under row-level
    security); the teacher's figures hold every class's, as counted from the answers."""
    teacher, seven_b, seven_c = two_classes
    _quiz(seven_b, "Ada", 1)
    _quiz(seven_c, "Bob", 2)
    _quiz(seven_c, "Cai", 3)
    _quiz(teacher, "Mr Li", 4)

    assert_kept_as_counted(teacher)
    results = class_results(teacher)
    assert [(r.learner, r.quizzes, r.answers) for r in results.learners] == [
        ("Ada", 1, 2),
        ("Bob", 1, 2),
        ("Cai", 1, 2),
        ("Mr Li", 1, 2),
    ]
    assert sum(q.attempts for q in results.questions) == 4 * 3  # four quizzes of three


def test_a_class_sees_and_changes_only_its_own_figures(
    two_classes: tuple[Database, ...],
) -> None:
    teacher, seven_b, seven_c = two_classes
    ada = _quiz(seven_b, "Ada", 1)
    bob = _quiz(seven_c, "Bob", 2)
    with teacher.reading() as session:
        figures_before = session.execute(
            text("SELECT * FROM question_figures ORDER BY class_role, question_id")
        ).all()
        roles = set(session.execute(text("SELECT class_role FROM question_figures")).scalars())
    assert len(roles) == 2  # a row per question and class

    # 7B's computers see their own learner's and class's figures, none of 7C's ...
    with seven_b.reading() as session:
        learners = session.execute(text("SELECT learner_id FROM learner_figures")).scalars()
        assert list(learners) == [ada]
        classes = session.execute(text("SELECT DISTINCT class_role FROM question_figures"))
        [own] = classes.scalars()
    assert [r.learner for r in class_results(seven_b).learners] == ["Ada"]
    assert sum(q.attempts for q in class_results(seven_b).questions) == 3
    # ... and change none of them: not Bob's, not 7C's question rows.
    with seven_b.transaction() as session:
        changed = session.execute(
            text("UPDATE learner_figures SET quizzes = 99 WHERE learner_id = :b"), {"b": bob}
        )
        assert changed.rowcount == 0
        changed = session.execute(
            text("UPDATE question_figures SET attempts = 99 WHERE class_role <> :own"),
            {"own": own},
        )
        assert changed.rowcount == 0
    other = next(role for role in roles if role != own)
    with pytest.raises(StorageError), seven_b.transaction() as session:
        session.execute(
            text(
                "INSERT INTO question_figures (class_role, question_id, answers, score, "
                "score_squared, score_times_total, time_ms, attempts, totals, totals_squared) "
                "VALUES (:c, 999999, 1, 1, 1, 1, 1, 1, 1, 1)"
            ),
            {"c": other},
        )
    with pytest.raises(StorageError), seven_b.transaction() as session:
        session.execute(text("INSERT INTO learner_figures VALUES (:b, 5, 5, 5, 5)"), {"b": bob})
    with teacher.reading() as session:
        figures_after = session.execute(
            text("SELECT * FROM question_figures ORDER BY class_role, question_id")
        ).all()
    assert figures_after == figures_before
    assert_kept_as_counted(teacher)
