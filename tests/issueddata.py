"""An issued quarter in a real git repository, for the tests of --as-issued and --amend (not a test module)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from gitdata import commit_all, git
from nq43.domain.periods import Period
from nq43.report.publishing import ReportRequest, build, stopped
from reportdata import make_repo, note

PERIOD = Period.parse("2025Q2")
TODAY = date(2025, 6, 25)
QLDT = "data/units/qldt/2025Q2.md"
VP = "data/units/vp/2025Q2.md"
DOCX, MD = "bao-cao-2025Q2.docx", "bao-cao-2025Q2.md"


def issued_repo(tmp_path: Path, *, signer: str | None = None) -> Path:
    """A git repository whose 2025Q2 report (two units' notes) was issued as số 112 ngày 13/6/2025."""
    notes = {QLDT: note("qldt", "2025Q2", submitted="2025-06-05"), VP: note("vp", "2025Q2", submitted="2025-06-06")}
    root = make_repo(tmp_path, notes, signed=True)
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "Công văn và đơn vị")
    request = ReportRequest(
        root, PERIOD, date(2025, 6, 13), date=date(2025, 6, 13), number="112", issue=True, signer=signer
    )
    assert not stopped(build(request))
    commit_all(root, "Ban hành")
    return root


def folder(root: Path) -> Path:
    return root / "reports" / "2025Q2"


def request(root: Path, **more: Any) -> ReportRequest:
    """A report request for the issued quarter on TODAY, with `more` fields."""
    return ReportRequest(root, PERIOD, TODAY)._replace(**more)


def amend_qldt(
    root: Path, reason: str = "Sửa tiến độ 2.2", old: str = "progress: 65", new: str = "progress: 70"
) -> None:
    text = (root / QLDT).read_text(encoding="utf-8")
    if reason:
        entry = f'amends:\n  - date: 2025-06-20\n    reason: "{reason}"\n'
        text = (
            text.replace("amends:\n", entry + "  # earlier\n", 1)
            if "amends:" in text
            else text.replace("tasks:\n", entry + "tasks:\n", 1)
        )
    (root / QLDT).write_text(text.replace(old, new, 1), encoding="utf-8")
