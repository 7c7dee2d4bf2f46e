"""The plain-text layout: words never cut, wide tables wrapped at spaces, then drawn as records."""

from __future__ import annotations

from nq43.tracking.pages import Column, Table
from nq43.tracking.table import plain_table, text_width, wrap


def test_wrap_keeps_words_whole() -> None:
    assert wrap("Phòng Doanh nghiệp và Giám sát đầu tư", 10) == ["Phòng", "Doanh", "nghiệp và", "Giám sát", "đầu tư"]
    assert wrap("Trung tâm Dịch vụ việc làm- Đào tạo- Xúc tiến", 12) == [
        "Trung tâm",
        "Dịch vụ việc",
        "làm- Đào",
        "tạo- Xúc",
        "tiến",
    ]
    assert text_width("Tiếng Việt") == 10 and text_width("e\u0301") == 1 and text_width("漢字") == 4


def test_plain_table_wraps_then_falls_back_to_records() -> None:
    table = Table(
        (Column("Mã"), Column("Nhiệm vụ", wrap=True), Column("Tiến độ", "right")),
        (("2.1", "Rà soát tiến độ các khu công nghiệp", "72,5%"),),
    )
    assert plain_table(table, 60) == [
        "Mã   Nhiệm vụ                             Tiến độ",
        "---  -----------------------------------  -------",
        "2.1  Rà soát tiến độ các khu công nghiệp    72,5%",
    ]
    assert plain_table(table, 40) == [
        "Mã   Nhiệm vụ                    Tiến độ",
        "---  --------------------------  -------",
        "2.1  Rà soát tiến độ các khu       72,5%",
        "     công nghiệp",
    ]
    assert plain_table(table, 20) == ["2.1. Rà soát tiến độ", "các khu công nghiệp", "   Tiến độ: 72,5%"]
