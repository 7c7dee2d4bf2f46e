"""An issued report stays issued: refusal to write over it, and `--as-issued` rebuilding it from its record."""

from __future__ import annotations

from pathlib import Path

import pytest

from issueddata import DOCX, MD, PERIOD, QLDT, TODAY, VP, folder, issued_repo, request
from nq43.domain.periods import Period
from nq43.load import issued as issuance
from nq43.report.issuing import as_issued, refuse_if_issued
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

    root = issued_repo(tmp_path / "b", commit_notes=False)  # the notes were not committed when it was issued
    with pytest.raises(IssuedReportKept) as refused:
        as_issued(request(root))
    said = refused.value.message()
    assert "2 ghi chú không đúng bản đã dùng" in said and f"  - {QLDT}: không có ở commit này" in said

    record = issuance.read(root, PERIOD)
    assert record is not None
    for commit, expected in ((None, "không ghi commit"), ("f" * 40, "Không có commit ffffffffff")):
        issuance.record_path(root, PERIOD).write_text(issuance.dump(record._replace(commit=commit)), encoding="utf-8")
        with pytest.raises(IssuedReportKept, match=expected):
            as_issued(request(root))
