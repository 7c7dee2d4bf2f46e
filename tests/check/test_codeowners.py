"""CODEOWNERS generated from unit.yaml, its staleness warning in `nq43 validate`, and `nq43 codeowners`."""

from __future__ import annotations

from pathlib import Path

import pytest

from gitdata import SOURCE, TODAY, make_origin
from nq43.check.codeowners import MARKER, TARGETS, generate, logins, stale
from nq43.check.repository import load_repository
from nq43.cli.app import main
from nq43.domain.records import Directive
from nq43.load.directive import load_directive


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_origin(tmp_path / "repo")


def directive_of(root: Path) -> Directive:
    directive, _ = load_directive(root)
    assert directive is not None
    return directive


def rules(text: str) -> list[str]:
    return [line for line in text.split("\n") if line and not line.startswith("#")]


def test_each_unit_owns_its_folder_and_the_office_the_rest(root: Path) -> None:
    text, warnings = generate(directive_of(root), "github")
    office = "@bql-vp-huong @bql-vp-minh"
    assert warnings == []
    assert text.startswith(MARKER)
    assert rules(text)[:5] == [
        f"* {office}",
        f"/data/units/vp/ {office}",
        f"/data/units/vp/unit.yaml {office}",
        "/data/units/qldt/ @bql-qldt-anh",
        f"/data/units/qldt/unit.yaml {office}",
    ]
    assert len(rules(text)) == 1 + 2 * 8
    assert "# 2. Phòng Quản lý Đầu tư (qldt)" in text


def test_gitlab_uses_the_gitlab_accounts(root: Path) -> None:
    unit_yaml = root / "data/units/qldt/unit.yaml"
    unit_yaml.write_text(
        unit_yaml.read_text(encoding="utf-8").replace("gitlab: bql-qldt-anh", "gitlab: anh.qldt"), encoding="utf-8"
    )
    directive = directive_of(root)
    assert "/data/units/qldt/ @anh.qldt" in generate(directive, "gitlab")[0]
    assert "/data/units/qldt/ @bql-qldt-anh" in generate(directive, "github")[0]


def test_a_unit_without_accounts_is_reviewed_by_the_office(root: Path) -> None:
    (root / "data/units/tnmt/unit.yaml").write_text(
        "id: tnmt\nname: Phòng Tài nguyên và Môi trường\nshort_name: Phòng TNMT\nsubmitters:\n  - name: Lê Văn Đức\n",
        encoding="utf-8",
    )
    text, warnings = generate(directive_of(root), "github")
    assert "/data/units/tnmt/ @bql-vp-huong @bql-vp-minh" in text
    assert warnings == [
        "Đơn vị tnmt chưa có tài khoản GitHub trong data/units/tnmt/unit.yaml: thư mục của đơn vị do "
        "Văn phòng duyệt thay."
    ]


def test_logins_keep_order_and_drop_repeats(root: Path) -> None:
    unit = directive_of(root).unit("vp")
    assert unit is not None
    assert logins(unit, "github") == ["bql-vp-huong", "bql-vp-minh"]


def test_stale_only_for_files_nq43_generated(root: Path) -> None:
    directive = directive_of(root)
    assert stale(root, directive) == []  # no CODEOWNERS at all: nothing to say
    (root / ".github").mkdir()
    (root / ".github/CODEOWNERS").write_text("* @someone\n", encoding="utf-8")  # hand-written: not ours
    assert stale(root, directive) == []
    (root / ".github/CODEOWNERS").write_text(generate(directive, "github")[0].replace("\n", "\r\n"), encoding="utf-8")
    assert stale(root, directive) == []  # the same file with Windows line ends
    (root / ".github/CODEOWNERS").write_text(generate(directive, "github")[0] + "/x @y\n", encoding="utf-8")
    (found,) = stale(root, directive)
    assert (found.path, found.code) == (".github/CODEOWNERS", "NQ809")
    assert found.message("vi") == (
        ".github/CODEOWNERS không khớp với danh sách người nộp trong các tệp unit.yaml (đã cũ)."
    )


