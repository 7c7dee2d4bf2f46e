"""A note of an issued report changes only with a new, well-dated `amends:` entry; earlier entries stay."""

from __future__ import annotations

import re
from datetime import date

from nq43.domain.findings import CheckedNote, Finding, finding
from nq43.domain.records import Amendment, Note
from nq43.load.issued import IssueRecord


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def _line_of_key(text: str, key: str) -> int:
    """The line of a top-level front matter key, else 1 (the front matter's first line)."""
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    for number, line in enumerate(text.split("\n"), start=1):
        if number > 1 and line.rstrip() in ("---", "..."):
            break
        if pattern.match(line):
            return number
    return 1


def _line_of_date(text: str, day: date, start: int) -> int:
    for number, line in enumerate(text.split("\n")[start - 1 :], start=start):
        if day.isoformat() in line:
            return number
    return start


def amendment_findings(
    submitted: CheckedNote, data: bytes, prior: Note | None, record: IssueRecord, today: date
) -> tuple[list[Finding], tuple[Amendment, ...]]:
    """A note of an issued quarter may change only with a new, well-dated `amends:` entry; old ones stay."""
    note = submitted.note
    if note is None:
        return [], ()
    text = _text(data)
    path = submitted.path
    at = _line_of_key(text, "amends")
    earlier = prior.amends if prior is not None else ()
    added = tuple(a for a in note.amends if a not in earlier)
    findings = [finding(path, at, 1, "NQ807", value=a.date.isoformat()) for a in earlier if a not in note.amends]
    if not added:
        quarter = record.period
        malformed = [
            f
            for f in submitted.findings
            if f.code == "NQ306" and str(f.args.get("yaml_field", f.args.get("field"))).startswith("amends")
        ]
        # a new entry whose date cannot be read is said as such (NQ306 shows where); a note the issued report did
        # not have is a late note (NQ812), not a change; otherwise the change has no new entry (NQ804)
        code = "NQ813" if malformed else "NQ812" if prior is None else "NQ804"
        findings.append(
            finding(
                path,
                malformed[0].line if malformed else at,
                1,
                code,
                quarter=str(quarter),
                quarter_label=quarter.label(),
                number=record.number,
                issued=record.issued_on.isoformat(),
                today=today.isoformat(),
            )
        )
    for amendment in added:
        line = _line_of_date(text, amendment.date, at)
        if amendment.date < record.issued_on:
            findings.append(
                finding(path, line, 1, "NQ805", value=amendment.date.isoformat(), issued=record.issued_on.isoformat())
            )
        if amendment.date > today:
            findings.append(finding(path, line, 1, "NQ806", value=amendment.date.isoformat(), today=today.isoformat()))
    return findings, added
