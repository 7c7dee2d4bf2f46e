"""`nq43 check` and `nq43 new --link` from the command line, on real git repositories: wiring, exit codes, output."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from formkit import filled_form, opened, save, set_amendment, set_cell
from gitdata import clone, commit_all, git, make_origin, note_text, write
from nq43.cli.app import main
from nq43.domain.periods import Period
from nq43.domain.records import Quarter
from nq43.load import issued as issuance
from nq43.load.formwords import LATE_REASON
from nq43.load.issued import IssueRecord, content_hash

NOTE = "data/units/qldt/2025Q1.md"
CI_VARIABLES = (
    "GITHUB_ACTIONS",
    "GITHUB_ACTOR",
    "GITHUB_EVENT_PATH",
    "GITHUB_BASE_REF",
    "GITLAB_CI",
    "GITLAB_USER_LOGIN",
    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
    "NQ43_ROOT",
    "NQ43_LANG",
    "NQ43_TODAY",
)


@pytest.fixture(autouse=True)
def outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests run in CI too: its variables must not leak into the commands under test."""
    for name in CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NQ43_TODAY", "2025-03-12")


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    return make_origin(tmp_path / "origin")


@pytest.fixture
def branch(origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A unit's clone, on a branch off main, as the current folder."""
    work = clone(origin, tmp_path / "work")
    git(work, "checkout", "-q", "-b", "qldt-2025q1")
    monkeypatch.chdir(work)
    return work


def submit(work: Path, path: str = NOTE, text: str | bytes | None = None) -> None:
    write(work, path, text if text is not None else note_text(work, path.split("/")[2], path.split("/")[3][:6]))
    commit_all(work, f"Nộp {path}")


def test_a_clean_submission_passes(branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    submit(branch)
    assert main(["check", "--actor", "bql-qldt-anh"]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "So với: origin/main (1 tệp thay đổi)\n"
        "Đơn vị: 2. Phòng Quản lý Đầu tư (qldt)\n"
        "Người nộp: bql-qldt-anh — có trong danh sách người nộp của đơn vị\n"
        "Ghi chú: data/units/qldt/2025Q1.md (thêm mới) — hợp lệ\n"
    )
    assert err == "Kết quả: đạt (0 lỗi, 0 cảnh báo).\n"


def test_the_actor_used_is_shown_when_no_unit_folder_is_touched(
    branch: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(branch, "docs/ghi-chu-them.md", "Thêm.\n")
    commit_all(branch, "Sửa tài liệu")
    assert main(["check", "--actor", "bql-vp-minh"]) == 0
    assert "Người nộp: bql-vp-minh — tài khoản của Văn phòng, nộp thay đơn vị\n" in capsys.readouterr().out
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["check", "--actor", "ai-do"]) == 1
    assert "Người nộp: ai-do — không có trong danh sách của Văn phòng\n" in capsys.readouterr().out
    # in CI without an author to read, it does not claim to be outside CI
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "Người nộp: không kiểm tra (không biết người mở pull request" in out and "thêm --actor" in out


def test_the_actor_comes_from_github_actions(
    branch: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pull request's author counts, not GITHUB_ACTOR: a submitter pushing the last commit to a stranger's
    pull request does not make it the submitter's."""
    submit(branch)
    event = branch.parent / "event.json"
    event.write_text(json.dumps({"pull_request": {"user": {"login": "bql-vpdd-ngoc"}}}), encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_ACTOR", "bql-qldt-anh")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    assert main(["check", "--format", "github"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith(
        '::error file=data/units/qldt/2025Q1.md,line=1,col=1,title=NQ802::Tài khoản "bql-vpdd-ngoc" '
        "không có trong danh sách người nộp của đơn vị qldt (data/units/qldt/unit.yaml).%0A"
    )
    assert err == "Kết quả: chưa đạt (1 lỗi, 0 cảnh báo).\n"


def test_the_actor_comes_from_gitlab_ci(
    branch: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    submit(branch)
    monkeypatch.setenv("GITLAB_CI", "true")
    monkeypatch.setenv("GITLAB_USER_LOGIN", "bql-qldt-anh")
    monkeypatch.setenv("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
    assert main(["check", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["actor"] == {"login": "bql-qldt-anh", "service": "gitlab", "role": "submitter"}
    assert data["base"] == "origin/main" and data["ok"] is True


def test_an_invalid_note_fails_with_the_same_findings_as_validate(
    branch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = note_text(branch, "qldt").replace('"2.4":', '"2.5":').replace("## 2.4.", "## 2.5.")
    submit(branch, text=text)
    assert main(["check", "--format", "github"]) == 1
    checked = capsys.readouterr().out
    assert main(["validate", NOTE, "--format", "github"]) == 1
    validated = capsys.readouterr().out
    assert checked == validated
    assert "title=NQ404" in checked and "title=NQ502" in checked


def test_another_units_note(branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    submit(branch)
    submit(branch, "data/units/vp/2025Q1.md")
    assert main(["check", "--actor", "bql-qldt-anh", "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert (
        "data/units/vp/2025Q1.md:1:1: NQ801 error: This file is in the folder of unit vp, but this pull request "
        "submits for unit qldt; a pull request may change one unit's folder only."
    ) in out
    assert err == "Result: failed (1 error(s), 0 warning(s)).\n"


def test_summary_is_appended_for_the_ci(branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    submit(branch)
    summary = tmp_path / "step-summary.md"
    summary.write_text("# Bước trước\n", encoding="utf-8")
    assert main(["check", "--format", "github", "--summary", str(summary)]) == 0
    assert capsys.readouterr().out == ""  # nothing to annotate
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Bước trước\n## ✅ nq43: bài nộp hợp lệ (0 lỗi, 0 cảnh báo)\n")
    assert "| 2.1. Rà soát tiến độ các khu công nghiệp, nâng cao tỷ lệ lấp đầy | Thường xuyên | — |" in text
    assert main(["check", "--summary", str(tmp_path / "khong-co" / "x.md")]) == 1
    assert "Không ghi được bản tóm tắt" in capsys.readouterr().err


def test_a_shallow_ci_clone_is_completed(
    origin: Path, branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    submit(branch)
    git(branch, "push", "-q", "origin", "qldt-2025q1")
    shallow = clone(origin, tmp_path / "ci", "--depth", "1", "--branch", "qldt-2025q1")
    monkeypatch.chdir(shallow)
    assert main(["check"]) == 0
    assert capsys.readouterr().err == (
        "Đã tải thêm lịch sử: git fetch origin main\n"
        "Đã tải thêm lịch sử: git fetch --deepen=50 origin\n"
        "Kết quả: đạt (0 lỗi, 0 cảnh báo).\n"
    )


def test_usage_errors_exit_2(
    branch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    submit(branch)
    assert main(["check", "--base", "origin/khong-co"]) == 2
    assert 'Không tìm thấy nhánh gốc "origin/khong-co"' in capsys.readouterr().err
    assert main(["check", "--format", "pdf"]) == 2
    capsys.readouterr()
    plain = make_origin(tmp_path / "plain")
    (plain / ".git").rename(tmp_path / "moved.git")
    monkeypatch.chdir(plain)
    assert main(["check"]) == 2
    assert "không nằm trong một kho git" in capsys.readouterr().err


def test_a_broken_directive_stops_the_check(branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    submit(branch, "data/directive.yaml", "letter: [\n")
    assert main(["check"]) == 1  # not the Office: the base's directive is used and the change refused
    out, err = capsys.readouterr()
    assert out.startswith("So với: origin/main") and "data/directive.yaml:1:1: NQ810 lỗi" in out
    assert main(["check", "--actor", "bql-vp-minh"]) == 1  # the Office's change is checked as such
    out, err = capsys.readouterr()
    assert out.startswith("data/directive.yaml:2:1: NQ204 lỗi: Lỗi cú pháp YAML")
    assert err == "Không đọc được công văn (data/directive.yaml) nên chưa kiểm tra được bài nộp.\n"


@pytest.fixture
def issued(origin: Path) -> Path:
    """main after the 2025Q1 report was issued from qldt's note."""
    write(origin, NOTE, note_text(origin, "qldt"))
    record = IssueRecord(
        Period.of(Quarter(2025, 1)),
        "45/BC-BQL",
        date(2025, 3, 20),
        None,
        {NOTE: content_hash((origin / NOTE).read_bytes())},
    )
    write(origin, "reports/2025Q1/issued.yaml", issuance.dump(record))
    commit_all(origin, "Phát hành báo cáo quý I")
    return origin


def test_amending_an_issued_note(
    issued: Path, branch: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NQ43_TODAY", "2025-04-02")
    submit(branch, text=note_text(branch, "qldt", results="Đã rà soát 14 khu công nghiệp."))
    assert main(["check", "--actor", "bql-qldt-anh"]) == 1
    out = capsys.readouterr().out
    assert (
        "NQ804 lỗi: Báo cáo quý I năm 2025 đã phát hành (số 45/BC-BQL, ngày 2025-03-20); ghi chú này chỉ được sửa "
        'khi thêm một mục mới vào "amends:" ghi ngày và lý do sửa.'
    ) in out

    # Rewriting the issue record in the same branch does not help: the record is read from main.
    changed = (branch / NOTE).read_bytes()
    record = issuance.read(branch, Period.of(Quarter(2025, 1)))
    assert record is not None
    write(
        branch,
        "reports/2025Q1/issued.yaml",
        issuance.dump(IssueRecord(record.period, record.number, record.issued_on, None, {NOTE: content_hash(changed)})),
    )
    commit_all(branch, "Sửa hồ sơ phát hành")
    assert main(["check", "--actor", "bql-qldt-anh"]) == 1
    out = capsys.readouterr().out
    assert "NQ804" in out and "Cần Văn phòng xem xét:\n  - reports/2025Q1/issued.yaml (sửa)\n" in out

    git(branch, "checkout", "-q", "origin/main", "--", "reports")
    amends = 'amends:\n  - date: 2025-04-01\n    reason: "Sửa số khu công nghiệp đã rà soát"'
    submit(branch, text=note_text(branch, "qldt", results="Đã rà soát 14 khu công nghiệp.", extra_front=amends))
    assert main(["check", "--actor", "bql-qldt-anh", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "Báo cáo quý này đã phát hành (số 45/BC-BQL, ngày 20/3/2025): thay đổi là đính chính." in out
    assert "- Đính chính mới (1/4/2025): Sửa số khu công nghiệp đã rà soát" in out


def test_new_link_for_github(branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(branch, "remote", "set-url", "origin", "git@github.com:bql-hp/nq43.git")
    assert main(["new", "--unit", "qldt", "--quarter", "2025Q1", "--link"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("https://github.com/bql-hp/nq43/new/main/data/units/qldt?filename=2025Q1.md&value=---%0A")
    assert out.count("\n") == 1 and len(out) < 8000
    assert "Commit changes" in err
    assert not (branch / NOTE).exists()  # a link, not a file


def test_new_link_for_gitlab_by_repo_url(branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "new",
                "--unit",
                "vp",
                "--quarter",
                "2025Q1",
                "--link",
                "--branch",
                "chinh",
                "--repo-url",
                "https://git.bql.gov.vn/bql/nq43.git",
                "--forge",
                "gitlab",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.startswith(
        "https://git.bql.gov.vn/bql/nq43/-/new/chinh/data/units/vp?file_name=2025Q1.md&content="
    )


def test_new_link_without_a_web_remote(branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--unit", "qldt", "--quarter", "2025Q1", "--link"]) == 2  # origin is a local folder
    assert "--repo-url" in capsys.readouterr().err
    git(branch, "remote", "remove", "origin")
    assert main(["new", "--unit", "qldt", "--quarter", "2025Q1", "--link"]) == 2
    assert 'Kho chưa có remote "origin"' in capsys.readouterr().err


def test_a_word_form_sent_after_the_report_was_issued_passes_with_its_correction_row(
    origin: Path, branch: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    record = IssueRecord(Period.of(Quarter(2025, 2)), "61/BC-BQL", date(2025, 6, 20), None, {})
    write(origin, "reports/2025Q2/issued.yaml", issuance.dump(record))
    commit_all(origin, "Phát hành báo cáo quý II")
    git(branch, "pull", "-q", "--rebase", "origin", "main")
    monkeypatch.setenv("NQ43_TODAY", "2025-07-02")
    form = "data/units/qldt/2025Q2.docx"
    document = opened(filled_form())
    submit(branch, form, save(document))  # uploaded as the web page does it, without the correction row
    assert main(["check", "--actor", "bql-qldt-anh"]) == 1
    out = capsys.readouterr().out
    assert f"{form}: NQ812 lỗi: " in out and "bảng Đính chính" in out and "amends" not in out

    set_amendment(document, 1, "02/07/2025", LATE_REASON)
    submit(branch, form, save(document))
    assert main(["check", "--actor", "bql-qldt-anh", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert f"- Đính chính mới (2/7/2025): {LATE_REASON}" in out


def test_a_word_form_changed_after_its_report_was_issued_needs_a_new_correction_row(
    origin: Path, branch: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    form = "data/units/qldt/2025Q2.docx"
    document = opened(filled_form())
    write(origin, form, save(document))
    record = IssueRecord(
        Period.of(Quarter(2025, 2)), "61/BC-BQL", date(2025, 6, 20), None, {form: content_hash(save(document))}
    )
    write(origin, "reports/2025Q2/issued.yaml", issuance.dump(record))
    commit_all(origin, "Phát hành báo cáo quý II")
    git(branch, "pull", "-q", "--rebase", "origin", "main")
    monkeypatch.setenv("NQ43_TODAY", "2025-07-02")
    set_cell(document, "2.4", 3, ["35"])
    submit(branch, form, save(document))
    assert main(["check", "--actor", "bql-qldt-anh"]) == 1
    out = capsys.readouterr().out
    assert f"{form}: NQ804 lỗi: " in out and "bảng Đính chính" in out  # a change, not a late note (NQ812)

    set_amendment(document, 1, "2/7/2025", "Sửa tiến độ nhiệm vụ 2.4")
    submit(branch, form, save(document))
    assert main(["check", "--actor", "bql-qldt-anh", "--format", "markdown"]) == 0
    assert "- Đính chính mới (2/7/2025): Sửa tiến độ nhiệm vụ 2.4" in capsys.readouterr().out
