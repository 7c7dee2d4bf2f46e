"""The report's document model: headings, paragraphs of styled runs, lists, tables, quotes and code, the frame
Decree 30 fixes, and the whole report as the .docx writer takes it.

Markdown is read into this model by `markdownread` and written back from it by `markdownwrite`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import NamedTuple


class Markdown(str):
    """Text that is already Markdown (normalised); templates insert it as it is, without escaping.

    `blocks`, when set, are the blocks this Markdown was written from, so that it need not be parsed again.
    """

    blocks: tuple[Block, ...] | None = None


class Run(NamedTuple):
    """A stretch of text in one style; `link` is the target of a hyperlink (only http, https and mailto)."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None


LINE_BREAK = Run("\n")

Inline = tuple[Run, ...]


class Heading(NamedTuple):
    level: int
    runs: Inline


class Paragraph(NamedTuple):
    runs: Inline


class ListBlock(NamedTuple):
    ordered: bool
    start: int
    items: tuple[tuple[Block, ...], ...]


class Table(NamedTuple):
    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    align: tuple[str, ...]  # "left", "center", "right" or "" per column


class CodeBlock(NamedTuple):
    text: str


class Quote(NamedTuple):
    blocks: tuple[Block, ...]


Block = Heading | Paragraph | ListBlock | Table | CodeBlock | Quote


class Frame(NamedTuple):
    """The parts of the report that Decree 30 fixes in place: header table, title, signature block."""

    parent_agency: str
    issuing_agency_lines: tuple[str, ...]
    national_title: str
    motto: str
    number_line: str
    place_date: str
    doc_type: str
    authority: tuple[str, ...]
    signer: str
    recipients_heading: str
    recipients: tuple[str, ...]
    draft: bool
    draft_mark: str
    # A letter (công văn, Mẫu 1.5) in place of a report: no document type, the summary (trích yếu) under the
    # number, and the addressees after `greeting` ("Kính gửi:") before the body.
    letter: bool = False
    greeting: str = ""
    addressees: tuple[str, ...] = ()


class ReportDocument(NamedTuple):
    """Everything the .docx writer needs; built from the rendered template, never from notes directly."""

    frame: Frame
    summary: Inline
    body: tuple[Block, ...]
    appendix_label: Inline
    appendix_title: Inline
    appendix_note: Inline
    appendix: tuple[Block, ...]
    title: str
    author: str
    created: datetime
    keywords: tuple[str, ...] = ()


def plain_text(runs: Sequence[Run]) -> str:
    return "".join(run.text for run in runs)


def inlines_of(block: Block) -> Iterator[Inline]:
    """The runs of every paragraph, heading and cell of a block, in the order a reader meets them."""
    if isinstance(block, (Heading, Paragraph)):
        yield block.runs
    elif isinstance(block, CodeBlock):
        yield (Run(block.text),)
    elif isinstance(block, Quote):
        for inner in block.blocks:
            yield from inlines_of(inner)
    elif isinstance(block, ListBlock):
        for item in block.items:
            for inner in item:
                yield from inlines_of(inner)
    elif isinstance(block, Table):
        for row in (block.header, *block.rows):
            yield from row


def demote_headings(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """A note's own headings become bold paragraphs: the report's headings are the template's alone."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(Paragraph(tuple(Run(r.text, True, r.italic, r.code, r.link) for r in block.runs)))
        elif isinstance(block, Quote):
            out.append(Quote(demote_headings(block.blocks)))
        elif isinstance(block, ListBlock):
            out.append(ListBlock(block.ordered, block.start, tuple(demote_headings(item) for item in block.items)))
        else:
            out.append(block)
    return tuple(out)
