"""The report is the same whichever way a unit's note came: as the Word form or as Markdown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from formkit import TWIN, filled_form
from nq43.domain.periods import Period
from nq43.report.publishing import ReportRequest, build
from reportdata import full_notes, make_repo

OTHERS = {p: text for p, text in full_notes("2025Q2", submitted="2025-06-05").items() if "/qldt/" not in p}


def report_bytes(root: Path) -> tuple[bytes, bytes]:
    outcome = build(ReportRequest(root, Period.parse("2025Q2"), date(2025, 7, 1), date=date(2025, 6, 30)))
    assert not outcome.errors, outcome.errors
    folder = root / "reports" / "2025Q2"
    return (folder / "bao-cao-2025Q2.docx").read_bytes(), (folder / "bao-cao-2025Q2.md").read_bytes()


def test_the_report_of_a_form_is_the_report_of_its_markdown_twin(tmp_path: Path) -> None:
    as_form = make_repo(tmp_path / "form", OTHERS)
    (as_form / "data/units/qldt/2025Q2.docx").write_bytes(filled_form())
    as_markdown = make_repo(tmp_path / "markdown", {**OTHERS, "data/units/qldt/2025Q2.md": TWIN})

    form_docx, form_md = report_bytes(as_form)
    twin_docx, twin_md = report_bytes(as_markdown)

    assert "73,1%" in form_md.decode("utf-8") and "Giải phóng mặt bằng còn chậm" in form_md.decode("utf-8")
    assert form_md == twin_md
    assert form_docx == twin_docx
