"""Column widths of a content table (docx/tables.py): what wraps and what keeps one line."""

from __future__ import annotations

from collections.abc import Sequence

from nq43.report.document import Inline, Run, Table
from nq43.report.docx.geometry import LANDSCAPE_TEXT_WIDTH, TABLE_SIZE, TEXT_WIDTH, text_width
from nq43.report.docx.tables import CELL_PADDING, column_widths


def _cells(*texts: str) -> tuple[Inline, ...]:
    return tuple((Run(text),) for text in texts)


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Table:
    return Table(_cells(*header), tuple(_cells(*row) for row in rows), ("",) * len(header))


def _line(text: str, *, bold: bool = False) -> int:
    return text_width(text, TABLE_SIZE, bold=bold) + CELL_PADDING


def _longest_word(text: str) -> int:
    return max(_line(word, bold=True) for word in text.split())


INDICATORS = [
    ("1", "Tỷ lệ lấp đầy bình quân các khu công nghiệp", "%", "73,6", "72,5", ""),
    ("2", "Số khu công nghiệp đã chuyển đổi thành khu công nghiệp sinh thái", "khu", "1", "1", "2"),
    ("3", "Số chương trình tuyên truyền, phổ biến pháp luật tại doanh nghiệp", "chương trình", "15", "12", ""),
    ("4", "Số lượt lao động được giới thiệu việc làm", "lượt người", "1.620", "1.250", ""),
]


def test_many_short_columns_leave_the_long_one_half_the_table_and_wrap_their_headings() -> None:
    """The indicators beside two quarters: the headings of the figures wrapped between words ("Quý" /
    "II/2025") rather than the indicator's name squeezed to three or four lines a row."""
    header = ("TT", "Chỉ tiêu", "Đơn vị tính", "Quý II/2025", "Quý I/2025", "Mục tiêu")
    widths = column_widths(_table(header, INDICATORS), TEXT_WIDTH)

    assert sum(widths) == TEXT_WIDTH
    one_line_headings = sum(_line(heading, bold=True) for heading in header if heading != "Chỉ tiêu")
    assert widths[1] > 1.5 * (TEXT_WIDTH - one_line_headings)  # half as wide again as one-line headings leave
    for column, heading in enumerate(header):
        assert widths[column] >= _longest_word(heading)  # a heading wraps between its words, never inside one
        if column != 1:  # a figure, a measure: on one line
            assert widths[column] >= max(_line(row[column]) for row in INDICATORS)
    assert widths[3] < _line("Quý II/2025", bold=True)  # this heading does wrap


def test_a_table_with_room_keeps_its_headings_on_one_line() -> None:
    """The appendix's task table: the long columns have most of the width already, no heading wraps."""
    header = ("TT", "Đơn vị", "Nhiệm vụ", "Trạng thái", "Tiến độ", "Đánh giá")
    rows = [
        (
            "1.1",
            "Văn phòng",
            "Phổ biến Nghị quyết tới toàn thể cán bộ, công chức, viên chức",
            "Đã hoàn thành",
            "100%",
            "Đã hoàn thành, không quy định thời hạn",
        ),
        (
            "2.1",
            "Phòng QLĐT",
            "Rà soát tiến độ các khu công nghiệp, nâng cao tỷ lệ lấp đầy",
            "Thường xuyên",
            "",
            "Thường xuyên",
        ),
    ]
    widths = column_widths(_table(header, rows), LANDSCAPE_TEXT_WIDTH)

    assert sum(widths) == LANDSCAPE_TEXT_WIDTH
    for column in (0, 3, 4):
        assert widths[column] >= _line(header[column], bold=True)
