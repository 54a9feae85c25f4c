"""Quiz operations: draw, start, answer, resume, finish, give up, retry the mistakes.
Each write is one transaction.

Leaving a quiz to carry on later needs no operation: every answer is saved as it is
given, and ``unfinished_quiz`` offers the latest quiz neither finished nor given up."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from quiz_app.core.bank import DrawFilter, StoredQuestion
from quiz_app.core.changes import Changed, Changes
from quiz_app.core.errors import NotFoundError, QuizError
from quiz_app.core.grading import Response, grade
from quiz_app.core.ids import LearnerId, QuestionId, QuizSessionId
from quiz_app.core.learners import AnswerRecord
from quiz_app.core.questions import Card
from quiz_app.core.quiz import GivenAnswer, QuizMode, QuizSession, QuizSettings
from quiz_app.core.responses import response_to_json
from quiz_app.core.review import Rating
from quiz_app.core.settings import DEFAULT_NEW_PER_DAY
from quiz_app.core.shuffle import presentation_order
from quiz_app.services.review import record_review, review_question_ids
from quiz_app.storage import Database, Session
from quiz_app.storage import quizzes as repo
from quiz_app.storage.draws import draw_question_ids
from quiz_app.storage.learners import append_answer
from quiz_app.storage.packs import questions_by_id
from quiz_app.storage.tallies import count_quizzes


def draw_quiz(
    database: Database, draw: DrawFilter, count: int, seed: int | None = None
) -> list[StoredQuestion]:
    """``count`` distinct random questions matching ``draw`` (fewer if the bank has fewer)."""
    with database.reading() as session:
        return questions_by_id(session, draw_question_ids(session, draw, count, seed))


def start_quiz(
    database: Database,
    learner_id: LearnerId,
    settings: QuizSettings,
    *,
    seed: int | None = None,
    now: datetime | None = None,
) -> Changed[QuizSession]:
    """Draw the questions and record the quiz, so it can be resumed from the first answer."""

    def work(session: Session) -> QuizSession:
        draw = settings.draw_filter()
        if settings.mode is QuizMode.REVIEW:
            ids = list(
                review_question_ids(
                    session,
                    learner_id,
                    draw,
                    settings.count,
                    now or datetime.now().astimezone(),  # local: the day of the new ration
                    new_per_day=(
                        DEFAULT_NEW_PER_DAY
                        if settings.new_per_day is None
                        else settings.new_per_day
                    ),
                    seed=seed,
                ).question_ids
            )
            if not ids:
                from quiz_app.storage.schedules import next_due

                upcoming = next_due(session, learner_id)
                when = when_zh = ""
                if upcoming is not None:
                    when = f" The next one is due {upcoming:%Y-%m-%d %H:%M} UTC."
                    when_zh = f"下一道题将于 {upcoming:%Y-%m-%d %H:%M}（UTC）到期。"
                raise NothingDueError(
                    f"Nothing is due for review now.{when}",
                    upcoming,
                    zh=f"现在没有需要复习的题目。{when_zh}",
                )
        elif settings.mode is QuizMode.MISTAKES:
            candidates = repo.mistaken_question_ids(session, learner_id, draw)
            rng = random.Random(seed)
            ids = rng.sample(candidates, min(settings.count, len(candidates)))
        else:
            ids = draw_question_ids(session, draw, settings.count, seed)
        if not ids:
            if settings.mode is QuizMode.MISTAKES:
                raise QuizError(
                    "No mistakes to practise: every question you answered last time was right.",
                    zh="没有要练习的错题：你上次回答的每道题都答对了。",
                )
            raise QuizError(
                "No questions match these settings; choose more topics or types.",
                zh="没有符合这些设置的题目；请多选一些主题或题型。",
            )
        return _record_quiz(session, learner_id, settings, ids, seed, now)

    return Changed(database.write(work), Changes.QUIZZES)


def _record_quiz(
    session: Session,
    learner_id: LearnerId,
    settings: QuizSettings,
    ids: list[QuestionId],
    seed: int | None,
    now: datetime | None,
) -> QuizSession:
    """Store a new quiz with the order each question shows its choices in, drawn now
    (from ``seed`` when given) so that a resume and the results show the same."""
    rng = random.Random(None if seed is None else f"orders:{seed}")
    orders = {
        q.id: presentation_order(q.question.body, rng, pinned=not q.question.shuffle)
        for q in questions_by_id(session, ids)
    }
    session_id = repo.add_session(
        session, learner_id, settings, ids, now or datetime.now(UTC), orders
    )
    quiz = repo.get_session(session, session_id)
    assert quiz is not None
    return quiz


def quiz_questions(database: Database, quiz: QuizSession) -> list[StoredQuestion]:
    with database.reading() as session:
        return questions_by_id(session, list(quiz.question_ids))


class NothingDueError(QuizError):
    """A review was asked for, but nothing is due; says when something will be."""

    def __init__(self, message: str, next_due: datetime | None, *, zh: str | None = None) -> None:
        super().__init__(message, zh=zh)
        self.next_due = next_due


@dataclass(frozen=True)
class AnswerOutcome:
    question: StoredQuestion
    score: float
    quiz: QuizSession
    changes: Changes = Changes.ANSWERS | Changes.SCHEDULES | Changes.QUIZZES
    """An answer goes into the log, moves the question's schedule, and into its quiz."""
    next_due: datetime | None = None
    """When the question comes back for review, as the answer moved its schedule."""
    kept: bool = False
    """The classroom server did not answer: the answer waits in this computer's outbox
    (``services.outbox``) and is sent when it is back."""


