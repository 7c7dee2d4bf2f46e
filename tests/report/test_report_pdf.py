"""The .docx opens in a real word processor: `nq43 report --pdf` has LibreOffice turn it into a PDF/A, whose
pages, text and fonts are checked."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

from nq43.cli.app import main
from pdftools import SOFFICE, fonts, metadata, needs_libreoffice, needs_poppler, text
from pdftools import lines as _text
from pdftools import page_size as _page_size
from pdftools import pages as _pages
from reportdata import full_notes, make_repo

pytestmark = [needs_libreoffice, needs_poppler]


@pytest.fixture(scope="module", params=[["--quarter", "2025Q1"], ["--period", "2025H1"], ["--period", "2025"]], ids=str)
def pdf(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The report of a quarter, a half-year and a year, each turned into a PDF: the same layout checks for all."""
    folder = tmp_path_factory.mktemp("pdf")
    root = make_repo(folder, full_notes(skip=("qlld",), difficulties={"2.2": "Thủ tục kéo dài."}))
    period: list[str] = request.param
    args = ["report", *period, "--root", str(root), "--today", "2025-03-12", "--date", "2025-03-10"]
    assert main([*args, "--number", "5", "--draft", "--pdf"]) == 0
    return root / "reports" / period[1] / f"bao-cao-{period[1]}.pdf"


def test_the_pdf_is_written_with_the_docx_and_the_md(pdf: Path) -> None:
    names = sorted(path.name for path in pdf.parent.iterdir())

    assert names == [pdf.with_suffix(suffix).name for suffix in (".docx", ".md", ".pdf")]


def test_the_vietnamese_text_comes_back_intact(pdf: Path) -> None:
    said = text(pdf)

    for phrase in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Kết quả thực hiện Nghị quyết số 43/NQ-HĐND",
        "Hội đồng nhân dân thành phố Hải Phòng",
        "Phòng Quy hoạch và Xây dựng",
        "Phòng Quản lý Lao động",
        "72,5%",
    ):
        assert unicodedata.normalize("NFC", phrase) in said, phrase
    assert "\ufffd" not in said


def test_every_font_is_embedded(pdf: Path) -> None:
    found = fonts(pdf)

    assert found and all(emb == "yes" for _, emb in found), found


def test_it_claims_pdfa(pdf: Path) -> None:
    xmp = metadata(pdf)

    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp


def test_pdfa_keeps_the_pages_of_a_plain_conversion(pdf: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(pdf.with_suffix(".docx")),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )

    assert _pages(pdf) == _pages(tmp_path / pdf.name) >= 3


def test_first_page_has_the_frame_and_no_page_number(pdf: Path) -> None:
    lines = _text(pdf, 1)
    text = "\n".join(lines)

    for expected in (
        "UBND THÀNH PHỐ HẢI PHÒNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BAN QUẢN LÝ KHU KINH TẾ",
        "BÁO CÁO",
        "I. KẾT QUẢ THỰC HIỆN",
        "DỰ THẢO",
    ):
        assert expected in text
    number_line = next(line for line in lines if line.startswith("Số: 05/BC-BQL"))
    assert number_line.endswith("Hải Phòng, ngày 10 tháng 3 năm 2025")  # the number and the date share a line
    assert not any(line.isdigit() for line in lines[:3])


def test_later_pages_are_numbered_at_the_top(pdf: Path) -> None:
    pages = _pages(pdf)

    assert pages >= 3
    for page in range(2, pages + 1):
        lines = _text(pdf, page)
        top = lines[:2]  # the draft mark, then the number
        assert str(page) in top, (page, top)


def test_signature_and_appendix(pdf: Path) -> None:
    pages = _pages(pdf)
    text = {page: "\n".join(_text(pdf, page)) for page in range(1, pages + 1)}
    signature = next(page for page, body in text.items() if "Nơi nhận:" in body)
    appendix = next(page for page, body in text.items() if "Phụ lục" in body)

    assert "KT. TRƯỞNG BAN" in text[signature] and "Bùi Ngọc Hải" in text[signature]
    assert "./." in text[signature] or "./." in text[signature - 1]
    assert appendix > signature
    width, height = _page_size(pdf, appendix)
    assert width > height  # landscape
    assert _page_size(pdf, 1)[0] < _page_size(pdf, 1)[1]
    assert round(_page_size(pdf, 1)[0]) == 595  # A4: 210 mm
    assert "Chưa báo cáo" in "".join(text[p] for p in range(appendix, pages + 1))
