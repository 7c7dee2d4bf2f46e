"""The files a branch changes against its base, from git, also on the shallow clones that CI makes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from nq43.support.errors import GitHistoryMissing
from nq43.support.git import decode_path, git, git_bytes, is_repository, is_shallow
from nq43.support.text import Text

# How far to deepen a shallow clone, step by step, before fetching the whole history: a pull request of a
# unit is a handful of commits, so the first step nearly always finds the fork point cheaply.
DEEPEN_STEPS = (50, 500)

_CI_ADVICE = Text(
    'Trên GitHub Actions, thêm "fetch-depth: 0" vào mục "with:" của bước actions/checkout; '
    'trên GitLab CI, đặt biến "GIT_DEPTH: 0" (mục variables:) cho công việc kiểm tra.',
    'On GitHub Actions, add "fetch-depth: 0" under "with:" of the actions/checkout step; '
    'on GitLab CI, set the variable "GIT_DEPTH: 0" for the checking job.',
)
_NOT_GIT = Text(
    '"{root}" không nằm trong một kho git: nq43 check so sánh nhánh với nhánh gốc nên cần git.',
    '"{root}" is not inside a git repository: nq43 check compares a branch with its base, so it needs git.',
)
_HEAD_NOT_FETCHED = Text(
    'Không tìm thấy commit "{head}" (--head) trong kho: hãy tải commit đó về trước (git fetch).',
    'The commit "{head}" (--head) is not in the repository: fetch it first (git fetch).',
)
_NO_HEAD = Text("Kho git chưa có commit nào (HEAD trống).", "The git repository has no commit yet (no HEAD).")
_NOT_FETCHED = Text("không tải được từ máy chủ", "could not be fetched")
_NOT_TRIED = Text("không tải từ máy chủ (--no-fetch)", "not fetched (--no-fetch)")
_NO_REMOTE = Text("không có remote tương ứng để tải", "no matching remote to fetch it from")
_NO_BASE = Text(
    'Không tìm thấy nhánh gốc "{base}" trong kho ({tried}). '
    "Kiểm tra tên nhánh ở --base (ví dụ origin/main). " + _CI_ADVICE.vi,
    'The base "{base}" is not in the repository ({tried}). '
    "Check the name given to --base (e.g. origin/main). " + _CI_ADVICE.en,
)
_SHALLOW = Text(
    'Không tìm được điểm rẽ nhánh giữa "{base}" và HEAD: bản sao kho là bản nông (shallow clone), '
    "thiếu lịch sử, và không tải thêm được. " + _CI_ADVICE.vi,
    'No merge base between "{base}" and HEAD: this is a shallow clone without the history needed, '
    "and it could not be fetched. " + _CI_ADVICE.en,
)
_UNRELATED = Text(
    'Nhánh hiện tại và "{base}" không có lịch sử chung: hãy tạo nhánh từ "{base}" rồi nộp lại.',
    'The current branch and "{base}" share no history: branch off "{base}" and submit again.',
)
_DIFF_FAILED = Text("git diff giữa {base} và HEAD thất bại.", "git diff between {base} and HEAD failed.")


class Change(NamedTuple):
    """One file the branch changes; paths are relative to the nq43 root, with forward slashes."""

    status: str  # A added, M modified, D deleted, R renamed, C copied, T type changed
    path: str  # the new path of a rename or copy; bytes that are not UTF-8 are kept as lone surrogates
    old_path: str | None = None
    mode: str = "100644"  # git's file mode at HEAD: 100644/100755 a file, 120000 a symlink, 160000 a submodule
    blob: str | None = None  # the object id of the file at HEAD (None for a deletion or when not known)

    @property
    def deleted(self) -> bool:
        return self.status == "D"


class ChangeSet(NamedTuple):
    base: str  # as the user named it, e.g. origin/main
    base_commit: str
    merge_base: str
    head_commit: str
    changes: tuple[Change, ...]
    fetched: tuple[str, ...] = ()  # what had to be fetched first, told to the user

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(c.path for c in self.changes)


def _rev(root: Path, rev: str) -> str | None:
    out = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    return out.strip() if out else None


def _remotes(root: Path) -> list[str]:
    return (git(root, "remote") or "").split()


def _remote_branch(root: Path, base: str) -> tuple[str, str] | None:
    """("origin", "main") for "origin/main" (or "refs/remotes/origin/main") when such a remote exists."""
    name = base.removeprefix("refs/remotes/")
    for remote in sorted(_remotes(root), key=len, reverse=True):
        if name.startswith(remote + "/") and len(name) > len(remote) + 1:
            return remote, name[len(remote) + 1 :]
    return None


def _fetch_refspec(root: Path, remote: str, refspec: str | None, *options: str) -> bool:
    args = ["fetch", "--quiet", "--no-tags", *options, remote]
    if refspec:
        args.append(refspec)
    return git(root, *args) is not None


def _relative(path: str, top: Path, root: Path) -> str:
    """A path git gives relative to the repository's top level, made relative to the nq43 root."""
    full = top / path
    try:
        return full.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(full, root)).as_posix()


