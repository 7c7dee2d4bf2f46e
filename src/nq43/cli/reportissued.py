"""`nq43 report --as-issued` and `--amend`: the terminal side of an issued report (see report/asissued.py and
report/amend.py for what they do)."""

from __future__ import annotations

import sys
from pathlib import Path

from nq43.check import reporters
from nq43.cli import messages
from nq43.cli.terminal import echo_err, shown_path
from nq43.load.issued import AmendmentRecord, IssueRecord
from nq43.report.amend import amend
from nq43.report.amendment import KIND_WORDS
from nq43.report.asissued import AsIssued, DocumentCheck, as_issued
from nq43.report.issuing import SHORT_COMMIT, record_name
from nq43.report.publishing import ReportRequest
from nq43.support.text import Lang

STATE_TEXT = {
    "same": messages.FILE_SAME,
    "restored": messages.FILE_RESTORED,
    "differs": messages.FILE_DIFFERS,
    "absent": messages.FILE_ABSENT,
}


def run_as_issued(request: ReportRequest, base: Path, said: Lang) -> int:
    """Rebuild the issued report and its amendments, compare them, say file by file how it went; 1 when anything
    does not match."""
    outcome = as_issued(request)
    period = request.period
    record = outcome.record
    for document in outcome.documents:
        echo_err(_rebuilt_from(document, record, said))
        for check in document.checks:
            shown = shown_path(check.path, base)
            echo_err(STATE_TEXT[check.state].get(said, path=shown, size=check.size, rebuilt=check.rebuilt_size))
    if outcome.errors:
        echo_err(reporters.text(outcome.errors, said).rstrip("\n"))
        echo_err(_stopped(outcome, said))
        return 1
    for path in outcome.written:
        sys.stdout.write(shown_path(path, base) + "\n")
    if request.out is not None and outcome.written:
        echo_err(messages.COPY_WRITTEN.get(said, folder=shown_path(request.out, base)))
    if not outcome.matches:
        echo_err(messages.AS_ISSUED_DIFFER.get(said, period=period, option=period.option()))
        return 1
    if any(c.state in ("same", "restored") for c in outcome.checks):
        count = len(record.amendments)
        match = messages.AS_ISSUED_CHAIN_MATCH if count else messages.AS_ISSUED_MATCH
        echo_err(match.get(said, count=count))
    return 0


def _rebuilt_from(document: DocumentCheck, record: IssueRecord, said: Lang) -> str:
    """The line that says what one document of the chain was rebuilt from."""
    link = document.link
    values = {"period": record.period, "record": record_name(record.period)}
    if link is None:
        day, commit, notes = record.issued_on, record.commit, record.notes
        said_text, values = messages.AS_ISSUED_FROM, values | {"number": record.number}
    else:
        day, commit, notes = link.issued_on, link.commit, link.notes
        said_text, values = messages.AMENDMENT_FROM, values | _link_values(link, document.sequence)
    return said_text.get(
        said,
        **values,
        day=f"{day:%d/%m/%Y}",
        day_en=day.isoformat(),
        commit=(commit or "")[:SHORT_COMMIT],
        notes=len(notes),
    )


def _stopped(outcome: AsIssued, said: Lang) -> str:
    """Which document of the chain could not be rebuilt: the report, or the amendment after those rebuilt."""
    record, sequence = outcome.record, len(outcome.documents)
    errors = len(outcome.errors)
    if sequence == 0:
        return messages.AS_ISSUED_STOPPED.get(said, period=record.period, errors=errors)
    values = _link_values(record.amendments[sequence - 1], sequence)
    return messages.AMENDMENT_STOPPED.get(said, period=record.period, errors=errors, **values)


def _link_values(link: AmendmentRecord, sequence: int) -> dict[str, object]:
    return {
        "title": KIND_WORDS.get(link.kind, link.kind),
        "kind": link.kind,
        "sequence": sequence,
        "number": link.number,
    }


def run_amend(request: ReportRequest, base: Path, said: Lang) -> int:
    """Write the amendment (and with --issue record it); 1 when it is refused for the notes' or issue's sake."""
    outcome = amend(request)
    period = request.period
    if outcome.not_ready:
        for reason in outcome.not_ready:
            echo_err(reason.get(said))
        echo_err(messages.AMENDMENT_NOT_ISSUED.get(said, period=period, count=len(outcome.not_ready)))
        return 1
    if outcome.errors or outcome.info is None:
        echo_err(reporters.text(outcome.errors, said).rstrip("\n"))
        echo_err(messages.AMENDMENT_NOT_BUILT.get(said, period=period, errors=len(outcome.errors)))
        return 1
    for path in outcome.written:
        sys.stdout.write(shown_path(path, base) + "\n")
    for path in outcome.removed:
        echo_err(messages.PDF_REMOVED.get(said, path=shown_path(path, base)))
    info = outcome.info
    echo_err(
        messages.AMENDMENT_BUILT.get(
            said,
            title=info.title,
            kind=info.kind,
            period=period,
            sequence=info.sequence,
            state="" if outcome.recorded is not None else messages.AMENDMENT_DRAFT,
            original=info.original.number_text,
            units=len(info.units),
            changes=len(info.changes),
        )
    )
    link = outcome.recorded
    if link is not None:
        echo_err(
            messages.AMENDMENT_ISSUED.get(
                said,
                title=info.title,
                number=link.number,
                day=f"{link.issued_on:%d/%m/%Y}",
                day_en=link.issued_on.isoformat(),
                record=record_name(period),
            )
        )
    if outcome.pdf_problem is not None:
        echo_err(outcome.pdf_problem.message(said))
        echo_err(messages.PDF_NOT_MADE.get(said))
        return 1
    return 0
