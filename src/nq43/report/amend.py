"""`nq43 report --amend`: a change after issue, written as its own document and added to the issue record.

The steps: read the record (refused when the period is not issued); read the period's notes as they are now
(invalid ones stop it); find the notes that differ from the versions the last issued document of the chain used,
or that it did not have; read those versions at the chain's recorded commit (checked against their sha256); refuse
when nothing changed, or a changed note has no new `amends:` entry (its reason is what the document cites); build
the report's context for the frame and the amendment's (see amendment.py), render `report-amend.md.j2`, write
`reports/<period>/bao-cao-<bo-sung|dinh-chinh>-<period>-<NN>.docx` and `.md` (with `pdf` its PDF too, the set
written as a report's: support/pdf.write_document) beside the original (NN: the amendment's place in the chain).
Without `issue` it is a draft (DỰ THẢO) and nothing is recorded; with `issue` it needs a number and a date no
earlier than the last issued document's, and is added to `amendments:` in issued.yaml with its number, date,
commit, signer (when given) and the sha256 of every note of the period.

`rebuild_amendment` makes an issued amendment again the same way (`compose`) from what its link records: the tree
of its commit holding its notes (issuing.recorded_tree), the chain before it, its number, date and signer; the
versions it is compared with are read at the previous link's commit, as when it was made (asissued.py).

Only a quarter's report is amended: a half-year's or a year's is compiled from its quarters' notes, so a change
is amended in the report of the quarter whose note changed, and the period's issued report stays as issued.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from nq43.check.repository import load_quarters
from nq43.domain.findings import Finding, Severity, finding
from nq43.domain.periods import Period
from nq43.domain.records import Directive, Note
from nq43.load import issued as issuance
from nq43.load.issued import AmendmentRecord, IssueRecord, content_hash
from nq43.load.notes import parse_note
from nq43.report.amendment import (
    AmendmentInfo,
    amendment_info,
    cited,
    kind_of,
    new_amendments,
    unit_change,
)
from nq43.report.assembly import report_document
from nq43.report.docx import build_docx
from nq43.report.issuing import issued_folder, read_record, record_name, recorded_tree
from nq43.report.model import ReportOptions, Selection, build_context, format_number, select_notes
from nq43.report.publishing import ReportRequest, check_number
from nq43.report.readiness import Reason, not_committed, not_ready
from nq43.report.rendering import TemplateProblem, render, template_dirs
from nq43.support.errors import IssuedReportKept, PdfNotMade, ReportRefused
from nq43.support.git import git, git_bytes
from nq43.support.output import write_atomic
from nq43.support.pdf import write_document
from nq43.support.text import Text

AMEND_TEMPLATE = "report-amend.md.j2"

NOTHING_CHANGED = Text(
    "Không có gì để bổ sung, đính chính: các ghi chú {period} đúng như bản đã dùng cho {document}.",
    "Nothing to amend: the {period} notes are as {document_en} used them.",
)
NEEDS_AMENDS = Text(
    "Ghi chú đã sửa sau khi ban hành mà không có mục `amends:` mới (ngày và lý do sửa, báo cáo bổ sung/đính chính "
    'dẫn lý do này):\n{paths}\nThêm vào phần đầu mỗi ghi chú:  amends: [{{date: {today}, reason: "Sửa ... vì ..."}}] '
    "(giữ nguyên các mục cũ).",
    "Notes changed after issue without a new `amends:` entry (the date and the reason, which the amendment cites):\n"
    '{paths}\nAdd to each note\'s front matter:  amends: [{{date: {today}, reason: "what and why"}}] '
    "(keep earlier entries).",
)
REMOVED = Text(
    "Ghi chú đã dùng cho báo cáo đã ban hành bị xoá: {paths}. Khôi phục ghi chú (git checkout -- <tệp>); muốn rút "
    "hay sửa số liệu thì sửa ghi chú, có mục `amends:`.",
    "Notes the issued report used were deleted: {paths}. Restore them (git checkout -- <file>); to withdraw or "
    "correct figures, edit the note with an `amends:` entry.",
)
NEEDS_NUMBER = Text(
    "Ban hành báo cáo bổ sung/đính chính cần số và ngày riêng: thêm --number và --date, ví dụ "
    "--number 130 --date {today}.",
    "Issuing an amendment needs its own number and date: add --number and --date, e.g. --number 130 --date {today}.",
)
TOO_EARLY = Text(
    "Ngày {day} sớm hơn văn bản ban hành gần nhất của báo cáo {period} ({latest}): chọn --date từ {latest} trở đi.",
    "{day_en} is earlier than the latest issued document of the {period} report ({latest_en}): use a later --date.",
)
BEFORE_MISSING = Text(
    "Không đọc được bản đã ban hành của {path} ở commit {commit} ({record}) hoặc bản đó khác sha256 đã ghi: "
    "không so được phần thay đổi. Có lẽ ghi chú chưa được commit khi ban hành.",
    "The issued version of {path} cannot be read at commit {commit} ({record}) or differs from its recorded sha256: "
    "the changes cannot be compared. The note was probably not committed when it was issued.",
)
NO_COMMIT = Text(
    "{record} không ghi commit: không đọc được bản đã ban hành của các ghi chú để so phần thay đổi.",
    "{record} names no commit: the issued versions of the notes cannot be read to compare the changes.",
)
ONLY_QUARTERS = Text(
    "Báo cáo bổ sung/đính chính chỉ lập cho báo cáo quý: báo cáo {label} tổng hợp từ ghi chú các quý, nên số liệu "
    "sửa sau khi ban hành được bổ sung/đính chính ở báo cáo của quý có ghi chú đã sửa ({options}), "
    "ví dụ nq43 report {example} --amend --number <số> --date <năm-tháng-ngày> --issue. "
    "Báo cáo {period} đã ban hành giữ nguyên; báo cáo kỳ sau dùng số liệu đã sửa.",
    "Amendments are made for a quarter's report only: the {label_en} report is compiled from the quarters' notes, "
    "so a change after issue is amended in the report of the quarter whose note changed ({options}), "
    "e.g. nq43 report {example} --amend --number <n> --date <yyyy-mm-dd> --issue. "
    "The issued {period} report stays as it is; the next period's report uses the corrected figures.",
)
DOCUMENT = Text("báo cáo số {number}", "report number {number}")
AMENDMENT_DOC = Text("báo cáo {title} số {number}", "amendment number {number}")


class AmendOutcome(NamedTuple):
    written: tuple[Path, ...]
    errors: tuple[Finding, ...]  # invalid notes, a template that cannot be used
    not_ready: tuple[Reason, ...] = ()
    info: AmendmentInfo | None = None
    recorded: AmendmentRecord | None = None
    pdf_problem: PdfNotMade | None = None  # why the PDF asked for was not made (the .docx and .md were written)
    removed: tuple[Path, ...] = ()  # an earlier PDF removed because the new .docx no longer matches it


def amendment_name(period: object, kind: str, sequence: int) -> str:
    return f"bao-cao-{kind}-{period}-{sequence:02d}"


def amend(request: ReportRequest) -> AmendOutcome:
    """Build (and with `request.issue`, record) the amendment of an issued report; see the module's text."""
    root, period = request.root, request.period
    if period.quarter is None:
        quarters = [Period.of(quarter).option() for quarter in period.quarters()]
        raise ReportRefused(
            ONLY_QUARTERS,
            period=period,
            label=period.label(),
            label_en=period.label_en(),
            options=", ".join(quarters),
            example=quarters[-1],
        )
    record = read_record(root, period, Text("bổ sung, đính chính", "amend"))
    number = check_number(request.number)
    day = request.date or request.today
    if request.issue:
        _check_issue(request, record, number)
    loaded = _load(root, request.today, period)
    if not isinstance(loaded, Loaded):
        return AmendOutcome((), loaded)
    directive, selection = loaded
    if request.issue and (
        reasons := not_ready(directive.letter, selection, request.draft) + not_committed(root, selection)
    ):
        return AmendOutcome((), (), reasons)
    options = ReportOptions(period, day, number or "", request.signer, request.draft or not request.issue)
    composed = compose(Sources(root, root, request.template_dir, record, request.today), directive, selection, options)
    if not isinstance(composed, Composed):
        return AmendOutcome((), composed)
    folder = request.out or issued_folder(root, period)
    timeout = request.pdf_timeout if request.pdf else None
    files = write_document(folder, composed.name, composed.docx, {".md": composed.markdown}, timeout)
    info = composed.info
    outcome = AmendOutcome(tuple(files.written), (), info=info, pdf_problem=files.pdf_problem, removed=files.removed)
    if not request.issue:
        return outcome
    commit = (git(root, "rev-parse", "HEAD") or "").strip() or None
    link = AmendmentRecord(
        format_number(number or ""), day, commit, info.kind, composed.name, composed.notes, request.signer
    )
    target = issuance.record_path(root, period)
    write_atomic(target, issuance.dump(record._replace(amendments=(*record.amendments, link))))
    return outcome._replace(written=(*outcome.written, target), recorded=link)


