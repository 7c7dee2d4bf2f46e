"""What the report's text says, in both files (.md and .docx): lists of unit names that read right when a name
has commas, the on-time/late split only for tasks with a deadline, and a unit with an invalid note named once
(with --allow-invalid) while paths and findings stay on the terminal."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from nq43.cli.app import main
from reportdata import full_notes, make_repo

OUT = Path("reports") / "2025Q1"
COMMAS = "Văn phòng đại diện BQL tại KCN, KKT"  # one unit, its name has a comma
CENTRE = "Trung tâm Dịch vụ việc làm- Đào tạo- Xúc tiến đầu tư"
PLANNING = "Phòng Quy hoạch và Xây dựng"


def _build(root: Path, *args: str) -> tuple[str, str]:
    """The report's .md and the .docx's text (paragraphs, then table cells), built by `nq43 report`."""
    assert main(["report", "--quarter", "2025Q1", "--root", str(root), "--today", "2025-03-31", *args]) == 0
    markdown = (root / OUT / "bao-cao-2025Q1.md").read_text(encoding="utf-8")
    document = docx.Document(str(root / OUT / "bao-cao-2025Q1.docx"))
    lines = [p.text for p in document.paragraphs]
    lines += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return markdown, "\n".join(lines)


def test_units_not_reported_are_listed_one_per_line(tmp_path: Path) -> None:
    root = make_repo(tmp_path, full_notes(skip=("vpdd", "ttdvvl")))
    markdown, text = _build(root)

    assert (
        "Đến ngày 31/3/2025, 6/8 đơn vị đã gửi báo cáo; các đơn vị còn lại:\n\n"
        f"- {COMMAS}: chưa gửi báo cáo;\n- {CENTRE}: chưa gửi báo cáo.\n"
    ) in markdown
    paragraphs = text.splitlines()
    assert "Đến ngày 31/3/2025, 6/8 đơn vị đã gửi báo cáo; các đơn vị còn lại:" in paragraphs
    assert f"- {COMMAS}: chưa gửi báo cáo;" in paragraphs  # one paragraph per unit, as Decree 30 lists
    assert f"- {CENTRE}: chưa gửi báo cáo." in paragraphs
    for said in (markdown, text):
        assert said.count(COMMAS) == 1  # named once; no section "chưa gửi báo cáo" for it again
        assert ", ".join((COMMAS, CENTRE)) not in said


def test_all_units_reported_is_one_sentence(tmp_path: Path) -> None:
    markdown, text = _build(make_repo(tmp_path, full_notes()))

    for said in (markdown, text):
        assert "Đến ngày 31/3/2025, 8/8 đơn vị đã gửi báo cáo." in said
        assert "các đơn vị còn lại" not in said and COMMAS in said  # its own section, as a unit that reported


def test_only_tasks_with_a_deadline_are_on_time_or_late(tmp_path: Path) -> None:
    deadlines = {"1.1": "2025-03-30", "1.2": "2025-02-28"}
    notes = full_notes(statuses={"1.1": "hoan-thanh", "2.4": "hoan-thanh"})
    markdown, text = _build(make_repo(tmp_path, notes, deadlines=deadlines))

    sentence = (
        "Tổng số 14 nhiệm vụ: 2 nhiệm vụ có thời hạn, trong đó đã hoàn thành 1 (đúng hạn 1, quá hạn 0), "
        "chưa hoàn thành 1 (trong hạn 0, quá hạn 1); 3 nhiệm vụ không quy định thời hạn, trong đó đã hoàn thành 1, "
        "đang thực hiện 2, chưa thực hiện 0; 9 nhiệm vụ thường xuyên (số liệu tính đến ngày 31/3/2025)."
    )
    assert sentence in markdown and sentence in text.splitlines()
    for said in (markdown, text):
        assert "Đã hoàn thành đúng hạn" in said  # 1.1 in the appendix
        assert "Chưa hoàn thành, quá hạn" in said  # 1.2
        assert "Đã hoàn thành, không quy định thời hạn" in said  # 2.4
        assert "Đang thực hiện, không quy định thời hạn" in said  # 2.2, 6.1
        assert said.count("Đang thực hiện trong hạn") == 0


def test_without_any_deadline_nothing_is_on_time(tmp_path: Path) -> None:
    markdown, text = _build(make_repo(tmp_path, full_notes(statuses={"1.1": "hoan-thanh"})))

    for said in (markdown, text):
        assert "5 nhiệm vụ không quy định thời hạn, trong đó đã hoàn thành 1, đang thực hiện 4" in said
        for word in ("đúng hạn", "trong hạn", "quá hạn"):
            assert word not in said.lower()


def test_an_invalid_note_is_named_once_and_its_findings_stay_on_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = full_notes(skip=("vpdd",))
    path = "data/units/qhxd/2025Q1.md"
    notes[path] = notes[path].replace("status: thuong-xuyen", "status: xong-roi", 1)
    markdown, text = _build(make_repo(tmp_path, notes), "--allow-invalid")
    err = capsys.readouterr().err

    assert f"- {PLANNING}: chưa gửi báo cáo hợp lệ;\n- {COMMAS}: chưa gửi báo cáo.\n" in markdown
    assert f"- {PLANNING}: chưa gửi báo cáo hợp lệ;" in text.splitlines()
    for said in (markdown, text):
        assert said.count(PLANNING) == 1
        assert said.count("chưa gửi báo cáo hợp lệ") == 1
        for leak in ("data/units", "qhxd", "2025Q1.md", "xong-roi", "NQ304", "NQ901", "lỗi"):
            assert leak not in said, leak
    assert f"{path}:1:1: NQ901 cảnh báo:" in err  # the path and the findings go to the terminal
    assert "xong-roi" in err and "NQ304" in err
    assert "NQ902" not in err.split(f"{path}:1:1: NQ901")[1].split("\n")[0]
    assert f"NQ902 cảnh báo: {COMMAS} chưa có ghi chú" in err and f"NQ902 cảnh báo: {PLANNING}" not in err
