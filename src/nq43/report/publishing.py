"""Build a period's report from the repository and write its files (and, when issued, the issue record).

The steps: read the period's notes (and the quarter before's, for the indicators), stop on invalid ones
unless they may be left out, refuse an issue that is not ready (see readiness), build the context, render the
template, write the .docx and the .md (and with `pdf` the PDF LibreOffice makes of the .docx) together, and with
`issue` record the number, the date and the sha256 of every note used.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import NamedTuple

from nq43.check.repository import dated, load_quarters
from nq43.domain.findings import Finding, Severity, finding, has_errors
from nq43.domain.periods import Period
from nq43.domain.records import Directive, Note, Quarter
from nq43.load import issued as issuance
from nq43.load.calendar import load_calendar, reported_quarters
from nq43.load.dates import GitDates
from nq43.load.issued import IssueRecord, content_hash
from nq43.load.layout import UNITS_DIR, note_names
from nq43.load.notes import note_text, parse_note, split_front_matter
from nq43.report.assembly import report_document
from nq43.report.context import PeriodOverview, ReportContext
from nq43.report.docx import build_docx
from nq43.report.model import (
    ReportOptions,
    Selection,
    build_context,
    report_findings,
    select_notes,
)
from nq43.report.periodmodel import build_overview, latest_selection
from nq43.report.readiness import Reason, not_committed, not_ready
from nq43.report.rendering import Rendered, TemplateProblem, render, template_dirs
from nq43.support.errors import InputChanged, PdfNotMade, ReportRefused, UsageError
from nq43.support.git import git
from nq43.support.output import write_atomic
from nq43.support.pdf import TIMEOUT_SECONDS, Written, write_document
from nq43.support.text import Text

MAX_NUMBER_DIGITS = 6


class ReportRequest(NamedTuple):
    root: Path
    period: Period
    today: date
    date: date | None = None
    number: str | None = None
    signer: str | None = None
    draft: bool = False
    allow_invalid: bool = False
    issue: bool = False
    template_dir: Path | None = None
    out: Path | None = None
    pdf: bool = False
    pdf_timeout: float = TIMEOUT_SECONDS
    # When each note was submitted, when not from `root`'s git history: a rebuild of an issued report runs
    # outside git and gives the dates the recorded commit's history says (a period's units' record needs them).
    dates: GitDates | None = None


class ReportOutcome(NamedTuple):
    """What a run did: the files written, the warnings to show, or the errors that stopped it."""

    written: tuple[Path, ...]
    warnings: tuple[Finding, ...]
    errors: tuple[Finding, ...]
    context: ReportContext | None = None
    issued: IssueRecord | None = None
    not_ready: tuple[Reason, ...] = ()  # why an --issue was refused (with the invalid notes' findings in errors)
    pdf_problem: PdfNotMade | None = None  # why the PDF asked for was not made (the .docx and .md were written)
    removed: tuple[Path, ...] = ()  # an earlier PDF removed because the new .docx no longer matches it


class Gathered(NamedTuple):
    """The notes a report is made from: the period's selection (each unit's latest valid note of the period, and
    the others), the quarter before's for the indicators, and for a period longer than a quarter the period
    quarter by quarter."""

    directive: Directive
    selection: Selection
    previous: dict[str, Note]
    overview: PeriodOverview | None = None


def report_name(period: Period) -> str:
    return f"bao-cao-{period}"


REPORT_NUMBER = Text("Số báo cáo", "Report number")


def check_number(number: str | None, what: Text = REPORT_NUMBER, symbol: str = "BC-BQL") -> str | None:
    """The document number as given (digits only), None when not given; `what` and `symbol` for the message."""
    if number is None:
        return None
    text = number.strip()
    if not text.isdigit() or len(text) > MAX_NUMBER_DIGITS:
        raise ReportRefused(
            Text(
                '{what} "{number}" không hợp lệ: chỉ ghi chữ số, ví dụ --number 5 (in ra "05/{symbol}").',
                '{what} "{number}" is not valid: digits only, e.g. --number 5 (printed "05/{symbol}").',
            ),
            what=what,
            number=number,
            symbol=symbol,
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
    """The steps: check the request, gather the notes, refuse an issue that is not ready, build the context,
    check the notes against an earlier issue, render, write, record the issue."""
    template_name = request.period.kind.row.template
    number, day, record = _numbering(request)
    _check_template_dir(request.template_dir, template_name)
    gathered = _gather(request, day, request.allow_invalid or request.issue)
    if isinstance(gathered, ReportOutcome):
        return gathered
    if request.issue:
        reasons = not_ready(gathered.directive.letter, gathered.selection, request.draft)
        reasons += not_committed(request.root, gathered.selection)
        if reasons:
            return ReportOutcome((), (), gathered.selection.blocking_findings(), not_ready=reasons)
    options = ReportOptions(request.period, day, number or "", request.signer, request.draft)
    context = build_context(
        gathered.directive,
        gathered.selection,
        options,
        previous=gathered.previous,
        record=record,
        over_period=gathered.overview,
    )
    warnings = report_findings(gathered.directive, gathered.selection, context)
    hashes = _note_hashes(request.root, gathered.selection.every())
    warnings += _changed_since_issue(gathered.selection.every(), hashes, record, request.period)
    new_record = _issue_record(request, context, hashes, record) if request.issue else None
    rendered = _render(context, request, template_name)
    if isinstance(rendered, Finding):
        return ReportOutcome((), tuple(warnings), (rendered,))
    files = _write(request, context, rendered)
    written = list(files.written)
    if new_record is not None:
        written.append(_record_issue(request.root, new_record))
    return ReportOutcome(tuple(written), tuple(warnings), (), context, new_record, (), files.pdf_problem, files.removed)


def _check_template_dir(template_dir: Path | None, template_name: str) -> None:
    if template_dir is not None and not (template_dir / template_name).is_file():
        raise UsageError(
            Text(
                'Không có thư mục mẫu "{folder}" chứa {template} (--template-dir).',
                'No template folder "{folder}" holding {template} (--template-dir).',
            ),
            folder=template_dir,
            template=template_name,
        )


def _numbering(request: ReportRequest) -> tuple[str | None, date, IssueRecord | None]:
    """The report's number and date, and the period's issue record: regenerating an issued report keeps its
    number and date, unless told otherwise."""
    number = check_number(request.number)
    record = issuance.read(request.root, request.period)
    day = request.date or (record.issued_on if record is not None and request.number is None else None)
    if number is None and record is not None and request.date is None:
        number = record.number
    return number, day or request.today, record


def _gather(request: ReportRequest, cutoff: date, allow_invalid: bool) -> Gathered | ReportOutcome:
    """The period's notes, checked; an outcome with the errors when the directive, the calendar (for a period
    longer than a quarter) or a note stops the report."""
    root, today, period = request.root, request.today, request.period
    repo = load_quarters(root, today, period.quarters())
    directive = repo.directive
    note_paths = {n.path for n in repo.notes}
    setup_errors = [f for f in repo.findings if f.path not in note_paths and f.severity is Severity.ERROR]
    if directive is None or setup_errors:
        return ReportOutcome((), (), tuple(setup_errors or repo.findings))
    quarters = reported_quarters(directive, period)  # a partial year: from the first quarter the letter asks for
    selections = [select_notes(directive, repo.notes, quarter) for quarter in quarters]
    selection = latest_selection(selections)
    if selection.invalid and not allow_invalid:
        return ReportOutcome((), (), selection.blocking_findings())
    previous = previous_notes(root, directive, quarters[0].previous())
    if period.quarter is not None:  # a quarter's report needs no more
        return Gathered(directive, selection, previous)
    calendar, calendar_findings = load_calendar(root, directive)
    if calendar is None:
        return ReportOutcome((), (), tuple(calendar_findings))
    index, submissions = dated(root, today, directive, repo.notes, quarters, dates=request.dates)
    overview = build_overview(directive, calendar, period, index, submissions, today, cutoff)
    return Gathered(directive, selection, previous, overview)


def _note_hashes(root: Path, notes: Iterable[Note]) -> dict[str, str]:
    """The sha256 of each note used, as read now."""
    try:
        return {note.path: content_hash((root / note.path).read_bytes()) for note in notes}
    except OSError as error:  # a note removed or locked while the report was being built
        raise InputChanged(
            Text(
                "Không đọc lại được ghi chú: {error}. Chạy lại lệnh.",
                "A note could not be read again: {error}. Run the command again.",
            ),
            error=error,
        ) from None


def _changed_since_issue(
    notes: Iterable[Note], hashes: dict[str, str], record: IssueRecord | None, period: Period
) -> list[Finding]:
    """A warning for each note that differs from the version an issued report used, without an `amends:`."""
    if record is None:
        return []
    return [
        finding(note.path, 1, 1, "NQ904", quarter=str(period), number=record.number)
        for note in notes
        if record.latest_notes.get(note.path) != hashes[note.path] and not note.amends
    ]


def _render(context: ReportContext, request: ReportRequest, template_name: str) -> Rendered | Finding:
    """The rendered template, or the finding that says why the template cannot be used."""
    try:
        return render(context, template_dirs(request.root, request.template_dir, template_name), template_name)
    except TemplateProblem as problem:
        return finding(problem.path, problem.line, 1, "NQ905", reason=problem.reason)


def _write(request: ReportRequest, context: ReportContext, rendered: Rendered) -> Written:
    """The .docx and the .md (and with `pdf` the PDF), replaced together: a kill leaves the old set or the new
    set; a PDF that cannot be made leaves the .docx and the .md written and its reason in `Written`."""
    data = build_docx(report_document(context, rendered))
    period = request.period
    folder = request.out or request.root / issuance.REPORTS_DIR / str(period)
    pdf_timeout = request.pdf_timeout if request.pdf else None
    return write_document(folder, report_name(period), data, {".md": rendered.markdown}, pdf_timeout)


def _record_issue(root: Path, record: IssueRecord) -> Path:
    """Write the issue record; its path."""
    target = issuance.record_path(root, record.period)
    write_atomic(target, issuance.dump(record))
    return target


def previous_notes(root: Path, directive: Directive, quarter: Quarter) -> dict[str, Note]:
    """The notes of `quarter` read for their indicator values only: a note counts when its front matter is
    sound (its body is the business of that quarter's report, already issued)."""
    notes: dict[str, Note] = {}
    for unit in directive.units:
        path = next((p for n in note_names(quarter) if (root / (p := f"{UNITS_DIR}/{unit.id}/{n}")).is_file()), None)
        if path is None:
            continue
        source, _ = note_text(root / path, path, inside=root / "data")
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
    """The record of this report as issued; refuses a report without number or date, and a second issue of a
    period that has been issued differently (a draft never gets here: see readiness)."""
    head = context.letterhead
    if not head.number:
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
        request.period,
        head.number,
        head.date,
        commit,
        dict(sorted(hashes.items())),
        signer=request.signer,
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
                quarter=request.period,
                number=existing.number,
                issued_on=existing.issued_on,
            )
        return existing
    return record


def stopped(outcome: ReportOutcome) -> bool:
    return has_errors(outcome.errors)
