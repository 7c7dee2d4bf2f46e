"""Show where reporting stands: a rich table on a terminal, aligned plain text when piped, JSON and CSV.

Each view is first laid out as a `Page` (headline lines, tables of plain strings, closing lines) that both
text renderers draw, so the terminal and the pipe say the same thing; JSON and CSV are built from the status
objects themselves and carry the same facts.
"""

# Annotations evaluated, not postponed, for NamedTuple's sake: see models.py.

import csv
import io
import json
import textwrap
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal, NamedTuple, assert_never

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text as RichText

from nq43.check.reporters import as_dicts, condensed, held_back
from nq43.domain.findings import Finding
from nq43.domain.records import Quarter, TaskReport
from nq43.domain.vocabulary import Standing, State, Status
from nq43.load.calendar import WEEKDAY_NAMES, WEEKDAY_NAMES_EN, DueDate
from nq43.support.text import Lang, Text
from nq43.support.vietnamese import date_short, number
from nq43.tracking.dates import DateSource
from nq43.tracking.status import QuarterStatus, TaskHistory, UnitHistory, UnitStatus, YearMatrix

Format = Literal["table", "json", "csv"]
View = QuarterStatus | UnitHistory | YearMatrix
# Plain text wraps here when the width is not known (a pipe with no $COLUMNS).
DEFAULT_WIDTH = 100
_MIN_WRAP = 12


class Display(NamedTuple):
    """What the output device can show."""

    tty: bool = False  # a terminal: rich table, symbols
    color: bool = False  # colours too (a terminal, and NO_COLOR not set)
    width: int = DEFAULT_WIDTH


# --- words ---

_WORDS: dict[str, Text] = {
    "title": Text(
        "Tình hình báo cáo {quarter} thực hiện Nghị quyết {resolution}, tính đến ngày {today}",
        "Reporting on Resolution {resolution} for {quarter}, as of {today}",
    ),
    "due": Text("Hạn nộp: {due}", "Due: {due}"),
    "due_before": Text("công văn: trước ngày {before}", "the letter: before {before}"),
    "moved": Text("{day} là {why} nên hạn chuyển sang {due}", "{day} is {why}, so it moves to {due}"),
    "left": Text("còn {n} ngày", "{n} days left"),
    "today_due": Text("hạn là hôm nay", "due today"),
    "past": Text("hạn đã qua {n} ngày", "{n} days past"),
    "submitted": Text("{n}/{total} đơn vị đã nộp", "{n}/{total} units submitted"),
    "breakdown": Text(
        "đúng hạn {on_time}, muộn {late}, có lỗi {invalid}",
        "on time {on_time}, late {late}, invalid {invalid}",
    ),
    "missing": Text("chưa nộp {n} (quá hạn {overdue})", "missing {n} (overdue {overdue})"),
    "no": Text("STT", "No."),
    "unit": Text("Đơn vị", "Unit"),
    "state": Text("Tình trạng", "State"),
    "date": Text("Ngày nộp", "Submitted"),
    "days": Text("Số ngày", "Days"),
    "task": Text("Nhiệm vụ", "Task"),
    "id": Text("Mã", "Id"),
    "reported": Text("Báo cáo", "Reported"),
    "progress": Text("Tiến độ", "Progress"),
    "standing": Text("Phân loại", "Standing"),
    "remark": Text("Ghi chú", "Remark"),
    "early": Text("sớm {n} ngày", "{n} days early"),
    "on_day": Text("đúng ngày hạn", "on the due day"),
    "late": Text("muộn {n} ngày", "{n} days late"),
    "overdue": Text("quá hạn {n} ngày", "{n} days overdue"),
    "extended": Text("gia hạn đến {day}", "extended to {day}"),
    "errors": Text("{n} lỗi", "{n} errors"),
    "declared": Text("ghi chú ghi {day}", "note says {day}"),
    "sample": Text("mẫu", "sample"),
    "fix": Text(
        'Ghi chú {path} có lỗi, chưa được tính: chạy "nq43 validate {path}" để xem lỗi và cách sửa.',
        '{path} is invalid and not counted: run "nq43 validate {path}" for the errors and how to fix them.',
    ),
    "notices": Text("Lưu ý:", "Notices:"),
    "tasks_title": Text("Nhiệm vụ {quarter}, tính đến ngày {today}", "Tasks, {quarter}, as of {today}"),
    "not_reported": Text("Chưa báo cáo", "Not reported"),
    "history_title": Text(
        "{unit}: nhiệm vụ qua các quý, tính đến ngày {today}",
        "{unit}: tasks quarter by quarter, as of {today}",
    ),
    "notes_row": Text("Ghi chú quý", "Quarterly note"),
    "stalled": Text("đứng yên {n} quý", "unchanged for {n} quarters"),
    "stalled_line": Text(
        "Nhiệm vụ đứng yên (báo cáo giống nhau nhiều quý liền): {tasks}.",
        "Stalled tasks (the same report several quarters in a row): {tasks}.",
    ),
    "year_title": Text(
        "Năm {year}: tình hình nộp ghi chú quý của các đơn vị, tính đến ngày {today}",
        "{year}: the units' quarterly notes, as of {today}",
    ),
    "check_summary": Text(
        "nq43 status --check: {overdue} ghi chú quá hạn chưa nộp, {invalid} ghi chú có lỗi.",
        "nq43 status --check: {overdue} note(s) overdue, {invalid} invalid note(s).",
    ),
    "legend": Text("Số nhiệm vụ theo trạng thái đơn vị báo cáo: {items}.", "Tasks by reported status: {items}."),
    "legend_item": Text("{short} {label}", "{short} = {label}"),
}


