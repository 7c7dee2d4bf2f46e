"""Read a filled Word form (`nq43 new --docx`) as the text of the Markdown note it stands for.

The header table and the task table become the front matter, the task headings and what is typed under them
the body (paragraphs, lists, bold, italic, tables); the hint lines are left out. Every line of the text comes
with the place in the form it was read from, so that the findings of the one parser and checker of notes
(load/notes.py, check/validation.py) point at a cell or a section a clerk can find.

The form is read by its words (load/formwords.py) and by the structure Word keeps (styles, tables, content
controls), so a form saved by another Word, by LibreOffice, or with the drop-down replaced by typed text reads.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from datetime import date
from typing import Any, NamedTuple

from nq43.domain.vocabulary import Status
from nq43.load import formbody
from nq43.load import formwords as words
from nq43.load.formbody import qn
from nq43.load.formwords import Place
from nq43.load.limits import LIMITS

_CODE_IN_PARENTHESES = re.compile(r".*\(\s*([^()]+?)\s*\)\s*")
_DAY_MONTH_YEAR = re.compile(
    r"(?:ngày\s*)?(\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(\d{4})"
)
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_INDICATOR = re.compile(r".*\[\s*([a-z0-9][a-z0-9-]*)\s*\]\s*:?\s*(.*)")


class FormText(NamedTuple):
    """The note's text and, for each of its lines, where it is in the form (None: the form as a whole)."""

    text: str
    places: tuple[Place | None, ...]


class UnreadableForm(Exception):
    """The file is no Word document python-docx can open; the argument says why, in Vietnamese."""


def form_text(data: bytes, *, received: date | None = None) -> FormText | None:
    """The note a form holds, None when the file is not the form (it has no task table); UnreadableForm when it
    is no Word document at all.

    `received`, when given, is written as the day of submission instead of the form's "Ngày gửi".
    """
    from docx import Document  # heavy: imported when a form is read, not by every command that reads notes
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
        body = document.element.body
    except (zipfile.BadZipFile, PackageNotFoundError):
        raise UnreadableForm("không phải tệp nén .docx (có thể là .doc hay .pdf đổi tên)") from None
    # a damaged zip (zlib.error, EOFError), an encrypted or oddly compressed one (RuntimeError,
    # NotImplementedError), a part that is no XML (lxml's XMLSyntaxError is a SyntaxError) or not the one
    # expected (a document without a body: AttributeError), a part missing (KeyError) or of the wrong type
    except (zlib.error, EOFError, RuntimeError, NotImplementedError, SyntaxError, AttributeError, KeyError, ValueError):
        raise UnreadableForm("tệp Word bị hỏng hoặc được mã hoá") from None
    if body is None:
        raise UnreadableForm("tệp Word không có nội dung")
    blocks = list(formbody.blocks(body))
    task_table = next((i for i, b in enumerate(blocks) if _is_task_table(b)), None)
    if task_table is None:
        return None
    header = next((i for i, b in enumerate(blocks) if _is_header_table(b)), None)
    amends = next((i for i, b in enumerate(blocks) if _is_amends_table(b)), None)
    out = formbody.Lines(LIMITS["form"].lines)
    out.add("---", None)
    _front_matter(out, blocks, header, task_table, received)
    if amends is not None:
        _amend_rows(out, blocks[amends], amends + 1)
    out.add("---", None)
    out.add("", None)
    skip = {task_table} | {i for i in (header, amends) if i is not None}
    formbody.body(out, document, blocks, skip=skip)
    return FormText("\n".join(out.lines) + "\n", tuple(out.places))


def _first_row(block: Any) -> list[str]:
    rows = formbody.rows(block, 1) if block.tag == qn("w:tbl") else []
    return [formbody.cell_text(c) for c in rows[0]] if rows else []


def _is_task_table(block: Any) -> bool:
    columns = {words.column_of(text) for text in _first_row(block)}
    return words.ID in columns and words.STATUS in columns


def _is_amends_table(block: Any) -> bool:
    columns = {words.amend_column_of(text) for text in _first_row(block)}
    return set(words.AMEND_FIELDS) <= columns


def _is_header_table(block: Any) -> bool:
    if block.tag != qn("w:tbl"):
        return False
    labels = [words.header_field(formbody.cell_text(row[0])) for row in formbody.rows(block) if row]
    return sum(label is not None for label in labels) >= 2


# --- the front matter, from the header table and the task table ---


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _code(text: str) -> str:
    """The code in "Phòng Quản lý Đầu tư (qldt)", else the text."""
    match = _CODE_IN_PARENTHESES.fullmatch(text)
    return match[1] if match else text


