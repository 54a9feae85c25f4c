"""A quiz on paper: the questions as printed, with what printing needs and nothing more.

Drawn by ``services.paper`` (nothing is written to the bank: a paper quiz has no learner)
and printed by ``printing.paper``, which sees only these values, never the bank.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from quiz_app.core.ids import PackId
from quiz_app.core.questions import Question


@dataclass(frozen=True)
class PaperQuestion:
    pack_id: PackId
    question: Question
    order: tuple[str, ...] = ()
    """The order its choices, items or right-hand partners are printed in
    (``core.shuffle.presentation_order``); the answer key's letters follow it."""


@dataclass(frozen=True)
class PaperQuiz:
    questions: tuple[PaperQuestion, ...]
    seed: int
    """Draws the same questions in the same orders again from the same bank."""
    packs: tuple[tuple[PackId, str], ...] = ()
    """(id, version) of each pack the questions come from, for the version line."""
    media: Mapping[tuple[PackId, str], bytes] = field(default_factory=dict)
    """The images the questions name, by (pack, name inside the pack): the only images
    a printed page may show."""