def parse_raw(output: bytes, top: Path, root: Path) -> tuple[Change, ...]:
    """Parse `git diff --raw -z --no-abbrev` output: NUL-separated bytes, so any file name survives as it is."""
    fields = output.split(b"\0")
    changes: list[Change] = []
    index = 0
    while index < len(fields) and fields[index].startswith(b":"):
        _old_mode, new_mode, _old_blob, new_blob, state = fields[index][1:].decode("ascii").split(" ")
        status = state[0]
        first = _relative(decode_path(fields[index + 1]), top, root)
        blob = None if status == "D" else new_blob
        if status in "RC":
            second = _relative(decode_path(fields[index + 2]), top, root)
            changes.append(Change(status, second, first, new_mode, blob))
            index += 3
        else:
            changes.append(Change(status, first, None, new_mode, blob))
            index += 2
    return tuple(changes)


def changed_files(root: Path, base: str, *, fetch: bool = True, head_rev: str = "HEAD") -> ChangeSet:
    """The files `head_rev` (HEAD, or a pull request's fetched head commit) changes since it left `base` (what a
    pull request into `base` would change).

    On a shallow clone, the base and the missing history are fetched from the base's remote (or origin) when
    `fetch` is true; where that is impossible, the error says what to add to the CI configuration.
    """
    if not is_repository(root):
        raise GitHistoryMissing(_NOT_GIT, root=root)
    head = _rev(root, head_rev)
    if head is None and head_rev != "HEAD":
        raise GitHistoryMissing(_HEAD_NOT_FETCHED, head=head_rev)
    if head is None:
        raise GitHistoryMissing(_NO_HEAD)
    fetched: list[str] = []
    remote_branch = _remote_branch(root, base)
    refspec = None
    if remote_branch is not None:
        remote, branch = remote_branch
        refspec = f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}"

    base_commit = _rev(root, base)
    if base_commit is None and fetch and remote_branch is not None:
        if _fetch_refspec(root, remote_branch[0], refspec):
            fetched.append(f"git fetch {remote_branch[0]} {remote_branch[1]}")
        base_commit = _rev(root, base)
    if base_commit is None:
        tried = (_NOT_FETCHED if fetch else _NOT_TRIED) if remote_branch else _NO_REMOTE
        raise GitHistoryMissing(_NO_BASE, base=base, tried=tried)

    def merge_base() -> str | None:
        out = git(root, "merge-base", base_commit, head)
        return out.strip() if out else None

    found = merge_base()
    if found is None and fetch and is_shallow(root):
        source = remote_branch[0] if remote_branch else ("origin" if "origin" in _remotes(root) else None)
        if source is not None:
            for depth in DEEPEN_STEPS:
                if not _fetch_refspec(root, source, refspec, f"--deepen={depth}"):
                    break
                fetched.append(f"git fetch --deepen={depth} {source}")
                found = merge_base()
                if found is not None:
                    break
            if found is None and is_shallow(root) and _fetch_refspec(root, source, refspec, "--unshallow"):
                fetched.append(f"git fetch --unshallow {source}")
                found = merge_base()
    if found is None:
        if is_shallow(root):
            raise GitHistoryMissing(_SHALLOW, base=base)
        raise GitHistoryMissing(_UNRELATED, base=base)

    top_text = git(root, "rev-parse", "--show-toplevel")
    top = Path(top_text.strip()) if top_text else root
    output = git_bytes(root, "diff", "--raw", "-z", "--no-abbrev", "-M", "--no-ext-diff", found, head, "--")
    if output is None:
        raise GitHistoryMissing(_DIFF_FAILED, base=base)
    changes = parse_raw(output, top.resolve(), root.resolve())
    return ChangeSet(base, base_commit, found, head, changes, tuple(fetched))


def show(root: Path, rev: str, path: str) -> str | None:
    """The text of `path` (relative to the nq43 root) at revision `rev`, or None when it is not there."""
    return git(root, "show", f"{rev}:./{path}")
