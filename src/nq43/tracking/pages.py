"""What each status page contains, as plain data: headline lines, tables of plain strings, closing lines and
notices. Both text drawings (plain text in table.py, rich in terminal.py) draw the same page, so the terminal
and the pipe say the same thing.
"""

from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple

from nq43.check.history import STALLED_QUARTERS, TaskHistory, UnitStatus, count_state
from nq43.check.reporters import condensed, held_back
from nq43.domain.findings import Finding
from nq43.domain.records import TaskReport
from nq43.domain.vocabulary import State, Status
from nq43.support.text import Lang
from nq43.support.vietnamese import number
from nq43.tracking import wording
from nq43.tracking.status import PeriodRecord, QuarterStatus, TaskTrack, UnitHistory, to_remind
from nq43.tracking.wording import (
    day_text,
    days_text,
    due_line,
    legend,
    percent_text,
    quarter_short,
    quarter_text,
    standing_label,
    state_label,
    status_label,
    submitted_text,
)

# Plain text wraps here when the width is not known (a pipe with no $COLUMNS).
DEFAULT_WIDTH = 100


class Display(NamedTuple):
    """What the output device can show."""

    tty: bool = False  # a terminal: rich table, symbols
    color: bool = False  # colours too (a terminal, and NO_COLOR not set)
    width: int = DEFAULT_WIDTH


class Column(NamedTuple):
    header: str
    justify: Literal["left", "right"] = "left"
    wrap: bool = False  # may wrap onto several lines (at spaces only)
    min_width: int = 0  # narrowest a wrapping column may become (the longest word's width is the floor anyway)


class Table(NamedTuple):
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    styles: tuple[str, ...] = ()  # a rich style per row ("" for none)
    title: str = ""


class Page:
    """A view laid out for output, filled in part by part."""

    __slots__ = ("foot", "head", "notices", "tables")

    def __init__(self) -> None:
        self.head: list[str] = []
        self.tables: list[Table] = []
        self.foot: list[str] = []
        self.notices: list[str] = []


def _state_cell(state: State, display: Display, lang: Lang) -> str:
    label = state_label(state, lang)
    return f"{state.symbol} {label}" if display.tty else label


def notice_lines(notices: Sequence[Finding], lang: Lang) -> list[str]:
    kept, held = condensed(notices)
    lines = [f"{n.path}: {n.code} {n.message(lang)}" for n in kept]
    return lines + held_back(held, lang).splitlines()


def _fix_lines(statuses: Sequence[UnitStatus], lang: Lang) -> list[str]:
    return [wording.FIX.get(lang, path=s.path) for s in statuses if s.state is State.INVALID and s.path]


def headline(view: QuarterStatus, lang: Lang) -> str:
    """How many units have submitted: 5/8 đơn vị đã nộp (đúng hạn 3, muộn 1, có lỗi 1); chưa nộp 3 (quá hạn 3)."""
    text = wording.SUBMITTED.get(lang, n=view.submitted, total=len(view.units))
    if view.submitted:
        text += (
            " ("
            + wording.BREAKDOWN.get(
                lang,
                on_time=view.count(State.ON_TIME),
                late=view.count(State.LATE),
                invalid=view.count(State.INVALID),
            )
            + ")"
        )
    missing = len(view.units) - view.submitted
    if missing:
        text += "; " + wording.MISSING.get(lang, n=missing, overdue=view.count(State.OVERDUE))
    return text


def quarter_page(view: QuarterStatus, display: Display, lang: Lang, resolution: str, tasks: bool) -> Page:
    page = Page()
    page.head.append(
        wording.QUARTER_TITLE.get(
            lang,
            quarter=quarter_text(view.quarter, lang),
            resolution=resolution,
            today=day_text(view.today, lang),
        )
    )
    page.head.append(due_line(view.due, view.today, lang))
    page.head.append(headline(view, lang))
    if tasks:
        page.tables.append(_task_table(view, lang))
    else:
        page.tables.append(_unit_table(view, display, lang))
        page.foot.append(legend(lang))
    page.foot.append(view.tally.sentence(lang))
    page.foot += _fix_lines(view.statuses, lang)
    late = to_remind(view)
    if late:
        page.foot.append(wording.REMIND.get(lang, count=len(late), quarter=view.quarter))
    page.notices = notice_lines(view.notices, lang)
    return page


