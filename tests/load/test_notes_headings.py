"""The headings of a note's body are those of CommonMark: markdown-it-py, another implementation, agrees."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from nq43.load import notes

REFERENCE = MarkdownIt("commonmark").enable("table")


def reference(body: str) -> list[tuple[int, int, str]]:
    """The "##" and "###" headings that markdown-it-py finds (CommonMark with tables)."""
    tokens = REFERENCE.parse(body)
    return [
        (int(tok.tag[1]), tok.map[0], inline.content.strip())
        for tok, inline in pairwise(tokens)
        if tok.type == "heading_open" and tok.tag in ("h2", "h3") and tok.map is not None
    ]


# Lines that make or hide headings in CommonMark, and plain ones around them.
LINES = [
    "## 2.1. Rà soát tiến độ",
    "### Kết quả",
    "### Khó khăn, vướng mắc",
    "# Tiêu đề",
    "#### Nhỏ",
    "##",
    "###",
    "## x ##",
    "## x #",
    "## x#",
    "##x",
    "## ###",
    "###   ###  ",
    "## x  ",
    "####### x",
    "## a | b",
    "# a | b",
    "|---|---|",
    "| a | b |",
    "--- | ---",
    ":-: | :-:",
    "- mục",
    "- ## x",
    "* ### x",
    "1. ## x",
    "2) ### x",
    "  ## x",
    "   ### x",
    "    ## x",
    "  - con",
    "    - cháu",
    "---",
    "===",
    "  ---",
    "    ---",
    "- ---",
    "***",
    "Đoạn văn **đậm** và *nghiêng*.",
    "",
    " ",
    "-",
    "1.",
    "> trích",
    "> ## x",
    "<!-- ghi chú -->",
    "<div>",
    "```",
    "~~~",
    "    mã",
    "[a]: /u",
    "[a]:",
    "\t## x",
    "## x\r",
    "##\u00a0x",
    "\ufeff## x",
    "## x \\#",
    "Ngày 05/3/2025, tổ chức **12** cuộc kiểm tra;",
    "  tiếp dòng",
    "| Nội dung | Số |",
]
bodies = st.lists(st.sampled_from(LINES) | st.text(alphabet="#-=|>*`~[]:1. \tax", max_size=10), max_size=14).map(
    "\n".join
)


@settings(max_examples=600, deadline=None)
@given(bodies)
def test_headings_are_those_markdown_it_finds(body: str) -> None:
    assert notes._headings(notes._markdown().parse(body)) == reference(body)


ORDINARY_NOTE = """
## 2.1. Rà soát tiến độ các khu công nghiệp

### Kết quả

Trong quý, đơn vị đã tổ chức **12** cuộc kiểm tra tại [hiện trường](https://example.vn/a_b):

- Ngày 05/3/2025, làm việc với 04 doanh nghiệp, đạt 72,5% kế hoạch;
  tiếp tục theo dõi.
  1. hồ sơ thứ nhất;
- rà soát 3 dự án chậm tiến độ.

| Nội dung | Kế hoạch | Thực hiện |
| --- | ---: | ---: |
| Khu công nghiệp | 1.234 | 987 |

### Khó khăn, vướng mắc ###

Thiếu biên chế; tỷ lệ < 50% ở một số khu, *chưa đạt*.

## Nhiệm vụ trọng tâm quý tới

- Hoàn thành các nhiệm vụ còn dở dang.
"""


def test_the_headings_of_an_ordinary_note_and_their_lines() -> None:
    assert (
        notes._headings(notes._markdown().parse(ORDINARY_NOTE))
        == reference(ORDINARY_NOTE)
        == [
            (2, 1, "2.1. Rà soát tiến độ các khu công nghiệp"),
            (3, 3, "Kết quả"),
            (3, 16, "Khó khăn, vướng mắc"),
            (2, 20, "Nhiệm vụ trọng tâm quý tới"),
        ]
    )


def test_a_heading_inside_a_fence_is_not_a_heading() -> None:
    body = "## 2.1. Việc\n\n### Kết quả\n\n```\n## 2.2. Không phải mục\n```\n"
    assert notes._headings(notes._markdown().parse(body)) == [(2, 0, "2.1. Việc"), (3, 2, "Kết quả")]


def test_a_hash_line_that_heads_a_table_is_not_a_heading() -> None:
    assert notes._headings(notes._markdown().parse("## a | b\n--- | ---\n")) == []
