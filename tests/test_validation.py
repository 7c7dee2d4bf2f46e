"""Cross-reference checks of a note against the directive."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nq43.directive import load_directive
from nq43.findings import Finding
from nq43.notes import parse_note
from nq43.validation import check_note

ROOT = Path(__file__).resolve().parents[1]
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
