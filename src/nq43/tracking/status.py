"""Where reporting stands: each unit's note for a quarter (on time, late, missing, not yet due, invalid), each
task in the government split, one unit's tasks across quarters, and a year's units x quarters matrix.

Everything here is computed from plain inputs and a given "today"; `gather` at the end is the one function
that reads the repository (and git) to build those inputs.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from nq43.check.repository import check_note_file, note_files
from nq43.domain.findings import CheckedNote, Finding, Severity, finding
from nq43.domain.records import EMPTY_MAP, Directive, Quarter, Task, TaskReport, Unit
from nq43.domain.tasksplit import Tally, standing
from nq43.domain.vocabulary import Standing, State, Status
from nq43.load.calendar import CALENDAR_FILE, Calendar, DueDate, due_date, load_calendar
from nq43.load.directive import load_directive
from nq43.tracking.dates import NO_GIT, GitDates, Submission, git_dates, submission


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
    def failing(self) -> bool:
        return any(u.state.failing for u in self.units)


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
    errors = sum(f.severity is Severity.ERROR for f in note.findings)
    day = sub.day
    if not note.valid or day is None:
        late = max(0, (day - due.day).days) if day is not None else 0
        return UnitStatus(unit, quarter, due, State.INVALID, late, note.path, sub, counts, max(errors, 1))
    if day > due.day:
        return UnitStatus(unit, quarter, due, State.LATE, (day - due.day).days, note.path, sub, counts)
    return UnitStatus(unit, quarter, due, State.ON_TIME, (due.day - day).days, note.path, sub, counts)


def _calendar_notices(calendar: Calendar, years: Iterable[int]) -> list[Finding]:
    return [
        finding(CALENDAR_FILE, 1, 1, "NQ706", year=year) for year in sorted(set(years)) if not calendar.covers(year)
    ]


def _report(note: CheckedNote | None, task_id: str) -> TaskReport | None:
    """What a valid note says of a task; an invalid note is left out, as the consolidated report leaves it."""
    if note is None or note.note is None or not note.valid:
        return None
    return note.note.tasks.get(task_id)


NoteIndex = Mapping[tuple[str, Quarter], CheckedNote]


def quarter_status(
    directive: Directive,
    calendar: Calendar,
    quarter: Quarter,
    notes: NoteIndex,
    submissions: Mapping[str, Submission],
    today: date,
) -> QuarterStatus:
    """Every unit's note and every task for `quarter`, as of `today`."""
    units = []
    for unit in directive.units:
        note = notes.get((unit.id, quarter))
        units.append(
            unit_status(directive, calendar, unit, quarter, note, submissions.get(note.path) if note else None, today)
        )
    by_unit = {u.unit.id: u for u in units}
    lines = []
    for task in directive.tasks:
        owner = directive.unit(task.unit)
        if owner is None:
            continue
        report = _report(notes.get((owner.id, quarter)), task.id)
        sub = by_unit[owner.id].submission
        lines.append(TaskLine(task, owner, report, standing(task, report, today, sub.day if sub else None)))
    tally = Tally.of((line.standing for line in lines), today)
    notices = [n for u in units if u.submission for n in u.submission.notices]
    notices += _calendar_notices(calendar, [due_date(directive.reporting, calendar, quarter).nominal.year])
    return QuarterStatus(
        quarter,
        today,
        due_date(directive.reporting, calendar, quarter),
        tuple(units),
        tuple(lines),
        tally,
        tuple(notices),
    )


def to_remind(status: QuarterStatus) -> tuple[UnitStatus, ...]:
    """The units a reminder letter goes to: no valid note (none, or one that does not validate) and their due
    date past; an invalid note before the due date can still be put right in time."""
    return tuple(u for u in status.units if u.state.failing and status.today > u.due.day)


class TaskHistory(NamedTuple):
    """One task across quarters: what each quarter's note reported, and whether it has stood still."""

    task: Task
    reports: tuple[TaskReport | None, ...]  # one per quarter of the history
    standings: tuple[Standing, ...]
    still: int  # how many of the latest reports in a row left an unfinished task as it was

    @property
    def stalled(self) -> bool:
        return self.still >= 2


class UnitHistory(NamedTuple):
    unit: Unit
    today: date
    quarters: tuple[Quarter, ...]
    notes: tuple[UnitStatus, ...]  # one per quarter
    tasks: tuple[TaskHistory, ...]
    notices: tuple[Finding, ...] = ()

    @property
    def failing(self) -> bool:
        return any(u.state.failing for u in self.notes)


