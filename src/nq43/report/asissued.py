"""`nq43 report --as-issued`: the whole chain of an issued report proved byte for byte.

The issued report is rebuilt from its record (issuing.rebuild), then each amendment of the chain from its own
recorded commit, notes, number, date and signer, compared with the chain before it as when it was issued
(amend.rebuild_amendment). Every rebuilt file is compared byte for byte with the one in `reports/<period>/`:
equal files are left alone, missing ones are restored, and any difference anywhere in the chain is a verdict
(exit 1) with nothing written. With --out the rebuilt copy of the chain is written there instead (and still
compared with the issued files that exist).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from nq43.domain.findings import Finding
from nq43.load.issued import AmendmentRecord, IssueRecord
from nq43.report.amend import rebuild_amendment
from nq43.report.issuing import issued_folder, read_record, rebuild, same_folder
from nq43.report.publishing import ReportRequest
from nq43.support.output import replace_together
from nq43.support.text import Text


class FileCheck(NamedTuple):
    """One file of an issued document compared with the rebuilt one."""

    path: Path  # the issued file in reports/<period>/
    state: str  # "same", "restored", "differs", "absent" (not there, --out given)
    size: int  # bytes of the issued file (0 when there is none)
    rebuilt_size: int


class DocumentCheck(NamedTuple):
    """One document of the chain, rebuilt: the report (`link` None) or one of its amendments."""

    link: AmendmentRecord | None
    sequence: int  # 0 for the report, 1, 2 ... for its amendments
    checks: tuple[FileCheck, ...]


class AsIssued(NamedTuple):
    record: IssueRecord
    documents: tuple[DocumentCheck, ...]  # those rebuilt, in the chain's order
    written: tuple[Path, ...]  # restored files, or the copy written to --out
    errors: tuple[Finding, ...] = ()  # why a rebuild stopped (a note at the commit no longer valid, a template)

    @property
    def checks(self) -> tuple[FileCheck, ...]:
        """Every file of the chain, in order."""
        return tuple(check for document in self.documents for check in document.checks)

    @property
    def matches(self) -> bool:
        return not self.errors and all(c.state != "differs" for c in self.checks)


def as_issued(request: ReportRequest) -> AsIssued:
    """Rebuild the issued report and its amendments, compare them with the issued files (see the module's text).

    A rebuild that stops comes back with its findings and the documents rebuilt before it."""
    record = read_record(request.root, request.period, Text("dựng lại", "rebuild"))
    folder = issued_folder(request.root, request.period)
    rebuilt: dict[str, bytes] = {}
    documents: list[DocumentCheck] = []
    for sequence in range(len(record.amendments) + 1):
        files = _rebuild(request.root, record, sequence, request.today, request.template_dir)
        if isinstance(files, tuple):
            return AsIssued(record, tuple(documents), (), files)
        link = record.amendments[sequence - 1] if sequence else None
        documents.append(DocumentCheck(link, sequence, tuple(_compare(folder / n, d) for n, d in files.items())))
        rebuilt.update(files)
    if request.out is not None and not same_folder(request.out, folder):
        absent = [d._replace(checks=tuple(_absent(c) for c in d.checks)) for d in documents]
        return AsIssued(record, tuple(absent), tuple(replace_together(request.out, rebuilt)))
    outcome = AsIssued(record, tuple(documents), ())
    if not outcome.matches:
        return outcome
    missing = {c.path.name: rebuilt[c.path.name] for c in outcome.checks if c.state == "restored"}
    return outcome._replace(written=tuple(replace_together(folder, missing)) if missing else ())


def _rebuild(
    root: Path, record: IssueRecord, sequence: int, today: date, template_dir: Path | None
) -> dict[str, bytes] | tuple[Finding, ...]:
    if sequence == 0:
        return rebuild(root, record, today, template_dir)
    return rebuild_amendment(root, record, sequence - 1, today, template_dir)


def _compare(path: Path, data: bytes) -> FileCheck:
    if not path.is_file():
        return FileCheck(path, "restored", 0, len(data))
    issued = path.read_bytes()
    return FileCheck(path, "same" if issued == data else "differs", len(issued), len(data))


def _absent(check: FileCheck) -> FileCheck:
    """With --out nothing is restored: a missing issued file is only reported."""
    return check._replace(state="absent") if check.state == "restored" else check
