"""Write the report's document model as a Word .docx laid out by Decree 30/2020/NĐ-CP (Appendix I).

The package is python-docx's: `docx.Document()` gives the parts, and python-docx sets the sections (A4, margins,
orientation, header distance, a first page without number), creates the header parts, writes the core
properties and relates the web links. What its default template brings that a report must not carry is removed
or replaced here: the thumbnail of an empty page, the theme (Calibri), Word 2010's copy of the styles, web
settings, numbering, custom XML, "Microsoft Macintosh Word" in app.xml, the styles (Calibri through the theme,
10 pt after, US Letter tab stops) and the settings (rsids, a document id).

The body is written as WordprocessingML text, a few thousand paragraphs at a time, straight into the zip entry
of word/document.xml: python-docx builds and saves the package with two placeholder paragraphs for a body (and,
between them, the paragraph that ends the portrait section, which it lays out), and the final package streams the
body in their place. Neither the body's whole text nor its lxml tree is ever held: for a province (300 units)
they took 500 MB, and moving a parsed tree into python-docx's document cost more than writing it. Web links are
related first, in document order, since the relationships are saved with the package before the body is
written. `add_paragraph`/`add_table` are not used: they look for the body's last section properties at every
insertion, which makes a province-wide report quadratic, and they cannot say everything Decree 30 fixes (rule
lines, exact heights, cell margins). Every paragraph and run is formatted directly; nothing is left to a style
default.

python-docx stamps each zip entry with the current time, so its package is written again with the entries in a
fixed order and a fixed time: the same input gives the same bytes (core properties take the report's date,
relationship ids follow the document). The body's text is escaped as lxml would have written it, so the bytes
are those the package had when the body went through python-docx's tree. Tests reopen the file with python-docx
and LibreOffice. This is the only module that imports python-docx.

Numbers are in twentieths of a point (twips: 1 mm = 56.7) unless said; font sizes in half points.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import docx
from docx.enum.section import WD_ORIENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.shared import Twips

from nq43.report.document import (
    LINE_BREAK,
    Block,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    ReportDocument,
    Run,
    Table,
    inlines_of,
    plain_text,
)
from nq43.report.fontmetrics import text_width_pt
from nq43.support.vietnamese import clean

# ---------------------------------------------------------------- geometry (FORMAT-ND30.md, "sample" column)


def mm(value: float) -> int:
    """Millimetres in twips."""
    return round(value * 1440 / 25.4)


PAGE_WIDTH, PAGE_HEIGHT = mm(210), mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = mm(25), mm(20), mm(35), mm(20)
HEADER_DISTANCE = FOOTER_DISTANCE = mm(10)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_TEXT_WIDTH = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT
FIRST_LINE_INDENT = mm(10)
BODY_SIZE = 14
TABLE_SIZE = 13
SPACE_BEFORE = 120  # 6 pt
# Header table: agency block | national title block, then number | place and date; indented as the sample.
HEADER_COLUMNS = (mm(67.5), mm(100))
HEADER_INDENT = -mm(3.5)
# Signature block: recipients | signing authority and name.
SIGNATURE_COLUMNS = (mm(53), mm(111))
ROOM_TO_SIGN = mm(25)
# Rule under the issuing agency and under the summary: this share of the text's length (the decree: 1/3 to 1/2).
RULE_SHARE = 0.4
RULE_SIZE = 6  # eighths of a point
RULE_PARAGRAPH = 60  # the rule is the bottom border of an empty paragraph this high (3 pt) under the text
# The body's XML is written to the package in strings of this many paragraphs and tables: one join and one
# compression call per piece instead of one per paragraph, and a few MB held at most.
FLUSH_EVERY = 2000
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries: the earliest time a zip can hold, the same every run
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# XML escapes as lxml writes them in text (the streamed body is the text python-docx would have saved), and the
# characters that vietnamese.clean drops (controls, zero-width, bidi), dropped again here at C speed: an entity
# in a note (`&#x202E;`) can bring one back after cleaning, and XML cannot hold most.
_DROPPED = (
    *range(0, 9),
    11,
    12,
    *range(14, 32),
    *range(0x7F, 0xA0),
    0xFFFE,
    0xFFFF,
    0x200B,
    0x200C,
    0x200D,
    0x2060,
    0xFEFF,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
)
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\t": " ", "\r": " ", "\n": " ", **{chr(c): None for c in _DROPPED}}
)


_UNESCAPED = str.maketrans({"\t": " ", "\r": " ", "\n": " ", **{chr(c): None for c in _DROPPED}})
_NEEDS_ESCAPE = re.compile("[&<>\t\r\n" + "".join(re.escape(chr(c)) for c in _DROPPED) + "]")


def _x(text: str) -> str:
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def _attribute(text: str) -> str:
    """Text for python-docx to write (it escapes; lxml refuses what XML cannot hold)."""
    return text.translate(_UNESCAPED)


def twips_of_points(points: float) -> int:
    return round(points * 20)


def text_width(text: str, size: float, *, bold: bool = False) -> int:
    """Width of a line of Times New Roman text, in twips."""
    return twips_of_points(text_width_pt(text, size, bold=bold))


# ---------------------------------------------------------------- runs and paragraphs


class Style(NamedTuple):
    """Direct formatting of a paragraph (everything written out, nothing left to Word's defaults)."""

    size: float = BODY_SIZE
    align: str = "both"
    first_line: int = FIRST_LINE_INDENT
    left: int = 0
    right: int = 0
    before: int = SPACE_BEFORE
    after: int = 0
    bold: bool = False
    italic: bool = False
    upper: bool = False
    keep_next: bool = False
    outline: int | None = None
    style_id: str | None = None


BODY = Style()
CENTRED = Style(align="center", first_line=0)


@lru_cache(maxsize=256)
def _rpr(size: float, bold: bool, italic: bool, *, underline: bool = False, boxed: bool = False) -> str:
    half = round(size * 2)
    return (
        "<w:rPr>"
        + ("<w:b/><w:bCs/>" if bold else "")
        + ("<w:i/><w:iCs/>" if italic else "")
        + f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        + ('<w:u w:val="single"/>' if underline else "")
        + ('<w:bdr w:val="single" w:sz="8" w:space="1" w:color="000000"/>' if boxed else "")
        + "</w:rPr>"
    )


def _text_run(text: str, size: float, bold: bool = False, italic: bool = False, **extra: bool) -> str:
    return f'<w:r>{_rpr(size, bold, italic, **extra)}<w:t xml:space="preserve">{_x(text)}</w:t></w:r>'


_TINY_MARK = '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'  # the mark of a rule paragraph, 1 pt
_TABLE_LOOK = (
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
    'w:noHBand="0" w:noVBand="0"/>'
)


@lru_cache(maxsize=1024)  # a report uses a few dozen paragraph formats, hundreds of thousands of times
def _ppr(
    style: Style,
    *,
    border_bottom: bool = False,
    exact: int | None = None,
    keep_lines: bool = False,
    page_break: bool = False,
    section: str = "",
) -> str:
    line = f'w:line="{exact}" w:lineRule="exact"' if exact is not None else 'w:line="240" w:lineRule="auto"'
    first = f' w:firstLine="{style.first_line}"'  # always written: 0 too, else Normal's 1 cm applies
    return (
        "<w:pPr>"
        + (f'<w:pStyle w:val="{style.style_id}"/>' if style.style_id else "")
        + ("<w:keepNext/>" if style.keep_next else "")
        + ("<w:keepLines/>" if keep_lines else "")
        + ("<w:pageBreakBefore/>" if page_break else "")
        + (
            f'<w:pBdr><w:bottom w:val="single" w:sz="{RULE_SIZE}" w:space="1" w:color="000000"/></w:pBdr>'
            if border_bottom
            else ""
        )
        + f'<w:spacing w:before="{style.before}" w:after="{style.after}" {line}/>'
        + f'<w:ind w:left="{style.left}" w:right="{style.right}"{first}/>'
        + f'<w:jc w:val="{style.align}"/>'
        + (f'<w:outlineLvl w:val="{style.outline}"/>' if style.outline is not None else "")
        + (_rpr(style.size, style.bold, style.italic) if exact is None else _TINY_MARK)
        + section
        + "</w:pPr>"
    )


class _Body:
    """Hands the body's XML to `sink` in pieces of a few thousand paragraphs, one instance per document.
    `links` gives each web address of the document its relationship id (see `_relate_links`)."""

    def __init__(self, links: Mapping[str, str], sink: Callable[[str], object]) -> None:
        self.parts: list[str] = []
        self.links = links
        self._sink = sink

    def add(self, xml: str) -> None:
        self.parts.append(xml)
        if len(self.parts) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self._sink("".join(self.parts))
            self.parts = []

    # -- inline

    def runs(self, runs: Inline, style: Style) -> str:
        out = []
        for run in runs:
            if run is LINE_BREAK or run.text == "\n":
                out.append("<w:r><w:br/></w:r>")
                continue
            text = run.text.upper() if style.upper else run.text
            bold, italic = style.bold or run.bold, style.italic or run.italic
            link = self.links.get(run.link) if run.link else None
            if link is None:
                out.append(_text_run(text, style.size, bold, italic))
            else:
                out.append(
                    f'<w:hyperlink r:id="{link}" w:history="1">'
                    f"{_text_run(text, style.size, bold, italic, underline=True)}</w:hyperlink>"
                )
        return "".join(out)

    # -- blocks

    def paragraph(self, runs: Inline | str, style: Style = BODY, **options: object) -> None:
        content = self.runs((Run(clean(runs)),) if isinstance(runs, str) else runs, style)
        self.add(f"<w:p>{_ppr(style, **options)}{content}</w:p>")

    def blocks(self, blocks: Sequence[Block], width: int, level: int = 0) -> None:
        for block in blocks:
            self.block(block, width, level)

    def block(self, block: Block, width: int, level: int) -> None:
        indent = FIRST_LINE_INDENT * level
        if isinstance(block, Heading):
            self.paragraph(block.runs, _heading_style(block.level))
        elif isinstance(block, Paragraph):
            self.paragraph(block.runs, _body_style(indent))
        elif isinstance(block, ListBlock):
            self.list(block, width, level)
        elif isinstance(block, Quote):
            self.blocks(block.blocks, width, level + 1)
        elif isinstance(block, CodeBlock):
            lines = block.text.split("\n")
            runs = tuple(part for line in lines for part in (LINE_BREAK, Run(line)))[1:]
            self.paragraph(runs, Style(align="left", first_line=0, left=indent + FIRST_LINE_INDENT, size=TABLE_SIZE))
        elif isinstance(block, Table):
            self.table(block, width)

    def list(self, block: ListBlock, width: int, level: int) -> None:
        """Items as paragraphs that start with their marker typed out ("- ", "+ ", "1. "), as Vietnamese
        documents write them; nested lists one indent further."""
        style = _body_style(FIRST_LINE_INDENT * level)
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}. " if block.ordered else ("-", "+", "•")[min(level, 2)] + " "
            rest: Sequence[Block] = item
            if item and isinstance(item[0], Paragraph):
                self.paragraph((Run(marker), *item[0].runs), style)
                rest = item[1:]
            else:
                self.paragraph(marker.strip(), style)
            for inner in rest:
                if isinstance(inner, ListBlock):
                    self.list(inner, width, level + 1)
                elif isinstance(inner, Paragraph):
                    self.paragraph(inner.runs, style)
                else:
                    self.block(inner, width, level + 1)

    def table(self, table: Table, width: int) -> None:
        columns = _column_widths(table, width)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in columns)
        border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        borders = "".join(border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        out = [
            "<w:tbl><w:tblPr>"
            f'<w:tblW w:w="{sum(columns)}" w:type="dxa"/><w:jc w:val="center"/>'
            f"<w:tblBorders>{borders}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            f"{_TABLE_LOOK}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
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
                out.append(f"{start}{self.runs(cell, style)}</w:p></w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.add("".join(out))


@lru_cache(maxsize=64)  # one object a level: tens of thousands of paragraphs share it (and its cached format)
def _body_style(left: int) -> Style:
    return Style(left=left)


def _cell_start(width: int, style: Style) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>{_ppr(style)}'


def _heading_style(level: int) -> Style:
    if level == 1:
        return Style(
            align="center", first_line=0, bold=True, upper=True, keep_next=True, outline=0, style_id="Heading1"
        )
    if level == 2:
        return Style(bold=True, upper=True, keep_next=True, outline=0, style_id="Heading1")
    if level == 3:
        return Style(bold=True, keep_next=True, outline=1, style_id="Heading2")
    if level == 4:
        return Style(keep_next=True, outline=2, style_id="Heading3")
    return Style(italic=True, keep_next=True)


CELL_PADDING = 2 * 85 + 60  # left and right cell margins of a content table, and 3 pt for the rounding of Word
SHORT_COLUMN = 0.2  # a column no wider than this share of the table (a status, a number) does not wrap
MIN_COLUMN = mm(8)
MEASURED_CHARACTERS = 300  # a cell longer than this wraps anyway: its width is capped, not measured in full


@lru_cache(maxsize=4096)  # statuses, units and figures repeat down a table
def _cell_extent(text: str, bold: bool) -> tuple[int, int]:
    """The width a cell's text needs on one line, and the least it can wrap to (its longest word)."""
    word = text_width(max(text.split(), key=len, default=""), TABLE_SIZE, bold=bold)
    return word + CELL_PADDING, text_width(text, TABLE_SIZE, bold=bold) + CELL_PADDING


def _column_widths(table: Table, width: int) -> list[int]:
    """Column widths that sum to `width`, as a browser lays out an automatic table, done once here so that
    Word can use a fixed layout: a short column (a status, a number) whose longest cell fits in a fair share of
    what is left gets its whole line and never wraps; the long columns share the rest in proportion to their
    length, each at least as wide as its longest word."""
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
            wanted[column] = max(wanted[column], line)
    if sum(least) >= width:  # even the words do not fit: widths in proportion to them
        widths = [width * w // sum(least) for w in least]
    elif sum(wanted) <= width:  # every cell fits on one line: share what is left in proportion
        widths = [w + (width - sum(wanted)) * w // sum(wanted) for w in wanted]
    else:
        widths = [0] * count
        open_columns = set(range(count))
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
    return widths


# ---------------------------------------------------------------- the frame


def _cell(width: int, paragraphs: Iterable[str]) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{"".join(paragraphs)}</w:tc>'


def _frame_table(columns: tuple[int, int], rows: Sequence[tuple[str, str]], *, indent: int, cant_split: bool) -> str:
    """A borderless two-column table of fixed layout, every cell and grid width set."""
    none = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(columns)}" w:type="dxa"/>'
        f'<w:tblInd w:w="{indent}" w:type="dxa"/>'
        f"<w:tblBorders>{none}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f"{_TABLE_LOOK}</w:tblPr>"
        f'<w:tblGrid><w:gridCol w:w="{columns[0]}"/><w:gridCol w:w="{columns[1]}"/></w:tblGrid>'
    ]
    for left, right in rows:
        out.append("<w:tr>" + ("<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""))
        out.append(_cell(columns[0], [left]) + _cell(columns[1], [right]))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _line(
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str = "center",
    before: int = 0,
    left: int = 0,
    keep_next: bool = False,
) -> str:
    style = Style(
        size=size, align=align, first_line=0, before=before, bold=bold, italic=italic, left=left, keep_next=keep_next
    )
    return f"<w:p>{_ppr(style)}{_text_run(clean(text), size, bold, italic)}</w:p>"


def _rule_xml(length: int, width: int, *, after: int = 0) -> str:
    side = max(0, (width - length) // 2)
    style = Style(align="center", first_line=0, left=side, right=side, before=0, after=after)
    return f"<w:p>{_ppr(style, border_bottom=True, exact=RULE_PARAGRAPH)}</w:p>"


def rule_lengths(document: ReportDocument) -> dict[str, int]:
    """The rule lines' lengths in twips: under the issuing agency and the summary a share of the text's
    length, under the motto the motto's own length."""
    frame = document.frame
    agency = max((text_width(clean(line), 13, bold=True) for line in frame.issuing_agency_lines), default=0)
    summary = min(text_width(plain_text(document.summary), BODY_SIZE, bold=True), TEXT_WIDTH)
    return {
        "agency": round(agency * RULE_SHARE),
        "motto": text_width(clean(frame.motto), BODY_SIZE, bold=True),
        "summary": round(summary * RULE_SHARE),
    }


def _header_block(document: ReportDocument, body: _Body) -> str:
    frame = document.frame
    rules = rule_lengths(document)
    left = [_line(frame.parent_agency, 13)]
    left += [_line(line, 13, bold=True) for line in frame.issuing_agency_lines]
    left.append(_rule_xml(rules["agency"], HEADER_COLUMNS[0]))
    right = [
        _line(frame.national_title.upper(), 13, bold=True),
        _line(frame.motto, BODY_SIZE, bold=True),
        _rule_xml(rules["motto"], HEADER_COLUMNS[1]),
    ]
    number = _line(frame.number_line, 13, before=SPACE_BEFORE * 2)
    date = _line(frame.place_date, BODY_SIZE, italic=True, before=SPACE_BEFORE * 2)
    table = _frame_table(
        HEADER_COLUMNS, [("".join(left), "".join(right)), (number, date)], indent=HEADER_INDENT, cant_split=True
    )
    title = _line(frame.doc_type, BODY_SIZE, bold=True, before=SPACE_BEFORE * 4, keep_next=True)
    summary_style = Style(align="center", first_line=0, before=0, bold=True, keep_next=True)
    summary = f"<w:p>{_ppr(summary_style)}{body.runs(document.summary, summary_style)}</w:p>"
    return table + title + summary + _rule_xml(rules["summary"], TEXT_WIDTH, after=SPACE_BEFORE * 2)


def _signature_block(document: ReportDocument) -> str:
    frame = document.frame
    left = [_line(frame.recipients_heading, 12, bold=True, italic=True, align="left", before=SPACE_BEFORE)]
    left += [_line("- " + line.strip().removeprefix("- ").strip(), 11, align="left") for line in frame.recipients]
    right = [
        _line(line.upper(), BODY_SIZE, bold=True, before=SPACE_BEFORE if i == 0 else 0)
        for i, line in enumerate(frame.authority)
    ]
    right.append(_line(frame.signer, BODY_SIZE, bold=True, before=ROOM_TO_SIGN))
    return _frame_table(SIGNATURE_COLUMNS, [("".join(left), "".join(right))], indent=0, cant_split=True)


# ---------------------------------------------------------------- sections, headers and styles

# The portrait section that ends before the appendix: its properties ride in the last paragraph, where Word
# looks for them; page size, margins and headers are then set on it through python-docx.
_SECTION_BREAK = '<w:sectPr><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>'


def _lay_out(section: Any, *, landscape: bool) -> None:
    """A4 with the decree's margins, through python-docx's section properties."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Twips(PAGE_HEIGHT if landscape else PAGE_WIDTH)
    section.page_height = Twips(PAGE_WIDTH if landscape else PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Twips(HEADER_DISTANCE), Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)


def _draft_paragraph(mark: str) -> str:
    style = Style(size=13, align="right", first_line=0, before=0)
    return f"<w:p>{_ppr(style)}{_text_run(clean(mark), 13, True, boxed=True)}</w:p>"


def _page_number_paragraph() -> str:
    style = Style(align="center", first_line=0, before=0, style_id="Header")
    rpr = _rpr(BODY_SIZE, False, False)
    return (
        f"<w:p>{_ppr(style)}"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>2</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def _headers(document: ReportDocument) -> tuple[str, str]:
    """The paragraphs of the header of every page but the first (its page number), and of the first page's
    (none: Decree 30)."""
    draft = _draft_paragraph(document.frame.draft_mark) if document.frame.draft else ""
    first = draft or f"<w:p>{_ppr(Style(first_line=0, before=0, style_id='Header'))}</w:p>"
    return draft + _page_number_paragraph(), first


_FONTS = (
    '<w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman" '
    'w:cs="Times New Roman"/>'
)
_LANG = '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>'


def _styles_xml() -> str:
    """What replaces the template's styles: its docDefaults and Normal name Calibri through the theme, 10 pt
    after and 1.15 lines, and its Header style has tab stops for US Letter."""

    def paragraph_style(style_id: str, name: str, ppr: str, rpr: str = "", extra: str = "") -> str:
        return (
            f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Normal"/>{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'
        )

    body_spacing = f'<w:spacing w:before="{SPACE_BEFORE}" w:after="0" w:line="240" w:lineRule="auto"/>'
    size = f'<w:sz w:val="{BODY_SIZE * 2}"/><w:szCs w:val="{BODY_SIZE * 2}"/>'
    return (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{_FONTS}{size}{_LANG}</w:rPr></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{body_spacing}</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f'<w:pPr>{body_spacing}<w:ind w:firstLine="{FIRST_LINE_INDENT}"/><w:jc w:val="both"/></w:pPr>'
        f'<w:rPr>{_FONTS}<w:color w:val="000000"/>{size}{_LANG}</w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr><w:spacing w:before="0" w:after="0" '
        'w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>'
        f"<w:rPr>{_FONTS}</w:rPr>"
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        + paragraph_style(
            "Heading1",
            "heading 1",
            '<w:keepNext/><w:outlineLvl w:val="0"/>',
            "<w:b/><w:bCs/><w:caps/>",
            '<w:next w:val="Normal"/>',
        )
        + paragraph_style(
            "Heading2",
            "heading 2",
            '<w:keepNext/><w:outlineLvl w:val="1"/>',
            "<w:b/><w:bCs/>",
            '<w:next w:val="Normal"/>',
        )
        + paragraph_style(
            "Heading3", "heading 3", '<w:keepNext/><w:outlineLvl w:val="2"/>', "", '<w:next w:val="Normal"/>'
        )
        + paragraph_style(
            "Header",
            "header",
            f'<w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH // 2}"/>'
            f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs><w:spacing w:before="0" w:after="0"/>'
            '<w:ind w:firstLine="0"/><w:jc w:val="center"/>',
        )
    )


# The template's settings carry an rsid list, a document id, a US decimal point and Word 2010 compatibility.
_SETTINGS = (
    '<w:zoom w:percent="100"/>'
    f'<w:defaultTabStop w:val="{FIRST_LINE_INDENT}"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="vi-VN"/>'
    '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
)

# The template's font table lists Calibri, Cambria, Arial, MS Mincho and more; the report uses one font.
_FONT_TABLE = (
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
)

# The template's names "Microsoft Macintosh Word", a Normal.dotm template and the counts of an empty page.
_APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>nq43</Application></Properties>"
)


# ---------------------------------------------------------------- the package

# The relationships of python-docx's template that go: from the package, the thumbnail of an empty page and
# app.xml (replaced); from the document every one but styles and settings (rewritten in place), which drops the
# theme (Calibri, Cambria), Word 2010's copy of the styles, web settings, numbering, custom XML and the font
# table (replaced).
_PACKAGE_RELS_DROPPED = frozenset(
    {
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
    }
)
_DOCUMENT_RELS_KEPT = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
    }
)
# Zip entries in this order (the rest by name after them): the content types first, as readers expect.
_ENTRY_ORDER = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
)


def _parse(tag: str, content: str) -> Any:
    """`content` as the children of a WordprocessingML element `tag`, parsed by python-docx."""
    return parse_xml(f"<{tag} {nsdecls('w', 'r')}>{content}</{tag}>")


def _replace_children(element: Any, content: str) -> None:
    """The template's part keeps its place in the package; what it says is replaced by `content`."""
    for child in list(element):
        element.remove(child)
    element.attrib.clear()  # rsids and markup-compatibility flags of the template
    element.extend(list(_parse(element.tag.replace("{" + _W + "}", "w:"), content)))


def _has_appendix(document: ReportDocument) -> bool:
    return bool(document.appendix or document.appendix_title)


def _write_main(document: ReportDocument, body: _Body) -> None:
    """The portrait part of the body: header, content and signature."""
    body.add(_header_block(document, body))
    content = document.body
    last = content[-1] if content else None
    if isinstance(last, Paragraph):  # the closing paragraph ("./.") stays on the page of the signature
        body.blocks(content[:-1], TEXT_WIDTH)
        body.paragraph(last.runs, Style(keep_next=True))
    else:
        body.blocks(content, TEXT_WIDTH)
    body.add(_signature_block(document))
    body.flush()


def _write_appendix(document: ReportDocument, body: _Body) -> None:
    """The landscape appendix after the section break; without one, the paragraph that closes the body."""
    if _has_appendix(document):
        centred = Style(align="center", first_line=0, bold=True, keep_next=True, before=0)
        body.add(f"<w:p>{_ppr(centred)}{body.runs(document.appendix_label, centred)}</w:p>")
        title = Style(align="center", first_line=0, bold=True, upper=True, keep_next=True, before=0)
        body.add(f"<w:p>{_ppr(title)}{body.runs(document.appendix_title, title)}</w:p>")
        note = Style(align="center", first_line=0, italic=True, keep_next=True, before=0, after=SPACE_BEFORE * 2)
        body.add(f"<w:p>{_ppr(note)}{body.runs(document.appendix_note, note)}</w:p>")
        body.blocks(document.appendix, LANDSCAPE_TEXT_WIDTH)
    else:
        # Word wants a paragraph, not a table, at the end of the body
        body.add(f"<w:p>{_ppr(Style(first_line=0, before=0, after=0), exact=RULE_PARAGRAPH)}</w:p>")
    body.flush()


def _section_break() -> str:
    """The empty paragraph that ends the portrait section before the appendix and carries its properties."""
    return f"<w:p>{_ppr(Style(first_line=0, before=0, after=0), exact=20, section=_SECTION_BREAK)}</w:p>"


def _relate_links(document: ReportDocument, relate: Callable[[str], str]) -> dict[str, str]:
    """The relationship id of each web address of the document, related in the order a reader meets them.

    They are related before the body is written: python-docx saves the relationships with the package, and the
    body is streamed in afterwards. An address that is not an absolute web or mail address gets none.
    """
    links: dict[str, str] = {}
    parts = (
        [document.summary]
        + [runs for block in document.body for runs in inlines_of(block)]
        + [document.appendix_label, document.appendix_title, document.appendix_note]
        + [runs for block in document.appendix for runs in inlines_of(block)]
    )
    for runs in parts:
        for run in runs:
            target = run.link
            if target is None or target in links:
                continue
            try:
                split = urlsplit(target)
            except ValueError:
                continue
            if split.scheme in ("http", "https", "mailto") and (split.scheme == "mailto" or split.netloc):
                links[target] = relate(_attribute(target))
    return links


def _fill_header(header: Any, paragraphs: str) -> None:
    element = header.part.element
    for child in list(element):
        element.remove(child)
    element.extend(list(_parse("w:hdr", paragraphs)))


def _set_core_properties(core: Any, document: ReportDocument) -> None:
    """Everything from the report, nothing from the clock or the template ("python-docx", 2013)."""
    core.title = _attribute(clean(document.title))
    core.author = _attribute(clean(document.author))
    core.keywords = _attribute(", ".join(k for k in document.keywords if k))
    core.subject = core.comments = core.category = ""
    core.last_modified_by = "nq43"
    core.revision = 1
    core.created = core.modified = document.created.replace(tzinfo=None)
    core.language = "vi-VN"
    if document.frame.draft:
        core.content_status = _attribute(document.frame.draft_mark.capitalize())


# The body stands in python-docx's document as these two paragraphs, around the section break (when there is an
# appendix) and before the last section properties; the final package streams the real body in their place.
_PLACEHOLDERS = ("nq43-body-main", "nq43-body-appendix")


def _placeholder(name: str) -> str:
    return f"<w:p><w:r><w:t>{name}</w:t></w:r></w:p>"


def _stream_document(
    saved: bytes, document: ReportDocument, links: Mapping[str, str], write: Callable[[bytes], object]
) -> None:
    """word/document.xml as python-docx saved it, with the body written piece by piece in place of the
    placeholders: neither the body's whole text nor its tree is ever held."""
    main, appendix = (_placeholder(name).encode() for name in _PLACEHOLDERS)
    if saved.count(main) != 1 or saved.count(appendix) != 1:
        raise RuntimeError("python-docx did not save the body's placeholders as written")
    head, rest = saved.split(main)
    middle, tail = rest.split(appendix)
    # a lone surrogate (from a YAML "\ud800" escape) is the one thing UTF-8 cannot encode: it is dropped
    body = _Body(links, lambda xml: write(xml.encode("utf-8", "ignore")))
    write(head)
    _write_main(document, body)
    write(middle)
    _write_appendix(document, body)
    write(tail)


def _package(saved: bytes, document: ReportDocument, links: Mapping[str, str]) -> bytes:
    """python-docx's package again, its entries in a fixed order and with a fixed time (zipfile stamps each
    entry with the current time), so that the same report gives the same bytes; the body is compressed once, as
    it is written into word/document.xml."""
    source = zipfile.ZipFile(io.BytesIO(saved))
    rank = {name: index for index, name in enumerate(_ENTRY_ORDER)}
    names = sorted(source.namelist(), key=lambda name: (rank.get(name, len(rank)), name))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED  # at zlib's default level, 6
            info.create_system = 0
            info.external_attr = 0
            if name == "word/document.xml":
                with archive.open(info, "w") as entry:
                    _stream_document(source.read(name), document, links, entry.write)
            else:
                archive.writestr(info, source.read(name))
    return buffer.getvalue()


def build_docx(document: ReportDocument) -> bytes:
    """The .docx file of the report: the same document always gives the same bytes."""
    word = docx.Document()
    part = word.part
    package = part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype in _PACKAGE_RELS_DROPPED:
            package.rels.pop(rid)
    for rid, rel in list(part.rels.items()):
        if rel.reltype not in _DOCUMENT_RELS_KEPT:
            part.rels.pop(rid)
    package.relate_to(
        XmlPart(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, parse_xml(_APP), package),
        RT.EXTENDED_PROPERTIES,
    )
    part.relate_to(
        XmlPart(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, _parse("w:fonts", _FONT_TABLE), package),
        RT.FONT_TABLE,
    )
    _replace_children(word.styles.element, _styles_xml())
    _replace_children(word.settings.element, _SETTINGS)
    _set_core_properties(word.core_properties, document)
    links = _relate_links(document, lambda url: part.relate_to(url, RT.HYPERLINK, is_external=True))

    body = word.element.body
    final = body.sectPr
    final.attrib.clear()  # the template's rsids
    has_appendix = _has_appendix(document)
    main, appendix = (_placeholder(name) for name in _PLACEHOLDERS)
    placeholders = _parse("w:body", main + (_section_break() if has_appendix else "") + appendix)
    placeholders.append(final)  # the document's last section properties close the body
    word.element.replace(body, placeholders)

    sections = word.sections
    portrait = sections[0]
    _lay_out(portrait, landscape=False)
    if has_appendix:
        _lay_out(sections[1], landscape=True)  # no header of its own: it goes on with the page numbers
    default_header, first_header = _headers(document)
    portrait.header.is_linked_to_previous = False
    portrait.first_page_header.is_linked_to_previous = False
    portrait.different_first_page_header_footer = True
    _fill_header(portrait.header, default_header)
    _fill_header(portrait.first_page_header, first_header)

    saved = io.BytesIO()
    word.save(saved)
    return _package(saved.getvalue(), document, links)
