"""What a six-month or annual report says of its period quarter by quarter, as plain data (`PeriodOverview`).

Pure: built from the directive, the calendar, the period's checked notes by unit and quarter and their
submissions (see check/repository.dated), through the one history of check/history.py: each unit's reporting
record (on time, late, missing), each task quarter by quarter (status, progress, the quarter's "Kết quả"), a task
stalled, the indicators across the quarters. The rest of a period's report (the tasks and the difficulties,
proposals and focus at the end of the period) is the quarter's model (`model.build_context`) applied to each
unit's latest valid note of the period: `latest_selection`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from nq43.check.history import NoteIndex, TaskHistory, UnitStatus, count_state, unit_histories
from nq43.domain.periods import Period
from nq43.domain.records import Directive, Indicator, Note, Quarter, Unit
from nq43.domain.vocabulary import State
from nq43.load.calendar import Calendar, reported_quarters
from nq43.load.dates import Submission
from nq43.report.context import (
    IndicatorOverPeriod,
    PeriodInfo,
    PeriodOverview,
    QuarterInfo,
    QuarterRecord,
    QuarterWork,
    TaskOverPeriod,
    UnitOverPeriod,
)
from nq43.report.document import Markdown
from nq43.report.markdownwrite import normalise
from nq43.report.model import Selection, figure_text, progress_text, status_label
from nq43.support.vietnamese import date_short, number

# A quarter's note counts as missing from the period when it is past its due date without a valid note.
MISSING_STATES = (State.OVERDUE, State.INVALID)


def latest_selection(selections: Sequence[Selection]) -> Selection:
    """The period's selection: each unit's latest valid note among the quarters' selections (oldest first), the
    period's other valid notes, and every invalid note of the period."""
    used: dict[str, Note] = {}
    for selection in selections:
        used.update(selection.used)
    latest = {note.path for note in used.values()}
    earlier = tuple(n for selection in selections for n in selection.used.values() if n.path not in latest)
    return Selection(used, tuple(item for selection in selections for item in selection.invalid), earlier)


def build_overview(
    directive: Directive,
    calendar: Calendar,
    period: Period,
    notes: NoteIndex,
    submissions: Mapping[str, Submission],
    today: date,
    cutoff: date,
) -> PeriodOverview:
    """The period quarter by quarter, each note classified as of `today`, each task's standing as of `cutoff`
    (the report's date); a partial year (the letter came in its course) from the first quarter it asks for."""
    quarters = list(reported_quarters(directive, period))
    infos = tuple(QuarterInfo.of(q) for q in quarters)
    units = []
    histories: list[TaskHistory] = []
    for unit in directive.units:
        record, its_tasks = unit_histories(directive, calendar, unit, quarters, notes, submissions, today)
        histories += its_tasks
        tasks = tuple(_task(history, notes, infos, cutoff) for history in its_tasks)
        units.append(_unit(unit, record, infos, tasks))
    every_task = tuple(t for u in units for t in u.tasks)
    return PeriodOverview(
        quarters=infos,
        next_period=PeriodInfo.of(period.next()),
        units=tuple(units),
        tasks=every_task,
        stalled=tuple(t for t in every_task if t.stalled),
        indicators=_indicators(directive, histories, quarters),
        incomplete_units=tuple(u for u in units if u.missing),
    )


def _task(history: TaskHistory, notes: NoteIndex, quarters: Sequence[QuarterInfo], cutoff: date) -> TaskOverPeriod:
    task, unit = history.task, history.unit
    latest = history.latest
    report = latest.report if latest is not None else None
    state = history.standing_at(cutoff)
    work = []
    for entry, info in zip(history.entries, quarters, strict=True):
        checked = notes.get((unit.id, entry.quarter))
        section = checked.note.section(task.id) if checked is not None and checked.note is not None else None
        results = normalise(section.results) if section is not None and entry.report is not None else Markdown("")
        work.append(
            QuarterWork(
                info, entry.report is not None, status_label(entry.report), progress_text(entry.report), results
            )
        )
    return TaskOverPeriod(
        id=task.id,
        title=task.title,
        unit_id=unit.id,
        unit_name=unit.name,
        unit_short_name=unit.short_name or unit.name,
        deadline_text=date_short(task.deadline) if task.deadline else "",
        reported=latest is not None,
        status_label=status_label(report),
        progress_text=progress_text(report),
        standing_label=state.label.vi,
        stalled=history.stalled,
        stalled_since=_still_since(history, quarters),
        quarters=tuple(work),
    )


