"""Teacher mode: a PIN, set on first use, in front of importing and editing packs and
seeing other learners' results."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from quiz_app.core.changes import Changes
from quiz_app.core.errors import QuizError
from quiz_app.core.pin import hash_pin, needs_rehash, seconds_to_wait, verify_secret
from quiz_app.storage import Database, Session
from quiz_app.storage.settings import get_setting, put_setting

PIN_KEY = "teacher_pin"
FAILURES_KEY = "teacher_pin_failures"
OFFERED_KEY = "teacher_pin_offered"


class WrongPinError(QuizError):
    """The PIN given is not the teacher's."""


def pin_offered(database: Database) -> bool:
    """Whether the app has offered this bank's first user to set a PIN."""
    with database.reading() as session:
        return get_setting(session, OFFERED_KEY) is not None


def remember_pin_offered(database: Database) -> Changes:
    database.write(lambda session: put_setting(session, OFFERED_KEY, "1"))
    return Changes.SETTINGS


def has_pin(database: Database) -> bool:
    with database.reading() as session:
        return get_setting(session, PIN_KEY) is not None


def set_pin(database: Database, new_pin: str, current_pin: str | None = None) -> Changes:
    """Set the PIN on first use; changing it needs the current one."""
    hashed = hash_pin(new_pin)  # scrypt is slow on purpose: not while holding the bank
    with database.reading() as session:
        before = get_setting(session, PIN_KEY)
    known = before is not None and current_pin is not None and verify_secret(current_pin, before)

    def work(session: Session) -> None:
        stored = get_setting(session, PIN_KEY)
        # the PIN checked above, unchanged since (else someone set one in between)
        if stored is not None and not (known and stored == before):
            raise WrongPinError("That is not the current teacher PIN.", zh="这不是当前的教师密码。")
        put_setting(session, PIN_KEY, hashed)

    database.write(work)
    return Changes.SETTINGS


class PinWaitError(WrongPinError):
    """Too many wrong PINs in a row: no PIN is heard until the wait is over."""

    def __init__(self, seconds: int) -> None:
        super().__init__(
            f"Too many wrong PINs: try again in {seconds} s.",
            zh=f"教师密码错误次数过多：请在 {seconds} 秒后再试。",
        )
        self.seconds = seconds


def check_pin(database: Database, pin: str, now: datetime | None = None) -> None:
    """Raise WrongPinError unless ``pin`` is the teacher's (or no PIN is set yet).

    After three wrong PINs in a row each try waits twice as long as the one before
    (``core.pin.seconds_to_wait``), counted in the bank, so closing the app does not help:
    a try during the wait is refused unheard (PinWaitError). The right PIN clears the
    count, and a hash of older parameters is made again with today's.
    """
    when = now or datetime.now(UTC)
    with database.reading() as session:
        stored = get_setting(session, PIN_KEY)
        failures, last = _failures(get_setting(session, FAILURES_KEY))
    if stored is None:
        return
    if last is not None:
        wait = seconds_to_wait(failures, (when - last).total_seconds())
        if wait:
            raise PinWaitError(wait)
    right = verify_secret(pin, stored)  # slow on purpose: outside any transaction
    fresh = hash_pin(pin) if right and needs_rehash(stored) else None

    def work(session: Session) -> None:
        if right:
            if failures:
                put_setting(session, FAILURES_KEY, json.dumps({"count": 0, "last": None}))
            if fresh is not None:
                put_setting(session, PIN_KEY, fresh)
            return
        count, _ = _failures(get_setting(session, FAILURES_KEY))
        record = {"count": count + 1, "last": when.isoformat()}
        put_setting(session, FAILURES_KEY, json.dumps(record))

    if not right or failures or fresh is not None:
        database.write(work)
    if not right:
        raise WrongPinError("That is not the teacher PIN.", zh="这不是教师密码。")


def _failures(value: str | None) -> tuple[int, datetime | None]:
    """(wrong PINs in a row, when the last was given) from the stored record."""
    if not value:
        return 0, None
    try:
        data = json.loads(value)
        last = data.get("last")
        return int(data.get("count", 0)), None if last is None else datetime.fromisoformat(last)
    except (ValueError, TypeError, AttributeError):
        return 0, None
