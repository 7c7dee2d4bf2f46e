"""The `status` command: where reporting stands for a quarter, a unit's history, or a year."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from nq43.cli import messages
from nq43.cli.options import LangOpt, LangOption, RootOpt, TodayOpt, lang_code, speaking
from nq43.cli.terminal import display, echo_err, period_option, quarter_option, today
from nq43.domain.periods import Quarter
from nq43.support.errors import UsageError
from nq43.support.text import Lang

if TYPE_CHECKING:  # the core is loaded when the command runs, not for `nq43 --help` or another command
    from nq43.tracking.views import Format


class StatusFormatOption(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


def status(
    quarter: Annotated[
        str | None,
        typer.Option("--quarter", help="Quý cần xem, ví dụ 2025Q1. Mặc định: quý hiện tại.", show_default=False),
    ] = None,
    tasks: Annotated[
        bool, typer.Option("--tasks", help="Xem từng nhiệm vụ (phân loại theo mẫu báo cáo) thay cho từng đơn vị.")
    ] = False,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Một đơn vị qua các quý, ví dụ qldt.", show_default=False)
    ] = None,
    task: Annotated[
        str | None,
        typer.Option(
            "--task", help="Một nhiệm vụ qua các quý, ví dụ 2.2 (đánh dấu nhiệm vụ đứng yên).", show_default=False
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Một kỳ: 2025H1 (6 tháng), 2025 (năm) hoặc một quý; từng đơn vị nộp đúng hạn, muộn, thiếu quý nào "
            "và các nhiệm vụ đến cuối kỳ.",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="Cả năm, ví dụ 2025 (như --period 2025).", show_default=False),
    ] = None,
    fmt: Annotated[
        StatusFormatOption,
        typer.Option(
            "--format", help="table (bảng), json, csv (mở được bằng Excel), hoặc xlsx (tệp Excel, cần --out)."
        ),
    ] = StatusFormatOption.table,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Ghi vào tệp này thay vì in ra màn hình; bắt buộc với --format xlsx, ví dụ --out tinh-hinh.xlsx.",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Thoát với mã 1 khi có đơn vị quá hạn chưa nộp hoặc ghi chú có lỗi.")
    ] = False,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    when: TodayOpt = None,
) -> int:
    """Xem tình hình nộp ghi chú quý: đơn vị nào đã nộp, nộp muộn, quá hạn; nhiệm vụ nào đến đâu.

    Hạn nộp là hết ngày 9 của tháng cuối quý ("trước ngày 10"), dời sang ngày làm việc kế tiếp nếu trùng ngày
    nghỉ, và theo gia hạn ghi trong data/calendar.yaml. Ngày nộp là ngày ghi chú vào nhánh git hiện tại (ngoài
    git: trường submitted).

    Ví dụ: `nq43 status`, `nq43 status --quarter 2025Q1 --tasks`, `nq43 status --unit qldt`,
    `nq43 status --task 2.2`, `nq43 status --period 2025H1`, `nq43 status --year 2025 --format csv`,
    `nq43 status --format xlsx --out tinh-hinh.xlsx` (tệp Excel; xlsx
    luôn cần --out), `nq43 status --check` (cho CI chạy định kỳ).
    """
    view_format: Format = fmt.value  # the option's values are the view's formats
    with speaking(lang):
        chosen = _View(quarter, tasks, unit, task, period, year)
        return _status(chosen, view_format, out, check, root, lang_code(lang), when)


class _View(NamedTuple):
    """Which view the options ask for."""

    quarter: str | None
    tasks: bool
    unit: str | None
    task: str | None
    period: str | None
    year: int | None


def _status(
    asked: _View,
    fmt: Format,
    out: Path | None,
    check: bool,
    root: Path | None,
    lang: Lang,
    day: str | None,
) -> int:
    """Show one quarter (units or tasks), one unit's or one task's history, or a period's record; the exit code
    for --check."""
    from nq43.check import reporters
    from nq43.check.history import history_quarters
    from nq43.check.repository import gather
    from nq43.domain.periods import Period, PeriodKind
    from nq43.load.layout import find_root
    from nq43.support.output import write_atomic
    from nq43.tracking.status import View, failing, period_record, quarter_status, task_track, unit_history
    from nq43.tracking.views import check_summary, notices_text, render

    now = today(day)
    if fmt == "xlsx" and out is None:
        raise UsageError(messages.XLSX_NEEDS_OUT)
    if fmt == "xlsx" and out is not None and out.suffix.lower() != ".xlsx":
        raise UsageError(messages.NOT_XLSX_NAME, path=out, stem=out.stem)
    if asked.tasks and (asked.unit or asked.task or asked.year is not None or asked.period is not None):
        raise UsageError(messages.TASKS_ALONE)
    if asked.unit and asked.task:
        raise UsageError(messages.TASK_OR_UNIT)
    if sum(x is not None for x in (asked.quarter, asked.period, asked.year)) > 1:
        raise UsageError(messages.QUARTER_OR_YEAR)
    if asked.year is not None and not 1900 <= asked.year <= 9999:
        raise UsageError(messages.BAD_YEAR, year=asked.year)
    chosen = None if asked.quarter is None else quarter_option(asked.quarter)
    span = period_option(asked.period) if asked.period is not None else None
    if asked.year is not None:
        span = Period(PeriodKind.YEAR, asked.year)
    if span is not None and span.quarter is not None:  # --period 2025Q1 is the quarter's view
        chosen, span = span.quarter, None
    span_quarters = None if span is None else list(span.quarters())
    base = find_root(root)
    if asked.unit is not None:
        inputs = gather(base, now, span_quarters, asked.unit)
    elif asked.task is not None or span_quarters is not None:
        inputs = gather(base, now, span_quarters)
    else:
        chosen = chosen or Quarter.containing(now)
        inputs = gather(base, now, [chosen])
    directive, calendar = inputs.directive, inputs.calendar
    if directive is None or calendar is None:
        echo_err(reporters.text(inputs.findings, lang))
        return 1
    notes, submissions = inputs.notes, inputs.submissions
    # a unit's or a task's history: the period's quarters, or every quarter so far
    quarters = span_quarters or history_quarters(now, inputs.quarters, chosen)
    view: View
    if asked.task is not None:
        found_task = directive.task(asked.task)
        if found_task is None:
            raise UsageError(messages.NO_SUCH_TASK, task=asked.task, known=", ".join(t.id for t in directive.tasks))
        view = task_track(directive, calendar, found_task, quarters, notes, submissions, now)
    elif asked.unit is not None:
        found = directive.unit(asked.unit)
        if found is None:
            raise UsageError(messages.NO_SUCH_UNIT, unit=asked.unit, known=", ".join(u.id for u in directive.units))
        view = unit_history(directive, calendar, found, quarters, notes, submissions, now)
    elif span is not None:
        view = period_record(directive, calendar, span, notes, submissions, now)
    else:
        assert chosen is not None
        view = quarter_status(directive, calendar, chosen, notes, submissions, now)
    shown = display(out is None and sys.stdout.isatty())
    data: str | bytes
    if fmt == "xlsx":
        from nq43.tracking.spreadsheet import workbook_bytes  # openpyxl takes a while to load; only this needs it

        data = workbook_bytes(view, lang, asked.tasks)
    else:
        resolution = directive.resolution.number
        data = render(view, fmt, lang, shown, resolution=resolution, tasks=asked.tasks)
    if out is None:
        assert isinstance(data, str)  # xlsx always has --out
        sys.stdout.write(data)
    else:
        write_atomic(out, data)
        sys.stdout.write(messages.WRITTEN.get(lang, path=out) + "\n")
    if fmt in ("csv", "xlsx"):
        sys.stderr.write(notices_text(view, lang))
    if check and failing(view):
        sys.stderr.write(check_summary(view, lang))
        return 1
    return 0