class Sources(NamedTuple):
    """Where an amendment is made from."""

    files: Path  # data/ and templates/: the repository, or a recorded commit's tree when rebuilding
    history: Path  # the git repository the versions the last issued document used are read from
    template_dir: Path | None
    record: IssueRecord  # the chain as it stood before this amendment
    today: date


class Composed(NamedTuple):
    name: str  # bao-cao-<kind>-<period>-<NN>
    info: AmendmentInfo
    docx: bytes
    markdown: str
    notes: dict[str, str]  # every note of the period it used: path -> sha256


def compose(
    sources: Sources, directive: Directive, selection: Selection, options: ReportOptions
) -> Composed | tuple[Finding, ...]:
    """The amendment's document: what changed since the last issued document of `sources.record`, rendered;
    the findings of a template that cannot be used. Refused when nothing changed, a note the chain used was
    removed, or a changed note has no new `amends:` entry."""
    root, record = sources.files, sources.record
    hashes = {note.path: content_hash((root / note.path).read_bytes()) for note in selection.used.values()}
    baseline = record.latest_notes
    _refuse_removed(baseline, hashes)
    changed = [note for note in selection.used.values() if baseline.get(note.path) != hashes[note.path]]
    if not changed:
        raise IssuedReportKept(NOTHING_CHANGED, period=record.period, **_latest_document(record))
    before = _issued_versions(sources.history, record, [n.path for n in changed if n.path in baseline])
    _refuse_without_amends(changed, before, sources.today)
    order = {unit.id: index for index, unit in enumerate(directive.units)}
    units = [unit_change(directive, before.get(n.path), n) for n in sorted(changed, key=lambda n: order[n.unit])]
    kind = kind_of(units)
    sequence = len(record.amendments) + 1
    original, previous = cited(record, directive.report.symbol)
    info = amendment_info(kind, sequence, original, previous, units)
    context = build_context(directive, selection, options)
    try:
        dirs = template_dirs(root, sources.template_dir, AMEND_TEMPLATE)
        rendered = render(context, dirs, AMEND_TEMPLATE, extra={"amendment": info})
    except TemplateProblem as problem:
        return (finding(problem.path, problem.line, 1, "NQ905", reason=problem.reason),)
    data = build_docx(report_document(context, rendered))
    name = amendment_name(record.period, kind, sequence)
    return Composed(name, info, data, rendered.markdown, dict(sorted(hashes.items())))