def submit_answer(
    database: Database,
    quiz_id: QuizSessionId,
    question_id: QuestionId,
    response: Response,
    time_ms: int,
    *,
    now: datetime | None = None,
) -> AnswerOutcome:
    """Grade an answer and append it to the log at once: it survives a crash right after."""

    def work(session: Session) -> AnswerOutcome:
        quiz = repo.get_session(session, quiz_id, lock=True)
        if quiz is None:
            raise NotFoundError(f"no quiz {quiz_id}")
        if quiz.finished:
            raise QuizError(
                "This quiz is finished; its answers can no longer change.",
                zh="这次测验已经结束，答案不能再更改。",
            )
        _refuse_abandoned(quiz)
        if question_id not in quiz.question_ids:
            raise QuizError(f"question {question_id} is not part of this quiz")
        if question_id in quiz.answers:
            raise QuizError(
                "This question has already been answered in this quiz.",
                zh="这道题在本次测验中已经回答过了。",
            )
        [question] = questions_by_id(session, [question_id])
        score = grade(question.question.body, response)
        when = now or datetime.now(UTC)
        given = response_to_json(response)
        record = AnswerRecord(
            quiz.learner_id, question_id, given, score, max(0, time_ms), when, quiz_id
        )
        append_answer(session, record)
        # The schedule moves in the same transaction, so it never disagrees with the log;
        # a self-rated card's own rating goes to the scheduler as it is.
        rating = None
        if isinstance(question.question.body, Card) and isinstance(response, int):
            rating = Rating(response)
        schedule = record_review(session, quiz.learner_id, question_id, score, when, rating)
        # The quiz as it now stands, without reading it back: the quiz is locked, so the
        # only change since it was read is this answer (a server saves a round trip).
        given_answer = GivenAnswer(question_id, given, score, max(0, time_ms))
        updated = replace(quiz, answers={**quiz.answers, question_id: given_answer})
        return AnswerOutcome(question, score, updated, next_due=schedule.due)

    return database.write(work)


def unfinished_quiz(database: Database, learner_id: LearnerId) -> QuizSession | None:
    """The learner's latest quiz that was left before its end, to offer to resume."""
    with database.reading() as session:
        found = repo.latest_unfinished(session, learner_id)
        return None if found is None else repo.get_session(session, found)


def finish_quiz(
    database: Database, quiz_id: QuizSessionId, *, now: datetime | None = None
) -> Changed[QuizSession]:

    def work(session: Session) -> QuizSession | None:
        quiz = repo.get_session(session, quiz_id, lock=True)
        if quiz is None:
            return None
        _refuse_abandoned(quiz)
        repo.mark_finished(session, quiz_id, now or datetime.now(UTC))
        if not quiz.finished:  # finished twice (a double click) counts once
            count_quizzes(session, [quiz_id])  # the class's figures, in the same transaction
        return repo.get_session(session, quiz_id)

    quiz = database.write(work)
    if quiz is None:
        raise NotFoundError(f"no quiz {quiz_id}")
    return Changed(quiz, Changes.QUIZZES)


