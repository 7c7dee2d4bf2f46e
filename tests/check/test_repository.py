"""Finding the repository and reading everything in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from notekit import NOTE_PATH, QLDT_NOTE, TODAY, make_repo, places, write_note
from nq43.check.repository import check_repository, load_repository
from nq43.cli.app import exit_code
from nq43.domain.records import Quarter
from nq43.load.layout import find_root
from nq43.support.errors import RootNotFound, UsageError


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "kho")


def test_find_root_from_a_subfolder(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NQ43_ROOT", raising=False)
    deep = root / "data" / "units" / "qldt"
    assert find_root(start=deep) == root.resolve()
    monkeypatch.chdir(deep)
    assert find_root() == root.resolve()


def test_explicit_root_wins_over_environment_and_folder(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = make_repo(tmp_path / "khac")
    monkeypatch.setenv("NQ43_ROOT", str(other))
    monkeypatch.chdir(root)
    assert find_root() == other.resolve()
    assert find_root(root) == root.resolve()


def test_missing_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NQ43_ROOT", raising=False)
    with pytest.raises(RootNotFound) as raised:
        find_root(start=tmp_path)
    assert exit_code(raised.value) == 2
    assert raised.value.message("vi").startswith(
        "Không tìm thấy data/directive.yaml ở thư mục hiện tại hay các thư mục cha."
    )
    assert raised.value.message("en").startswith("No data/directive.yaml here or in any parent folder.")


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_named_root_without_a_directive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.setenv("NQ43_ROOT", str(tmp_path) if how == "environment" else "")
    with pytest.raises(RootNotFound) as raised:
        find_root(tmp_path if how == "argument" else None)
    assert raised.value.message("en") == f'No data/directive.yaml in "{tmp_path}" (--root or NQ43_ROOT).'


def test_empty_repository_is_clean(root: Path) -> None:
    repo = load_repository(root, TODAY)
    assert repo.directive is not None
    assert repo.notes == ()
    assert repo.findings == ()


def test_the_streaming_check_finds_what_the_full_reading_finds(root: Path) -> None:
    """`nq43 validate` keeps only findings (its memory does not grow with the notes); the verdict is the same."""
    write_note(root, QLDT_NOTE)
    write_note(root, "không có phần đầu\n", "data/units/vp/2025Q1.md")
    (root / "data" / "units" / "vp" / "ghi-chu.txt").write_text("lạc chỗ\n", encoding="utf-8")
    full = load_repository(root, TODAY)
    checked = check_repository(root, TODAY)
    assert checked.findings == full.findings and checked.findings
    assert (checked.directive, checked.note_count) == (full.directive, len(full.notes)) == (full.directive, 2)
    only_vp = [root / "data" / "units" / "vp"]
    assert check_repository(root, TODAY, only_vp).findings == load_repository(root, TODAY, only_vp).findings


def test_every_note_is_read_and_checked(root: Path) -> None:
    write_note(root, QLDT_NOTE)
    write_note(
        root, QLDT_NOTE.replace("2025Q1", "2025Q2").replace("2025-03-05", "2025-04-01"), "data/units/qldt/2025Q2.md"
    )
    write_note(root, "không có phần đầu\n", "data/units/vp/2025Q1.md")
    repo = load_repository(root, TODAY)
    assert [n.path for n in repo.notes] == [
        "data/units/qldt/2025Q1.md",
        "data/units/qldt/2025Q2.md",
        "data/units/vp/2025Q1.md",
    ]
    assert [n.valid for n in repo.notes] == [True, True, False]
    assert [(f.path, f.code, f.line) for f in repo.findings] == [("data/units/vp/2025Q1.md", "NQ201", 1)]
    assert [n.path for n in repo.notes_for(Quarter(2025, 2))] == ["data/units/qldt/2025Q2.md"]


def test_stray_files_are_reported_never_ignored(root: Path) -> None:
    units = root / "data" / "units"
    (units / "qldt" / "bao-cao.docx").write_bytes(b"PK")
    (units / "qldt" / "2025-Q1.md").write_text("x", encoding="utf-8")
    (units / "qldt" / "cu").mkdir()
    (units / "README.md").write_text("x", encoding="utf-8")
    (units / "qldt" / ".gitkeep").write_text("", encoding="utf-8")
    repo = load_repository(root, TODAY)
    assert [(f.path, f.code) for f in repo.findings] == [
        ("data/units/README.md", "NQ111"),
        ("data/units/qldt/2025-Q1.md", "NQ111"),
        ("data/units/qldt/bao-cao.docx", "NQ111"),
        ("data/units/qldt/cu", "NQ111"),
    ]


def test_paths_choose_what_is_checked(root: Path) -> None:
    write_note(root, QLDT_NOTE)
    write_note(root, "x\n", "data/units/vp/2025Q1.md")
    repo = load_repository(root, TODAY, [root / NOTE_PATH])
    assert [n.path for n in repo.notes] == [NOTE_PATH]
    repo = load_repository(root, TODAY, [root / "data" / "units" / "vp"])
    assert [n.path for n in repo.notes] == ["data/units/vp/2025Q1.md"]


def test_a_draft_outside_the_repository_can_be_checked(root: Path, tmp_path: Path) -> None:
    draft = tmp_path / "nhap" / "2025Q1.md"
    draft.parent.mkdir()
    draft.write_text(QLDT_NOTE, encoding="utf-8")
    repo = load_repository(root, TODAY, [draft])
    (checked,) = repo.notes
    assert checked.valid
    assert checked.path == draft.resolve().as_posix()


def test_missing_path_is_a_usage_error(root: Path) -> None:
    with pytest.raises(UsageError) as raised:
        load_repository(root, TODAY, [root / "data" / "units" / "qldt" / "2030Q1.md"])
    assert exit_code(raised.value) == 2


def test_unusable_directive_still_reads_the_notes(root: Path) -> None:
    (root / "data" / "directive.yaml").write_text("units: [\n", encoding="utf-8")
    write_note(root, QLDT_NOTE)
    repo = load_repository(root, TODAY)
    assert repo.directive is None
    assert places(repo.findings) == [("NQ204", 2)]
    assert repo.notes[0].note is not None