def rebuild_amendment(
    root: Path, record: IssueRecord, index: int, today: date, template_dir: Path | None
) -> dict[str, bytes] | tuple[Finding, ...]:
    """The files (name -> bytes) of the amendment `record.amendments[index]` built again from its recorded commit,
    notes, number, date and signer, compared with the chain before it as when it was issued; or the findings
    that stopped it."""
    link = record.amendments[index]
    chain = record._replace(amendments=record.amendments[:index])
    with recorded_tree(root, record.period, link.commit, link.notes) as scratch:
        loaded = _load(scratch.tree, today, record.period)
        if not isinstance(loaded, Loaded):
            return loaded
        directive, selection = loaded
        options = ReportOptions(record.period, link.issued_on, link.number, link.signer)
        composed = compose(Sources(scratch.tree, root, template_dir, chain, today), directive, selection, options)
        if not isinstance(composed, Composed):
            return composed
        files = write_document(scratch.out, composed.name, composed.docx, {".md": composed.markdown}, None)
        return {path.name: path.read_bytes() for path in files.written}


class Loaded(NamedTuple):
    directive: Directive
    selection: Selection


def _load(root: Path, today: date, period: Period) -> Loaded | tuple[Finding, ...]:
    """The directive and the quarter's notes as they are in `root`; the findings that stop an amendment."""
    repo = load_quarters(root, today, (period.last_quarter,))
    directive = repo.directive
    note_paths = {n.path for n in repo.notes}
    setup = [f for f in repo.findings if f.path not in note_paths and f.severity is Severity.ERROR]
    if directive is None or setup:
        return tuple(setup or repo.findings)
    selection = select_notes(directive, repo.notes, period.last_quarter)
    if selection.invalid:
        return selection.blocking_findings()
    return Loaded(directive, selection)


