"""Teacher mode: a PIN, set on first use, in front of importing and editing packs and
seeing other learners' results."""

from __future__ import annotations

from quiz_app.core.changes import Changes
from quiz_app.core.errors import QuizError
from quiz_app.core.pin import hash_pin, verify_pin
from quiz_app.storage import Database, Session
from quiz_app.storage.settings import get_setting, put_setting

PIN_KEY = "teacher_pin"


class WrongPinError(QuizError):
    """The PIN given is not the teacher's."""


def has_pin(database: Database) -> bool:
    with database.reading() as session:
        return get_setting(session, PIN_KEY) is not None


def set_pin(database: Database, new_pin: str, current_pin: str | None = None) -> Changes:
    """Set the PIN on first use; changing it needs the current one."""
    hashed = hash_pin(new_pin)  # scrypt is slow on purpose: not while holding the bank

    def work(session: Session) -> None:
        stored = get_setting(session, PIN_KEY)
        if stored is not None and (current_pin is None or not verify_pin(current_pin, stored)):
            raise WrongPinError("That is not the current teacher PIN.", zh="这不是当前的教师密码。")
        put_setting(session, PIN_KEY, hashed)

    database.write(work)
    return Changes.SETTINGS


def check_pin(database: Database, pin: str) -> None:
    """Raise WrongPinError unless ``pin`` is the teacher's (or no PIN is set yet)."""
    with database.reading() as session:
        stored = get_setting(session, PIN_KEY)
    if stored is not None and not verify_pin(pin, stored):
        raise WrongPinError("That is not the teacher PIN.", zh="这不是教师密码。")
