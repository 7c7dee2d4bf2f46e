"""`nq43 report`: wiring, exit codes, messages, the issue record, atomic and reproducible output."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from issueddata import issued_repo
from notekit import SHIPPED
from nq43.cli.app import main
from reportdata import full_notes, make_repo, note

TODAY = "2025-03-12"
OUT = Path("reports") / "2025Q1"


def _run(root: Path, *args: str) -> int:
    return main(["report", "--quarter", "2025Q1", "--root", str(root), "--today", TODAY, *args])


def _files(root: Path) -> dict[str, bytes]:
    folder = root / OUT
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


def _break(notes: dict[str, str], unit: str = "qlld") -> dict[str, str]:
    path = f"data/units/{unit}/2025Q1.md"
    notes[path] = notes[path].replace("status: thuong-xuyen", "status: xong-roi", 1)
    return notes


def test_report_writes_the_docx_and_the_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes())

    assert _run(root, "--date", "2025-03-10") == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["reports/2025Q1/bao-cao-2025Q1.docx", "reports/2025Q1/bao-cao-2025Q1.md"]
    assert err.strip() == "Đã lập báo cáo 2025Q1: 8/8 đơn vị đã báo cáo, 14 nhiệm vụ."
    markdown = (root / OUT / "bao-cao-2025Q1.md").read_text(encoding="utf-8")
    assert "*Hải Phòng, ngày 10 tháng 3 năm 2025*" in markdown
    document = docx.Document(str(root / OUT / "bao-cao-2025Q1.docx"))
    assert any(p.text == "I. KẾT QUẢ THỰC HIỆN" for p in document.paragraphs)


def test_date_defaults_to_today(tmp_path: Path) -> None:
    root = make_repo(tmp_path, full_notes())

    assert _run(root) == 0
    assert "ngày 12 tháng 3 năm 2025" in (root / OUT / "bao-cao-2025Q1.md").read_text(encoding="utf-8")


def test_out_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes())
    target = tmp_path / "noi-khac"

    assert _run(root, "--out", str(target)) == 0
    assert sorted(p.name for p in target.iterdir()) == ["bao-cao-2025Q1.docx", "bao-cao-2025Q1.md"]
    assert not (root / "reports").exists()


@pytest.mark.parametrize("name", ["x.docx", "bao-cao.DOCX"])
def test_out_naming_a_docx_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    root = make_repo(tmp_path, full_notes())
    target = tmp_path / "ra" / name

    assert _run(root, "--out", str(target)) == 2
    folder = tmp_path / "ra" / Path(name).stem
    assert capsys.readouterr().err == (
        f'--out là thư mục ghi báo cáo, không phải tên tệp: "{target}". nq43 tự đặt tên bao-cao-2025Q1.docx và '
        f"bao-cao-2025Q1.md trong thư mục đó. Ví dụ: nq43 report --quarter 2025Q1 --out {folder}\n"
    )
    assert not (tmp_path / "ra").exists() and _files(root) == {}
    assert _run(root, "--out", str(target), "--lang", "en") == 2
    assert capsys.readouterr().err.startswith('--out is the folder the report is written to, not a file name: "')


def test_invalid_notes_stop_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, _break(full_notes()))

    assert _run(root) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "data/units/qlld/2025Q1.md:" in err and "lỗi:" in err
    assert err.rstrip().endswith(
        "Chưa lập báo cáo 2025Q1: có 1 lỗi ở trên. Sửa lỗi (xem `nq43 validate`), hoặc thêm --allow-invalid để bỏ "
        "qua ghi chú không hợp lệ."
    )
    assert _files(root) == {}


def test_allow_invalid_leaves_the_note_out_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, _break(full_notes()))

    assert _run(root, "--allow-invalid") == 0
    err = capsys.readouterr().err
    assert "data/units/qlld/2025Q1.md:1:1: NQ901 cảnh báo:" in err
    markdown = (root / OUT / "bao-cao-2025Q1.md").read_text(encoding="utf-8")
    assert "data/units/qlld" not in markdown
    assert "- Phòng Quản lý Lao động: chưa gửi báo cáo hợp lệ.\n" in markdown


def test_missing_unit_is_a_warning_and_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes(skip=("tnmt",)))

    assert _run(root) == 0
    err = capsys.readouterr().err
    assert (
        "data/units/tnmt/2025Q1.md:1:1: NQ902 cảnh báo: Phòng Tài nguyên và Môi trường chưa có ghi chú quý 2025Q1"
    ) in err
    assert "7/8 đơn vị đã báo cáo" in err


def test_sample_data_makes_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = full_notes()
    notes["data/units/vp/2025Q1.md"] = note("vp", sample=True)
    root = make_repo(tmp_path, notes)

    assert _run(root) == 0
    err = capsys.readouterr().err
    assert "NQ903" in err and "Đã lập báo cáo 2025Q1 (DỰ THẢO)" in err
    markdown = (root / OUT / "bao-cao-2025Q1.md").read_text(encoding="utf-8")
    assert markdown.startswith("> **DỰ THẢO** (lập từ dữ liệu mẫu)")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quarter", "2025Q5"], 'Quý "2025Q5" không hợp lệ'),
        (["--number", "5a"], 'Số báo cáo "5a" không hợp lệ'),
        (["--date", "2025-02-30"], '--date "2025-02-30" không phải ngày có thật'),
        (["--today", "2025-13-01"], '--today "2025-13-01" không phải ngày có thật'),
        (["--template-dir", "khong-co"], "Không có thư mục mẫu"),
    ],
)
def test_wrong_usage_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    root = make_repo(tmp_path, full_notes())

    assert _run(root, *args) == 2
    assert message in capsys.readouterr().err
    assert _files(root) == {}


def test_messages_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, _break(full_notes()))

    assert _run(root, "--lang", "en") == 1
    assert "Report 2025Q1 not built: 1 error(s) above." in capsys.readouterr().err


def test_template_errors_point_at_the_template_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes())
    folder = tmp_path / "mau"
    folder.mkdir()
    blocks = "".join(
        f"{{% block {n} %}}{n}{{% endblock %}}\n"
        for n in ("summary", "body", "appendix_label", "appendix_title", "appendix_note", "appendix")
    )
    (folder / "report.md.j2").write_text(blocks + "{{ nam }}\n", encoding="utf-8")

    assert _run(root, "--template-dir", str(folder)) == 1
    err = capsys.readouterr().err
    assert f"{folder.as_posix()}/report.md.j2:7:1: NQ905 lỗi: Mẫu báo cáo không dùng được: " in err
    assert 'biến "nam" không có trong dữ liệu báo cáo' in err and "is undefined" not in err
    # leaving invalid notes out cannot help with a template
    assert "--allow-invalid" not in err
    assert _files(root) == {}
    (folder / "report.md.j2").write_text(blocks + "{{ period.nam }}\n", encoding="utf-8")
    assert _run(root, "--template-dir", str(folder)) == 1
    err = capsys.readouterr().err
    assert f"{folder.as_posix()}/report.md.j2:7:1: NQ905 lỗi: " in err and 'không có trường "nam"' in err


def test_jinja_in_a_note_is_text_in_both_outputs(tmp_path: Path) -> None:
    root = make_repo(tmp_path, full_notes(results={"1.1": "Tổng {{ 7*7 }} việc {% raw %}x"}))

    assert _run(root) == 0
    markdown = (root / OUT / "bao-cao-2025Q1.md").read_text(encoding="utf-8")
    assert "Tổng {{ 7\\*7 }} việc {% raw %}x" in markdown
    document = docx.Document(str(root / OUT / "bao-cao-2025Q1.docx"))
    assert any(p.text == "Tổng {{ 7*7 }} việc {% raw %}x" for p in document.paragraphs)


def test_two_runs_give_identical_files(tmp_path: Path) -> None:
    root = make_repo(tmp_path, full_notes())

    assert _run(root, "--date", "2025-03-10") == 0
    first = _files(root)
    assert _run(root, "--date", "2025-03-10") == 0
    assert _files(root) == first


def test_a_failed_write_leaves_the_previous_report_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(tmp_path, full_notes())
    assert _run(root, "--date", "2025-03-10") == 0
    before = _files(root)

    def refuse(source: Any, target: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    assert _run(root, "--date", "2025-03-11") == 1
    err = capsys.readouterr().err
    assert "Không ghi được" in err and "No space left on device" in err and "Tệp cũ (nếu có) vẫn nguyên vẹn." in err
    assert _files(root) == before  # same files, same bytes, no temporary file left


# ---------------------------------------------------------------- --issue


def test_issue_needs_a_number_and_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes(), signed=True)

    assert _run(root, "--issue", "--date", "2025-03-10") == 2
    assert "Ban hành báo cáo cần số" in capsys.readouterr().err
    assert _run(root, "--issue", "--number", "5") == 2
    assert "cần ngày" in capsys.readouterr().err
    assert _files(root) == {}


ISSUE = ("--issue", "--number", "5", "--date", "2025-03-10")
LETTER_NUMBER = 'Công văn được trích dẫn (data/directive.yaml, letter.number: "/BQL-VP") chưa có số'
LETTER_DAY = 'Công văn được trích dẫn (data/directive.yaml, letter.date_text: "ngày    tháng 9 năm 2024") chưa có ngày'
SAMPLE = "Ghi chú data/units/vp/2025Q1.md là dữ liệu mẫu (sample: true)"
INVALID = "Ghi chú data/units/qlld/2025Q1.md không hợp lệ (1 lỗi)"
DRAFT = "Báo cáo đang được đánh dấu DỰ THẢO (--draft)"


def _refused(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    """The reasons an --issue was refused (the lines before the closing one); nothing was written."""
    assert _run(root, *ISSUE, *args) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1].startswith("Chưa ban hành báo cáo 2025Q1:") and "không ghi tệp nào" in lines[-1]
    assert _files(root) == {}
    return lines[:-1]


def _sample(notes: dict[str, str]) -> dict[str, str]:
    notes["data/units/vp/2025Q1.md"] = note("vp", sample=True)
    return notes


@pytest.mark.parametrize(
    ("notes", "args", "reason"),
    [
        (lambda: _sample(full_notes()), (), SAMPLE),
        (lambda: _break(full_notes()), (), INVALID),
        (lambda: _break(full_notes()), ("--allow-invalid",), INVALID),
        (full_notes, ("--draft",), DRAFT),
    ],
)
def test_an_issue_is_refused_for_each_reason_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], notes: Any, args: tuple[str, ...], reason: str
) -> None:
    root = make_repo(tmp_path, notes(), signed=True)

    reasons = [line for line in _refused(root, capsys, *args) if not line.startswith(("data/", "    "))]
    assert len(reasons) == 1 and reasons[0].startswith(reason)


def test_the_unsigned_letter_alone_refuses_an_issue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes())

    lines = _refused(root, capsys)
    assert len(lines) == 2 and lines[0].startswith(LETTER_NUMBER) and lines[1].startswith(LETTER_DAY)
    assert lines[0].endswith('ví dụ "125/BQL-VP".')


def test_every_reason_is_listed_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, _break(_sample(full_notes())))

    lines = _refused(root, capsys, "--draft", "--allow-invalid")
    reasons = [line for line in lines if not line.startswith(("data/", "    "))]
    expected = (LETTER_NUMBER, LETTER_DAY, SAMPLE, INVALID, DRAFT)
    assert len(reasons) == len(expected) and all(r.startswith(e) for r, e in zip(reasons, expected, strict=True))
    assert any(line.startswith("data/units/qlld/2025Q1.md:") for line in lines)  # the finding to fix, above

    assert _run(root, *ISSUE, "--draft", "--lang", "en") == 1
    err = capsys.readouterr().err
    assert 'The cited letter (data/directive.yaml, letter.number: "/BQL-VP") has no number' in err
    assert "Report 2025Q1 not issued: 5 reason(s) above, no file written." in err


def test_the_shipped_data_is_refused_for_its_unsigned_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(SHIPPED / "data", root / "data")

    lines = _refused(root, capsys)
    assert any(line.startswith(LETTER_NUMBER) for line in lines)
    assert any(line.startswith(LETTER_DAY) for line in lines)
    assert not (root / "reports").exists()


def test_units_that_did_not_report_are_named_but_do_not_stop_an_issue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(tmp_path, full_notes(skip=("vp",)), signed=True)

    assert _run(root, *ISSUE) == 0
    err = capsys.readouterr().err
    assert "Đơn vị chưa báo cáo (báo cáo vẫn ban hành, ghi rõ trong báo cáo): Văn phòng Ban Quản lý." in err
    assert "Đã ghi nhận ban hành: số 05, 7 ghi chú." in err
    assert (root / OUT / "issued.yaml").is_file()


def test_issue_records_number_date_and_every_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes(), signed=True)

    assert _run(root, "--issue", "--number", "5", "--date", "2025-03-10") == 0
    out, err = capsys.readouterr()
    assert "reports/2025Q1/issued.yaml" in out.splitlines()
    assert "Đã ghi nhận ban hành: số 05, 8 ghi chú." in err
    record = yaml.safe_load((root / OUT / "issued.yaml").read_text(encoding="utf-8"))
    assert (record["quarter"], record["number"], record["issued_on"]) == ("2025Q1", "05", "2025-03-10")
    path = "data/units/qldt/2025Q1.md"
    assert record["notes"][path] == hashlib.sha256((root / path).read_bytes()).hexdigest()
    assert len(record["notes"]) == 8


def test_an_issued_report_is_never_written_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes(), signed=True)
    assert _run(root, "--issue", "--number", "5", "--date", "2025-03-10") == 0
    issued = _files(root)
    capsys.readouterr()

    for args in ((), ("--number", "130", "--date", "2025-06-25"), ("--draft",), ("--out", str(root / OUT)), ISSUE):
        assert _run(root, *args) == 1, args
        err = capsys.readouterr().err
        assert err.startswith("Báo cáo 2025Q1 đã ban hành: số 05, ngày 10/03/2025 (reports/2025Q1/issued.yaml).")
        assert "nq43 report --quarter 2025Q1 --as-issued" in err and "--amend --number <số>" in err
        assert _files(root) == issued  # same files, same bytes

    assert _run(root, "--lang", "en") == 1
    err = capsys.readouterr().err
    assert "The 2025Q1 report was issued: number 05, 2025-03-10" in err and "does not write over" in err


def test_a_working_copy_of_an_issued_quarter_goes_elsewhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes(), signed=True)
    assert _run(root, "--issue", "--number", "5", "--date", "2025-03-10") == 0
    issued = _files(root)
    capsys.readouterr()
    path = root / "data/units/qldt/2025Q1.md"

    path.write_text(path.read_text(encoding="utf-8").replace("72,5%", "73,1%"), encoding="utf-8")
    assert _run(root, "--out", str(tmp_path / "ban-lam-viec")) == 0
    assert "data/units/qldt/2025Q1.md:1:1: NQ904 cảnh báo:" in capsys.readouterr().err

    path.write_text(note("qldt", amends="Sửa tỷ lệ lấp đầy 73,1%"), encoding="utf-8")
    assert _run(root, "--out", str(tmp_path / "ban-lam-viec")) == 0
    assert "NQ904" not in capsys.readouterr().err
    markdown = (tmp_path / "ban-lam-viec" / "bao-cao-2025Q1.md").read_text(encoding="utf-8")
    assert "- Phòng Quản lý Đầu tư, ngày 20/3/2025: Sửa tỷ lệ lấp đầy 73,1%" in markdown
    assert _files(root) == issued
    assert "Số: 05/BC-BQL" in markdown


def test_signer_option(tmp_path: Path) -> None:
    root = make_repo(tmp_path, full_notes())

    assert _run(root, "--signer", "Nguyễn Văn Tùng") == 0
    document = docx.Document(io.BytesIO((root / OUT / "bao-cao-2025Q1.docx").read_bytes()))
    signature = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    assert signature.cell(0, 1).paragraphs[-1].text == "Nguyễn Văn Tùng"


def test_indicators_show_the_previous_quarter(tmp_path: Path) -> None:
    notes = full_notes(indicators={"2.1": {"ty-le-lap-day": 72.5}})
    notes["data/units/qldt/2024Q4.md"] = note(
        "qldt", "2024Q4", submitted="2024-12-05", indicators={"2.1": {"ty-le-lap-day": 70.1}}
    )
    notes["data/units/tnmt/2024Q4.md"] = "---\nunit: tnmt\n---\nkhông hợp lệ"
    root = make_repo(tmp_path, notes)

    assert _run(root) == 0
    markdown = (root / OUT / "bao-cao-2025Q1.md").read_text(encoding="utf-8")
    assert "| Quý I/2025 | Quý IV/2024 |" in markdown
    assert "| 1 | Tỷ lệ lấp đầy bình quân các khu công nghiệp | % | 72,5 | 70,1 |  |" in markdown


def test_a_template_folder_must_hold_the_report_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, full_notes())
    (tmp_path / "rong").mkdir()

    assert _run(root, "--template-dir", str(tmp_path / "rong")) == 2
    assert "chứa report.md.j2 (--template-dir)" in capsys.readouterr().err


def test_a_template_linked_outside_the_repository_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(tmp_path / "kho", full_notes())
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("MẬT KHẨU CỦA MÁY CHỦ\n", encoding="utf-8")
    templates = root / "templates"
    templates.mkdir(exist_ok=True)
    packaged = SHIPPED / "src/nq43/report/templates/report.md.j2"
    text = packaged.read_text(encoding="utf-8")
    text = text.replace("{% block summary %}", '{% include "x.md" %}\n{% block summary %}', 1)
    (templates / "report.md.j2").write_text(text, encoding="utf-8")
    (templates / "x.md").symlink_to(secret)

    assert _run(root) == 1
    err = capsys.readouterr().err
    reason = f"tệp mẫu là liên kết dẫn ra ngoài kho ({secret.resolve()})"
    assert f"templates/x.md:1:1: NQ905 lỗi: Mẫu báo cáo không dùng được: {reason}" in err
    assert _files(root) == {}

    (templates / "x.md").unlink()  # a link that stays inside the repository is only a file of the repository
    (templates / "x.md").symlink_to(root / "data/units/qldt/unit.yaml")
    assert _run(root) == 0


def test_a_templates_folder_linked_outside_the_repository_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(tmp_path / "kho", full_notes())
    outside = tmp_path / "mau-ngoai"
    outside.mkdir()
    packaged = SHIPPED / "src/nq43/report/templates/report.md.j2"
    (outside / "report.md.j2").write_bytes(packaged.read_bytes())
    shutil.rmtree(root / "templates", ignore_errors=True)
    (root / "templates").symlink_to(outside)

    assert _run(root) == 1
    assert "templates:1:1: NQ905" in capsys.readouterr().err
    assert _run(root, "--template-dir", str(outside)) == 0  # a folder the user names is the user's choice


# ---------------------------------------------------------------- --as-issued, --amend


def _run_q2(root: Path, *args: str) -> int:
    return main(["report", "--quarter", "2025Q2", "--root", str(root), "--today", "2025-06-25", *args])


def test_as_issued_and_amend_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = issued_repo(tmp_path)
    capsys.readouterr()

    assert _run_q2(root, "--as-issued", "--amend") == 2
    assert "Dùng --as-issued hoặc --amend, không dùng cả hai." in capsys.readouterr().err

    assert _run_q2(root, "--as-issued", "--lang", "en") == 0
    err = capsys.readouterr().err
    assert "reports/2025Q2/bao-cao-2025Q2.md: identical, byte for byte, to the issued file." in err

    (root / "reports/2025Q2/bao-cao-2025Q2.md").write_text("sửa tay\n", encoding="utf-8")
    assert _run_q2(root, "--as-issued") == 1
    err = capsys.readouterr().err
    size = len("sửa tay\n".encode())
    assert f"reports/2025Q2/bao-cao-2025Q2.md: KHÁC bản dựng lại ({size} byte, bản dựng lại " in err
    assert "không khớp bản dựng lại từ issued.yaml" in err
    assert (root / "reports/2025Q2/bao-cao-2025Q2.md").read_text(encoding="utf-8") == "sửa tay\n"

    assert _run_q2(root, "--amend", "--lang", "en") == 1
    assert "Nothing to amend: the 2025Q2 notes are as report number 112 used them." in capsys.readouterr().err
