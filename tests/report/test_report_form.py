"""The report is the same whichever way a unit's note came: as the Word form or as Markdown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from formkit import TWIN, filled_form
from nq43.domain.periods import Period
from nq43.domain.records import Quarter
from nq43.load.directive import load_directive
from nq43.report.publishing import ReportRequest, build, previous_notes
from nq43.submission.skeleton import previous_note
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


def test_last_quarters_form_gives_the_previous_values_and_the_next_skeleton(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "kho")
    (root / "data/units/qldt/2025Q2.docx").write_bytes(filled_form())
    directive = load_directive(root)[0]
    assert directive is not None

    previous = previous_notes(root, directive, Quarter.parse("2025Q2"))
    carried = previous_note(root, "qldt", Quarter.parse("2025Q3"))

    assert previous["qldt"].tasks["2.1"].indicators == {"ty-le-lap-day": 73.1, "so-nha-dau-tu-thu-cap": 14}
    assert carried is not None and carried.path == "data/units/qldt/2025Q2.docx"
    assert carried.tasks["2.4"].progress == 20
