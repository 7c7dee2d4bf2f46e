"""Run git read-only in the data repository; every caller gets text or None, never an exception."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(root: Path, *args: str) -> str | None:
    """stdout of `git args` run in `root`, or None when git is missing, `root` is no repository, or git fails."""
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


def git_bytes(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """stdout of `git args` as bytes (file names and contents exactly as git stores them), or None on failure."""
    try:
        done = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def decode_path(raw: bytes) -> str:
    """A path from git as text: UTF-8, with any other byte kept as a lone surrogate (shown escaped on output),
    so that a non-UTF-8 name stays distinct and keeps its findings."""
    return raw.decode("utf-8", errors="surrogateescape")
