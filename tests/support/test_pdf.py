"""The converter: a .docx becomes a PDF/A with every font embedded; a missing, failing or hung LibreOffice gives a
clear message (a hung one is killed with its children); two conversions at once both succeed."""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx as python_docx
import pytest

from nq43.support import pdf as converter
from nq43.support.errors import OutputError, PdfNotMade
from nq43.support.pdf import docx_to_pdf, write_document
from pdftools import (
    HANGS,
    WRITES_A_PDF,
    fake_libreoffice,
    fonts,
    metadata,
    needs_libreoffice,
    needs_poppler,
    pages,
    text,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the fake LibreOffice is a POSIX shell script")

UNIT = "Phòng Quy hoạch và Xây dựng"


@pytest.fixture(scope="module")
def docx() -> bytes:
    """A small .docx with Vietnamese text in Times New Roman, bold and italic."""
    document = python_docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.add_paragraph().add_run("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    document.add_paragraph().add_run(f"{UNIT} đã hoàn thành việc rà soát.").italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fake_first(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """`folder`'s soffice found before any real one (the shell's own tools still on PATH)."""
    monkeypatch.setenv("PATH", os.pathsep.join([str(folder), os.environ.get("PATH", "")]))


def test_missing_libreoffice_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(converter, "INSTALLED_AT", ())

    with pytest.raises(PdfNotMade) as raised:
        docx_to_pdf(b"PK")

    assert isinstance(raised.value, OutputError)  # exit code 1, as for any output not written
    vi, en = raised.value.message("vi"), raised.value.message("en")
    assert "chưa cài LibreOffice" in vi and "apt install libreoffice-writer" in vi
    assert "https://www.libreoffice.org/download/" in vi and "Windows" in vi
    assert "not installed" in en


@posix_only
def test_a_hung_libreoffice_is_killed_with_its_children(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    _fake_first(monkeypatch, fake_libreoffice(tmp_path / "bin", HANGS.format(pids=pids)))

    started = time.monotonic()
    with pytest.raises(PdfNotMade) as raised:
        docx_to_pdf(b"PK", timeout=1)
    took = time.monotonic() - started

    assert took < 10
    assert "sau 1 giây" in raised.value.message("vi") and "--pdf-timeout" in raised.value.message("vi")
    launcher, child = (int(line) for line in pids.read_text().split())
    assert not _alive(launcher) and _wait_dead(child)


@posix_only
def test_a_failed_conversion_tells_what_libreoffice_said(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    script = 'echo "Error: source file could not be loaded"\nexit 1\n'
    _fake_first(monkeypatch, fake_libreoffice(tmp_path / "bin", script))

    with pytest.raises(PdfNotMade) as raised:
        docx_to_pdf(b"not a docx")

    said = raised.value.message("vi")
    assert "mã thoát 1" in said and "source file could not be loaded" in said


@posix_only
def test_no_pdf_written_is_a_failure_even_with_exit_code_0(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake_first(monkeypatch, fake_libreoffice(tmp_path / "bin", "exit 0\n"))

    with pytest.raises(PdfNotMade, match="mã thoát 0"):
        docx_to_pdf(b"PK")


@posix_only
def test_the_conversion_leaves_no_temporary_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake_first(monkeypatch, fake_libreoffice(tmp_path / "bin", WRITES_A_PDF))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again

    assert docx_to_pdf(b"PK").startswith(b"%PDF-1.7 fake")
    assert list((tmp_path / "tmp").iterdir()) == []


@needs_libreoffice
@needs_poppler
def test_pdfa_with_every_font_embedded(docx: bytes, tmp_path: Path) -> None:
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(docx_to_pdf(docx))

    assert pages(pdf) == 1
    assert UNIT in text(pdf) and "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text(pdf)
    found = fonts(pdf)
    assert found and all(emb == "yes" for _, emb in found), found
    xmp = metadata(pdf)
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp


@needs_libreoffice
def test_two_conversions_at_once_both_succeed(docx: bytes) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        made = list(pool.map(lambda _: docx_to_pdf(docx), range(2)))

    assert all(pdf.startswith(b"%PDF-") for pdf in made)


def _alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, killed but not yet reaped by its new parent, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state not in ("Z", "X")


def _wait_dead(pid: int) -> bool:
    """True once `pid` is gone (a killed orphan is reaped by its new parent a moment later)."""
    for _ in range(50):
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


@posix_only
def test_write_document_writes_the_set_with_the_pdf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake_first(monkeypatch, fake_libreoffice(tmp_path / "bin", WRITES_A_PDF))
    folder = tmp_path / "out"

    done = write_document(folder, "don-doc-2025Q2", b"PK docx", {".md": "# Công văn"}, pdf_timeout=30)

    assert [path.name for path in done.written] == ["don-doc-2025Q2.docx", "don-doc-2025Q2.md", "don-doc-2025Q2.pdf"]
    assert done.pdf_problem is None and done.removed == ()
    assert (folder / "don-doc-2025Q2.pdf").read_bytes().startswith(b"%PDF-")
    assert (folder / "don-doc-2025Q2.md").read_text(encoding="utf-8") == "# Công văn"


@posix_only
def test_write_document_keeps_a_matching_pdf_and_removes_a_stale_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fake_first(monkeypatch, fake_libreoffice(tmp_path / "bin", WRITES_A_PDF))
    folder = tmp_path / "out"
    write_document(folder, "van-ban", b"PK one", {}, pdf_timeout=30)

    assert write_document(folder, "van-ban", b"PK one", {}, pdf_timeout=None).removed == ()
    assert (folder / "van-ban.pdf").is_file()

    fake_libreoffice(tmp_path / "bin", "exit 1\n")
    done = write_document(folder, "van-ban", b"PK two", {}, pdf_timeout=30)
    assert done.pdf_problem is not None and done.removed == (folder / "van-ban.pdf",)
    assert sorted(path.name for path in folder.iterdir()) == ["van-ban.docx"]
    assert (folder / "van-ban.docx").read_bytes() == b"PK two"