def _refuse_abandoned(quiz: QuizSession) -> None:
    if quiz.abandoned:
        raise QuizError(
            "This quiz was given up; start a new one.",
            zh="这次测验已经放弃，请开始新的测验。",
        )


def abandon_quiz(
    database: Database, quiz_id: QuizSessionId, *, now: datetime | None = None
) -> Changed[QuizSession]:
    """Give up a quiz (after the learner confirmed): it is no longer offered to resume
    and never counts as finished in history, results or reports. The answers already
    given stay in the learner's log, and the schedules they moved stay moved."""

    def work(session: Session) -> QuizSession:
        quiz = repo.get_session(session, quiz_id, lock=True)
        if quiz is None:
            raise NotFoundError(f"no quiz {quiz_id}")
        if quiz.finished:
            raise QuizError(
                "This quiz is finished, so it cannot be given up; it stays in your history.",
                zh="这次测验已经完成，不能放弃；它会保留在你的记录中。",
            )
        if quiz.abandoned:
            return quiz  # giving up twice (a double click) changes nothing
        repo.mark_abandoned(session, quiz_id, now or datetime.now(UTC))
        updated = repo.get_session(session, quiz_id)
        assert updated is not None
        return updated

    return Changed(database.write(work), Changes.QUIZZES)


def quiz_mistakes(quiz: QuizSession) -> list[QuestionId]:
    """The questions a quiz got less than full marks on, in its order: answers not fully
    right and, once the quiz is finished, the questions left unanswered (they scored 0)."""
    return [
        q
        for q in quiz.question_ids
        if (q in quiz.answers and quiz.answers[q].score < 1.0)
        or (q not in quiz.answers and quiz.finished)
    ]


def retry_mistakes(
    database: Database,
    quiz_id: QuizSessionId,
    *,
    seed: int | None = None,
    now: datetime | None = None,
) -> Changed[QuizSession]:
    """A new practice quiz for the same learner with exactly the questions this quiz
    got less than full marks on (not mistakes of earlier quizzes), in new orders."""

    def work(session: Session) -> QuizSession:
        quiz = repo.get_session(session, quiz_id, lock=True)
        if quiz is None:
            raise NotFoundError(f"no quiz {quiz_id}")
        ids = [s.id for s in questions_by_id(session, quiz_mistakes(quiz))]
        if not ids:
            raise QuizError(
                "No mistakes in this quiz to retry.",
                zh="这次测验没有可以重做的错题。",
            )
        settings = QuizSettings(
            mode=QuizMode.PRACTICE,
            count=len(ids),
            pack_ids=quiz.settings.pack_ids,
            topic_ids=quiz.settings.topic_ids,
            retry_of=quiz.id,
        )
        return _record_quiz(session, quiz.learner_id, settings, ids, seed, now)

    return Changed(database.write(work), Changes.QUIZZES)


def quiz_history(database: Database, learner_id: LearnerId, limit: int = 200) -> list[QuizSession]:
    """The learner's finished quizzes, newest first."""
    with database.reading() as session:
        found = [
            repo.get_session(session, i)
            for i in repo.finished_session_ids(session, learner_id, limit)
        ]
    return [q for q in found if q is not None]


def toggle_flag(
    database: Database, quiz_id: QuizSessionId, question_id: QuestionId
) -> Changed[QuizSession]:
    """Flag a question of the quiz to look at again, or unflag it."""

    def work(session: Session) -> QuizSession:
        quiz = repo.get_session(session, quiz_id, lock=True)
        if quiz is None:
            raise NotFoundError(f"no quiz {quiz_id}")
        if question_id not in quiz.question_ids:
            raise QuizError(f"question {question_id} is not part of this quiz")
        repo.set_flagged(session, quiz_id, quiz.flagged ^ {question_id})
        updated = repo.get_session(session, quiz_id)
        assert updated is not None
        return updated

    return Changed(database.write(work), Changes.QUIZZES)
