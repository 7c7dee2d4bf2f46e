"""The XML of a Word form read as Markdown: blocks, runs, paragraphs, lists and tables (load/formread.py).

Runs are read where Word shows them (in links, fields and content controls too), not when deleted; bold and
italic become Markdown emphasis, Markdown's own characters are escaped, pasted spacing is made plain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from nq43.load import formwords as words
from nq43.load.formwords import Place
from nq43.load.limits import MAX_TABLE_COLUMNS

if TYPE_CHECKING:  # python-docx itself is imported only when a form is read (load/formread.py): it is heavy
    from docx.document import Document as DocumentObject

_WORDPROCESSING = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_HEADING = re.compile(r"heading\s*([1-9])", re.IGNORECASE)
_SKIPPED_STYLES = {"title", "subtitle"}
_SPACES = re.compile(r"[ \t\u00a0]{2,}|\t")
_ESCAPED = re.compile(r"([\\`*_\[\]<>|&~])")
# What would start a heading, a list or a rule at the start of a line of plain text ("1. ", "- ", "# ", "===")
_LINE_START = re.compile(r"(?:#{1,6}|[-+]|\d{1,9}[.)])(?=\s|$)|[=-]+\s*$")


def qn(tag: str) -> str:
    """The element name "w:p" as lxml writes it, in WordprocessingML's namespace."""
    return _WORDPROCESSING + tag.removeprefix("w:")


# No table of a note is wider than a landscape page (NQ510 says so); a cell claiming to span more is cut here.
_MAX_SPAN = 4 * MAX_TABLE_COLUMNS


class Lines:
    """Lines of the Markdown note with their places in the form (None: the form as a whole).

    Reading stops once the text is past `limit` lines: a note that long is refused whole (NQ112), so the rest of
    a huge form (a 10 MiB document part holds 200,000 paragraphs) is never turned into text.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.lines: list[str] = []
        self.places: list[Place | None] = []

    @property
    def full(self) -> bool:
        return len(self.lines) > self.limit

    def add(self, line: str, place: Place | None) -> None:
        self.lines.append(line)
        self.places.append(place)


def blocks(body: Any) -> Iterator[Any]:
    """Paragraphs and tables in reading order; block content controls are looked into."""
    for child in body.iterchildren():
        if child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from blocks(content)
        elif child.tag in (qn("w:p"), qn("w:tbl")):
            yield child


def _runs(paragraph: Any) -> Iterator[Any]:
    """The paragraph's runs as Word shows them: in links, fields and content controls too, not deleted ones,
    nor the placeholder text of an empty content control."""
    for run in paragraph.iter(qn("w:r")):
        ancestors = {a.tag for a in run.iterancestors()}
        if qn("w:del") in ancestors or qn("w:txbxContent") in ancestors:
            continue
        if any(_is_placeholder(a) for a in run.iterancestors(qn("w:sdt"))):
            continue
        yield run


def _is_placeholder(sdt: Any) -> bool:
    properties = sdt.find(qn("w:sdtPr"))
    return properties is not None and properties.find(qn("w:showingPlcHdr")) is not None


def _run_text(run: Any) -> str:
    return "".join(str(e) for e in run.xpath("w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"))


def _paragraph_text(paragraph: Any) -> str:
    text = "".join(_run_text(r) for r in _runs(paragraph))
    return text or _dropdown_result(paragraph)


def _dropdown_result(paragraph: Any) -> str:
    """The chosen entry of a legacy drop-down form field (what older Word and LibreOffice may save)."""
    for field in paragraph.iter(qn("w:ddList")):
        entries = [e.get(qn("w:val"), "") for e in field.findall(qn("w:listEntry"))]
        chosen = field.find(qn("w:result"))
        index = _integer(chosen.get(qn("w:val")) if chosen is not None else None, 0, len(entries))
        return entries[index] if 0 <= index < len(entries) else ""
    return ""


def _integer(text: str | None, default: int, high: int) -> int:
    """A number the XML gives (a span, a level, a choice), within 0..high; `default` when it is none."""
    try:
        return max(0, min(int(text), high)) if text is not None else default
    except ValueError:
        return default


def clean(text: str) -> str:
    """Odd spacing of pasted text made plain: tabs and runs of spaces become one space."""
    return _SPACES.sub(" ", text).strip()


def cell_text(cell: Any) -> str:
    """A cell's text, one line per paragraph (content controls included)."""
    return "\n".join(clean(_paragraph_text(p)) for p in cell.iter(qn("w:p"))).strip()


