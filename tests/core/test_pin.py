"""The teacher PIN as stored (issue 19): pinned where the core keeps it, so a changed
line shows here and not only through the bank."""

from __future__ import annotations

import base64
import hashlib

import pytest

from quiz_app.core.errors import QuizError
from quiz_app.core.pin import (
    FREE_TRIES,
    LONGEST_WAIT_S,
    check_password_shape,
    check_pin_shape,
    hash_password,
    hash_pin,
    needs_rehash,
    seconds_to_wait,
    verify_secret,
    wait_after,
)

SALT = bytes(range(16))
# A bank written today holds this for PIN 2468 with this salt: it must keep verifying.
STORED_2468 = (
    "scrypt$65536$8$1$AAECAwQFBgcICQoLDA0ODw==$Hd/t97WVP29j9uLHBKEx9cPlIhZxROIOLDTgIGehj/w="
)


def test_a_pin_hash_is_scrypt_with_todays_cost_and_its_salt() -> None:
    stored = hash_pin("2468", SALT)
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "65536", "8", "1")
    assert base64.b64decode(salt) == SALT
    assert len(base64.b64decode(digest)) == 32
    assert stored == STORED_2468
    assert not needs_rehash(stored)


def test_a_stored_pin_verifies_only_with_that_pin() -> None:
    assert verify_secret("2468", STORED_2468)
    assert not verify_secret("2469", STORED_2468)
    assert not verify_secret("24680", STORED_2468)


def test_every_hash_has_its_own_salt() -> None:
    assert hash_pin("2468") != hash_pin("2468")
    assert len(base64.b64decode(hash_pin("2468").split("$")[4])) == 16  # 128 bits


def _cheaper(pin: str, n: int) -> str:
    digest = hashlib.scrypt(pin.encode(), salt=SALT, n=n, r=8, p=1, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${n}$8$1${b64(SALT).decode()}${b64(digest).decode()}"


def test_a_pin_hashed_with_an_older_cheaper_cost_still_verifies_and_wants_rehashing() -> None:
    older = _cheaper("1357", 2**14)
    assert verify_secret("1357", older)
    assert not verify_secret("1358", older)
    assert needs_rehash(older)


@pytest.mark.parametrize(
    "stored",
    [
        "md5$whatever",
        "",
        "bcrypt$65536$8$1$AAECAwQFBgcICQoLDA0ODw==$Hd/t97WVP29j9uLHBKEx9cPlIhZxROIOLDTgIGehj/w=",
        "scrypt$65536$8$1$AAECAwQFBgcICQoLDA0ODw==",
    ],
)
def test_anything_but_an_scrypt_hash_never_verifies(stored: str) -> None:
    assert not verify_secret("2468", stored)


@pytest.mark.parametrize("stored", ["md5$whatever", "", "scrypt$65536$8$1$c2FsdA=="])
def test_a_hash_of_another_shape_wants_rehashing(stored: str) -> None:
    assert needs_rehash(stored)


@pytest.mark.parametrize("pin", ["1234", "000000000000", "0000"])
def test_4_to_12_digits_are_a_pin(pin: str) -> None:
    check_pin_shape(pin)


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "", " 1234", "1234\n"])
def test_anything_else_is_refused_in_both_languages(pin: str) -> None:
    with pytest.raises(QuizError) as refused:
        check_pin_shape(pin)
    assert refused.value.message("en") == "A teacher PIN is 4 to 12 digits."
    assert refused.value.message("zh") == "教师密码是 4 到 12 位数字。"


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [(0, 0), (1, 0), (FREE_TRIES, 0), (FREE_TRIES + 1, 2), (FREE_TRIES + 2, 4), (12, 512)],
)
def test_wrong_pins_in_a_row_wait_twice_as_long_each_time(failures: int, seconds: int) -> None:
    assert wait_after(failures) == seconds


def test_the_wait_stops_growing_at_a_quarter_of_an_hour() -> None:
    assert LONGEST_WAIT_S == 15 * 60
    assert wait_after(13) == LONGEST_WAIT_S  # 1024 s would be longer
    assert wait_after(10_000) == LONGEST_WAIT_S


@pytest.mark.parametrize("password", ["abcd", "four", "a b ", "月球探测", "x" * 64])
def test_4_to_64_characters_are_a_password(password: str) -> None:
    check_password_shape(password)
    assert verify_secret(password, hash_password(password))


@pytest.mark.parametrize("password", ["", "abc", "    ", " " * 10, "x" * 65])
def test_a_shorter_longer_or_blank_password_is_refused_in_both_languages(password: str) -> None:
    with pytest.raises(QuizError) as caught:
        hash_password(password)
    assert caught.value.message("en") == "A password is 4 to 64 characters."
    assert caught.value.message("zh") == "密码长度为 4 到 64 个字符。"


@pytest.mark.parametrize(
    ("failures", "since", "left"),
    [
        (FREE_TRIES, 0.0, 0),  # the free tries: no wait
        (FREE_TRIES + 1, 0.0, 2),
        (FREE_TRIES + 1, 0.5, 2),  # 1.5 s left: said as 2, never as 1
        (FREE_TRIES + 1, 1.0, 1),
        (FREE_TRIES + 1, 2.0, 0),  # the boundary: heard now
        (FREE_TRIES + 1, 30.0, 0),  # long ago: not a negative wait
        (FREE_TRIES + 2, 1.0, 3),
    ],
)
def test_the_wait_left_is_whole_seconds_rounded_up(failures: int, since: float, left: int) -> None:
    assert seconds_to_wait(failures, since) == left
