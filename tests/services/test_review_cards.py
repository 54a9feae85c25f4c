"""Self-rated cards and the daily ration of new questions, with a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from quiz_app.core.grading import right_response
from quiz_app.core.ids import LearnerId
from quiz_app.core.quiz import QuizMode, QuizSettings
from quiz_app.core.review import Rating
from quiz_app.services.learners import create_learner
from quiz_app.services.packs import import_pack, install_builtin_packs
from quiz_app.services.quiz import (
    NothingDueError,
    finish_quiz,
    quiz_questions,
    start_quiz,
    submit_answer,
)
from quiz_app.services.review import rebuild_schedules, review_summary
from quiz_app.storage import Database, open_database
from quiz_app.storage import schedules as repo
from quiz_app.storage.migrate import head_revision
from tests.conftest import NOW
from tests.storage.corpus import Rows, build_bank_at, class_template

BEIJING = timezone(timedelta(hours=8))


def _card_pack(folder: Path, cards: int = 4) -> Path:
    folder.mkdir()
    (folder / "pack.toml").write_text(
        'format = 1\nid = "cards"\nversion = "1.0.0"\ntitle = "Cards"\nlanguages = ["en"]\n'
        '[[topics]]\nid = "facts"\ntitle = "Facts"\n',
        encoding="utf-8",
    )
    lines = []
    for n in range(cards):
        lines += [
            "[[questions]]",
            f'id = "card-{n}"',
            'type = "card"',
            'topic = "facts"',
            "difficulty = 1",
            f'prompt = "Front {n}"',
            f'back = "Back {n}"',
            "",
        ]
    (folder / "facts.toml").write_text("\n".join(lines), encoding="utf-8")
    return folder


@pytest.fixture
def cards(database: Database, tmp_path: Path) -> Database:
    import_pack(database, _card_pack(tmp_path / "cards"), now=NOW)
    return database


def _rate_all(bank: Database, learner: LearnerId, ratings: list[Rating], when: datetime) -> dict:  # type: ignore[type-arg]
    quiz = start_quiz(bank, learner, QuizSettings(count=len(ratings)), seed=1, now=when).value
    outcomes = {}
    for question, rating in zip(quiz_questions(bank, quiz), ratings, strict=True):
        outcomes[rating] = submit_answer(bank, quiz.id, question.id, rating, 2000, now=when)
    finish_quiz(bank, quiz.id, now=when)
    return outcomes


def test_a_card_scores_its_rating_and_the_rating_itself_moves_the_schedule(
    cards: Database,
) -> None:
    ada = create_learner(cards, "Ada", now=NOW).value
    outcomes = _rate_all(cards, ada.id, list(Rating), NOW)
    assert {r: o.score for r, o in outcomes.items()} == {
        Rating.AGAIN: 0.0,
        Rating.HARD: 0.5,
        Rating.GOOD: 1.0,
        Rating.EASY: 1.0,
    }
    due = {r: o.next_due for r, o in outcomes.items()}
    # FSRS's first-review steps: Again in 1 minute, Hard halfway to Good (10), Easy in days.
    assert due[Rating.AGAIN] - NOW == timedelta(minutes=1)
    assert due[Rating.HARD] - NOW == timedelta(minutes=5, seconds=30)
    assert due[Rating.GOOD] - NOW == timedelta(minutes=10)
    assert due[Rating.EASY] - NOW >= timedelta(days=1)  # Easy is not Good, though both score 1
    with cards.reading() as session:
        states = repo.card_states(session, ada.id)
    for outcome in outcomes.values():
        assert states[outcome.question.id].due == outcome.next_due  # read back as saved


def test_replaying_the_log_gives_an_easy_card_its_easy_schedule(cards: Database) -> None:
    ada = create_learner(cards, "Ada", now=NOW).value
    _rate_all(cards, ada.id, [Rating.EASY, Rating.GOOD, Rating.HARD, Rating.AGAIN], NOW)
    _rate_all(cards, ada.id, [Rating.EASY] * 4, NOW + timedelta(days=9))
    with cards.reading() as session:
        live = repo.card_states(session, ada.id)
    assert rebuild_schedules(cards) == 4
    with cards.reading() as session:
        assert repo.card_states(session, ada.id) == live


def test_an_answer_says_when_its_question_comes_back(database: Database, sample_pack: Path) -> None:
    import_pack(database, sample_pack, now=NOW)
    ada = create_learner(database, "Ada", now=NOW).value
    quiz = start_quiz(database, ada.id, QuizSettings(count=1), seed=2, now=NOW).value
    [question] = quiz_questions(database, quiz)
    outcome = submit_answer(
        database, quiz.id, question.id, right_response(question.question.body), 900, now=NOW
    )
    assert outcome.next_due == NOW + timedelta(minutes=10)


# -- the daily ration of new questions --------------------------------------------------
@pytest.fixture
def builtin(database: Database) -> Database:
    install_builtin_packs(database, now=NOW)
    return database


def _review(bank: Database, learner: LearnerId, when: datetime, count: int = 100, **kw: int):  # type: ignore[no-untyped-def]
    settings = QuizSettings(QuizMode.REVIEW, count=count, **kw)  # type: ignore[arg-type]
    return start_quiz(bank, learner, settings, seed=5, now=when).value


def _answer(bank: Database, quiz, when: datetime) -> None:  # type: ignore[no-untyped-def]
    for question in quiz_questions(bank, quiz):
        body = question.question.body
        submit_answer(bank, quiz.id, question.id, right_response(body), 1000, now=when)
    finish_quiz(bank, quiz.id, now=when)


def test_a_new_learner_meets_at_most_twenty_new_questions_on_the_first_day(
    builtin: Database,
) -> None:
    ada = create_learner(builtin, "Ada", now=NOW).value
    summary = review_summary(builtin, ada.id, NOW, 20)
    assert (summary.due, summary.new_today, summary.next_due) == (0, 20, None)
    first = _review(builtin, ada.id, NOW)
    assert len(first.question_ids) == 20  # a bank of hundreds, yet 20 new
    _answer(builtin, first, NOW)
    # Eleven minutes on, the twenty (answered right: back in 10 minutes) are due, and the
    # day's ration is spent: the second review brings the due ones and nothing new.
    later = NOW + timedelta(minutes=11)
    summary = review_summary(builtin, ada.id, later, 20)
    assert (summary.due, summary.new_today) == (20, 0)
    assert summary.next_due == NOW + timedelta(minutes=10)
    second = _review(builtin, ada.id, later)
    assert set(second.question_ids) == set(first.question_ids)


def test_questions_met_in_practice_count_against_the_ration(builtin: Database) -> None:
    ada = create_learner(builtin, "Ada", now=NOW).value
    practice = start_quiz(builtin, ada.id, QuizSettings(count=15), seed=3, now=NOW).value
    _answer(builtin, practice, NOW)
    assert review_summary(builtin, ada.id, NOW, 20).new_today == 5
    review = _review(builtin, ada.id, NOW + timedelta(minutes=1))  # none due yet
    assert len(review.question_ids) == 5
    assert not set(review.question_ids) & set(practice.question_ids)


@pytest.mark.parametrize("limit", [0, 1, 2])
def test_the_ration_can_be_zero_one_or_two(builtin: Database, limit: int) -> None:
    ada = create_learner(builtin, "Ada", now=NOW).value
    assert review_summary(builtin, ada.id, NOW, limit).new_today == limit
    if limit == 0:
        with pytest.raises(NothingDueError):
            _review(builtin, ada.id, NOW, new_per_day=0)
        return
    quiz = _review(builtin, ada.id, NOW, new_per_day=limit)
    assert len(quiz.question_ids) == limit
    _answer(builtin, quiz, NOW)
    with pytest.raises(NothingDueError):  # nothing due for 10 minutes, nothing new left
        _review(builtin, ada.id, NOW + timedelta(minutes=1), new_per_day=limit)


def test_a_quiz_stored_before_the_ration_existed_reads_with_the_default() -> None:
    stored = QuizSettings(QuizMode.REVIEW).as_dict()
    del stored["new_per_day"]
    assert QuizSettings.from_dict(stored).new_per_day is None
    chosen = QuizSettings(QuizMode.REVIEW, new_per_day=7)
    assert QuizSettings.from_dict(chosen.as_dict()) == chosen


def test_the_day_turns_at_the_learners_midnight(builtin: Database) -> None:
    ada = create_learner(builtin, "Ada", now=NOW).value
    evening = datetime(2026, 11, 24, 23, 50, tzinfo=BEIJING)  # 15:50 UTC
    _answer(builtin, _review(builtin, ada.id, evening, count=20), evening)
    # 23:59 the same evening: still today, the ration is spent.
    assert review_summary(builtin, ada.id, evening + timedelta(minutes=9), 20).new_today == 0
    # 00:00 in Beijing: a new day, though it is still the 24th in UTC.
    midnight = datetime(2026, 11, 25, 0, 0, tzinfo=BEIJING)
    assert midnight.astimezone(UTC).date() == evening.astimezone(UTC).date()
    assert review_summary(builtin, ada.id, midnight, 20).new_today == 20
    # The same instant read as UTC is still the 24th: the day is that of the clock given.
    assert review_summary(builtin, ada.id, midnight.astimezone(UTC), 20).new_today == 0
    review = _review(builtin, ada.id, midnight)
    assert len(review.question_ids) == 40  # the 20 due again, and 20 new


# -- banks full of a class's answers ----------------------------------------------------
@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Rows:
    return class_template(tmp_path_factory)


@pytest.fixture
def class_bank(template: Rows, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "class" / "bank.sqlite3"
    path.parent.mkdir()
    build_bank_at(head_revision(), path, template)
    database = open_database(f"sqlite:///{path}")
    yield database
    database.close()


def test_a_busy_class_bank_rations_new_questions_by_each_learners_day(
    class_bank: Database, template: Rows
) -> None:
    answers = template["answer"]
    learners = sorted({a["learner_id"] for a in answers})
    assert len(learners) >= 4
    for learner in learners:
        mine = [a for a in answers if a["learner_id"] == learner]
        first: dict[int, str] = {}
        for a in sorted(mine, key=lambda a: a["answered_at"]):
            first.setdefault(a["question_id"], a["answered_at"])
        # the day of the learner's last answer, in UTC, at the end of that day
        last = max(a["answered_at"] for a in mine)
        when = datetime.fromisoformat(last).replace(tzinfo=UTC).replace(hour=23, minute=59)
        met_today = sum(1 for t in first.values() if t[:10] == when.date().isoformat())
        summary = review_summary(class_bank, LearnerId(learner), when, 20)
        with class_bank.reading() as session:
            unseen = repo.unseen_count(session, LearnerId(learner))
            due = repo.due_count(session, LearnerId(learner), when)
        assert summary.due == due
        assert summary.new_today == min(max(0, 20 - met_today), unseen)
        for limit in (0, 1, met_today, met_today + 1):
            room = max(0, limit - met_today)
            quiz = None
            try:
                quiz = _review(class_bank, LearnerId(learner), when, count=100, new_per_day=limit)
            except NothingDueError:
                assert due == 0
                assert min(room, unseen) == 0
                continue
            with class_bank.reading() as session:
                states = repo.card_states(session, LearnerId(learner))
            new = [q for q in quiz.question_ids if q not in states]
            assert len(new) == min(room, unseen, 100 - min(due, 100))
            assert len(quiz.question_ids) - len(new) == min(due, 100)


def test_each_rating_says_beforehand_when_the_card_would_come_back(cards: Database) -> None:
    from quiz_app.core.review import comes_back
    from quiz_app.services.review import rating_dues

    ada = create_learner(cards, "Ada", now=NOW).value
    quiz = start_quiz(cards, ada.id, QuizSettings(count=1), seed=1, now=NOW).value
    [question] = quiz_questions(cards, quiz)
    dues = rating_dues(cards, ada.id, question.id, NOW)
    shown = {r: comes_back(NOW, d, "en") for r, d in dues.items()}
    assert shown == {
        Rating.AGAIN: "in 1 minute",
        Rating.HARD: "in 6 minutes",
        Rating.GOOD: "in 10 minutes",
        Rating.EASY: shown[Rating.EASY],
    }
    assert dues[Rating.EASY] - NOW >= timedelta(days=1)
    outcome = submit_answer(cards, quiz.id, question.id, Rating.HARD, 900, now=NOW)
    assert outcome.next_due == dues[Rating.HARD]  # the preview was the truth


def test_cards_rated_on_another_computer_merge_with_their_ratings(
    cards: Database, tmp_path: Path
) -> None:
    from quiz_app.services.exchange import export_results, merge_results

    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        import_pack(other, _card_pack(tmp_path / "cards-2"), now=NOW)
        chen = create_learner(other, "Chen", now=NOW).value
        _rate_all(other, chen.id, [Rating.EASY, Rating.EASY, Rating.GOOD, Rating.AGAIN], NOW)
        with other.reading() as session:
            there = {s.due for s in repo.card_states(session, chen.id).values()}
        export_results(other, tmp_path / "chen.results", now=NOW + timedelta(hours=1))
    finally:
        other.close()
    merge_results(cards, tmp_path / "chen.results", now=NOW + timedelta(hours=2))
    from quiz_app.services.learners import list_learners

    [merged] = [learner for learner in list_learners(cards) if learner.name == "Chen"]
    with cards.reading() as session:
        here = {s.due for s in repo.card_states(session, merged.id).values()}
    assert len(there) == 3
    assert here == there  # Easy stays Easy: replayed from the rating, not from the score
