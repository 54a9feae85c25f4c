"""Which backups are kept: Anki's thinning, pinned at its edges."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz_app.core.backups import (
    DAILY,
    MONTHLY,
    RECENT,
    WEEKLY,
    BackupReason,
    BackupStamp,
    backups_to_keep,
)

BEIJING = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 24, 20, 0, tzinfo=BEIJING)  # a Tuesday evening


def _on_close(when: datetime) -> BackupStamp:
    return BackupStamp(when, BackupReason.CLOSE)


def test_no_backups_keep_nothing() -> None:
    assert backups_to_keep([], NOW) == set()


def test_one_or_two_backups_are_kept() -> None:
    one = _on_close(NOW - timedelta(days=400))
    two = _on_close(NOW - timedelta(minutes=1))
    assert backups_to_keep([one], NOW) == {one}
    assert backups_to_keep([one, two], NOW) == {one, two}


def test_the_newest_few_are_kept_even_on_one_day() -> None:
    today = [_on_close(NOW - timedelta(minutes=m)) for m in range(9)]
    assert backups_to_keep(today, NOW) == set(today[:RECENT])


def test_the_same_day_twice_keeps_that_days_newest() -> None:
    recent = [_on_close(NOW - timedelta(minutes=m)) for m in range(RECENT)]
    morning = _on_close(datetime(2026, 11, 20, 9, 0, tzinfo=BEIJING))
    evening = _on_close(datetime(2026, 11, 20, 18, 0, tzinfo=BEIJING))
    assert backups_to_keep([*recent, morning, evening], NOW) == {*recent, evening}


def test_a_day_ends_at_midnight_on_the_learners_clock() -> None:
    recent = [_on_close(NOW - timedelta(minutes=m)) for m in range(RECENT)]
    before = _on_close(datetime(2026, 11, 20, 23, 59, 59, tzinfo=BEIJING))
    at_midnight = _on_close(datetime(2026, 11, 21, 0, 0, tzinfo=BEIJING))
    # Two days in Beijing; in UTC both fall on 20 November (15:59:59 and 16:00).
    assert backups_to_keep([*recent, before, at_midnight], NOW) == {*recent, before, at_midnight}
    in_utc = NOW.astimezone(UTC)
    assert backups_to_keep([*recent, before, at_midnight], in_utc) == {*recent, at_midnight}


def _daily(days: int, hour: int = 12) -> list[BackupStamp]:
    """One backup a day at ``hour`` (Beijing), the last ``days`` days, newest first."""
    today = NOW.replace(hour=hour, minute=0)
    return [_on_close(today - timedelta(days=d)) for d in range(days)]


def test_weeks_begin_on_monday() -> None:
    daily = _daily(DAILY)  # Wednesday 18 to Tuesday 24 November
    sunday = _on_close(datetime(2026, 11, 15, 23, 59, tzinfo=BEIJING))
    monday = _on_close(datetime(2026, 11, 16, 0, 0, tzinfo=BEIJING))
    saturday = _on_close(datetime(2026, 11, 14, 10, 0, tzinfo=BEIJING))
    kept = backups_to_keep([*daily, sunday, monday, saturday], NOW)
    # Monday 16 is in the week of the kept days (16-22), so it goes; Sunday 15 is the
    # newest of the week before, so it stays, and Saturday goes with it.
    assert kept == {*daily, sunday}


def test_a_long_history_is_thinned_to_days_then_weeks_then_months() -> None:
    history = _daily(400)
    kept = sorted(backups_to_keep(history, NOW), key=lambda s: s.when, reverse=True)
    assert len(kept) == DAILY + WEEKLY + MONTHLY
    assert kept[:DAILY] == history[:DAILY]
    weeks = [s.when.isocalendar()[:2] for s in kept[DAILY : DAILY + WEEKLY]]
    assert len(set(weeks)) == WEEKLY
    months = [(s.when.year, s.when.month) for s in kept[DAILY + WEEKLY :]]
    assert months == [(2026, 9), (2026, 8), (2026, 7), (2026, 6), (2026, 5), (2026, 4)]
    # Each is the newest of its month (the last day of it).
    assert [s.when.day for s in kept[DAILY + WEEKLY :]] == [30, 31, 31, 30, 31, 30]


def test_time_passing_alone_deletes_nothing() -> None:
    """A bank used once a month keeps its monthly backups however old they are."""
    sparse = [_on_close(NOW - timedelta(days=45 * n)) for n in range(12)]
    assert backups_to_keep(sparse, NOW + timedelta(days=3650)) == set(sparse)


def test_the_newest_upgrade_backup_is_kept_until_a_newer_upgrade() -> None:
    upgrade = BackupStamp(NOW - timedelta(days=1000), BackupReason.UPGRADE)
    history = _daily(400)
    assert upgrade in backups_to_keep([*history, upgrade], NOW)
    newer = BackupStamp(NOW - timedelta(days=300, hours=1), BackupReason.UPGRADE)
    kept = backups_to_keep([*history, upgrade, newer], NOW)
    assert newer in kept
    assert upgrade not in kept


def test_the_clock_must_say_its_time_zone() -> None:
    with pytest.raises(ValueError, match=r"^now must be timezone-aware$"):
        backups_to_keep([], datetime(2026, 11, 24, 12, 0))


_stamps = st.lists(
    st.builds(
        BackupStamp,
        st.datetimes(
            min_value=datetime(2024, 1, 1), max_value=datetime(2027, 1, 1), timezones=st.just(UTC)
        ),
        st.sampled_from(BackupReason),
    ),
    max_size=80,
)


@given(_stamps)
def test_thinning_is_bounded_keeps_the_newest_and_is_stable(stamps: list[BackupStamp]) -> None:
    kept = backups_to_keep(stamps, NOW)
    assert kept <= set(stamps)
    assert len(kept) <= RECENT + DAILY + WEEKLY + MONTHLY + 1
    if stamps:
        assert max(stamps, key=lambda s: (s.when, s.reason.value)) in kept
    # Thinning what was kept deletes nothing more: each close does not eat the history.
    assert backups_to_keep(kept, NOW) == kept


def test_the_weeks_already_kept_are_counted_on_the_learners_clock() -> None:
    # Sunday 22 November, Beijing. A backup at 00:30 every day: the daily level keeps
    # Monday 16 to Sunday 22, one week on the learner's clock, though Monday 16 00:30 is
    # still Sunday 15 in UTC. The week before (9-15) is not kept yet: its newest stays.
    now = datetime(2026, 11, 22, 12, 0, tzinfo=BEIJING)
    days = [_on_close(datetime(2026, 11, d, 0, 30, tzinfo=BEIJING)) for d in range(22, 4, -1)]
    kept = backups_to_keep(days, now)
    sunday_15 = _on_close(datetime(2026, 11, 15, 0, 30, tzinfo=BEIJING))
    sunday_8 = _on_close(datetime(2026, 11, 8, 0, 30, tzinfo=BEIJING))
    assert kept == {*days[:DAILY], sunday_15, sunday_8}
