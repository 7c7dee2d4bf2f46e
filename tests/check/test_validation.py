"""Cross-references of a note against the directive: unit, folder, quarter, tasks, indicators, dates, sections."""

from __future__ import annotations

from datetime import date

import pytest

from notekit import QLDT_NOTE, SHIPPED, TODAY
from nq43.check.validation import check_note
from nq43.domain.findings import Finding
from nq43.domain.records import Directive
from nq43.load.directive import load_directive
from nq43.load.notes import parse_note

ROOT = SHIPPED
NOTE = """---
unit: vpdd
quarter: 2025Q1
prepared_by: Bùi Thị Ngọc
submitted: {submitted}
tasks:
  "7.1":
    status: thuong-xuyen
    completed: {completed}
amends:
  - date: {amended}
    reason: sửa số liệu
---

## 7.1. Tuyên truyền

### Kết quả

Tổ chức 12 chương trình.
"""


def _findings(text: str) -> list[Finding]:
    directive, _ = load_directive(ROOT)
    assert directive is not None
    read = parse_note(text, "data/units/vpdd/2025Q1.md")
    return [*read.findings, *check_note(read, directive, folder="vpdd", file_name="2025Q1.md", today=date(2025, 3, 31))]


@pytest.mark.parametrize("wrong", ["06/03/2025", "2025-02-30"])
def test_a_bad_date_is_reported_once_wherever_it_is(wrong: str) -> None:
    # a date in the wrong form is the schema's to report, an impossible one the validator's: never both
    findings = _findings(NOTE.format(submitted=wrong, completed=wrong, amended=wrong))

    dates = sorted((f.line, f.args["field"]) for f in findings if f.code == "NQ306")
    assert dates == [(5, "submitted"), (9, "tasks.7.1.completed"), (11, "amends.0.date")]


def test_good_dates_give_no_finding() -> None:
    assert _findings(NOTE.format(submitted="2025-03-04", completed="2025-03-01", amended="2025-03-20")) == []


def test_an_indicator_with_only_a_minimum_states_its_range_as_at_least() -> None:
    text = NOTE.format(submitted="2025-03-04", completed="2025-03-01", amended="2025-03-20").replace(
        "    completed: 2025-03-01\n", "    indicators:\n      so-buoi-tuyen-truyen: -3\n"
    )

    [found] = _findings(text)

    assert (found.code, found.line) == ("NQ305", 10)
    assert found.message() == (
        'Giá trị -3 của "tasks.7.1.indicators.so-buoi-tuyen-truyen" nằm ngoài khoảng cho phép (≥ 0).'
    )


@pytest.fixture(scope="module")
def directive() -> Directive:
    loaded, findings = load_directive(SHIPPED)
    assert findings == []
    assert loaded is not None
    return loaded


def check(
    directive: Directive, text: str, *, folder: str | None = "qldt", name: str = "2025Q1.md", today: date = TODAY
) -> list[tuple[str, int, int, dict[str, object]]]:
    read = parse_note(text, "n.md")
    assert [f.code for f in read.findings] == []
    return [
        (f.code, f.line, f.column, dict(f.args))
        for f in check_note(read, directive, folder=folder, file_name=name, today=today)
    ]


def places(found: list[tuple[str, int, int, dict[str, object]]]) -> list[tuple[str, int]]:
    return [(code, line) for code, line, _, _ in found]


def replace(old: str, new: str) -> str:
    assert old in QLDT_NOTE
    return QLDT_NOTE.replace(old, new)


def test_valid_note(directive: Directive) -> None:
    assert check(directive, QLDT_NOTE) == []


def test_note_outside_the_units_folder_is_not_checked_against_a_folder(directive: Directive) -> None:
    assert check(directive, QLDT_NOTE, folder=None) == []


def test_unknown_unit_with_suggestion(directive: Directive) -> None:
    assert check(directive, replace("unit: qldt", "unit: qldtt")) == [
        (
            "NQ401",
            2,
            7,
            {
                "unit": "qldtt",
                "known": "vp, qldt, qhxd, dngsdt, qlld, tnmt, vpdd, ttdvvl",
                "suggestion": ' Có phải ý bạn là "qldt"?',
                "suggestion_en": ' Did you mean "qldt"?',
            },
        ),
    ]


def test_note_in_another_units_folder(directive: Directive) -> None:
    assert check(directive, QLDT_NOTE, folder="vp") == [("NQ402", 2, 7, {"unit": "qldt", "folder": "vp"})]


def test_file_name_must_be_the_quarter(directive: Directive) -> None:
    assert check(directive, QLDT_NOTE, name="2025Q2.md") == [
        ("NQ403", 3, 10, {"name": "2025Q2.md", "quarter": "2025Q1"}),
    ]


@pytest.mark.parametrize("day", ["2025-02-30", "2025-02-29", "2025-04-31", "2025-00-10"])
def test_impossible_submission_date(directive: Directive, day: str) -> None:
    assert check(directive, replace("2025-03-05", day)) == [("NQ306", 5, 12, {"field": "submitted", "value": day})]


def test_submission_in_the_future_or_before_the_quarter(directive: Directive) -> None:
    assert check(directive, replace("2025-03-05", "2025-04-02")) == [
        ("NQ407", 5, 12, {"value": "2025-04-02", "today": "2025-04-01"}),
    ]
    assert check(directive, QLDT_NOTE, today=date(2025, 3, 5)) == []
    assert check(directive, replace("2025-03-05", "2024-12-31")) == [
        ("NQ408", 5, 12, {"value": "2024-12-31", "quarter": "2025Q1", "start": "2025-01-01"}),
    ]


