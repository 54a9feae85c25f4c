"""Text in several languages, with English as the fallback."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

FALLBACK_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "zh")
"""Languages the app knows: English and Simplified Chinese."""


@dataclass(frozen=True)
class LocalizedText:
    """An immutable mapping language -> text that always has English."""

    items: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, values: Mapping[str, str] | str) -> LocalizedText:
        if isinstance(values, str):
            return cls(((FALLBACK_LANGUAGE, values),))
        return cls(tuple(sorted(values.items())))

    def get(self, language: str) -> str:
        """The text in ``language``, else in English."""
        mapping = dict(self.items)
        return mapping.get(language) or mapping.get(FALLBACK_LANGUAGE, "")

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(lang for lang, _ in self.items)

    def as_dict(self) -> dict[str, str]:
        return dict(self.items)


@dataclass(frozen=True)
class LocalizedList:
    """Per language, a list of strings (accepted short-text answers)."""

    items: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def of(cls, values: Mapping[str, list[str] | tuple[str, ...]]) -> LocalizedList:
        return cls(tuple(sorted((lang, tuple(v)) for lang, v in values.items())))

    def get(self, language: str) -> tuple[str, ...]:
        mapping = dict(self.items)
        return mapping.get(language) or mapping.get(FALLBACK_LANGUAGE, ())

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(lang for lang, _ in self.items)

    def all_values(self) -> tuple[str, ...]:
        return tuple(v for _, values in self.items for v in values)

    def as_dict(self) -> dict[str, list[str]]:
        return {lang: list(values) for lang, values in self.items}
