"""Where reporting stands: each unit's note for a quarter (on time, late, missing, not yet due, invalid), each
task in the government split, one unit's tasks across quarters, one task across quarters, and a period's units x
quarters record with its tasks at the period's end.

Everything here is computed from plain inputs and a given "today" (the records and histories themselves are
defined in check/history.py); `check.repository.gather` reads the repository (and git) to build those inputs.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import NamedTuple

from nq43.check.history import (
    NoteIndex,
    TaskHistory,
    UnitStatus,
    calendar_notices,
    task_history,
    task_report,
    unit_histories,
    unit_record,
)
from nq43.domain.findings import Finding
from nq43.domain.periods import Period
from nq43.domain.records import Directive, Quarter, Task, TaskReport, Unit
from nq43.domain.tasksplit import Tally, standing
from nq43.domain.vocabulary import Standing, State
from nq43.load.calendar import Calendar, DueDate, due_date, reported_quarters
from nq43.load.dates import Submission


class TaskLine(NamedTuple):
    """A task as its unit's note reports it this quarter."""

    task: Task
    unit: Unit
    report: TaskReport | None
    standing: Standing


class QuarterStatus(NamedTuple):
    quarter: Quarter
    today: date
    due: DueDate  # the due date of every unit without an extension of its own
    units: tuple[UnitStatus, ...]
    tasks: tuple[TaskLine, ...]
    tally: Tally
    notices: tuple[Finding, ...] = ()

    @property
    def days_left(self) -> int:
        """Days until the due date (negative once it has passed)."""
        return (self.due.day - self.today).days

    def count(self, state: State) -> int:
        return sum(u.state is state for u in self.units)

    @property
    def submitted(self) -> int:
        return sum(u.state.submitted for u in self.units)

    @property
    def statuses(self) -> tuple[UnitStatus, ...]:
        return self.units


def quarter_status(
    directive: Directive,
    calendar: Calendar,
    quarter: Quarter,
    notes: NoteIndex,
    submissions: Mapping[str, Submission],
    today: date,
) -> QuarterStatus:
    """Every unit's note and every task for `quarter`, as of `today`."""
    units = [unit_record(directive, calendar, u, (quarter,), notes, submissions, today)[0] for u in directive.units]
    by_unit = {u.unit.id: u for u in units}
    lines = []
    for task in directive.tasks:
        owner = directive.unit(task.unit)
        if owner is None:
            continue
        report = task_report(notes.get((owner.id, quarter)), task.id)
        sub = by_unit[owner.id].submission
        lines.append(TaskLine(task, owner, report, standing(task, report, today, sub.day if sub else None)))
    tally = Tally.of((line.standing for line in lines), today)
    notices = _notices(directive, calendar, [quarter], units)
    return QuarterStatus(
        quarter, today, due_date(directive.reporting, calendar, quarter), tuple(units), tuple(lines), tally, notices
    )


def to_remind(status: QuarterStatus) -> tuple[UnitStatus, ...]:
    """The units a reminder letter goes to: no valid note (none, or one that does not validate) and their due
    date past; an invalid note before the due date can still be put right in time."""
    return tuple(u for u in status.units if u.state.failing and status.today > u.due.day)


class UnitHistory(NamedTuple):
    unit: Unit
    today: date
    quarters: tuple[Quarter, ...]
    notes: tuple[UnitStatus, ...]  # one per quarter
    tasks: tuple[TaskHistory, ...]
    notices: tuple[Finding, ...] = ()

    @property
    def statuses(self) -> tuple[UnitStatus, ...]:
        return self.notes


def _notices(
    directive: Directive, calendar: Calendar, quarters: list[Quarter], statuses: Sequence[UnitStatus]
) -> tuple[Finding, ...]:
    """The notices of a view: each note's submission-date notices, then the calendar's."""
    notices = [n for s in statuses if s.submission for n in s.submission.notices]
    return tuple(notices + calendar_notices(directive, calendar, quarters))


def unit_history(
    directive: Directive,
    calendar: Calendar,
    unit: Unit,
    quarters: list[Quarter],
    notes: NoteIndex,
    submissions: Mapping[str, Submission],
    today: date,
) -> UnitHistory:
    """One unit's notes and tasks across `quarters`, so that a stalled task shows at once."""
    record, histories = unit_histories(directive, calendar, unit, quarters, notes, submissions, today)
    notices = _notices(directive, calendar, quarters, record)
    return UnitHistory(unit, today, tuple(quarters), record, histories, notices)


class TaskTrack(NamedTuple):
    """One task across every quarter in the repository (`nq43 status --task`)."""

    today: date
    history: TaskHistory
    notices: tuple[Finding, ...] = ()

    @property
    def statuses(self) -> tuple[UnitStatus, ...]:
        return tuple(e.note for e in self.history.entries)


def task_track(
    directive: Directive,
    calendar: Calendar,
    task: Task,
    quarters: list[Quarter],
    notes: NoteIndex,
    submissions: Mapping[str, Submission],
    today: date,
) -> TaskTrack:
    unit = directive.unit(task.unit)
    assert unit is not None  # the directive's tasks name its units (checked when it is loaded)
    record = unit_record(directive, calendar, unit, quarters, notes, submissions, today)
    history = task_history(task, unit, record, notes, today)
    return TaskTrack(today, history, _notices(directive, calendar, quarters, record))


class PeriodRecord(NamedTuple):
    """A period's units x quarters (`nq43 status --period`, `--year`) and its tasks as they stood at its end."""

    period: Period
    today: date
    quarters: tuple[Quarter, ...]
    rows: tuple[tuple[Unit, tuple[UnitStatus, ...]], ...]
    tasks: tuple[TaskHistory, ...]
    tally: Tally  # the tasks at the end of the period (or today, if sooner), by their latest report
    notices: tuple[Finding, ...] = ()

    @property
    def year(self) -> int:
        return self.period.year

    @property
    def statuses(self) -> tuple[UnitStatus, ...]:
        return tuple(s for _, row in self.rows for s in row)


# What `nq43 status` shows: one quarter, one unit's history, one task's history, or a period. Each view's
# `statuses` are the unit notes it covers, one per unit and quarter.
View = QuarterStatus | UnitHistory | TaskTrack | PeriodRecord


def failing(view: View) -> bool:
    """Whether `nq43 status --check` fails: a note in view is overdue or invalid."""
    return any(s.state.failing for s in view.statuses)


def period_record(
    directive: Directive,
    calendar: Calendar,
    period: Period,
    notes: NoteIndex,
    submissions: Mapping[str, Submission],
    today: date,
) -> PeriodRecord:
    """Units x the quarters of `period`, and every task at the end of the period: as its unit's latest note in
    the period reported it; a partial year (the letter came in its course) from the first quarter it asks for."""
    quarters = list(reported_quarters(directive, period))
    rows = []
    tasks: list[TaskHistory] = []
    for unit in directive.units:
        record, histories = unit_histories(directive, calendar, unit, quarters, notes, submissions, today)
        rows.append((unit, record))
        tasks += histories
    cutoff = min(today, period.last_day)
    tally = Tally.of((t.standing_at(cutoff) for t in tasks), cutoff)
    notices = _notices(directive, calendar, quarters, [s for _, row in rows for s in row])
    return PeriodRecord(period, today, tuple(quarters), tuple(rows), tuple(tasks), tally, notices)
