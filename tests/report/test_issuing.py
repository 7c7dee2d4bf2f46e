"""An issued report stays issued: refusal to write over it, and `--as-issued` rebuilding it from its record."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gitdata import commit_all, git
from issueddata import DOCX, MD, PERIOD, QLDT, TODAY, VP, folder, issued_repo, request
from nq43.domain.periods import Period
from nq43.load import issued as issuance
from nq43.report.asissued import as_issued
from nq43.report.issuing import refuse_if_issued
from nq43.report.publishing import build
from nq43.support.errors import IssuedReportKept
from reportdata import make_repo, note


def test_every_run_that_would_write_over_the_issued_files_is_refused(tmp_path: Path) -> None:
    root = issued_repo(tmp_path)
    for asked in (
        request(root),
        request(root, number="130", date=TODAY),
        request(root, out=folder(root)),
        request(root, out=tmp_path / "elsewhere", issue=True, number="112"),
    ):
        with pytest.raises(IssuedReportKept) as refused:
            refuse_if_issued(asked)
        assert "số 112, ngày 13/06/2025" in refused.value.message()
    refuse_if_issued(request(root, out=tmp_path / "working-copy"))  # a working copy elsewhere is fine
    refuse_if_issued(request(root, period=Period.parse("2025Q3")))  # another quarter is not issued


def test_an_unreadable_record_refuses_everything(tmp_path: Path) -> None:
    root = issued_repo(tmp_path)
    issuance.record_path(root, PERIOD).write_text("[không phải bản ghi]\n", encoding="utf-8")
    with pytest.raises(IssuedReportKept, match="không đọc được"):
        refuse_if_issued(request(root, out=tmp_path / "x"))
    with pytest.raises(IssuedReportKept, match="không đọc được"):
        as_issued(request(root))


def test_as_issued_matches_restores_and_reports_a_difference(tmp_path: Path) -> None:
    root = issued_repo(tmp_path, signer="Nguyễn Văn B")
    issued = {p.name: p.read_bytes() for p in folder(root).iterdir()}
    # later changes to the notes (committed or not) do not change the rebuild
    (root / VP).write_text(note("vp", "2025Q2", submitted="2025-06-06", amends="Sửa"), encoding="utf-8")

    done = as_issued(request(root))
    assert done.matches and [c.state for c in done.checks] == ["same", "same"] and done.written == ()

    (folder(root) / MD).unlink()
    done = as_issued(request(root))
    assert done.matches and [c.state for c in done.checks] == ["same", "restored"]
    assert (folder(root) / MD).read_bytes() == issued[MD]

    (folder(root) / DOCX).write_bytes(issued[DOCX] + b"x")
    (folder(root) / MD).unlink()
    done = as_issued(request(root))
    assert not done.matches and [c.state for c in done.checks] == ["differs", "restored"]
    assert done.written == () and not (folder(root) / MD).exists()  # nothing written when anything differs

    done = as_issued(request(root, out=tmp_path / "copy"))
    assert [c.state for c in done.checks] == ["differs", "absent"]
    assert (tmp_path / "copy" / DOCX).read_bytes() == issued[DOCX]
    assert (tmp_path / "copy" / MD).read_bytes() == issued[MD]


def test_as_issued_refuses_what_it_cannot_prove(tmp_path: Path) -> None:
    with pytest.raises(IssuedReportKept, match="chưa ban hành"):
        as_issued(request(make_repo(tmp_path / "a", signed=True)))

    root = issued_repo(tmp_path / "b")
    record = issuance.read(root, PERIOD)
    assert record is not None
    # a record whose notes are not those of its commit proves nothing
    wrong = {QLDT: "0" * 64, "data/units/tnmt/2025Q2.md": "1" * 64}
    issuance.record_path(root, PERIOD).write_text(issuance.dump(record._replace(notes=wrong)), encoding="utf-8")
    with pytest.raises(IssuedReportKept) as refused:
        as_issued(request(root))
    said = refused.value.message()
    assert "2 ghi chú không đúng bản đã dùng" in said
    assert f"  - {QLDT}: khác bản đã dùng (sha256 " in said and "tnmt/2025Q2.md: không có ở commit này" in said
    for commit, expected in ((None, "không ghi commit"), ("f" * 40, "Không có commit ffffffffff")):
        issuance.record_path(root, PERIOD).write_text(issuance.dump(record._replace(commit=commit)), encoding="utf-8")
        with pytest.raises(IssuedReportKept, match=expected):
            as_issued(request(root))


def test_an_issue_is_refused_until_the_notes_used_are_committed(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {QLDT: note("qldt", "2025Q2", submitted="2025-06-05")}, signed=True)
    git(root, "init", "-q", "-b", "main")
    issue = request(root, today=date(2025, 6, 13), date=date(2025, 6, 13), number="112", issue=True)
    for step in ("2025-06-06", "2025-06-07"):  # nothing committed yet; then committed and changed again
        [reason] = build(issue).not_ready
        assert reason.get("vi").startswith(f"Ghi chú {QLDT} chưa được commit đúng như bản đang có"), step
        assert not issuance.record_path(root, PERIOD).exists()
        commit_all(root, "Ghi chú")
        (root / QLDT).write_text(note("qldt", "2025Q2", submitted=step), encoding="utf-8")
    commit_all(root, "Ghi chú đã sửa")
    assert build(issue).issued is not None
