"""The app's settings: every value checked on its own, bad ones fall back to defaults."""

from __future__ import annotations

from typing import Any

import pytest

from quiz_app.core.settings import (
    DEFAULT_NEW_PER_DAY,
    MAX_NEW_PER_DAY,
    MAX_QUESTIONS,
    MAX_TEXT_SIZE,
    MIN_QUESTIONS,
    MIN_TEXT_SIZE,
    AppSettings,
    clamp_text_size,
)


def test_every_setting_survives_a_round_trip() -> None:
    settings = AppSettings(
        theme="dark",
        text_size=14.5,
        last_learner=3,
        question_count=25,
        difficulties=frozenset({1, 3}),
        window_geometry="AdnQywAD",
        window_state="AAAA/w==",
        new_per_day=35,
    )
    assert AppSettings.from_dict(settings.as_dict()) == settings


def test_nothing_stored_gives_the_defaults() -> None:
    assert AppSettings.from_dict({}) == AppSettings()
    assert AppSettings().theme == "system"
    assert AppSettings().question_count == 10
    assert AppSettings().text_size is None


@pytest.mark.parametrize("theme", ["light", "dark", "system"])
def test_each_theme_is_kept(theme: str) -> None:
    assert AppSettings.from_dict({"theme": theme}).theme == theme


@pytest.mark.parametrize("value", ["Dark", "blue", "", None, 1, ["dark"]])
def test_an_unknown_theme_follows_the_system(value: Any) -> None:
    assert AppSettings.from_dict({"theme": value}).theme == "system"


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        (MIN_TEXT_SIZE, MIN_TEXT_SIZE),
        (MAX_TEXT_SIZE, MAX_TEXT_SIZE),
        (12, 12.0),
        (MIN_TEXT_SIZE - 0.5, None),
        (MAX_TEXT_SIZE + 0.5, None),
        (True, None),
        ("12", None),
        (None, None),
    ],
)
def test_text_size_within_bounds_or_the_desktop_default(value: Any, kept: float | None) -> None:
    assert AppSettings.from_dict({"text_size": value}).text_size == kept


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        (MIN_QUESTIONS, MIN_QUESTIONS),
        (MAX_QUESTIONS, MAX_QUESTIONS),
        (MIN_QUESTIONS - 1, 10),
        (MAX_QUESTIONS + 1, 10),
        (12.0, 10),
        (False, 10),
        ("20", 10),
    ],
)
def test_question_count_at_and_past_its_bounds(value: Any, kept: int) -> None:
    assert AppSettings.from_dict({"question_count": value}).question_count == kept


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        (1, 1),
        (42, 42),
        (0, None),
        (-3, None),
        (True, None),
        ("7", None),
    ],
)
def test_last_learner_is_a_positive_id(value: Any, kept: int | None) -> None:
    assert AppSettings.from_dict({"last_learner": value}).last_learner == kept


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ([], frozenset()),
        ([2], frozenset({2})),
        ([1, 3], frozenset({1, 3})),
        ([0, 1, 4, "2", True], frozenset({1})),
        ("1,2", frozenset()),
        (None, frozenset()),
    ],
)
def test_difficulties_keep_only_known_levels(value: Any, kept: frozenset[int]) -> None:
    assert AppSettings.from_dict({"difficulties": value}).difficulties == kept


def test_window_state_must_be_text() -> None:
    loaded = AppSettings.from_dict({"window_geometry": 12, "window_state": ["x"]})
    assert (loaded.window_geometry, loaded.window_state) == ("", "")


def test_one_bad_value_does_not_spoil_the_others() -> None:
    loaded = AppSettings.from_dict({"theme": "dark", "question_count": "many", "text_size": 9})
    assert (loaded.theme, loaded.question_count, loaded.text_size) == ("dark", 10, 9.0)


@pytest.mark.parametrize(
    ("size", "clamped"),
    [(MIN_TEXT_SIZE - 1, MIN_TEXT_SIZE), (10.0, 10.0), (MAX_TEXT_SIZE + 1, MAX_TEXT_SIZE)],
)
def test_clamp_text_size(size: float, clamped: float) -> None:
    assert clamp_text_size(size) == clamped


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        (20, 20),
        (0, 0),
        (1, 1),
        (MAX_NEW_PER_DAY, MAX_NEW_PER_DAY),
        (MAX_NEW_PER_DAY + 1, MAX_NEW_PER_DAY),
        (-3, 0),
        (True, DEFAULT_NEW_PER_DAY),
        ("5", DEFAULT_NEW_PER_DAY),
        (2.5, DEFAULT_NEW_PER_DAY),
        (None, DEFAULT_NEW_PER_DAY),
    ],
)
def test_new_questions_per_day_is_a_whole_number_kept_in_range(value: Any, kept: int) -> None:
    assert AppSettings.from_dict({"new_per_day": value}).new_per_day == kept


def test_new_questions_per_day_defaults_to_twenty_and_survives_a_round_trip() -> None:
    assert AppSettings().new_per_day == DEFAULT_NEW_PER_DAY == 20
    assert AppSettings.from_dict(AppSettings(new_per_day=7).as_dict()).new_per_day == 7
