"""A unit's reporting record and a task's history across quarters, as plain data from plain functions.

Defined once here and used by `nq43 status` (tracking) and by the six-month and annual reports (report): per
quarter, the unit's note (on time, late, missing, not yet due, invalid, with the day it counts as submitted, from
git: see load/dates.py), and per task what that note says of it (status, progress, indicators) and how it stands.
A task is stalled when its latest reports leave it unfinished at the same status and progress two quarters or
more in a row, or when its latest report says "chưa thực hiện" after its deadline.

Pure: everything comes in as arguments (the directive, the calendar, the checked notes by unit and quarter, the
submissions, the day in view); nothing is read or written here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from nq43.domain.findings import CheckedNote, Finding, error_count, finding
from nq43.domain.records import EMPTY_MAP, Directive, Quarter, Task, TaskReport, Unit
from nq43.domain.tasksplit import standing
from nq43.domain.vocabulary import Split, Standing, State, Status
from nq43.load.calendar import CALENDAR_FILE, Calendar, DueDate, due_date
from nq43.load.dates import Submission

# The notes of a repository by (unit id, quarter).
NoteIndex = Mapping[tuple[str, Quarter], CheckedNote]

STALLED_QUARTERS = 2  # the same unfinished status and progress this many quarters in a row is a stalled task


class UnitStatus(NamedTuple):
    """One unit's note for one quarter.

    `days` depends on the state: days before the due date (on time; 0 is on the day itself), days after it
    (late, and invalid notes submitted late), days past it (overdue), days left (not yet due).
    """

    unit: Unit
    quarter: Quarter
    due: DueDate
    state: State
    days: int
    path: str | None = None
    submission: Submission | None = None
    counts: Mapping[Status, int] = EMPTY_MAP
    errors: int = 0


def unit_status(
    directive: Directive,
    calendar: Calendar,
    unit: Unit,
    quarter: Quarter,
    note: CheckedNote | None,
    sub: Submission | None,
    today: date,
) -> UnitStatus:
    """Classify one unit's note for one quarter as of `today`."""
    due = due_date(directive.reporting, calendar, quarter, unit.id)
    if note is None or sub is None or sub.pending:
        if today > due.day:
            return UnitStatus(unit, quarter, due, State.OVERDUE, (today - due.day).days, submission=sub)
        return UnitStatus(unit, quarter, due, State.NOT_DUE, (due.day - today).days, submission=sub)
    counts: Mapping[Status, int] = EMPTY_MAP
    if note.note is not None:
        counts = MappingProxyType(dict(Counter(r.status for r in note.note.tasks.values())))
    errors = error_count(note.findings)
    day = sub.day
    if not note.valid or day is None:
        late = max(0, (day - due.day).days) if day is not None else 0
        return UnitStatus(unit, quarter, due, State.INVALID, late, note.path, sub, counts, max(errors, 1))
    if day > due.day:
        return UnitStatus(unit, quarter, due, State.LATE, (day - due.day).days, note.path, sub, counts)
    return UnitStatus(unit, quarter, due, State.ON_TIME, (due.day - day).days, note.path, sub, counts)


def unit_record(
    directive: Directive,
    calendar: Calendar,
    unit: Unit,
    quarters: Sequence[Quarter],
    notes: NoteIndex,
    submissions: Mapping[str, Submission],
    today: date,
) -> tuple[UnitStatus, ...]:
    """A unit's reporting record: its note of each quarter in `quarters`, classified as of `today`."""
    record = []
    for quarter in quarters:
        note = notes.get((unit.id, quarter))
        sub = submissions.get(note.path) if note is not None else None
        record.append(unit_status(directive, calendar, unit, quarter, note, sub, today))
    return tuple(record)


def count_state(record: Iterable[UnitStatus], state: State) -> int:
    """How many quarters of a unit's record are in `state` (on time, late, overdue ...)."""
    return sum(s.state is state for s in record)


def calendar_notices(directive: Directive, calendar: Calendar, quarters: Iterable[Quarter]) -> list[Finding]:
    """A notice for each year whose due dates the calendar does not cover (public holidays unknown)."""
    years = {due_date(directive.reporting, calendar, q).nominal.year for q in quarters}
    return [finding(CALENDAR_FILE, 1, 1, "NQ706", year=year) for year in sorted(years) if not calendar.covers(year)]


