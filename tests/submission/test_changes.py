"""The files a branch changes against its base, on real git repositories, shallow clones included."""

from __future__ import annotations

from pathlib import Path

import pytest

from gitdata import clone, commit_all, git, make_origin, note_text, write
from nq43.submission.changes import Change, changed_files, parse_raw, show
from nq43.support.errors import GitHistoryMissing


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    return make_origin(tmp_path / "origin")


def unit_branch(origin: Path, work: Path) -> Path:
    """A clone of origin with a branch "qldt" that adds the unit's note (and a few more commits)."""
    clone(origin, work)
    git(work, "checkout", "-q", "-b", "qldt")
    write(work, "data/units/qldt/2025Q1.md", note_text(work, "qldt"))
    commit_all(work, "Ghi chú quý I")
    write(work, "data/units/qldt/2025Q1.md", note_text(work, "qldt", results="Đã rà soát 14 khu công nghiệp."))
    commit_all(work, "Sửa ghi chú")
    return work


def paths(changes: tuple[Change, ...]) -> tuple[Change, ...]:
    """The changes without their git modes and object ids, for comparing with what a test expects."""
    return tuple(Change(c.status, c.path, c.old_path) for c in changes)


def test_added_modified_deleted_and_renamed(origin: Path, tmp_path: Path) -> None:
    write(origin, "data/units/vp/2024Q4.md", "cũ\n")
    write(origin, "data/units/vp/ghi-chu.md", "tên sai\n" * 20)
    commit_all(origin, "Thêm")
    work = clone(origin, tmp_path / "work")
    git(work, "checkout", "-q", "-b", "vp")
    write(work, "data/units/vp/2025Q1.md", note_text(work, "vp"))
    (work / "data/units/vp/2024Q4.md").unlink()
    git(work, "mv", "data/units/vp/ghi-chu.md", "data/units/vp/2024Q3.md")
    write(work, "data/directive.yaml", (work / "data/directive.yaml").read_text(encoding="utf-8") + "# sửa\n")
    commit_all(work, "Nộp")

    found = changed_files(work, "origin/main")

    assert paths(found.changes) == (
        Change("M", "data/directive.yaml"),
        Change("R", "data/units/vp/2024Q3.md", "data/units/vp/ghi-chu.md"),
        Change("D", "data/units/vp/2024Q4.md"),
        Change("A", "data/units/vp/2025Q1.md"),
    )
    assert found.base == "origin/main"
    assert found.merge_base == found.base_commit == git(origin, "rev-parse", "main").strip()
    assert found.head_commit == git(work, "rev-parse", "HEAD").strip()
    assert found.fetched == ()


def test_only_what_the_branch_changed_not_what_main_did_since(origin: Path, tmp_path: Path) -> None:
    work = unit_branch(origin, tmp_path / "work")
    write(origin, "data/units/vp/2025Q1.md", note_text(origin, "vp"))
    commit_all(origin, "Văn phòng nộp")
    git(work, "fetch", "-q", "origin")

    found = changed_files(work, "origin/main")

    assert paths(found.changes) == (Change("A", "data/units/qldt/2025Q1.md"),)
    assert found.merge_base != found.base_commit


def test_file_names_with_vietnamese_and_spaces_come_through(origin: Path, tmp_path: Path) -> None:
    work = clone(origin, tmp_path / "work")
    git(work, "checkout", "-q", "-b", "x")
    write(work, "data/units/qldt/Báo cáo quý I.docx", b"PK\x03\x04")
    commit_all(work, "Tệp lạ")

    assert changed_files(work, "origin/main").paths == ("data/units/qldt/Báo cáo quý I.docx",)


def test_shallow_clone_fetches_the_base_and_the_missing_history(origin: Path, tmp_path: Path) -> None:
    unit_branch(origin, tmp_path / "work")
    git(tmp_path / "work", "push", "-q", "origin", "qldt")
    shallow = clone(origin, tmp_path / "ci", "--depth", "1", "--branch", "qldt")
    assert git(shallow, "rev-parse", "--is-shallow-repository").strip() == "true"

    found = changed_files(shallow, "origin/main")

    assert paths(found.changes) == (Change("A", "data/units/qldt/2025Q1.md"),)
    assert found.fetched == ("git fetch origin main", "git fetch --deepen=50 origin")
    assert found.merge_base == git(origin, "rev-parse", "main").strip()


def test_shallow_clone_without_a_remote_says_what_to_add_to_the_ci(origin: Path, tmp_path: Path) -> None:
    unit_branch(origin, tmp_path / "work")
    git(tmp_path / "work", "push", "-q", "origin", "qldt")
    shallow = clone(origin, tmp_path / "ci", "--depth", "1", "--no-single-branch", "--branch", "qldt")
    git(shallow, "remote", "remove", "origin")
    git(shallow, "update-ref", "refs/remotes/origin/main", git(origin, "rev-parse", "main").strip())

    with pytest.raises(GitHistoryMissing) as raised:
        changed_files(shallow, "origin/main")

    message = raised.value.message("vi")
    assert "bản nông (shallow clone)" in message
    assert '"fetch-depth: 0"' in message and '"GIT_DEPTH: 0"' in message
    assert '"fetch-depth: 0"' in raised.value.message("en") and '"GIT_DEPTH: 0"' in raised.value.message("en")


