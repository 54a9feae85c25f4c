"""The teacher's PIN: kept only as a salted hash from a key-derivation function."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from quiz_app.core.errors import QuizError

# scrypt's cost: about 50 ms here, so guessing a 4-digit PIN from a stolen bank still
# takes minutes rather than microseconds.
_N, _R, _P = 2**14, 8, 1
_PIN = re.compile(r"\d{4,12}")


def check_pin_shape(pin: str) -> None:
    if not _PIN.fullmatch(pin):
        raise QuizError("A teacher PIN is 4 to 12 digits.", zh="教师密码是 4 到 12 位数字。")


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32)


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64); the PIN itself is never stored."""
    check_pin_shape(pin)
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = _derive(pin, salt, _N, _R, _P)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = _derive(pin, base64.b64decode(salt), int(n), int(r), int(p))
    return hmac.compare_digest(candidate, base64.b64decode(digest))
