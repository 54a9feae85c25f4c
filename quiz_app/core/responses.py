"""Responses to and from JSON, for the answer log."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quiz_app.core.grading import Response
from quiz_app.core.questions import QuestionType


def response_to_json(response: Response) -> Any:
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
        case _:
            return str(data)
