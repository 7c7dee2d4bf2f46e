"""The report pipeline takes a reporting period (the six-month and annual reports: test_periodreport.py)."""

from __future__ import annotations

from pathlib import Path

from nq43.domain.periods import Period
from nq43.load import issued as issuance
from nq43.report.publishing import ReportRequest, build, report_name
from reportdata import REPORT_DATE, TODAY, full_notes, make_repo


def test_a_quarter_is_built_into_its_folder_and_issued(tmp_path: Path) -> None:
    root = make_repo(tmp_path, full_notes(), signed=True)
    period = Period.parse("2025Q1")
    request = ReportRequest(root, period, TODAY, date=REPORT_DATE, number="5", issue=True)

    outcome = build(request)

    folder = root / "reports" / "2025Q1"
    assert not outcome.errors
    assert outcome.written == (folder / "bao-cao-2025Q1.docx", folder / "bao-cao-2025Q1.md", folder / "issued.yaml")
    assert outcome.context is not None and outcome.context.period.label == "quý I năm 2025"
    record = issuance.read(root, period)
    assert record is not None and record.period == period and record.number == "05"
    assert (folder / "issued.yaml").read_text(encoding="utf-8").count("\nquarter: 2025Q1\n") == 1

    recorded = (folder / "issued.yaml").read_bytes()
    again = build(request)  # the library rebuilds the same issue; the command refuses before (report/issuing.py)
    assert again.written == outcome.written and (folder / "issued.yaml").read_bytes() == recorded


def test_report_name_follows_the_period() -> None:
    assert [report_name(Period.parse(t)) for t in ("2025Q1", "2025H2", "2025")] == [
        "bao-cao-2025Q1",
        "bao-cao-2025H2",
        "bao-cao-2025",
    ]
