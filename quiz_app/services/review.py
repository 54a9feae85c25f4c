"""Spaced repetition with FSRS: one schedule per learner and question.

The answer log is the source of truth. Every answer updates the learner's schedule for
that question in the same transaction, and ``rebuild_schedules`` replays the log in the
order the answers were given to recreate the same state (fuzzing is off, so replaying is
exact). Merged results (services.exchange) are replayed the same way. A self-rated card's
answer is replayed with the rating the learner gave (kept in the log), not one derived
from its score, since Good and Easy score the same.

New questions are rationed per day (``new_per_day``, a setting): a review introduces at
most that many minus the questions the learner already met for the first time today, in
any kind of quiz. The day is the calendar day of the ``now`` passed in, in its own time
zone: the app passes local time, so the day turns at the learner's midnight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from fsrs import Card, Rating, Scheduler, State

from quiz_app.core.bank import DrawFilter
from quiz_app.core.ids import LearnerId, QuestionId
from quiz_app.core.progress import Progress
from quiz_app.core.review import CardState, day_start, rating_for
from quiz_app.core.review import Rating as CardRating
from quiz_app.core.settings import DEFAULT_NEW_PER_DAY
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
    question: QuestionId,
    state: CardState | None,
    score: float,
    when: datetime,
    rating: CardRating | None = None,
) -> CardState:
    """The schedule after an answer scoring ``score`` at ``when`` (aware), or rated
    ``rating`` by the learner (a self-rated card: the rating wins)."""
    given = rating_for(score) if rating is None else rating
    when = when.astimezone(UTC)  # FSRS takes UTC only; the caller may pass local time
    card, _log = scheduler().review_card(
        _to_card(question, state, when), Rating(int(given)), review_datetime=when
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
    session: Session,
    learner: LearnerId,
    question: QuestionId,
    score: float,
    when: datetime,
    rating: CardRating | None = None,
) -> CardState:
    """Update the schedule for one answer, inside the caller's transaction; the schedule
    as saved (its ``due`` is when the question comes back)."""
    new = next_state(question, repo.card_state(session, learner, question), score, when, rating)
    repo.save_card_state(session, learner, question, new)
    return new


def rating_dues(
    database: Database, learner: LearnerId, question: QuestionId, now: datetime
) -> dict[CardRating, datetime]:
    """When the question would come back after each rating given at ``now``: what a
    card's four buttons can show ("Good: in 10 minutes"). One read, four FSRS steps."""
    with database.reading() as session:
        state = repo.card_state(session, learner, question)
    return {r: next_state(question, state, 0.0, now, r).due for r in CardRating}


def replay_schedules(session: Session, learner: LearnerId | None = None) -> int:
    """Recreate schedules from the answer log, inside the caller's transaction."""
    cards: dict[tuple[LearnerId, QuestionId], CardState] = {}
    for who, question, score, when, rated in repo.answers_in_order(session, learner):
        rating = None if rated is None or rated not in set(CardRating) else CardRating(rated)
        cards[who, question] = next_state(question, cards.get((who, question)), score, when, rating)
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


def new_room(session: Session, learner: LearnerId, now: datetime, new_per_day: int) -> int:
    """How many new questions the learner may still meet today."""
    if new_per_day <= 0:
        return 0
    met = repo.first_met_since(session, learner, day_start(now))
    return max(0, new_per_day - met)


def review_question_ids(
    session: Session,
    learner: LearnerId,
    draw: DrawFilter,
    count: int,
    now: datetime,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    seed: int | None = None,
) -> ReviewDraw:
    """The questions due now, most overdue first, then never-seen ones up to what is
    left of the day's ration of new questions."""
    due = repo.due_question_ids(session, learner, now, draw, count)
    room = min(new_room(session, learner, now, new_per_day), count - len(due))
    new: list[QuestionId] = []
    if room > 0:
        candidates = draw_question_ids(session, draw, 4 * room + 8, seed)
        new = repo.unscheduled(session, learner, candidates)[:room]
    return ReviewDraw(tuple(due), tuple(new))


@dataclass(frozen=True)
class ReviewSummary:
    """What Home and the review say before a review: "12 due · 5 new"."""

    due: int
    """Questions due now."""
    new_today: int
    """New questions a review may still bring in today: what is left of the day's ration,
    and no more than there are questions never answered."""
    next_due: datetime | None
    """When the next question falls due (None: nothing answered yet)."""


def review_summary(
    database: Database, learner_id: LearnerId, now: datetime, new_per_day: int
) -> ReviewSummary:
    """How many questions are due and how many new ones a review could bring in today."""
    with database.reading() as session:
        due = repo.due_count(session, learner_id, now)
        room = new_room(session, learner_id, now, new_per_day)
        new = min(room, repo.unseen_count(session, learner_id)) if room else 0
        return ReviewSummary(due, new, repo.next_due(session, learner_id))


def review_mix(
    database: Database, learner: LearnerId, questions: Sequence[QuestionId]
) -> tuple[int, int]:
    """Of ``questions``, how many the learner has met before (due again) and how many
    are new: a review's head says "3 due · 2 new"."""
    with database.reading() as session:
        new = len(repo.unscheduled(session, learner, list(questions)))
    return len(questions) - new, new


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
