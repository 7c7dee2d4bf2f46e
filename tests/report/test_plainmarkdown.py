"""The plain reader gives exactly the blocks markdown-it gives, or gives up; and it reads what reports hold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nq43.report import document, plainmarkdown
from nq43.report.document import Heading, ListBlock, Paragraph, Run, Table, parse_markdown_it


def same_as_markdown_it(text: str) -> bool:
    """True when the plain reader read `text`; it must then agree with markdown-it."""
    fast = plainmarkdown.blocks(text)
    if fast is not None:
        assert fast == parse_markdown_it(text), text
    return fast is not None


# ---------------------------------------------------------------- generated text

# Pieces of inline text: words, the characters that make or break emphasis, escapes, entities, white space
# that CommonMark treats apart, and characters that only markdown-it reads (so the reader must give up).
WORDS = ["Ngày", "đạt", "72,5%", "x", "a_b", "1.234", "(kế", "hoạch)", "tỷ", "\x02" + "3\x03", "…", "—", "₫"]
MARKS = [
    "*",
    "**",
    "***",
    "_",
    "__",
    "\\*",
    "\\_",
    "\\|",
    "\\\\",
    "\\",
    "\\a",
    "&#32;",
    "&#10;",
    "&#xD800;",
    "&#0;",
    "&amp;",
    "&",
    "&x",
    "<",
    "[",
    "]",
    "!",
    "`",
    "|",
    "#",
    "-",
    "+",
    "1.",
    ".",
    ",",
    ":",
    ";",
    "?",
    "\u00a0",
    "\u3000",
    "\u2028",
    "\u2003",
    "\u00b7",
    "'",
    '"',
    "$",
    "~",
    "=",
    ">",
]
SPACES = [" ", "  ", "   "]
inline_piece = st.sampled_from(WORDS) | st.sampled_from(MARKS) | st.sampled_from(SPACES)
inline_line = st.lists(inline_piece, max_size=8).map("".join)

# What a line may start with: block markers at every indentation that matters, and none.
PREFIXES = [
    "",
    "",
    "",
    " ",
    "  ",
    "   ",
    "    ",
    "     ",
    "- ",
    "* ",
    "+ ",
    "-  ",
    "1. ",
    "2) ",
    "10. ",
    "0. ",
    "  - ",
    "   1. ",
    "    - ",
    "# ",
    "## ",
    "###### ",
    "####### ",
    "#",
    "> ",
    "<",
    "| ",
    "|",
    "- - ",
]
WHOLE_LINES = [
    "",
    "",
    "",
    " ",
    "---",
    "***",
    "* * *",
    "===",
    "-",
    "*",
    "1.",
    "- ",
    "|---|---|",
    "| --- | ---: |",
    "| :-- | :-: |",
    "--- | ---",
    ":-: | -:",
    "|-",
    "| a | b |",
    "a | b",
    "| a |",
    "|---|",
    "## x ##",
    "# #",
    "  |---|---|",
    "    | a |",
    "```",
    "~~~",
    "[a]: /u",
    "\t- a",
]
SUFFIXES = ["", "", "", "  ", " ", " |", " #", "\\", " ##"]
line = st.sampled_from(WHOLE_LINES) | st.builds(
    lambda prefix, text, suffix: prefix + text + suffix,
    st.sampled_from(PREFIXES),
    inline_line,
    st.sampled_from(SUFFIXES),
)
texts = st.lists(line, max_size=12).map("\n".join)


@settings(max_examples=800, deadline=None)
@given(texts)
def test_any_text_read_plainly_is_read_as_markdown_it_reads_it(text: str) -> None:
    same_as_markdown_it(text)


# Lines of ordinary notes and report templates, so that most generated texts are read by the plain reader.
PLAIN_LINES = [
    "Trong quý, đơn vị đã tổ chức **12** cuộc kiểm tra, đạt *72,5%* kế hoạch.",
    "Kết quả cụ thể trong quý I/2025:",
    "tiếp dòng  ",
    "- Ngày 05/3/2025, làm việc với **04** doanh nghiệp;",
    "  76% kế hoạch;",
    "  - việc con",
    "    tiếp việc con",
    "1. Thứ nhất",
    "2. Thứ hai",
    "3) Thứ ba",
    "* Dấu sao",
    "+ Dấu cộng",
    "| Nội dung | Kế hoạch | Tỷ lệ |",
    "| --- | ---: | :---: |",
    "| Khu công nghiệp | 1.234 | 57,9% |",
    "| Hộ dân \\| bị ảnh hưởng | 2 |",
    "#### a) Nhiệm vụ 1.1: Rà soát",
    "### 1. Sở Kế hoạch và Đầu tư",
    "## I. KẾT QUẢ THỰC HIỆN",
    "*Tình hình thực hiện: Đang thực hiện, tiến độ 19%.*",
    "\x021\x03",
    "Đã hoàn thành \\*đúng hạn\\* &#32; và R&D.",
    "",
    "",
]
plain_texts = st.lists(st.sampled_from(PLAIN_LINES), max_size=16).map("\n".join)


@settings(max_examples=500, deadline=None)
@given(plain_texts)
def test_texts_of_notes_and_templates_are_read_as_markdown_it_reads_them(text: str) -> None:
    same_as_markdown_it(text)


# Documents built block by block, as the reader reads them: nested lists at their items' indentation, tables
# with short and long rows, headings, paragraphs that run into each other; inline text with every piece above.
PLAIN_MARKS = ["*", "**", "_", "\\*", "\\|", "&#32;", "&amp;", "&", ".", ",", "(", ")", "%", "|", ":", "\u00a0"]
plain_piece = st.one_of(*[st.sampled_from(WORDS)] * 4, st.sampled_from(PLAIN_MARKS), st.just(" "))
plain_inline = st.lists(plain_piece, min_size=1, max_size=8).map("".join)


def _indented(lines: list[str], width: int) -> list[str]:
    return [(" " * width + line) if line else "" for line in lines]


def _item(marker: str, content: list[str]) -> list[str]:
    return [marker + content[0], *_indented(content[1:], len(marker))]


def _structured(depth: int) -> st.SearchStrategy[list[str]]:
    paragraph = st.lists(plain_inline.map(lambda text: text + " ") | plain_inline, min_size=1, max_size=3)
    heading = st.builds(lambda level, text: ["#" * level + " " + text], st.integers(1, 6), plain_inline)
    cell = plain_inline | st.just("") | st.just(" ")
    table = st.builds(
        lambda header, rule, rows: [
            "| " + " | ".join(header) + " |",
            "| " + " | ".join(rule[: len(header)] + ["---"] * (len(header) - len(rule))) + " |",
            *["| " + " | ".join(row) + " |" for row in rows],
        ],
        st.lists(plain_inline, min_size=1, max_size=4),
        st.lists(st.sampled_from(["---", ":---", "---:", ":---:", "-"]), max_size=4),
        st.lists(st.lists(cell, max_size=5), max_size=4),
    )
    leaf = paragraph | heading | table
    if depth >= 2:
        block = leaf
    else:
        marker = st.sampled_from(["- ", "* ", "+ ", "1. ", "2) ", "10. "])
        item = st.builds(
            lambda content, rest: content + rest,
            paragraph,
            st.lists(st.sampled_from([[""], []]) | _structured(depth + 1), max_size=2).map(
                lambda parts: [line for part in parts for line in part]
            ),
        )
        a_list = st.builds(
            lambda m, items, gaps: [
                line
                for it, gap in zip(items, gaps + [False] * len(items), strict=False)
                for line in _item(m, it) + ([""] if gap else [])
            ],
            marker,
            st.lists(item, min_size=1, max_size=3),
            st.lists(st.booleans(), max_size=3),
        )
        block = leaf | a_list
    return st.lists(st.tuples(block, st.booleans()), min_size=1, max_size=4).map(
        lambda parts: [line for part, gap in parts for line in part + ([""] if gap else [])]
    )


structured_texts = _structured(0).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(structured_texts)
def test_structured_documents_are_read_as_markdown_it_reads_them(text: str) -> None:
    same_as_markdown_it(text)


# ---------------------------------------------------------------- what it reads, what it leaves

NOTE = """Phối hợp với các cơ quan liên quan, đơn vị đã phối hợp các sở, ngành tháo gỡ 41 kiến nghị đối với các công
trình nhà ở xã hội trên địa bàn.

