"""`nq43 validate` (and the CLI's wiring): exit codes, formats, languages, where the repository is found."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from notekit import NOTE_PATH, QLDT_NOTE, cli_repo, run_cli, tree_digest, write_note
from nq43.cli.app import main

SUMMARY_CLEAN = "Đã kiểm tra 9 tệp: 0 lỗi, 0 cảnh báo.\n"
HINT_304_VI = (
    "Chọn một trong: hoan-thanh (Đã hoàn thành), dang-thuc-hien (Đang thực hiện), chua-thuc-hien "
    "(Chưa thực hiện), thuong-xuyen (Thường xuyên). Có từ yes/no thì đặt trong dấu nháy."
)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cli_repo(tmp_path, monkeypatch)


run = run_cli


def test_clean_repository(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(root, QLDT_NOTE)
    assert run(capsys, "validate", "--today", "2025-04-01") == (0, "", "Đã kiểm tra 10 tệp: 0 lỗi, 0 cảnh báo.\n")


def test_error_exits_1_with_the_finding_and_its_hint(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(root, QLDT_NOTE.replace("status: dang-thuc-hien", "status: no"))
    code, out, err = run(capsys, "validate", "--today", "2025-04-01")
    assert code == 1
    assert out == (f'{NOTE_PATH}:10:13: NQ304 lỗi: Trạng thái "no" không hợp lệ.\n    → Cách sửa: {HINT_304_VI}\n')
    assert err == "Đã kiểm tra 10 tệp: 1 lỗi, 0 cảnh báo.\n"


def test_every_file_is_reported_before_exiting(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(root, QLDT_NOTE.replace("status: dang-thuc-hien", "status: no"))
    write_note(root, "không có phần đầu\n", "data/units/vp/2025Q1.md")
    code, out, _ = run(capsys, "validate", "--today", "2025-04-01")
    assert code == 1
    assert [line.split(": ")[0] for line in out.splitlines() if not line.startswith(" ")] == [
        f"{NOTE_PATH}:10:13",
        "data/units/vp/2025Q1.md:1:1",
    ]


def test_warnings_fail_only_with_strict(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(root, "\ufeff" + QLDT_NOTE)
    code, out, err = run(capsys, "validate", "--today", "2025-04-01")
    assert code == 0
    assert out.startswith(f"{NOTE_PATH}:1:1: NQ104 cảnh báo: ")
    assert err == "Đã kiểm tra 10 tệp: 0 lỗi, 1 cảnh báo.\n"
    assert run(capsys, "validate", "--strict", "--today", "2025-04-01")[0] == 1


def test_json_format(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(root, QLDT_NOTE.replace("2025Q1\n", "2025Q5\n", 1))
    code, out, _ = run(capsys, "validate", "--format", "json", "--today", "2025-04-01")
    assert code == 1
    assert json.loads(out) == {
        "findings": [
            {
                "path": NOTE_PATH,
                "line": 3,
                "column": 10,
                "code": "NQ307",
                "severity": "error",
                "message": 'Quý "2025Q5" không hợp lệ.',
                "hint": "Ghi quý dạng NĂMQsố, số từ 1 đến 4, ví dụ 2025Q1.",
            },
        ]
    }


def test_github_format(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(root, QLDT_NOTE.replace("2025Q1\n", "2025Q5\n", 1))
    code, out, _ = run(capsys, "validate", "--format", "github", "--lang", "en", "--today", "2025-04-01")
    assert code == 1
    assert out == (
        f'::error file={NOTE_PATH},line=3,col=10,title=NQ307::Quarter "2025Q5" is not valid.%0A'
        "Fix: Write quarters as YYYYQn with n from 1 to 4, e.g. 2025Q1.\n"
    )


@pytest.mark.parametrize("how", ["option", "environment"])
def test_english(root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    write_note(root, QLDT_NOTE.replace("status: dang-thuc-hien", "status: no"))
    argv = ["validate", "--today", "2025-04-01"]
    if how == "option":
        argv += ["--lang", "en"]
    else:
        monkeypatch.setenv("NQ43_LANG", "en")
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert out == (
        f'{NOTE_PATH}:10:13: NQ304 error: Status "no" is not valid.\n'
        "    → Fix: Use one of: hoan-thanh, dang-thuc-hien, chua-thuc-hien, thuong-xuyen.\n"
    )
    assert err == "Checked 10 file(s): 1 error(s), 0 warning(s).\n"


def test_today_from_the_environment(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_note(root, QLDT_NOTE)
    monkeypatch.setenv("NQ43_TODAY", "2025-03-01")
    code, out, _ = run(capsys, "validate")
    assert code == 1
    assert out.startswith(f"{NOTE_PATH}:5:12: NQ407 lỗi: Ngày nộp 2025-03-05 ở sau ngày hôm nay (2025-03-01).")


def test_only_the_named_paths(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(root, QLDT_NOTE)
    write_note(root, "hỏng\n", "data/units/vp/2025Q1.md")
    assert run(capsys, "validate", NOTE_PATH, "--today", "2025-04-01")[0] == 0
    assert run(capsys, "validate", "data/units/vp", "--today", "2025-04-01")[0] == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["validate", "--format", "xml"], "Lỗi: giá trị của --format phải là một trong: text, json, github."),
        (["validate", "--today", "2025-02-30"], '--today "2025-02-30" không phải ngày có thật dạng NĂM-THÁNG-NGÀY'),
        (["validate", "--bogus"], "Lỗi: không có tuỳ chọn --bogus."),
        (["validate", "--strct"], "Lỗi: không có tuỳ chọn --strct. Có phải ý bạn là: --root, --strict?"),
        (["validate", "--format"], "Lỗi: tuỳ chọn --format cần một giá trị đi kèm."),
        (["validate", "data/units/qldt/2030Q1.md"], "Không có tệp hay thư mục"),
        (
            ["nonsense"],
            'Lỗi: không có lệnh "nonsense". Các lệnh: check, codeowners, import, new, remind, report, schema, status,',
        ),
        (["schema", "bogus"], "Lỗi: giá trị của kind phải là một trong: note, directive, unit, calendar."),
        (["version", "thua"], "Lỗi: thừa đối số: thua."),
        (["validate", "--format", "xml", "--lang", "en"], "Error: Invalid value for '--format': 'xml' is not one of"),
        (["validate", "--lang=en", "--bogus"], "Error: No such option: --bogus"),
    ],
)
def test_usage_errors_exit_2(root: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err
    if "--lang" not in " ".join(argv):
        assert "Error" not in err and "Usage" not in err


def test_no_arguments_shows_help(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert code == 2
    assert "validate" in out + err


def test_missing_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NQ43_ROOT", raising=False)
    monkeypatch.delenv("NQ43_LANG", raising=False)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "validate") == (
        2,
        "",
        "Không tìm thấy data/directive.yaml ở thư mục hiện tại hay các thư mục "
        "cha. Chạy lệnh trong kho nq43, hoặc chỉ ra kho bằng --root hay biến "
        "NQ43_ROOT.\n",
    )
    assert run(capsys, "validate", "--lang", "en") == (
        2,
        "",
        "No data/directive.yaml here or in any parent folder. "
        "Run inside an nq43 repository, or give --root or "
        "NQ43_ROOT.\n",
    )


def test_from_a_subfolder_with_root_or_environment(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(root / "data" / "units" / "qldt")
    assert run(capsys, "validate", "--today", "2025-04-01")[0] == 0
    elsewhere = tmp_path / "khac"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert run(capsys, "validate", "--root", str(root), "--today", "2025-04-01")[0] == 0
    monkeypatch.setenv("NQ43_ROOT", str(root))
    assert run(capsys, "validate", "--today", "2025-04-01")[0] == 0
    assert run(capsys, "validate", "--root", str(elsewhere))[0] == 2


def test_python_dash_m(root: Path) -> None:
    write_note(root, QLDT_NOTE.replace("status: dang-thuc-hien", "status: no"))
    env = {**os.environ, "NQ43_ROOT": str(root), "NQ43_LANG": "en", "NQ43_TODAY": "2025-04-01"}
    done = subprocess.run(
        [sys.executable, "-m", "nq43", "validate"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 1
    assert done.stdout.startswith(f'{NOTE_PATH}:10:13: NQ304 error: Status "no" is not valid.\n')
    assert done.stderr == "Checked 10 file(s): 1 error(s), 0 warning(s).\n"


def test_schema_command(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["$id"] == "urn:nq43:schema:note:1"
    assert json.loads(run(capsys, "schema", "unit")[1])["$id"] == "urn:nq43:schema:unit:1"


def test_reading_commands_never_write(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(root, QLDT_NOTE)
    write_note(
        root,
        b"\xef\xbb\xbf" + unicodedata.normalize("NFD", QLDT_NOTE).replace("\n", "\r\n").encode(),
        "data/units/qldt/2025Q2.md",
    )
    write_note(root, QLDT_NOTE.encode("utf-16"), "data/units/vp/2025Q1.md")
    write_note(root, QLDT_NOTE.replace("Đã làm", "Đã\x0blàm"), "data/units/vp/2025Q2.md")
    before = tree_digest(root)
    for argv in (
        ["validate"],
        ["validate", "--strict", "--format", "json"],
        ["validate", NOTE_PATH],
        ["new", "--unit", "qldt", "--quarter", "2025Q1", "--stdout"],
        ["schema"],
        ["version"],
    ):
        run(capsys, *argv, *(["--today", "2025-04-01"] if argv[0] == "validate" else []))
    assert tree_digest(root) == before


def test_output_is_reproducible(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_note(root, QLDT_NOTE.replace("status: dang-thuc-hien", "status: no"))
    write_note(root, "\ufeffkhông có phần đầu\n", "data/units/vp/2025Q1.md")
    write_note(root, QLDT_NOTE.replace("2025Q1", "2025Q2", 1), "data/units/qldt/2025Q2.md")
    outputs = set()
    for folder in (root, root / "data" / "units" / "vp", root / "data"):
        monkeypatch.chdir(folder)
        for fmt in ("text", "json", "github"):
            outputs.add((fmt, run(capsys, "validate", "--format", fmt, "--today", "2025-04-01")))
    assert len(outputs) == 3  # one result per format, whatever the folder or the run


def test_interrupt_and_internal_error_exit_codes(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from nq43.check import repository

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(repository, "check_repository", interrupted)
    assert run(capsys, "validate")[0] == 130

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("hỏng")

    monkeypatch.setattr(repository, "check_repository", broken)
    code, out, err = run(capsys, "validate")
    assert (code, out) == (3, "")
    assert err == (
        "Lỗi nội bộ của nq43 (RuntimeError: hỏng). Đặt NQ43_DEBUG=1 để xem chi tiết và báo cho người bảo trì.\n"
    )
    monkeypatch.setenv("NQ43_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["validate"])


def test_an_error_is_told_in_the_language_of_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NQ43_ROOT", raising=False)
    monkeypatch.setenv("NQ43_LANG", "en")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "validate")
    assert (code, out) == (2, "")
    assert err.startswith("No data/directive.yaml here or in any parent folder.")
    assert run(capsys, "validate", "--lang", "vi")[2].startswith("Không tìm thấy data/directive.yaml")


@pytest.mark.parametrize("link", [NOTE_PATH, "ghi-chu.md"])
def test_a_named_link_is_reported_not_skipped(root: Path, capsys: pytest.CaptureFixture[str], link: str) -> None:
    outside = root.parent / "ngoai.md"
    outside.write_text(QLDT_NOTE, encoding="utf-8")
    (root / link).symlink_to(outside)
    code, out, err = run(capsys, "validate", link, "--today", "2025-04-01")
    assert code == 1
    assert out.startswith(f"{link}:1:1: NQ109 lỗi: Tệp là liên kết (symlink) trỏ ra ngoài thư mục data/: ")
    assert err.endswith(": 1 lỗi, 0 cảnh báo.\n")


def test_a_table_of_ten_thousand_columns_is_refused_with_a_fix(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    columns = 10_000
    table = "| " + " | ".join("c" for _ in range(columns)) + " |\n|" + "---|" * columns + "\n"
    text = QLDT_NOTE.rstrip("\n") + "\n\n" + table
    write_note(root, text)
    line = text.count("\n", 0, text.index("| c |")) + 1

    code, out, _ = run(capsys, "validate", "--today", "2025-04-01")

    assert code == 1
    assert f"{NOTE_PATH}:{line}:1: NQ510 lỗi: Bảng có" in out
    assert "quá 16 cột vừa một trang A4 nằm ngang" in out and "→ Cách sửa: Tách bảng" in out
