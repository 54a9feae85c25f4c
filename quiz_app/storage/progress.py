"""A learner's statistics from the answer log, by aggregate SQL over indexed columns."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from quiz_app.core.ids import LearnerId
from quiz_app.core.progress import Progress, QuizScore, TopicAccuracy, streak
from quiz_app.storage.models import ANSWER, QUESTION, QUIZ_SESSION, SCHEDULE

_A, _Q, _S, _C = ANSWER.c, QUESTION.c, QUIZ_SESSION.c, SCHEDULE.c


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def learner_progress(session: Session, learner: LearnerId, now: datetime) -> Progress:
    today = now.astimezone(UTC).date()
    sums = dict(
        session.execute(
            select(_A.session_id, func.sum(_A.score))
            .where(_A.learner_id == learner, _A.session_id.is_not(None))
            .group_by(_A.session_id)
        ).all()
    )
    scores = tuple(
        QuizScore(finished, (sums.get(session_id) or 0.0) / max(len(ids), 1))
        for session_id, finished, ids in session.execute(
            select(_S.id, _S.finished_at, _S.question_ids)
            .where(_S.learner_id == learner, _S.finished_at.is_not(None))
            .order_by(_S.finished_at)
        )
    )
    accuracy = tuple(
        TopicAccuracy(topic, count, float(mean))
        for topic, count, mean in session.execute(
            select(_Q.topic_id, func.count(), func.avg(_A.score))
            .join(QUESTION, _Q.id == _A.question_id)
            .where(_A.learner_id == learner)
            .group_by(_Q.topic_id)
            .order_by(_Q.topic_id)
        )
    )
    horizon = datetime.combine(today + timedelta(days=30), datetime.min.time(), UTC)
    due_rows = dict(
        session.execute(
            select(func.date(_C.due), func.count())
            .join(QUESTION, _Q.id == _C.question_id)
            .where(_C.learner_id == learner, _C.due < horizon, _Q.retired.is_(False))
            .group_by(func.date(_C.due))
        ).all()
    )
    due: dict[date, int] = {today + timedelta(days=i): 0 for i in range(30)}
    for day, count in due_rows.items():
        when = _day(day)
        due[max(when, today)] += count  # overdue counts for today
    since = datetime.combine(today - timedelta(days=29), datetime.min.time(), UTC)
    minutes = {today - timedelta(days=29 - i): 0.0 for i in range(30)}
    for day, total_ms in session.execute(
        select(func.date(_A.answered_at), func.sum(_A.time_ms))
        .where(_A.learner_id == learner, _A.answered_at >= since)
        .group_by(func.date(_A.answered_at))
    ):
        minutes[_day(day)] = (total_ms or 0) / 60_000
    days = tuple(
        _day(d)
        for d in session.scalars(
            select(func.date(_A.answered_at))
            .where(_A.learner_id == learner)
            .group_by(func.date(_A.answered_at))
            .order_by(func.date(_A.answered_at))
        )
    )
    answers = session.execute(
        select(func.count()).select_from(ANSWER).where(_A.learner_id == learner)
    ).scalar_one()
    return Progress(
        scores=scores,
        accuracy=accuracy,
        due_per_day=tuple(sorted(due.items())),
        minutes_per_day=tuple(sorted(minutes.items())),
        study_days=days,
        streak=streak(days, today),
        answers=int(answers),
    )
