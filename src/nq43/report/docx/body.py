"""The body's blocks (headings, paragraphs, lists, quotes, code, tables) as WordprocessingML, handed on in pieces.

`add_paragraph`/`add_table` of python-docx are not used: they look for the body's last section properties at
every insertion, which makes a province-wide report quadratic, and they cannot say everything Decree 30 fixes
(rule lines, exact heights, cell margins).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from nq43.report.document import (
    LINE_BREAK,
    Block,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Run,
    Table,
)
from nq43.report.docx.formatting import BODY, Style, ppr, text_run
from nq43.report.docx.geometry import FIRST_LINE_INDENT, TABLE_SIZE
from nq43.report.docx.tables import table_xml
from nq43.support.vietnamese import clean

# The body's XML is written to the package in strings of this many paragraphs and tables: one join and one
# compression call per piece instead of one per paragraph, and a few MB held at most.
FLUSH_EVERY = 2000


class Body:
    """Hands the body's XML to `sink` in pieces of a few thousand paragraphs, one instance per document.
    `links` gives each web address of the document its relationship id (see `package.relate_links`)."""

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
                out.append(text_run(text, style.size, bold, italic))
            else:
                out.append(
                    f'<w:hyperlink r:id="{link}" w:history="1">'
                    f"{text_run(text, style.size, bold, italic, underline=True)}</w:hyperlink>"
                )
        return "".join(out)

    # -- blocks

    def paragraph(self, runs: Inline | str, style: Style = BODY, **options: object) -> None:
        content = self.runs((Run(clean(runs)),) if isinstance(runs, str) else runs, style)
        self.add(f"<w:p>{ppr(style, **options)}{content}</w:p>")

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
        self.add(table_xml(table, width, self.runs))


@lru_cache(maxsize=64)  # one object a level: tens of thousands of paragraphs share it (and its cached format)
def _body_style(left: int) -> Style:
    return Style(left=left)


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
