"""A set of files replaced together: a half-done swap is finished or undone by the next run, strays are removed."""

from __future__ import annotations

from pathlib import Path

from nq43.support.output import READY_MARKER, STAGING_DIR, replace_together, settle

NAMES = ("bao-cao.docx", "bao-cao.md")


def _old_pair(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        (folder / name).write_text(f"old {name}", encoding="utf-8")


def _contents(folder: Path) -> dict[str, str]:
    return {entry.name: entry.read_text(encoding="utf-8") for entry in folder.iterdir() if entry.is_file()}


def test_both_files_are_replaced_and_nothing_is_left_behind(tmp_path: Path) -> None:
    _old_pair(tmp_path)
    written = replace_together(tmp_path, {name: f"new {name}" for name in NAMES})

    assert written == [tmp_path / name for name in NAMES]
    assert sorted(entry.name for entry in tmp_path.iterdir()) == sorted(NAMES)
    assert _contents(tmp_path) == {name: f"new {name}" for name in NAMES}


def test_a_committed_swap_cut_halfway_is_finished(tmp_path: Path) -> None:
    _old_pair(tmp_path)
    staging = tmp_path / STAGING_DIR
    staging.mkdir()
    (staging / NAMES[1]).write_text("new md", encoding="utf-8")
    (staging / READY_MARKER).touch()
    (tmp_path / NAMES[0]).write_text("new docx", encoding="utf-8")  # the first rename had happened

    settle(tmp_path, NAMES)

    assert _contents(tmp_path) == {NAMES[0]: "new docx", NAMES[1]: "new md"}
    assert not staging.exists()


def test_an_uncommitted_swap_is_undone(tmp_path: Path) -> None:
    _old_pair(tmp_path)
    staging = tmp_path / STAGING_DIR
    staging.mkdir()
    (staging / NAMES[0]).write_text("new docx", encoding="utf-8")

    settle(tmp_path, NAMES)

    assert _contents(tmp_path) == {name: f"old {name}" for name in NAMES}
    assert not staging.exists()


def test_only_nq43s_own_temporary_files_are_removed(tmp_path: Path) -> None:
    _old_pair(tmp_path)
    strays = [".bao-cao.docx.k3j_x9a1.tmp", ".bao-cao.md.abcdefgh.tmp"]
    kept = [".bao-cao.docx.ghi-chu.tmp", ".khac.docx.abcdefgh.tmp", "bao-cao.docx.abcdefgh.tmp", ".bao-cao.md.tmp"]
    for name in strays + kept:
        (tmp_path / name).write_text("x", encoding="utf-8")

    replace_together(tmp_path, {name: "new" for name in NAMES})

    assert sorted(entry.name for entry in tmp_path.iterdir()) == sorted([*NAMES, *kept])
