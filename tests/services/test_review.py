"""Spaced repetition with a fixed clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from quiz_app.core.grading import right_response
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.core.review import Rating, rating_for
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack
from quiz_app.services.quiz import (
    NothingDueError,
    finish_quiz,
    quiz_questions,
    start_quiz,
    submit_answer,
)
from quiz_app.services.review import ensure_schedules, next_review, rebuild_schedules
from quiz_app.storage import Database
from quiz_app.storage import schedules as repo
from tests.conftest import NOW
from tests.services.test_quiz import _wrong


@pytest.fixture
def bank(database: Database, sample_pack: Path) -> Database:
    import_pack(database, sample_pack, now=NOW)
    return database


def _answer_all(
    bank: Database,
    learner,
    when,
    right: set[int] | None = None,  # type: ignore[no-untyped-def]
    count: int = 7,
    seed: int = 1,
) -> list[int]:
    quiz = start_quiz(bank, learner, QuizSettings(count=count), seed=seed, now=when).value
    ids = []
    for question in quiz_questions(bank, quiz):
        body = question.question.body
        good = right is None or question.id in right
        submit_answer(
            bank,
            quiz.id,
            question.id,
            right_response(body) if good else _wrong(body),
            3000,
            now=when,
        )
        ids.append(question.id)
    finish_quiz(bank, quiz.id, now=when)
    return ids


@pytest.mark.parametrize(
    ("score", "rating"),
    [
        (1.0, Rating.GOOD),
        (0.75, Rating.HARD),
        (0.5, Rating.HARD),
        (0.25, Rating.AGAIN),
        (0.0, Rating.AGAIN),
    ],
)
def test_scores_map_to_ratings(score: float, rating: Rating) -> None:
    assert rating_for(score) is rating


def test_a_wrong_answer_comes_back_sooner_than_a_right_one(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    ids = _answer_all(bank, ada.id, NOW, right=set())  # all wrong first
    wrong, right = ids[0], ids[1]
    with bank.reading() as session:
        before = repo.card_states(session, ada.id)
    later = NOW + timedelta(days=1)
    quiz = start_quiz(
        bank, ada.id, QuizSettings(QuizMode.REVIEW, count=10), seed=2, now=later
    ).value
    by_id = {q.id: q for q in quiz_questions(bank, quiz)}
    for qid in quiz.question_ids:
        body = by_id[qid].question.body
        submit_answer(
            bank,
            quiz.id,
            qid,
            _wrong(body) if qid == wrong else right_response(body),
            2000,
            now=later,
        )
    with bank.reading() as session:
        after = repo.card_states(session, ada.id)
    assert after[wrong].due < after[right].due
    # Still learning (FSRS's default steps): wrong again in a minute, right in ten.
    assert after[wrong].due - later == timedelta(minutes=1)
    assert after[right].due - later == timedelta(minutes=10)
    assert after[right].reviews == before[right].reviews + 1


def test_review_draws_most_overdue_first_then_new(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    early = _answer_all(bank, ada.id, NOW, right=set(), count=3, seed=11)
    late = _answer_all(bank, ada.id, NOW + timedelta(hours=2), right=set(), count=7, seed=11)
    assert set(early) <= set(late)
    quiz = start_quiz(
        bank, ada.id, QuizSettings(QuizMode.REVIEW, count=5), seed=3, now=NOW + timedelta(days=3)
    ).value
    with bank.reading() as session:
        cards = repo.card_states(session, ada.id)
    dues = [cards[q].due for q in quiz.question_ids]
    assert dues == sorted(dues)  # most overdue first
    assert len(quiz.question_ids) == 5


def test_new_questions_fill_a_review_when_little_is_due(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    quiz = start_quiz(bank, ada.id, QuizSettings(QuizMode.REVIEW, count=5), seed=4, now=NOW).value
    assert len(quiz.question_ids) == 5  # nothing due yet: new ones, as many as asked for
    limited = QuizSettings(QuizMode.REVIEW, count=5, new_per_day=3)
    bob = create_learner(bank, "Bob", now=NOW).value
    assert len(start_quiz(bank, bob.id, limited, seed=4, now=NOW).value.question_ids) == 3


def test_nothing_due_says_when_the_next_one_is(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    _answer_all(bank, ada.id, NOW)  # all right: nothing due for a while, nothing new left
    upcoming = next_review(bank, ada.id)
    assert upcoming is not None
    assert upcoming > NOW
    with pytest.raises(
        NothingDueError, match=r"Nothing is due for review now\. The next one is due 2026-11-2"
    ) as caught:
        start_quiz(bank, ada.id, QuizSettings(QuizMode.REVIEW), now=NOW + timedelta(minutes=1))
    assert caught.value.next_due == upcoming


def test_rebuilding_from_the_log_gives_the_same_schedules(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    bob = create_learner(bank, "Bob", now=NOW).value
    for day, right in enumerate(({1, 2, 3}, set(), {4, 5, 6, 7}, None)):
        when = NOW + timedelta(days=day, hours=day)
        _answer_all(bank, ada.id, when, right=right, seed=day)
        _answer_all(bank, bob.id, when, right=None if day % 2 else set(), seed=day + 10)
    with bank.reading() as session:
        live = {w: repo.card_states(session, w) for w in (ada.id, bob.id)}
    assert rebuild_schedules(bank) == 14
    with bank.reading() as session:
        assert {w: repo.card_states(session, w) for w in (ada.id, bob.id)} == live
    rebuild_schedules(bank, ada.id)  # one learner only
    with bank.reading() as session:
        assert repo.card_states(session, bob.id) == live[bob.id]
        assert repo.card_states(session, ada.id) == live[ada.id]


def test_a_bank_with_answers_but_no_schedules_gets_them(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    _answer_all(bank, ada.id, NOW)
    with bank.reading() as session:
        live = repo.card_states(session, ada.id)
    with bank.transaction() as session:
        repo.replace_all(session, None, [])  # as a bank made before schedules existed
    ensure_schedules(bank)
    with bank.reading() as session:
        assert repo.card_states(session, ada.id) == live


def test_intervals_grow_while_answers_stay_right(bank: Database) -> None:
    ada = create_learner(bank, "Ada", now=NOW).value
    [first] = _answer_all(bank, ada.id, NOW, count=1)
    gaps = []
    when = NOW
    for _ in range(5):
        with bank.reading() as session:
            card = repo.card_states(session, ada.id)[first]
        gaps.append(card.due - when)
        when = card.due
        quiz = start_quiz(
            bank, ada.id, QuizSettings(QuizMode.REVIEW, count=1), seed=1, now=when
        ).value
        [question] = quiz_questions(bank, quiz)
        submit_answer(
            bank, quiz.id, question.id, right_response(question.question.body), 1000, now=when
        )
        finish_quiz(bank, quiz.id, now=when)
    assert gaps == sorted(gaps)
    assert gaps[-1] > timedelta(days=3)


def test_mastery_moves_the_right_way(bank: Database) -> None:
    from quiz_app.services.review import topic_mastery

    ada = create_learner(bank, "Ada", now=NOW).value

    def mastery(when):  # type: ignore[no-untyped-def]
        return {
            t: recall / total for t, (recall, total) in topic_mastery(bank, ada.id, when).items()
        }

    assert set(mastery(NOW).values()) == {0.0}  # nothing seen yet
    _answer_all(bank, ada.id, NOW)  # all seven right
    fresh = mastery(NOW)
    assert all(value > 0.99 for value in fresh.values())
    later = mastery(NOW + timedelta(days=30))
    assert all(0 < later[t] < fresh[t] for t in fresh)  # forgetting over time

    bob = create_learner(bank, "Bob", now=NOW).value
    _answer_all(bank, bob.id, NOW, right=set())  # all wrong
    bobs = {t: r / n for t, (r, n) in topic_mastery(bank, bob.id, NOW + timedelta(days=1)).items()}
    adas = mastery(NOW + timedelta(days=1))
    assert all(bobs[t] < adas[t] for t in adas)


def test_recall_probability_is_fsrs_own_retrievability(bank: Database) -> None:
    from quiz_app.services.review import _to_card, recall_probability, scheduler

    ada = create_learner(bank, "Ada", now=NOW).value
    _answer_all(bank, ada.id, NOW, right={1, 2, 3})
    with bank.reading() as session:
        cards = repo.card_states(session, ada.id)
    for days in (0, 1, 7, 45, 400):
        when = NOW + timedelta(days=days, hours=5)
        for question, card in cards.items():
            expected = scheduler().get_card_retrievability(_to_card(question, card, when), when)
            assert recall_probability(card, when) == pytest.approx(expected, abs=1e-12)


def test_progress_figures_from_the_log(bank: Database) -> None:
    from datetime import date

    from quiz_app.core.progress import streak
    from quiz_app.services.review import learner_progress

    ada = create_learner(bank, "Ada", now=NOW).value
    empty = learner_progress(bank, ada.id, NOW)
    assert (empty.scores, empty.accuracy, empty.streak, empty.answers) == ((), (), 0, 0)
    assert len(empty.due_per_day) == 30
    assert sum(n for _, n in empty.due_per_day) == 0

    days = [NOW - timedelta(days=2), NOW - timedelta(days=1), NOW]
    for day in days:
        _answer_all(bank, ada.id, day, right={1, 2, 3, 4} if day == NOW else None, count=7)
    progress = learner_progress(bank, ada.id, NOW)
    assert [round(s.score, 3) for s in progress.scores] == [1.0, 1.0, round(4 / 7, 3)]
    assert progress.answers == 21
    assert progress.streak == 3
    assert progress.study_days == tuple(d.date() for d in days)
    # 7 answers of 3 s on each of the three days.
    minutes = dict(progress.minutes_per_day)
    assert minutes[NOW.date()] == pytest.approx(7 * 3 / 60)
    assert minutes[(NOW - timedelta(days=3)).date()] == 0
    # Every one of the 7 scheduled questions falls due within 30 days.
    assert sum(n for _, n in progress.due_per_day) == 7
    assert progress.due_per_day[0][0] == NOW.date()
    # Accuracy per topic: the sample has two topics.
    assert len(progress.accuracy) == 2
    assert sum(t.answers for t in progress.accuracy) == 21

    today = date(2026, 11, 24)
    assert streak([today - timedelta(days=i) for i in (1, 2, 4)], today) == 2  # until yesterday
    assert streak([today - timedelta(days=3)], today) == 0
