"""The Word form of a note: Decree 30's page and font, styles that carry the structure, a status drop-down of the
Vietnamese labels, last quarter's values filled in, a grey hint under each heading."""

from __future__ import annotations

from docx.oxml.ns import qn

from formkit import empty_form, opened
from nq43.domain.vocabulary import Status
from nq43.load import formwords as words


def test_the_page_and_the_font_are_decree_30s() -> None:
    document = opened(empty_form())
    section = document.sections[0]
    sizes = (section.page_width, section.page_height, section.left_margin, section.right_margin, section.top_margin)
    assert [round(size.mm) for size in sizes if size is not None] == [210, 297, 30, 15, 20]
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title", words.HINT_STYLE):
        fonts = document.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:eastAsia")) == "Times New Roman", name
        assert fonts.get(qn("w:asciiTheme")) is None, name


def test_styles_carry_the_structure() -> None:
    document = opened(empty_form(prepared_by="Nguyễn Văn An"))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)  # type: ignore[union-attr]
    assert by_style["Heading 2"] == [
        "2.1. Rà soát tiến độ các khu công nghiệp, nâng cao tỷ lệ lấp đầy",
        "2.2. Thủ tục chủ trương đầu tư hạ tầng KCN; thành lập khu kinh tế ven biển phía Nam",
        "2.3. Tham mưu lựa chọn nhà đầu tư hạ tầng KCN và thu hút nhà đầu tư thuê đất",
        "2.4. Xây dựng mới KCN xanh, sinh thái; hình thành cụm liên kết ngành",
        "Nhiệm vụ trọng tâm quý tới",
    ]
    assert by_style["Heading 3"] == ["Kết quả", "Khó khăn, vướng mắc", "Kiến nghị, đề xuất"] * 4
    assert all(words.is_hint(text) for text in by_style[words.HINT_STYLE])
    # header, tasks, carried, sections, next quarter, corrections
    assert len(by_style[words.HINT_STYLE]) == 1 + 1 + 1 + 4 * 3 + 1 + 1
    assert document.styles[words.HINT_STYLE].font.color.rgb is not None
    assert all(t.style.name == words.TABLE_STYLE for t in document.tables)  # type: ignore[union-attr]
    header = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert header == {
        "Đơn vị": "Phòng Quản lý Đầu tư (qldt)",
        "Quý": "2025Q2",
        "Người lập": "Nguyễn Văn An",
        "Người duyệt": "",
        "Ngày gửi": "",
    }


def test_the_task_table_has_a_row_per_task_a_drop_down_and_last_quarters_values() -> None:
    table = opened(empty_form()).tables[1]
    assert [c.text for c in table.rows[0].cells] == list(words.COLUMNS)
    rows = {row.cells[0].text: row for row in table.rows[1:]}
    assert list(rows) == ["2.1", "2.2", "2.3", "2.4"]
    drop_down = rows["2.2"].cells[2]._tc.find(f".//{qn('w:dropDownList')}")
    labels = [item.get(qn("w:displayText")) for item in drop_down.findall(qn("w:listItem"))]
    assert labels == [s.label.vi for s in Status]
    chosen = "".join(t.text for t in rows["2.2"].cells[2]._tc.iter(qn("w:t")))
    assert chosen == "Đang thực hiện"  # 2025Q1.md: dang-thuc-hien, 60
    assert rows["2.2"].cells[3].text == "60"
    indicators = [p.text for p in rows["2.1"].cells[5].paragraphs]
    assert indicators[0].endswith("[ty-le-lap-day]: 72,5") and indicators[1].endswith("[so-nha-dau-tu-thu-cap]: 14")


def test_a_first_note_starts_as_the_markdown_skeleton_does() -> None:
    table = opened(empty_form("qldt", "2024Q3")).tables[1]  # no note before 2024Q4
    rows = {row.cells[0].text: row for row in table.rows[1:]}
    status = {task: "".join(t.text for t in row.cells[2]._tc.iter(qn("w:t"))) for task, row in rows.items()}
    assert status == {"2.1": "Thường xuyên", "2.2": "Đang thực hiện", "2.3": "Thường xuyên", "2.4": "Đang thực hiện"}
    assert rows["2.4"].cells[3].text == "0" and rows["2.1"].cells[3].text == ""
