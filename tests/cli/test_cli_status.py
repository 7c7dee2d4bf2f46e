from __future__ import annotations

import codecs
import csv
import io
import json
from datetime import date

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from nq43.check.repository import gather
from nq43.cli.app import main
from nq43.cli.terminal import display
from nq43.domain.periods import Period, PeriodKind
from nq43.domain.records import Quarter
from nq43.load.dates import NO_GIT
from nq43.tracking.export import HEADINGS, csv_cell
from nq43.tracking.pages import Display, history_page, period_page, quarter_page, task_page
from nq43.tracking.spreadsheet import MAX_WIDTH
from nq43.tracking.status import period_record, quarter_status, task_track, unit_history
from nq43.tracking.table import text_width
from nq43.tracking.views import render


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    for name in ("NQ43_TODAY", "NQ43_ROOT", "NQ43_LANG", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


def _run(capsys, repo, *args):
    code = main(["status", "--root", str(repo.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _excel_rows(out):
    """The CSV read back as Excel on Windows does: UTF-8 bytes with a byte order mark."""
    data = out.encode("utf-8")
    assert data.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture
def q1(repo):
    """2025Q1 as of 12/3/2025, outside git: vp early, qldt on the day, qhxd late, tnmt invalid, 4 missing."""
    repo.calendar()
    repo.note("vp", "2025Q1", "2025-03-05", {"1.1": ("hoan-thanh", 100), "1.2": ("dang-thuc-hien", 72.5)})
    repo.note("qldt", "2025Q1", "2025-03-10")
    repo.note("qhxd", "2025Q1", "2025-03-11")
    repo.note("tnmt", "2025Q1", "2025-03-03", broken=True)
    return repo


def test_quarter_table_when_piped(capsys, q1):
    code, out, err = _run(capsys, q1, "--quarter", "2025Q1", "--today", "2025-03-12")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Tình hình báo cáo quý I năm 2025 thực hiện Nghị quyết 43/NQ-HĐND, tính đến ngày 12/3/2025"
    assert lines[1:3] == [
        "Hạn nộp: 10/3/2025 (công văn: trước ngày 10/3/2025; 9/3/2025 là Chủ nhật nên hạn chuyển sang",
        "10/3/2025), hạn đã qua 2 ngày",
    ]
    assert lines[3] == "4/8 đơn vị đã nộp (đúng hạn 2, muộn 1, có lỗi 1); chưa nộp 4 (quá hạn 4)"
    rows = [line for line in lines if line[:3].strip().isdigit()]
    assert rows[0].split() == [
        "1",
        "Văn",
        "phòng",
        "Ban",
        "Quản",
        "lý",
        "Đúng",
        "hạn",
        "5/3/2025",
        "sớm",
        "5",
        "ngày",
        "1",
        "1",
        "0",
        "0",
    ]
    assert "Đúng hạn" in rows[1] and "đúng ngày hạn" in rows[1]
    assert "Nộp muộn" in rows[2] and "11/3/2025" in rows[2] and "muộn 1 ngày" in rows[2]
    assert "Chưa nộp, quá hạn" in rows[3] and "quá hạn 2 ngày" in rows[3]
    assert "Ghi chú có lỗi" in rows[5] and "1 lỗi" in rows[5]
    assert (
        "Tổng số 14 nhiệm vụ: 4 nhiệm vụ không quy định thời hạn, trong đó đã hoàn thành 1, đang thực hiện 3, "
        "chưa thực hiện 0; 3 nhiệm vụ thường xuyên; 7 nhiệm vụ chưa có báo cáo (số liệu tính đến ngày 12/3/2025)."
    ) in " ".join(lines)
    assert (
        'Ghi chú data/units/tnmt/2025Q1.md có lỗi, chưa được tính: chạy "nq43 validate data/units/tnmt/2025Q1.md" '
        "để xem lỗi và cách sửa."
    ) in " ".join(lines)
    assert "\x1b[" not in out and "✓" not in out  # no colour, no symbols in a pipe
    assert all(text_width(line) <= 100 for line in lines)


def test_check_exit_codes(capsys, q1):
    assert _run(capsys, q1, "--today", "2025-03-12")[0] == 0
    code, _, err = _run(capsys, q1, "--today", "2025-03-12", "--check")
    assert (code, err) == (1, "nq43 status --check: 4 ghi chú quá hạn chưa nộp, 1 ghi chú có lỗi.\n")
    # before the due date nothing is overdue, but an invalid note still fails the check
    for unit in ("qldt", "qhxd"):  # not written yet on 6/3 (a note dated after "today" is itself an error)
        (q1.root / "data" / "units" / unit / "2025Q1.md").unlink()
    assert _run(capsys, q1, "--today", "2025-03-06", "--check")[0] == 1
    (q1.root / "data" / "units" / "tnmt" / "2025Q1.md").unlink()
    assert _run(capsys, q1, "--today", "2025-03-06", "--check")[0] == 0
    # late is not a failure: the note is in
    for unit in ("qldt", "qhxd", "qlld", "vpdd", "ttdvvl", "dngsdt", "tnmt"):
        q1.note(unit, "2025Q1", "2025-03-12")
    code, out, _ = _run(capsys, q1, "--today", "2025-03-13", "--check")
    assert code == 0 and "8/8 đơn vị đã nộp" in out


def test_today_from_the_environment_and_default_quarter(capsys, q1, monkeypatch):
    monkeypatch.setenv("NQ43_TODAY", "2025-04-01")
    code, out, _ = _run(capsys, q1)
    assert code == 0
    assert out.startswith("Tình hình báo cáo quý II năm 2025")
    assert "Hạn nộp: 9/6/2025 (công văn: trước ngày 10/6/2025), còn 69 ngày" in out
    assert "0/8 đơn vị đã nộp; chưa nộp 8 (quá hạn 0)" in out


def test_json_carries_the_facts(capsys, q1):
    code, out, _ = _run(capsys, q1, "--today", "2025-03-12", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["quarter"] == "2025Q1" and data["due"]["date"] == "2025-03-10" and data["due"]["days_left"] == -2
    assert data["due"]["moved_over"] == [{"date": "2025-03-09", "reason": "Chủ nhật"}]
    assert data["submitted"] == 4 and data["units_total"] == 8
    assert data["states"] == {"on-time": 2, "late": 1, "overdue": 4, "not-due": 0, "invalid": 1}
    vp = data["units"][0]
    assert (vp["unit"], vp["state"], vp["days"], vp["submitted"], vp["date_source"]) == (
        "vp",
        "on-time",
        5,
        "2025-03-05",
        "submitted",
    )
    assert vp["tasks"] == {"hoan-thanh": 1, "dang-thuc-hien": 1, "chua-thuc-hien": 0, "thuong-xuyen": 0}
    tnmt = next(u for u in data["units"] if u["unit"] == "tnmt")
    assert (tnmt["state"], tnmt["errors"], tnmt["path"]) == ("invalid", 1, "data/units/tnmt/2025Q1.md")
    task = next(t for t in data["tasks"] if t["task"] == "1.2")
    assert (task["status"], task["progress"], task["standing"]) == ("dang-thuc-hien", 72.5, "in-progress-no-deadline")
    assert (
        data["tally"]["total"] == 14 and data["tally"]["not-reported"] == 7
    )  # 6 tasks of missing units, 1 of the invalid note
    assert data["notices"] == []


def test_csv_rows_and_notices_on_stderr(capsys, q1):
    (q1.root / "data" / "calendar.yaml").unlink()
    code, out, err = _run(capsys, q1, "--today", "2025-03-12", "--format", "csv")
    rows = _excel_rows(out)
    assert code == 0 and len(rows) == 8
    assert rows[0]["unit"] == "vp" and rows[0]["state"] == "on-time" and rows[0]["hoan-thanh"] == "1"
    assert rows[2]["state"] == "late" and rows[2]["days"] == "1" and rows[2]["dates_disagree"] == "false"
    assert rows[3]["state"] == "overdue" and rows[3]["submitted"] == "" and rows[3]["hoan-thanh"] == ""
    assert err.startswith("data/calendar.yaml: NQ706 Lịch chưa có ngày nghỉ lễ, Tết của năm 2025")


def test_task_view_table_and_csv(capsys, q1):
    code, out, _ = _run(capsys, q1, "--today", "2025-03-12", "--tasks")
    assert code == 0
    assert "Mã   Nhiệm vụ" in out
    line = next(line for line in out.splitlines() if line.startswith("1.2"))
    assert "Văn phòng" in line and "Đang thực hiện" in line and "72,5%" in line
    code, out, _ = _run(capsys, q1, "--today", "2025-03-12", "--tasks", "--format", "csv", "--lang", "en")
    rows = _excel_rows(out)
    assert len(rows) == 14
    assert rows[1] == {
        "quarter": "2025Q1",
        "task": "1.2",
        "unit": "vp",
        "title": "Đăng tải, phổ biến Nghị quyết trên ứng dụng xã hội và Cổng Thông tin điện tử",
        "status": "dang-thuc-hien",
        "status_label": "In progress",
        "progress": "72.5",
        "standing": "in-progress-no-deadline",
        "standing_label": "In progress, no deadline",
    }


def test_english(capsys, q1):
    code, out, _ = _run(capsys, q1, "--today", "2025-03-12", "--lang", "en")
    assert code == 0
    assert out.startswith("Reporting on Resolution 43/NQ-HĐND for 2025Q1 (quarter 1 of 2025), as of 2025-03-12\n")
    due = (
        "Due: 2025-03-10 (the letter: before 2025-03-10; 2025-03-09 is Sunday, so it moves to 2025-03-10), 2 days past"
    )
    assert due in " ".join(out.split())  # the line wraps at 100 columns
    assert "4/8 units submitted (on time 2, late 1, invalid 1); missing 4 (overdue 4)" in out
    assert "14 tasks in all:" in out


def test_unit_history(capsys, repo):
    repo.note("qldt", "2025Q1", "2025-03-05", {"2.2": ("dang-thuc-hien", 30)})
    repo.note("qldt", "2025Q2", "2025-06-05", {"2.2": ("dang-thuc-hien", 30)})
    code, out, _ = _run(capsys, repo, "--unit", "qldt", "--today", "2025-07-01")
    assert code == 0
    assert out.startswith("Phòng Quản lý Đầu tư (qldt): nhiệm vụ qua các quý, tính đến ngày 1/7/2025")
    assert "Quý I/2025" in out and "Quý III/2025" in out
    assert "Nhiệm vụ đứng yên (báo cáo giống nhau nhiều quý liền): 2.2, 2.4." in out
    line = next(line for line in out.splitlines() if line.startswith("2.2"))
    assert line.count("ĐTH 30%") == 2 and "đứng yên 2 quý" in line
    code, out, _ = _run(capsys, repo, "--unit", "qldt", "--today", "2025-07-01", "--format", "json")
    data = json.loads(out)
    assert data["quarters"] == ["2025Q1", "2025Q2", "2025Q3"]
    assert [t["stalled"] for t in data["tasks"]] == [False, True, False, True]
    code, out, _ = _run(capsys, repo, "--unit", "qldt", "--today", "2025-07-01", "--format", "csv")
    rows = _excel_rows(out)
    assert len(rows) == 4 * 3 and rows[3]["task"] == "2.2" and rows[3]["stalled"] == "true"
    code, out, _ = _run(capsys, repo, "--unit", "qldt", "--year", "2025", "--today", "2025-07-01", "--check")
    assert code == 0 and "Quý IV/2025" in out


def test_year_matrix(capsys, q1):
    code, out, err = _run(capsys, q1, "--year", "2025", "--today", "2025-03-12", "--check")
    assert (code, err) == (1, "nq43 status --check: 4 ghi chú quá hạn chưa nộp, 1 ghi chú có lỗi.\n")
    assert out.startswith("Năm 2025: tình hình nộp ghi chú quý của các đơn vị, tính đến ngày 12/3/2025")
    line = next(line for line in out.splitlines() if line.lstrip().startswith("1 "))
    assert "sớm 5 ngày" in line and "còn 89 ngày" in line
    code, out, _ = _run(capsys, q1, "--year", "2025", "--today", "2025-03-12", "--format", "csv")
    rows = _excel_rows(out)
    assert len(rows) == 32 and rows[0]["quarter"] == "2025Q1" and rows[1]["quarter"] == "2025Q2"
    data = json.loads(_run(capsys, q1, "--year", "2025", "--today", "2025-03-12", "--format", "json")[1])
    assert data["view"] == "year" and len(data["units"]) == 8 and len(data["units"][0]["quarters"]) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quarter", "2025Q5"], 'Quý "2025Q5" không hợp lệ: ghi dạng NĂMQsố, số từ 1 đến 4, ví dụ 2025Q1.'),
        (
            ["--unit", "khong-co"],
            'Không có đơn vị "khong-co". Các mã đơn vị: vp, qldt, qhxd, dngsdt, qlld, tnmt, vpdd, ttdvvl.',
        ),
        (
            ["--tasks", "--unit", "qldt"],
            "--tasks chỉ dùng khi xem một quý, không kèm --unit, --task, --period hay --year.",
        ),
        (["--quarter", "2025Q1", "--year", "2025"], "Chọn một trong --quarter, --period, --year, không dùng cùng lúc."),
        (
            ["--period", "2025H3"],
            'Kỳ báo cáo "2025H3" không hợp lệ: ghi 2025Q1 (quý), 2025H1 hoặc 2025H2 (6 tháng), 2025 (năm).',
        ),
        (["--task", "9.9"], 'Không có nhiệm vụ "9.9". Các mã nhiệm vụ: 1.1, 1.2, 2.1, 2.2, 2.3, 2.4, '),
        (
            ["--task", "2.2", "--unit", "qldt"],
            "--task và --unit không dùng cùng lúc: một nhiệm vụ đã thuộc một đơn vị.",
        ),
        (["--year", "20"], "Năm 20 không hợp lệ."),
    ],
)
def test_usage_errors_exit_2(capsys, repo, args, message):
    code, out, err = _run(capsys, repo, "--today", "2025-03-12", *args)
    assert (code, out) == (2, "") and err.startswith(message) and err.endswith(".\n")


def test_bad_today_and_format_exit_2(capsys, repo):
    code, out, err = _run(capsys, repo, "--today", "2025-02-30")
    assert (code, out) == (2, "")
    assert err == '--today "2025-02-30" không phải ngày có thật dạng NĂM-THÁNG-NGÀY (ví dụ 2025-03-12).\n'
    code, out, err = _run(capsys, repo, "--format", "xml")
    assert (code, out) == (2, "")
    assert "Lỗi: giá trị của --format phải là một trong: table, json, csv, xlsx." in err
    assert "Cách dùng: nq43 status" in err and "Traceback" not in err


def test_broken_calendar_exits_1_with_findings(capsys, repo):
    repo.calendar("schema_version: 1\ndays_off:\n  - {from: 2025-05-04, to: 2025-05-01, name: Lễ}\n")
    code, out, err = _run(capsys, repo, "--today", "2025-03-12")
    assert code == 1 and out == ""
    assert err.startswith("data/calendar.yaml:3:")
    assert "NQ701 lỗi: Khoảng nghỉ kết thúc (2025-05-01) trước khi bắt đầu (2025-05-04)." in err


def test_validate_checks_the_calendar(capsys, repo):
    repo.calendar("schema_version: 1\nworking_days:\n  - {date: 2025-13-01, name: x}\n")
    assert main(["validate", "--root", str(repo.root)]) == 1
    out = capsys.readouterr().out
    assert "data/calendar.yaml:3:" in out and "NQ306" in out


def test_schema_command_prints_the_calendar_schema(capsys):
    assert main(["schema", "calendar"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"] == "urn:nq43:schema:calendar:1"


def test_git_dates_in_the_table(capsys, repo):
    repo.calendar()
    repo.init("2025-01-02")
    repo.note("qldt", "2025Q1", "2025-03-05")
    repo.commit("nộp", "2025-03-12")
    repo.note("vp", "2025Q1", "2025-03-01", sample=True)
    repo.commit("mẫu", "2026-01-05")
    code, out, _ = _run(capsys, repo, "--today", "2025-03-20")
    assert code == 0
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("2 "))
    assert "12/3/2025 (ghi chú" in lines[at] and "muộn 2 ngày" in lines[at] and "ghi 5/3/2025)" in lines[at + 1]
    assert "NQ723" in out and "NQ721 Ghi chú mẫu (sample: true)" in out


def test_display_follows_the_terminal_and_no_color(monkeypatch):
    assert display(False) == Display(tty=False, color=False, width=100)
    monkeypatch.setenv("COLUMNS", "abc")
    assert display(False).width == 100
    shown = display(True)
    assert shown.tty and shown.color
    monkeypatch.setenv("NO_COLOR", "1")
    assert not display(True).color


def _views(repo):
    today = date(2025, 3, 12)
    inputs = gather(repo.root, today, None, dates=NO_GIT)
    d, c = inputs.directive, inputs.calendar
    return [
        quarter_status(d, c, Quarter(2025, 1), inputs.notes, inputs.submissions, today),
        unit_history(d, c, d.unit("vp"), [Quarter(2025, 1)], inputs.notes, inputs.submissions, today),
        period_record(d, c, Period(PeriodKind.YEAR, 2025), inputs.notes, inputs.submissions, today),
        task_track(d, c, d.task("2.2"), [Quarter(2025, 1)], inputs.notes, inputs.submissions, today),
    ]


def _pages(views, display):

    quarter, history, year, task = views
    return [
        (quarter, False, quarter_page(quarter, display, "vi", "43/NQ-HĐND", False)),
        (quarter, True, quarter_page(quarter, display, "vi", "43/NQ-HĐND", True)),
        (history, False, history_page(history, display, "vi")),
        (year, False, period_page(year, display, "vi")),
        (task, False, task_page(task, display, "vi")),
    ]


def _page_words(page):
    texts = [*page.head, *page.foot, *page.notices, "Lưu ý:"]
    for table in page.tables:
        texts += [table.title, *(c.header for c in table.columns)] + [cell for row in table.rows for cell in row]
    words = set()
    for text in texts:
        words |= set(text.split())
        words |= {part + ":" for part in text.split()}  # "Header: value" in the records layout
        words |= {part + "." for part in text.split()}  # "1. Name" in the records layout
    return words


@pytest.mark.parametrize("width", [30, 44, 60, 80, 120])
@pytest.mark.parametrize("tty", [False, True])
def test_narrow_screens_never_cut_a_word(q1, width, tty):
    display = Display(tty=tty, color=False, width=width)
    for view, tasks, page in _pages(_views(q1), display):
        out = render(view, "table", "vi", display, resolution="43/NQ-HĐND", tasks=tasks)
        for line in out.splitlines():
            assert text_width(line.rstrip()) <= width, line
        # wrapping splits at spaces only: every word on screen is a whole word of the page (or a rule line)
        known = _page_words(page)
        for word in out.split():
            assert word in known or set(word) <= set("-─"), (width, word)


def test_rich_table_on_a_terminal(q1):
    view = _views(q1)[0]
    plain = render(view, "table", "vi", Display(tty=True, color=False, width=120), resolution="43/NQ-HĐND")
    assert "✓ Đúng hạn" in plain and "✗ Chưa nộp, quá hạn" in plain and "⚠ Ghi chú có lỗi" in plain
    assert "─" in plain and "\x1b[" not in plain
    coloured = render(view, "table", "vi", Display(tty=True, color=True, width=120), resolution="43/NQ-HĐND")
    assert "\x1b[32m" in coloured and "\x1b[1;31m" in coloured


def test_csv_opens_in_excel_with_its_vietnamese(capsys, q1, tmp_path):
    """Excel on Windows takes a CSV for UTF-8 only when it starts with a byte order mark; read it back as Excel does."""
    target = tmp_path / "tinh-hinh.csv"
    code, out, _ = _run(capsys, q1, "--today", "2025-03-12", "--format", "csv", "--out", str(target))
    assert code == 0 and out == f"Đã ghi {target}.\n"
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and data.count(codecs.BOM_UTF8) == 1
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:6] == ["quarter", "unit", "number", "name", "state", "state_label"]  # no stray mark on "quarter"
    assert rows[1][:8] == ["2025Q1", "vp", "1", "Văn phòng Ban Quản lý", "on-time", "Đúng hạn", "5", "sớm 5 ngày"]
    assert rows[3][5:8] == ["Nộp muộn", "1", "muộn 1 ngày"]
    code, shown, _ = _run(capsys, q1, "--today", "2025-03-12", "--format", "csv")
    assert shown.encode("utf-8") == data  # --out writes exactly what is shown


VIEWS = {
    "quarter": ["--quarter", "2025Q1"],
    "tasks": ["--quarter", "2025Q1", "--tasks"],
    "unit": ["--unit", "qldt", "--year", "2025"],
    "year": ["--year", "2025"],
}


def _as_csv(value, text):
    """A cell as the CSV writes it; Excel keeps no difference between 100 and 100.0, so numbers compare as numbers."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(text) == value:
        return text
    return csv_cell(value)


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_xlsx_holds_the_csv(capsys, q1, tmp_path, view):
    """Every view as a workbook: the CSV's columns headed in Vietnamese, its values, widths, a frozen bold header."""
    args = [*VIEWS[view], "--today", "2025-03-12"]
    code, out, _ = _run(capsys, q1, *args, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.encode("utf-8").decode("utf-8-sig"))))
    target = tmp_path / "bang.xlsx"
    code, out, _ = _run(capsys, q1, *args, "--format", "xlsx", "--out", str(target))
    assert code == 0 and out == f"Đã ghi {target}.\n"
    sheet = openpyxl.load_workbook(target).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    headings = [HEADINGS[key].vi for key in rows[0]]
    assert cells[0] == headings and len(cells) == len(rows) > 1
    written = [[_as_csv(v, t) for v, t in zip(*pair, strict=True)] for pair in zip(cells, rows, strict=True)]
    assert written[1:] == rows[1:]
    assert all(cell.font.b for cell in sheet[1]) and sheet.freeze_panes == "A2"
    names = {"quarter": "Tình hình quý 2025Q1", "tasks": "Nhiệm vụ 2025Q1", "unit": "qldt", "year": "2025"}
    assert sheet.title == names[view]
    for index, column in enumerate(zip(*cells, strict=True), start=1):
        width = sheet.column_dimensions[get_column_letter(index)].width
        longest = max(len(str(v)) for v in column if v is not None)
        assert min(longest, MAX_WIDTH - 2) < width <= MAX_WIDTH


def test_xlsx_numbers_stay_numbers_and_english_headings(capsys, q1, tmp_path):
    target = tmp_path / "tasks.xlsx"
    args = ["--today", "2025-03-12", "--tasks", "--lang", "en", "--format", "xlsx", "--out", str(target)]
    code, _, _ = _run(capsys, q1, *args)
    assert code == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet.title == "Tasks 2025Q1"
    assert [c.value for c in sheet[1]][:3] == ["Quarter", "Task", "Unit id"]
    assert [c.value for c in sheet[3]][:2] == ["2025Q1", "1.2"] and sheet["G3"].value == 72.5


def test_xlsx_needs_a_file(capsys, q1, tmp_path):
    code, out, err = _run(capsys, q1, "--today", "2025-03-12", "--format", "xlsx")
    assert code == 2 and out == ""
    assert "Tệp xlsx là tệp nhị phân, không in ra màn hình được: thêm --out" in err
    assert list(tmp_path.glob("**/*.xlsx")) == []
    code, out, err = _run(capsys, q1, "--format", "xlsx", "--out", str(tmp_path / "bang.csv"))
    assert code == 2 and "không có đuôi .xlsx nên Excel không mở được" in err and "--out bang.xlsx" in err
    assert list(tmp_path.iterdir()) == [q1.root]


def test_a_task_across_every_quarter(capsys, repo):
    repo.calendar()
    repo.note("qldt", "2024Q4", "2024-12-05", {"2.2": ("dang-thuc-hien", 60)})
    repo.note("qldt", "2025Q1", "2025-03-12", {"2.2": ("dang-thuc-hien", 60)})
    repo.note("vp", "2025Q2", "2025-06-05")  # another unit: history runs to today's quarter all the same
    code, out, _ = _run(capsys, repo, "--task", "2.2", "--today", "2025-07-01")
    assert code == 0
    assert out.startswith("Nhiệm vụ 2.2 Thủ tục chủ trương đầu tư hạ tầng KCN")
    lines = {line.split("  ")[0]: line for line in out.splitlines() if line.startswith("Quý ")}
    assert list(lines) == ["Quý IV/2024", "Quý I/2025", "Quý II/2025", "Quý III/2025"]
    assert "ĐTH 60%" in lines["Quý I/2025"] and "Nộp muộn" in lines["Quý I/2025"]
    assert "Chưa nộp, quá hạn" in lines["Quý II/2025"]
    assert "Nhiệm vụ đứng yên" in out and "2.2 (đứng yên 2 quý)" in out
    data = json.loads(_run(capsys, repo, "--task", "2.2", "--today", "2025-07-01", "--format", "json")[1])
    assert data["view"] == "task" and data["task"] == "2.2" and data["unit"] == "qldt" and data["stalled"]
    assert [q["progress"] for q in data["quarters"]] == [60, 60, None, None]
    assert [n["state"] for n in data["notes"]] == ["on-time", "late", "overdue", "not-due"]
    rows = _excel_rows(_run(capsys, repo, "--task", "2.2", "--today", "2025-07-01", "--format", "csv")[1])
    assert [r["quarter"] for r in rows] == ["2024Q4", "2025Q1", "2025Q2", "2025Q3"]
    assert {r["stalled"] for r in rows} == {"true"} and rows[1]["note_state"] == "late"
    code, _, err = _run(capsys, repo, "--task", "2.2", "--today", "2025-07-01", "--check")  # its unit's Q2 is overdue
    assert (code, err) == (1, "nq43 status --check: 1 ghi chú quá hạn chưa nộp, 0 ghi chú có lỗi.\n")


def test_a_tasks_indicators_each_quarter(capsys, repo):
    repo.calendar()
    path = repo.note("qldt", "2025Q1", "2025-03-05")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '  "2.1":\n    status: thuong-xuyen\n',
            '  "2.1":\n    status: thuong-xuyen\n    indicators:\n      ty-le-lap-day: 72.5\n',
        ),
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, repo, "--task", "2.1", "--today", "2025-03-20")
    assert code == 0 and "ty-le-lap-day = 72,5" in out
    rows = _excel_rows(_run(capsys, repo, "--task", "2.1", "--today", "2025-03-20", "--format", "csv")[1])
    assert rows[-1]["indicators"] == "ty-le-lap-day=72.5"


