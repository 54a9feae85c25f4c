"""Optional learner passwords for a shared computer."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from quiz_app.core.errors import QuizError
from quiz_app.core.pin import hash_password, seconds_to_wait, verify_secret
from quiz_app.services.learners import (
    PasswordWaitError,
    WrongPasswordError,
    check_password,
    clear_password,
    create_learner,
    get_learner,
    list_learners,
    set_password,
)
from quiz_app.storage import Database, open_database
from tests.conftest import NOW, snapshot


@pytest.mark.parametrize("password", ["abc", "    ", "x" * 65, ""])
def test_a_password_is_4_to_64_characters_not_only_spaces(password: str) -> None:
    with pytest.raises(QuizError, match="4 to 64 characters") as refused:
        hash_password(password)
    assert "4 到 64" in refused.value.message("zh")


@pytest.mark.parametrize("password", ["abcd", "x" * 64, "月亮 上 的 兔子", "1234"])
def test_the_boundaries_and_any_letters_are_accepted(password: str) -> None:
    stored = hash_password(password)
    assert password not in stored
    assert verify_secret(password, stored)
    assert not verify_secret(password + "!", stored)


@pytest.mark.parametrize(
    ("failures", "since", "wait"),
    [(0, 0.0, 0), (3, 0.0, 0), (4, 0.0, 2), (4, 1.5, 1), (4, 1.99, 1), (4, 2.0, 0), (5, 10, 0)],
)
def test_the_wait_left_is_rounded_up(failures: int, since: float, wait: int) -> None:
    assert seconds_to_wait(failures, since) == wait


def test_a_learner_made_with_a_password_needs_it(database: Database) -> None:
    ada = create_learner(database, "Ada", password="moon rabbit").value
    bob = create_learner(database, "Bob").value
    assert ada.has_password
    assert not bob.has_password
    assert [(x.name, x.has_password) for x in list_learners(database)] == [
        ("Ada", True),
        ("Bob", False),
    ]
    found = get_learner(database, ada.id)
    assert found is not None
    assert found.has_password
    check_password(database, ada.id, "moon rabbit")
    check_password(database, bob.id, "anything")  # no password: nothing to check
    before = snapshot(database)
    with pytest.raises(WrongPasswordError) as wrong:
        check_password(database, ada.id, "Moon rabbit")
    assert wrong.value.message("zh") == "密码不正确。"
    after = snapshot(database)  # only the count of wrong tries changed
    assert after.pop("learner_password") != before.pop("learner_password")
    assert after == before


def test_a_short_password_at_creation_creates_no_learner(database: Database) -> None:
    with pytest.raises(QuizError, match="4 to 64"):
        create_learner(database, "Ada", password="abc")
    assert list_learners(database) == []


def test_guessing_a_password_slows_down_and_the_right_one_resets_the_count(
    database: Database,
) -> None:
    ada = create_learner(database, "Ada", password="moon rabbit").value
    for i in range(4):
        with pytest.raises(WrongPasswordError) as wrong:
            check_password(database, ada.id, "guess", now=NOW + timedelta(seconds=i))
        assert not isinstance(wrong.value, PasswordWaitError)
    with pytest.raises(PasswordWaitError) as waiting:  # the right one is not heard yet
        check_password(database, ada.id, "moon rabbit", now=NOW + timedelta(seconds=4))
    assert waiting.value.seconds == 1
    assert "1 s" in waiting.value.message("en")
    assert "1 秒" in waiting.value.message("zh")
    check_password(database, ada.id, "moon rabbit", now=NOW + timedelta(seconds=5))
    for i in range(3):  # counted afresh: three free tries again
        with pytest.raises(WrongPasswordError) as wrong:
            check_password(database, ada.id, "guess", now=NOW + timedelta(seconds=10 + i))
        assert not isinstance(wrong.value, PasswordWaitError)


def test_each_learner_has_their_own_count(database: Database) -> None:
    ada = create_learner(database, "Ada", password="moon rabbit").value
    bob = create_learner(database, "Bob", password="jade rabbit").value
    for i in range(5):
        with pytest.raises(WrongPasswordError):
            check_password(database, ada.id, "guess", now=NOW + timedelta(seconds=i))
    check_password(database, bob.id, "jade rabbit", now=NOW + timedelta(seconds=5))


def _but_wrong_tries(database: Database) -> dict[str, object]:
    """The bank, with only each learner's password hash (not the count of wrong tries)."""
    rows = snapshot(database)
    rows["learner_password"] = [row[:2] for row in rows["learner_password"]]
    return rows


def test_changing_or_removing_a_password_needs_the_current_one(database: Database) -> None:
    ada = create_learner(database, "Ada").value
    set_password(database, ada.id, "first one")  # none yet: nothing to give
    before = _but_wrong_tries(database)
    with pytest.raises(WrongPasswordError):
        set_password(database, ada.id, "second one")
    with pytest.raises(WrongPasswordError):
        set_password(database, ada.id, None, current="wrong one")
    assert _but_wrong_tries(database) == before
    set_password(database, ada.id, "second one", current="first one")
    with pytest.raises(WrongPasswordError):
        check_password(database, ada.id, "first one")
    check_password(database, ada.id, "second one")
    set_password(database, ada.id, None, current="second one")
    found = get_learner(database, ada.id)
    assert found is not None
    assert not found.has_password


def test_the_teacher_clears_a_forgotten_password_and_its_wait(database: Database) -> None:
    ada = create_learner(database, "Ada", password="moon rabbit").value
    for i in range(6):
        with pytest.raises(WrongPasswordError):
            check_password(database, ada.id, "guess", now=NOW + timedelta(seconds=i))
    clear_password(database, ada.id)
    found = get_learner(database, ada.id)
    assert found is not None
    assert not found.has_password
    set_password(database, ada.id, "new start")
    check_password(database, ada.id, "new start", now=NOW + timedelta(seconds=7))


def test_a_password_never_leaves_the_bank_in_a_results_file(
    database: Database, tmp_path: Path
) -> None:
    from quiz_app.services.exchange import export_results, merge_results

    create_learner(database, "Ada", password="moon rabbit")
    target = tmp_path / "ada.results"
    export_results(database, target, ["Ada"], now=NOW)
    text = target.read_text(encoding="utf-8")
    assert "Ada" in text
    assert "scrypt" not in text
    assert "moon rabbit" not in text
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        merge_results(other, target, now=NOW)
        [ada] = list_learners(other)
        assert ada.name == "Ada"
        assert not ada.has_password  # her password stays on her own computer
    finally:
        other.close()
