"""An issued report stays as issued.

Once `reports/<period>/issued.yaml` exists, nq43 never writes over the issued .docx and .md: a plain run (with or
without --number/--date) and a second --issue are refused, saying what to do; a working copy may still be built
into another folder with --out.

`rebuild` builds the issued report again from what its record names: the files of `data/` and `templates/` as
they were at the recorded commit (`recorded_tree`: read-only git, in a private temporary folder), each recorded
note checked against its sha256, the notes of the period the record does not name left out, the recorded number,
date and signer. amend.py rebuilds each amendment of the chain in the same tree of its own commit; asissued.py
compares them all with the issued files (`--as-issued`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import NamedTuple

from nq43.check.repository import note_pathspecs
from nq43.domain.findings import Finding
from nq43.domain.periods import Period
from nq43.load import issued as issuance
from nq43.load.dates import git_dates
from nq43.load.issued import IssueRecord, content_hash
from nq43.load.layout import UNITS_DIR
from nq43.report.publishing import ReportRequest, build, stopped
from nq43.report.rendering import TEMPLATES_DIR
from nq43.support.errors import IssuedReportKept
from nq43.support.git import git
from nq43.support.gittree import REGULAR, blobs, entries, write
from nq43.support.text import Text

SHORT_COMMIT = 10

FROZEN = Text(
    "Báo cáo {period} đã ban hành: số {number}, ngày {day}{chain} ({record}). "
    "nq43 không ghi đè bản đã ban hành; không tệp nào được ghi.\n"
    "  - Dựng lại đúng bản đã ban hành và so từng byte: nq43 report {option} --as-issued\n"
    "  - Ban hành phần thay đổi sau đó thành báo cáo bổ sung/đính chính:\n"
    "    nq43 report {option} --amend --number <số> --date <năm-tháng-ngày> --issue\n"
    "  - Lập một bản làm việc ở thư mục khác: nq43 report {option} --out <thư mục>",
    "The {period} report was issued: number {number}, {day_en}{chain_en} ({record}). "
    "nq43 does not write over an issued report; no file was written.\n"
    "  - To rebuild the issued report and compare it byte for byte: nq43 report {option} --as-issued\n"
    "  - To issue later changes as a supplementary/correcting report:\n"
    "    nq43 report {option} --amend --number <n> --date <yyyy-mm-dd> --issue\n"
    "  - To build a working copy in another folder: nq43 report {option} --out <folder>",
)
CHAIN = Text("; đã có {count} báo cáo bổ sung/đính chính, gần nhất số {number} ngày {day}", "")
CHAIN_EN = Text("", "; {count} amendment(s) since, the latest number {number} of {day}")
UNREADABLE = Text(
    "{record} không đọc được (không đúng dạng nq43 ghi): không lập, dựng lại hay bổ sung báo cáo {period} "
    "được cho tới khi khôi phục tệp này từ lịch sử git (git checkout -- {record}).",
    "{record} cannot be read (not as nq43 writes it): the {period} report cannot be built, rebuilt or amended "
    "until the file is restored from git history (git checkout -- {record}).",
)
NOT_ISSUED = Text(
    "Báo cáo {period} chưa ban hành (không có {record}): không có gì để {what}. "
    "Ban hành trước: nq43 report {option} --number <số> --date <năm-tháng-ngày> --issue",
    "The {period} report has not been issued (no {record}): nothing to {what_en}. "
    "Issue it first: nq43 report {option} --number <n> --date <yyyy-mm-dd> --issue",
)
NO_COMMIT = Text(
    "{record} không ghi commit (báo cáo được ban hành ngoài kho git): không dựng lại được bản đã ban hành.",
    "{record} names no commit (the report was issued outside a git repository): it cannot be rebuilt.",
)
MISSING_COMMIT = Text(
    "Không có commit {commit} (ghi trong {record}) trong kho này: kho sao chép nông (shallow) hoặc lịch sử đã bị "
    "viết lại. Lấy đủ lịch sử (git fetch --unshallow) rồi chạy lại.",
    "Commit {commit} (named in {record}) is not in this repository: a shallow clone, or history was rewritten. "
    "Fetch the whole history (git fetch --unshallow) and run again.",
)
NOTES_DIFFER = Text(
    "Ở commit {commit} (ghi trong {record}), {count} ghi chú không đúng bản đã dùng khi ban hành:\n{lines}\n"
    "Bản ghi không chứng minh được báo cáo đã ban hành: có lẽ ghi chú chưa được commit khi ban hành. "
    "Không tệp nào được ghi.",
    "At commit {commit} (named in {record}), {count} note(s) are not the versions the issued report used:\n"
    "{lines}\nThe record cannot prove the issued report: the notes were probably not committed when it was issued. "
    "No file was written.",
)
NOTE_ABSENT = Text("không có ở commit này", "not in that commit")
NOTE_OTHER = Text(
    "khác bản đã dùng (sha256 {found}…, bản ghi {recorded}…)", "differs (sha256 {found}…, recorded {recorded}…)"
)


def issued_folder(root: Path, period: Period) -> Path:
    return root / issuance.REPORTS_DIR / str(period)


def record_name(period: Period) -> str:
    return f"{issuance.REPORTS_DIR}/{period}/{issuance.RECORD_NAME}"


def read_record(root: Path, period: Period, what: Text) -> IssueRecord:
    """The period's issue record; refused when it is missing (`what` says what could not be done) or unreadable."""
    record = issuance.read(root, period)
    if record is not None:
        return record
    name = record_name(period)
    if issuance.record_path(root, period).exists():
        raise IssuedReportKept(UNREADABLE, record=name, period=period)
    raise IssuedReportKept(NOT_ISSUED, period=period, record=name, what=what, what_en=what, option=period.option())


