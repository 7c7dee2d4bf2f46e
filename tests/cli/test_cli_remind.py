"""`nq43 remind`: the reminder letter to the units without a valid note once the due date has passed, decided as
`nq43 status` decides it; nothing written when nobody is late; `--format md` for an e-mail."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import RepoBuilder
from nq43.cli.app import main

TECHNICAL = re.compile(r"data/|\.md\b|\.ya?ml\b|NQ\d{3}|dòng \d|nq43 ")
LETTER = Path("reports/2025Q2/don-doc-2025Q2.md")


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    for name in ("NQ43_TODAY", "NQ43_ROOT", "NQ43_LANG", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def q2(repo: RepoBuilder) -> RepoBuilder:
    """2025Q2 (due 9/6/2025), outside git: vp on time, tnmt sent a note with an empty results section, 6 missing."""
    repo.calendar()
    repo.note("vp", "2025Q2", "2025-06-05")
    repo.note("tnmt", "2025Q2", "2025-06-03", broken=True)
    return repo


def _run(capsys: Any, repo: RepoBuilder, command: str, *args: str) -> tuple[int, str, str]:
    code = main([command, "--root", str(repo.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_letter_goes_to_the_units_without_a_valid_note(capsys: Any, q2: RepoBuilder) -> None:
    code, out, err = _run(capsys, q2, "remind", "--quarter", "2025Q2", "--today", "2025-06-16")

    assert code == 0
    assert out.splitlines() == ["reports/2025Q2/don-doc-2025Q2.docx", "reports/2025Q2/don-doc-2025Q2.md"]
    assert (q2.root / "reports/2025Q2/don-doc-2025Q2.docx").is_file()
    letter = (q2.root / LETTER).read_text(encoding="utf-8")
    greeting = letter[letter.index("Kính gửi:") : letter.index("Thực hiện Nghị quyết")]
    assert "Văn phòng Ban Quản lý" not in greeting  # on time
    assert greeting.count("\n- ") == 7 and "- Phòng Tài nguyên và Môi trường;" in greeting
    assert "- Phòng Quản lý Đầu tư: chưa gửi báo cáo." in letter
    assert "- Phòng Tài nguyên và Môi trường: đã gửi báo cáo nhưng báo cáo chưa đúng quy định" in letter
    assert 'Tiểu mục "### Kết quả" của nhiệm vụ' in letter
    assert "Hạn gửi báo cáo quý II năm 2025 là ngày 09 tháng 6 năm 2025." in letter
    assert "chậm nhất ngày 23 tháng 6 năm 2025./." in letter  # 5 working days after the letter's date
    assert TECHNICAL.search(letter) is None
    assert "Đã lập công văn đôn đốc 2025Q2: 7 đơn vị" in err


def test_the_new_date_the_number_and_the_signer_as_given(capsys: Any, q2: RepoBuilder) -> None:
    args = ("--quarter", "2025Q2", "--today", "2025-06-16", "--by", "2025-06-20", "--number", "12")
    code, _, _ = _run(capsys, q2, "remind", *args, "--signer", "Nguyễn Văn Bình", "--date", "2025-06-13")
    letter = (q2.root / LETTER).read_text(encoding="utf-8")

    assert code == 0
    assert "Số: 12/BQL-VP" in letter and "Hải Phòng, ngày 13 tháng 6 năm 2025" in letter
    assert "chậm nhất ngày 20 tháng 6 năm 2025./." in letter and "**Nguyễn Văn Bình**" in letter


def test_a_new_date_not_after_the_letter_is_refused(capsys: Any, q2: RepoBuilder) -> None:
    code, _, err = _run(capsys, q2, "remind", "--quarter", "2025Q2", "--today", "2025-06-16", "--by", "2025-06-16")

    assert code == 2 and "--by" in err
    assert not (q2.root / "reports").exists()


def test_format_md_prints_the_letter_and_writes_nothing(capsys: Any, q2: RepoBuilder) -> None:
    code, out, _ = _run(capsys, q2, "remind", "--quarter", "2025Q2", "--today", "2025-06-16", "--format", "md")

    assert code == 0
    assert "V/v đôn đốc báo cáo kết quả thực hiện Nghị quyết số 43/NQ-HĐND quý II năm 2025" in out
    assert "Kính gửi:" in out and "- Lưu: VT, VP." in out
    assert not (q2.root / "reports").exists()


def test_before_the_due_date_nobody_is_overdue_yet(capsys: Any, q2: RepoBuilder) -> None:
    # tnmt's invalid note can still be put right before 9/6
    code, out, err = _run(capsys, q2, "remind", "--quarter", "2025Q2", "--today", "2025-06-05")

    assert (code, out) == (0, "")
    assert "Chưa đến hạn báo cáo 2025Q2 (hạn 9/6/2025)" in err
    assert not (q2.root / "reports").exists()


def test_nobody_late_writes_nothing(capsys: Any, repo: RepoBuilder) -> None:
    repo.calendar()
    for unit in ("vp", "qldt", "qhxd", "dngsdt", "qlld", "tnmt", "vpdd", "ttdvvl"):
        repo.note(unit, "2025Q2", "2025-06-12")  # late, but valid: nothing to remind
    code, out, err = _run(capsys, repo, "remind", "--quarter", "2025Q2", "--today", "2025-06-16", "--lang", "en")

    assert (code, out) == (0, "")
    assert "No unit is overdue for 2025Q2" in err
    assert not (repo.root / "reports").exists()


def test_status_points_to_remind_when_units_are_overdue(capsys: Any, q2: RepoBuilder) -> None:
    _, late, _ = _run(capsys, q2, "status", "--quarter", "2025Q2", "--today", "2025-06-16")
    _, early, _ = _run(capsys, q2, "status", "--quarter", "2025Q2", "--today", "2025-06-05")

    hint = [line for line in late.splitlines() if "nq43 remind" in line]
    assert hint == [
        "7 đơn vị quá hạn chưa có ghi chú hợp lệ: lập công văn đôn đốc bằng `nq43 remind --quarter 2025Q2`."
    ]
    assert "nq43 remind" not in early


def test_a_number_that_is_not_digits_is_refused(capsys: Any, q2: RepoBuilder) -> None:
    code, _, err = _run(capsys, q2, "remind", "--quarter", "2025Q2", "--today", "2025-06-16", "--number", "12a")

    assert code != 0
    assert 'Số công văn "12a" không hợp lệ: chỉ ghi chữ số, ví dụ --number 5 (in ra "05/BQL-VP").' in err
    assert not (q2.root / "reports").exists()
