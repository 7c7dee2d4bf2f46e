"""`nq43 new`: writes a unit's skeleton, never overwrites, refuses bad units and quarters."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from notekit import SHIPPED, cli_repo, run_cli, tree_digest
from nq43.domain.records import Quarter
from nq43.load.directive import load_directive
from nq43.submission.skeleton import skeleton

TARGET = "data/units/qldt/2025Q1.md"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cli_repo(tmp_path, monkeypatch)


run = run_cli


def expected_skeleton(unit_id: str, quarter: Quarter, name: str = "") -> str:
    directive, _ = load_directive(SHIPPED)
    assert directive is not None
    unit = directive.unit(unit_id)
    assert unit is not None
    return skeleton(directive, unit, quarter, name)


def test_new_writes_the_skeleton(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "new",
        "--unit",
        "qldt",
        "--quarter",
        "2025Q1",
        "--prepared-by",
        "Nguyễn Văn An",
    )
    assert (code, out, err) == (0, f"{TARGET}\n", f"Đã tạo {TARGET}.\n")
    written = (root / TARGET).read_text(encoding="utf-8")
    assert written == expected_skeleton("qldt", Quarter(2025, 1), "Nguyễn Văn An")
    # the new note is ready to fill in: only its blank day of submission and empty results stop it
    code, out, _ = run(capsys, "validate", "--today", "2025-04-01", "--format", "json")
    assert code == 1
    codes = [line.strip() for line in out.splitlines() if '"code"' in line]
    assert codes == ['"code": "NQ308",'] + ['"code": "NQ504",'] * 4


def test_new_in_english_from_a_subfolder(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(root / "data")
    monkeypatch.setenv("NQ43_TODAY", "2025-06-05")
    code, out, err = run(capsys, "new", "--unit", "ttdvvl", "--quarter", "2025Q2", "--lang", "en")
    assert (code, out, err) == (0, "data/units/ttdvvl/2025Q2.md\n", "Created data/units/ttdvvl/2025Q2.md.\n")
    written = (root / "data/units/ttdvvl/2025Q2.md").read_text(encoding="utf-8")
    assert "\nsubmitted:  # " in written and "2025-06-05" not in written  # the day is the unit's to write


def test_new_never_overwrites(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / TARGET).write_text("ghi chú đã viết\n", encoding="utf-8")
    code, out, err = run(capsys, "new", "--unit", "qldt", "--quarter", "2025Q1")
    assert (code, out) == (2, "")
    assert err == f"{TARGET} đã có; nq43 không ghi đè ghi chú. Sửa trực tiếp tệp đó.\n"
    assert (root / TARGET).read_text(encoding="utf-8") == "ghi chú đã viết\n"
    assert run(capsys, "new", "--unit", "qldt", "--quarter", "2025Q1", "--lang", "en")[2] == (
        f"{TARGET} already exists; nq43 never overwrites a note. Edit it instead.\n"
    )


@pytest.mark.parametrize("unit", ["../x", "../../etc", "qldt/../vp", "QLDT", "", "khong-co"])
def test_bad_unit_is_rejected_and_nothing_written(root: Path, capsys: pytest.CaptureFixture[str], unit: str) -> None:
    before = tree_digest(root.parent)
    code, out, err = run(capsys, "new", "--unit", unit, "--quarter", "2025Q1")
    assert (code, out) == (2, "")
    assert err == (f'Không có đơn vị "{unit}". Các mã đơn vị: vp, qldt, qhxd, dngsdt, qlld, tnmt, vpdd, ttdvvl.\n')
    assert tree_digest(root.parent) == before


@pytest.mark.parametrize("quarter", ["2025Q5", "2025Q0", "2025-Q1", "Q1/2025", "25Q1", "../2025Q1"])
def test_bad_quarter_is_rejected(root: Path, capsys: pytest.CaptureFixture[str], quarter: str) -> None:
    before = tree_digest(root)
    code, out, err = run(capsys, "new", "--unit", "qldt", "--quarter", quarter)
    assert (code, out) == (2, "")
    assert err == f'Quý "{quarter}" không hợp lệ: ghi dạng NĂMQsố, số từ 1 đến 4, ví dụ 2025Q1.\n'
    assert tree_digest(root) == before
    assert run(capsys, "new", "--unit", "qldt", "--quarter", quarter, "--lang", "en")[2] == (
        f'Quarter "{quarter}" is not valid: write YYYYQn with n from 1 to 4, e.g. 2025Q1.\n'
    )


def test_stdout_prints_and_writes_nothing(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_digest(root)
    code, out, err = run(capsys, "new", "--unit", "vp", "--quarter", "2025Q3", "--stdout")
    assert (code, err) == (0, "")
    assert out == expected_skeleton("vp", Quarter(2025, 3))
    assert tree_digest(root) == before


def test_missing_option_is_a_usage_error(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "new", "--unit", "qldt")
    assert code == 2
    assert err == "Cách dùng: nq43 new [OPTIONS]\nXem `nq43 new --help`.\n\nLỗi: thiếu tuỳ chọn --quarter.\n"
    # --lang en keeps click's English
    code, _, err = run(capsys, "new", "--unit", "qldt", "--lang", "en")
    assert code == 2
    assert "Error: Missing option '--quarter'." in err


def test_unusable_directive_exits_1_with_its_findings(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "data" / "directive.yaml").write_text("units: [\n", encoding="utf-8")
    code, out, err = run(capsys, "new", "--unit", "qldt", "--quarter", "2025Q1")
    assert (code, out) == (1, "")
    assert err.startswith("data/directive.yaml:2:1: NQ204 lỗi: Lỗi cú pháp YAML:")
    assert not (root / TARGET).exists()


QLDT_Q1 = (SHIPPED / "data/units/qldt/2025Q1.md").read_text(encoding="utf-8")


def test_new_starts_from_the_previous_note(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / TARGET).write_text(QLDT_Q1, encoding="utf-8")
    code, out, err = run(capsys, "new", "--unit", "qldt", "--quarter", "2025Q2", "--prepared-by", "An")
    assert (code, out) == (0, "data/units/qldt/2025Q2.md\n")
    assert err == (
        "Đã tạo data/units/qldt/2025Q2.md.\n"
        f'Trạng thái, tiến độ và chỉ tiêu chép từ {TARGET}: sửa theo quý này các dòng ghi "— cập nhật"; '
        "ghi ngày nộp ở submitted: khi nộp.\n"
    )
    written = (root / "data/units/qldt/2025Q2.md").read_text(encoding="utf-8")
    # 2.4 was not started in Q1: the Q2 skeleton says so, marked to update, instead of resetting it
    assert '  "2.4":\n    status: chua-thuc-hien  # quý 2025Q1: chua-thuc-hien — cập nhật (' in written
    assert "    progress: 60  # quý 2025Q1: 60 — cập nhật; tiến độ, phần trăm\n" in written
    assert "      ty-le-lap-day: 72.5  # quý 2025Q1: 72.5 — cập nhật; " in written
    english = run(capsys, "new", "--unit", "qldt", "--quarter", "2025Q3", "--stdout", "--lang", "en")[2]
    assert english == (  # the latest earlier note that can be read: the Q2 one just made
        "Statuses, progress and indicators carried from data/units/qldt/2025Q2.md: "
        'update the lines marked "— cập nhật"; '
        "write the day of submission in submitted: when submitting.\n"
    )


def test_new_for_an_issued_quarter_says_amends_is_needed(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "reports/2025Q1").mkdir(parents=True)
    (root / "reports/2025Q1/issued.yaml").write_text(
        "quarter: 2025Q1\nnumber: '45'\nissued_on: 2025-03-20\ncommit: null\nnotes: {}\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "new", "--unit", "qldt", "--quarter", "2025Q1")
    assert (code, out) == (0, f"{TARGET}\n")
    assert err == (
        f"Đã tạo {TARGET}.\n"
        "Báo cáo quý 2025Q1 đã phát hành (số 45, ngày 2025-03-20): ghi chú này là đính chính, phải thêm trước "
        'dòng tasks: một dòng amends: [{date: YYYY-MM-DD, reason: "..."}] (ngày sửa và lý do).\n'
    )
    written = (root / TARGET).read_text(encoding="utf-8")
    assert '\n# amends: [{date: YYYY-MM-DD, reason: "..."}]\ntasks:\n' in written
    assert "đã phát hành (số 45, ngày 2025-03-20)" in written
    # a quarter not issued says nothing of amends
    assert "amends" not in run(capsys, "new", "--unit", "qldt", "--quarter", "2025Q2", "--stdout")[1]


def test_new_link_leaves_submitted_for_the_unit(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NQ43_TODAY", "2025-06-05")  # the day the Office makes the link: not the unit's
    code, out, err = run(
        capsys,
        "new",
        "--unit",
        "qldt",
        "--quarter",
        "2025Q2",
        "--link",
        "--repo-url",
        "https://github.com/bql-hp/nq43",
    )
    assert code == 0 and "Commit changes" in err
    value = parse_qs(urlsplit(out.strip()).query)["value"][0]
    assert "\nsubmitted:  # ngày nộp, ghi khi nộp, dạng NĂM-THÁNG-NGÀY\n" in value
    assert "2025-06-05" not in value
