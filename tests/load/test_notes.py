"""Reading a quarterly note: front matter, body sections, statuses and dates, every problem at its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from notekit import QLDT_NOTE, places
from nq43.domain.records import Quarter
from nq43.domain.vocabulary import Status
from nq43.load.limits import MAX_TABLE_COLUMNS
from nq43.load.notes import is_blank, parse_body, parse_date, parse_note, read_note, split_front_matter

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


def test_valid_note_is_read_completely() -> None:
    read = parse_note(QLDT_NOTE, "n.md")
    assert read.findings == ()
    note = read.note
    assert note is not None
    assert (note.unit, note.quarter, note.prepared_by, note.submitted) == (
        "qldt",
        Quarter(2025, 1),
        "Nguyễn Văn An",
        date(2025, 3, 5),
    )
    assert note.sample is False
    assert list(note.tasks) == ["2.1", "2.2", "2.3", "2.4"]
    assert note.tasks["2.2"].status is Status.IN_PROGRESS
    assert note.tasks["2.2"].progress == 40.0
    assert note.tasks["2.4"].status is Status.NOT_STARTED
    assert note.tasks["2.1"].progress is None
    assert [(s.task, s.line) for s in note.sections] == [("2.1", 17), ("2.2", 23), ("2.3", 33), ("2.4", 39)]
    section = note.section("2.2")
    assert section is not None
    assert section.title == "Thủ tục chủ trương đầu tư hạ tầng KCN"
    assert section.results == "Đã trình Bộ Kế hoạch và Đầu tư hồ sơ chủ trương đầu tư 02 dự án hạ tầng."
    assert section.difficulties == "Thời gian thẩm định kéo dài."
    assert section.proposals == ""
    assert note.next_quarter == "Tiếp tục rà soát tiến độ các khu công nghiệp."


def test_windows_line_ends_read_the_same(tmp_path: Path) -> None:
    file = tmp_path / "2025Q1.md"
    file.write_bytes(QLDT_NOTE.replace("\n", "\r\n").encode())
    crlf = read_note(file, "n.md")
    file.write_bytes(QLDT_NOTE.replace("\n", "\r").encode())
    cr = read_note(file, "n.md")
    plain = parse_note(QLDT_NOTE, "n.md")
    assert crlf.findings == cr.findings == ()
    assert crlf.note == cr.note == plain.note


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-03-05", date(2025, 3, 5)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2025-02-29", None),
        ("2025-02-30", None),
        ("2025-13-01", None),
        ("2025-3-5", None),
        ("05/03/2025", None),
        ("20250305", None),
        (20250305, None),
    ],
)
def test_parse_date(text: object, day: date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Thường xuyên", "thuong-xuyen"),
        ('"Chưa thực hiện"', "chua-thuc-hien"),
        ("Đã hoàn thành", "hoan-thanh"),
        ("da hoan thanh", "hoan-thanh"),
        ("dang-trien-khai", "dang-thuc-hien"),
        ("Đang triển khai", "dang-thuc-hien"),
    ],
)
def test_another_spelling_of_a_status_is_refused_with_its_code_as_the_fix(written: str, code: str) -> None:
    """The schema is the contract: a note holds the code only, and any other spelling is told the code."""
    text = QLDT_NOTE.replace("{status: chua-thuc-hien}", f"{{status: {written}}}")
    assert text != QLDT_NOTE
    read = parse_note(text, "n.md")

    assert [f.code for f in read.findings] == ["NQ304"]
    assert read.findings[0].hint().startswith(f'Có phải ý bạn là "{code}"? Chọn một trong: hoan-thanh (')
    assert read.findings[0].hint("en").startswith(f'Did you mean "{code}"? Use one of: hoan-thanh, ')
    assert read.note is not None and "2.4" not in read.note.tasks


def test_a_status_code_becomes_the_status() -> None:
    read = parse_note(QLDT_NOTE, "n.md")
    assert read.findings == ()
    assert read.note is not None
    assert read.note.tasks["2.1"].status is Status.RECURRING
    assert read.note.tasks["2.4"].status is Status.NOT_STARTED


def test_front_matter_is_cut_at_the_second_fence() -> None:
    front, findings = split_front_matter("---\na: 1\n---\nbody\n", "n.md")
    assert findings == []
    assert front is not None
    assert (front.yaml_text, front.body, front.body_offset) == ("a: 1", "body\n", 3)
    front, _ = split_front_matter("--- \na: 1\n...\nbody", "n.md")
    assert front is not None
    assert (front.yaml_text, front.body) == ("a: 1", "body")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("# Báo cáo\n\nunit: qldt\n", "NQ201"),
        ("\n---\nunit: qldt\n---\n", "NQ201"),
        ("", "NQ201"),
        ("---\nunit: qldt\n\n## 2.1. x\n", "NQ202"),
        ("---", "NQ202"),
    ],
    ids=["no-fence", "blank-line-first", "empty", "unterminated", "fence-only"],
)
def test_missing_or_unterminated_front_matter(text: str, code: str) -> None:
    read = parse_note(text, "n.md")
    assert read.note is None
    assert places(read.findings) == [(code, 1)]


@pytest.mark.parametrize(
    ("yaml", "found"),
    [("- unit\n- qldt", "một danh sách"), ("qldt", 'chữ "qldt"'), ("", "trống"), ("12", "số 12")],
)
def test_front_matter_that_is_not_a_mapping(yaml: str, found: str) -> None:
    read = parse_note(f"---\n{yaml}\n---\nbody\n", "n.md")
    assert read.note is None
    assert places(read.findings) == [("NQ203", 1)]
    assert read.findings[0].args["found"] == found


def test_yaml_problems_are_reported_at_file_lines() -> None:
    assert places(parse_note(QLDT_NOTE.replace("quarter: 2025Q1", "quarter: 2025Q1\nunit: qlda"), "n.md").findings) == [
        ("NQ205", 4)
    ]
    assert places(parse_note(QLDT_NOTE.replace('  "2.3":', '\t"2.3":'), "n.md").findings) == [("NQ206", 12)]


def test_schema_problems_do_not_stop_the_body_being_read() -> None:
    read = parse_note(QLDT_NOTE.replace("status: dang-thuc-hien", "status: no"), "n.md")
    assert places(read.findings) == [("NQ304", 10)]
    assert read.note is not None
    assert "2.2" not in read.note.tasks  # no status, no task report
    assert len(read.note.sections) == 4


def test_body_sections_with_subsection_spellings() -> None:
    body = "## 2.1. Tiêu đề\n\n### Kết quả thực hiện\n\nA\n\n### Tồn tại, hạn chế\n\nB\n\n### Đề xuất\n\nC\n"
    parsed, findings = parse_body(body, 10, "n.md")
    assert findings == []
    (section,) = parsed.sections
    assert (section.task, section.title, section.line) == ("2.1", "Tiêu đề", 11)
    assert (section.results, section.difficulties, section.proposals) == ("A", "B", "C")


def test_body_problems_each_at_its_line() -> None:
    body = (
        "Lời mở đầu.\n"  # 11 NQ508 text before the first section
        "\n"
        "## Tổng quan\n"  # 13 NQ506 not a task heading
        "\n"
        "## 2.2. T\n"  # 15 NQ503 no "### Kết quả"
        "\n"
        "chỉ có đoạn văn\n"
        "\n"
        "## 2.3. T\n"  # 19
        "\n"
        "### Kết quả\n"  # 21 NQ504 empty (a comment is empty)
        "\n"
        "<!-- điền sau -->\n"
        "\n"
        "## 2.4. T\n"  # 25
        "\n"
        "### Kết quả\n"
        "\n"
        "A\n"
        "\n"
        "### Kết quả\n"  # 31 NQ509 twice
        "\n"
        "B\n"
        "\n"
        "### Kết qủa khác\n"  # 35 NQ507 unknown subsection
        "\n"
        "## 2.4. Lần nữa\n"  # 37 NQ505 task twice
        "\n"
        "### Kết quả\n"
        "\n"
        "C\n"
    )
    parsed, findings = parse_body(body, 10, "n.md")
    assert places(findings) == [
        ("NQ508", 11),
        ("NQ506", 13),
        ("NQ503", 15),
        ("NQ504", 21),
        ("NQ509", 31),
        ("NQ507", 35),
        ("NQ505", 37),
    ]
    assert findings[6].args == {"task": "2.4", "first_line": 25}
    assert [s.task for s in parsed.sections] == ["2.2", "2.3", "2.4"]
    assert parsed.sections[2].results == "A\n\nB"  # the second "Kết quả" still counts, nothing is lost


def test_unknown_subsection_suggests_the_right_one() -> None:
    _, findings = parse_body("## 2.1. T\n\n### Kết quả quý\n\nA\n", 0, "n.md")
    assert places(findings) == [("NQ507", 3), ("NQ503", 1)]
    assert findings[0].args["suggestion"] == ' Có phải ý bạn là "Kết quả"?'


def test_headings_inside_code_blocks_are_text() -> None:
    parsed, findings = parse_body("## 2.1. T\n\n### Kết quả\n\n```\n## 2.2. không phải mục\n```\n", 0, "n.md")
    assert findings == []
    assert [s.task for s in parsed.sections] == ["2.1"]
    assert parsed.sections[0].results == "```\n## 2.2. không phải mục\n```"


def test_next_quarter_section() -> None:
    parsed, findings = parse_body("## Nhiệm vụ trọng tâm quý tới\n\n- Việc 1\n- Việc 2\n", 0, "n.md")
    assert findings == []
    assert parsed.next_quarter == "- Việc 1\n- Việc 2"


def test_task_ids_2_1_and_2_10_are_different_sections() -> None:
    parsed, findings = parse_body("## 2.1. A\n\n### Kết quả\n\nx\n\n## 2.10. B\n\n### Kết quả\n\ny\n", 0, "n.md")
    assert findings == []
    assert [(s.task, s.results) for s in parsed.sections] == [("2.1", "x"), ("2.10", "y")]


def test_is_blank() -> None:
    assert is_blank("")
    assert is_blank("  \n<!-- a -->\n\n<!--\nb\n-->\n")
    assert not is_blank("<!-- a --> x")


def test_read_note_carries_reading_findings(tmp_path: Path) -> None:
    file = tmp_path / "2025Q1.md"
    file.write_bytes(b"\xef\xbb\xbf" + QLDT_NOTE.encode())
    read = read_note(file, "n.md")
    assert places(read.findings) == [("NQ104", 1)]
    assert read.note is not None
    file.write_bytes(QLDT_NOTE.encode("utf-16"))
    read = read_note(file, "n.md")
    assert places(read.findings) == [("NQ103", 1)]
    assert read.note is None


def test_old_tone_placement_and_missing_diacritics_in_subsections_are_accepted() -> None:
    parsed, findings = parse_body("## 2.1. T\n\n### Kết qủa\n\nA\n\n### Kho khan, vuong mac\n\nB\n", 0, "n.md")
    assert findings == []
    assert (parsed.sections[0].results, parsed.sections[0].difficulties) == ("A", "B")


def _table(columns: int) -> str:
    header = "| " + " | ".join(f"Cột {n}" for n in range(1, columns + 1)) + " |"
    rule = "|" + "---|" * columns
    row = "| " + " | ".join("1" for _ in range(columns)) + " |"
    return f"{header}\n{rule}\n{row}\n"


@pytest.mark.parametrize("columns", [MAX_TABLE_COLUMNS + 1, 10_000])
def test_a_table_wider_than_a_landscape_page_is_reported_at_its_line(columns: int) -> None:
    body = f"## 2.2. T\n\n### Kết quả\n\nBảng số liệu:\n\n{_table(columns)}\n## 2.3. T\n\n### Kết quả\n\n{_table(3)}"

    _, findings = parse_body(body, 10, "n.md")

    assert [(f.code, f.line) for f in findings] == [("NQ510", 17)]
    assert f"Bảng có {columns} cột, quá 16 cột" in findings[0].message()
    assert "mỗi bảng tối đa 16 cột" in findings[0].hint()


def test_a_table_as_wide_as_the_page_allows_is_accepted() -> None:
    body = f"## 2.2. T\n\n### Kết quả\n\n{_table(MAX_TABLE_COLUMNS)}"

    assert parse_body(body, 10, "n.md")[1] == []