def test_a_half_year_record_and_its_tasks_at_the_end(capsys, repo):
    repo.calendar()
    repo.note("vp", "2025Q1", "2025-03-05", {"1.1": ("dang-thuc-hien", 40)})
    repo.note("vp", "2025Q2", "2025-06-12", {"1.1": ("hoan-thanh", 100)})  # due 10/6: late
    repo.note("qldt", "2025Q1", "2025-03-05")
    code, out, _ = _run(capsys, repo, "--period", "2025H1", "--today", "2025-07-01")
    assert code == 0
    assert out.startswith("6 tháng đầu năm 2025: tình hình nộp ghi chú quý của các đơn vị, tính đến ngày 1/7/2025")
    header = next(line for line in out.splitlines() if line.startswith("STT"))
    assert header.endswith("Đúng hạn  Muộn  Chưa nộp")
    vp = next(line for line in out.splitlines() if line.lstrip().startswith("1 "))
    assert vp.split()[-3:] == ["1", "1", "0"]  # on time, late, missing
    qldt = next(line for line in out.splitlines() if line.lstrip().startswith("2 "))
    assert qldt.split()[-3:] == ["1", "0", "1"]
    assert "Nhiệm vụ đến cuối kỳ" in out and "HT 100% (Quý" in out
    data = json.loads(_run(capsys, repo, "--period", "2025H1", "--today", "2025-07-01", "--format", "json")[1])
    assert data["view"] == "period" and data["period"] == "2025H1" and data["quarters"] == ["2025Q1", "2025Q2"]
    units = {u["unit"]: u for u in data["units"]}
    assert (units["vp"]["on-time"], units["vp"]["late"], units["qldt"]["overdue"]) == (1, 1, 1)
    tasks = {t["task"]: t for t in data["tasks"]}
    assert (
        tasks["1.1"]["standing_at_end"] == "completed-no-deadline" and tasks["6.1"]["standing_at_end"] == "not-reported"
    )
    assert data["tally"]["cutoff"] == "2025-06-30"
    year = json.loads(_run(capsys, repo, "--year", "2025", "--today", "2025-07-01", "--format", "json")[1])
    assert year["view"] == "year" and len(year["units"][0]["quarters"]) == 4
    assert json.loads(_run(capsys, repo, "--period", "2025", "--today", "2025-07-01", "--format", "json")[1]) == year
    quarter = _run(capsys, repo, "--period", "2025Q1", "--today", "2025-07-01")[1]
    assert quarter == _run(capsys, repo, "--quarter", "2025Q1", "--today", "2025-07-01")[1]


