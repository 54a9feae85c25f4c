"""Responses in the answer log (issue 19): each type's JSON, and what is not one."""

from __future__ import annotations

from typing import Any

import pytest

from quiz_app.core.grading import Response
from quiz_app.core.questions import QuestionType
from quiz_app.core.responses import response_from_json, response_json_fits, response_to_json
from quiz_app.core.review import Rating

T = QuestionType
LOGGED: list[tuple[QuestionType, Response, Any]] = [
    (T.SINGLE, "b", "b"),
    (T.MULTIPLE, frozenset({"c", "a"}), ["a", "c"]),  # sorted: the same ticks, the same log
    (T.MULTIPLE, frozenset(), []),
    (T.TRUE_FALSE, False, False),
    (T.TRUE_FALSE, True, True),
    (T.NUMERIC, 1731.0, 1731.0),
    (T.NUMERIC, -0.5, -0.5),
    (T.SHORT_TEXT, "Queqiao", "Queqiao"),
    (T.ORDERING, ("i3", "i1", "i2"), ["i3", "i1", "i2"]),
    (T.MATCHING, {"p1": "p2", "p2": "p1"}, {"p1": "p2", "p2": "p1"}),
    (T.CARD, Rating.HARD, 2),
]


@pytest.mark.parametrize(("kind", "response", "logged"), LOGGED)
def test_each_response_is_logged_as_plain_json_and_read_back(
    kind: QuestionType, response: Response, logged: Any
) -> None:
    data = response_to_json(response)
    assert data == logged
    assert type(data) is type(logged)
    assert response_json_fits(kind, data)
    back = response_from_json(kind, data)
    assert back == response
    assert type(back) is type(response)


def test_a_whole_number_in_the_log_reads_back_as_a_float() -> None:
    back = response_from_json(T.NUMERIC, 42)
    assert back == 42.0
    assert isinstance(back, float)


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (T.MULTIPLE, "a"),
        (T.MULTIPLE, ["a", 1]),
        (T.ORDERING, {"i1": "i2"}),
        (T.ORDERING, ["i1", None]),
        (T.MATCHING, ["p1", "p2"]),
        (T.MATCHING, {"p1": 2}),
        (T.NUMERIC, True),
        (T.NUMERIC, "42"),
        (T.NUMERIC, None),
        (T.TRUE_FALSE, 1),
        (T.TRUE_FALSE, "true"),
        (T.CARD, 0),
        (T.CARD, 5),
        (T.CARD, True),
        (T.CARD, 2.0),
        (T.SINGLE, 1),
        (T.SHORT_TEXT, None),
    ],
)
def test_what_is_not_a_response_of_that_type_does_not_fit(kind: QuestionType, data: Any) -> None:
    assert not response_json_fits(kind, data)


@pytest.mark.parametrize(("kind", "data"), [(T.NUMERIC, 7), (T.CARD, 1), (T.CARD, 4)])
def test_the_edges_that_fit(kind: QuestionType, data: Any) -> None:
    assert response_json_fits(kind, data)
