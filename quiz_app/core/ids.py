"""Typed identifiers, so a learner id is never passed where a question id is wanted."""

from typing import NewType

PackId = NewType("PackId", str)
"""A pack's id as written in its manifest, e.g. ``change-missions``."""

QuestionKey = NewType("QuestionKey", str)
"""A question's stable id inside its pack, as written in the pack."""

TopicKey = NewType("TopicKey", str)
"""A topic's id inside its pack."""

QuestionId = NewType("QuestionId", int)
"""A question's row id in the bank; stays the same across pack versions."""

TopicId = NewType("TopicId", int)
LearnerId = NewType("LearnerId", int)
QuizSessionId = NewType("QuizSessionId", int)