def _unit_table(view: QuarterStatus, display: Display, lang: Lang) -> Table:
    columns = (
        Column(wording.NO.get(lang), "right"),
        Column(wording.UNIT.get(lang), wrap=True),
        Column(wording.STATE.get(lang)),
        Column(wording.DATE.get(lang), wrap=True, min_width=10),
        Column(wording.DAYS.get(lang), wrap=True, min_width=16),
        *(Column(s.short.get(lang), "right") for s in Status),
    )
    rows = []
    for status in view.units:
        counts = [str(status.counts.get(s, 0)) if status.state.counted else "" for s in Status]
        rows.append(
            (
                str(status.unit.number),
                status.unit.name,
                _state_cell(status.state, display, lang),
                submitted_text(status, lang),
                days_text(status, lang),
                *counts,
            )
        )
    return Table(columns, tuple(rows), tuple(s.state.style for s in view.units))


def _task_table(view: QuarterStatus, lang: Lang) -> Table:
    columns = (
        Column(wording.ID.get(lang)),
        Column(wording.TASK.get(lang), wrap=True),
        Column(wording.UNIT.get(lang), wrap=True),
        Column(wording.REPORTED.get(lang), wrap=True),
        Column(wording.PROGRESS.get(lang), "right"),
        Column(wording.STANDING.get(lang), wrap=True),
    )
    rows = []
    styles = []
    for line in view.tasks:
        report = line.report
        rows.append(
            (
                line.task.id,
                line.task.title,
                line.unit.short_name,
                status_label(report.status if report else None, lang),
                percent_text(report.progress if report else None, lang),
                standing_label(line.standing, lang),
            )
        )
        styles.append(line.standing.style)
    return Table(columns, tuple(rows), tuple(styles))


def _cell(report: TaskReport | None, lang: Lang) -> str:
    if report is None:
        return "—"
    text = report.status.short.get(lang)
    return f"{text} {percent_text(report.progress, lang)}".strip()


def history_page(view: UnitHistory, display: Display, lang: Lang) -> Page:
    page = Page()
    page.head.append(
        wording.HISTORY_TITLE.get(lang, unit=f"{view.unit.name} ({view.unit.id})", today=day_text(view.today, lang))
    )
    quarters = [quarter_short(q, lang) for q in view.quarters]
    notes_table = Table(
        (
            Column(wording.NOTES_ROW.get(lang)),
            Column(wording.STATE.get(lang)),
            Column(wording.DATE.get(lang)),
            Column(wording.DAYS.get(lang), wrap=True),
        ),
        tuple(
            (q, _state_cell(s.state, display, lang), submitted_text(s, lang), days_text(s, lang))
            for q, s in zip(quarters, view.notes, strict=True)
        ),
        tuple(s.state.style for s in view.notes),
    )
    columns = (
        Column(wording.ID.get(lang)),
        Column(wording.TASK.get(lang), wrap=True),
        *(Column(q, wrap=True) for q in quarters),
        Column(wording.REMARK.get(lang), wrap=True),
    )
    rows = []
    styles = []
    for item in view.tasks:
        remark = _stalled_remark(item, display, lang)
        rows.append((item.task.id, item.task.title, *(_cell(r, lang) for r in item.reports), remark))
        styles.append("yellow" if item.stalled else "")
    page.tables += [notes_table, Table(columns, tuple(rows), tuple(styles))]
    page.foot.append(legend(lang))
    page.foot += _stalled_line(view.tasks, lang)
    page.foot += _fix_lines(view.statuses, lang)
    page.notices = notice_lines(view.notices, lang)
    return page


def _year_cell(status: UnitStatus, display: Display, lang: Lang) -> str:
    """A matrix cell: sớm 5 ngày, muộn 2 ngày, quá hạn 3 ngày, còn 89 ngày say the state already; an invalid note
    says so."""
    text = days_text(status, lang)
    if status.state is State.INVALID:
        text = f"{state_label(status.state, lang)} ({text})"
    return f"{status.state.symbol} {text}" if display.tty else text


def _stalled_remark(item: TaskHistory, display: Display, lang: Lang) -> str:
    """Why a task is flagged: unchanged for n quarters, or not started past its deadline."""
    reasons = []
    if item.still >= STALLED_QUARTERS:
        reasons.append(wording.STALLED.get(lang, n=item.still))
    if item.idle:
        reasons.append(wording.IDLE.get(lang))
    remark = "; ".join(reasons)
    return "⚠ " + remark if display.tty and remark else remark


def _stalled_line(tasks: Sequence[TaskHistory], lang: Lang) -> list[str]:
    """The closing line that names the stalled tasks, if any."""
    stalled = [t.task.id for t in tasks if t.stalled]
    return [wording.STALLED_LINE.get(lang, tasks=", ".join(stalled))] if stalled else []


