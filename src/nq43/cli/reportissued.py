"""`nq43 report --as-issued` and `--amend`: the terminal side of an issued report (see report/issuing.py and
report/amend.py for what they do)."""

from __future__ import annotations

import sys
from pathlib import Path

from nq43.check import reporters
from nq43.cli import messages
from nq43.cli.terminal import echo_err, shown_path
from nq43.report.amend import amend
from nq43.report.issuing import SHORT_COMMIT, as_issued, record_name
from nq43.report.publishing import ReportRequest
from nq43.support.text import Lang

STATE_TEXT = {
    "same": messages.FILE_SAME,
    "restored": messages.FILE_RESTORED,
    "differs": messages.FILE_DIFFERS,
    "absent": messages.FILE_ABSENT,
}


def run_as_issued(request: ReportRequest, base: Path, said: Lang) -> int:
    """Rebuild the issued report, compare it, say file by file how it went; 1 when it does not match."""
    outcome = as_issued(request)
    period = request.period
    if outcome.errors:
        echo_err(reporters.text(outcome.errors, said).rstrip("\n"))
        echo_err(messages.AS_ISSUED_STOPPED.get(said, period=period, errors=len(outcome.errors)))
        return 1
    record = outcome.record
    echo_err(
        messages.AS_ISSUED_FROM.get(
            said,
            period=period,
            number=record.number,
            day=f"{record.issued_on:%d/%m/%Y}",
            day_en=record.issued_on.isoformat(),
            commit=(record.commit or "")[:SHORT_COMMIT],
            notes=len(record.notes),
            record=record_name(period),
        )
    )
    for check in outcome.checks:
        shown = shown_path(check.path, base)
        echo_err(STATE_TEXT[check.state].get(said, path=shown, size=check.size, rebuilt=check.rebuilt_size))
    for path in outcome.written:
        sys.stdout.write(shown_path(path, base) + "\n")
    if request.out is not None and outcome.written:
        echo_err(messages.COPY_WRITTEN.get(said, folder=shown_path(request.out, base)))
    if not outcome.matches:
        echo_err(messages.AS_ISSUED_DIFFER.get(said, period=period, option=period.option()))
        return 1
    if any(c.state in ("same", "restored") for c in outcome.checks):
        echo_err(messages.AS_ISSUED_MATCH.get(said))
    return 0


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
