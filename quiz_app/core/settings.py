"""The app's own settings on this computer, as one typed, immutable value.

Theme, text size, the last learner, the quiz defaults on Home and the window's place are
read as attributes of ``AppSettings``; what the bank itself holds (the teacher PIN, each
learner's language) stays in the bank. Reading is forgiving: a value that is missing,
of the wrong type or out of range falls back to its default, so a hand-edited or
half-written file never stops the app from starting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal, get_args

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = get_args(Theme)

MIN_TEXT_SIZE = 7.0
MAX_TEXT_SIZE = 32.0
MIN_QUESTIONS = 1
MAX_QUESTIONS = 100
DIFFICULTIES = (1, 2, 3)
DEFAULT_NEW_PER_DAY = 20
MAX_NEW_PER_DAY = 500


@dataclass(frozen=True)
class AppSettings:
    theme: Theme = "system"
    text_size: float | None = None
    """Point size of the interface font; None: the desktop's own."""
    last_learner: int | None = None
    question_count: int = 10
    difficulties: frozenset[int] = field(default_factory=frozenset)
    """Ticked difficulty levels on Home; none ticked means every level."""
    window_geometry: str = ""
    """Qt's saveGeometry(), base64: where the window was and how big."""
    window_state: str = ""
    """Qt's saveState(), base64."""
    new_per_day: int = DEFAULT_NEW_PER_DAY
    """At most this many never-seen questions a day in reviews (0: reviews bring none)."""

    def as_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["difficulties"] = sorted(self.difficulties)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AppSettings:
        """Settings from stored values, each checked on its own (bad ones: default)."""
        default = cls()
        return cls(
            theme=_theme(data.get("theme"), default.theme),
            text_size=_text_size(data.get("text_size")),
            last_learner=_positive_int(data.get("last_learner")),
            question_count=_count(data.get("question_count"), default.question_count),
            difficulties=_difficulties(data.get("difficulties")),
            window_geometry=_string(data.get("window_geometry")),
            window_state=_string(data.get("window_state")),
            new_per_day=_new_per_day(data.get("new_per_day")),
        )


def clamp_text_size(size: float) -> float:
    return min(max(size, MIN_TEXT_SIZE), MAX_TEXT_SIZE)


def _theme(value: object, default: Theme) -> Theme:
    for theme in THEMES:
        if value == theme:
            return theme
    return default


def _number(value: object) -> float | None:
    # bool is an int to Python, never a size or a count here
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _text_size(value: object) -> float | None:
    number = _number(value)
    if number is None or not MIN_TEXT_SIZE <= number <= MAX_TEXT_SIZE:
        return None
    return number


def _positive_int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return None
    return value


def _count(value: object, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return value if MIN_QUESTIONS <= value <= MAX_QUESTIONS else default


def clamp_new_per_day(value: int) -> int:
    return min(max(value, 0), MAX_NEW_PER_DAY)


def _new_per_day(value: object) -> int:
    """A whole number, kept within 0 .. MAX_NEW_PER_DAY; anything else: the default."""
    if isinstance(value, bool) or not isinstance(value, int):
        return DEFAULT_NEW_PER_DAY
    return clamp_new_per_day(value)


def _difficulties(value: object) -> frozenset[int]:
    if not isinstance(value, list | tuple):
        return frozenset()
    return frozenset(v for v in value if not isinstance(v, bool) and v in DIFFICULTIES)


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""
