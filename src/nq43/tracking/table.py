"""Plain text for a page: tables laid out to a width (wrapping columns narrowed at spaces, or one block per row
when even that cannot fit), and the whole page drawn with them when stdout is not a terminal."""

import textwrap
import unicodedata
from collections.abc import Sequence

from nq43.support.text import Lang
from nq43.tracking import wording
from nq43.tracking.pages import Page, Table

# A wrapping column is narrowed to no less than this (nor than its longest word, nor than its min_width).
_MIN_WRAP = 12


def text_width(text: str) -> int:
    """Columns a string takes on a terminal: combining marks none, wide (CJK, emoji) characters two."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Wrap at spaces only: a Vietnamese word (or a code, a path) is never cut; a longer one overflows."""
    if text_width(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def fit(table: Table, width: int) -> list[int] | None:
    """Column widths that fit `width` by narrowing the wrapping columns, widest first; None when even the
    narrowest layout would have to cut a word (then the table is drawn as a list of records)."""
    cells = [[c.header, *(row[i] for row in table.rows)] for i, c in enumerate(table.columns)]
    natural = [max(text_width(cell) for cell in column) for column in cells]
    floor = [
        min(natural[i], max(_MIN_WRAP, c.min_width, *(text_width(w) for cell in cells[i] for w in cell.split())))
        if c.wrap
        else natural[i]
        for i, c in enumerate(table.columns)
    ]
    gaps = 2 * (len(natural) - 1)
    if sum(floor) + gaps > width:
        return None
    widths = list(natural)
    while sum(widths) + gaps > width:
        widest = max(
            (i for i, c in enumerate(table.columns) if c.wrap and widths[i] > floor[i]), key=lambda i: widths[i]
        )
        widths[widest] -= 1
    return widths


def records(table: Table, width: int) -> list[tuple[str, str]]:
    """A table too wide for the screen as one block per row: "1. Name", then "Header: value" lines (with the
    row's style), each wrapped at spaces."""
    out: list[tuple[str, str]] = []
    for index, row in enumerate(table.rows):
        style = table.styles[index] if index < len(table.styles) else ""
        if index:
            out.append(("", ""))
        first = ". ".join(cell for cell in row[:2] if cell)
        out += [(line, style) for line in wrap(first, width)]
        for column, cell in zip(table.columns[2:], row[2:], strict=True):
            if cell:
                out += [("   " + line, style) for line in wrap(f"{column.header}: {cell}", width - 3)]
    return out


def plain_table(table: Table, width: int) -> list[str]:
    widths = fit(table, width)
    if widths is None:
        return [line for line, _ in records(table, width)]
    fitted = widths
    out = []

    def draw(cells: Sequence[str]) -> None:
        wrapped = [wrap(cell, w) if c.wrap else [cell] for cell, w, c in zip(cells, fitted, table.columns, strict=True)]
        for n in range(max(len(lines) for lines in wrapped)):
            parts = []
            for lines, w, c in zip(wrapped, fitted, table.columns, strict=True):
                cell = lines[n] if n < len(lines) else ""
                pad = " " * max(0, w - text_width(cell))
                parts.append(pad + cell if c.justify == "right" else cell + pad)
            out.append("  ".join(parts).rstrip())

    draw([c.header for c in table.columns])
    out.append("  ".join("-" * w for w in fitted))
    for row in table.rows:
        draw(row)
    return out


def plain_page(page: Page, width: int, lang: Lang) -> str:
    """The page as plain text for a pipe or a file: paragraphs and tables wrapped to `width`, no colour."""
    lines: list[str] = []
    for text in page.head:
        lines += wrap(text, width)
    for table in page.tables:
        lines.append("")
        if table.title:
            lines += wrap(table.title, width)
        lines += plain_table(table, width)
    if page.foot:
        lines.append("")
        for text in page.foot:
            lines += wrap(text, width)
    if page.notices:
        lines += ["", wording.NOTICES.get(lang)]
        for text in page.notices:
            lines += ["  " + part for part in wrap(text, width - 2)]
    return "\n".join(lines) + "\n"