def test_a_year_the_letter_came_in_the_course_of_is_a_partial_year(capsys, repo):
    repo.calendar()
    repo.note("qldt", "2024Q4", "2024-12-05")  # the letter (September 2024) asks first for 2024Q4
    code, out, _ = _run(capsys, repo, "--year", "2024", "--today", "2025-01-15")
    assert code == 0
    header = next(line for line in out.splitlines() if line.startswith("STT"))
    assert "Quý IV/2024" in header and "Quý III/2024" not in header and "Quý I/2024" not in header
    qldt = next(line for line in out.splitlines() if "Phòng Quản lý Đầu tư" in line)
    assert qldt.split()[-3:] == ["1", "0", "0"]  # on time 1, late 0, missing 0: Q1-Q3 2024 were not asked for
    data = json.loads(_run(capsys, repo, "--year", "2024", "--today", "2025-01-15", "--format", "json")[1])
    assert data["quarters"] == ["2024Q4"]


def test_the_period_view_does_not_point_to_remind(capsys, repo):
    # A period's view is the record of its quarters; the letter for an overdue quarter is the quarter view's
    # advice (`nq43 status --quarter 2025Q2` names `nq43 remind --quarter 2025Q2`).
    repo.calendar()
    repo.note("vp", "2025Q2", "2025-06-05")
    _, quarter, _ = _run(capsys, repo, "--quarter", "2025Q2", "--today", "2025-06-16")
    _, half, _ = _run(capsys, repo, "--period", "2025H1", "--today", "2025-06-16")
    assert "nq43 remind --quarter 2025Q2" in quarter
    assert "quá hạn" in half and "nq43 remind" not in half
