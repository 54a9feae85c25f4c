"""Where a learner is in a quiz: the order questions come in (a skipped one goes to the
end), the answer awaiting "Next", and the time spent on the question in front.

It is plain state with no Qt in it, so the screen can be rebuilt (a language switch,
going Home and resuming) without losing any of it. Time comes in as an argument
(seconds of a monotonic clock); the run never reads a clock itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz_app.core.ids import QuestionId
from quiz_app.core.quiz import QuizMode, QuizSession


@dataclass
class QuizRun:
    order: list[QuestionId]
    """Question order on screen: a skipped question moves to the end."""
    current: QuestionId | None = None
    feedback: float | None = None
    """The score of the current question, answered and shown with its feedback, until
    the learner goes on; None while it is being answered."""
    spent_ms: int = 0
    """Time on the current question while the clock was stopped (paused, rebuilt)."""
    banked_ms: dict[QuestionId, int] = field(default_factory=dict)
    """Time already spent on skipped questions, counted when they come back."""
    _since: float | None = field(default=None, repr=False)
    """When the clock last started, while it runs."""
    paused: bool = False

    @classmethod
    def start(cls, quiz: QuizSession) -> QuizRun:
        return cls(list(quiz.question_ids))

    def next_question(self, quiz: QuizSession, now: float) -> QuestionId | None:
        """Move on to the first question not answered yet, starting its clock; None at
        the end of the quiz."""
        self.current = next((q for q in self.order if q not in quiz.answers), None)
        self.feedback = None
        self.spent_ms = 0 if self.current is None else self.banked_ms.pop(self.current, 0)
        self._since = None if self.current is None else now
        return self.current

    @property
    def answering(self) -> bool:
        return self.current is not None and self.feedback is None

    def elapsed_ms(self, now: float) -> int:
        """Time spent on the current question so far."""
        running = 0 if self._since is None else round((now - self._since) * 1000)
        return self.spent_ms + running

    def stop_clock(self, now: float) -> None:
        self.spent_ms = self.elapsed_ms(now)
        self._since = None

    def start_clock(self, now: float) -> None:
        if self._since is None and self.answering and not self.paused:
            self._since = now

    def skip(self, now: float) -> bool:
        """Leave the current question for later: it comes back after the others, with
        the time spent on it so far (an exam's clock keeps counting it)."""
        if not self.answering or self.paused or self.current is None:
            return False
        self.banked_ms[self.current] = self.elapsed_ms(now)
        self._since = None
        self.order.remove(self.current)
        self.order.append(self.current)
        return True

    def answered(self, score: float, now: float) -> int:
        """The current question was answered with ``score``: the time it took (ms)."""
        spent = self.elapsed_ms(now)
        self.stop_clock(now)
        self.feedback = score
        return spent

    def pause(self, now: float) -> None:
        if not self.paused:
            self.stop_clock(now)
            self.paused = True

    def resume(self, now: float) -> None:
        if self.paused:
            self.paused = False
            self.start_clock(now)

    def remaining_ms(self, quiz: QuizSession, now: float) -> int | None:
        """Time left in an exam: the limit less the time on each question answered,
        skipped, and in front. Time away from the quiz (closed, paused) does not count."""
        limit = quiz.settings.time_limit_s
        if limit is None or quiz.settings.mode is not QuizMode.EXAM:
            return None
        current = self.elapsed_ms(now) if self.answering else 0
        banked = sum(self.banked_ms.values())
        return max(0, limit * 1000 - quiz.time_ms - banked - current)
