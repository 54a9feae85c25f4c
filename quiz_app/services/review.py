"""Spaced repetition with FSRS: one schedule per learner and question.

The answer log is the source of truth. Every answer updates the learner's schedule for
that question in the same transaction, and ``rebuild_schedules`` replays the log in the
order the answers were given to recreate the same state (fuzzing is off, so replaying is
exact). Merged results (services.exchange) are replayed the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from fsrs import Card, Rating, Scheduler, State

from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import LearnerId, QuestionId
from quiz_app.core.progress import Progress
from quiz_app.core.review import CardState, rating_for
from quiz_app.storage import Database, Session
from quiz_app.storage import schedules as repo
from quiz_app.storage.draws import draw_question_ids
from quiz_app.storage.progress import learner_progress as compute_progress


@cache
def scheduler() -> Scheduler:
    # Fuzzing would make a replay of the log differ from the live schedule.
    return Scheduler(enable_fuzzing=False)


def _to_card(question: QuestionId, state: CardState | None, when: datetime) -> Card:
    if state is None:
        return Card(card_id=question, due=when)  # card_id given: Card() would sleep 1 ms
    return Card(
        card_id=question,
        state=State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )


def next_state(
    question: QuestionId, state: CardState | None, score: float, when: datetime
) -> CardState:
    """The schedule after an answer scoring ``score`` at ``when`` (aware, UTC)."""
    card, _log = scheduler().review_card(
        _to_card(question, state, when), Rating(int(rating_for(score))), review_datetime=when
    )
    return CardState(
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reviews=(0 if state is None else state.reviews) + 1,
    )


def record_review(
    session: Session, learner: LearnerId, question: QuestionId, score: float, when: datetime
) -> CardState:
    """Update the schedule for one answer, inside the caller's transaction."""
    new = next_state(question, repo.card_state(session, learner, question), score, when)
    repo.save_card_state(session, learner, question, new)
    return new


def replay_schedules(session: Session, learner: LearnerId | None = None) -> int:
    """Recreate schedules from the answer log, inside the caller's transaction."""
    cards: dict[tuple[LearnerId, QuestionId], CardState] = {}
    for who, question, score, when in repo.answers_in_order(session, learner):
        cards[who, question] = next_state(question, cards.get((who, question)), score, when)
    repo.replace_all(session, learner, [(w, q, c) for (w, q), c in cards.items()])
    return len(cards)


def rebuild_schedules(database: Database, learner: LearnerId | None = None) -> int:
    """Recreate schedules from the answer log (one learner's, or everyone's)."""
    return database.write(lambda session: replay_schedules(session, learner))


def ensure_schedules(database: Database) -> None:
    """A bank that has answers but no schedules (made before schedules existed) gets them."""
    with database.reading() as session:
        missing = repo.has_answers_without_schedules(session)
    if missing:
        rebuild_schedules(database)


@dataclass(frozen=True)
class ReviewDraw:
    due: tuple[QuestionId, ...]
    new: tuple[QuestionId, ...]

    @property
    def question_ids(self) -> tuple[QuestionId, ...]:
        return self.due + self.new


def review_question_ids(
    session: Session,
    learner: LearnerId,
    draw: DrawFilter,
    count: int,
    now: datetime,
    *,
    new_limit: int = 3,
    seed: int | None = None,
) -> ReviewDraw:
    """The questions due now, most overdue first, then a few never-seen ones."""
    due = repo.due_question_ids(session, learner, now, draw, count)
    room = min(new_limit, count - len(due))
    new: list[QuestionId] = []
    if room > 0:
        candidates = draw_question_ids(session, draw, 4 * room + 8, seed)
        new = repo.unscheduled(session, learner, candidates)[:room]
    return ReviewDraw(tuple(due), tuple(new))


def next_review(database: Database, learner: LearnerId) -> datetime | None:
    """When the learner's next question falls due (None: nothing answered yet)."""
    with database.reading() as session:
        return repo.next_due(session, learner)


def due_now(database: Database, learner: LearnerId, now: datetime | None = None) -> int:
    """How many of the learner's questions are due for review now."""
    with database.reading() as session:
        return repo.due_count(session, learner, now or datetime.now(UTC))


def recall_probability(card: CardState, now: datetime) -> float:
    """FSRS's estimate that the learner would answer this question right at ``now``.

    FSRS's own formula (Scheduler.get_card_retrievability), written out so that a
    topic's thousands of cards cost one power each rather than a Card object each.
    """
    if card.last_review is None or card.stability is None:
        return 0.0
    decay = -scheduler().parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    elapsed_days = max(0, (now - card.last_review).days)
    return float((1 + factor * elapsed_days / card.stability) ** decay)


def topic_mastery(
    database: Database, learner: LearnerId, now: datetime | None = None
) -> dict[int, tuple[float, int]]:
    """Per topic id: (sum of recall probabilities, number of questions).

    Mastery is their ratio: the mean recall probability over the topic's questions,
    with a question never answered counting as 0 (docs/progress.md).
    """
    when = now or datetime.now(UTC)
    with database.reading() as session:
        cards, totals = repo.cards_by_topic(session, learner)
    return {
        topic: (sum(recall_probability(c, when) for _, c in cards.get(topic, [])), total)
        for topic, total in totals.items()
    }


def learner_progress(
    database: Database, learner: LearnerId, now: datetime | None = None
) -> Progress:
    """Everything the Progress screen and the report show, for one learner."""
    with database.reading() as session:
        return compute_progress(session, learner, now or datetime.now(UTC))
