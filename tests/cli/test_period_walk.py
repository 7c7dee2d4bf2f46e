"""A half-year as the Office lives it, with real git: the units' notes for two quarters land on their days, the
six-month report is issued, a plain regenerate is refused (naming `--period 2025H1`), and `--as-issued` rebuilds
it byte for byte from the note versions of both quarters at the recorded commit."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from gitdata import GIT_ENV, git
from nq43.cli.app import main
from reportdata import make_repo, note

PERIOD = "2025H1"
FOLDER = Path("reports") / PERIOD
# unit -> (the day its note says it was submitted, the day it was merged: the one that counts)
NOTES = {
    "2025Q1": {"qldt": ("2025-03-05", "2025-03-05"), "vp": ("2025-03-07", "2025-03-12")},  # vp merged late
    "2025Q2": {"qldt": ("2025-06-05", "2025-06-05"), "vp": ("2025-06-06", "2025-06-06")},
}


def land(root: Path, day: str, message: str) -> None:
    """Commit everything as merged on `day` (the committer date is the day a note counts as submitted)."""
    stamp = f"{day}T09:00:00+07:00"
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def report(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["report", "--period", PERIOD, "--root", str(root), "--today", "2025-07-15", *args])
    return code, capsys.readouterr().err


def files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / FOLDER).iterdir()) if p.is_file()}


def test_a_half_year_is_issued_refused_on_regenerate_and_rebuilt_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(tmp_path, signed=True)
    git(root, "init", "-q", "-b", "main")
    land(root, "2025-02-20", "Công văn và đơn vị")
    for quarter, units in NOTES.items():
        for unit, (submitted, merged) in units.items():
            path = root / "data" / "units" / unit / f"{quarter}.md"
            path.write_text(note(unit, quarter, submitted=submitted), encoding="utf-8")
            land(root, merged, f"Ghi chú {quarter} của {unit}")

    # 1. The six-month report is issued and committed.
    code, said = report(root, capsys, "--number", "150", "--date", "2025-07-10", "--issue")
    assert code == 0, said
    assert "Đã ghi nhận ban hành: số 150, 4 ghi chú." in said
    land(root, "2025-07-15", "Ban hành báo cáo 6 tháng số 150")
    issued = files(root)
    assert sorted(issued) == ["bao-cao-2025H1.docx", "bao-cao-2025H1.md", "issued.yaml"]
    record = yaml.safe_load(issued["issued.yaml"])
    assert sorted(record["notes"]) == sorted(f"data/units/{u}/{q}.md" for q, us in NOTES.items() for u in us)
    text = issued["bao-cao-2025H1.md"].decode("utf-8")
    assert "Số: 150/BC-BQL" in text and "6 tháng đầu năm 2025" in text
    assert "| Văn phòng Ban Quản lý | Quý II | Quý I |" in text  # dated by git: merged after the due date

    # 2. A plain regenerate, with or without a number, is refused, naming the half-year's own option.
    code, said = report(root, capsys)
    assert code == 1
    assert said.startswith("Báo cáo 2025H1 đã ban hành: số 150, ngày 10/07/2025")
    assert "nq43 report --period 2025H1 --as-issued" in said and "--quarter" not in said
    assert report(root, capsys, "--number", "151", "--date", "2025-07-15")[0] == 1
    assert files(root) == issued

    # 3. --as-issued rebuilds it from both quarters' notes at the recorded commit, byte for byte; a lost file
    # is restored exactly.
    code, said = report(root, capsys, "--as-issued")
    assert code == 0, said
    assert "reports/2025H1/bao-cao-2025H1.docx: khớp từng byte với bản đã ban hành." in said
    assert "reports/2025H1/bao-cao-2025H1.md: khớp từng byte với bản đã ban hành." in said
    (root / FOLDER / "bao-cao-2025H1.docx").unlink()
    assert report(root, capsys, "--as-issued")[0] == 0
    assert files(root) == issued

    # 4. Later, after a note of the next quarter landed and vp's Q1 note was changed, it still rebuilds exactly.
    note_q1 = root / "data" / "units" / "vp" / "2025Q1.md"
    note_q1.write_text(note_q1.read_text(encoding="utf-8").replace("progress: 65", "progress: 66"), encoding="utf-8")
    path = root / "data" / "units" / "qldt" / "2025Q3.md"
    path.write_text(note("qldt", "2025Q3", submitted="2025-09-05"), encoding="utf-8")
    land(root, "2025-09-05", "Ghi chú quý III; vp sửa quý I")
    capsys.readouterr()
    assert main(["report", "--period", PERIOD, "--root", str(root), "--today", "2025-09-20", "--as-issued"]) == 0
    assert capsys.readouterr().err.count("khớp từng byte với bản đã ban hành") == 2


def test_a_half_year_is_not_amended_the_quarter_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, signed=True)

    code, said = report(root, capsys, "--amend", "--number", "151", "--date", "2025-07-15", "--issue")

    assert code == 2 and "Traceback" not in said  # a usage refusal, as --amend without a number
    assert "Báo cáo bổ sung/đính chính chỉ lập cho báo cáo quý" in said
    assert "(--quarter 2025Q1, --quarter 2025Q2)" in said and "nq43 report --quarter 2025Q2 --amend" in said
    assert not (root / "reports").exists()
    code = main(["report", "--period", "2025", "--root", str(root), "--amend", "--lang", "en"])
    assert code == 2 and "--quarter 2025Q4)" in capsys.readouterr().err


def test_every_suggested_command_names_the_period_as_it_was_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(tmp_path, signed=True)

    code, said = report(root, capsys, "--as-issued")
    assert code == 1 and "Ban hành trước: nq43 report --period 2025H1 --number <số>" in said
    code, said = report(root, capsys, "--out", str(tmp_path / "x.docx"))
    assert code == 2 and f"nq43 report --period 2025H1 --out {tmp_path / 'x'}" in said
