"""Expected errors carry their message in both languages."""

from __future__ import annotations

from quiz_app.core.errors import QuizError, StorageError
from quiz_app.core.text import LocalizedText


def test_a_message_given_in_both_languages_is_shown_in_each() -> None:
    err = StorageError("The bank is busy.", zh="题库正忙。")
    assert str(err) == "The bank is busy."
    assert err.message("en") == "The bank is busy."
    assert err.message("zh") == "题库正忙。"


def test_an_english_only_message_falls_back_to_english() -> None:
    err = QuizError("Only English.")
    assert err.message("zh") == "Only English."
    assert str(err) == "Only English."


def test_a_localized_text_is_taken_as_it_is() -> None:
    err = QuizError(LocalizedText.of({"en": "Hello", "zh": "你好"}))
    assert (str(err), err.message("zh")) == ("Hello", "你好")
