"""Reading a note's body: every word a unit writes under a task ends up in one of its parts."""

from __future__ import annotations

from nq43.notes import parse_note

NOTE = """---
unit: qhxd
quarter: 2025Q1
prepared_by: Lê Thị Thu Trang
submitted: 2025-03-11
tasks:
  "3.1": {status: thuong-xuyen}
---

## 3.1. Nhà ở cho người lao động

Đến hết tháng 02/2025 có **06 dự án** nhà ở cho người lao động.

### Kết quả

Thẩm định 02 hồ sơ điều chỉnh quy hoạch.

### Khó khăn, vướng mắc

Thủ tục xác nhận đối tượng còn phức tạp.
"""


def test_text_under_the_task_heading_before_any_subsection_is_kept_with_the_results() -> None:
    read = parse_note(NOTE, "data/units/qhxd/2025Q1.md")

    assert read.findings == ()
    assert read.note is not None
    section = read.note.section("3.1")
    assert section is not None
    assert section.results == (
        "Đến hết tháng 02/2025 có **06 dự án** nhà ở cho người lao động.\n\nThẩm định 02 hồ sơ điều chỉnh quy hoạch."
    )
    assert section.difficulties == "Thủ tục xác nhận đối tượng còn phức tạp."


def test_an_empty_results_subsection_is_still_reported_when_the_task_has_an_opening_paragraph() -> None:
    text = NOTE.replace("Thẩm định 02 hồ sơ điều chỉnh quy hoạch.\n", "")

    read = parse_note(text, "data/units/qhxd/2025Q1.md")

    assert [(f.code, f.line) for f in read.findings] == [("NQ504", 14)]
