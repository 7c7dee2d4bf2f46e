"""Plain Markdown read into the document model without markdown-it: the same blocks, several times faster.

A province's report reads thousands of notes' sections and a template output of tens of thousands of lines;
markdown-it-py's general machinery took most of the report's time. Nearly all of that text is plain:
paragraphs, lists, pipe tables, ATX headings, bold and italic, backslash escapes and entities.
`blocks` reads such text by the rules markdown-it (CommonMark with tables) applies to it, and gives up with
None on anything else: code, quotes, HTML, links, setext headings, rules, tabs, a list item's lazy
continuation line, emphasis that nests or that CommonMark's delimiter rules could pair more than one way.
`document.parse` then hands the text to markdown-it, so the result never depends on which path read it; a
property test checks the two against each other on generated text.
"""

from __future__ import annotations

import html.entities
import re
import unicodedata

from nq43.report.document import LINE_BREAK, Block, Heading, Inline, ListBlock, Paragraph, Run, Table

MAX_DEPTH = 8  # lists nested deeper go to markdown-it (and its nesting limit)
MAX_AUTOCOMPLETED_CELLS = 0x10000  # markdown-it ends a table whose short rows would add more empty cells

# CommonMark's white space (markdown-it's isWhiteSpace) and what its trim removes
_WHITESPACE = frozenset(
    chr(c) for c in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))
)
_TRIM = "".join(sorted(_WHITESPACE | {"\u2028", "\u2029"}))
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

# Text that is left to markdown-it wherever it stands: tabs and CR shift columns, a NUL is replaced, backticks
# make code, "~~~" a fence, "]:" a link reference definition.
_REFUSED_TEXT = ("\t", "\r", "\x00", "`", "~~~", "]:")
# Lines that start a construct not read here: a quote or HTML, a setext underline, a thematic break.
_REFUSED_LINE = re.compile(r"^ {0,3}(?:[<>]|=+ *$|-+ *$|(?:\* *){3,}$|(?:- *){3,}$|(?:_ *){3,}$)", re.MULTILINE)
_HEADING = re.compile(r"(#{1,6})(?: |$)")
_MARKER = re.compile(r"(?:([-+*])|([0-9]{1,9})([.)]))(?: |$)")
_DELIMITER_CELL = re.compile(r":?-+:?")
# Characters a line indented by one to three spaces may not start with inside a paragraph: it could end it.
_BLOCK_STARTS = frozenset("#-+*_=<>|0123456789~")
_INLINE_SPECIAL = re.compile(r"[\\&*_\n`\[<]")
_DIGITAL = re.compile(r"&#((?:x[a-f0-9]{1,6}|[0-9]{1,7}));", re.IGNORECASE)
_NAMED = re.compile(r"&([a-z][a-z0-9]{1,31});", re.IGNORECASE)
# markdown-it's named entities: HTML5's, named without their ";"
_ENTITIES = {name.rstrip(";"): chars for name, chars in html.entities.html5.items()}


class _NotPlain(Exception):
    """The text uses something this reader leaves to markdown-it."""


def blocks(text: str) -> tuple[Block, ...] | None:
    """The blocks markdown-it reads from `text` (already cleaned), or None when the text is not plain."""
    if any(part in text for part in _REFUSED_TEXT) or _REFUSED_LINE.search(text):
        return None
    try:
        return tuple(_read(text.split("\n"), 0))
    except _NotPlain:
        return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _read(lines: list[str], depth: int) -> list[Block]:
    """The blocks of a container's lines (a list item's lines come without the item's indentation)."""
    out: list[Block] = []
    index, count = 0, len(lines)
    while index < count:
        line = lines[index]
        if not line.strip(" "):
            index += 1
            continue
        if line[0] == " ":  # a paragraph may start one to three spaces in; code, or a list set in, is left
            indent = _indent(line)
            if indent >= 4 or line[indent] in _BLOCK_STARTS:
                raise _NotPlain
        table = _table_head(lines, index)
        if table is not None:
            read, index = _table(lines, index, *table)
            out.append(read)
        elif (heading := _HEADING.match(line)) is not None:
            out.append(_heading(line, heading.end(1)))
            index += 1
        elif _MARKER.match(line) is not None:
            items, index = _list(lines, index, depth)
            out.append(items)
        else:
            index = _paragraph(lines, index, out)
    return out


