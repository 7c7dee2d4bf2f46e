"""The body of `nq43 status`, apart from its option parser: the typer CLI and the launcher's fast path both
call `run`, so the everyday status call can start without loading typer (issue 6)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from nq43.errors import Nq43Error
from nq43.terminal import display, echo_err, quarter_option, today

if TYPE_CHECKING:
    from nq43.messages import Lang
    from nq43.status_view import Format


def run(*, quarter: str | None = None, tasks: bool = False, unit: str | None = None, year: int | None = None,
        fmt: Format = "table", check: bool = False, root: Path | None = None, lang: Lang = "vi",
        day: str | None = None) -> int:
    """Show one quarter (units or tasks), one unit's history, or a year's matrix; the exit code for --check."""
    from nq43 import reporters
    from nq43.layout import find_root
    from nq43.models import Quarter
    from nq43.snapshot import remembered_inputs
    from nq43.status import history_quarters, quarter_status, unit_history, year_matrix
    from nq43.status_view import View, check_summary, notices_text, render

    now = today(day)
    if tasks and (unit or year is not None):
        raise Nq43Error("--tasks chỉ dùng khi xem một quý, không kèm --unit hay --year.",
                        "--tasks shows one quarter; it does not go with --unit or --year.")
    if quarter is not None and year is not None:
        raise Nq43Error("Chọn --quarter hoặc --year, không dùng cả hai.", "Give --quarter or --year, not both.")
    if year is not None and not 1900 <= year <= 9999:
        raise Nq43Error(f"Năm {year} không hợp lệ.", f"Year {year} is not valid.")
    chosen = None if quarter is None else quarter_option(quarter)
    year_quarters = None if year is None else [Quarter(year, n) for n in range(1, 5)]
    base = find_root(root)
    if unit is not None:
        inputs = remembered_inputs(base, now, year_quarters, unit)
    elif year_quarters is not None:
        inputs = remembered_inputs(base, now, year_quarters)
    else:
        chosen = chosen or Quarter.containing(now)
        inputs = remembered_inputs(base, now, [chosen])
    directive, calendar = inputs.directive, inputs.calendar
    if directive is None or calendar is None:
        echo_err(reporters.text(inputs.findings, lang))
        return 1
    view: View
    if unit is not None:
        found = directive.unit(unit)
        if found is None:
            known = ", ".join(u.id for u in directive.units)
            raise Nq43Error(f"Không có đơn vị \"{unit}\". Các mã đơn vị: {known}.",
                            f"No unit \"{unit}\". Unit ids: {known}.")
        quarters = year_quarters or history_quarters(now, inputs.quarters, chosen)
        view = unit_history(directive, calendar, found, quarters, inputs.notes, inputs.submissions, now)
    elif year is not None:
        view = year_matrix(directive, calendar, year, inputs.notes, inputs.submissions, now)
    else:
        assert chosen is not None
        view = quarter_status(directive, calendar, chosen, inputs.notes, inputs.submissions, now)
    sys.stdout.write(render(view, fmt, lang, display(sys.stdout.isatty()),
                            resolution=directive.resolution.number, tasks=tasks))
    if fmt == "csv":
        sys.stderr.write(notices_text(view, lang))
    if check and view.failing:
        sys.stderr.write(check_summary(view, lang))
        return 1
    return 0
