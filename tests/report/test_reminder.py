"""The reminder letter (công văn đôn đốc): the quarterly report's layout checks where a letter is the same (page,
margins, fonts, header table, national title and motto, signature block), and the letter's own (Mẫu 1.5): the
summary (trích yếu) under the number, upright 12-13 pt; "Kính gửi:" inline for one unit, one per line for several;
what to fix in plain words, never a file path, a line or a code."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import docx
import pytest
import test_docx as report_layout  # the quarterly report's layout tests, beside this file
from docx.enum.text import WD_ALIGN_PARAGRAPH

from nq43.domain.findings import Finding, finding
from nq43.domain.records import Quarter
from nq43.load.calendar import Calendar
from nq43.report.docx import build_docx
from nq43.report.reminder import (
    BY_WORKING_DAYS,
    MAX_PROBLEMS,
    Late,
    ReminderOptions,
    build_reminder,
    default_by,
    plain_problems,
    reminder_document,
    render_reminder,
)
from reportdata import directive

Q2 = Quarter(2025, 2)
NOTE = "data/units/tnmt/2025Q2.md"
ERRORS = (
    finding(NOTE, 14, 1, "NQ504", task="6.1"),
    finding(NOTE, 5, 3, "NQ205", key="status", first_line=3),
    finding(NOTE, 1, 1, "NQ109", target="/etc/passwd"),
    finding(NOTE, 2, 1, "NQ301", field="submitted", where=""),
    finding(NOTE, 1, 1, "NQ105"),  # a warning: not something to put right
)
# What never belongs in a letter to a unit head: a file path or name, a finding code, a line, a command.
TECHNICAL = re.compile(r"data/|\.md\b|\.ya?ml\b|NQ\d{3}|dòng \d|nq43|docs/")


def _letter(units: tuple[str, ...], findings: tuple[Finding, ...] = (), **options: Any) -> bytes:
    known = directive()
    late = [
        Late(unit, date(2025, 6, 9), unit.id == "tnmt", findings if unit.id == "tnmt" else ())
        for unit in known.units
        if unit.id in units
    ]
    settings = {"number": "7", "by": date(2025, 6, 23), "date": date(2025, 6, 16), **options}
    context = build_reminder(known, late, ReminderOptions(Q2, date(2025, 6, 9), **settings))
    return build_docx(reminder_document(context, render_reminder(context, None)))


def _markdown(units: tuple[str, ...], findings: tuple[Finding, ...] = ()) -> str:
    known = directive()
    late = [Late(u, date(2025, 6, 9), u.id == "tnmt", findings) for u in known.units if u.id in units]
    options = ReminderOptions(Q2, date(2025, 6, 9), by=date(2025, 6, 23), date=date(2025, 6, 16))
    return render_reminder(build_reminder(known, late, options), None).markdown


@pytest.fixture(scope="module")
def built() -> bytes:
    return _letter(("qldt", "tnmt", "vpdd"), ERRORS)


@pytest.fixture(scope="module")
def document(built: bytes) -> Any:
    return docx.Document(io.BytesIO(built))


# The quarterly report's checks, run on the letter: where Decree 30 lays a letter out as a report.
test_page_is_a4_portrait_with_the_decree_margins = report_layout.test_page_is_a4_portrait_with_the_decree_margins
test_fonts_and_language_are_set_for_every_script = report_layout.test_fonts_and_language_are_set_for_every_script
test_no_python_docx_default_survives = report_layout.test_no_python_docx_default_survives
test_header_table_geometry = report_layout.test_header_table_geometry
test_agency_block = report_layout.test_agency_block
test_national_title_and_motto = report_layout.test_national_title_and_motto
test_signature_block = report_layout.test_signature_block


def _size(run: Any) -> float:
    return run.font.size.pt  # type: ignore[no-any-return]


def _texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_the_summary_stands_under_the_number_upright_12_to_13_pt(document: Any) -> None:
    number, summary = document.tables[0].cell(1, 0).paragraphs
    place_date = document.tables[0].cell(1, 1).paragraphs[0]

    assert number.text == "Số: 07/BQL-VP"
    assert summary.text == "V/v đôn đốc báo cáo kết quả thực hiện Nghị quyết số 43/NQ-HĐND quý II năm 2025"
    assert all(12 <= _size(r) <= 13 and not r.bold and not r.italic for r in summary.runs)
    assert summary.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert summary.paragraph_format.space_before.pt == 6
    assert place_date.text == "Hải Phòng, ngày 16 tháng 6 năm 2025"


def test_a_letter_has_no_document_type_and_no_appendix(document: Any) -> None:
    assert "BÁO CÁO" not in _texts(document)
    assert not any(t.startswith("V/v") for t in _texts(document))  # the summary only under the number
    assert len(document.sections) == 1
    assert "PAGE" not in document.sections[0].first_page_header._element.xml
    assert "PAGE" in document.sections[0].header._element.xml


def test_several_addressees_one_per_line(document: Any) -> None:
    texts = _texts(document)
    start = texts.index("Kính gửi:")
    label, *lines = document.paragraphs[start : start + 4]

    assert [p.text for p in lines] == [
        "- Phòng Quản lý Đầu tư;",
        "- Phòng Tài nguyên và Môi trường;",
        "- Văn phòng đại diện BQL tại KCN, KKT.",
    ]
    assert all(_size(r) == 14 and not r.bold and not r.italic for p in (label, *lines) for r in p.runs)
    assert label.paragraph_format.left_indent > 0  # a centred block
    assert {p.paragraph_format.left_indent for p in lines} == {lines[0].paragraph_format.left_indent}
    assert lines[0].paragraph_format.left_indent > label.paragraph_format.left_indent
    assert start < texts.index(next(t for t in texts if t.startswith("Thực hiện Nghị quyết")))


def test_one_addressee_on_the_greeting_line() -> None:
    document = docx.Document(io.BytesIO(_letter(("qldt",))))
    greeting = next(p for p in document.paragraphs if p.text.startswith("Kính gửi:"))

    assert greeting.text == "Kính gửi: Phòng Quản lý Đầu tư"
    assert greeting.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(_size(r) == 14 and not r.bold for r in greeting.runs)
    assert "Kính gửi: Phòng Quản lý Đầu tư" in _markdown(("qldt",))


def test_one_late_unit_is_not_spoken_of_as_several() -> None:
    """ "các đơn vị sau" / "các đơn vị nêu trên" for one unit reads as a form filled in by a machine."""
    one, several = _markdown(("qldt",)), _markdown(("qldt", "vpdd"))

    assert "đơn vị sau chưa gửi" in one and "các đơn vị" not in one
    assert "đề nghị đơn vị nêu trên khẩn trương" in one
    assert "các đơn vị sau chưa gửi" in several and "đề nghị các đơn vị nêu trên khẩn trương" in several


def test_the_body_cites_the_letter_the_due_date_and_sets_the_new_date(document: Any) -> None:
    text = "\n".join(_texts(document))

    # the shipped letter's number and day are blank: printed blank, as the quarterly report prints them
    assert "Công văn số /BQL-VP ngày    tháng 9 năm 2024 của Ban Quản lý Khu kinh tế Hải Phòng" in text
    assert "Hạn gửi báo cáo quý II năm 2025 là ngày 09 tháng 6 năm 2025." in text
    assert "- Phòng Quản lý Đầu tư: chưa gửi báo cáo." in text
    assert "- Phòng Tài nguyên và Môi trường: đã gửi báo cáo nhưng báo cáo chưa đúng quy định" in text
    assert "chậm nhất ngày 23 tháng 6 năm 2025./." in text
    assert text.index("chậm nhất") > text.index("Phòng Tài nguyên và Môi trường: đã gửi")
    signature = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    assert [p.text for p in signature.cell(0, 0).paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VP."]


def test_what_to_fix_is_said_without_a_path_a_line_or_a_code(document: Any) -> None:
    text = "\n".join(_texts(document))
    markdown = _markdown(("qldt", "tnmt"), ERRORS)

    assert 'Tiểu mục "### Kết quả" của nhiệm vụ 6.1 để trống' in text
    assert 'Khoá "status" xuất hiện hai lần' in text
    assert "Tệp ghi chú không đọc được hoặc không đúng chỗ" in text  # the link's message names a path
    for words in (text, markdown):
        assert TECHNICAL.search(words) is None, TECHNICAL.search(words)


def test_plain_problems_keep_errors_once_and_at_most_a_few() -> None:
    many = tuple(finding(NOTE, line, 1, "NQ504", task=f"6.{line}") for line in range(1, 9))

    assert plain_problems(()) == ("Ghi chú chưa đúng quy định; đề nghị đơn vị kiểm tra lại và gửi lại.",)
    assert plain_problems(ERRORS[:1] * 3) == plain_problems(ERRORS[:1])
    assert len(plain_problems(many)) == MAX_PROBLEMS + 1
    assert plain_problems(many)[-1] == f"Và {8 - MAX_PROBLEMS} nội dung khác cần sửa."
    assert len(plain_problems(ERRORS)) == 4  # the warning left out


def test_the_new_date_defaults_to_working_days_after_the_letter() -> None:
    # a Monday: five working days later is the next Monday
    assert default_by(Calendar(), date(2025, 6, 16)) == date(2025, 6, 23)
    assert BY_WORKING_DAYS == 5


def test_the_letter_is_a_draft_on_request() -> None:
    document = docx.Document(io.BytesIO(_letter(("qldt",), draft=True)))

    assert "DỰ THẢO" in document.sections[0].first_page_header._element.xml


def test_same_input_gives_the_same_bytes(built: bytes) -> None:
    assert _letter(("qldt", "tnmt", "vpdd"), ERRORS) == built
