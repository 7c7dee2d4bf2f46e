"""What the report says: the frame from the directive, units and tasks from the notes, counts and indicators."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nq43.check.repository import load_quarters
from nq43.domain.periods import Period
from nq43.domain.records import Note, Quarter
from nq43.report.context import ReportContext
from nq43.report.model import (
    ReportOptions,
    build_context,
    format_number,
    report_findings,
    select_notes,
)
from reportdata import REPORT_DATE, TODAY, directive, full_notes, make_repo, note

Q1 = Quarter(2025, 1)


def _context(
    tmp_path: Path, notes: dict[str, str], deadlines: dict[str, str] | None = None, **options: object
) -> tuple[ReportContext, list[str]]:
    root = make_repo(tmp_path, notes, deadlines=deadlines)
    repo = load_quarters(root, TODAY, (Q1,))
    assert repo.directive is not None
    selection = select_notes(repo.directive, repo.notes, Q1)
    allowed = {"date": REPORT_DATE, **options}
    context = build_context(repo.directive, selection, ReportOptions(Period.of(Q1), **allowed))  # type: ignore[arg-type]
    codes = [f.code for f in report_findings(repo.directive, selection, context)]
    return context, codes


def test_frame_comes_from_the_directive(tmp_path: Path) -> None:
    context, _ = _context(tmp_path, full_notes())

    assert context.letterhead.parent_agency == "UBND THÀNH PHỐ HẢI PHÒNG"
    assert context.letterhead.issuing_agency_lines == ("BAN QUẢN LÝ KHU KINH TẾ", "HẢI PHÒNG")
    assert context.letterhead.agency_name == "Ban Quản lý Khu kinh tế Hải Phòng"
    assert context.letterhead.number_line == "Số:      /BC-BQL"
    assert context.letterhead.place_date == "Hải Phòng, ngày 10 tháng 3 năm 2025"
    assert context.letterhead.authority == ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
    assert context.letterhead.signer == "Bùi Ngọc Hải"
    assert context.letterhead.recipients[-1] == "Lưu: VT, VP."
    assert context.quarter.label == "quý I năm 2025"
    assert context.previous_quarter.code == "2024Q4"


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2025, 1, 5), "ngày 05 tháng 01 năm 2025"),
        (date(2025, 2, 28), "ngày 28 tháng 02 năm 2025"),
        (date(2025, 3, 10), "ngày 10 tháng 3 năm 2025"),
        (date(2025, 12, 9), "ngày 09 tháng 12 năm 2025"),
    ],
)
def test_date_follows_the_decree_zero_rule(tmp_path: Path, day: date, text: str) -> None:
    context, _ = _context(tmp_path, {}, date=day)

    assert context.letterhead.date_text == text
    assert context.letterhead.place_date == f"Hải Phòng, {text}"


def test_number_and_signer_options(tmp_path: Path) -> None:
    context, _ = _context(tmp_path, {}, number="5", signer="Nguyễn Văn Tùng")

    assert context.letterhead.number_line == "Số: 05/BC-BQL"
    assert context.letterhead.number_text == "05/BC-BQL"
    assert context.letterhead.signer == "Nguyễn Văn Tùng"
    assert format_number("12") == "12"


def test_units_in_directive_order_with_their_tasks(tmp_path: Path) -> None:
    context, _ = _context(tmp_path, full_notes(statuses={"1.1": "hoan-thanh"}))

    assert [u.id for u in context.units] == [u.id for u in directive().units]
    vp = context.units[0]
    assert [t.id for t in vp.tasks] == ["1.1", "1.2"]
    done = vp.tasks[0]
    assert (done.status, done.status_label, done.progress_text) == ("hoan-thanh", "Đã hoàn thành", "100%")
    assert (done.standing, done.standing_label) == ("completed-no-deadline", "Đã hoàn thành, không quy định thời hạn")
    assert vp.tasks[1].progress_text == "65%"
    assert "**hoàn thành**" in done.results


def test_units_without_a_note_are_named_and_their_tasks_not_reported(tmp_path: Path) -> None:
    context, codes = _context(tmp_path, full_notes(skip=("qlld", "tnmt")))

    assert [u.id for u in context.missing_units] == ["qlld", "tnmt"]
    assert len(context.reported_units) == 6
    assert context.tally.not_reported == 2
    assert "; 2 nhiệm vụ chưa có báo cáo (" in context.tally.sentence
    assert codes.count("NQ902") == 2


def test_tally_splits_tasks_with_a_deadline_and_counts_the_others_by_status(tmp_path: Path) -> None:
    # 1.1 completed (note submitted 5/3) by its deadline 30/3, 1.2 not started and past its 28/2 deadline,
    # 2.2 in progress within its deadline; 2.4 and 6.1 have no deadline.
    deadlines = {"1.1": "2025-03-30", "1.2": "2025-02-28", "2.2": "2025-12-31"}
    statuses = {"1.1": "hoan-thanh", "1.2": "chua-thuc-hien", "2.4": "hoan-thanh"}
    context, _ = _context(tmp_path, full_notes(statuses=statuses), deadlines)
    tally = context.tally
    standing = {t.id: t.standing for t in context.tasks}

    assert (standing["1.1"], standing["1.2"], standing["2.2"]) == ("completed-on-time", "overdue", "in-progress")
    assert (standing["2.4"], standing["6.1"]) == ("completed-no-deadline", "in-progress-no-deadline")
    assert (tally.with_deadline, tally.completed_on_time, tally.within_deadline, tally.overdue) == (3, 1, 1, 1)
    assert (tally.without_deadline, tally.completed_no_deadline, tally.in_progress_no_deadline) == (2, 1, 1)
    assert tally.total == len(directive().tasks)
    assert tally.total == tally.with_deadline + tally.without_deadline + tally.recurring + tally.not_reported
    assert tally.with_deadline == tally.completed + tally.not_completed
    assert tally.sentence == (
        "Tổng số 14 nhiệm vụ: 3 nhiệm vụ có thời hạn, trong đó đã hoàn thành 1 (đúng hạn 1, quá hạn 0), "
        "chưa hoàn thành 2 (trong hạn 1, quá hạn 1); 2 nhiệm vụ không quy định thời hạn, trong đó đã hoàn thành 1, "
        "đang thực hiện 1, chưa thực hiện 0; 9 nhiệm vụ thường xuyên (số liệu tính đến ngày 10/3/2025)."
    )


def test_tally_without_any_deadline_never_says_on_time(tmp_path: Path) -> None:
    context, _ = _context(tmp_path, full_notes(statuses={"1.1": "hoan-thanh", "1.2": "chua-thuc-hien"}))

    assert context.tally.with_deadline == 0
    assert context.tally.sentence.startswith("Tổng số 14 nhiệm vụ: 5 nhiệm vụ không quy định thời hạn, trong đó")
    assert "đúng hạn" not in context.tally.sentence and "trong hạn" not in context.tally.sentence


def test_sample_notes_force_the_draft_mark(tmp_path: Path) -> None:
    notes = full_notes()
    notes["data/units/qldt/2025Q1.md"] = note("qldt", sample=True)
    context, codes = _context(tmp_path, notes)

    assert context.draft
    assert context.draft_reasons == ("sample",)
    assert codes == ["NQ903"]


def test_draft_option(tmp_path: Path) -> None:
    context, _ = _context(tmp_path, full_notes(), draft=True)

    assert context.draft and context.draft_reasons == ("option",)


def test_invalid_notes_are_selected_apart(tmp_path: Path) -> None:
    notes = full_notes()
    path = "data/units/qlld/2025Q1.md"
    notes[path] = notes[path].replace("status: thuong-xuyen", "status: maybe")
    context, codes = _context(tmp_path, notes)

    assert [(u.id, u.invalid_note) for u in context.missing_units] == [("qlld", True)]
    assert not any(u.invalid_note for u in context.reported_units)
    # on the terminal: NQ901 (not also NQ902 "no note"), then the note's own finding (the unknown status)
    assert codes == ["NQ901", "NQ304"]


def test_notes_of_other_quarters_are_not_used(tmp_path: Path) -> None:
    notes = full_notes("2024Q4", submitted="2024-12-05")
    root = make_repo(tmp_path, notes)
    repo = load_quarters(root, TODAY, (Q1, Q1.previous()))
    assert repo.directive is not None

    selection = select_notes(repo.directive, repo.notes, Q1)

    assert dict(selection.used) == {} and selection.invalid == ()
    assert len(select_notes(repo.directive, repo.notes, Q1.previous()).used) == 8


def test_indicators_with_the_previous_quarter_beside(tmp_path: Path) -> None:
    notes = full_notes(indicators={"2.1": {"ty-le-lap-day": 72.5, "so-nha-dau-tu-thu-cap": 12}})
    root = make_repo(tmp_path, notes)
    repo = load_quarters(root, TODAY, (Q1,))
    assert repo.directive is not None
    selection = select_notes(repo.directive, repo.notes, Q1)
    previous = {"qldt": note_with_value()}

    context = build_context(repo.directive, selection, ReportOptions(Period.of(Q1), REPORT_DATE), previous=previous)

    rows = {row.id: row for row in context.indicators}
    assert rows["ty-le-lap-day"].value_text == "72,5"
    assert rows["ty-le-lap-day"].previous_text == "70,1"
    assert rows["so-nha-dau-tu-thu-cap"].previous_text == ""
    assert "so-kcn-sinh-thai" not in rows  # no value in either quarter
    task = next(t for t in context.tasks if t.id == "2.1")
    assert [i.id for i in task.indicators] == ["ty-le-lap-day", "so-nha-dau-tu-thu-cap"]


def note_with_value() -> Note:
    from nq43.load.notes import parse_note

    read = parse_note(
        note("qldt", "2024Q4", submitted="2024-12-05", indicators={"2.1": {"ty-le-lap-day": 70.1}}),
        "data/units/qldt/2024Q4.md",
    )
    assert read.note is not None
    return read.note


def test_amendments_are_listed_as_errata(tmp_path: Path) -> None:
    notes = full_notes()
    notes["data/units/qldt/2025Q1.md"] = note("qldt", amends="Sửa tỷ lệ lấp đầy theo số liệu rà soát")
    context, _ = _context(tmp_path, notes)

    (erratum,) = context.errata
    assert erratum.unit_name == "Phòng Quản lý Đầu tư"
    assert erratum.date_text == "20/3/2025"
    assert erratum.reason == "Sửa tỷ lệ lấp đầy theo số liệu rà soát"


def test_note_text_reaches_the_context_as_normalised_markdown(tmp_path: Path) -> None:
    notes = full_notes(results={"1.2": "Kết quả {{ 7*7 }}\n\n# Tiêu đề lạ\n\n```\nchưa đóng"}, next_quarter="")
    context, _ = _context(tmp_path, notes)
    results = context.units[0].tasks[1].results

    assert "{{ 7\\*7 }}" in results
    assert "**Tiêu đề lạ**" in results
    assert results.rstrip().endswith("```")


def test_a_note_that_cannot_be_read_names_its_folder_unit(tmp_path: Path) -> None:
    notes = full_notes()
    notes["data/units/vpdd/2025Q1.md"] = "---\nunit: [vpdd\n---\n"  # the front matter is not YAML
    context, codes = _context(tmp_path, notes)

    assert [(u.id, u.invalid_note) for u in context.missing_units] == [("vpdd", True)]
    assert codes[0] == "NQ901" and "NQ902" not in codes
