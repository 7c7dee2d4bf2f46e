"""Test helpers: the Word form of a note made as `nq43 new --docx` makes it, and filled through python-docx the way
a clerk fills it in Word (a choice in the drop-down, typed paragraphs, lists, a pasted table)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from notekit import SHIPPED
from nq43.domain.records import Quarter
from nq43.load.directive import load_directive
from nq43.submission.noteform import BODY_STYLE, form
from nq43.submission.skeleton import previous_note

Typing = Callable[[Paragraph], None]  # what a clerk does at the place of a section (before the next heading)


def empty_form(unit_id: str = "qldt", quarter: str = "2025Q2", prepared_by: str = "") -> bytes:
    """The form of the shipped data, carrying forward the unit's last shipped note."""
    directive, _ = load_directive(SHIPPED)
    assert directive is not None
    unit = directive.unit(unit_id)
    assert unit is not None
    parsed = Quarter.parse(quarter)
    return form(directive, unit, parsed, prepared_by, previous=previous_note(SHIPPED, unit_id, parsed))


def _paragraphs(document: DocumentObject) -> list[Paragraph]:
    return list(document.paragraphs)


def set_header(document: DocumentObject, label: str, value: str) -> None:
    """Type `value` into the header table's row `label` ("Người lập")."""
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text.strip() == label:
                row.cells[1].paragraphs[0].text = value
                return
    raise AssertionError(f"no header row {label}")


def _task_row(document: DocumentObject, task: str) -> list[object]:
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text.strip() == task:
                return list(row.cells)
    raise AssertionError(f"no task row {task}")


def choose_status(document: DocumentObject, task: str, label: str) -> None:
    """Pick `label` in the task's Trạng thái drop-down: Word writes the choice as the control's text."""
    cell = _task_row(document, task)[2]
    texts = cell._tc.findall(f".//{qn('w:sdtContent')}//{qn('w:t')}")  # type: ignore[attr-defined]
    assert texts, "no drop-down in the cell"
    texts[0].text = label
    for extra in texts[1:]:
        extra.text = ""


def type_status(document: DocumentObject, task: str, text: str) -> None:
    """Delete the drop-down and type the status as text (what a clerk in an old Word may do)."""
    cell = _task_row(document, task)[2]
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    for sdt in paragraph._p.findall(qn("w:sdt")):
        paragraph._p.remove(sdt)
    paragraph.add_run(text)


def delete_task_row(document: DocumentObject, task: str) -> None:
    """Delete the task's row from the task table (Layout → Delete → Delete Rows)."""
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text.strip() == task:
                table._tbl.remove(row._tr)
                return
    raise AssertionError(f"no task row {task}")


def set_amendment(document: DocumentObject, row: int, day: str, reason: str) -> None:
    """Type a correction into row `row` (1: the first under the headings) of the Đính chính table, adding rows
    as a clerk does with Tab at the table's end."""
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Ngày đính chính")
    while len(table.rows) <= row:
        table.add_row()  # type: ignore[no-untyped-call]
    cells = table.rows[row].cells
    cells[0].paragraphs[0].text = day
    cells[1].paragraphs[0].text = reason


def set_cell(document: DocumentObject, task: str, column: int, lines: Sequence[str]) -> None:
    cell = _task_row(document, task)[column]
    paragraphs = cell.paragraphs  # type: ignore[attr-defined]
    for paragraph, line in zip(paragraphs, lines, strict=False):
        paragraph.text = line
    for line in lines[len(paragraphs) :]:
        cell.add_paragraph(line)  # type: ignore[attr-defined]


def write_under(document: DocumentObject, task_heading: str, section: str, typing: Typing) -> None:
    """Do `typing` at the end of `section` ("Kết quả", or "" for the text right under the task heading) of the
    task whose heading starts with `task_heading` ("2.1." or "Nhiệm vụ trọng tâm")."""
    paragraphs = _paragraphs(document)
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith(task_heading))
    if section:
        start = next(i for i in range(start + 1, len(paragraphs)) if paragraphs[i].text == section)
    after = next(
        (i for i in range(start + 1, len(paragraphs)) if paragraphs[i].style.name.startswith("Heading")),  # type: ignore[union-attr]
        None,
    )
    typing(document.add_paragraph("") if after is None else paragraphs[after])


def paragraph(*pieces: str | tuple[str, str]) -> Typing:
    """A typed paragraph: plain pieces, and ("text", "b") in bold or ("text", "i") in italic."""

    def typing(anchor: Paragraph) -> None:
        new = anchor.insert_paragraph_before("", style=BODY_STYLE)  # Enter in the form's text keeps its style
        for piece in pieces:
            text, how = piece if isinstance(piece, tuple) else (piece, "")
            run = new.add_run(text)
            run.bold = "b" in how or None
            run.italic = "i" in how or None

    return typing


def listed(items: Sequence[str], style: str = "List Bullet") -> Typing:
    """A list typed with Word's bullet (or numbering, "List Number") button."""

    def typing(anchor: Paragraph) -> None:
        for item in items:
            anchor.insert_paragraph_before(item, style=style)

    return typing


