"""Six-month and annual reports: built from the period's quarters' notes through the quarter's pipeline."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from conftest import RepoBuilder
from nq43.cli.app import main
from nq43.domain.periods import Period
from nq43.load import issued as issuance
from nq43.report.publishing import ReportOutcome, ReportRequest, build
from reportdata import full_notes, make_repo, note

H1 = Period.parse("2025H1")
YEAR = Period.parse("2025")
LATER = date(2025, 7, 20)
Q1_RESULTS = "Trong quý, Phòng đã:\n\n- rà soát 14 KCN;\n- đôn đốc 05 chủ đầu tư.\n\nĐoạn thứ hai của quý I."
Q2_RESULTS = "Hoàn thiện hồ sơ trình Thủ tướng.\n\nĐoạn thứ hai của quý II."


def _notes() -> dict[str, str]:
    """2025Q1 from every unit but ttdvvl; 2025Q2 from vp and qldt only."""
    notes = full_notes(
        skip=("ttdvvl",),
        results={"2.2": Q1_RESULTS},
        difficulties={"2.2": "Khó khăn quý I, đã khắc phục."},
        indicators={"2.1": {"ty-le-lap-day": 70}},
    )
    notes["data/units/vp/2025Q2.md"] = note(
        "vp", "2025Q2", submitted="2025-06-05", next_quarter="Trọng tâm của Văn phòng."
    )
    notes["data/units/qldt/2025Q2.md"] = note(
        "qldt",
        "2025Q2",
        submitted="2025-06-06",
        results={"2.2": Q2_RESULTS},
        statuses={"2.2": "hoan-thanh"},
        proposals={"2.2": "Đề nghị quý II."},
        indicators={"2.1": {"ty-le-lap-day": 72.5}},
        next_quarter="Trọng tâm của Phòng Quản lý Đầu tư.",
    )
    return notes


def _build(root: Path, period: Period, **options: object) -> tuple[ReportOutcome, str]:
    outcome = build(ReportRequest(root, period, LATER, date=date(2025, 7, 15), **options))  # type: ignore[arg-type]
    assert not outcome.errors, outcome.errors
    folder = root / "reports" / str(period)
    return outcome, (folder / f"bao-cao-{period}.md").read_text(encoding="utf-8")


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def test_a_half_year_report_is_written_to_its_folder(tmp_path: Path) -> None:
    root = make_repo(tmp_path, _notes())
    outcome, text = _build(root, H1)

    folder = root / "reports" / "2025H1"
    assert outcome.written == (folder / "bao-cao-2025H1.docx", folder / "bao-cao-2025H1.md")
    assert "**Kết quả thực hiện Nghị quyết số 43/NQ-HĐND ngày 19/7/2024 của" in text
    assert "Hội đồng nhân dân thành phố Hải Phòng 6 tháng đầu năm 2025**" in text
    assert "báo cáo kết quả thực hiện 6 tháng đầu năm 2025 như sau:" in text
    assert "CÁC NHIỆM VỤ THEO NGHỊ QUYẾT SỐ 43/NQ-HĐND 6 THÁNG ĐẦU NĂM 2025" in text


def test_each_task_at_the_end_of_the_period_and_each_quarter_condensed(tmp_path: Path) -> None:
    _, text = _build(make_repo(tmp_path, _notes()), H1)
    task = _section(text, "#### b) Nhiệm vụ 2.2:", "#### c)")

    assert "*Đến cuối kỳ: Đã hoàn thành, tiến độ 100%.*" in task
    # quarter I: its first paragraph ends with a colon, so the list it introduces comes with it; the rest does not
    assert "*Quý I/2025 (đang thực hiện, 65%):*\n\nTrong quý, Phòng đã:\n\n- rà soát 14 KCN;" in task
    assert "Đoạn thứ hai của quý I" not in text
    assert "*Quý II/2025 (đã hoàn thành, 100%):*\n\nHoàn thiện hồ sơ trình Thủ tướng.\n" in task
    assert "Đoạn thứ hai của quý II" not in text
    unreported = _section(text, "### 9. Trung tâm", "### 10.")
    assert "chưa gửi báo cáo quý nào trong 6 tháng đầu năm 2025" in unreported
    qhxd = _section(text, "### 4. Phòng Quy hoạch", "### 5.")
    assert "*Quý II/2025: chưa báo cáo.*" in qhxd


def test_the_reporting_record_and_the_missing_quarters(tmp_path: Path) -> None:
    outcome, text = _build(make_repo(tmp_path, _notes()), H1)

    assert "| TT | Đơn vị | Đúng hạn | Gửi muộn | Chưa gửi |" in text
    assert "| 1 | Văn phòng Ban Quản lý | Quý I, II |  |  |" in text
    assert "| 3 | Phòng Quy hoạch và Xây dựng | Quý I |  | Quý II |" in text
    assert "| 8 | Trung tâm Dịch vụ việc làm- Đào tạo- Xúc tiến đầu tư |  |  | Quý I, II |" in text
    warned = {(f.code, f.path) for f in outcome.warnings}
    assert ("NQ902", "data/units/ttdvvl/2025Q1.md") in warned and ("NQ902", "data/units/qhxd/2025Q2.md") in warned
    assert not any(path.startswith("data/units/vp/") for code, path in warned if code == "NQ902")


def test_indicators_across_the_quarters_with_the_change(tmp_path: Path) -> None:
    _, text = _build(make_repo(tmp_path, _notes()), H1)

    assert "| TT | Chỉ tiêu | Đơn vị tính | Quý I | Quý II | Thay đổi | Mục tiêu |" in text
    assert "| 1 | Tỷ lệ lấp đầy bình quân các khu công nghiệp | % | 70 | 72,5 | +2,5 |  |" in text


def test_difficulties_proposals_and_focus_from_each_units_latest_quarter(tmp_path: Path) -> None:
    _, text = _build(make_repo(tmp_path, _notes()), H1)

    assert "Khó khăn quý I, đã khắc phục." not in text  # qldt's latest note (quý II) no longer reports it
    assert "Đề nghị quý II." in _section(text, "## IV. KIẾN NGHỊ", "Trên đây")
    focus = _section(text, "## III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 6 THÁNG CUỐI NĂM 2025", "## IV.")
    assert "Trọng tâm của Văn phòng." in focus and "Trọng tâm của Phòng Quản lý Đầu tư." in focus


def test_the_task_split_at_the_end_of_the_period(tmp_path: Path) -> None:
    _, text = _build(make_repo(tmp_path, _notes()), H1)

    split = re.search(r"Tổng số 14 nhiệm vụ: .*?đã hoàn thành (\d+)", text)
    assert split is not None and int(split[1]) >= 1  # 2.2, completed in quý II
    assert "3 nhiệm vụ chưa có báo cáo" in text  # ttdvvl's three tasks


def test_an_annual_report_covers_four_quarters_and_is_issued_with_a_period_key(tmp_path: Path) -> None:
    root = make_repo(tmp_path, _notes(), signed=True)
    outcome, text = _build(root, YEAR, number="12", issue=True)

    assert "Hội đồng nhân dân thành phố Hải Phòng năm 2025**" in text
    assert "| 2 | Phòng Quản lý Đầu tư | Quý I, II |  |  |" in text  # quý III, IV not yet due on 20/7
    assert "## III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM 2026" in text
    record_file = root / "reports" / "2025" / "issued.yaml"
    assert outcome.written[-1] == record_file
    assert "\nperiod: '2025'\n" in record_file.read_text(encoding="utf-8")
    record = issuance.read(root, YEAR)
    assert record is not None and record.number == "12"
    assert "data/units/qldt/2025Q1.md" in record.notes and "data/units/qldt/2025Q2.md" in record.notes


def test_the_reporting_record_follows_git(tmp_path: Path) -> None:
    repo = RepoBuilder(tmp_path / "kho")
    repo.calendar()
    repo.init("2025-01-02")
    repo.note("vp", "2025Q1", "2025-03-05")
    repo.commit("vp quý I", "2025-03-05")
    repo.note("vp", "2025Q2", "2025-06-05")  # says 5/6, landed on 12/6: late
    repo.commit("vp quý II", "2025-06-12")
    outcome = build(ReportRequest(repo.root, H1, LATER, date=date(2025, 7, 15)))
    assert not outcome.errors
    text = (repo.root / "reports" / "2025H1" / "bao-cao-2025H1.md").read_text(encoding="utf-8")
    assert "| 1 | Văn phòng Ban Quản lý | Quý I | Quý II |  |" in text


def test_quarter_and_period_of_a_quarter_give_the_same_files(tmp_path: Path) -> None:
    root = make_repo(tmp_path, full_notes())
    args = ["report", "--root", str(root), "--today", "2025-03-12", "--date", "2025-03-10"]
    folder = root / "reports" / "2025Q1"
    assert main([*args, "--quarter", "2025Q1"]) == 0
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main([*args, "--period", "2025Q1"]) == 0
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first


@pytest.mark.parametrize("args", [[], ["--quarter", "2025Q1", "--period", "2025H1"]])
def test_one_period_is_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    root = make_repo(tmp_path, full_notes())
    assert main(["report", "--root", str(root), *args]) == 2
    assert "Cho biết kỳ báo cáo: --quarter 2025Q1 (quý) hoặc --period 2025H1" in capsys.readouterr().err


def test_a_period_that_is_not_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes())
    assert main(["report", "--root", str(root), "--period", "2025H3"]) == 2
    assert 'Kỳ báo cáo "2025H3" không hợp lệ' in capsys.readouterr().err


def test_a_sample_note_of_an_earlier_quarter_marks_the_report_and_stops_its_issue(tmp_path: Path) -> None:
    notes = _notes()
    notes["data/units/vp/2025Q1.md"] = note("vp", "2025Q1", sample=True)  # vp's latest note (quý II) is real
    root = make_repo(tmp_path, notes, signed=True)
    outcome, text = _build(root, H1)

    assert text.startswith("> **DỰ THẢO** (lập từ dữ liệu mẫu)")
    assert ("NQ903", "data/units/vp/2025Q1.md") in {(f.code, f.path) for f in outcome.warnings}
    refused = build(ReportRequest(root, H1, LATER, date=date(2025, 7, 15), number="3", issue=True))
    assert [r.values.get("path") for r in refused.not_ready] == ["data/units/vp/2025Q1.md"]
    assert not (root / "reports" / "2025H1" / "issued.yaml").exists()


def test_the_year_the_letter_came_in_is_a_partial_year(tmp_path: Path) -> None:
    # The letter (September 2024) asks first for 2024Q4: the year 2024 is that quarter, said so, and no unit
    # is counted as missing 2024Q1 to 2024Q3.
    notes = {f"data/units/{u}/2024Q4.md": note(u, "2024Q4", submitted="2024-12-05") for u in ("vp", "qldt")}
    root = make_repo(tmp_path, notes)
    outcome = build(ReportRequest(root, Period.parse("2024"), date(2025, 1, 15), date=date(2025, 1, 10)))
    assert not outcome.errors, outcome.errors
    text = (root / "reports" / "2024" / "bao-cao-2024.md").read_text(encoding="utf-8")

    assert "(hoặc gửi không hợp lệ); Công văn yêu cầu báo cáo từ quý IV năm 2024:" in text
    assert "| 1 | Văn phòng Ban Quản lý | Quý IV |  |  |" in text
    assert "| 3 | Phòng Quy hoạch và Xây dựng |  |  | Quý IV |" in text
    assert "Quý I/2024" not in text and "Quý III" not in text
    assert {f.code for f in outcome.warnings if "2024Q3" in f.path} == set()


def test_a_whole_year_does_not_say_it_is_partial(tmp_path: Path) -> None:
    _, text = _build(make_repo(tmp_path, _notes()), YEAR)

    assert "(hoặc gửi không hợp lệ):" in text and "Công văn yêu cầu báo cáo từ" not in text


def test_a_stalled_task_says_since_which_quarter_it_has_not_moved(tmp_path: Path) -> None:
    """Task 1.2 is not started in quý I, then at the same progress in quý II and III: it did move once, so the
    report says since when it has stood still, not that it never moved."""
    notes = full_notes(statuses={"1.2": "chua-thuc-hien"})
    notes["data/units/vp/2025Q2.md"] = note("vp", "2025Q2", submitted="2025-06-05")
    notes["data/units/vp/2025Q3.md"] = note("vp", "2025Q3", submitted="2025-09-05")
    root = make_repo(tmp_path, notes)
    outcome = build(ReportRequest(root, YEAR, date(2025, 10, 20), date=date(2025, 10, 15)))
    assert not outcome.errors, outcome.errors
    text = (root / "reports" / "2025" / "bao-cao-2025.md").read_text(encoding="utf-8")
    task = _section(text, "#### b) Nhiệm vụ 1.2:", "### 2.")

    assert "*Quý I/2025 (chưa thực hiện" in task
    assert re.search(r"\*Đến cuối kỳ: Đang thực hiện, tiến độ \d+%; không thay đổi từ quý II/2025\.\*", task)
    assert "chưa có chuyển biến" not in text