def period_page(view: PeriodRecord, display: Display, lang: Lang) -> Page:
    """Units x quarters with each unit's count of notes on time, late and missing; then the tasks at the end."""
    page = Page()
    label = view.period.label() if lang == "vi" else view.period.label_en()
    title = label[:1].upper() + label[1:]
    page.head.append(wording.PERIOD_TITLE.get(lang, period=title, today=day_text(view.today, lang)))
    columns = (
        Column(wording.NO.get(lang), "right"),
        Column(wording.UNIT.get(lang), wrap=True),
        *(Column(quarter_short(q, lang), wrap=True) for q in view.quarters),
        Column(wording.ON_TIME_COUNT.get(lang), "right"),
        Column(wording.LATE_COUNT.get(lang), "right"),
        Column(wording.MISSING_COUNT.get(lang), "right"),
    )
    rows = tuple(
        (
            str(unit.number),
            unit.name,
            *(_year_cell(s, display, lang) for s in row),
            *(str(count_state(row, state)) for state in (State.ON_TIME, State.LATE, State.OVERDUE)),
        )
        for unit, row in view.rows
    )
    styles = tuple("bold red" if any(s.state.failing for s in row) else "" for _, row in view.rows)
    page.tables.append(Table(columns, rows, styles))
    task_columns = (
        Column(wording.ID.get(lang)),
        Column(wording.TASK.get(lang), wrap=True),
        Column(wording.UNIT.get(lang), wrap=True),
        Column(wording.PROGRESS.get(lang), wrap=True),
        Column(wording.STANDING.get(lang), wrap=True),
        Column(wording.REMARK.get(lang), wrap=True),
    )
    cutoff = view.tally.cutoff
    task_rows = []
    for item in view.tasks:
        latest = item.latest
        report = latest.report if latest is not None else None
        state = item.standing_at(cutoff)
        shown = (
            _cell(report, lang) if latest is None else f"{_cell(report, lang)} ({quarter_short(latest.quarter, lang)})"
        )
        task_rows.append(
            (
                item.task.id,
                item.task.title,
                item.unit.short_name or item.unit.name,
                shown,
                standing_label(state, lang),
                _stalled_remark(item, display, lang),
            )
        )
    styles = tuple("yellow" if t.stalled else "" for t in view.tasks)
    page.tables.append(Table(task_columns, tuple(task_rows), styles, wording.PERIOD_TASKS.get(lang)))
    page.foot.append(view.tally.sentence(lang))
    page.foot += _stalled_line(view.tasks, lang)
    page.foot += _fix_lines(view.statuses, lang)
    page.notices = notice_lines(view.notices, lang)
    return page


def _indicator_text(values: Mapping[str, float], lang: Lang) -> str:
    return "; ".join(f"{key} = {number(value) if lang == 'vi' else f'{value:g}'}" for key, value in values.items())


def task_page(view: TaskTrack, display: Display, lang: Lang) -> Page:
    """One task quarter by quarter: its status and progress, indicators, and its unit's note that quarter."""
    item = view.history
    page = Page()
    page.head.append(
        wording.TASK_TITLE.get(
            lang, task=f"{item.task.id} {item.task.title}", unit=item.unit.name, today=day_text(view.today, lang)
        )
    )
    columns = (
        Column(wording.NOTES_ROW.get(lang)),
        Column(wording.REPORTED.get(lang), wrap=True),
        Column(wording.STANDING.get(lang), wrap=True),
        Column(wording.INDICATORS.get(lang), wrap=True),
        Column(wording.STATE.get(lang), wrap=True),
        Column(wording.DAYS.get(lang), wrap=True),
    )
    rows = tuple(
        (
            quarter_short(e.quarter, lang),
            _cell(e.report, lang),
            standing_label(e.standing, lang),
            _indicator_text(e.indicators, lang),
            _state_cell(e.note.state, display, lang),
            days_text(e.note, lang),
        )
        for e in item.entries
    )
    page.tables.append(Table(columns, rows, tuple(e.note.state.style for e in item.entries)))
    remark = _stalled_remark(item, display, lang)
    if remark:
        page.foot.append(wording.STALLED_LINE.get(lang, tasks=f"{item.task.id} ({remark})"))
    page.foot.append(legend(lang))
    page.foot += _fix_lines(view.statuses, lang)
    page.notices = notice_lines(view.notices, lang)
    return page
