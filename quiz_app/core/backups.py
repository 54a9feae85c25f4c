"""Backups of the bank as plain values, and which of them to keep (Anki's thinning).

No I/O here: the files are found and written by ``quiz_app.storage.backups``; this
module only decides, given when each backup was made, which ones stay.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

RECENT = 5
"""The newest backups kept whatever their dates (several in one day: a busy lesson)."""
DAILY = 7
"""Then the newest backup of each of the 7 most recent days that have one."""
WEEKLY = 4
"""Then the newest of each of the 4 weeks before those, that have one."""
MONTHLY = 6
"""Then the newest of each of the 6 months before those, that have one."""


class BackupReason(Enum):
    """Why a backup was made; the value is what its file name says."""

    UPGRADE = "upgrade"
    """Before the schema was migrated to a new version of the app."""
    CLOSE = "close"
    """When the app closed with changes."""
    RESTORE = "restore"
    """Before another backup was restored over the bank (so the restore can be undone)."""
    MANUAL = "manual"
    """Asked for by the user."""


@dataclass(frozen=True)
class BackupStamp:
    """When a backup was made (aware, UTC) and why."""

    when: datetime
    reason: BackupReason


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds, read from the file itself."""

    schema: str
    learners: int
    quizzes: int
    answers: int
    packs: int


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of the bank, as the restore dialog and ``db backups`` list it."""

    path: Path
    stamp: BackupStamp
    size: int
    """Bytes on disk."""
    contents: BackupContents | None
    """None when the file is damaged or not a bank: it cannot be restored."""
    problem: str = ""
    """Why ``contents`` is None (for the log and the command line)."""
    upgrade: tuple[str, str] | None = None
    """For a backup made before an upgrade: the schema it was at, and the one it went to."""

    @property
    def restorable(self) -> bool:
        return self.contents is not None


def _day(moment: datetime) -> Hashable:
    return moment.date()


def _week(moment: datetime) -> Hashable:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: datetime) -> Hashable:
    return (moment.year, moment.month)


_LEVELS: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
    (DAILY, _day),
    (WEEKLY, _week),
    (MONTHLY, _month),
)


def backups_to_keep(stamps: Iterable[BackupStamp], now: datetime) -> set[BackupStamp]:
    """The backups to keep; the others may be deleted.

    Like Anki's: the ``RECENT`` (5) newest; then the newest backup of each of the
    ``DAILY`` (7) most recent days that have a backup; then, going further back, the
    newest of each of ``WEEKLY`` (4) more weeks and of ``MONTHLY`` (6) more months that
    have one and none kept yet. So at most 5 + 7 + 4 + 6 + 1 files, and a bank used once
    a month still keeps months of history: time passing alone never deletes a backup.
    The newest backup made before an upgrade is kept until a newer upgrade's backup
    exists, then thinned like the rest.

    Days, weeks (ISO, from Monday) and months are those of ``now``'s time zone, so that
    a backup at 00:30 belongs to the day it says on the learner's clock.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    newest_first = sorted(set(stamps), key=lambda s: (s.when, s.reason.value), reverse=True)
    keep = set(newest_first[:RECENT])
    for level, (count, period) in enumerate(_LEVELS):
        taken: set[Hashable] = set()
        # Each level goes on where the one before stopped: past the periods it kept. The
        # recent ones lie in the newest days, which the daily level counts in its own.
        covered = {period(s.when.astimezone(now.tzinfo)) for s in keep} if level else set()
        for stamp in newest_first:
            key = period(stamp.when.astimezone(now.tzinfo))
            if key in covered or key in taken:
                continue
            if len(taken) == count:
                break
            taken.add(key)
            keep.add(stamp)
    upgrades = [s for s in newest_first if s.reason is BackupReason.UPGRADE]
    if upgrades:
        keep.add(upgrades[0])
    return keep