def rows(table: Any, most: int | None = None) -> list[list[Any]]:
    """The cells of each row (of the first `most` rows, when given), a merged cell repeated over the columns it
    spans."""
    rows = []
    for row in table.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr")[:most]:
        cells = []
        for cell in row.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc"):
            span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            cells += [cell] * max(1, _integer(span.get(qn("w:val")) if span is not None else None, 1, _MAX_SPAN))
        rows.append(cells)
    return rows


class _Where:
    """The heading the body is under, for the places of its lines."""

    def __init__(self) -> None:
        self.section = ""
        self.part = ""

    def place(self, block: int) -> Place:
        if not self.section:
            return words.start_place(block)
        return words.section_place(block, self.section, self.part)


def body(out: Lines, document: DocumentObject, blocks: list[Any], skip: set[int]) -> None:
    where = _Where()
    definitions = _Definitions(document)
    numbers: dict[tuple[str, int], int] = {}
    in_list = False
    for index, block in enumerate(blocks):
        number = index + 1
        if out.full:
            return
        if index in skip:
            continue
        if block.tag == qn("w:tbl"):
            lines = _table(block, most=out.limit + 1 - len(out.lines))
            if lines:
                _separate(out, where.place(number))
                for line in lines:
                    out.add(line, where.place(number))
                in_list = False
            continue
        style = _style_name(definitions, block)
        text = _paragraph_text(block)
        if style.lower() in _SKIPPED_STYLES or words.is_hint(text) or not text.strip():
            continue
        level = _heading_level(definitions, block)
        if level == 1:
            continue
        if level in (2, 3):
            heading = clean(text)
            if level == 2:
                where.section, where.part = heading, ""
            else:
                where.part = heading
            _separate(out, where.place(number))
            out.add(f"{'#' * level} {heading}", where.place(number))
            in_list = False
            continue
        item = _list_item(definitions, block, numbers)
        if item is None or not in_list:
            _separate(out, where.place(number))
        marker = item or ""
        for line_number, line in enumerate(_inline(block).split("\n")):
            prefix = marker if line_number == 0 else " " * len(marker)
            out.add(prefix + line, where.place(number))
        in_list = item is not None


def _separate(out: Lines, place: Place) -> None:
    if out.lines and out.lines[-1] != "":
        out.add("", place)


class _Definitions:
    """The form's styles and list definitions by id, gathered once per form: python-docx's own look-up searches
    the whole part for each paragraph (a form with 20,000 styles took minutes) and fails on an id with a quote."""

    def __init__(self, document: DocumentObject) -> None:
        self.styles: dict[str | None, Any] = {}
        for style in document.styles.element.findall(qn("w:style")):
            self.styles.setdefault(style.get(qn("w:styleId")), style)
        self.numbered = True
        self.abstracts: dict[str | None, list[str | None]] = {}  # list id -> its definitions' ids, in order
        self.levels: dict[str | None, list[Any]] = {}  # definition id -> the definitions, in order
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            self.numbered = False
            return
        for num in numbering.findall(qn("w:num")):
            abstract = num.find(qn("w:abstractNumId"))
            ids = self.abstracts.setdefault(num.get(qn("w:numId")), [])
            ids.append(abstract.get(qn("w:val")) if abstract is not None else None)
        for definition in numbering.findall(qn("w:abstractNum")):
            self.levels.setdefault(definition.get(qn("w:abstractNumId")), []).append(definition)

    def style(self, paragraph: Any) -> Any:
        return self.styles.get(paragraph.style) if paragraph.style else None


def _style_name(definitions: _Definitions, paragraph: Any) -> str:
    style = definitions.style(paragraph)
    return str(style.name_val) if style is not None and style.name_val else "Normal"


def _heading_level(definitions: _Definitions, paragraph: Any) -> int | None:
    """2 for a "Heading 2" paragraph (or one in a style based on it), None for any other."""
    style = definitions.style(paragraph)
    for _ in range(10):  # a style's "based on" chain, cut short should it loop
        if style is None:
            return None
        match = _HEADING.fullmatch(str(style.name_val or ""))
        if match:
            return int(match[1])
        parent = style.basedOn_val
        style = definitions.styles.get(parent) if parent else None
    return None


def _list_item(definitions: _Definitions, paragraph: Any, numbers: dict[tuple[str, int], int]) -> str | None:
    """The Markdown marker of a list paragraph ("- ", "2. ", indented by level), None for a plain paragraph."""
    properties = _numbering_properties(definitions, paragraph)
    if properties is None:
        return None
    num_id, level = properties
    if num_id == "0":
        return None
    indent = "  " * level
    if _is_bullet(definitions, num_id, level):
        return indent + "- "
    key = (num_id, level)
    numbers[key] = numbers.get(key, 0) + 1
    for deeper in [k for k in numbers if k[0] == num_id and k[1] > level]:
        del numbers[deeper]
    return indent + f"{numbers[key]}. "


