"""`nq43 remind --pdf`: the letter's .docx, .md and .pdf written as one set, as `report --pdf` writes a report's;
without LibreOffice the same message and exit code as `report --pdf`, the .docx and .md written all the same."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import RepoBuilder
from nq43.cli.app import main
from nq43.support import pdf as converter
from pdftools import WRITES_A_PDF, fake_libreoffice, fonts, needs_libreoffice, needs_poppler, pages, text

OUT = "reports/2025Q2"
SET = ["don-doc-2025Q2.docx", "don-doc-2025Q2.md"]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the fake LibreOffice is a POSIX shell script")


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NQ43_TODAY", "NQ43_ROOT", "NQ43_LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def q2(repo: RepoBuilder) -> RepoBuilder:
    """2025Q2 (due 9/6/2025): vp on time, tnmt sent an invalid note, the other six sent nothing."""
    repo.calendar()
    repo.note("vp", "2025Q2", "2025-06-05")
    repo.note("tnmt", "2025Q2", "2025-06-03", broken=True)
    return repo


def _remind(capsys: Any, repo: RepoBuilder, *args: str) -> tuple[int, str, str]:
    code = main(["remind", "--quarter", "2025Q2", "--root", str(repo.root), "--today", "2025-06-16", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _names(repo: RepoBuilder) -> list[str]:
    return sorted(path.name for path in (repo.root / OUT).iterdir())


def test_without_libreoffice_the_letter_is_written_and_the_message_says_how_to_install_it(
    capsys: Any, q2: RepoBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(converter, "INSTALLED_AT", ())

    code, out, err = _remind(capsys, q2, "--pdf")

    assert code == 1
    assert out.splitlines() == [f"{OUT}/{name}" for name in SET]
    assert "chưa cài LibreOffice" in err and "sudo apt install libreoffice-writer" in err
    assert "Tệp .docx và .md ở trên đã được ghi; chưa có bản PDF." in err
    assert "Đã lập công văn đôn đốc 2025Q2" in err and "Traceback" not in err
    assert _names(q2) == SET


@posix_only
def test_the_pdf_joins_the_set_and_goes_when_the_letter_changes_without_it(
    capsys: Any, q2: RepoBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fake_libreoffice(tmp_path / "bin", WRITES_A_PDF)
    monkeypatch.setenv("PATH", os.pathsep.join([str(folder), os.environ.get("PATH", "")]))

    code, out, _ = _remind(capsys, q2, "--pdf", "--pdf-timeout", "30")
    assert code == 0
    assert out.splitlines() == [f"{OUT}/{name}" for name in [*SET, "don-doc-2025Q2.pdf"]]
    assert (q2.root / OUT / "don-doc-2025Q2.pdf").read_bytes().startswith(b"%PDF-1.7 fake")

    code, _, err = _remind(capsys, q2, "--draft")  # a different .docx: the PDF made from the old one goes
    assert code == 0
    assert f"Đã xoá bản PDF cũ {OUT}/don-doc-2025Q2.pdf" in err
    assert _names(q2) == SET


def test_pdf_does_not_go_with_format_md(capsys: Any, q2: RepoBuilder) -> None:
    code, out, err = _remind(capsys, q2, "--pdf", "--format", "md")

    assert (code, out) == (2, "")
    assert "--pdf không dùng được với --format md" in err
    assert not (q2.root / "reports").exists()


@needs_libreoffice
@needs_poppler
def test_a_real_conversion_keeps_the_vietnamese_and_embeds_the_fonts(capsys: Any, q2: RepoBuilder) -> None:
    code, _, _ = _remind(capsys, q2, "--pdf", "--number", "12")
    pdf = q2.root / OUT / "don-doc-2025Q2.pdf"

    assert code == 0
    said = text(pdf)
    assert "V/v đôn đốc báo cáo kết quả thực hiện Nghị quyết số 43/NQ-HĐND quý II năm 2025" in said
    assert "Kính gửi:" in said and "Phòng Quản lý Đầu tư" in said and "Số: 12/BQL-VP" in said
    assert "\ufffd" not in said
    found = fonts(pdf)
    assert found and all(emb == "yes" for _, emb in found), found
    assert pages(pdf) >= 1