def _still(reports: list[TaskReport | None]) -> int:
    """Count the latest reports that repeat the same unfinished status and progress."""
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
    statuses = []
    for quarter in quarters:
        note = notes.get((unit.id, quarter))
        statuses.append(
            unit_status(directive, calendar, unit, quarter, note, submissions.get(note.path) if note else None, today)
        )
    histories = []
    for task in directive.tasks_of(unit.id):
        reports = [_report(notes.get((unit.id, q)), task.id) for q in quarters]
        stands = tuple(
            standing(task, r, min(today, q.last_day), s.submission.day if s.submission else None)
            for r, q, s in zip(reports, quarters, statuses, strict=True)
        )
        histories.append(TaskHistory(task, tuple(reports), stands, _still(reports)))
    notices = [n for s in statuses if s.submission for n in s.submission.notices]
    notices += _calendar_notices(calendar, [due_date(directive.reporting, calendar, q).nominal.year for q in quarters])
    return UnitHistory(unit, today, tuple(quarters), tuple(statuses), tuple(histories), tuple(notices))


class YearMatrix(NamedTuple):
    year: int
    today: date
    quarters: tuple[Quarter, ...]
    rows: tuple[tuple[Unit, tuple[UnitStatus, ...]], ...]
    notices: tuple[Finding, ...] = ()

    @property
    def failing(self) -> bool:
        return any(s.state.failing for _, row in self.rows for s in row)


# What `nq43 status` shows: one quarter, one unit's history, or a year.
View = QuarterStatus | UnitHistory | YearMatrix


def year_matrix(
    directive: Directive,
    calendar: Calendar,
    year: int,
    notes: NoteIndex,
    submissions: Mapping[str, Submission],
    today: date,
) -> YearMatrix:
    """Units x the four quarters of `year`."""
    quarters = tuple(Quarter(year, n) for n in range(1, 5))
    rows = []
    notices: list[Finding] = []
    for unit in directive.units:
        row = []
        for quarter in quarters:
            note = notes.get((unit.id, quarter))
            status = unit_status(
                directive, calendar, unit, quarter, note, submissions.get(note.path) if note else None, today
            )
            row.append(status)
            if status.submission:
                notices += status.submission.notices
        rows.append((unit, tuple(row)))
    notices += _calendar_notices(calendar, [due_date(directive.reporting, calendar, q).nominal.year for q in quarters])
    return YearMatrix(year, today, quarters, tuple(rows), tuple(notices))


# --- reading the repository (the only part of this module that touches files and git) ---


class Inputs(NamedTuple):
    """What the views need, read from the repository: None and findings when the data cannot be used."""

    directive: Directive | None
    calendar: Calendar | None
    notes: NoteIndex
    submissions: Mapping[str, Submission]
    findings: tuple[Finding, ...]  # why the directive or the calendar cannot be used
    quarters: frozenset[Quarter] = frozenset()  # every quarter any unit has a note for, read or not


def note_place(path: Path) -> tuple[str, Quarter] | None:
    """(unit, quarter) from a note's place, data/units/<unit>/<YYYYQn>.md; None for any other name."""
    try:
        return path.parent.name, Quarter.parse(path.stem)
    except ValueError:
        return None


def gather(
    root: Path,
    today: date,
    quarters: Iterable[Quarter] | None = None,
    unit: str | None = None,
    dates: GitDates | None = None,
) -> Inputs:
    """Read the directive, the calendar and the notes of `quarters` (all, when None) of `unit` (every unit,
    when None), check the notes, and date them from git history (`dates` given: from those)."""
    wanted_quarters = set(quarters) if quarters is not None else None
    files = []
    every: set[Quarter] = set()
    for file in note_files(root)[0]:
        place = note_place(file)
        if place is None:
            continue
        every.add(place[1])
        if unit is not None and place[0] != unit:
            continue
        if wanted_quarters is not None and place[1] not in wanted_quarters:
            continue
        files.append(file)
    directive, directive_findings = load_directive(root)
    if directive is None:
        return Inputs(None, None, {}, {}, tuple(f for f in directive_findings if f.severity is Severity.ERROR))
    calendar, calendar_findings = load_calendar(root, directive)
    if calendar is None:
        return Inputs(directive, None, {}, {}, tuple(calendar_findings))
    checked = [check_note_file(file, root, directive, today) for file in files]
    unit_ids = {u.id for u in directive.units}
    index: dict[tuple[str, Quarter], CheckedNote] = {}
    for note in checked:
        place = note_place(Path(note.path))
        if place is not None and place[0] in unit_ids:
            index[place] = note
    if dates is None:
        folder = unit or "*"
        specs = (
            [f":(glob)data/units/{folder}/{q}.md" for q in sorted(wanted_quarters)]
            if wanted_quarters is not None
            else [f":(glob)data/units/{folder}/*.md"]
        )
        dates = git_dates(root, specs) if index else NO_GIT
    subs = {n.path: submission(n.path, n.note, dates, today) for n in index.values()}
    return Inputs(directive, calendar, MappingProxyType(index), MappingProxyType(subs), (), frozenset(every))