def _w(key: str, lang: Lang, **args: object) -> str:
    return _WORDS[key].get(lang, **args)


def day_text(day: date | None, lang: Lang) -> str:
    """A date: 10/3/2025 in Vietnamese, ISO in English (so that no reader takes 10/3 for October)."""
    if day is None:
        return ""
    return date_short(day) if lang == "vi" else day.isoformat()


def percent_text(value: float | None, lang: Lang) -> str:
    if value is None:
        return ""
    return f"{number(value)}%" if lang == "vi" else f"{value:g}%"


def quarter_text(quarter: Quarter, lang: Lang) -> str:
    return quarter.label() if lang == "vi" else f"{quarter} (quarter {quarter.number} of {quarter.year})"


def quarter_short(quarter: Quarter, lang: Lang) -> str:
    return f"Quý {quarter.roman}/{quarter.year}" if lang == "vi" else str(quarter)


def state_label(state: State, lang: Lang) -> str:
    return state.label.get(lang)


def status_label(status: Status | None, lang: Lang) -> str:
    if status is None:
        return _w("not_reported", lang)
    return status.label.get(lang)


def standing_label(value: Standing, lang: Lang) -> str:
    return value.label.get(lang)


def legend(lang: Lang) -> str:
    """What the status columns' short headings stand for, one per status."""
    items = (_w("legend_item", lang, short=s.short.get(lang), label=s.label.get(lang).lower()) for s in Status)
    return _w("legend", lang, items=", ".join(items))


def days_text(status: UnitStatus, lang: Lang) -> str:
    """How far from the due date: sớm 2 ngày, muộn 3 ngày, quá hạn 5 ngày, còn 20 ngày; an extension said."""
    n = status.days
    state = status.state
    match state:
        case State.ON_TIME:
            text = _w("early", lang, n=n) if n else _w("on_day", lang)
        case State.LATE:
            text = _w("late", lang, n=n)
        case State.OVERDUE:
            text = _w("overdue", lang, n=n)
        case State.NOT_DUE:
            text = _w("left", lang, n=n) if n else _w("today_due", lang)
        case State.INVALID:
            late = _w("late", lang, n=n) if n else ""
            text = ", ".join(t for t in (_w("errors", lang, n=status.errors), late) if t)
        case _:
            assert_never(state)
    if status.due.extension is not None:
        text += f" ({_w('extended', lang, day=day_text(status.due.day, lang))})"
    return text


