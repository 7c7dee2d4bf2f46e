"""The record of an issued report (`reports/<period>/issued.yaml`): its number, date and the exact notes it used.

`nq43 report --issue` writes it; `nq43 check` reads it to require an `amends:` entry when a note of an issued
quarter changes; `nq43 report --as-issued` rebuilds the report from the recorded note versions. A change after
issue is issued as its own document (`--amend --issue`), added to the record's `amendments:` chain with the
note versions it used: the latest link of the chain is what a later change is compared with.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from nq43.domain.periods import Period
from nq43.load.yamlload import load_yaml

REPORTS_DIR = "reports"
RECORD_NAME = "issued.yaml"


def content_hash(data: bytes) -> str:
    """sha256 of a note's bytes as they were when the report was issued."""
    return hashlib.sha256(data).hexdigest()


class AmendmentRecord(NamedTuple):
    """One issued amendment (báo cáo bổ sung / đính chính) of an issued report."""

    number: str
    issued_on: date
    commit: str | None
    kind: str  # "bo-sung" or "dinh-chinh"
    file: str  # the amendment's file name without extension, beside the original
    notes: dict[str, str]  # every note of the period after the amendment: path -> sha256
    signer: str | None = None  # the signer given with --signer when issued (None: the data's signer)


class IssueRecord(NamedTuple):
    period: Period
    number: str
    issued_on: date
    commit: str | None  # the git commit the notes were read from, when known
    notes: dict[str, str]  # note path -> sha256 of its bytes
    signer: str | None = None  # the signer given with --signer when issued (None: the data's signer)
    amendments: tuple[AmendmentRecord, ...] = ()

    @property
    def latest_notes(self) -> dict[str, str]:
        """The note versions of the last document of the chain: the latest amendment's, else the report's."""
        return self.amendments[-1].notes if self.amendments else self.notes

    def changed(self, path: str, data: bytes) -> bool:
        """True when the note at `path` differs from the version the last issued document used (or was not in it)."""
        return self.latest_notes.get(path) != content_hash(data)


def record_path(root: Path, period: Period) -> Path:
    return root / REPORTS_DIR / str(period) / RECORD_NAME


def _period_key(period: Period) -> str:
    """A quarter's record says `quarter: 2025Q1`, as it always has; a half-year's or a year's `period: 2025H1`."""
    return "quarter" if period.quarter is not None else "period"


def dump(record: IssueRecord) -> str:
    data: dict[str, Any] = {
        _period_key(record.period): str(record.period),
        "number": record.number,
        "issued_on": record.issued_on.isoformat(),
        "commit": record.commit,
        "notes": dict(sorted(record.notes.items())),
    }
    if record.signer is not None:
        data["signer"] = record.signer
    if record.amendments:
        data["amendments"] = [_amendment_data(a) for a in record.amendments]
    header = (
        "# Báo cáo đã phát hành: số, ngày và phiên bản (sha256) của từng ghi chú đã dùng. Do nq43 ghi; không sửa tay.\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def parse(text: str, path: str = RECORD_NAME) -> IssueRecord | None:
    """An issue record from the text of an issued.yaml (as read from disk or from git), None when unreadable.

    Read with the same safe loader as the notes (no aliases, bounded depth and size), so a small hostile
    record cannot make the report or the check spin."""
    doc, _ = load_yaml(text, path)
    data: Any = doc.data if doc is not None else None
    if not isinstance(data, dict):
        return None
    try:
        signer = data.get("signer")
        return IssueRecord(
            period=Period.parse(str(data["quarter"] if "quarter" in data else data["period"])),
            number=str(data["number"]),
            issued_on=date.fromisoformat(str(data["issued_on"])),
            commit=_commit(data),
            notes=_hashes(data),
            signer=str(signer) if signer is not None else None,
            amendments=tuple(_amendment(item) for item in data.get("amendments") or ()),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _commit(data: dict[str, Any]) -> str | None:
    commit = data.get("commit")
    return commit if isinstance(commit, str) else None


def _hashes(data: dict[str, Any]) -> dict[str, str]:
    notes = data.get("notes") or {}
    return {str(k): str(v) for k, v in notes.items()} if isinstance(notes, dict) else {}


def _amendment_data(link: AmendmentRecord) -> dict[str, Any]:
    data: dict[str, Any] = {
        "number": link.number,
        "issued_on": link.issued_on.isoformat(),
        "commit": link.commit,
        "kind": link.kind,
        "file": link.file,
        "notes": dict(sorted(link.notes.items())),
    }
    if link.signer is not None:
        data["signer"] = link.signer
    return data


def _amendment(item: dict[str, Any]) -> AmendmentRecord:
    signer = item.get("signer")
    return AmendmentRecord(
        number=str(item["number"]),
        issued_on=date.fromisoformat(str(item["issued_on"])),
        commit=_commit(item),
        kind=str(item["kind"]),
        file=str(item["file"]),
        notes=_hashes(item),
        signer=str(signer) if signer is not None else None,
    )


def read(root: Path, period: Period) -> IssueRecord | None:
    """The period's issue record; None when its report has not been issued or the record is unreadable."""
    try:
        text = record_path(root, period).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return parse(text)