def _still_since(history: TaskHistory, quarters: Sequence[QuarterInfo]) -> QuarterInfo | None:
    """The first quarter of the latest reports that left the task as it was (`history.still` of them), None when
    the latest report moved it or finished it."""
    reported = [info for entry, info in zip(history.entries, quarters, strict=True) if entry.report is not None]
    return reported[-history.still] if history.still else None


def _unit(
    unit: Unit, record: Sequence[UnitStatus], quarters: Sequence[QuarterInfo], tasks: tuple[TaskOverPeriod, ...]
) -> UnitOverPeriod:
    def of(*states: State) -> tuple[QuarterInfo, ...]:
        return tuple(info for status, info in zip(record, quarters, strict=True) if status.state in states)

    missing = of(*MISSING_STATES)
    return UnitOverPeriod(
        id=unit.id,
        number=unit.number,
        name=unit.name,
        short_name=unit.short_name or unit.name,
        reported=any(status.state.counted for status in record),
        record=tuple(_record(status, info) for status, info in zip(record, quarters, strict=True)),
        on_time=count_state(record, State.ON_TIME),
        late=count_state(record, State.LATE),
        missing=len(missing),
        on_time_quarters=of(State.ON_TIME),
        late_quarters=of(State.LATE),
        missing_quarters=missing,
        missing_text=quarters_text(missing),
        tasks=tasks,
    )


def _record(status: UnitStatus, quarter: QuarterInfo) -> QuarterRecord:
    sub = status.submission
    shown = sub is not None and sub.day is not None and not sub.pending and status.state.submitted
    day = sub.day if sub is not None else None
    return QuarterRecord(
        quarter, status.state.value, status.state.label.vi, date_short(day) if shown and day is not None else ""
    )


def quarters_text(quarters: Sequence[QuarterInfo]) -> str:
    """ "quý I, quý II năm 2025"; quarters of different years each with their year."""
    if not quarters:
        return ""
    if len({q.year for q in quarters}) == 1:
        return ", ".join(f"quý {q.roman}" for q in quarters) + f" năm {quarters[0].year}"
    return ", ".join(q.label for q in quarters)


def _indicators(
    directive: Directive, histories: Sequence[TaskHistory], quarters: Sequence[Quarter]
) -> tuple[IndicatorOverPeriod, ...]:
    """Each indicator's value in each quarter of the period (from its task's history), with the change from the
    first value reported in the period to the last."""
    by_task = {history.task.id: history for history in histories}
    rows = []
    for indicator in directive.indicators:
        history = by_task.get(indicator.task)
        values = [e.indicators.get(indicator.id) for e in history.entries] if history is not None else []
        values += [None] * (len(quarters) - len(values))
        if any(v is not None for v in values):
            rows.append(_indicator_row(indicator, values))
    return tuple(rows)


def _indicator_row(indicator: Indicator, values: Sequence[float | None]) -> IndicatorOverPeriod:
    reported = [v for v in values if v is not None]
    change = ""
    if len(reported) >= 2:
        delta = reported[-1] - reported[0]
        change = ("+" if delta > 0 else "") + number(delta)
    return IndicatorOverPeriod(
        indicator.id,
        indicator.name,
        indicator.measure,
        tuple(figure_text(v) for v in values),
        change,
        figure_text(indicator.target),
    )
