from __future__ import annotations

import pytest

from quiz_app.core.errors import QuizError
from quiz_app.core.pin import hash_pin, verify_pin
from quiz_app.services.teacher import WrongPinError, check_pin, has_pin, set_pin
from quiz_app.storage import Database
from tests.conftest import snapshot


def test_the_pin_is_stored_only_as_a_salted_kdf_hash() -> None:
    one, two = hash_pin("2468"), hash_pin("2468")
    assert one != two  # a new salt each time
    assert one.startswith("scrypt$")
    assert "2468" not in one
    assert verify_pin("2468", one)
    assert verify_pin("2468", two)
    assert not verify_pin("2469", one)
    assert not verify_pin("2468", "md5$whatever")


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "", " 1234"])
def test_a_pin_is_4_to_12_digits(pin: str) -> None:
    with pytest.raises(QuizError, match="4 to 12 digits"):
        hash_pin(pin)


def test_set_on_first_use_then_needed_to_change(database: Database) -> None:
    assert not has_pin(database)
    check_pin(database, "anything")  # nothing to protect yet
    set_pin(database, "2468")
    assert has_pin(database)
    check_pin(database, "2468")
    with pytest.raises(WrongPinError):
        check_pin(database, "1357")
    before = snapshot(database)
    with pytest.raises(WrongPinError):
        set_pin(database, "9999")  # changing needs the current PIN
    with pytest.raises(WrongPinError):
        set_pin(database, "9999", current_pin="1111")
    assert snapshot(database) == before
    set_pin(database, "9999", current_pin="2468")
    check_pin(database, "9999")