def _paragraph(lines: list[str], start: int, out: list[Block]) -> int:
    """Read the paragraph that starts at `start` into `out`; the index of the line after it."""
    index, count = start + 1, len(lines)
    while index < count:
        line = lines[index]
        indent = _indent(line)
        if indent == len(line):
            break
        if indent >= 4:  # never code inside a paragraph: a continuation line
            index += 1
            continue
        if _table_head(lines, index) is not None:
            if indent:
                raise _NotPlain
            break
        if indent:
            if line[indent] in _BLOCK_STARTS:
                raise _NotPlain
        elif _interrupts(line):
            break
        index += 1
    runs = _inline("\n".join(lines[start:index]).strip(_TRIM))
    if runs:
        out.append(Paragraph(runs))
    return index


def _interrupts(line: str) -> bool:
    """Whether a line ends the paragraph above it: a heading does, and a list item when it has content and,
    numbered, starts at 1."""
    if _HEADING.match(line) is not None:
        return True
    marker = _MARKER.match(line)
    return marker is not None and bool(line[marker.end() :].strip(" ")) and (marker[2] is None or int(marker[2]) == 1)


def _heading(line: str, start: int) -> Heading:
    """An ATX heading (its level is `start`, the count of "#"); a closing run of "#" after a space is not text."""
    end = max(start, len(line.rstrip(" ")))
    closing = max(start, len(line[:end].rstrip("#")))
    if closing > start and line[closing - 1] == " ":
        end = closing
    return Heading(start, _inline(line[start:end].strip(_TRIM)))


def _list(lines: list[str], start: int, depth: int) -> tuple[ListBlock, int]:
    """The list that starts at `start`: items of the same marker, each read as a container of its own."""
    if depth >= MAX_DEPTH:
        raise _NotPlain
    first = _MARKER.match(lines[start])
    assert first is not None
    ordered = first[2] is not None
    char = first[1] or first[3]
    number = int(first[2]) if ordered else 1
    items: list[tuple[Block, ...]] = []
    index, count = start, len(lines)
    while True:
        line = lines[index]
        marker = _MARKER.match(line)
        assert marker is not None
        width = marker.end()
        content = line[width:]
        if not content.strip(" ") or content[0] == " ":  # an empty item, or content set further in
            raise _NotPlain
        item = [content]
        index += 1
        while index < count:
            line = lines[index]
            indent = _indent(line)
            if indent == len(line):
                item.append("")
            elif indent >= width:
                item.append(line[width:])
            else:
                break
            index += 1
        if index < count:
            line = lines[index]
            if line[0] == " ":
                raise _NotPlain
            after_blank = not lines[index - 1].strip(" ")
            if not after_blank and _MARKER.match(line) is None and _HEADING.match(line) is None:
                raise _NotPlain  # a lazy continuation line
        if _REFUSED_LINE.search("\n".join(item)):  # a quote, HTML, a rule... inside the item
            raise _NotPlain
        items.append(tuple(_read(item, depth + 1)))
        if index >= count:
            break
        following = _MARKER.match(lines[index])
        if following is None or (following[2] is not None) != ordered or (following[1] or following[3]) != char:
            break
    return ListBlock(ordered, number or 1, tuple(items)), index


