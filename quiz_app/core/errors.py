"""Errors a user can do something about, with messages written for that user.

Anything else is a bug and reaches the crash handler instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a pack, located as precisely as we can."""

    file: str
    line: int | None
    message: str
    question: str | None = None
    zh: str | None = field(default=None, compare=False)
    """The message in Chinese, where it has been translated."""

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


class PackError(QuizError):
    """A pack cannot be read or imported; carries every problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        super().__init__(f"{head}:\n" + "\n".join(f"  {p}" for p in self.problems))


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
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        super().__init__(f"{head}:\n" + "\n".join(f"  {p}" for p in self.problems))


class LearnerClashError(ResultsFileError):
    """The only thing in the way of a merge: learners of the file share a name with
    learners of the bank but were created elsewhere. Only the teacher can say whether
    each is the same person (merge again naming them) or another (rename one)."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], names: tuple[str, ...]):
        super().__init__(problems)
        self.names = names
