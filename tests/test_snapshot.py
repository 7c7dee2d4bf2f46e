"""The status snapshot: used again only while nothing it came from has changed, never trusted blindly."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from conftest import RepoBuilder
from nq43 import snapshot, status
from nq43.gitrepo import head_state
from nq43.models import Quarter
from nq43.status import Inputs

TODAY = date(2025, 3, 20)
Q1 = [Quarter(2025, 1)]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the real readings (status.gather calls) and let every file count as settled at once."""
    calls: list[int] = []
    real = status.gather

    def gather(*args: object, **kwargs: object) -> Inputs:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(status, "gather", gather)
    monkeypatch.setattr(snapshot, "SETTLE_NS", 0)
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_COUNT"):
        monkeypatch.delenv(name, raising=False)
    return calls


def _repo(repo: RepoBuilder) -> RepoBuilder:
    repo.calendar()
    repo.note("qldt", "2025Q1", date(2025, 3, 5))
    repo.note("vp", "2025Q1", date(2025, 3, 12))
    return repo


def test_the_second_call_reads_nothing_and_gets_the_same_inputs(repo: RepoBuilder, counted: list[int]) -> None:
    _repo(repo)
    first = snapshot.remembered_inputs(repo.root, TODAY, Q1)
    second = snapshot.remembered_inputs(repo.root, TODAY, Q1)
    assert len(counted) == 1
    assert second == first
    assert second.notes.keys() == first.notes.keys() and second.submissions == first.submissions
    assert second.directive is not None and second.directive.unit("qldt") == first.directive.unit("qldt")  # type: ignore[union-attr]


def test_the_snapshot_lives_in_the_users_cache_not_in_the_repository(
    repo: RepoBuilder, counted: list[int], private_cache: Path
) -> None:
    _repo(repo)
    snapshot.remembered_inputs(repo.root, TODAY, Q1)
    saved = list((private_cache / "nq43" / "status").iterdir())
    assert len(saved) == 1
    assert saved[0].stat().st_mode & 0o777 == 0o600
    assert (private_cache / "nq43" / "status").stat().st_mode & 0o777 == 0o700
    assert not [p for p in repo.root.rglob("*") if "pickle" in p.name or "cache" in p.name]


@pytest.mark.parametrize("change", ["edit a note", "add a note", "remove a note", "touch the directive",
                                    "edit a unit", "edit the calendar", "add a folder"])
