"""The reminder letter (công văn đôn đốc): the Board asks the units without a valid note for a quarter to send
it by a new date. A letter in Decree 30's layout (Appendix III, Mẫu 1.5), made by the report's pipeline: the
template `remind.md.j2` rendered by `rendering`, the same document model and the same .docx writer.

Who is late is decided by `nq43 status` (tracking), which the command passes in as plain `Late` records: this
module reads nothing but the template.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from nq43.domain.findings import Finding, Severity
from nq43.domain.records import Directive, Quarter, Unit
from nq43.load.calendar import Calendar
from nq43.load.issued import REPORTS_DIR
from nq43.report.assembly import issued_document, letterhead_frame
from nq43.report.context import LateEntry, LetterInfo, QuarterInfo, ReminderContext, ResolutionInfo
from nq43.report.document import ReportDocument
from nq43.report.docx import build_docx
from nq43.report.model import letterhead
from nq43.report.rendering import Rendered, render, template_dirs
from nq43.support.pdf import Written, write_document
from nq43.support.text import Text
from nq43.support.vietnamese import date_long

TEMPLATE_NAME = "remind.md.j2"
REQUIRED_BLOCKS = ("summary", "body")
GREETING = "Kính gửi:"
# Without --by, the units get this many working days after the letter's date (days off from the calendar).
BY_WORKING_DAYS = 5
# The letter names at most this many things to put right in one note, then how many more there are.
MAX_PROBLEMS = 5
LETTER_NUMBER = Text("Số công văn", "Letter number")
RECIPIENTS = ("Như trên;", "Lưu: VT, VP.")  # "Như trên" stands for the units the letter is addressed to

# What a unit head does not need in a letter: where in a file a problem is ("(lần đầu ở dòng 12)").
_LINE_REFERENCE = re.compile(r"\s*\((?:lần đầu )?ở dòng \d+\)")
# What has no place in a letter at all: a file path, a file name, a finding code, a command.
_TECHNICAL = re.compile(r"[\w.<>-]*/[\w.<>-]+|\.(?:md|ya?ml)\b|\bNQ\d{3}\b|\bnq43\b|`|docs/")
_UNREADABLE = "Tệp ghi chú không đọc được hoặc không đúng chỗ; đề nghị đơn vị lập lại ghi chú theo mẫu."
_NOT_VALID = "Ghi chú chưa đúng quy định; đề nghị đơn vị kiểm tra lại và gửi lại."


class Late(NamedTuple):
    """A unit to remind, as `nq43 status` sees it: its due date, and what was found in the note it sent (none
    when it sent none; only its errors are named in the letter)."""

    unit: Unit
    due: date
    submitted: bool
    findings: tuple[Finding, ...] = ()


class ReminderOptions(NamedTuple):
    quarter: Quarter
    due: date  # the quarter's due date
    by: date  # the new date
    date: date  # the letter's date
    number: str = ""  # "" leaves the number blank
    signer: str | None = None
    draft: bool = False


def reminder_name(quarter: Quarter) -> str:
    return f"don-doc-{quarter}"


def default_by(calendar: Calendar, day: date) -> date:
    """The new date when --by is not given: BY_WORKING_DAYS working days after the letter's date."""
    return calendar.working_days_after(day, BY_WORKING_DAYS)


def plain_problems(findings: Sequence[Finding]) -> tuple[str, ...]:
    """What to put right in a note, for a unit head: each error's message and, where it is plain words, how to
    fix it; never a file path, a line number, a code or a command. At most MAX_PROBLEMS, then how many more."""
    out: list[str] = []
    for item in findings:
        if item.severity is not Severity.ERROR:
            continue
        message = _LINE_REFERENCE.sub("", item.message("vi"))
        if _TECHNICAL.search(message):
            message = _UNREADABLE
        hint = item.hint("vi")
        if hint and not _TECHNICAL.search(hint) and "{" not in hint:
            message = f"{message.rstrip('.')}: {hint[0].lower()}{hint[1:]}"
        if message not in out:
            out.append(message)
    if not out:
        return (_NOT_VALID,)
    if len(out) > MAX_PROBLEMS:
        return (*out[:MAX_PROBLEMS], f"Và {len(out) - MAX_PROBLEMS} nội dung khác cần sửa.")
    return tuple(out)


def _entry(late: Late) -> LateEntry:
    problems = plain_problems(late.findings) if late.submitted else ()
    return LateEntry(late.unit.id, late.unit.name, late.submitted, late.due, date_long(late.due), problems)


def letter_symbol(directive: Directive) -> str:
    """The letter's symbol: the agency's abbreviation and the unit that drafts it, the consolidating unit
    ("BQL-VP")."""
    return f"{directive.letter.abbreviation}-{directive.reporting.consolidated_by.upper()}"


def build_reminder(directive: Directive, late: Sequence[Late], options: ReminderOptions) -> ReminderContext:
    """The letter's variables, from the directive (frame, signer, the cited letter) and the late units."""
    entries = tuple(_entry(item) for item in late)
    return ReminderContext(
        quarter=QuarterInfo.of(options.quarter),
        letterhead=letterhead(
            directive, options.date, options.number, letter_symbol(directive), options.signer, RECIPIENTS
        ),
        reported_to=directive.report.addressee,
        greeting=GREETING,
        addressees=tuple(entry.name for entry in entries),
        resolution=ResolutionInfo.of(directive.resolution),
        letter=LetterInfo.of(directive.letter),
        draft=options.draft,
        due=options.due,
        due_text=date_long(options.due),
        by=options.by,
        by_text=date_long(options.by),
        late=entries,
        missing=tuple(e for e in entries if not e.submitted),
        invalid=tuple(e for e in entries if e.submitted),
    )


def render_reminder(context: ReminderContext, root: Path | None, template_dir: Path | None = None) -> Rendered:
    """The letter's Markdown and its parts (raises rendering.TemplateProblem for a template that cannot be used)."""
    return render(context, template_dirs(root, template_dir, TEMPLATE_NAME), TEMPLATE_NAME, REQUIRED_BLOCKS)


def reminder_document(context: ReminderContext, rendered: Rendered) -> ReportDocument:
    """The document model of the letter: the frame with the letter's parts, the summary and body from the
    template, no appendix."""
    head = context.letterhead
    frame = letterhead_frame(
        head, doc_type="", draft=context.draft, letter=True, greeting=context.greeting, addressees=context.addressees
    )
    return issued_document(head, frame, rendered, context.quarter.code)


def write_reminder(
    root: Path, context: ReminderContext, rendered: Rendered, out: Path | None = None, pdf_timeout: float | None = None
) -> Written:
    """The letter's .docx and .md (and unless `pdf_timeout` is None its PDF) in reports/<quarter>/ (or `out`),
    replaced together, as a report's (see support/pdf.write_document)."""
    data = build_docx(reminder_document(context, rendered))
    folder = out or root / REPORTS_DIR / context.quarter.code
    name = reminder_name(Quarter.parse(context.quarter.code))
    return write_document(folder, name, data, {".md": rendered.markdown}, pdf_timeout)
