"""Build a period's report from the repository and write its files (and, when issued, the issue record).

The steps: read the period's notes (and the previous quarter's, for the indicators), stop on invalid ones
unless they may be left out, refuse an issue that is not ready (see readiness), build the context, render the
template, write the .docx and the .md atomically, and with `issue` record the number, the date and the sha256
of every note used.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import NamedTuple

from nq43.check.repository import load_quarters
from nq43.domain.findings import Finding, Severity, finding, has_errors
from nq43.domain.periods import Period
from nq43.domain.records import Directive, Note, Quarter
from nq43.load import issued as issuance
from nq43.load.issued import IssueRecord, content_hash
from nq43.load.layout import UNITS_DIR
from nq43.load.notes import parse_note, split_front_matter
from nq43.load.source import read_source
from nq43.report.context import ReportContext
from nq43.report.docx import build_docx
from nq43.report.model import (
    ReportOptions,
    Selection,
    build_context,
    format_number,
    report_findings,
    select_notes,
)
from nq43.report.readiness import Reason, not_ready
from nq43.report.rendering import Rendered, TemplateProblem, render, report_document, template_dirs
from nq43.support.errors import InputChanged, ReportRefused, UsageError
from nq43.support.git import git
from nq43.support.output import replace_together, write_atomic
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


class ReportOutcome(NamedTuple):
    """What a run did: the files written, the warnings to show, or the errors that stopped it."""

    written: tuple[Path, ...]
    warnings: tuple[Finding, ...]
    errors: tuple[Finding, ...]
    context: ReportContext | None = None
    issued: IssueRecord | None = None
    issue_unchanged: bool = False
    not_ready: tuple[Reason, ...] = ()  # why an --issue was refused (with the invalid notes' findings in errors)


class Gathered(NamedTuple):
    """The notes a report is made from: the period's selection, and the quarter before's for the indicators."""

    directive: Directive
    selection: Selection
    previous: dict[str, Note]


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
    quarter = _quarter_of(request.period)
    template_name = request.period.kind.row.template
    number, day, record = _numbering(request)
    _check_template_dir(request.template_dir, template_name)
    gathered = _gather(request.root, request.today, quarter, request.allow_invalid or request.issue)
    if isinstance(gathered, ReportOutcome):
        return gathered
    if request.issue:
        reasons = not_ready(gathered.directive.letter, gathered.selection, request.draft)
        if reasons:
            return ReportOutcome((), (), gathered.selection.blocking_findings(), not_ready=reasons)
    options = ReportOptions(request.period, day, number or "", request.signer, request.draft)
    context = build_context(gathered.directive, gathered.selection, options, previous=gathered.previous, record=record)
    warnings = report_findings(gathered.directive, gathered.selection, context)
    hashes = _note_hashes(request.root, gathered.selection)
    warnings += _changed_since_issue(gathered.selection, hashes, record, request.period)
    new_record = _issue_record(request, context, hashes, record) if request.issue else None
    rendered = _render(context, request, template_name)
    if isinstance(rendered, Finding):
        return ReportOutcome((), tuple(warnings), (rendered,))
    written = _write(request, context, rendered)
    unchanged = new_record is not None and _record_issue(request.root, record, new_record, written)
    return ReportOutcome(tuple(written), tuple(warnings), (), context, new_record, unchanged)


def _quarter_of(period: Period) -> Quarter:
    """The quarter a report is made from: only quarterly reports are built so far (issue 15 adds the others)."""
    quarter = period.quarter
    if quarter is None:
        raise ReportRefused(
            Text(
                "Chưa lập được báo cáo {label} ({period}): hiện nq43 chỉ lập báo cáo quý.",
                "The {label_en} report ({period}) cannot be built yet: nq43 builds quarterly reports only.",
            ),
            label=period.label(),
            label_en=period.label_en(),
            period=period,
        )
    return quarter


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


def _gather(root: Path, today: date, quarter: Quarter, allow_invalid: bool) -> Gathered | ReportOutcome:
    """The quarter's notes, checked; an outcome with the errors when the directive or a note stops the report."""
    repo = load_quarters(root, today, (quarter,))
    directive = repo.directive
    note_paths = {n.path for n in repo.notes}
    setup_errors = [f for f in repo.findings if f.path not in note_paths and f.severity is Severity.ERROR]
    if directive is None or setup_errors:
        return ReportOutcome((), (), tuple(setup_errors or repo.findings))
    selection = select_notes(directive, repo.notes, quarter)
    if selection.invalid and not allow_invalid:
        return ReportOutcome((), (), selection.blocking_findings())
    return Gathered(directive, selection, previous_notes(root, directive, quarter.previous()))


def _note_hashes(root: Path, selection: Selection) -> dict[str, str]:
    """The sha256 of each note used, as read now."""
    try:
        return {note.path: content_hash((root / note.path).read_bytes()) for note in selection.used.values()}
    except OSError as error:  # a note removed or locked while the report was being built
        raise InputChanged(
            Text(
                "Không đọc lại được ghi chú: {error}. Chạy lại lệnh.",
                "A note could not be read again: {error}. Run the command again.",
            ),
            error=error,
        ) from None


def _changed_since_issue(
    selection: Selection, hashes: dict[str, str], record: IssueRecord | None, period: Period
) -> list[Finding]:
    """A warning for each note that differs from the version an issued report used, without an `amends:`."""
    if record is None:
        return []
    return [
        finding(note.path, 1, 1, "NQ904", quarter=str(period), number=record.number)
        for note in selection.used.values()
        if record.notes.get(note.path) != hashes[note.path] and not note.amends
    ]


def _render(context: ReportContext, request: ReportRequest, template_name: str) -> Rendered | Finding:
    """The rendered template, or the finding that says why the template cannot be used."""
    try:
        return render(context, template_dirs(request.root, request.template_dir, template_name), template_name)
    except TemplateProblem as problem:
        return finding(problem.path, problem.line, 1, "NQ905", reason=problem.reason)


def _write(request: ReportRequest, context: ReportContext, rendered: Rendered) -> list[Path]:
    """The .docx and the .md, replaced together: a kill leaves the old pair or the new pair."""
    data = build_docx(report_document(context, rendered))
    period = request.period
    folder = request.out or request.root / issuance.REPORTS_DIR / str(period)
    docx_path = folder / f"{report_name(period)}.docx"
    md_path = folder / f"{report_name(period)}.md"
    return replace_together(folder, {docx_path.name: data, md_path.name: rendered.markdown})


def _record_issue(root: Path, existing: IssueRecord | None, record: IssueRecord, written: list[Path]) -> bool:
    """Write the issue record (added to `written`); True when the same record was there already."""
    if existing is not None and issuance.dump(existing) == issuance.dump(record):
        return True
    target = issuance.record_path(root, record.period)
    write_atomic(target, issuance.dump(record))
    written.append(target)
    return False


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
    """The record of this report as issued; refuses a report without number or date, and a second issue of a
    period that has been issued differently (a draft never gets here: see readiness)."""
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
        request.period, format_number(context.number), context.date, commit, dict(sorted(hashes.items()))
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