def test_any_change_under_data_is_read_again(repo: RepoBuilder, counted: list[int], change: str) -> None:
    _repo(repo)
    first = snapshot.remembered_inputs(repo.root, TODAY, Q1)
    units = repo.root / "data" / "units"
    if change == "edit a note":
        note = units / "qldt" / "2025Q1.md"
        stamp = note.stat()
        note.write_text(note.read_text(encoding="utf-8").replace("2025-03-05", "2025-03-06"), encoding="utf-8")
        os.utime(note, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same size, same mtime: the ctime tells
    elif change == "add a note":
        repo.note("tnmt", "2025Q1", date(2025, 3, 7))
    elif change == "remove a note":
        (units / "vp" / "2025Q1.md").unlink()
    elif change == "touch the directive":
        os.utime(repo.root / "data" / "directive.yaml", ns=(1, 1))
    elif change == "edit a unit":
        unit = units / "qldt" / "unit.yaml"
        unit.write_text(unit.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "edit the calendar":
        repo.calendar("weekend: [thu-bay, chu-nhat]\n")
    else:
        (units / "moi").mkdir()
    second = snapshot.remembered_inputs(repo.root, TODAY, Q1)
    assert len(counted) == 2
    assert second == status.gather(repo.root, TODAY, Q1)
    if change in ("edit a note", "add a note", "remove a note"):
        assert second != first


def test_another_day_or_question_is_another_reading(repo: RepoBuilder, counted: list[int]) -> None:
    _repo(repo)
    snapshot.remembered_inputs(repo.root, TODAY, Q1)
    snapshot.remembered_inputs(repo.root, date(2025, 3, 21), Q1)
    snapshot.remembered_inputs(repo.root, TODAY, Q1, "qldt")
    snapshot.remembered_inputs(repo.root, TODAY, None)
    assert len(counted) == 4
    for day, quarters, unit in ((TODAY, Q1, None), (TODAY, Q1, "qldt"), (TODAY, None, None)):
        snapshot.remembered_inputs(repo.root, day, quarters, unit)
    assert len(counted) == 4 + 1  # the 21st replaced the 20th: one snapshot per question


def test_a_new_commit_is_read_again(repo: RepoBuilder, counted: list[int]) -> None:
    _repo(repo)
    repo.init("2025-03-05")
    first = snapshot.remembered_inputs(repo.root, TODAY, Q1)
    assert first.submissions["data/units/vp/2025Q1.md"].landed == date(2025, 3, 5)
    repo.git("commit", "-q", "--allow-empty", "-m", "khác", day="2025-03-06")
    snapshot.remembered_inputs(repo.root, TODAY, Q1)
    assert len(counted) == 2
    repo.git("checkout", "-q", "-b", "nhanh-khac")  # same commit, another branch: git's answer may differ
    snapshot.remembered_inputs(repo.root, TODAY, Q1)
    assert len(counted) == 3
    snapshot.remembered_inputs(repo.root, TODAY, Q1)
    assert len(counted) == 3


def test_files_changed_in_the_last_moments_are_not_remembered(
    repo: RepoBuilder, monkeypatch: pytest.MonkeyPatch, private_cache: Path
) -> None:
    _repo(repo)  # written just now: within SETTLE_NS of the call
    snapshot.remembered_inputs(repo.root, TODAY, Q1)
    assert not (private_cache / "nq43" / "status").exists() or not list((private_cache / "nq43" / "status").iterdir())


def test_switched_off_by_the_environment(
    repo: RepoBuilder, counted: list[int], monkeypatch: pytest.MonkeyPatch, private_cache: Path
) -> None:
    _repo(repo)
    monkeypatch.setenv(snapshot.NO_CACHE_ENV, "1")
    snapshot.remembered_inputs(repo.root, TODAY, Q1)
    snapshot.remembered_inputs(repo.root, TODAY, Q1)
    assert len(counted) == 2
    assert not (private_cache / "nq43").exists()


@pytest.mark.parametrize("damage", ["garbage", "empty", "writable by others", "another state"])
def test_a_snapshot_that_cannot_be_trusted_is_not_used(
    repo: RepoBuilder, counted: list[int], private_cache: Path, damage: str
) -> None:
    _repo(repo)
    first = snapshot.remembered_inputs(repo.root, TODAY, Q1)
    [saved] = (private_cache / "nq43" / "status").iterdir()
    if damage == "garbage":
        saved.write_bytes(b"\x80\x05not a pickle")
    elif damage == "empty":
        saved.write_bytes(b"")
    elif damage == "writable by others":
        saved.chmod(0o666)
    else:
        other = snapshot.current_state(repo.root, date(2000, 1, 1), Q1, None)
        assert other is not None
        snapshot.save(str(saved), other, first)
    assert snapshot.remembered_inputs(repo.root, TODAY, Q1) == first
    assert len(counted) == 2


def test_an_unwritable_cache_folder_only_costs_time(
    repo: RepoBuilder, counted: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _repo(repo)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert snapshot.remembered_inputs(repo.root, TODAY, Q1) == snapshot.remembered_inputs(repo.root, TODAY, Q1)
    assert len(counted) == 2


# --- head_state: what git's history depends on, without running git ---


def test_head_state_follows_commits_branches_and_packing(repo: RepoBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GIT_DIR", raising=False)
    assert head_state(repo.root) == ("no repository",)
    repo.init()
    first = head_state(repo.root / "data")
    assert first is not None and first == head_state(repo.root)
    repo.git("commit", "-q", "--allow-empty", "-m", "hai", day="2025-01-02")
    second = head_state(repo.root)
    assert second != first
    repo.git("pack-refs", "--all")
    packed = head_state(repo.root)
    assert packed is not None and packed != second
    head = repo.git("rev-parse", "HEAD").strip()
    repo.git("checkout", "-q", head)  # detached
    detached = head_state(repo.root)
    assert detached is not None and head in detached[1]


def test_head_state_of_a_worktree_is_its_own(repo: RepoBuilder, tmp_path: Path) -> None:
    repo.init()
    other = tmp_path / "cay-khac"
    repo.git("worktree", "add", "-q", "-b", "khac", str(other))
    main, linked = head_state(repo.root), head_state(other)
    assert main is not None and linked is not None and main != linked
    repo.git("commit", "-q", "--allow-empty", "-m", "ba", day="2025-01-03", cwd=other)
    assert head_state(other) != linked
    assert head_state(repo.root) == main


def test_head_state_gives_up_when_git_is_pointed_elsewhere(repo: RepoBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.init()
    monkeypatch.setenv("GIT_DIR", str(repo.root / ".git"))
    assert head_state(repo.root) is None
    monkeypatch.delenv("GIT_DIR")
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    assert head_state(repo.root) is None
    monkeypatch.delenv("GIT_CONFIG_COUNT")
    (repo.root / ".git" / "reftable").mkdir()
    assert head_state(repo.root) is None


@pytest.mark.parametrize("args", [{}, {"tasks": True}, {"unit": "qldt"}, {"year": 2025}, {"fmt": "json"}])
def test_status_shows_the_same_from_a_snapshot(
    repo: RepoBuilder, counted: list[int], capsys: pytest.CaptureFixture[str], args: dict[str, object]
) -> None:
    from nq43.status_command import run

    _repo(repo)
    repo.init("2025-03-05")
    shown = []
    for _ in range(2):
        code = run(root=repo.root, day="2025-03-20", **args)  # type: ignore[arg-type]
        shown.append((code, *capsys.readouterr()))
    assert len(counted) == 1
    assert shown[0] == shown[1]
    assert "2025" in shown[0][1]  # a real view, shown twice alike


def test_a_deep_tree_under_data_is_walked_without_overflow(repo: RepoBuilder, counted: list[int]) -> None:
    _repo(repo)
    deep = repo.root / "data" / "khac"
    deep.mkdir()
    for _ in range(1200):  # deeper than Python's recursion limit (made a level at a time for the same reason)
        deep = deep / "a"
        deep.mkdir()
    try:
        state = snapshot.current_state(repo.root, TODAY, Q1, None)
        assert state is not None and sum(1 for entry in state.files if entry[0].startswith("khac")) == 1201
        assert snapshot.remembered_inputs(repo.root, TODAY, Q1) == snapshot.remembered_inputs(repo.root, TODAY, Q1)
        assert len(counted) == 1
    finally:  # bottom up: pytest's clean-up (shutil.rmtree) recurses, and would overflow on this tree
        while deep != repo.root / "data":
            deep.rmdir()
            deep = deep.parent


def test_the_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert snapshot.cache_folder() == str(tmp_path / "nq43" / "status")
    monkeypatch.setenv("HOME", str(tmp_path / "nha"))
    for ignored in ("relative/folder", ""):
        monkeypatch.setenv("XDG_CACHE_HOME", ignored)
        assert snapshot.cache_folder() == str(tmp_path / "nha" / ".cache" / "nq43" / "status")


def test_head_state_sees_a_shallow_clone_deepened(repo: RepoBuilder, tmp_path: Path) -> None:
    repo.init()
    for n in range(3):
        repo.git("commit", "-q", "--allow-empty", "-m", f"lần {n}", day=f"2025-01-0{n + 2}")
    clone = tmp_path / "ban-sao"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    shallow = head_state(clone)
    assert shallow is not None
    repo.git("fetch", "-q", "--unshallow", cwd=clone)
    deepened = head_state(clone)
    assert deepened is not None and deepened != shallow and deepened[1:3] == shallow[1:3]  # same HEAD, same ref
