"""Content tables (the notes' Markdown tables, the appendix): their XML and their column widths.

Word is given a fixed layout with every column's width worked out here from the text's measured widths, as a
browser lays out an automatic table; the header row repeats on every page and no row splits across pages.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from nq43.report.document import Inline, Table, plain_text
from nq43.report.docx.formatting import TABLE_LOOK, Style, ppr
from nq43.report.docx.geometry import TABLE_SIZE, mm, text_width

CELL_PADDING = 2 * 85 + 60  # left and right cell margins of a content table, and 3 pt for the rounding of Word
SHORT_COLUMN = 0.2  # a column no wider than this share of the table (a status, a number) does not wrap
MIN_COLUMN = mm(8)
MEASURED_CHARACTERS = 300  # a cell longer than this wraps anyway: its width is capped, not measured in full
LONG_COLUMNS_SHARE = 0.5  # the long columns get at least this share of the table, or the short ones' headings wrap


def table_xml(table: Table, width: int, runs: Callable[[Inline, Style], str]) -> str:
    """The table `width` twips wide; `runs` writes a cell's text in the cell's paragraph style."""
    columns = column_widths(table, width)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in columns)
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(columns)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        f"{TABLE_LOOK}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    ]
    aligns = [{"center": "center", "right": "right"}.get(a, "left") for a in table.align]
    head_style = Style(size=TABLE_SIZE, align="center", first_line=0, before=40, after=40, bold=True)
    cell_styles = [Style(size=TABLE_SIZE, align=a, first_line=0, before=40, after=40) for a in aligns]
    # each column's cell opening (width and paragraph format) is written once, not once a cell
    head = [(head_style, _cell_start(width, head_style)) for width in columns]
    cells = [(style, _cell_start(width, style)) for width, style in zip(columns, cell_styles, strict=False)]
    for index, row in enumerate((table.header, *table.rows)):
        # a row stays on one page; the header row repeats on every page the table runs onto
        out.append(
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            if index == 0
            else "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        )
        for (style, start), cell in zip(head if index == 0 else cells, row, strict=False):
            out.append(f"{start}{runs(cell, style)}</w:p></w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _cell_start(width: int, style: Style) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>{ppr(style)}'


@lru_cache(maxsize=4096)  # statuses, units and figures repeat down a table
def _cell_extent(text: str, bold: bool) -> tuple[int, int]:
    """The width a cell's text needs on one line, and the least it can wrap to (its longest word)."""
    word = max((text_width(w, TABLE_SIZE, bold=bold) for w in text.split()), default=0)  # "Mục" beats "tiêu"
    return word + CELL_PADDING, text_width(text, TABLE_SIZE, bold=bold) + CELL_PADDING


def column_widths(table: Table, width: int) -> list[int]:
    """Column widths that sum to `width`, as a browser lays out an automatic table, done once here so that
    Word can use a fixed layout: a short column (a status, a number) whose longest cell fits in a fair share of
    what is left gets its whole line and never wraps; the long columns share the rest in proportion to their
    length, each at least as wide as its longest word.

    A table of many short columns (the indicators across a year's quarters) would leave its one long column
    (the indicator's name) a sliver, three or four lines a row: when the long columns would get less than
    LONG_COLUMNS_SHARE of the table, the short columns' headings wrap between their words ("Đơn vị" / "tính")
    and only their cells keep one line."""
    widths, long_columns = _lay_out(table, width, headings_wrap=False)
    if long_columns and sum(widths[c] for c in long_columns) < width * LONG_COLUMNS_SHARE:
        widths, _ = _lay_out(table, width, headings_wrap=True)
    return widths


def _lay_out(table: Table, width: int, *, headings_wrap: bool) -> tuple[list[int], set[int]]:
    """The widths, and which columns are long (wrap, share what the short ones leave)."""
    count = max(1, len(table.header))
    least = [MIN_COLUMN] * count
    wanted = [MIN_COLUMN] * count
    for index, row in enumerate((table.header, *table.rows)):
        bold = index == 0
        for column, cell in enumerate(row[:count]):
            text = plain_text(cell)[:MEASURED_CHARACTERS]
            if not text:
                continue
            word, line = _cell_extent(text, bold)
            least[column] = max(least[column], word)
            wanted[column] = max(wanted[column], word if bold and headings_wrap else line)
    open_columns = set(range(count))
    if sum(least) >= width:  # even the words do not fit: widths in proportion to them
        widths = [width * w // sum(least) for w in least]
    elif sum(wanted) <= width:  # every cell fits on one line: share what is left in proportion
        widths = [w + (width - sum(wanted)) * w // sum(wanted) for w in wanted]
        open_columns = set()
    else:
        widths = [0] * count
        left = width
        while open_columns:
            share = left // len(open_columns)
            settled = {c for c in open_columns if wanted[c] <= min(share, width * SHORT_COLUMN)}
            if not settled:
                break
            for column in settled:
                widths[column] = wanted[column]
                left -= wanted[column]
            open_columns -= settled
        # the long columns: their words first, then the rest in proportion to how much more each would take
        left -= sum(least[c] for c in open_columns)
        extra = {c: wanted[c] - least[c] for c in open_columns}
        total = sum(extra.values()) or 1
        for column in open_columns:
            widths[column] = least[column] + left * extra[column] // total
    widths[-1] += width - sum(widths)
    return widths, open_columns
