"""The document model: Markdown parsed into runs, lists and tables; note text normalised so it stays data."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nq43.report.document import (
    LINE_BREAK,
    CodeBlock,
    Heading,
    ListBlock,
    Markdown,
    Paragraph,
    Quote,
    Run,
    Table,
    demote_headings,
    plain_text,
)
from nq43.report.markdownread import parse, parse_inline
from nq43.report.markdownwrite import blocks_markdown, escape, normalise


def test_paragraph_runs_keep_bold_italic_code_and_safe_links() -> None:
    (block,) = parse("Đã **hoàn thành** việc *phổ biến*, xem [Cổng TTĐT](https://bqlkkt.haiphong.gov.vn) và `mã`.")

    assert block == Paragraph(
        (
            Run("Đã "),
            Run("hoàn thành", bold=True),
            Run(" việc "),
            Run("phổ biến", italic=True),
            Run(", xem "),
            Run("Cổng TTĐT", link="https://bqlkkt.haiphong.gov.vn"),
            Run(" và "),
            Run("mã", code=True),
            Run("."),
        )
    )


def test_links_other_than_web_and_mail_become_their_text() -> None:
    runs = parse_inline(
        "[a](../../etc/passwd) [b](javascript:alert(1)) [c](file:///x) ![ảnh](../a.png) [d](mailto:vp@x.vn)"
    )

    assert [r.link for r in runs if r.link] == ["mailto:vp@x.vn"]
    # markdown-it refuses javascript: and file: links outright: they stay the text that was typed
    assert plain_text(runs) == "a [b](javascript:alert(1)) [c](file:///x) ảnh d"


def test_raw_html_and_xml_are_text_and_comments_are_dropped() -> None:
    blocks = parse("<!-- ghi chú mẫu -->\n\n<w:p><w:r>x</w:r></w:p>\n\nChữ <b>đậm</b> <!-- ẩn --> hết.")

    assert [plain_text(b.runs) for b in blocks if isinstance(b, Paragraph)] == [
        "<w:p><w:r>x</w:r></w:p>",
        "Chữ <b>đậm</b>  hết.",
    ]


def test_lists_tables_code_and_quotes() -> None:
    blocks = parse("- một\n- hai\n  1. con\n\n| A | B |\n|:--|--:|\n| 1 | **2** |\n\n```\nx = 1\n```\n\n> trích")

    assert isinstance(blocks[0], ListBlock) and not blocks[0].ordered
    assert blocks[0].items[1][1] == ListBlock(True, 1, ((Paragraph((Run("con"),)),),))
    assert blocks[1] == Table(
        header=((Run("A"),), (Run("B"),)),
        rows=(((Run("1"),), (Run("2", bold=True),)),),
        align=("left", "right"),
    )
    assert blocks[2] == CodeBlock("x = 1")
    assert blocks[3] == Quote((Paragraph((Run("trích"),)),))


def test_hard_line_break_is_a_run_of_its_own() -> None:
    assert parse_inline("dòng một\\\ndòng hai") == (Run("dòng một"), LINE_BREAK, Run("dòng hai"))


def test_control_zero_width_and_bidi_characters_are_dropped() -> None:
    runs = parse_inline("Chữ\x07 có\u200b ký\u202e tự\x1b ẩn\ufeff")

    assert plain_text(runs) == "Chữ có ký tự ẩn"


def test_escape_makes_any_text_literal() -> None:
    hostile = "# 1. *a* _b_ [c](d) <e> | ` ~ \\ &amp; - x"

    assert plain_text(parse_inline(escape(hostile))) == hostile


def test_escape_leaves_ordinary_text_readable() -> None:
    text = "Nhiệm vụ 1.1: tỷ lệ lấp đầy 72,5% (21.914 lượt)"

    assert escape(text) == text


def test_headings_of_a_note_become_bold_paragraphs() -> None:
    assert demote_headings(parse("# Tiêu đề")) == (Paragraph((Run("Tiêu đề", bold=True),)),)


def test_normalise_closes_an_open_fence_so_nothing_after_it_is_swallowed() -> None:
    note = normalise("```\ncode chưa đóng\n## 3.1. giả mạo mục khác")
    report = parse(f"## I. KẾT QUẢ\n\n{note}\n\n## II. TỒN TẠI")

    assert [plain_text(b.runs) for b in report if isinstance(b, Heading)] == ["I. KẾT QUẢ", "II. TỒN TẠI"]


def test_normalise_keeps_template_syntax_as_text() -> None:
    note = normalise("Kết quả {{ 7*7 }} và {% include 'x' %}")

    assert plain_text(parse_inline(note)) == "Kết quả {{ 7*7 }} và {% include 'x' %}"


def test_normalise_keeps_the_blocks_it_was_written_from() -> None:
    note = normalise("Đoạn **một**.\n\n- a\n- b\n\n1. c\n\n2) d")

    assert isinstance(note, Markdown)
    assert note.blocks is not None
    assert parse(note) == note.blocks


def test_adjacent_lists_stay_apart_when_written_back() -> None:
    blocks = parse("- a\n\n<!-- -->\n\n- b\n\n* c")

    assert len(blocks) == 3
    assert parse(blocks_markdown(blocks)) == blocks


_MARKDOWNISH = st.text(alphabet=st.sampled_from(list("ab ệđ\n#*_`[]()<>!|-+=>~\\&;:1.)\t")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_MARKDOWNISH)
def test_a_normalised_note_cannot_open_or_close_a_section_of_the_report(text: str) -> None:
    note = normalise(text)
    report = parse(f"## A\n\n{note}\n\n## B\n\nkết")

    headings = [plain_text(b.runs) for b in report if isinstance(b, Heading)]
    assert headings == ["A", "B"]
    assert report[-1] == Paragraph((Run("kết"),))


_TEXT = st.text(alphabet=st.sampled_from([chr(c) for c in range(32, 127)] + list("\nàáạảãăắđêếệôơưỳ")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_escaped_text_comes_back_as_the_same_text(text: str) -> None:
    expected = " ".join(line.strip() for line in text.split("\n") if line.strip())

    assert plain_text(parse_inline(escape(text))) == expected


NOTE_SECTION = """Phối hợp với các cơ quan liên quan, đơn vị đã phối hợp các sở, ngành tháo gỡ 41 kiến nghị đối với
các công trình nhà ở xã hội trên địa bàn.