def _day(text: str) -> str:
    """A day written 08/06/2025, 8-6-2025, "ngày 8 tháng 6 năm 2025" or 2025-06-08, as 2025-06-08; other text
    is kept for the checks to name."""
    match = _DAY_MONTH_YEAR.fullmatch(text.strip())
    if match:
        return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    match = _ISO_DAY.fullmatch(text.strip())
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else text


def _number(text: str) -> str:
    """A number as YAML writes it: "72,5" and "72.5 %" are 72.5; other text is kept, quoted, for the checks."""
    plain = text.replace("%", "").replace(" ", "").replace("\u00a0", "")
    if plain.count(",") == 1 and "." not in plain:
        plain = plain.replace(",", ".")
    try:
        value = float(plain)
    except ValueError:
        return _quoted(text)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _front_matter(
    out: formbody.Lines, blocks: list[Any], header: int | None, tasks: int, received: date | None
) -> None:
    values: dict[str, tuple[str, Place]] = {}
    if header is not None:
        for row in formbody.rows(blocks[header]):
            field = words.header_field(formbody.cell_text(row[0])) if row else None
            if field is not None and field not in values:
                label = formbody.cell_text(row[0]).rstrip(":")
                value = formbody.cell_text(row[-1]) if len(row) > 1 else ""
                values[field] = (value, words.header_place(header + 1, label))
    for label, field in words.HEADER.items():
        text, place = values.get(field, ("", words.header_place((header or 0) + 1, label)))
        text = " ".join(text.split())
        if field == "submitted" and received is not None:
            text = received.isoformat()
        if field in ("unit", "quarter"):
            out.add(f"{field}: {_quoted(_code(text))}", place)
        elif field == "submitted":
            out.add(f"{field}: {_quoted(_day(text))}" if text else f"{field}:", place)
        elif text or field == "prepared_by":
            out.add(f"{field}: {_quoted(text)}", place)
    _task_rows(out, blocks[tasks], tasks + 1)


def _task_rows(out: formbody.Lines, table: Any, block: int) -> None:
    rows = formbody.rows(table, out.limit + 1)  # each task is two lines or more: more rows are over the limit
    columns = [words.column_of(text) for text in (formbody.cell_text(c) for c in rows[0])]
    out.add("tasks:", words.table_place(block))
    for number, row in enumerate(rows[1:], start=2):  # as a clerk counts, the heading row is row 1
        if out.full:
            return
        cells = {column: formbody.cell_text(cell) for column, cell in zip(columns, row, strict=False) if column}
        task = " ".join(cells.get(words.ID, "").split()).rstrip(".")
        if not task:
            continue

        def at(column: str = "", row: int = number, task: str = task) -> Place:
            return words.task_place(block, row, task, column)

        out.add(f"  {_quoted(task)}:", at())
        status_text = " ".join(cells.get(words.STATUS, "").split())
        status = Status.recognise(status_text)
        written = status.value if status is not None else status_text
        out.add(f"    status: {_quoted(written)}" if written else "    status:", at(words.STATUS))
        progress = cells.get(words.PROGRESS, "").strip()
        if progress:
            out.add(f"    progress: {_number(progress)}", at(words.PROGRESS))
        completed = cells.get(words.COMPLETED, "").strip()
        if completed:
            out.add(f"    completed: {_quoted(_day(completed))}", at(words.COMPLETED))
        indicators = [
            (match[1], match[2].strip())
            for line in cells.get(words.INDICATORS, "").split("\n")
            if (match := _INDICATOR.fullmatch(line.strip())) and match[2].strip()
        ]
        if indicators:
            out.add("    indicators:", at(words.INDICATORS))
            for indicator, value in indicators:
                out.add(f"      {_quoted(indicator)}: {_number(value)}", at(words.INDICATORS))


def _amend_rows(out: formbody.Lines, table: Any, block: int) -> None:
    """The corrections table's filled rows as the front matter's `amends:` (none when every row is empty); rows
    past the note's line limit are not read (no corrections table is that long: it is an attack)."""
    rows = formbody.rows(table, out.limit + 1)
    columns = [words.amend_column_of(text) for text in (formbody.cell_text(c) for c in rows[0])]
    filled = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {column: formbody.cell_text(cell) for column, cell in zip(columns, row, strict=False) if column}
        values = {column: " ".join(cells.get(column, "").split()) for column in words.AMEND_FIELDS}
        if any(values.values()):
            filled.append((number, values))
    if not filled:
        return
    out.add("amends:", words.amends_place(block, filled[0][0]))
    for number, values in filled:
        day, reason = values[words.AMEND_DATE], values[words.AMEND_REASON]
        out.add(f"  - date: {_quoted(_day(day))}", words.amends_place(block, number, words.AMEND_DATE))
        out.add(f"    reason: {_quoted(reason)}", words.amends_place(block, number, words.AMEND_REASON))