def pasted_table(document: DocumentObject, rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> Typing:
    """A table pasted from another document: the first row its heading, columns `right` aligned right."""

    def typing(anchor: Paragraph) -> None:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = document.styles["Table Grid"]
        for row, values in zip(table.rows, rows, strict=True):
            for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                bold = value.startswith("**")
                run = cell.paragraphs[0].add_run(value.strip("*"))
                run.bold = bold or None
                if index in right:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        anchor._p.addprevious(table._tbl)

    return typing


def save(document: DocumentObject) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def opened(data: bytes) -> DocumentObject:
    return Document(io.BytesIO(data))


# A filled form of Phòng Quản lý Đầu tư for 2025Q2 and the same note as a unit would write it in Markdown.
TWIN = """\
---
unit: qldt
quarter: 2025Q2
prepared_by: Nguyễn Thị Lan
approved_by: Đinh Thị Mai Phương
submitted: 2025-06-05
tasks:
  "2.1":
    status: thuong-xuyen
    indicators:
      ty-le-lap-day: 73.1
      so-nha-dau-tu-thu-cap: 14
  "2.2":
    status: hoan-thanh
    progress: 100
    completed: 2025-05-30
  "2.3":
    status: thuong-xuyen
  "2.4":
    status: dang-thuc-hien
    progress: 20
---

## 2.1. Rà soát tiến độ các khu công nghiệp, nâng cao tỷ lệ lấp đầy

### Kết quả

Tỷ lệ lấp đầy bình quân đạt **73,1%**, tăng *0,6 điểm phần trăm* so với quý trước.

| Nhóm khu công nghiệp | Số KCN | Tỷ lệ lấp đầy |
|---|---:|---:|
| Đã hoạt động ổn định | 08 | 88,4% |
| **Tổng cộng** | **14** | **73,1%** |

### Khó khăn, vướng mắc

- Giải phóng mặt bằng còn chậm;
- Hạ tầng cấp điện chưa đáp ứng.

## 2.2. Thủ tục chủ trương đầu tư hạ tầng KCN; thành lập khu kinh tế ven biển phía Nam

### Kết quả

1. Trình Thủ tướng hồ sơ thành lập khu kinh tế;
2. Hoàn thành thẩm định 02 dự án hạ tầng.

### Kiến nghị, đề xuất

Đề nghị các Bộ, ngành sớm có ý kiến về hồ sơ.

## 2.3. Tham mưu lựa chọn nhà đầu tư hạ tầng KCN và thu hút nhà đầu tư thuê đất

### Kết quả

Đã tham mưu lựa chọn 01 nhà đầu tư; tỷ lệ 5\\*3 theo mã a\\_b.

## 2.4. Xây dựng mới KCN xanh, sinh thái; hình thành cụm liên kết ngành

### Kết quả

Đang xây dựng đề án khu công nghiệp sinh thái.

## Nhiệm vụ trọng tâm quý tới

Tiếp tục đôn đốc, hoàn thành các nhiệm vụ còn lại.
"""


def filled_form(data: bytes | None = None) -> bytes:
    """The form filled by a clerk with what TWIN says."""
    document = opened(data if data is not None else empty_form())
    set_header(document, "Người lập", "Nguyễn Thị Lan")
    set_header(document, "Người duyệt", "Đinh Thị Mai Phương")
    set_header(document, "Ngày gửi", "05/06/2025")
    set_cell(
        document, "2.1", 5, ["Tỷ lệ lấp đầy KCN [ty-le-lap-day]: 73,1", "Số nhà đầu tư [so-nha-dau-tu-thu-cap]: 14"]
    )
    choose_status(document, "2.2", "Đã hoàn thành")
    set_cell(document, "2.2", 3, ["100"])
    set_cell(document, "2.2", 4, ["30/05/2025"])
    type_status(document, "2.4", "đang làm")
    set_cell(document, "2.4", 3, ["20 %"])
    write_under(
        document,
        "2.1.",
        "Kết quả",
        paragraph(
            "Tỷ lệ lấp đầy bình quân đạt ", ("73,1%", "b"), ", tăng ", ("0,6 điểm phần trăm", "i"), " so với quý trước."
        ),
    )
    write_under(
        document,
        "2.1.",
        "Kết quả",
        pasted_table(
            document,
            [
                ["Nhóm khu công nghiệp", "Số KCN", "Tỷ lệ lấp đầy"],
                ["Đã hoạt động ổn định", "08", "88,4%"],
                ["**Tổng cộng**", "**14**", "**73,1%**"],
            ],
            right=(1, 2),
        ),
    )
    write_under(
        document,
        "2.1.",
        "Khó khăn, vướng mắc",
        listed(["Giải phóng mặt bằng còn chậm;", "Hạ tầng cấp điện chưa đáp ứng."]),
    )
    write_under(
        document,
        "2.2.",
        "Kết quả",
        listed(
            ["Trình Thủ tướng hồ sơ thành lập khu kinh tế;", "Hoàn thành thẩm định 02 dự án hạ tầng."], "List Number"
        ),
    )
    write_under(document, "2.2.", "Kiến nghị, đề xuất", paragraph("Đề nghị các Bộ, ngành sớm có ý kiến về hồ sơ."))
    write_under(document, "2.3.", "Kết quả", paragraph("Đã tham mưu lựa chọn 01 nhà đầu tư; tỷ lệ 5*3 theo mã a_b."))
    write_under(document, "2.4.", "Kết quả", paragraph("Đang xây dựng đề án khu công nghiệp sinh thái."))
    write_under(document, "Nhiệm vụ trọng tâm", "", paragraph("Tiếp tục đôn đốc, hoàn thành các nhiệm vụ còn lại."))
    return save(document)
