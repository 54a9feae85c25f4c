"""Secrets of a shared computer, the teacher's PIN and learners' passwords: kept only as
salted hashes from a key-derivation function, and slowed down after wrong tries."""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import re
import secrets

from quiz_app.core.errors import QuizError

# scrypt's cost: about 0.25 s and 64 MiB here, so guessing even a 4-digit PIN from a
# stolen bank takes most of an hour of a core, rather than microseconds. Hashes made
# with older (cheaper) parameters still verify, and are made again at the next right PIN.
_N, _R, _P = 2**16, 8, 1
_PIN = re.compile(r"\d{4,12}")
PASSWORD_LENGTHS = (4, 64)

FREE_TRIES = 3
"""Wrong PINs in a row answered at once; after that each waits twice as long."""
LONGEST_WAIT_S = 15 * 60


def wait_after(failures: int) -> int:
    """Seconds before the next try is heard, after ``failures`` wrong PINs in a row:
    0, 0, 0, then 2, 4, 8 ... up to a quarter of an hour."""
    if failures <= FREE_TRIES:
        return 0
    return int(min(2 ** (failures - FREE_TRIES), LONGEST_WAIT_S))


def seconds_to_wait(failures: int, seconds_since_last: float) -> int:
    """Whole seconds still to wait before a try is heard (0: now), rounded up."""
    left = wait_after(failures) - seconds_since_last
    return max(0, math.ceil(left))


def check_pin_shape(pin: str) -> None:
    if not _PIN.fullmatch(pin):
        raise QuizError("A teacher PIN is 4 to 12 digits.", zh="教师密码是 4 到 12 位数字。")


def check_password_shape(password: str) -> None:
    """A learner's password: 4 to 64 characters, not only spaces."""
    shortest, longest = PASSWORD_LENGTHS
    if not password.strip() or not shortest <= len(password) <= longest:
        raise QuizError(
            f"A password is {shortest} to {longest} characters.",
            zh=f"密码长度为 {shortest} 到 {longest} 个字符。",
        )


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    memory = 128 * r * n * p + (1 << 20)  # what scrypt needs, and a little room
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=memory)


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was made with cheaper parameters than today's."""
    parts = stored.split("$")
    return len(parts) != 6 or parts[1:4] != [str(_N), str(_R), str(_P)]


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64); the PIN itself is never stored."""
    check_pin_shape(pin)
    return hash_secret(pin, salt)


def hash_password(password: str) -> str:
    """A learner's password, hashed as the PIN is (with a salt of its own)."""
    check_password_shape(password)
    return hash_secret(password)


def hash_secret(pin: str, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = _derive(pin, salt, _N, _R, _P)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_secret(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = _derive(pin, base64.b64decode(salt), int(n), int(r), int(p))
    return hmac.compare_digest(candidate, base64.b64decode(digest))