def test_validate_warns_when_codeowners_is_stale(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NQ43_ROOT", raising=False)
    assert main(["codeowners", "--root", str(root)]) == 0
    assert [f.code for f in load_repository(root, TODAY).findings] == []
    unit_yaml = root / "data/units/qldt/unit.yaml"
    unit_yaml.write_text(
        unit_yaml.read_text(encoding="utf-8") + "  - name: Người Mới\n    github: nguoi-moi\n    gitlab: nguoi-moi\n",
        encoding="utf-8",
    )
    assert [(f.path, f.code) for f in load_repository(root, TODAY).findings] == [
        (".github/CODEOWNERS", "NQ809"),
        (".gitlab/CODEOWNERS", "NQ809"),
    ]
    capsys.readouterr()
    assert main(["validate", "--root", str(root), "--today", "2025-03-12"]) == 0  # a warning does not fail
    assert ".github/CODEOWNERS:1:1: NQ809 cảnh báo:" in capsys.readouterr().out
    assert main(["validate", "--root", str(root), "--today", "2025-03-12", "--strict"]) == 1


def test_cli_writes_both_files_and_check_tells_when_stale(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NQ43_ROOT", raising=False)
    assert main(["codeowners", "--root", str(root), "--check"]) == 1
    assert capsys.readouterr().err == (
        '.github/CODEOWNERS: chưa có; chạy "nq43 codeowners" rồi commit.\n'
        '.gitlab/CODEOWNERS: chưa có; chạy "nq43 codeowners" rồi commit.\n'
    )
    assert not (root / ".github/CODEOWNERS").exists()
    assert main(["codeowners", "--root", str(root)]) == 0
    assert capsys.readouterr().err == "Đã ghi .github/CODEOWNERS.\nĐã ghi .gitlab/CODEOWNERS.\n"
    directive = directive_of(root)
    for host, target in TARGETS.items():
        assert (root / target).read_text(encoding="utf-8") == generate(directive, host)[0]
    assert main(["codeowners", "--root", str(root), "--check", "--lang", "en"]) == 0
    assert capsys.readouterr().err == ".github/CODEOWNERS: up to date.\n.gitlab/CODEOWNERS: up to date.\n"
    (root / ".gitlab/CODEOWNERS").write_text(MARKER + "\n", encoding="utf-8")
    assert main(["codeowners", "--root", str(root), "--check", "--host", "gitlab"]) == 1
    assert main(["codeowners", "--root", str(root), "--host", "gitlab", "--stdout"]) == 0
    assert capsys.readouterr().out == generate(directive, "gitlab")[0]


def test_the_committed_files_match_the_shipped_units() -> None:
    directive = directive_of(SOURCE)
    for host, target in TARGETS.items():
        assert (SOURCE / target).read_text(encoding="utf-8") == generate(directive, host)[0], (
            f"{target} is stale: run nq43 codeowners"
        )


def test_a_malformed_account_is_refused_and_nothing_is_written(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codeowners", "--root", str(root)]) == 0
    before = {host: (root / TARGETS[host]).read_bytes() for host in TARGETS}
    unit_file = root / "data/units/qldt/unit.yaml"
    text = unit_file.read_text(encoding="utf-8")
    assert "    github: bql-qldt-anh\n" in text
    unit_file.write_text(text.replace("    github: bql-qldt-anh\n", "    github: '@bql-qldt-anh'\n"), encoding="utf-8")
    capsys.readouterr()
    assert main(["codeowners", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    line = text.split("\n").index("    github: bql-qldt-anh") + 1
    assert err.startswith(f'data/units/qldt/unit.yaml:{line}:13: NQ309 lỗi: Mã "@bql-qldt-anh" của ')
    assert "→ Cách sửa: Tên tài khoản GitHub" in err
    assert "chưa có tài khoản" not in err
    assert {host: (root / TARGETS[host]).read_bytes() for host in TARGETS} == before