def submitted_text(status: UnitStatus, lang: Lang) -> str:
    sub = status.submission
    if sub is None or sub.day is None or sub.pending:
        return ""
    text = day_text(sub.day, lang)
    if sub.disagree and sub.source is DateSource.GIT:
        text += f" ({_w('declared', lang, day=day_text(sub.declared, lang))})"
    return text


def due_line(due: DueDate, today: date, lang: Lang) -> str:
    """The due date, why it is that day, and how far off it is: "Hạn nộp: 10/3/2025 (công văn: trước ngày
    10/3/2025; 9/3/2025 là Chủ nhật nên hạn chuyển sang 10/3/2025), đã quá hạn 2 ngày"."""
    shown = day_text(due.day, lang)
    details = [_w("due_before", lang, before=day_text(due.before, lang))]
    if due.moved_over:
        first, why = due.moved_over[0]
        named = WEEKDAY_NAMES_EN[WEEKDAY_NAMES.index(why)] if why in WEEKDAY_NAMES else f"a day off ({why})"
        details.append(_w("moved", lang, day=day_text(first, lang), why=Text(why, named), due=shown))
    if due.extension is not None:
        details.append(_w("extended", lang, day=shown) + f": {due.extension.reason}")
    left = (due.day - today).days
    when = _w("left", lang, n=left) if left > 0 else _w("today_due", lang) if left == 0 else _w("past", lang, n=-left)
    return f"{_w('due', lang, due=shown)} ({'; '.join(details)}), {when}"


# --- the page: what both text renderers draw ---


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


def _notice_lines(notices: Sequence[Finding], lang: Lang) -> list[str]:
    kept, held = condensed(notices)
    lines = [f"{n.path}: {n.code} {n.message(lang)}" for n in kept]
    return lines + held_back(held, lang).splitlines()


def _fix_lines(statuses: Sequence[UnitStatus], lang: Lang) -> list[str]:
    return [_w("fix", lang, path=s.path) for s in statuses if s.state is State.INVALID and s.path]


def headline(view: QuarterStatus, lang: Lang) -> str:
    """How many units have submitted: 5/8 đơn vị đã nộp (đúng hạn 3, muộn 1, có lỗi 1); chưa nộp 3 (quá hạn 3)."""
    text = _w("submitted", lang, n=view.submitted, total=len(view.units))
    if view.submitted:
        text += (
            " ("
            + _w(
                "breakdown",
                lang,
                on_time=view.count(State.ON_TIME),
                late=view.count(State.LATE),
                invalid=view.count(State.INVALID),
            )
            + ")"
        )
    missing = len(view.units) - view.submitted
    if missing:
        text += "; " + _w("missing", lang, n=missing, overdue=view.count(State.OVERDUE))
    return text


