"""Build the quarterly report from the repository and write its files (and, when issued, the issue record).

The steps: read the quarter's notes (and the previous quarter's, for the indicators), stop on invalid ones
unless they may be left out, build the context, render the template, write the .docx and the .md
atomically, and with `issue` record the number, the date and the sha256 of every note used.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import NamedTuple

from nq43.domain.errors import InputChanged, ReportRefused, UsageError
from nq43.domain.findings import Finding, Severity, finding, has_errors
from nq43.domain.records import Directive, Note, Quarter
from nq43.domain.text import Text
from nq43.load import issued as issuance
from nq43.load.issued import IssueRecord, content_hash
from nq43.load.layout import UNITS_DIR
from nq43.load.notes import parse_note, split_front_matter
from nq43.load.source import read_source
from nq43.report.model import ReportContext, ReportOptions, build_context, format_number, report_findings, select_notes
from nq43.report.rendering import TEMPLATE_NAME
from nq43.support.git import git
from nq43.support.output import write_atomic

MAX_NUMBER_DIGITS = 6


class ReportRequest(NamedTuple):
    root: Path
    quarter: Quarter
    today: date
    date: date | None = None
    number: str | None = None
    signer: str | None = None
    draft: bool = False
    allow_invalid: bool = False
    issue: bool = False
    template_dir: Path | None = None
    out: Path | None = None


class ReportOutcome(NamedTuple):
    """What a run did: the files written, the warnings to show, or the errors that stopped it."""

    written: tuple[Path, ...]
    warnings: tuple[Finding, ...]
    errors: tuple[Finding, ...]
    context: ReportContext | None = None
    issued: IssueRecord | None = None
    issue_unchanged: bool = False


def report_name(quarter: Quarter) -> str:
    return f"bao-cao-{quarter}"


def _check_number(number: str | None) -> str | None:
    if number is None:
        return None
    text = number.strip()
    if not text.isdigit() or len(text) > MAX_NUMBER_DIGITS:
        raise ReportRefused(
            Text(
                'Số báo cáo "{number}" không hợp lệ: chỉ ghi chữ số, ví dụ --number 5 (in ra "05/BC-BQL").',
                'Report number "{number}" is not valid: digits only, e.g. --number 5 (printed "05/BC-BQL").',
            ),
            number=number,
        )
    return text


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """CPython's cycle collector paused while a report is built. A province's report makes hundreds of thousands
    of small objects (runs, blocks, the template's values) that live until it is written and form no cycles;
    every full collection walked all of them again, for nothing (a tenth of the time at 300 units). Memory is
    not at stake: reference counting frees whatever is not in a cycle."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build(request: ReportRequest) -> ReportOutcome:
    """Build the report and write its files; findings that stop it come back in `errors`, nothing written."""
    with _cycle_collector_paused():
        return _build(request)


def _build(request: ReportRequest) -> ReportOutcome:
    from nq43.check.repository import load_quarters
    from nq43.report.docx_writer import build_docx
    from nq43.report.rendering import TemplateProblem, render, report_document, template_dirs

    quarter = request.quarter
    root = request.root
    number = _check_number(request.number)
    if request.template_dir is not None and not (request.template_dir / TEMPLATE_NAME).is_file():
        raise UsageError(
            Text(
                'Không có thư mục mẫu "{folder}" chứa {template} (--template-dir).',
                'No template folder "{folder}" holding {template} (--template-dir).',
            ),
            folder=request.template_dir,
            template=TEMPLATE_NAME,
        )
    record = issuance.read(root, quarter)
    day = request.date or (record.issued_on if record is not None and request.number is None else None)
    if number is None and record is not None and request.date is None:
        number = record.number  # regenerating an issued report: its number and date, unless told otherwise
    day = day or request.today

    repo = load_quarters(root, request.today, (quarter,))
    directive = repo.directive
    note_paths = {n.path for n in repo.notes}
    setup_errors = [f for f in repo.findings if f.path not in note_paths and f.severity is Severity.ERROR]
    if directive is None or setup_errors:
        return ReportOutcome((), (), tuple(setup_errors or repo.findings))
    selection = select_notes(directive, repo.notes, quarter)
    if selection.invalid and not request.allow_invalid:
        return ReportOutcome((), (), selection.blocking_findings())
    previous = previous_notes(root, directive, quarter.previous())

    options = ReportOptions(quarter, day, number or "", request.signer, request.draft)
    context = build_context(directive, selection, options, previous=previous, record=record)
    warnings = report_findings(directive, selection, context)
    try:
        hashes = {note.path: content_hash((root / note.path).read_bytes()) for note in selection.used.values()}
    except OSError as error:  # a note removed or locked while the report was being built
        raise InputChanged(
            Text(
                "Không đọc lại được ghi chú: {error}. Chạy lại lệnh.",
                "A note could not be read again: {error}. Run the command again.",
            ),
            error=error,
        ) from None
    if record is not None:
        for note in selection.used.values():
            if record.notes.get(note.path) != hashes[note.path] and not note.amends:
                warnings.append(finding(note.path, 1, 1, "NQ904", quarter=str(quarter), number=record.number))

    new_record = None
    if request.issue:
        new_record = _issue_record(request, context, hashes, record)

    try:
        rendered = render(context, template_dirs(root, request.template_dir))
    except TemplateProblem as problem:
        stop = finding(problem.path, problem.line, 1, "NQ905", reason=problem.reason)
        return ReportOutcome((), tuple(warnings), (stop,))
    data = build_docx(report_document(context, rendered))

    folder = request.out or root / issuance.REPORTS_DIR / str(quarter)
    docx_path = folder / f"{report_name(quarter)}.docx"
    md_path = folder / f"{report_name(quarter)}.md"
    write_atomic(docx_path, data)
    write_atomic(md_path, rendered.markdown)
    written = [docx_path, md_path]
    unchanged = False
    if new_record is not None:
        if record is not None and issuance.dump(record) == issuance.dump(new_record):
            unchanged = True
        else:
            target = issuance.record_path(root, quarter)
            write_atomic(target, issuance.dump(new_record))
            written.append(target)
    return ReportOutcome(tuple(written), tuple(warnings), (), context, new_record, unchanged)


def previous_notes(root: Path, directive: Directive, quarter: Quarter) -> dict[str, Note]:
    """The notes of `quarter` read for their indicator values only: a note counts when its front matter is
    sound (its body is the business of that quarter's report, already issued)."""
    notes: dict[str, Note] = {}
    for unit in directive.units:
        path = f"{UNITS_DIR}/{unit.id}/{quarter}.md"
        file = root / path
        if not file.is_file():
            continue
        source = read_source(file, path, inside=root / "data")
        if source.text is None:
            continue
        front, _ = split_front_matter(source.text, path)
        if front is None:
            continue
        read = parse_note(f"---\n{front.yaml_text}\n---\n", path)
        note = read.note
        if note is not None and not has_errors(read.findings) and note.unit == unit.id and note.quarter == quarter:
            notes[unit.id] = note
    return notes


def _issue_record(
    request: ReportRequest, context: ReportContext, hashes: dict[str, str], existing: IssueRecord | None
) -> IssueRecord:
    """The record of this report as issued; refuses a draft, a report without number or date, and a second
    issue of a quarter that has been issued differently."""
    if context.draft:
        sample = Text("dữ liệu mẫu (sample: true)", "sample data (sample: true)")
        raise ReportRefused(
            Text(
                "Không ban hành bản dự thảo: báo cáo đang được đánh dấu DỰ THẢO vì {why}.",
                "A draft cannot be issued: the report is marked as a draft because of {why}.",
            ),
            why=sample if "sample" in context.draft_reasons else "--draft",
        )
    if not context.number:
        raise ReportRefused(
            Text(
                "Ban hành báo cáo cần số: thêm --number, ví dụ --number 5.",
                "Issuing needs a number: add --number, e.g. --number 5.",
            )
        )
    if request.date is None and existing is None:
        raise ReportRefused(
            Text(
                "Ban hành báo cáo cần ngày ghi trên báo cáo: thêm --date NĂM-THÁNG-NGÀY.",
                "Issuing needs the report's date: add --date YYYY-MM-DD.",
            )
        )
    commit = (git(request.root, "rev-parse", "HEAD") or "").strip() or None
    record = IssueRecord(
        request.quarter, format_number(context.number), context.date, commit, dict(sorted(hashes.items()))
    )
    if existing is not None:
        same = (existing.number, existing.issued_on, existing.notes) == (record.number, record.issued_on, record.notes)
        if not same:
            raise ReportRefused(
                Text(
                    "Báo cáo {quarter} đã được ban hành (số {number}, ngày {issued_on:%d/%m/%Y}). "
                    "Không ban hành lại: ghi chú sửa sau đó phải có mục `amends:` và được liệt kê là đính chính.",
                    "The {quarter} report was already issued (number {number}, {issued_on}). "
                    "It is not issued again: later changes to notes need an `amends:` entry and are listed as errata.",
                ),
                quarter=request.quarter,
                number=existing.number,
                issued_on=existing.issued_on,
            )
        return existing
    return record


def stopped(outcome: ReportOutcome) -> bool:
    return has_errors(outcome.errors)
