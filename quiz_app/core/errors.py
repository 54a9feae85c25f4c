"""Errors a user can do something about, with messages written for that user.

Anything else is a bug and reaches the crash handler instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from quiz_app.core.text import LocalizedText

if TYPE_CHECKING:
    from quiz_app.core.questions import Pack


class QuizError(Exception):
    """Base of every expected error, with a message written for the user.

    The message comes in every language the app speaks: ``QuizError("English", zh="中文")``
    or a ``LocalizedText``. ``str(err)`` is the English one; ``err.message(language)`` the
    one to show. A message given in English alone is shown in English everywhere.
    """

    def __init__(self, message: str | LocalizedText = "", *, zh: str | None = None) -> None:
        if isinstance(message, LocalizedText):
            self.text = message
        elif zh is not None:
            self.text = LocalizedText.of({"en": message, "zh": zh})
        else:
            self.text = LocalizedText.of(message)
        super().__init__(self.text.get("en"))

    def message(self, language: str) -> str:
        """The message in ``language`` (English where it has no translation)."""
        return self.text.get(language)


class Message(NamedTuple):
    """What is wrong, in English and in Chinese, before it is placed at a file and line.

    Helpers that find a problem return one of these, so a message cannot be written in
    English alone.
    """

    en: str
    zh: str


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a pack, located as precisely as we can."""

    file: str
    line: int | None
    message: str
    question: str | None = None
    zh: str | None = field(default=None, compare=False)
    """The message in Chinese, where it has been translated."""

    @classmethod
    def of(
        cls, file: str, line: int | None, message: Message, question: str | None = None
    ) -> Problem:
        """The problem ``message`` (in both languages) at ``file:line``."""
        return cls(file, line, message.en, question, zh=message.zh)

    def __str__(self) -> str:
        return self.text("en")

    def text(self, language: str) -> str:
        """``file:line: question 'id': message`` in ``language`` (English if untranslated)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        message = self.zh if language == "zh" and self.zh else self.message
        if language == "zh" and self.zh:
            who = f"题目“{self.question}”：" if self.question else ""
            return f"{where}: {who}{message}"
        who = f" question '{self.question}':" if self.question else ""
        return f"{where}:{who} {message}"


def problem_summary(problems: Sequence[Problem]) -> LocalizedText:
    """``3 problems:`` and one indented line per problem, in English and in Chinese."""
    count = len(problems)
    head = "1 problem" if count == 1 else f"{count} problems"
    return LocalizedText.of(
        {
            "en": f"{head}:\n" + "\n".join(f"  {p}" for p in problems),
            "zh": f"{count} 个问题：\n" + "\n".join(f"  {p.text('zh')}" for p in problems),
        }
    )


class PackError(QuizError):
    """A pack cannot be read or imported; carries every problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__(problem_summary(self.problems))


class PartialPackError(PackError):
    """Some questions of a file cannot be read, the others can: they make ``pack``.

    Importing ``pack`` leaves the reported questions out, so it needs the teacher's
    consent (the preview's "Import the rest", or ``--skip-invalid``).
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], pack: Pack) -> None:
        super().__init__(problems)
        self.pack = pack


class ImportCancelledError(QuizError):
    """The teacher cancelled an import while it ran; the bank is as it was."""


class ImportRefusedError(QuizError):
    """A valid pack that may not be imported as asked (e.g. an older version)."""


class StorageError(QuizError):
    """The question bank cannot be opened or written."""


class NotFoundError(QuizError):
    """Something the user named does not exist."""


class ResultsFileError(QuizError):
    """A learners' results file cannot be written or merged; carries every problem found.

    Merging is all or nothing: when this is raised, the bank is as it was.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__(problem_summary(self.problems))


class LearnerClashError(ResultsFileError):
    """The only thing in the way of a merge: learners of the file share a name with
    learners of the bank but were created elsewhere. Only the teacher can say whether
    each is the same person (merge again naming them) or another (rename one)."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], names: tuple[str, ...]):
        super().__init__(problems)
        self.names = names