def task_report(note: CheckedNote | None, task_id: str) -> TaskReport | None:
    """What a valid note says of a task; an invalid note is left out, as the consolidated report leaves it."""
    if note is None or note.note is None or not note.valid:
        return None
    return note.note.tasks.get(task_id)


class QuarterEntry(NamedTuple):
    """A task in one quarter: what its unit's note said of it, how it stood, and the note itself."""

    quarter: Quarter
    report: TaskReport | None  # None: no valid note that quarter
    standing: Standing
    note: UnitStatus  # the unit's submission that quarter (on time, late, missing ...)

    @property
    def indicators(self) -> Mapping[str, float]:
        return self.report.indicators if self.report is not None else EMPTY_MAP


class TaskHistory(NamedTuple):
    """One task across quarters: what each quarter's note reported, and whether it has stood still."""

    task: Task
    unit: Unit
    entries: tuple[QuarterEntry, ...]  # one per quarter of the history, oldest first
    still: int  # how many of the latest reports in a row left an unfinished task as it was
    idle: bool  # the latest report says "not started" after the deadline

    @property
    def quarters(self) -> tuple[Quarter, ...]:
        return tuple(e.quarter for e in self.entries)

    @property
    def reports(self) -> tuple[TaskReport | None, ...]:
        return tuple(e.report for e in self.entries)

    @property
    def standings(self) -> tuple[Standing, ...]:
        return tuple(e.standing for e in self.entries)

    @property
    def stalled(self) -> bool:
        return self.still >= STALLED_QUARTERS or self.idle

    @property
    def latest(self) -> QuarterEntry | None:
        """The last quarter whose note reported the task."""
        return next((e for e in reversed(self.entries) if e.report is not None), None)

    def standing_at(self, cutoff: date) -> Standing:
        """How the task stands on `cutoff` (say, the end of a period) by its latest report."""
        latest = self.latest
        if latest is None:
            return Standing.NOT_REPORTED
        day = latest.note.submission.day if latest.note.submission is not None else None
        return standing(self.task, latest.report, cutoff, day)


def unchanged_run(reports: Sequence[TaskReport | None]) -> int:
    """Count the latest reports that repeat the same unfinished status and progress (quarters without a report
    are skipped: a missing note does not move a task)."""
    seen = [r for r in reports if r is not None]
    if not seen or not seen[-1].status.facts.split.unfinished:
        return 0
    last = seen[-1]
    run = 1
    for earlier in reversed(seen[:-1]):
        if (earlier.status, earlier.progress) != (last.status, last.progress):
            break
        run += 1
    return run


def task_history(task: Task, unit: Unit, record: Sequence[UnitStatus], notes: NoteIndex, today: date) -> TaskHistory:
    """`task` across the quarters of its unit's `record`; each quarter's standing is taken as of the quarter's
    end (or `today`, for the quarter not yet over)."""
    entries = []
    for status in record:
        quarter = status.quarter
        report = task_report(notes.get((unit.id, quarter)), task.id)
        day = status.submission.day if status.submission is not None else None
        entries.append(QuarterEntry(quarter, report, standing(task, report, min(today, quarter.last_day), day), status))
    last = next((e for e in reversed(entries) if e.report is not None), None)
    idle = (
        last is not None
        and last.report is not None
        and last.report.status.facts.split is Split.NOT_STARTED
        and last.standing is Standing.OVERDUE
    )
    return TaskHistory(task, unit, tuple(entries), unchanged_run([e.report for e in entries]), idle)


def unit_histories(
    directive: Directive,
    calendar: Calendar,
    unit: Unit,
    quarters: Sequence[Quarter],
    notes: NoteIndex,
    submissions: Mapping[str, Submission],
    today: date,
) -> tuple[tuple[UnitStatus, ...], tuple[TaskHistory, ...]]:
    """A unit's reporting record over `quarters`, and the history of each of its tasks across them."""
    record = unit_record(directive, calendar, unit, quarters, notes, submissions, today)
    return record, tuple(task_history(task, unit, record, notes, today) for task in directive.tasks_of(unit.id))


def history_quarters(today: date, notes: Iterable[Quarter], until: Quarter | None = None) -> list[Quarter]:
    """The quarters "so far": from the first quarter any note in the repository is for (the repository's
    first use: reports before it were made on paper) to `until` (the quarter of `today` by default)."""
    last = until or Quarter.containing(today)
    start = min([last, *notes])
    quarters = []
    current = start
    while current <= last:
        quarters.append(current)
        current = current.next()
    return quarters or [last]
