"""The Word form of a unit's quarterly note (`nq43 new --docx`), for units that write in Word.

The form holds what the Markdown skeleton holds (submission/skeleton.py), in the look of Decree 30 (Times New
Roman, A4): a header table (unit, quarter, who prepared and approved it, the day it is sent), a task table
(one row per task: its status as a drop-down list of the Vietnamese labels, progress, completion date,
indicators), and per task a heading with the sections to write, each with a grey hint line. Last quarter's
statuses, progress and indicators are filled in. Styles carry the structure (headings, a table style, the
hint style), so what a clerk types takes the look of its place. load/formread.py reads it back.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, time
from xml.sax.saxutils import quoteattr

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell

from nq43.domain.records import Amendment, Directive, Note, Quarter, Task, TaskReport, Unit
from nq43.domain.vocabulary import Status
from nq43.load import formwords as words
from nq43.load.notes import DIFFICULTIES, NEXT_QUARTER_HEADING, PROPOSALS, RESULTS
from nq43.submission.skeleton import opening
from nq43.support.vietnamese import number
from nq43.support.zippack import repack

FONT = "Times New Roman"
CELL_STYLE = "Ô biểu mẫu"
BODY_STYLE = "Nội dung biểu mẫu"
LABEL_STYLE = "Nhãn biểu mẫu"
# Widths of the task table's columns, in millimetres: 165 mm of text on A4 with margins of 30 and 15 mm.
_WIDTHS = (12, 43, 29, 16, 24, 41)
_GREY = RGBColor(0x70, 0x70, 0x70)


def form(
    directive: Directive,
    unit: Unit,
    quarter: Quarter,
    prepared_by: str = "",
    *,
    previous: Note | None = None,
    amends: Sequence[Amendment] = (),
) -> bytes:
    """The .docx of the form for `unit` and `quarter`, carrying forward `previous` (the unit's last note);
    `amends` fills the corrections table (a form made after the quarter's report was issued), else it is
    left with one empty row."""
    document = Document()
    _page(document)
    _styles(document)
    _core_properties(document, unit, quarter)
    document.add_paragraph(words.TITLE_TEXT.format(quarter=quarter), style="Title")
    document.add_paragraph(unit.name, style="Subtitle")
    _header(document, unit, quarter, prepared_by)
    document.add_paragraph(words.PART_TASKS, style="Heading 1")
    _hint(document, words.HINT_TASKS)
    if previous is not None and previous.quarter is not None:
        _hint(document, words.HINT_CARRIED.format(quarter=previous.quarter))
    _task_table(document, directive, unit, previous)
    document.add_paragraph(words.PART_BODY, style="Heading 1")
    for task in directive.tasks_of(unit.id):
        document.add_paragraph(f"{task.id}. {task.title}", style="Heading 2")
        for heading, hint in (
            (RESULTS, words.HINT_RESULTS),
            (DIFFICULTIES, words.HINT_DIFFICULTIES),
            (PROPOSALS, words.HINT_PROPOSALS),
        ):
            document.add_paragraph(heading, style="Heading 3")
            _hint(document, hint)
            document.add_paragraph("", style=BODY_STYLE)
    document.add_paragraph(NEXT_QUARTER_HEADING, style="Heading 2")
    _hint(document, words.HINT_NEXT)
    document.add_paragraph("", style=BODY_STYLE)
    _amends(document, amends)
    out = io.BytesIO()
    document.save(out)
    return repack(out.getvalue())  # the same form always gives the same bytes


def _core_properties(document: DocumentObject, unit: Unit, quarter: Quarter) -> None:
    """Everything from the form's unit and quarter, nothing from the clock or python-docx's template."""
    core = document.core_properties
    core.title = f"Ghi chú quý {quarter} của {unit.name}"
    core.author = core.last_modified_by = "nq43"
    core.subject = core.comments = core.category = core.keywords = ""
    core.revision = 1
    core.created = core.modified = datetime.combine(quarter.first_day, time(0, 0))
    core.language = "vi-VN"


def _page(document: DocumentObject) -> None:
    """A4 portrait with the margins of Decree 30 (top and bottom 20 mm, left 30 mm, right 15 mm)."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)


def _font(style: BaseStyle, size: float, *, bold: bool = False, italic: bool = False) -> None:
    """Times New Roman for every script (no theme font left to override it), black unless said otherwise."""
    font = style.font  # type: ignore[attr-defined]
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    font.color.rgb = RGBColor(0, 0, 0)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)


def _styles(document: DocumentObject) -> None:
    styles = document.styles
    _font(styles["Normal"], 13)
    # Normal is plain (left, no indent): what a clerk pastes, tables above all, keeps a tidy look; the text
    # typed in a section takes the body style (justified, first line indented, as Decree 30's text)
    normal = styles["Normal"].paragraph_format
    normal.space_after, normal.first_line_indent = Pt(6), Mm(0)
    normal.alignment = WD_ALIGN_PARAGRAPH.LEFT
    body = styles.add_style(BODY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = styles["Normal"]
    body.next_paragraph_style = body
    body.paragraph_format.first_line_indent = Mm(10)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size, bold, italic, align in (
        ("Title", 14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Subtitle", 13, False, True, WD_ALIGN_PARAGRAPH.CENTER),
        ("Heading 1", 13, True, False, WD_ALIGN_PARAGRAPH.LEFT),
        ("Heading 2", 13, True, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
        ("Heading 3", 13, True, True, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        style = styles[name]
        _font(style, size, bold=bold, italic=italic)
        layout = style.paragraph_format
        layout.alignment, layout.first_line_indent = align, Mm(0)
        layout.space_before, layout.space_after = Pt(12 if name.startswith("Heading") else 0), Pt(6)
        title_border = style.element.pPr.find(qn("w:pBdr")) if style.element.pPr is not None else None
        if title_border is not None:  # the default template underlines the title
            style.element.pPr.remove(title_border)
    hint = styles.add_style(words.HINT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    hint.base_style = styles["Normal"]
    hint.next_paragraph_style = body
    _font(hint, 11, italic=True)
    hint.font.color.rgb = _GREY
    for name, bold in ((CELL_STYLE, False), (LABEL_STYLE, True)):
        cell = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = styles["Normal"]
        _font(cell, 12, bold=bold)
        layout = cell.paragraph_format
        layout.first_line_indent, layout.space_after, layout.alignment = Mm(0), Pt(0), WD_ALIGN_PARAGRAPH.LEFT
    table = styles.add_style(words.TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    table.base_style = styles["Table Grid"]
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    table.element.append(
        parse_xml(f"<w:tblPr {nsdecls('w')}><w:tblBorders>{borders}</w:tblBorders>{margins}</w:tblPr>")
    )


def _hint(document: DocumentObject, text: str) -> None:
    document.add_paragraph(text, style=words.HINT_STYLE)


def _table(document: DocumentObject, rows: int, widths: tuple[int, ...]) -> Table:
    table: Table = document.add_table(rows=rows, cols=len(widths), style=words.TABLE_STYLE)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    return table


def _write(cell: _Cell, lines: list[str], style: str = CELL_STYLE) -> None:
    """The cell's text, one paragraph per line, in `style`."""
    first = cell.paragraphs[0]
    first.style = style
    first.text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line, style=style)


def _header(document: DocumentObject, unit: Unit, quarter: Quarter, prepared_by: str) -> None:
    values = {
        "unit": f"{unit.name} ({unit.id})",
        "quarter": str(quarter),
        "prepared_by": prepared_by,
        "approved_by": "",
        "submitted": "",
    }
    _hint(document, words.HINT_HEADER)
    table = _table(document, len(words.HEADER), (45, 120))
    for row, (label, field) in zip(table.rows, words.HEADER.items(), strict=True):
        _write(row.cells[0], [label], LABEL_STYLE)
        _write(row.cells[1], [values[field]])


def _task_table(document: DocumentObject, directive: Directive, unit: Unit, previous: Note | None) -> None:
    tasks = directive.tasks_of(unit.id)
    table = _table(document, len(tasks) + 1, _WIDTHS)
    heading = table.rows[0]
    heading._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))  # repeated on each page
    for cell, text in zip(heading.cells, words.COLUMNS, strict=True):
        _write(cell, [text], LABEL_STYLE)
    for row, task in zip(table.rows[1:], tasks, strict=True):
        before = previous.tasks.get(task.id) if previous is not None else None
        _task_row(row.cells, directive, task, opening(task, before))


def _amends(document: DocumentObject, amends: Sequence[Amendment]) -> None:
    """The corrections block: a heading, its hint, a table of date and reason (one row per correction)."""
    document.add_paragraph(words.PART_AMENDS, style="Heading 1")
    _hint(document, words.HINT_AMENDS)
    table = _table(document, 1 + max(1, len(amends)), (40, 125))
    for cell, text in zip(table.rows[0].cells, words.AMEND_FIELDS, strict=True):
        _write(cell, [text], LABEL_STYLE)
    for row, amendment in zip(table.rows[1:], amends, strict=False):
        _write(row.cells[0], [amendment.date.strftime("%d/%m/%Y")])
        _write(row.cells[1], [amendment.reason])


def _task_row(cells: tuple[_Cell, ...], directive: Directive, task: Task, report: TaskReport) -> None:
    """One task's row: `report` is what the unit's last note said of it, or what a first note starts with."""
    _write(cells[0], [task.id])
    _write(cells[1], [task.title])
    _write(cells[2], [""])
    cells[2].paragraphs[0]._p.append(_dropdown(task.id, report.status))
    _write(cells[3], [number(report.progress) if report.progress is not None else ""])
    _write(cells[4], [report.completed.strftime("%d/%m/%Y") if report.completed is not None else ""])
    values = report.indicators
    lines = [
        words.indicator_line(i.name, i.measure, i.id, number(values[i.id]) if i.id in values else "")
        for i in directive.indicators_of(task.id)
    ]
    _write(cells[5], lines or [""])


def _dropdown(task: str, chosen: Status) -> object:
    """A drop-down content control of the status labels, showing `chosen`."""
    items = "".join(
        f"<w:listItem w:displayText={quoteattr(s.label.vi)} w:value={quoteattr(s.label.vi)}/>" for s in Status
    )
    return parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtPr><w:alias w:val={quoteattr(words.STATUS)}/>"
        f"<w:tag w:val={quoteattr(f'status {task}')}/><w:dropDownList>{items}</w:dropDownList></w:sdtPr>"
        f"<w:sdtContent><w:r><w:t>{chosen.label.vi}</w:t></w:r></w:sdtContent></w:sdt>"
    )
