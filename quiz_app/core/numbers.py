"""Reading a number as a person writes it: "1,731", "1 500 000", "1.5 million", "1.5e6",
"150万", "1.5亿", full-width digits, and the question's unit after it ("49 hours",
"49 h", "49小时"). What cannot be read gets a message in both languages, never silence.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from quiz_app.core.text import LocalizedText

_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "万": 1e4,
    "萬": 1e4,
    "亿": 1e8,
    "億": 1e8,
}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?", re.IGNORECASE)
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_SPACES = re.compile(r"(?<=\d)[\s_'\u2009\u202f](?=\d{3}\b)")
"""A space, underscore, apostrophe or thin space between digit groups: "1 500 000"."""


@dataclass(frozen=True)
class NumberReading:
    """A number read from text, or why it could not be (``value`` is then None)."""

    value: float | None
    problem: LocalizedText | None = None


def _problem(en: str, zh: str) -> NumberReading:
    return NumberReading(None, LocalizedText.of({"en": en, "zh": zh}))


def _unit_words(unit: LocalizedText | None) -> set[str]:
    words: set[str] = set()
    if unit is None:
        return words
    for _, text in unit.items:
        word = unicodedata.normalize("NFKC", text).strip().casefold()
        if word:
            words.add(word)
    return words


def _is_unit(rest: str, units: set[str]) -> bool:
    """``rest`` names the unit: the unit itself, its singular ("hour" of "hours"), or a
    short form it starts with ("h" of "hours", "km" of "km")."""
    word = rest.casefold().rstrip(".")
    # The unit itself and its singular start it too.
    return bool(word) and any(unit.startswith(word) for unit in units)


def read_number(text: str, unit: LocalizedText | None = None) -> NumberReading:
    """The number in ``text``; a unit after it must be the question's own."""
    cleaned = unicodedata.normalize("NFKC", text).translate(_MINUS).strip()
    if not cleaned:
        return _problem("Type a number.", "请输入一个数字。")
    cleaned = _SPACES.sub("", cleaned)
    head = cleaned.split()[0]
    if head.count(",") == 1 and "." not in head and len(head.split(",")[1].rstrip()) != 3:
        cleaned = cleaned.replace(",", ".", 1)  # a decimal comma: "2,5"
    cleaned = re.sub(r"(?<=\d),(?=\d{3})", "", cleaned)  # thousands: "1,500,000"
    match = _NUMBER.match(cleaned)
    if match is None:
        return _problem(
            f"“{text.strip()}” is not a number. Type digits, such as 1731 or 1.5 million.",
            f"“{text.strip()}”不是数字。请输入数字，例如 1731 或 150万。",
        )
    value = float(match.group(0))
    rest = cleaned[match.end() :].strip()
    scale_word = rest.split()[0].casefold() if rest.split() else ""
    for word, factor in _SCALES.items():
        if scale_word == word or rest.startswith(word):
            value *= factor
            rest = rest[len(word) :].strip()  # "Million" is as long as "million"
            break
    if not math.isfinite(value):
        return _problem(
            f"“{text.strip()}” is too large to be a number here.",
            f"“{text.strip()}”太大了，不能作为这里的数字。",
        )
    if rest and not _is_unit(rest, _unit_words(unit)):
        if unit is None:
            return _problem(
                f"Only a number, please: “{rest}” cannot follow it.",
                f"请只输入数字：后面不能跟“{rest}”。",
            )
        return _problem(
            f"The answer is in {unit.get('en')}: “{rest}” is not that unit.",
            f"答案的单位是{unit.get('zh')}：“{rest}”不是这个单位。",
        )
    return NumberReading(value)


_EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_ZH_SCALES = ((1e8, "亿"), (1e4, "万"))


def _plain(value: float, grouped: bool) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}" if grouped else str(int(value))
    group = "," if grouped else ""
    text = f"{value:{group}.6g}"
    return text if "e" not in text else f"{value:{group}.6f}".rstrip("0").rstrip(".")


def format_number(value: float, language: str = "en") -> str:
    """A number as a person writes it: 1,731; 1.5 million; 150万; 0.25 (never 1.5e+06).

    A round multiple of a million (or 万, 亿 in Chinese) is written with the word, when at
    most three decimals say it exactly; anything else in digits, grouped in English.
    """
    if not math.isfinite(value):
        return str(value)
    scales = _ZH_SCALES if language == "zh" else _EN_SCALES
    for factor, word in scales:
        scaled = value / factor
        if abs(scaled) >= 1 and round(scaled, 3) == scaled:
            number = f"{scaled:.3f}".rstrip("0").rstrip(".")
            return f"{number}{word}" if language == "zh" else f"{number} {word}"
    return _plain(value, grouped=language != "zh")


_ES_PLURAL = ("ches", "shes", "sses", "xes", "zes")


def unit_for(value: float, unit: str) -> str:
    """The unit as English needs it after ``value``: "1 launch", "2 launches", "1 hour";
    a rate ("km/s"), a short abbreviation ("bps") and a Chinese unit as written. On any
    screen: an English unit shown in Chinese (none given) is English all the same."""
    if abs(value) != 1 or " " in unit or "/" in unit:
        return unit
    if unit.endswith(_ES_PLURAL):
        return unit[:-2]
    if unit.endswith("s") and not unit.endswith("ss") and len(unit) > 3:
        return unit[:-1]
    return unit


def quantity(value: float, unit: LocalizedText | None, language: str = "en") -> str:
    """A number with its unit, both as a person writes them."""
    number = format_number(value, language)
    if unit is None:
        return number
    word = unit_for(value, unit.get(language))
    return f"{number}{word}" if language == "zh" and not word.isascii() else f"{number} {word}"