def test_no_fetch_leaves_a_shallow_clone_alone(origin: Path, tmp_path: Path) -> None:
    unit_branch(origin, tmp_path / "work")
    git(tmp_path / "work", "push", "-q", "origin", "qldt")
    shallow = clone(origin, tmp_path / "ci", "--depth", "1", "--branch", "qldt")

    with pytest.raises(GitHistoryMissing, match="--no-fetch"):
        changed_files(shallow, "origin/main", fetch=False)
    assert git(shallow, "rev-parse", "--is-shallow-repository").strip() == "true"


def test_an_unknown_base_is_named(origin: Path, tmp_path: Path) -> None:
    work = unit_branch(origin, tmp_path / "work")
    with pytest.raises(GitHistoryMissing, match='"origin/chinh"'):
        changed_files(work, "origin/chinh")
    with pytest.raises(GitHistoryMissing, match="không có remote tương ứng"):
        changed_files(work, "upstream/main")


def test_unrelated_history_is_refused(origin: Path, tmp_path: Path) -> None:
    work = unit_branch(origin, tmp_path / "work")
    git(work, "checkout", "-q", "--orphan", "moi")
    commit_all(work, "Lịch sử riêng")
    with pytest.raises(GitHistoryMissing, match="không có lịch sử chung"):
        changed_files(work, "origin/main")


def test_outside_a_repository(tmp_path: Path) -> None:
    with pytest.raises(GitHistoryMissing, match="không nằm trong một kho git"):
        changed_files(tmp_path, "origin/main")


def test_root_below_the_top_of_the_repository(tmp_path: Path) -> None:
    top = tmp_path / "top"
    root = top / "nq43"
    make_origin(root)
    (root / ".git").rename(top / ".git")
    git(top, "add", "-A")
    commit_all(top, "Dời dữ liệu vào thư mục con")
    git(top, "checkout", "-q", "-b", "x")
    write(top, ".github/workflows/ci.yml", "on: push\n")
    write(root, "data/units/qldt/2025Q1.md", note_text(root, "qldt"))
    commit_all(top, "Nộp")

    assert changed_files(root, "main").paths == ("../.github/workflows/ci.yml", "data/units/qldt/2025Q1.md")


def test_show_reads_a_file_at_a_revision(origin: Path, tmp_path: Path) -> None:
    work = unit_branch(origin, tmp_path / "work")
    assert "Đã rà soát 14 khu công nghiệp." in (show(work, "HEAD", "data/units/qldt/2025Q1.md") or "")
    assert "Đã rà soát và báo cáo Ban." in (show(work, "HEAD~1", "data/units/qldt/2025Q1.md") or "")
    assert show(work, "origin/main", "data/units/qldt/2025Q1.md") is None


def test_parse_raw_keeps_both_paths_of_a_rename_and_every_byte(tmp_path: Path) -> None:
    a, b, z = "a" * 40, "b" * 40, "0" * 40
    output = (
        (
            f":100644 100644 {a} {b} M\0a b.md\0:100644 120000 {a} {b} R087\0old.md\0new.md\0"
            f":100644 000000 {a} {z} D\0gone\0"
        ).encode()
        + f":000000 100644 {z} {b} A\0".encode()
        + b"caf\xe9.md\0"
    )
    assert parse_raw(output, tmp_path, tmp_path) == (
        Change("M", "a b.md", None, "100644", b),
        Change("R", "new.md", "old.md", "120000", b),
        Change("D", "gone", None, "000000", None),
        Change("A", "caf\udce9.md", None, "100644", b),
    )
    assert parse_raw(b"", tmp_path, tmp_path) == ()


def test_the_merge_commit_github_checks_out_for_a_pull_request(origin: Path, tmp_path: Path) -> None:
    work = unit_branch(origin, tmp_path / "work")
    write(origin, "data/units/vp/2025Q1.md", note_text(origin, "vp"))
    commit_all(origin, "Văn phòng nộp")  # main moved on after the branch left it
    git(work, "fetch", "-q", "origin")
    git(work, "checkout", "-q", "--detach", "origin/main")
    git(work, "merge", "-q", "--no-ff", "--no-edit", "qldt")  # what refs/pull/<n>/merge holds

    found = changed_files(work, "origin/main")

    assert paths(found.changes) == (Change("A", "data/units/qldt/2025Q1.md"),)
    assert found.merge_base == found.base_commit
