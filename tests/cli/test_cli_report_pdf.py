"""`nq43 report --pdf` when the PDF cannot be made (no LibreOffice, a hung one, a failing one): a clear message,
exit 1, the .docx and the .md written, no PDF; and an earlier PDF never left beside a .docx it was not made from.
A fake LibreOffice stands in (the real conversion is tested in tests/report/test_report_pdf.py)."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from gitdata import commit_all
from issueddata import QLDT, folder, issued_repo
from nq43.cli.app import main
from nq43.support import pdf as converter
from pdftools import HANGS, WRITES_A_PDF, fake_libreoffice
from reportdata import full_notes, make_repo

OUT = Path("reports") / "2025Q1"
PAIR = ["bao-cao-2025Q1.docx", "bao-cao-2025Q1.md"]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the fake LibreOffice is a POSIX shell script")


def _run(root: Path, *args: str) -> int:
    return main(["report", "--quarter", "2025Q1", "--root", str(root), "--today", "2025-03-12", *args])


def _names(root: Path) -> list[str]:
    """Every entry of the report's folder, hidden ones (a staging folder, a temporary file) included."""
    return sorted(path.name for path in (root / OUT).iterdir())


def _fake_first(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv("PATH", os.pathsep.join([str(folder), os.environ.get("PATH", "")]))


def _no_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Neither on PATH nor in the places it is installed by default."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(converter, "INSTALLED_AT", ())


def test_without_libreoffice_the_docx_is_written_and_the_message_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(tmp_path, full_notes())
    _no_libreoffice(monkeypatch, tmp_path)

    assert _run(root, "--pdf") == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"{OUT.as_posix()}/{name}" for name in PAIR]
    assert "chưa cài LibreOffice" in err and "sudo apt install libreoffice-writer" in err
    assert "https://www.libreoffice.org/download/" in err
    assert "Tệp .docx và .md ở trên đã được ghi; chưa có bản PDF." in err
    assert "Traceback" not in err
    assert _names(root) == PAIR


def test_the_message_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(tmp_path, full_notes())
    _no_libreoffice(monkeypatch, tmp_path)

    assert _run(root, "--pdf", "--lang", "en") == 1
    err = capsys.readouterr().err
    assert "LibreOffice is not installed" in err and "no PDF was made" in err


@posix_only
@pytest.mark.parametrize(
    ("script", "options", "said"),
    [
        pytest.param(
            HANGS, ("--pdf-timeout", "1"), ("chưa chuyển xong sau 1 giây nên đã bị dừng", "--pdf-timeout"), id="hung"
        ),
        pytest.param(
            'echo "Error: source file could not be loaded"\n', (), ("source file could not be loaded",), id="failed"
        ),
    ],
)
def test_a_conversion_that_hangs_or_fails_leaves_no_pdf(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    script: str,
    options: tuple[str, ...],
    said: tuple[str, ...],
) -> None:
    root = make_repo(tmp_path, full_notes())
    _fake_first(monkeypatch, fake_libreoffice(tmp_path / "bin", script.format(pids=tmp_path / "pids")))

    started = time.monotonic()
    assert _run(root, "--pdf", *options) == 1
    took = time.monotonic() - started

    assert took < 15  # the report itself takes a moment; a hung LibreOffice is stopped, not waited for (2 minutes)
    err = capsys.readouterr().err
    assert all(words in err for words in said), err
    assert _names(root) == PAIR


@posix_only
def test_the_pdf_joins_the_set_and_goes_when_the_docx_changes_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(tmp_path, full_notes())
    _fake_first(monkeypatch, fake_libreoffice(tmp_path / "bin", WRITES_A_PDF))
    pdf = root / OUT / "bao-cao-2025Q1.pdf"

    assert _run(root, "--pdf") == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{OUT.as_posix()}/bao-cao-2025Q1.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-1.7 fake")

    assert _run(root) == 0  # the same .docx: the PDF still matches it and stays
    assert pdf.is_file() and "PDF" not in capsys.readouterr().err

    assert _run(root, "--draft") == 0  # a different .docx: the PDF made from the old one goes
    assert "Đã xoá bản PDF cũ reports/2025Q1/bao-cao-2025Q1.pdf" in capsys.readouterr().err
    assert _names(root) == PAIR


@posix_only
def test_a_failed_pdf_does_not_leave_the_old_pdf_beside_a_new_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(tmp_path, full_notes())
    _fake_first(monkeypatch, fake_libreoffice(tmp_path / "bin", WRITES_A_PDF))
    assert _run(root, "--pdf") == 0
    fake_libreoffice(tmp_path / "bin", "exit 1\n")

    assert _run(root, "--pdf", "--draft") == 1
    assert _names(root) == PAIR


def _amended(tmp_path: Path) -> Path:
    """An issued 2025Q2 whose qldt note was then corrected, with its `amends:` entry, and committed."""
    root = issued_repo(tmp_path)
    text = (root / QLDT).read_text(encoding="utf-8")
    text = text.replace("tasks:\n", 'amends:\n  - date: 2025-06-20\n    reason: "Sửa tiến độ 2.2"\ntasks:\n', 1)
    (root / QLDT).write_text(text.replace("progress: 65", "progress: 70", 1), encoding="utf-8")
    commit_all(root, "qldt đính chính")
    return root


def _amend(root: Path, *args: str) -> int:
    issue = ["--amend", "--number", "130", "--date", "2025-06-25", "--issue"]
    return main(["report", "--quarter", "2025Q2", "--root", str(root), "--today", "2025-06-25", *issue, *args])


@posix_only
def test_an_amendment_is_converted_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--amend --pdf` once wrote the .docx and the .md only and said nothing of the PDF asked for."""
    root = _amended(tmp_path)
    _fake_first(monkeypatch, fake_libreoffice(tmp_path / "bin", WRITES_A_PDF))

    assert _amend(root, "--pdf") == 0
    pdf = folder(root) / "bao-cao-dinh-chinh-2025Q2-01.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-1.7 fake")
    assert "reports/2025Q2/bao-cao-dinh-chinh-2025Q2-01.pdf" in capsys.readouterr().out.splitlines()


def test_an_amendment_without_libreoffice_is_written_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _amended(tmp_path)
    only_git = tmp_path / "only-git"  # an amendment reads the issued notes from git: git stays, LibreOffice goes
    only_git.mkdir()
    (only_git / "git").symlink_to(str(shutil.which("git")))
    monkeypatch.setenv("PATH", str(only_git))
    monkeypatch.setattr(converter, "INSTALLED_AT", ())

    assert _amend(root, "--pdf") == 1
    err = capsys.readouterr().err
    assert "chưa cài LibreOffice" in err and "Tệp .docx và .md ở trên đã được ghi; chưa có bản PDF." in err
    names = sorted(p.name for p in folder(root).iterdir() if p.name.startswith("bao-cao-dinh-chinh"))
    assert names == ["bao-cao-dinh-chinh-2025Q2-01.docx", "bao-cao-dinh-chinh-2025Q2-01.md"]
