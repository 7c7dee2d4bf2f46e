"""The .docx reopened with python-docx: every layout number of Decree 30 (FORMAT-ND30.md), and stable bytes.

The checks on the `built` report run for each kind of period (a quarter's, a six-month and an annual report),
built through the one pipeline (publishing.build)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from nq43.check.repository import load_quarters
from nq43.domain.periods import Period, PeriodKind
from nq43.domain.records import Quarter
from nq43.load.limits import MAX_TABLE_COLUMNS
from nq43.report.assembly import report_document
from nq43.report.document import Paragraph, ReportDocument, Run
from nq43.report.docx import build_docx
from nq43.report.docx.body import FLUSH_EVERY
from nq43.report.docx.geometry import LANDSCAPE_TEXT_WIDTH, mm
from nq43.report.fontmetrics import text_width_pt
from nq43.report.model import ReportOptions, build_context, select_notes
from nq43.report.publishing import ReportRequest, build, report_name
from nq43.report.rendering import render, template_dirs
from reportdata import REPORT_DATE, TODAY, full_notes, make_repo, note

Q1 = Quarter(2025, 1)
TWIPS_PER_MM = 1440 / 25.4


def _document(tmp_path: Path, notes: dict[str, str] | None = None, **options: Any) -> ReportDocument:
    root = make_repo(tmp_path, full_notes() if notes is None else notes)
    repo = load_quarters(root, TODAY, (Q1,))
    assert repo.directive is not None
    selection = select_notes(repo.directive, repo.notes, Q1)
    context = build_context(
        repo.directive, selection, ReportOptions(Period.of(Q1), options.pop("date", REPORT_DATE), **options)
    )
    return report_document(context, render(context, template_dirs(None)))


def _build(tmp_path: Path, notes: dict[str, str] | None = None, **options: Any) -> bytes:
    return build_docx(_document(tmp_path, notes, **options))


def _built_notes() -> dict[str, str]:
    return full_notes(
        difficulties={"2.2": "Thủ tục kéo dài."},
        proposals={"2.2": "Đề nghị UBND thành phố đôn đốc."},
        results={"1.1": "Đã **hoàn thành**, xem [Cổng](https://bqlkkt.haiphong.gov.vn) và [tệp](../../bi-mat.txt)."},
        indicators={"2.1": {"ty-le-lap-day": 72.5}},
    )


def _publish(tmp_path: Path, period: Period, notes: dict[str, str]) -> bytes:
    """The report of `period` as `nq43 report` writes it."""
    root = make_repo(tmp_path, notes)
    outcome = build(ReportRequest(root, period, TODAY, date=REPORT_DATE, number="5"))
    assert not outcome.errors, outcome.errors
    return (root / "reports" / str(period) / f"{report_name(period)}.docx").read_bytes()


PERIODS = [Period.of(Q1), Period(PeriodKind.HALF_YEAR, 2025), Period(PeriodKind.YEAR, 2025)]


@pytest.fixture(scope="module", params=PERIODS, ids=str)
def period(request: pytest.FixtureRequest) -> Period:
    chosen: Period = request.param
    return chosen


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, period: Period) -> bytes:
    return _publish(tmp_path_factory.mktemp("docx"), period, _built_notes())


@pytest.fixture(scope="module")
def document(built: bytes) -> Any:
    return docx.Document(io.BytesIO(built))


def _mm(twips: int | str) -> float:
    return int(twips) / TWIPS_PER_MM


def _size(run: Any) -> float:
    return run.font.size.pt  # type: ignore[no-any-return]


def _paragraph(document: Any, start: str) -> Any:
    return next(p for p in document.paragraphs if p.text.startswith(start))


def _ind(paragraph: Any) -> tuple[int, int]:
    ind = paragraph._p.pPr.find(qn("w:ind"))
    return int(ind.get(qn("w:left"))), int(ind.get(qn("w:right")))


def _has_bottom_rule(paragraph: Any) -> bool:
    border = paragraph._p.pPr.find(qn("w:pBdr"))
    return border is not None and border.find(qn("w:bottom")).get(qn("w:val")) == "single"


# ---------------------------------------------------------------- page


def test_page_is_a4_portrait_with_the_decree_margins(document: Any) -> None:
    section = document.sections[0]

    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (210.0, 297.0)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm, 1) for m in margins] == [25.0, 20.0, 35.0, 20.0]
    assert round(section.header_distance.mm, 1) == 10.0


def test_appendix_is_a_landscape_section(document: Any) -> None:
    appendix = document.sections[-1]

    assert len(document.sections) == 2
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert (round(appendix.page_width.mm, 1), round(appendix.page_height.mm, 1)) == (297.0, 210.0)


def test_fonts_and_language_are_set_for_every_script(built: bytes) -> None:
    styles = zipfile.ZipFile(io.BytesIO(built)).read("word/styles.xml").decode()
    defaults = docx.Document(io.BytesIO(built)).styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))

    for attribute in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert fonts.get(qn(f"w:{attribute}")) == "Times New Roman"
    assert lang.get(qn("w:val")) == "vi-VN"
    assert "Theme" not in styles and "theme" not in styles


def test_no_python_docx_default_survives(built: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(built))
    everything = "".join(archive.read(name).decode() for name in archive.namelist())

    assert "Calibri" not in everything
    assert 'w:w="12240"' not in everything  # US Letter
    assert 'w:after="200"' not in everything and 'w:line="276"' not in everything  # 10 pt after, 1.15 lines
    assert "thumbnail" not in everything


# ---------------------------------------------------------------- header table (ô 1 to 4)


def test_header_table_geometry(document: Any) -> None:
    table = document.tables[0]
    tbl_pr = table._tbl.tblPr

    assert (len(table.rows), len(table.columns)) == (2, 2)
    assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    grid = [round(_mm(col.get(qn("w:w"))), 1) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [67.5, 100.0]
    for row in table.rows:
        assert [round(cell.width.mm, 1) for cell in row.cells] == [67.5, 100.0]
    assert round(_mm(tbl_pr.find(qn("w:tblInd")).get(qn("w:w"))), 1) == -3.5
    borders = tbl_pr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_agency_block(document: Any) -> None:
    cell = document.tables[0].cell(0, 0)
    parent, first, second, rule = cell.paragraphs

    assert parent.text == "UBND THÀNH PHỐ HẢI PHÒNG"
    assert [(_size(r), bool(r.bold)) for r in parent.runs] == [(13, False)]
    assert (first.text, second.text) == ("BAN QUẢN LÝ KHU KINH TẾ", "HẢI PHÒNG")
    assert all(_size(r) == 13 and r.bold for r in (*first.runs, *second.runs))
    assert parent.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert parent.paragraph_format.first_line_indent == 0
    assert rule.text == "" and _has_bottom_rule(rule)
    left, right = _ind(rule)
    length = 3827 - left - right
    text = max(text_width_pt(line, 13, bold=True) for line in (first.text, second.text)) * 20
    assert text / 3 <= length <= text / 2


def test_national_title_and_motto(document: Any) -> None:
    title, motto, rule = document.tables[0].cell(0, 1).paragraphs

    assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert [(_size(r), bool(r.bold)) for r in title.runs] == [(13, True)]
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert [(_size(r), bool(r.bold)) for r in motto.runs] == [(14, True)]
    left, right = _ind(rule)
    assert _has_bottom_rule(rule)
    assert abs((5669 - left - right) - text_width_pt(motto.text, 14, bold=True) * 20) <= 2


def test_number_and_date_share_the_second_row(document: Any) -> None:
    number, place_date = (document.tables[0].cell(1, i).paragraphs[0] for i in (0, 1))

    assert number.text == "Số: 05/BC-BQL"
    assert [(_size(r), bool(r.bold), bool(r.italic)) for r in number.runs] == [(13, False, False)]
    assert place_date.text == "Hải Phòng, ngày 10 tháng 3 năm 2025"
    assert [(_size(r), bool(r.italic)) for r in place_date.runs] == [(14, True)]


def test_blank_number_and_the_date_zero_rule(tmp_path: Path) -> None:
    document = docx.Document(io.BytesIO(_build(tmp_path, date=date(2025, 1, 5))))

    assert document.tables[0].cell(1, 0).paragraphs[0].text == "Số:      /BC-BQL"
    assert document.tables[0].cell(1, 1).paragraphs[0].text == "Hải Phòng, ngày 05 tháng 01 năm 2025"


# ---------------------------------------------------------------- title and body (ô 5, 6)


def test_type_and_summary(document: Any, period: Period) -> None:
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    title = paragraphs[texts.index("BÁO CÁO")]
    summary = paragraphs[texts.index("BÁO CÁO") + 1]
    rule = paragraphs[texts.index("BÁO CÁO") + 2]

    assert title.text == "BÁO CÁO" and title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(r.bold and _size(r) == 14 for r in title.runs)
    assert summary.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(r.bold and _size(r) == 14 for r in summary.runs)
    assert summary.text.endswith(period.label())
    assert _has_bottom_rule(rule)
    left, right = _ind(rule)
    length = 8788 - left - right
    text = min(text_width_pt(summary.text, 14, bold=True) * 20, 8788)
    assert text / 3 <= length <= text / 2


def test_body_paragraphs(document: Any, period: Period) -> None:
    opening = _paragraph(document, "Thực hiện Nghị quyết số 43/NQ-HĐND")
    fmt = opening.paragraph_format

    assert opening.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(fmt.first_line_indent.mm, 1) == 10.0
    assert (fmt.space_before.pt, fmt.space_after.pt, fmt.line_spacing) == (6, 0, 1.0)
    assert all(_size(r) == 14 and not r.bold and not r.italic for r in opening.runs)
    assert f"kết quả thực hiện {period.label()} như sau:" in opening.text


def test_body_headings(document: Any) -> None:
    part = _paragraph(document, "I. KẾT QUẢ THỰC HIỆN")
    clause = next(p for p in document.paragraphs if re.fullmatch(r"\d+\. Văn phòng Ban Quản lý", p.text))
    point = _paragraph(document, "a) Nhiệm vụ 1.1:")

    assert all(r.bold for r in part.runs) and part.text == part.text.upper()
    assert all(r.bold for r in clause.runs)
    assert not any(r.bold or r.italic for r in point.runs)
    assert part.paragraph_format.keep_with_next and point.paragraph_format.keep_with_next
    assert _paragraph(document, "II. TỒN TẠI, HẠN CHẾ")
    assert _paragraph(document, "IV. KIẾN NGHỊ, ĐỀ XUẤT")


def test_note_formatting_becomes_word_formatting(document: Any, period: Period) -> None:
    paragraph = _paragraph(document, "Đã hoàn thành, xem")
    bold = [r.text for r in paragraph.runs if r.bold]

    assert bold == ["hoàn thành"]
    if period.quarter is not None:  # a longer period keeps each quarter's first paragraph only
        assert _paragraph(document, "- Tổ chức 02 hội nghị quán triệt;")
    assert paragraph.text.endswith("xem Cổng và tệp.")


def test_only_web_links_become_hyperlinks(built: bytes) -> None:
    rels = zipfile.ZipFile(io.BytesIO(built)).read("word/_rels/document.xml.rels").decode()

    assert 'Target="https://bqlkkt.haiphong.gov.vn" TargetMode="External"' in rels
    assert "bi-mat" not in rels


def test_content_tables_are_fixed_and_fill_the_text_width(document: Any) -> None:
    table = next(t for t in document.tables if t.cell(0, 0).text == "Khu công nghiệp")
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]

    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert sum(grid) == 8788
    assert [round(c.width.mm, 2) for c in table.rows[1].cells] == [round(_mm(w), 2) for w in grid]
    header = table.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None
    cell = table.cell(1, 0).paragraphs[0]
    assert cell.paragraph_format.first_line_indent == 0
    assert _size(cell.runs[0]) == 13


def test_every_body_table_is_fixed_and_fills_the_text_width(document: Any, period: Period) -> None:
    """The body's own tables too: a longer period's reporting record and indicators, a column per quarter."""
    signature = next(i for i, t in enumerate(document.tables) if t.cell(0, 0).text.startswith("Nơi nhận:"))
    body, appendix = document.tables[1:signature], document.tables[signature + 1 :]
    headers = [[c.text for c in t.rows[0].cells] for t in body]
    for tables, width in ((body, 8788), (appendix, LANDSCAPE_TEXT_WIDTH)):
        for table in tables:
            grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
            assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
            assert sum(grid) == width
    if period.quarter is None:
        quarters = [f"Quý {q.roman}" for q in period.quarters()]
        indicators = ["TT", "Chỉ tiêu", "Đơn vị tính", *quarters, "Thay đổi", "Mục tiêu"]
        assert ["TT", "Đơn vị", "Đúng hạn", "Gửi muộn", "Chưa gửi"] in headers
        if period.kind is PeriodKind.YEAR:  # four quarters: in the landscape appendix, section II
            assert indicators not in headers
            assert [[c.text for c in t.rows[0].cells] for t in appendix][-1] == indicators
            assert _paragraph(document, "II. MỘT SỐ CHỈ TIÊU CHỦ YẾU").runs[0].bold
            assert "tại mục II Phụ lục" in _paragraph(document, "Số liệu ").text
        else:
            assert indicators in headers


def test_content_ends_with_the_closing_mark(document: Any) -> None:
    closing = _paragraph(document, "Trên đây là báo cáo")

    assert closing.text.endswith("./.")
    assert closing.paragraph_format.keep_with_next


# ---------------------------------------------------------------- signature and recipients (ô 7, 9)


def test_signature_block(document: Any) -> None:
    table = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    row = table.rows[0]
    left, right = row.cells
    heading, *recipients = left.paragraphs
    *authority, name = right.paragraphs

    grid = [round(_mm(col.get(qn("w:w"))), 1) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [53.0, 111.0]
    assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    assert {b.get(qn("w:val")) for b in table._tbl.tblPr.find(qn("w:tblBorders"))} == {"nil"}
    assert heading.text == "Nơi nhận:"
    assert all(r.bold and r.italic and _size(r) == 12 for r in heading.runs)
    assert [p.text for p in recipients][-1] == "- Lưu: VT, VP."
    assert all(_size(r) == 11 and not r.bold for p in recipients for r in p.runs)
    assert [p.text for p in authority] == ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    assert all(r.bold and _size(r) == 14 for p in authority for r in p.runs)
    assert name.text == "Bùi Ngọc Hải" and all(r.bold and _size(r) == 14 for r in name.runs)
    assert name.paragraph_format.space_before.mm >= 20  # room to sign


# ---------------------------------------------------------------- page numbers


def test_page_number_in_the_header_but_not_on_the_first_page(document: Any) -> None:
    section = document.sections[0]
    default = section.header._element.xml
    first = section.first_page_header._element.xml

    assert section.different_first_page_header_footer
    assert "PAGE" in default and 'w:fldCharType="begin"' in default
    assert "PAGE" not in first
    number = next(p for p in section.header.paragraphs if "PAGE" in p._p.xml)
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not any(r.bold or r.italic for r in number.runs)
    assert {_size(r) for r in number.runs} <= {13, 14}
    assert not document.sections[1].different_first_page_header_footer


# ---------------------------------------------------------------- appendix


def test_appendix_heading_and_task_table(document: Any) -> None:
    label = _paragraph(document, "Phụ lục")
    title = _paragraph(document, "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ")
    note_line = _paragraph(document, "(Kèm theo Báo cáo số 05/BC-BQL")

    assert label.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(r.bold for r in label.runs)
    assert title.text == title.text.upper() and all(r.bold for r in title.runs)
    assert all(r.italic for r in note_line.runs)
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells][2:3] == ["Nhiệm vụ"])
    assert [c.text for c in table.rows[0].cells] == ["TT", "Đơn vị", "Nhiệm vụ", "Trạng thái", "Tiến độ", "Đánh giá"]
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == 16838 - 1984 - 1134


# ---------------------------------------------------------------- draft, cleaning, reproducibility


def test_draft_mark_on_every_page(tmp_path: Path) -> None:
    document = docx.Document(io.BytesIO(_build(tmp_path, draft=True)))
    section = document.sections[0]

    assert "DỰ THẢO" in section.header._element.xml
    assert "DỰ THẢO" in section.first_page_header._element.xml
    assert document.core_properties.content_status == "Dự thảo"


def test_sample_data_is_marked_as_draft(tmp_path: Path) -> None:
    notes = full_notes()
    notes["data/units/vp/2025Q1.md"] = note("vp", sample=True)

    assert "DỰ THẢO".encode() in zipfile.ZipFile(io.BytesIO(_build(tmp_path, notes))).read("word/header2.xml")


def test_no_draft_mark_on_a_real_report(built: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(built))

    assert all("DỰ THẢO" not in archive.read(n).decode() for n in archive.namelist())


def test_control_characters_are_cleaned(tmp_path: Path) -> None:
    hostile = "Chữ\x07 có\x1b ký\u202e tự\u200b ẩn\x0c và <w:p>XML</w:p> &amp; hết."
    document = docx.Document(io.BytesIO(_build(tmp_path, full_notes(results={"1.1": hostile}))))

    assert _paragraph(document, "Chữ có ký tự ẩn").text == "Chữ có ký tự ẩn và <w:p>XML</w:p> & hết."


def test_the_streamed_body_is_well_formed_whatever_its_text(tmp_path: Path) -> None:
    # text that reaches the writer without vietnamese.clean: an entity's character, a YAML escape's surrogate
    text = 'Ký tự "lạ" <w:t> & \x01\x0b\ufffe\ud800\u202e hết.'
    document = _document(tmp_path)._replace(body=(Paragraph((Run(text), Run(" đậm", bold=True))),))

    reopened = docx.Document(io.BytesIO(build_docx(document)))

    assert _paragraph(reopened, "Ký tự").text == 'Ký tự "lạ" <w:t> &  hết. đậm'


def test_same_input_gives_the_same_bytes(tmp_path: Path, built: bytes, period: Period) -> None:
    again = _publish(tmp_path, period, _built_notes())

    assert again == built
    if period.quarter is not None:  # the pipeline gives what the model and the template give
        assert _build(tmp_path / "model", _built_notes(), number="5") == built
    infos = zipfile.ZipFile(io.BytesIO(built)).infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert infos[0].filename == "[Content_Types].xml"


def test_core_properties_are_fixed_by_the_report(document: Any) -> None:
    core = document.core_properties

    assert core.created.date() == REPORT_DATE and core.modified == core.created
    assert core.revision == 1
    assert core.author == "Ban Quản lý Khu kinh tế Hải Phòng"
    assert core.title.startswith("BÁO CÁO Kết quả thực hiện")


def test_a_report_without_appendix_is_one_portrait_section(tmp_path: Path) -> None:
    document = _document(tmp_path)
    bare = document._replace(appendix=(), appendix_title=(), appendix_label=(), appendix_note=())

    reopened = docx.Document(io.BytesIO(build_docx(bare)))

    assert len(reopened.sections) == 1
    assert reopened.sections[0].different_first_page_header_footer
    assert reopened.element.body[-2].tag == qn("w:p")  # the body ends in a paragraph, then its properties


# ---------------------------------------------------------------- python-docx's template, cleaned


def test_the_package_holds_the_report_parts_only(built: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(built))

    assert archive.namelist() == [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/header1.xml",
        "word/header2.xml",
    ]
    assert "thumbnail" not in archive.read("_rels/.rels").decode()
    assert "thumbnail" not in archive.read("[Content_Types].xml").decode()


def test_no_part_names_calibri_or_the_template(built: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(built))

    for name in archive.namelist():
        text = archive.read(name).decode()
        assert "Calibri" not in text, name
        for leftover in ("python-docx", "Macintosh", "Normal.dotm", "w:rsid", "w14:docId", "2013-12-23", 'w:w="12240"'):
            assert leftover not in text, (name, leftover)
    assert archive.read("docProps/app.xml").decode().count("<Application>nq43</Application>") == 1


def test_core_properties_carry_the_report_date_not_the_clock(built: bytes) -> None:
    core = zipfile.ZipFile(io.BytesIO(built)).read("docProps/core.xml").decode()

    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-10T00:00:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-10T00:00:00Z</dcterms:modified>' in core
    assert "<cp:lastModifiedBy>nq43</cp:lastModifiedBy>" in core and "<cp:revision>1</cp:revision>" in core
    assert "<dc:language>vi-VN</dc:language>" in core


def test_a_long_report_is_streamed_in_pieces_in_order(tmp_path: Path) -> None:
    document = _document(tmp_path)
    long = document._replace(body=document.body * (FLUSH_EVERY // len(document.body) + 2))

    reopened = docx.Document(io.BytesIO(build_docx(long)))

    texts = [p.text for p in reopened.paragraphs]
    opening = [i for i, t in enumerate(texts) if t.startswith("Thực hiện Nghị quyết số 43/NQ-HĐND")]
    assert len(opening) == len(long.body) // len(document.body)
    assert texts.index("BÁO CÁO") < opening[0]
    assert texts.index("Phụ lục") > opening[-1]
    assert len(reopened.sections) == 2


def test_the_widest_table_a_note_may_hold_fits_the_landscape_appendix() -> None:
    """NQ510's limit: the most columns of at least 15 mm that fit the landscape text width."""
    assert LANDSCAPE_TEXT_WIDTH // mm(15) == MAX_TABLE_COLUMNS