- Ngày 12/02/2025, đăng **20** tin, bài trên Cổng Thông tin điện tử liên quan đến điểm tập kết chất thải, đạt
  76% kế hoạch;
- Ngày 02/01/2025, tổ chức **33** cuộc kiểm tra tại hiện trường.

Kết quả cụ thể trong quý I/2025:

| Nội dung | Kế hoạch | Thực hiện | Tỷ lệ |
| --- | ---: | ---: | ---: |
| Công trình nhà ở xã hội | 696 | 403 | 57,9% |
| Cụm công nghiệp | 34 | 12 | 35,3% |
"""


def test_a_note_section_is_read_without_markdown_it() -> None:
    blocks = plainmarkdown.blocks(NOTE)

    assert blocks == parse_markdown_it(NOTE)
    assert [type(b) for b in blocks or ()] == [Paragraph, ListBlock, Paragraph, Table]
    assert isinstance(blocks, tuple) and isinstance(blocks[1], ListBlock)
    assert blocks[1].items[0][0] == Paragraph(
        (
            Run("Ngày 12/02/2025, đăng "),
            Run("20", bold=True),
            Run(" tin, bài trên Cổng Thông tin điện tử liên quan đến điểm tập kết chất thải, đạt 76% kế hoạch;"),
        )
    )


def test_the_report_template_output_is_read_without_markdown_it(tmp_path: Path) -> None:
    from nq43.check.repository import load_quarters
    from nq43.domain.records import Quarter
    from nq43.report.model import ReportOptions, build_context, select_notes
    from nq43.report.rendering import INLINE_BLOCKS, render, template_dirs
    from reportdata import REPORT_DATE, TODAY, full_notes, make_repo

    q1 = Quarter(2025, 1)
    repo = load_quarters(make_repo(tmp_path, full_notes()), TODAY, (q1,))
    assert repo.directive is not None
    selection = select_notes(repo.directive, repo.notes, q1)
    context = build_context(repo.directive, selection, ReportOptions(q1, REPORT_DATE))
    rendered = render(context, template_dirs(None))

    # the block parts with each note's text as a mark (notes are read on their own), and the one-line parts
    for name in ("body", "appendix"):
        assert same_as_markdown_it(rendered.marked[name]), name
    for name in INLINE_BLOCKS:
        assert same_as_markdown_it(rendered.parts[name]), name


@pytest.mark.parametrize(
    "text",
    [
        "Xem [Cổng](https://example.vn).",  # a link
        "Mã `x`.",  # code
        "> trích",  # a quote
        "<!-- ghi chú -->",  # HTML
        "Tiêu đề\n===",  # a setext heading
        "a\n\n---\n\nb",  # a thematic break
        "    mã",  # an indented code block
        "- mục\ntiếp",  # a lazy continuation line
        "**a *b* c**",  # nested emphasis
        "a**b**c",  # a delimiter that may open and close
        "a\tb",  # a tab
    ],
)
def test_what_it_does_not_read_goes_to_markdown_it(text: str) -> None:
    assert plainmarkdown.blocks(text) is None
    assert document.parse(text) == parse_markdown_it(text)


def test_parse_uses_the_plain_reader_when_it_can(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> Any:
        raise AssertionError("markdown-it should not be needed for plain text")

    monkeypatch.setattr(document, "parse_markdown_it", refuse)
    assert document.parse("## Mục\n\nĐoạn **đậm**, &copy; R&D &#x41;.") == (
        Heading(2, (Run("Mục"),)),
        Paragraph((Run("Đoạn "), Run("đậm", bold=True), Run(", © R&D A."))),
    )