def quarter_page(view: QuarterStatus, display: Display, lang: Lang, resolution: str, tasks: bool) -> Page:
    page = Page()
    page.head.append(
        _w(
            "title",
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
    page.foot += _fix_lines(view.units, lang)
    page.notices = _notice_lines(view.notices, lang)
    return page


def _unit_table(view: QuarterStatus, display: Display, lang: Lang) -> Table:
    columns = (
        Column(_w("no", lang), "right"),
        Column(_w("unit", lang), wrap=True),
        Column(_w("state", lang)),
        Column(_w("date", lang), wrap=True, min_width=10),
        Column(_w("days", lang), wrap=True, min_width=16),
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
        Column(_w("id", lang)),
        Column(_w("task", lang), wrap=True),
        Column(_w("unit", lang), wrap=True),
        Column(_w("reported", lang), wrap=True),
        Column(_w("progress", lang), "right"),
        Column(_w("standing", lang), wrap=True),
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
        _w("history_title", lang, unit=f"{view.unit.name} ({view.unit.id})", today=day_text(view.today, lang))
    )
    quarters = [quarter_short(q, lang) for q in view.quarters]
    notes_table = Table(
        (
            Column(_w("notes_row", lang)),
            Column(_w("state", lang)),
            Column(_w("date", lang)),
            Column(_w("days", lang), wrap=True),
        ),
        tuple(
            (q, _state_cell(s.state, display, lang), submitted_text(s, lang), days_text(s, lang))
            for q, s in zip(quarters, view.notes, strict=True)
        ),
        tuple(s.state.style for s in view.notes),
    )
    columns = (
        Column(_w("id", lang)),
        Column(_w("task", lang), wrap=True),
        *(Column(q, wrap=True) for q in quarters),
        Column(_w("remark", lang), wrap=True),
    )
    rows = []
    styles = []
    for item in view.tasks:
        remark = _w("stalled", lang, n=item.still) if item.stalled else ""
        if display.tty and remark:
            remark = "⚠ " + remark
        rows.append((item.task.id, item.task.title, *(_cell(r, lang) for r in item.reports), remark))
        styles.append("yellow" if item.stalled else "")
    page.tables += [notes_table, Table(columns, tuple(rows), tuple(styles))]
    page.foot.append(legend(lang))
    stalled = [t.task.id for t in view.tasks if t.stalled]
    if stalled:
        page.foot.append(_w("stalled_line", lang, tasks=", ".join(stalled)))
    page.foot += _fix_lines(view.notes, lang)
    page.notices = _notice_lines(view.notices, lang)
    return page


def _year_cell(status: UnitStatus, display: Display, lang: Lang) -> str:
    """A matrix cell: sớm 5 ngày, muộn 2 ngày, quá hạn 3 ngày, còn 89 ngày say the state already; an invalid note
    says so."""
    text = days_text(status, lang)
    if status.state is State.INVALID:
        text = f"{state_label(status.state, lang)} ({text})"
    return f"{status.state.symbol} {text}" if display.tty else text


def year_page(view: YearMatrix, display: Display, lang: Lang) -> Page:
    page = Page()
    page.head.append(_w("year_title", lang, year=view.year, today=day_text(view.today, lang)))
    columns = (
        Column(_w("no", lang), "right"),
        Column(_w("unit", lang), wrap=True),
        *(Column(quarter_short(q, lang), wrap=True) for q in view.quarters),
    )
    rows = tuple((str(unit.number), unit.name, *(_year_cell(s, display, lang) for s in row)) for unit, row in view.rows)
    styles = tuple("bold red" if any(s.state.failing for s in row) else "" for _, row in view.rows)
    page.tables.append(Table(columns, rows, styles))
    page.foot += _fix_lines([s for _, row in view.rows for s in row], lang)
    page.notices = _notice_lines(view.notices, lang)
    return page


# --- drawing a page ---


def text_width(text: str) -> int:
    """Columns a string takes on a terminal: combining marks none, wide (CJK, emoji) characters two."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Wrap at spaces only: a Vietnamese word (or a code, a path) is never cut; a longer one overflows."""
    if text_width(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def _fit(table: Table, width: int) -> list[int] | None:
    """Column widths that fit `width` by narrowing the wrapping columns, widest first; None when even the
    narrowest layout would have to cut a word (then the table is drawn as a list of records)."""
    cells = [[c.header, *(row[i] for row in table.rows)] for i, c in enumerate(table.columns)]
    natural = [max(text_width(cell) for cell in column) for column in cells]
    floor = [
        min(natural[i], max(_MIN_WRAP, c.min_width, *(text_width(w) for cell in cells[i] for w in cell.split())))
        if c.wrap
        else natural[i]
        for i, c in enumerate(table.columns)
    ]
    gaps = 2 * (len(natural) - 1)
    if sum(floor) + gaps > width:
        return None
    widths = list(natural)
    while sum(widths) + gaps > width:
        widest = max(
            (i for i, c in enumerate(table.columns) if c.wrap and widths[i] > floor[i]), key=lambda i: widths[i]
        )
        widths[widest] -= 1
    return widths


def records(table: Table, width: int) -> list[tuple[str, str]]:
    """A table too wide for the screen as one block per row: "1. Name", then "Header: value" lines (with the
    row's style), each wrapped at spaces."""
    out: list[tuple[str, str]] = []
    for index, row in enumerate(table.rows):
        style = table.styles[index] if index < len(table.styles) else ""
        if index:
            out.append(("", ""))
        first = ". ".join(cell for cell in row[:2] if cell)
        out += [(line, style) for line in wrap(first, width)]
        for column, cell in zip(table.columns[2:], row[2:], strict=True):
            if cell:
                out += [("   " + line, style) for line in wrap(f"{column.header}: {cell}", width - 3)]
    return out


def plain_table(table: Table, width: int) -> list[str]:
    widths = _fit(table, width)
    if widths is None:
        return [line for line, _ in records(table, width)]
    fitted = widths
    out = []

    def draw(cells: Sequence[str]) -> None:
        wrapped = [wrap(cell, w) if c.wrap else [cell] for cell, w, c in zip(cells, fitted, table.columns, strict=True)]
        for n in range(max(len(lines) for lines in wrapped)):
            parts = []
            for lines, w, c in zip(wrapped, fitted, table.columns, strict=True):
                cell = lines[n] if n < len(lines) else ""
                pad = " " * max(0, w - text_width(cell))
                parts.append(pad + cell if c.justify == "right" else cell + pad)
            out.append("  ".join(parts).rstrip())

    draw([c.header for c in table.columns])
    out.append("  ".join("-" * w for w in fitted))
    for row in table.rows:
        draw(row)
    return out


def _paragraph(text: str, width: int) -> list[str]:
    return wrap(text, width)


def plain_page(page: Page, width: int, lang: Lang) -> str:
    lines: list[str] = []
    for text in page.head:
        lines += _paragraph(text, width)
    for table in page.tables:
        lines.append("")
        lines += plain_table(table, width)
    if page.foot:
        lines.append("")
        for text in page.foot:
            lines += _paragraph(text, width)
    if page.notices:
        lines += ["", _w("notices", lang)]
        for text in page.notices:
            lines += ["  " + part for part in _paragraph(text, width - 2)]
    return "\n".join(lines) + "\n"


def rich_page(page: Page, display: Display, lang: Lang) -> str:
    """The page drawn by rich for a terminal: boxed tables, colours unless NO_COLOR, wrapped to the width."""
    out = io.StringIO()
    console = Console(
        file=out,
        width=display.width,
        force_terminal=display.color,
        no_color=not display.color,
        color_system="standard" if display.color else None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    for i, text in enumerate(page.head):
        console.print(RichText(text, style="bold" if i == 0 else ""))
    for table in page.tables:
        # rich draws a one-character divider between columns besides the padding that plain text has
        widths = _fit(table, display.width - (len(table.columns) - 1))
        if widths is None:
            console.print()
            for line, style in records(table, display.width):
                console.print(RichText(line, style=style), no_wrap=True)
            continue
        drawn = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title=table.title or None)
        for column, width in zip(table.columns, widths, strict=True):
            drawn.add_column(
                column.header, justify=column.justify, width=width, no_wrap=not column.wrap, overflow="fold"
            )
        for i, row in enumerate(table.rows):
            drawn.add_row(*row, style=(table.styles[i] if i < len(table.styles) else "") or None)
        console.print(drawn)
    for text in page.foot:
        console.print(RichText(text))
    if page.notices:
        console.print()
        console.print(RichText(_w("notices", lang), style="bold"))
        for text in page.notices:
            console.print(RichText("  " + text, style="yellow"))
    return out.getvalue()


# --- facts for scripts: JSON and CSV ---


def _day(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _due_dict(due: DueDate, today: date) -> dict[str, Any]:
    ext = due.extension
    return {
        "date": _day(due.day),
        "before": _day(due.before),
        "nominal": _day(due.nominal),
        "moved_over": [{"date": _day(d), "reason": why} for d, why in due.moved_over],
        "extension": None
        if ext is None
        else {"until": _day(ext.until), "reason": ext.reason, "reference": ext.reference},
        "days_left": (due.day - today).days,
    }


def unit_dict(status: UnitStatus, lang: Lang) -> dict[str, Any]:
    sub = status.submission
    counted = sub is not None and not sub.pending
    return {
        "unit": status.unit.id,
        "number": status.unit.number,
        "name": status.unit.name,
        "quarter": str(status.quarter),
        "state": status.state.value,
        "state_label": state_label(status.state, lang),
        "days": status.days,
        "days_text": days_text(status, lang),
        "due": _day(status.due.day),
        "extension": None if status.due.extension is None else _day(status.due.extension.until),
        "path": status.path,
        "submitted": _day(sub.day) if sub is not None and counted else None,
        "date_source": sub.source.value if sub is not None and counted else None,
        "landed": _day(sub.landed) if sub is not None else None,
        "declared": _day(sub.declared) if sub is not None else None,
        "dates_disagree": bool(sub and sub.disagree),
        "changes": [_day(day) for day in sub.changes] if sub is not None else [],  # later changes, each dated
        "errors": status.errors,
        "tasks": {s.value: status.counts.get(s, 0) for s in Status} if status.state.submitted else None,
    }


def _notices(notices: Sequence[Finding], lang: Lang) -> list[dict[str, Any]]:
    return as_dicts(notices, lang)


def _tally_dict(view: QuarterStatus, lang: Lang) -> dict[str, Any]:
    return {
        "total": view.tally.total,
        **{s.value: view.tally.counts[s] for s in Standing},
        "sentence": view.tally.sentence(lang),
    }


def _task_dict(view: QuarterStatus, lang: Lang) -> list[dict[str, Any]]:
    return [
        {
            "task": line.task.id,
            "unit": line.unit.id,
            "title": line.task.title,
            "status": line.report.status.value if line.report else None,
            "status_label": status_label(line.report.status if line.report else None, lang),
            "progress": line.report.progress if line.report else None,
            "standing": line.standing.value,
            "standing_label": standing_label(line.standing, lang),
        }
        for line in view.tasks
    ]


def _history_task(item: TaskHistory, quarters: Sequence[Quarter], lang: Lang) -> dict[str, Any]:
    return {
        "task": item.task.id,
        "title": item.task.title,
        "stalled": item.stalled,
        "unchanged_quarters": item.still,
        "quarters": [
            {
                "quarter": str(q),
                "status": r.status.value if r else None,
                "status_label": status_label(r.status if r else None, lang),
                "progress": r.progress if r else None,
                "standing": s.value,
            }
            for q, r, s in zip(quarters, item.reports, item.standings, strict=True)
        ],
    }


def as_data(view: View, lang: Lang) -> dict[str, Any]:
    if isinstance(view, QuarterStatus):
        return {
            "view": "quarter",
            "quarter": str(view.quarter),
            "today": _day(view.today),
            "due": _due_dict(view.due, view.today),
            "submitted": view.submitted,
            "units_total": len(view.units),
            "states": {s.value: view.count(s) for s in State},
            "units": [unit_dict(u, lang) for u in view.units],
            "tasks": _task_dict(view, lang),
            "tally": _tally_dict(view, lang),
            "notices": _notices(view.notices, lang),
        }
    if isinstance(view, UnitHistory):
        return {
            "view": "unit",
            "unit": view.unit.id,
            "name": view.unit.name,
            "today": _day(view.today),
            "quarters": [str(q) for q in view.quarters],
            "notes": [unit_dict(s, lang) for s in view.notes],
            "tasks": [_history_task(t, view.quarters, lang) for t in view.tasks],
            "notices": _notices(view.notices, lang),
        }
    return {
        "view": "year",
        "year": view.year,
        "today": _day(view.today),
        "quarters": [str(q) for q in view.quarters],
        "units": [
            {"unit": unit.id, "number": unit.number, "name": unit.name, "quarters": [unit_dict(s, lang) for s in row]}
            for unit, row in view.rows
        ],
        "notices": _notices(view.notices, lang),
    }


def json_text(view: View, lang: Lang) -> str:
    return json.dumps(as_data(view, lang), ensure_ascii=False, indent=2) + "\n"


_UNIT_FIELDS = (
    "quarter",
    "unit",
    "number",
    "name",
    "state",
    "state_label",
    "days",
    "days_text",
    "due",
    "extension",
    "submitted",
    "date_source",
    "landed",
    "declared",
    "dates_disagree",
    "errors",
    *(s.value for s in Status),
    "path",
)


def _unit_row(status: UnitStatus, lang: Lang) -> dict[str, Any]:
    data = unit_dict(status, lang)
    counts = data.pop("tasks") or {}
    return {**data, **{s.value: counts.get(s.value, "") for s in Status}}


def csv_text(view: View, lang: Lang, tasks: bool = False) -> str:
    """One row per unit (quarter view), per task (--tasks), per task and quarter (--unit), per unit and
    quarter (--year); the same facts as the table."""
    out = io.StringIO()
    rows: list[dict[str, Any]]
    if isinstance(view, QuarterStatus) and tasks:
        rows = [{"quarter": str(view.quarter), **row} for row in _task_dict(view, lang)]
        fields: Sequence[str] = (
            "quarter",
            "task",
            "unit",
            "title",
            "status",
            "status_label",
            "progress",
            "standing",
            "standing_label",
        )
    elif isinstance(view, QuarterStatus):
        rows = [_unit_row(u, lang) for u in view.units]
        fields = _UNIT_FIELDS
    elif isinstance(view, UnitHistory):
        notes = {s.quarter: s for s in view.notes}
        rows = []
        for item in view.tasks:
            data = _history_task(item, view.quarters, lang)
            for cell in data["quarters"]:
                note = notes[Quarter.parse(cell["quarter"])]
                rows.append(
                    {
                        "unit": view.unit.id,
                        "task": item.task.id,
                        "title": item.task.title,
                        **cell,
                        "note_state": note.state.value,
                        "note_days": note.days,
                        "stalled": item.stalled,
                    }
                )
        fields = (
            "unit",
            "task",
            "title",
            "quarter",
            "status",
            "status_label",
            "progress",
            "standing",
            "note_state",
            "note_days",
            "stalled",
        )
    else:
        rows = [_unit_row(s, lang) for _, row in view.rows for s in row]
        fields = _UNIT_FIELDS
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {k: ("" if v is None else str(v).lower() if isinstance(v, bool) else v) for k, v in row.items()}
        )
    return out.getvalue()


def render(view: View, fmt: Format, lang: Lang, display: Display, *, resolution: str = "", tasks: bool = False) -> str:
    """The view in the chosen format, for the chosen device."""
    if fmt == "json":
        return json_text(view, lang)
    if fmt == "csv":
        return csv_text(view, lang, tasks)
    if isinstance(view, QuarterStatus):
        page = quarter_page(view, display, lang, resolution, tasks)
    elif isinstance(view, UnitHistory):
        page = history_page(view, display, lang)
    else:
        page = year_page(view, display, lang)
    return rich_page(page, display, lang) if display.tty else plain_page(page, display.width, lang)


def _statuses(view: View) -> list[UnitStatus]:
    if isinstance(view, QuarterStatus):
        return list(view.units)
    if isinstance(view, UnitHistory):
        return list(view.notes)
    return [s for _, row in view.rows for s in row]


def check_summary(view: View, lang: Lang) -> str:
    """What `--check` failed on, in one line for a CI log: "2 ghi chú quá hạn chưa nộp, 1 ghi chú có lỗi"."""
    statuses = _statuses(view)
    overdue = sum(s.state is State.OVERDUE for s in statuses)
    invalid = sum(s.state is State.INVALID for s in statuses)
    return _w("check_summary", lang, overdue=overdue, invalid=invalid) + "\n"


def notices_text(view: View, lang: Lang) -> str:
    """Notices on their own (stderr, beside CSV, which must stay pure data)."""
    return "".join(line + "\n" for line in _notice_lines(view.notices, lang))
