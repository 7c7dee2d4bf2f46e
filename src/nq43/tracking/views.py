"""Show where reporting stands: a rich table on a terminal, aligned plain text when piped, JSON, CSV and xlsx.

Each view is laid out as a page (pages.py) that plain text (table.py) or rich (terminal.py) draws; JSON and
CSV (export.py) are built from the status objects themselves, the xlsx workbook (spreadsheet.py) from the CSV's table.
"""

from typing import Literal

from nq43.check.history import count_state
from nq43.domain.vocabulary import State
from nq43.support.text import Lang
from nq43.tracking import wording
from nq43.tracking.export import csv_text, json_text
from nq43.tracking.pages import Display, history_page, notice_lines, period_page, quarter_page, task_page
from nq43.tracking.status import QuarterStatus, TaskTrack, UnitHistory, View
from nq43.tracking.table import plain_page
from nq43.tracking.terminal import rich_page

TextFormat = Literal["table", "json", "csv"]
Format = TextFormat | Literal["xlsx"]


def render(
    view: View, fmt: TextFormat, lang: Lang, display: Display, *, resolution: str = "", tasks: bool = False
) -> str:
    """The view in the chosen format, for the chosen device."""
    if fmt == "json":
        return json_text(view, lang)
    if fmt == "csv":
        return csv_text(view, lang, tasks)
    if isinstance(view, QuarterStatus):
        page = quarter_page(view, display, lang, resolution, tasks)
    elif isinstance(view, UnitHistory):
        page = history_page(view, display, lang)
    elif isinstance(view, TaskTrack):
        page = task_page(view, display, lang)
    else:
        page = period_page(view, display, lang)
    return rich_page(page, display, lang) if display.tty else plain_page(page, display.width, lang)


def check_summary(view: View, lang: Lang) -> str:
    """What `--check` failed on, in one line for a CI log: "2 ghi chú quá hạn chưa nộp, 1 ghi chú có lỗi"."""
    overdue = count_state(view.statuses, State.OVERDUE)
    invalid = count_state(view.statuses, State.INVALID)
    return wording.CHECK_SUMMARY.get(lang, overdue=overdue, invalid=invalid) + "\n"


def notices_text(view: View, lang: Lang) -> str:
    """Notices on their own (stderr, beside CSV, which must stay pure data)."""
    return "".join(line + "\n" for line in notice_lines(view.notices, lang))