def _numbering_properties(definitions: _Definitions, paragraph: Any) -> tuple[str, int] | None:
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if found is None and paragraph.style:
        style = definitions.style(paragraph)
        found = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") if style is not None else None
    if found is None:
        return None
    num_id = found.find(qn("w:numId"))
    level = found.find(qn("w:ilvl"))
    return (
        num_id.get(qn("w:val"), "0") if num_id is not None else "0",
        _integer(level.get(qn("w:val")) if level is not None else None, 0, 8),
    )


def _is_bullet(definitions: _Definitions, num_id: str, level: int) -> bool:
    if not definitions.numbered:
        return True
    for abstract_id in definitions.abstracts.get(num_id, []):
        for definition in definitions.levels.get(abstract_id, []):
            for lvl in definition.findall(qn("w:lvl")):
                if lvl.get(qn("w:ilvl")) == str(level):
                    fmt = lvl.find(qn("w:numFmt"))
                    return fmt is None or fmt.get(qn("w:val")) in ("bullet", "none")
    return True


def _escape(text: str) -> str:
    return _ESCAPED.sub(r"\\\1", text)


def _inline(paragraph: Any, *, line_start: bool = True) -> str:
    """The paragraph's text as Markdown: bold and italic runs marked, Markdown's own characters escaped (at the
    start of a line too, with `line_start`), one line per line break."""
    pieces: list[tuple[str, bool, bool]] = []
    for run in _runs(paragraph):
        text = _run_text(run)
        if not text:
            continue
        bold, italic = _emphasis(run)
        if pieces and pieces[-1][1:] == (bold, italic):
            pieces[-1] = (pieces[-1][0] + text, bold, italic)
        else:
            pieces.append((text, bold, italic))
    if not pieces:
        pieces = [(_dropdown_result(paragraph), False, False)]
    lines: list[str] = [""]
    for text, bold, italic in pieces:
        for index, part in enumerate(text.replace("\r", "\n").split("\n")):
            if index:
                lines.append("")
            lines[-1] += _marked(part, bold, italic)
    cleaned = [clean(line) for line in lines]
    return "\n".join(_guarded(line) if line_start else line for line in cleaned)


def _guarded(line: str) -> str:
    """A line of plain text that Markdown would read as a heading, a list item or a rule, escaped."""
    if not _LINE_START.match(line):
        return line
    digits = len(line) - len(line.lstrip("0123456789"))
    return line[:digits] + "\\" + line[digits:]


def _marked(text: str, bold: bool, italic: bool) -> str:
    core = text.strip()
    if not core or not (bold or italic):
        return _escape(text)
    mark = "***" if bold and italic else "**" if bold else "*"
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{_escape(core)}{mark}{trail}"


def _emphasis(run: Any) -> tuple[bool, bool]:
    properties = run.find(qn("w:rPr"))

    def on(tag: str) -> bool:
        found = properties.find(qn(tag)) if properties is not None else None
        return found is not None and found.get(qn("w:val"), "true") not in ("0", "false", "off")

    return on("w:b"), on("w:i")


def _table(table: Any, most: int) -> list[str]:
    """A pasted table as a Markdown pipe table: the first row is the heading, each column aligned as its first
    body cell; at most `most` rows are read (the lines left before the note's limit)."""
    found = rows(table, most)
    width = max((len(r) for r in found), default=0)
    if width == 0:
        return []
    texts = [[_cell_markdown(c) for c in row] + [""] * (width - len(row)) for row in found]
    first = found[1] if len(found) > 1 else []
    aligns = [_alignment(first[i] if i < len(first) else None) for i in range(width)]
    lines = ["| " + " | ".join(texts[0]) + " |", "|" + "|".join(aligns) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in texts[1:]]
    return lines


def _cell_markdown(cell: Any) -> str:
    parts = [_inline(p, line_start=False).replace("\n", " ") for p in cell.iter(qn("w:p"))]
    return " ".join(p for p in parts if p)


def _alignment(cell: Any) -> str:
    found = cell.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:jc')}") if cell is not None else None
    value = found.get(qn("w:val")) if found is not None else None
    return {"right": "---:", "end": "---:", "center": ":---:"}.get(value or "", "---")
