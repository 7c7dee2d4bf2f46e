"""The `status` command: where reporting stands for a quarter, a unit's history, or a year."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nq43.cli import messages
from nq43.cli.options import LangOpt, LangOption, RootOpt, TodayOpt, lang_code, speaking
from nq43.cli.terminal import display, echo_err, quarter_option, today
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
    year: Annotated[
        int | None, typer.Option("--year", help="Bảng đơn vị x quý của một năm, ví dụ 2025.", show_default=False)
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
    `nq43 status --year 2025 --format csv`, `nq43 status --format xlsx --out tinh-hinh.xlsx` (tệp Excel; xlsx
    luôn cần --out), `nq43 status --check` (cho CI chạy định kỳ).
    """
    view_format: Format = fmt.value  # the option's values are the view's formats
    with speaking(lang):
        return _status(quarter, tasks, unit, year, view_format, out, check, root, lang_code(lang), when)


def _status(
    quarter: str | None,
    tasks: bool,
    unit: str | None,
    year: int | None,
    fmt: Format,
    out: Path | None,
    check: bool,
    root: Path | None,
    lang: Lang,
    day: str | None,
) -> int:
    """Show one quarter (units or tasks), one unit's history, or a year's matrix; the exit code for --check."""
    from nq43.check import reporters
    from nq43.domain.records import Quarter
    from nq43.load.layout import find_root
    from nq43.support.output import write_atomic
    from nq43.tracking.status import View, gather, history_quarters, quarter_status, unit_history, year_matrix
    from nq43.tracking.views import check_summary, notices_text, render

    now = today(day)
    if fmt == "xlsx" and out is None:
        raise UsageError(messages.XLSX_NEEDS_OUT)
    if fmt == "xlsx" and out is not None and out.suffix.lower() != ".xlsx":
        raise UsageError(messages.NOT_XLSX_NAME, path=out, stem=out.stem)
    if tasks and (unit or year is not None):
        raise UsageError(messages.TASKS_ALONE)
    if quarter is not None and year is not None:
        raise UsageError(messages.QUARTER_OR_YEAR)
    if year is not None and not 1900 <= year <= 9999:
        raise UsageError(messages.BAD_YEAR, year=year)
    chosen = None if quarter is None else quarter_option(quarter)
    year_quarters = None if year is None else [Quarter(year, n) for n in range(1, 5)]
    base = find_root(root)
    if unit is not None:
        inputs = gather(base, now, year_quarters, unit)
    elif year_quarters is not None:
        inputs = gather(base, now, year_quarters)
    else:
        chosen = chosen or Quarter.containing(now)
        inputs = gather(base, now, [chosen])
    directive, calendar = inputs.directive, inputs.calendar
    if directive is None or calendar is None:
        echo_err(reporters.text(inputs.findings, lang))
        return 1
    view: View
    if unit is not None:
        found = directive.unit(unit)
        if found is None:
            raise UsageError(messages.NO_SUCH_UNIT, unit=unit, known=", ".join(u.id for u in directive.units))
        quarters = year_quarters or history_quarters(now, inputs.quarters, chosen)
        view = unit_history(directive, calendar, found, quarters, inputs.notes, inputs.submissions, now)
    elif year is not None:
        view = year_matrix(directive, calendar, year, inputs.notes, inputs.submissions, now)
    else:
        assert chosen is not None
        view = quarter_status(directive, calendar, chosen, inputs.notes, inputs.submissions, now)
    shown = display(out is None and sys.stdout.isatty())
    data: str | bytes
    if fmt == "xlsx":
        from nq43.tracking.spreadsheet import workbook_bytes  # openpyxl takes a while to load; only this needs it

        data = workbook_bytes(view, lang, tasks)
    else:
        data = render(view, fmt, lang, shown, resolution=directive.resolution.number, tasks=tasks)
    if out is None:
        assert isinstance(data, str)  # xlsx always has --out
        sys.stdout.write(data)
    else:
        write_atomic(out, data)
        sys.stdout.write(messages.WRITTEN.get(lang, path=out) + "\n")
    if fmt in ("csv", "xlsx"):
        sys.stderr.write(notices_text(view, lang))
    if check and view.failing:
        sys.stderr.write(check_summary(view, lang))
        return 1
    return 0
