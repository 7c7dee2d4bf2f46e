"""The .docx opens in a real word processor: LibreOffice turns it into a PDF whose pages are checked."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from nq43.cli.app import main
from reportdata import full_notes, make_repo

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")

pytestmark = [
    pytest.mark.skipif(
        SOFFICE is None, reason="LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui"
    ),
    pytest.mark.skipif(
        PDFTOTEXT is None or PDFINFO is None,
        reason="pdftotext/pdfinfo are not installed: .ci/run installs poppler-utils",
    ),
]


def _convert(docx: Path, folder: Path) -> Path:
    profile = folder / "lo-profile"  # a profile of its own: runs at the same time do not share a lock
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = folder / (docx.stem + ".pdf")
    assert pdf.is_file()
    return pdf


def _pages(pdf: Path) -> int:
    info = subprocess.run([str(PDFINFO), str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)[1])  # type: ignore[index]


def _page_size(pdf: Path, page: int) -> tuple[float, float]:
    info = subprocess.run(
        [str(PDFINFO), "-f", str(page), "-l", str(page), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    match = re.search(rf"^Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", info, re.MULTILINE)
    assert match is not None
    return float(match[1]), float(match[2])


def _text(pdf: Path, page: int) -> list[str]:
    out = subprocess.run(
        [str(PDFTOTEXT), "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="module", params=[["--quarter", "2025Q1"], ["--period", "2025H1"], ["--period", "2025"]], ids=str)
def pdf(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The report of a quarter, a half-year and a year, each turned into a PDF: the same layout checks for all."""
    folder = tmp_path_factory.mktemp("pdf")
    root = make_repo(folder, full_notes(skip=("qlld",), difficulties={"2.2": "Thủ tục kéo dài."}))
    period: list[str] = request.param
    args = ["report", *period, "--root", str(root), "--today", "2025-03-12", "--date", "2025-03-10"]
    assert main([*args, "--number", "5", "--draft"]) == 0
    return _convert(root / "reports" / period[1] / f"bao-cao-{period[1]}.docx", folder)


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
