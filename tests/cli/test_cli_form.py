"""`nq43 new --docx` writes the Word form; `nq43 import` turns a filled one into the Markdown note; a form shows
in `validate` and `status` as its Markdown twin would."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest

from formkit import TWIN, empty_form, filled_form
from notekit import cli_repo, run_cli
from nq43.domain.records import Amendment
from nq43.load.formwords import LATE_REASON
from nq43.load.notes import parse_note, read_note

FORM = "data/units/qldt/2025Q2.docx"
NOTE = "data/units/qldt/2025Q2.md"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cli_repo(tmp_path, monkeypatch)


def test_new_docx_writes_the_form_and_never_over_a_note(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "new", "--unit", "qldt", "--quarter", "2025Q2", "--docx")
    assert code == 0 and out == FORM + "\n" and "biểu mẫu Word" in err
    assert (root / FORM).read_bytes()[:2] == b"PK"
    assert read_note(root / FORM, FORM).note is not None

    again, _, err = run_cli(capsys, "new", "--unit", "qldt", "--quarter", "2025Q2", "--docx")
    assert again == 2 and "không ghi đè" in err
    first = (root / FORM).read_bytes()
    (root / FORM).unlink()
    with patch("time.time", return_value=time.time() + 86_400 * 400):  # a later day: zip times, core times
        run_cli(capsys, "new", "--unit", "qldt", "--quarter", "2025Q2", "--docx")
    assert (root / FORM).read_bytes() == first  # the same form, byte for byte
    (root / FORM).unlink()
    (root / NOTE).write_text(TWIN, encoding="utf-8")
    code, _, err = run_cli(capsys, "new", "--unit", "qldt", "--quarter", "2025Q2", "--docx")
    assert code == 2 and NOTE in err and not (root / FORM).exists()


def test_new_docx_for_an_issued_quarter_fills_the_corrections_table(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (root / "reports/2025Q2").mkdir(parents=True)
    (root / "reports/2025Q2/issued.yaml").write_text(
        "quarter: 2025Q2\nnumber: '45'\nissued_on: 2025-06-20\ncommit: null\nnotes: {}\n", encoding="utf-8"
    )
    code, out, err = run_cli(capsys, "new", "--unit", "qldt", "--quarter", "2025Q2", "--docx")
    assert code == 0 and out == FORM + "\n"
    assert "đính chính" in err and "Đính chính" in err and LATE_REASON in err and "NQ812" in err
    note = read_note(root / FORM, FORM).note
    assert note is not None and note.amends == (Amendment(date.today(), LATE_REASON),)


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("https://github.com/bql-hp/nq43", "https://github.com/bql-hp/nq43/upload/main/data/units/qldt"),
        ("git@gitlab.example.vn:bql/nq43.git", "https://gitlab.example.vn/bql/nq43/-/tree/main/data/units/qldt"),
    ],
)
def test_new_docx_link_prints_the_upload_page(
    root: Path, capsys: pytest.CaptureFixture[str], url: str, page: str
) -> None:
    code, out, err = run_cli(
        capsys, "new", "--unit", "qldt", "--quarter", "2025Q2", "--docx", "--link", "--repo-url", url
    )
    assert code == 0 and out.splitlines() == [FORM, page] and "Upload file" in err


def test_a_filled_form_validates_and_counts_in_status(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / FORM).write_bytes(filled_form())
    code, out, err = run_cli(capsys, "validate", "--today", "2025-07-01")
    assert code == 0, out + err

    code, out, _ = run_cli(capsys, "status", "--quarter", "2025Q2", "--today", "2025-07-01", "--format", "json")
    (root / FORM).unlink()
    (root / NOTE).write_text(TWIN, encoding="utf-8")
    _, twin, _ = run_cli(capsys, "status", "--quarter", "2025Q2", "--today", "2025-07-01", "--format", "json")
    assert code == 0 and out.replace(FORM, NOTE) == twin


def test_a_wrong_form_is_reported_at_the_place_a_clerk_finds(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / FORM).write_bytes(empty_form())
    code, out, _ = run_cli(capsys, "validate", "--today", "2025-07-01", "--format", "json")
    assert code == 1
    assert '"place": "mục 2.1 › Kết quả"' in out and '"place": "phần thông tin chung, dòng Ngày gửi"' in out
    _, text, _ = run_cli(capsys, "validate", "--today", "2025-07-01")
    assert f"{FORM} [mục 2.3 › Kết quả]: NQ504 lỗi: " in text and f"{FORM}:" not in text  # no line numbers


def test_import_writes_the_markdown_that_reads_as_the_form(
    root: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    mailed = tmp_path / "bao cao qldt.docx"
    mailed.write_bytes(filled_form())
    code, out, err = run_cli(
        capsys,
        "import",
        str(mailed),
        "--unit",
        "qldt",
        "--quarter",
        "2025Q2",
        "--received",
        "2025-06-08",
        "--today",
        "2025-07-01",
    )
    assert code == 0, out + err
    assert out.splitlines() == [NOTE]
    written = read_note(root / NOTE, NOTE)
    form = read_note(mailed, FORM)
    assert written.findings == () and written.note is not None and form.note is not None
    assert str(written.note.submitted) == "2025-06-08"
    assert written.note == form.note._replace(path=NOTE, submitted=written.note.submitted)
    twin = parse_note(TWIN.replace("submitted: 2025-06-05", "submitted: 2025-06-08"), NOTE).note
    assert twin is not None
    assert written.note.tasks == twin.tasks and written.note.next_quarter == twin.next_quarter

    again, _, err = run_cli(capsys, "import", str(mailed), "--unit", "qldt", "--quarter", "2025Q2")
    assert again == 2 and "không ghi đè" in err


def test_import_refuses_another_unit_or_a_file_that_is_no_form(
    root: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    mailed = tmp_path / "x.docx"
    mailed.write_bytes(filled_form())
    code, _, err = run_cli(capsys, "import", str(mailed), "--unit", "qhxd", "--quarter", "2025Q2")
    assert code == 2 and 'đơn vị "qldt"' in err
    mailed.write_bytes(b"not a zip")
    code, _, err = run_cli(capsys, "import", str(mailed), "--unit", "qldt", "--quarter", "2025Q2")
    assert code == 1 and "NQ120" in err and not (root / NOTE).exists()
