from __future__ import annotations

import pytest

from quiz_app.core.errors import QuizError
from quiz_app.core.pin import hash_pin, verify_secret
from quiz_app.services.teacher import WrongPinError, check_pin, has_pin, set_pin
from quiz_app.storage import Database
from tests.conftest import snapshot


def test_the_pin_is_stored_only_as_a_salted_kdf_hash() -> None:
    one, two = hash_pin("2468"), hash_pin("2468")
    assert one != two  # a new salt each time
    assert one.startswith("scrypt$")
    assert "2468" not in one
    assert verify_secret("2468", one)
    assert verify_secret("2468", two)
    assert not verify_secret("2469", one)
    assert not verify_secret("2468", "md5$whatever")


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


@pytest.mark.parametrize(
    ("failures", "wait"),
    [(0, 0), (1, 0), (3, 0), (4, 2), (5, 4), (6, 8), (12, 512), (13, 900), (40, 900)],
)
def test_wrong_pins_wait_longer_and_longer(failures: int, wait: int) -> None:
    from quiz_app.core.pin import wait_after

    assert wait_after(failures) == wait


def test_guessing_slows_down_and_the_wait_outlasts_a_restart(database: Database) -> None:
    from datetime import timedelta

    from quiz_app.services.teacher import PinWaitError
    from tests.conftest import NOW

    set_pin(database, "2468")
    for i in range(4):  # three free tries, then the fourth is counted and a wait begins
        with pytest.raises(WrongPinError) as wrong:
            check_pin(database, "0000", now=NOW + timedelta(seconds=i))
        assert not isinstance(wrong.value, PinWaitError)
    with pytest.raises(PinWaitError) as waiting:  # even the right PIN is not heard now
        check_pin(database, "2468", now=NOW + timedelta(seconds=4))
    assert waiting.value.seconds == 1
    assert "1 s" in waiting.value.message("en")
    assert "1 秒" in waiting.value.message("zh")
    check_pin(database, "2468", now=NOW + timedelta(seconds=5))  # the wait is over
    for i in range(3):  # the right PIN cleared the count: three free tries again
        with pytest.raises(WrongPinError) as wrong:
            check_pin(database, "1111", now=NOW + timedelta(seconds=10 + i))
        assert not isinstance(wrong.value, PinWaitError)


def test_a_pin_hashed_the_old_cheap_way_is_hashed_again_when_given(database: Database) -> None:
    import base64
    import hashlib

    from quiz_app.core.pin import needs_rehash
    from quiz_app.services.teacher import PIN_KEY
    from quiz_app.storage.settings import get_setting, put_setting

    salt = b"0123456789abcdef"
    old = hashlib.scrypt(b"2468", salt=salt, n=2**14, r=8, p=1, dklen=32)
    stored = f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(old).decode()}"
    database.write(lambda session: put_setting(session, PIN_KEY, stored))
    assert needs_rehash(stored)
    check_pin(database, "2468")
    with database.reading() as session:
        now_stored = get_setting(session, PIN_KEY)
    assert now_stored is not None
    assert now_stored.startswith("scrypt$65536$8$1$")
    assert not needs_rehash(now_stored)
    assert verify_secret("2468", now_stored)
