"""The status views as an Excel workbook (.xlsx): the CSV's columns and rows (export.table), headed in the reader's
language, with a bold, frozen header row and columns as wide as their content. The only module that uses openpyxl."""

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from nq43.support.text import Lang
from nq43.tracking import wording
from nq43.tracking.export import Table, table
from nq43.tracking.status import QuarterStatus, TaskTrack, UnitHistory, View

# Column widths in characters: wide enough for the longest cell, but no column wider than a screen (a longer
# cell, such as a task title, shows whole in Excel's formula bar).
MIN_WIDTH = 6
MAX_WIDTH = 60


def _sheet_name(view: View, tasks: bool, lang: Lang) -> str:
    if isinstance(view, QuarterStatus):
        return (wording.TASKS_SHEET if tasks else wording.QUARTER_SHEET).get(lang, quarter=view.quarter)
    if isinstance(view, UnitHistory):
        return view.unit.id
    if isinstance(view, TaskTrack):
        return view.history.task.id
    return str(view.period)


def _width(values: list[Any]) -> int:
    longest = max((len(str(v)) for v in values if v is not None), default=0)
    return max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))


def workbook_bytes(view: View, lang: Lang, tasks: bool = False) -> bytes:
    """The view's table as an .xlsx file: numbers stay numbers, yes/no stay TRUE/FALSE, empty cells stay empty."""
    data: Table = table(view, lang, tasks)
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = _sheet_name(view, tasks, lang)
    headings = data.headings(lang)
    sheet.append(headings)
    for row in data.rows:
        sheet.append(data.values(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, heading in enumerate(headings, start=1):
        column = [heading, *(row.get(data.columns[index - 1]) for row in data.rows)]
        sheet.column_dimensions[get_column_letter(index)].width = _width(column)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
