"""Responses to and from JSON, for the answer log."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quiz_app.core.grading import Response
from quiz_app.core.questions import QuestionType
from quiz_app.core.review import Rating


def response_to_json(response: Response) -> Any:
    if isinstance(response, Rating):
        return int(response)
    if isinstance(response, frozenset):
        return sorted(response)
    if isinstance(response, tuple):
        return list(response)
    if isinstance(response, Mapping):
        return dict(response)
    return response


def response_from_json(kind: QuestionType, data: Any) -> Response:
    match kind:
        case QuestionType.MULTIPLE:
            return frozenset(data)
        case QuestionType.ORDERING:
            return tuple(data)
        case QuestionType.MATCHING:
            return dict(data)
        case QuestionType.NUMERIC:
            return float(data)
        case QuestionType.TRUE_FALSE:
            return bool(data)
        case QuestionType.CARD:
            return Rating(int(data))
        case _:
            return str(data)


def response_json_fits(kind: QuestionType, data: Any) -> bool:
    """Whether ``data`` is the JSON form of a response to a question of type ``kind``."""
    match kind:
        case QuestionType.MULTIPLE | QuestionType.ORDERING:
            return isinstance(data, list) and all(isinstance(item, str) for item in data)
        case QuestionType.MATCHING:
            return isinstance(data, dict) and all(isinstance(v, str) for v in data.values())
        case QuestionType.NUMERIC:
            return isinstance(data, int | float) and not isinstance(data, bool)
        case QuestionType.TRUE_FALSE:
            return isinstance(data, bool)
        case QuestionType.CARD:  # the rating, 1 (Again) to 4 (Easy), as FSRS numbers them
            return isinstance(data, int) and not isinstance(data, bool) and 1 <= data <= 4
        case _:
            return isinstance(data, str)