def refuse_if_issued(request: ReportRequest) -> None:
    """Refuse a run that would write over an issued report's files (or issue it a second time)."""
    path = issuance.record_path(request.root, request.period)
    if not path.exists():
        return
    record = issuance.read(request.root, request.period)
    if record is None:
        raise IssuedReportKept(UNREADABLE, record=record_name(request.period), period=request.period)
    folder = issued_folder(request.root, request.period)
    if not request.issue and request.out is not None and not same_folder(request.out, folder):
        return
    latest = record.amendments[-1] if record.amendments else None
    chain = (
        {"count": len(record.amendments), "number": latest.number, "day": f"{latest.issued_on:%d/%m/%Y}"}
        if latest is not None
        else None
    )
    raise IssuedReportKept(
        FROZEN,
        period=request.period,
        number=record.number,
        day=f"{record.issued_on:%d/%m/%Y}",
        day_en=record.issued_on.isoformat(),
        chain=CHAIN.get("vi", **chain) if chain else "",
        chain_en=CHAIN_EN.get("en", **(chain | {"day": latest.issued_on.isoformat()})) if chain and latest else "",
        record=record_name(request.period),
        option=request.period.option(),
    )


def same_folder(out: Path, folder: Path) -> bool:
    return out.resolve() == folder.resolve()


class Scratch(NamedTuple):
    """A private temporary folder to rebuild one issued document in."""

    tree: Path  # data/ and templates/ of the recorded commit, holding exactly the recorded notes (checked)
    out: Path  # where the rebuilt files are written
    commit: str


@contextmanager
def recorded_tree(root: Path, period: Period, commit: str | None, notes: dict[str, str]) -> Iterator[Scratch]:
    """The files an issued document was made from: `data/` and `templates/` at `commit`, every note of `notes`
    (path -> sha256) checked, the period's other notes left out. Refused when the commit is unknown or a note
    is not the recorded version."""
    found = _commit_of(root, commit, period)
    with tempfile.TemporaryDirectory(prefix="nq43-ban-da-ban-hanh-") as scratch:
        tree = Path(scratch) / "kho"
        checkout(root, found, tree)
        verify_notes(tree, notes, found, record_name(period))
        _drop_unrecorded(tree, period, notes)
        yield Scratch(tree, Path(scratch) / "ra", found)


def rebuild(
    root: Path, record: IssueRecord, today: date, template_dir: Path | None
) -> dict[str, bytes] | tuple[Finding, ...]:
    """The issued report's files (name -> bytes) built again from the record, or the findings that stopped it."""
    with recorded_tree(root, record.period, record.commit, record.notes) as scratch:
        request = ReportRequest(
            root=scratch.tree,
            period=record.period,
            today=today,
            date=record.issued_on,
            number=record.number,
            signer=record.signer,
            template_dir=template_dir,
            out=scratch.out,
            dates=git_dates(root, note_pathspecs(record.period.quarters()), scratch.commit),
        )
        outcome = build(request)
        if stopped(outcome):
            return outcome.errors
        return {path.name: path.read_bytes() for path in outcome.written}


def _commit_of(root: Path, commit: str | None, period: Period) -> str:
    name = record_name(period)
    if commit is None:
        raise IssuedReportKept(NO_COMMIT, record=name)
    if git(root, "cat-file", "-e", f"{commit}^{{commit}}") is None:
        raise IssuedReportKept(MISSING_COMMIT, commit=commit[:SHORT_COMMIT], record=name)
    return commit


def checkout(root: Path, commit: str, target: Path) -> None:
    """Write the files a report is made from (data/ and the repository's templates/) of `commit` under `target`."""
    files = entries(root, commit, ["data", TEMPLATES_DIR])
    write(target, files, blobs(root, (e.blob for e in files if e.mode in REGULAR)))
    target.mkdir(parents=True, exist_ok=True)


def verify_notes(tree: Path, notes: dict[str, str], commit: str, record: str) -> None:
    """Refuse unless every note of `notes` (path -> sha256) is in `tree` with that sha256."""
    vi: list[str] = []
    en: list[str] = []
    for path, digest in sorted(notes.items()):
        file = tree / path
        found = content_hash(file.read_bytes()) if file.is_file() else None
        if found == digest:
            continue
        said = NOTE_ABSENT if found is None else NOTE_OTHER
        values = {"found": (found or "")[:12], "recorded": digest[:12]}
        vi.append(f"  - {path}: {said.get('vi', **values)}")
        en.append(f"  - {path}: {said.get('en', **values)}")
    if vi:
        raise IssuedReportKept(
            NOTES_DIFFER,
            commit=commit[:SHORT_COMMIT],
            record=record,
            count=len(vi),
            lines=Text("\n".join(vi), "\n".join(en)),
        )


def _drop_unrecorded(tree: Path, period: Period, notes: dict[str, str]) -> None:
    """Remove the notes of the period's quarters that `notes` does not name: the issued document did not use
    them."""
    for quarter in period.quarters():
        for file in sorted((tree / UNITS_DIR).glob(f"*/{quarter}.md")):
            if file.relative_to(tree).as_posix() not in notes:
                file.unlink()
