"""Run git read-only in the data repository; every caller gets text or None, never an exception."""

from __future__ import annotations

import os
from pathlib import Path


def git(root: Path, *args: str) -> str | None:
    """stdout of `git args` run in `root`, or None when git is missing, `root` is no repository, or git fails."""
    import subprocess  # here, so that a status read from a snapshot starts without it

    try:
        done = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def is_repository(root: Path) -> bool:
    return git(root, "rev-parse", "--is-inside-work-tree") is not None


def is_shallow(root: Path) -> bool:
    return (git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"


# Environment variables that change which repository, refs, objects or history git reads.
_RELOCATING = frozenset({
    "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    "GIT_NAMESPACE", "GIT_REPLACE_REF_BASE", "GIT_NO_REPLACE_OBJECTS", "GIT_GRAFT_FILE", "GIT_SHALLOW_FILE",
})


def head_state(root: Path) -> tuple[object, ...] | None:
    """What the history of HEAD depends on, read from the repository's files without running git (importing
    subprocess and one git call would add a third to a status call from its snapshot): the commit or branch
    HEAD names, that branch's ref, and the files that can change what a ref or the history means (packed
    refs, shallow grafts, config).

    Two equal states mean git would tell the same history; the state is a cache key, never shown. None when
    the files cannot say it surely: a variable that moves what git reads (GIT_DIR, GIT_CONFIG_*...), a layout
    this reading does not know (reftable refs, an unreadable .git), anything unexpected.
    """
    if any(name in _RELOCATING or name.startswith("GIT_CONFIG") for name in os.environ):
        return None
    folder = os.path.abspath(root)
    while not os.path.lexists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return ("no repository",)
        folder = parent
    dot_git = os.path.join(folder, ".git")
    try:
        if os.path.isdir(dot_git):
            git_dir = dot_git
        else:  # a worktree or a submodule: "gitdir: <path>"
            pointer = _read(dot_git)
            if not pointer.startswith("gitdir: "):
                return None
            git_dir = os.path.join(folder, pointer[len("gitdir: "):].strip())
        common = git_dir
        if os.path.exists(os.path.join(git_dir, "commondir")):
            common = os.path.join(git_dir, _read(os.path.join(git_dir, "commondir")).strip())
        if os.path.exists(os.path.join(common, "reftable")):
            return None
        head = _read(os.path.join(git_dir, "HEAD")).strip()
        ref = ""
        if head.startswith("ref: "):
            name = head[len("ref: "):]
            ref_file = os.path.join(common, name)
            ref = _read(ref_file) if os.path.isfile(ref_file) else "packed"
    except (OSError, UnicodeDecodeError):
        return None
    watched = [os.path.join(common, name) for name in ("packed-refs", "config", "shallow")]
    if common != git_dir:  # a linked worktree: its own shallow file, if git ever keeps one there
        watched.append(os.path.join(git_dir, "shallow"))
    return (os.path.realpath(git_dir), head, ref, *(_stamp(path) for path in watched))


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read(4096)


def _stamp(path: str) -> tuple[int, int, int, int] | None:
    """A file's identity and last change (None when it does not exist)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns
