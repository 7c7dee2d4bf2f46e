"""`--as-issued` proves the whole chain: the issued report and each amendment, rebuilt from its own record."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from gitdata import commit_all
from issueddata import DOCX, PERIOD, TODAY, amend_qldt, folder, issued_repo, request
from nq43.cli.app import main
from nq43.load import issued as issuance
from nq43.report.amend import amend
from nq43.report.asissued import as_issued
from reportdata import note

CORRECTION = "bao-cao-dinh-chinh-2025Q2-01"
SUPPLEMENT = "bao-cao-bo-sung-2025Q2-02"
SIGNER = "Trần Thị C"


def chained_repo(tmp_path: Path) -> Path:
    """The issued 2025Q2 report, a correction số 130 (signed by SIGNER) and a supplement số 131 for a late unit,
    each issued from a committed repository and committed."""
    root = issued_repo(tmp_path)
    amend_qldt(root)
    commit_all(root, "qldt đính chính")
    assert amend(request(root, number="130", date=TODAY, issue=True, signer=SIGNER)).recorded is not None
    commit_all(root, "Ban hành đính chính 130")
    (root / "data/units/qhxd/2025Q2.md").write_text(note("qhxd", "2025Q2", submitted="2025-06-26"), encoding="utf-8")
    commit_all(root, "qhxd gửi muộn")
    later = request(root, number="131", date=date(2025, 6, 27), issue=True, today=date(2025, 6, 27))
    assert amend(later).recorded is not None
    commit_all(root, "Ban hành bổ sung 131")
    return root


def issued_files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder(root).iterdir()) if p.suffix in (".docx", ".md")}


def run_as_issued(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["report", "--quarter", str(PERIOD), "--root", str(root), "--today", "2025-06-30", "--as-issued"])
    return code, capsys.readouterr().err


def test_each_amendment_rebuilds_from_its_own_record_byte_for_byte(tmp_path: Path) -> None:
    root = chained_repo(tmp_path)
    record = issuance.read(root, PERIOD)
    assert record is not None and [a.signer for a in record.amendments] == [SIGNER, None]
    # later edits of the notes (not committed) change none of the rebuilds
    amend_qldt(root, reason="Sửa lần ba", old="progress: 70", new="progress: 80")

    done = as_issued(request(root, today=date(2025, 6, 30)))

    assert done.matches and done.written == ()
    assert [(d.sequence, d.link.number if d.link else None) for d in done.documents] == [
        (0, None),
        (1, "130"),
        (2, "131"),
    ]
    names = [name + suffix for name in ("bao-cao-2025Q2", CORRECTION, SUPPLEMENT) for suffix in (".docx", ".md")]
    assert [c.path.name for c in done.checks] == names
    assert {c.state for c in done.checks} == {"same"}


def test_an_amendment_edited_after_issue_differs_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = chained_repo(tmp_path)
    issued = issued_files(root)
    (folder(root) / f"{CORRECTION}.md").write_bytes(issued[f"{CORRECTION}.md"].replace(b"70%", b"75%"))
    (folder(root) / f"{SUPPLEMENT}.docx").unlink()

    code, said = run_as_issued(root, capsys)

    assert code == 1
    assert f"reports/2025Q2/{CORRECTION}.md: KHÁC bản dựng lại" in said
    assert f"reports/2025Q2/{CORRECTION}.docx: khớp từng byte với bản đã ban hành." in said
    assert f"reports/2025Q2/{DOCX}: khớp từng byte với bản đã ban hành." in said
    assert "Dựng lại báo cáo đính chính 2025Q2 lần 1 (số 130, ngày 25/06/2025)" in said
    assert "Không ghi tệp nào" in said
    assert not (folder(root) / f"{SUPPLEMENT}.docx").exists()  # nothing restored while anything differs
    assert (folder(root) / f"{CORRECTION}.md").read_bytes() != issued[f"{CORRECTION}.md"]


def test_a_deleted_amendment_is_restored_identical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = chained_repo(tmp_path)
    issued = issued_files(root)
    for suffix in (".docx", ".md"):
        (folder(root) / f"{CORRECTION}{suffix}").unlink()

    code, said = run_as_issued(root, capsys)

    assert code == 0
    assert f"reports/2025Q2/{CORRECTION}.docx: không có, đã khôi phục từ bản dựng lại." in said
    assert f"reports/2025Q2/{SUPPLEMENT}.md: khớp từng byte với bản đã ban hành." in said
    assert "Báo cáo đã ban hành và 2 báo cáo bổ sung/đính chính đúng như bản ghi: khớp từng byte." in said
    assert issued_files(root) == issued

    code, said = run_as_issued(root, capsys)
    assert code == 0 and said.count("khớp từng byte với bản đã ban hành.") == 6


def test_in_english_each_amendment_says_what_it_was_rebuilt_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = chained_repo(tmp_path)
    capsys.readouterr()
    code = main(
        ["report", "--quarter", "2025Q2", "--root", str(root), "--today", "2025-06-30", "--as-issued", "--lang", "en"]
    )
    said = capsys.readouterr().err
    assert code == 0
    assert "Rebuilt amendment 2 of the 2025Q2 report (bo-sung, number 131, 2025-06-27)" in said
    assert "The issued report and its 2 amendment(s) are exactly what the record says: identical." in said


def test_an_amendment_that_cannot_be_rebuilt_is_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = chained_repo(tmp_path)
    issued = issued_files(root)
    (folder(root) / f"{SUPPLEMENT}.md").unlink()
    broken = tmp_path / "mau"  # the shipped templates, but an amendment template that cannot be rendered
    shutil.copytree(Path(__file__).resolve().parents[2] / "templates", broken)
    (broken / "report-amend.md.j2").write_text("{{ amendment.missing.name }}\n", encoding="utf-8")

    capsys.readouterr()
    args = ["report", "--quarter", "2025Q2", "--root", str(root), "--today", "2025-06-30", "--as-issued"]
    assert main([*args, "--template-dir", str(broken)]) == 1
    said = capsys.readouterr().err
    assert f"reports/2025Q2/{DOCX}: khớp từng byte với bản đã ban hành." in said  # the report itself was rebuilt
    assert "NQ905" in said
    assert "Không dựng lại được báo cáo đính chính 2025Q2 lần 1 (số 130): 1 lỗi ở trên" in said
    assert not (folder(root) / f"{SUPPLEMENT}.md").exists()

    # a link whose notes are not those of its commit proves nothing
    record = issuance.read(root, PERIOD)
    assert record is not None
    wrong = record.amendments[1]._replace(notes={**record.amendments[1].notes, "data/units/qhxd/2025Q2.md": "0" * 64})
    changed = record._replace(amendments=(record.amendments[0], wrong))
    issuance.record_path(root, PERIOD).write_text(issuance.dump(changed), encoding="utf-8")
    assert main(args) == 1
    said = capsys.readouterr().err
    assert "1 ghi chú không đúng bản đã dùng khi ban hành" in said and "data/units/qhxd/2025Q2.md" in said
    assert issued_files(root) == {k: v for k, v in issued.items() if k != f"{SUPPLEMENT}.md"}