def _table_head(lines: list[str], index: int) -> tuple[list[str], list[str]] | None:
    """The header cells and column alignments when a pipe table starts at `index`, as markdown-it decides."""
    if index + 1 >= len(lines) or "|" not in lines[index]:
        return None
    rule = lines[index + 1]
    indent = _indent(rule)
    if indent >= 4 or _indent(lines[index]) >= 4:
        return None
    rule = rule[indent:]
    if len(rule) < 2 or rule[0] not in "|-:" or rule[1] not in "|-: " or (rule[0] == "-" and rule[1] == " "):
        return None
    if rule.strip("|-: "):
        return None
    columns = rule.split("|")
    aligns = []
    for position, column in enumerate(columns):
        cell = column.strip(_TRIM)
        if not cell:
            if position in (0, len(columns) - 1):
                continue
            return None
        if _DELIMITER_CELL.fullmatch(cell) is None:
            return None
        if cell[-1] == ":":
            aligns.append("center" if cell[0] == ":" else "right")
        else:
            aligns.append("left" if cell[0] == ":" else "")
    header = _cells(lines[index].strip(_TRIM))
    if not header or len(header) != len(aligns):
        return None
    return header, aligns


def _cells(text: str) -> list[str]:
    """A row's cells: split at the pipes that are not escaped (the escaping backslash goes), outer empty ones
    dropped (markdown-it's escapedSplit)."""
    if "\\" in text:
        cells = []
        current = ""
        last = 0
        escaped = False
        for position, ch in enumerate(text):
            if ch == "|":
                if not escaped:
                    cells.append(current + text[last:position])
                    current = ""
                    last = position + 1
                else:
                    current += text[last : position - 1]
                    last = position
            escaped = ch == "\\"
        cells.append(current + text[last:])
    else:
        cells = text.split("|")
    if cells[0] == "":
        del cells[0]
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _table(lines: list[str], start: int, header: list[str], aligns: list[str]) -> tuple[Table, int]:
    """The table that starts at `start`: its rows run to a blank line or a line that starts another block."""
    width = len(header)
    rows: list[tuple[Inline, ...]] = []
    autocompleted = 0
    index, count = start + 2, len(lines)
    while index < count:
        line = lines[index]
        indent = _indent(line)
        if indent < 4 and (_HEADING.match(line, indent) is not None or _MARKER.match(line, indent) is not None):
            break
        text = line.strip(_TRIM)
        if not text or indent >= 4:
            break
        cells = _cells(text)
        autocompleted += width - len(cells)
        if autocompleted > MAX_AUTOCOMPLETED_CELLS:
            break
        rows.append(
            tuple(_inline(cells[column].strip(_TRIM)) if column < len(cells) else () for column in range(width))
        )
        index += 1
    return Table(tuple(_inline(cell.strip(_TRIM)) for cell in header), tuple(rows), tuple(aligns)), index


# ---------------------------------------------------------------- inline


class _Delimiter:
    """A run of "*" or "_", and whether CommonMark lets it open or close emphasis."""

    __slots__ = ("closes", "length", "marker", "opens")

    def __init__(self, marker: str, length: int, opens: bool, closes: bool) -> None:
        self.marker, self.length, self.opens, self.closes = marker, length, opens, closes


_SOFT_BREAK = Run(" ")


def _punctuation(ch: str) -> bool:
    return ch in _ASCII_PUNCT or unicodedata.category(ch)[0] in "PS"


def _delimiter(text: str, start: int, end: int) -> _Delimiter:
    """markdown-it's scanDelims: the characters around the run decide (a line's ends count as spaces)."""
    marker = text[start]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    before_space, after_space = before in _WHITESPACE, after in _WHITESPACE
    before_punct, after_punct = _punctuation(before), _punctuation(after)
    left = not (after_space or (after_punct and not (before_space or before_punct)))
    right = not (before_space or (before_punct and not (after_space or after_punct)))
    if marker == "*":
        return _Delimiter(marker, end - start, left, right)
    return _Delimiter(marker, end - start, left and (not right or before_punct), right and (not left or after_punct))


def _valid_entity(code: int) -> bool:
    """markdown-it's isValidEntityCode: a numeric entity for anything else gives U+FFFD."""
    return not (
        0xD800 <= code <= 0xDFFF
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFF) in (0xFFFE, 0xFFFF)
        or code <= 0x08
        or code == 0x0B
        or 0x0E <= code <= 0x1F
        or 0x7F <= code <= 0x9F
        or code > 0x10FFFF
    )