def _check_issue(request: ReportRequest, record: IssueRecord, number: str | None) -> None:
    today = request.today.isoformat()
    if number is None or request.date is None:
        raise ReportRefused(NEEDS_NUMBER, today=today)
    latest = record.amendments[-1].issued_on if record.amendments else record.issued_on
    if request.date < latest:
        raise ReportRefused(
            TOO_EARLY,
            day=f"{request.date:%d/%m/%Y}",
            day_en=request.date.isoformat(),
            latest=f"{latest:%d/%m/%Y}",
            latest_en=latest.isoformat(),
            period=request.period,
        )


def _latest_document(record: IssueRecord) -> dict[str, object]:
    if record.amendments:
        last = record.amendments[-1]
        title = "bổ sung" if last.kind == "bo-sung" else "đính chính"
        return {
            "document": AMENDMENT_DOC.get("vi", title=title, number=last.number),
            "document_en": AMENDMENT_DOC.get("en", number=last.number),
        }
    return {
        "document": DOCUMENT.get("vi", number=record.number),
        "document_en": DOCUMENT.get("en", number=record.number),
    }


def _refuse_removed(baseline: dict[str, str], hashes: dict[str, str]) -> None:
    removed = sorted(set(baseline) - set(hashes))
    if removed:
        raise IssuedReportKept(REMOVED, paths=", ".join(removed))


def _issued_versions(root: Path, record: IssueRecord, paths: list[str]) -> dict[str, Note]:
    """The notes at `paths` as the last issued document used them, read at its commit and checked."""
    link = record.amendments[-1] if record.amendments else None
    commit = link.commit if link is not None else record.commit
    recorded = record.latest_notes
    notes: dict[str, Note] = {}
    for path in paths:
        if commit is None:
            raise IssuedReportKept(NO_COMMIT, record=record_name(record.period))
        data = git_bytes(root, "show", f"{commit}:./{path}")
        note = parse_note(data.decode("utf-8"), path).note if data is not None else None
        if data is None or content_hash(data) != recorded[path] or note is None:
            raise IssuedReportKept(BEFORE_MISSING, path=path, commit=commit[:10], record=record_name(record.period))
        notes[path] = note
    return notes


def _refuse_without_amends(changed: list[Note], before: dict[str, Note], today: date) -> None:
    lacking = [n.path for n in changed if n.path in before and not new_amendments(before[n.path], n)]
    if lacking:
        raise IssuedReportKept(NEEDS_AMENDS, paths="\n".join(f"  - {p}" for p in lacking), today=today.isoformat())
