"""Text in several languages, read in one of them."""

from __future__ import annotations

from quiz_app.core.text import LocalizedList, LocalizedText


def test_a_text_is_read_in_the_language_asked_else_in_english() -> None:
    text = LocalizedText.of({"en": "Moon", "zh": "月球"})
    assert (text.get("zh"), text.get("en"), text.get("fr")) == ("月球", "Moon", "Moon")
    answers = LocalizedList.of({"en": ["Moon"], "zh": ["月球", "月亮"]})
    assert (answers.get("zh"), answers.get("fr")) == (("月球", "月亮"), ("Moon",))


def test_a_text_with_neither_language_reads_as_empty_not_as_nothing() -> None:
    """Outside the English-always rule (a hand-made text): an empty string or list, which
    the screens show as nothing, rather than None, which they would show as "None"."""
    assert LocalizedText.of({"zh": "月球"}).get("en") == ""
    assert LocalizedText.of({}).get("zh") == ""
    assert LocalizedList.of({"zh": ["月球"]}).get("en") == ()