- Ngày 12/02/2025, đăng **20** tin, bài trên Cổng Thông tin điện tử liên quan đến điểm tập kết chất thải, đạt
  76% kế hoạch;
- Ngày 02/01/2025, tổ chức **33** cuộc kiểm tra tại hiện trường.

Kết quả cụ thể trong quý I/2025:

| Nội dung | Kế hoạch | Thực hiện | Tỷ lệ |
| --- | ---: | ---: | ---: |
| Công trình nhà ở xã hội | 696 | 403 | 57,9% |
| Cụm công nghiệp | 34 | 12 | 35,3% |
"""


def test_a_note_section_becomes_paragraphs_a_list_and_a_table() -> None:
    blocks = parse(NOTE_SECTION)

    assert [type(b) for b in blocks] == [Paragraph, ListBlock, Paragraph, Table]
    assert isinstance(blocks[1], ListBlock) and isinstance(blocks[3], Table)
    assert blocks[1].items[0][0] == Paragraph(
        (
            Run("Ngày 12/02/2025, đăng "),
            Run("20", bold=True),
            Run(" tin, bài trên Cổng Thông tin điện tử liên quan đến điểm tập kết chất thải, đạt 76% kế hoạch;"),
        )
    )
    assert blocks[3].align == ("", "right", "right", "right")
    assert blocks[3].rows[1] == ((Run("Cụm công nghiệp"),), (Run("34"),), (Run("12"),), (Run("35,3%"),))


def test_escapes_and_entities_become_their_characters() -> None:
    assert parse("## Mục\n\nĐoạn **đậm**, &copy; R&D &#x41; \\*x\\*.") == (
        Heading(2, (Run("Mục"),)),
        Paragraph((Run("Đoạn "), Run("đậm", bold=True), Run(", © R&D A *x*."))),
    )


def test_a_line_feed_entity_inside_text_is_a_space_and_alone_a_line_break() -> None:
    assert parse("a&#10;b") == (Paragraph((Run("a b"),)),)
    assert parse("a *&#10;* b") == (Paragraph((Run("a "), LINE_BREAK, Run(" b"))),)


def test_an_unclosed_bracket_before_a_backtick_is_text() -> None:
    # markdown-it-pyrs 0.4.0 panics on this text, one reason Markdown is read by markdown-it-py
    assert parse("Xem [`mã") == (Paragraph((Run("Xem [`mã"),)),)