def test_2_10_is_not_2_1(directive: Directive) -> None:
    text = replace(
        '  "2.4": {status: chua-thuc-hien}', '  "2.4": {status: chua-thuc-hien}\n  2.10: {status: hoan-thanh}'
    )
    found = check(directive, text)
    assert places(found) == [("NQ404", 15)]
    assert found[0][3]["task"] == "2.10"
    assert found[0][3]["known"] == "2.1, 2.2, 2.3, 2.4"


def test_missing_task_status(directive: Directive) -> None:
    assert check(directive, replace('  "2.4": {status: chua-thuc-hien}\n', "")) == [("NQ405", 6, 1, {"task": "2.4"})]


def test_completed_with_low_progress_and_late_completion(directive: Directive) -> None:
    text = replace(
        "status: dang-thuc-hien\n    progress: 40", "status: hoan-thanh\n    progress: 40\n    completed: 2025-03-10"
    )
    assert places(check(directive, text)) == [("NQ409", 11), ("NQ411", 12)]
    text = replace("status: dang-thuc-hien\n    progress: 40", "status: hoan-thanh\n    completed: 2025-02-30")
    assert check(directive, text) == [("NQ306", 11, 16, {"field": "tasks.2.2.completed", "value": "2025-02-30"})]


def test_indicators(directive: Directive) -> None:
    text = replace(
        'status: thuong-xuyen\n  "2.2"',
        "status: thuong-xuyen\n    indicators: "
        '{ty-le-lap-day: 120, so-kcn-sinh-thai: 1, ty-le-lap-dy: 5, so-nha-dau-tu-thu-cap: 3}\n  "2.2"',
    )
    found = check(directive, text)
    assert [(code, line, column) for code, line, column, _ in found] == [
        ("NQ305", 9, 33),
        ("NQ410", 9, 38),
        ("NQ406", 9, 59),
    ]
    assert found[0][3]["range"] == "0 – 100"
    assert found[1][3] == {"indicator": "so-kcn-sinh-thai", "owner_task": "6.1", "task": "2.1"}
    assert found[2][3]["suggestion"] == ""  # ty-le-lap-day is already given


def test_sections_must_match_the_units_tasks(directive: Directive) -> None:
    text = replace("## 2.4. Xây dựng mới KCN xanh, sinh thái", "## 2.5. Xây dựng mới KCN xanh, sinh thái")
    found = check(directive, text)
    assert places(found) == [("NQ502", 39), ("NQ501", 14)]
    assert found[1][3]["title"] == "Xây dựng mới KCN xanh, sinh thái; hình thành cụm liên kết ngành"


def test_amendment_date(directive: Directive) -> None:
    text = replace("tasks:", "amends:\n  - {date: 2025-02-30, reason: sửa số liệu}\ntasks:")
    assert check(directive, text) == [("NQ306", 7, 12, {"field": "amends.0.date", "value": "2025-02-30"})]


def test_note_of_another_unit_in_its_own_folder_lists_every_mismatch(directive: Directive) -> None:
    found = check(directive, replace("unit: qldt", "unit: qhxd"), folder="qhxd")
    assert places(found) == [
        ("NQ404", 7),
        ("NQ404", 9),
        ("NQ404", 12),
        ("NQ404", 14),
        ("NQ405", 6),
        ("NQ502", 17),
        ("NQ502", 23),
        ("NQ502", 33),
        ("NQ502", 39),
        ("NQ501", 1),
    ]


def test_unreadable_note_gives_no_cross_reference_findings(directive: Directive) -> None:
    read = parse_note("no front matter", "n.md")
    assert check_note(read, directive, folder="qldt", file_name="2025Q1.md", today=TODAY) == []


def test_a_suggestion_never_names_a_task_already_in_the_note(directive: Directive) -> None:
    other = '  "2.4": {status: chua-thuc-hien}\n  "6.1": {status: hoan-thanh}'
    [(code, _, _, args)] = check(directive, replace('  "2.4": {status: chua-thuc-hien}', other))
    assert (code, args["task"], args["suggestion"]) == ("NQ404", "6.1", "")
    # a task id that is close to one the note lacks still gets it
    found = check(directive, replace('  "2.4": {status: chua-thuc-hien}', '  "2.5": {status: chua-thuc-hien}'))
    assert [(code, args.get("suggestion")) for code, _, _, args in found] == [
        ("NQ404", ' Có phải ý bạn là "2.4"?'),
        ("NQ405", None),
    ]
    # a heading for a task whose section is already there is not suggested either
    [(code, _, _, args)] = check(directive, QLDT_NOTE + "\n## 2.6. Thêm\n\n### Kết quả\n\nĐã làm.\n")
    assert (code, args["suggestion"]) == ("NQ502", "")


def test_an_indicator_not_given_yet_is_suggested(directive: Directive) -> None:
    text = replace('status: thuong-xuyen\n  "2.2"', 'status: thuong-xuyen\n    indicators: {ty-le-lap-dy: 5}\n  "2.2"')
    [(code, _, _, args)] = check(directive, text)
    assert (code, args["suggestion"]) == ("NQ406", ' Có phải ý bạn là "ty-le-lap-day"?')