def _inline(text: str) -> Inline:
    """The runs of an inline text: escapes, numeric entities, line breaks, and bold or italic that pair one way
    only (each opening run closed by the next, none nested)."""
    if _INLINE_SPECIAL.search(text) is None:
        return (Run(text),) if text else ()
    pieces: list[str | Run | _Delimiter] = []
    pending = ""
    position, size = 0, len(text)
    while (special := _INLINE_SPECIAL.search(text, position)) is not None:
        at = special.start()
        pending += text[position:at]
        ch = text[at]
        position = at + 1
        if ch == "\n":
            brk = _SOFT_BREAK
            if pending.endswith("  "):
                pending, brk = pending.rstrip(" "), LINE_BREAK
            elif pending.endswith(" "):
                pending = pending[:-1]
            pieces += (pending, brk)
            pending = ""
            while position < size and text[position] == " ":
                position += 1
        elif ch == "\\":
            if at + 1 == size:
                pending += "\\"
            elif text[at + 1] == "\n":
                pieces += (pending, LINE_BREAK)
                pending = ""
                position = at + 2
                while position < size and text[position] == " ":
                    position += 1
            else:
                escaped = text[at + 1]
                pieces += (pending, escaped if escaped in _ASCII_PUNCT else "\\" + escaped)
                pending = ""
                position = at + 2
        elif ch == "&":
            entity = _DIGITAL.match(text, at)
            if entity is not None:
                value = entity[1]
                code = int(value[1:], 16) if value[0] in "xX" else int(value)
                pieces += (pending, chr(code) if _valid_entity(code) else "\ufffd")
                pending = ""
                position = entity.end()
            elif (named := _NAMED.match(text, at)) is not None and named[1] in _ENTITIES:
                pieces += (pending, _ENTITIES[named[1]])
                pending = ""
                position = named.end()
            else:
                pending += "&"
        elif ch in "*_":
            end = at + 1
            while end < size and text[end] == ch:
                end += 1
            pieces += (pending, _delimiter(text, at, end))
            pending = ""
            position = end
        else:  # code spans, links, HTML and autolinks
            raise _NotPlain
    pieces.append(pending + text[position:])
    return _styled(pieces)


def _styled(pieces: list[str | Run | _Delimiter]) -> Inline:
    """Runs from the pieces: each pair of delimiters styles the text between. The runs come out as
    `merge_runs` makes them of markdown-it's tokens: a text token (the text between two breaks or styles) that
    is a lone line feed (`&#10;`) is a line break, and the rest of a style's text, soft breaks included, is
    one run."""
    active = [p for p in pieces if isinstance(p, _Delimiter) and (p.opens or p.closes)]
    if len(active) % 2:
        raise _NotPlain
    for opening, closing in zip(active[0::2], active[1::2], strict=True):
        if (
            opening.closes
            or not opening.opens
            or closing.opens
            or not closing.closes
            or opening.marker != closing.marker
            or opening.length != closing.length
            or opening.length > 2
        ):
            raise _NotPlain
    runs: list[Run] = []
    bold = italic = False
    run: list[str] = []  # the text of the run being made
    token: list[str] = []  # the text of markdown-it's text token being made
    for piece in (*pieces, LINE_BREAK):
        if isinstance(piece, str):
            token.append(piece)
            continue
        if isinstance(piece, _Delimiter) and not (piece.opens or piece.closes):
            token.append(piece.marker * piece.length)
            continue
        text = "".join(token)
        token = []
        if text == "\n":
            if run:
                runs.append(Run("".join(run), bold, italic))
                run = []
            runs.append(LINE_BREAK)
        elif text:
            run.append(text.replace("\n", " "))
        if piece is _SOFT_BREAK:
            run.append(" ")
            continue
        if run:
            runs.append(Run("".join(run), bold, italic))
            run = []
        if piece is LINE_BREAK:
            runs.append(LINE_BREAK)
        elif isinstance(piece, _Delimiter):
            if piece.length == 2:
                bold = piece.opens
            else:
                italic = piece.opens
    runs.pop()  # the line break that ended the pieces
    return tuple(runs)
