"""`--amend`: a change after issue written as its own document and added to the chain of the issue record."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from gitdata import commit_all
from issueddata import PERIOD, QLDT, TODAY, amend_qldt, folder, issued_repo, request
from nq43.cli.app import main
from nq43.load import issued as issuance
from nq43.report.amend import amend
from nq43.report.amendment import CORRECTION, SUPPLEMENT
from nq43.support import pdf as converter
from nq43.support.errors import IssuedReportKept, ReportRefused
from pdftools import WRITES_A_PDF, fake_libreoffice
from reportdata import make_repo, note

QLPT = "data/units/qhxd/2025Q2.md"
ISSUE = {"number": "130", "date": TODAY, "issue": True}


def test_amend_is_refused_when_there_is_nothing_to_amend(tmp_path: Path) -> None:
    with pytest.raises(IssuedReportKept, match="chưa ban hành"):
        amend(request(make_repo(tmp_path / "a", signed=True)))
    root = issued_repo(tmp_path / "b")
    with pytest.raises(IssuedReportKept, match=r"Không có gì để bổ sung, đính chính.*báo cáo số 112"):
        amend(request(root))
    amend_qldt(root, reason="")
    with pytest.raises(IssuedReportKept, match=rf"không có mục `amends:` mới.*\n  - {QLDT}"):
        amend(request(root))


def test_a_draft_amendment_records_nothing_and_an_issued_one_extends_the_chain(tmp_path: Path) -> None:
    root = issued_repo(tmp_path)
    amend_qldt(root)
    commit_all(root, "qldt đính chính")
    record = issuance.read(root, PERIOD)

    draft = amend(request(root))
    assert draft.recorded is None and issuance.read(root, PERIOD) == record
    markdown = (folder(root) / "bao-cao-dinh-chinh-2025Q2-01.md").read_text(encoding="utf-8")
    assert markdown.startswith("> **DỰ THẢO**")

    with pytest.raises(ReportRefused, match="cần số và ngày"):
        amend(request(root, issue=True, number="130"))
    with pytest.raises(ReportRefused, match="sớm hơn"):
        amend(request(root, **{**ISSUE, "date": date(2025, 6, 1)}))

    done = amend(request(root, **ISSUE))
    assert done.info is not None and done.info.kind == CORRECTION and done.recorded is not None
    chained = issuance.read(root, PERIOD)
    assert chained is not None and chained.amendments == (done.recorded,)
    assert chained._replace(amendments=()) == record  # the original stays as it was
    assert not chained.changed(QLDT, (root / QLDT).read_bytes())
    markdown = (folder(root) / "bao-cao-dinh-chinh-2025Q2-01.md").read_text(encoding="utf-8")
    assert "DỰ THẢO" not in markdown and "Số: 130/BC-BQL" in markdown
    assert "Sau đó, 01 đơn vị đã gửi nội dung sửa đổi" in markdown  # counts as the notes write them: 01, 02 ...
    commit_all(root, "Ban hành đính chính 130")

    # a second change: the second amendment cites the report and the first amendment
    amend_qldt(root, reason="Sửa lần hai", old="progress: 70", new="progress: 72")
    commit_all(root, "qldt sửa lần hai")
    second = amend(request(root, number="131", date=date(2025, 6, 26), issue=True, today=date(2025, 6, 26)))
    assert second.info is not None and second.info.sequence == 2
    markdown = (folder(root) / "bao-cao-dinh-chinh-2025Q2-02.md").read_text(encoding="utf-8")
    assert "; ngày 25/6/2025, Báo cáo số 130/BC-BQL đính chính báo cáo trên." in markdown
    assert 'đã báo cáo "70%", nay là "72%"' in markdown and "Sửa lần hai" in markdown
    assert "Sửa tiến độ 2.2" not in markdown  # the first reason belongs to the first amendment


def test_a_late_unit_makes_a_supplement(tmp_path: Path) -> None:
    root = issued_repo(tmp_path)
    (root / QLPT).write_text(note("qhxd", "2025Q2", submitted="2025-06-20"), encoding="utf-8")
    commit_all(root, "qhxd gửi muộn")

    done = amend(request(root, **ISSUE))
    assert done.info is not None and done.info.kind == SUPPLEMENT
    [unit] = done.info.units
    assert unit.late and unit.reasons[0].reason.startswith("Đơn vị gửi báo cáo sau khi")
    markdown = (folder(root) / "bao-cao-bo-sung-2025Q2-01.md").read_text(encoding="utf-8")
    assert "**Bổ sung Báo cáo số 112/BC-BQL ngày 13/6/2025" in markdown
    assert "## I. Phòng Quy hoạch và Xây dựng" in markdown


@pytest.mark.skipif(sys.platform == "win32", reason="the fake LibreOffice is a POSIX shell script")
def test_with_pdf_the_amendment_has_its_pdf_in_its_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = issued_repo(tmp_path / "repo")
    amend_qldt(root)
    commit_all(root, "qldt đính chính")
    bin_folder = fake_libreoffice(tmp_path / "bin", WRITES_A_PDF)
    monkeypatch.setenv("PATH", os.pathsep.join([str(bin_folder), os.environ.get("PATH", "")]))

    done = amend(request(root, pdf=True, **ISSUE))

    name = "bao-cao-dinh-chinh-2025Q2-01"
    assert done.pdf_problem is None and done.recorded is not None
    assert [p.name for p in done.written] == [f"{name}.docx", f"{name}.md", f"{name}.pdf", issuance.RECORD_NAME]
    assert (folder(root) / f"{name}.pdf").read_bytes().startswith(b"%PDF-1.7 fake")


@pytest.mark.skipif(sys.platform == "win32", reason="a folder holding only git is made of a symlink")
def test_without_libreoffice_the_amendment_is_written_and_the_command_says_why_there_is_no_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = issued_repo(tmp_path / "repo")
    amend_qldt(root)
    commit_all(root, "qldt đính chính")
    only_git = tmp_path / "only-git"  # git, which --amend reads the issued notes with, and no LibreOffice
    only_git.mkdir()
    (only_git / "git").symlink_to(shutil.which("git") or "git")
    monkeypatch.setenv("PATH", str(only_git))
    monkeypatch.setattr(converter, "INSTALLED_AT", ())

    args = ["report", "--quarter", "2025Q2", "--root", str(root), "--today", "2025-06-25", "--amend", "--pdf"]
    assert main(args) == 1

    out, err = capsys.readouterr()
    name = "bao-cao-dinh-chinh-2025Q2-01"
    assert out.splitlines() == [f"reports/2025Q2/{name}.docx", f"reports/2025Q2/{name}.md"]
    assert "chưa cài LibreOffice" in err and "Tệp .docx và .md ở trên đã được ghi; chưa có bản PDF." in err
    assert not (folder(root) / f"{name}.pdf").exists()
