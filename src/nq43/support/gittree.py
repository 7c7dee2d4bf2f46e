"""The files of one commit, read with `git ls-tree` and `git cat-file` (read-only), and written to a private
temporary folder so that the ordinary loaders can read them; links, submodules and unsafe paths are never
written."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from nq43.support.git import decode_path, git_bytes

REGULAR = frozenset({"100644", "100755"})  # git's modes of a plain file (not a link, not a submodule)


class Entry(NamedTuple):
    mode: str
    blob: str
    path: str  # relative to the nq43 root, forward slashes, surrogates for bytes that are not UTF-8


def unsafe(path: str, mode: str) -> str | None:
    """Why a path from a commit must be refused, in Vietnamese (the finding's reason), or None when it is fine."""
    if mode == "120000":
        return "liên kết (symlink) không được phép trong kho"
    if mode == "160000":
        return "kho con (submodule) không được phép"
    if any("\udc80" <= ch <= "\udcff" for ch in path):
        return "tên tệp không phải UTF-8"
    parts = PurePosixPath(path).parts
    if path.startswith("/") or "\\" in path:
        return "đường dẫn tuyệt đối hoặc có dấu \\"
    if any(part in ("..", ".") for part in path.split("/")):
        return 'đường dẫn có thành phần ".." hoặc "."'
    if any(part.casefold() == ".git" for part in parts):
        return 'đường dẫn có thành phần ".git"'
    return None


def entries(root: Path, commit: str, paths: Iterable[str]) -> list[Entry]:
    """Every file under `paths` (relative to the nq43 root) in `commit`."""
    output = git_bytes(root, "ls-tree", "-r", "-z", "--end-of-options", commit, "--", *paths)
    found = []
    for record in (output or b"").split(b"\0"):
        if not record:
            continue
        head, _, raw_path = record.partition(b"\t")
        mode, _kind, blob = head.decode("ascii").split(" ")
        found.append(Entry(mode, blob, decode_path(raw_path)))
    return found


def blobs(root: Path, ids: Iterable[str]) -> dict[str, bytes]:
    """The contents of git objects by id, in one `git cat-file --batch` call."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    output = git_bytes(root, "cat-file", "--batch", stdin=("\n".join(wanted) + "\n").encode("ascii")) or b""
    found: dict[str, bytes] = {}
    at = 0
    while at < len(output):
        end = output.index(b"\n", at)
        header = output[at:end].decode("ascii").split(" ")
        at = end + 1
        if len(header) != 3:  # "<id> missing"
            continue
        size = int(header[2])
        found[header[0]] = output[at : at + size]
        at += size + 1
    return found


def write(target: Path, files: Iterable[Entry], contents: dict[str, bytes]) -> None:
    """Write plain files under `target`; links, submodules and unsafe paths are skipped (findings say why)."""
    for entry in files:
        if entry.mode not in REGULAR or unsafe(entry.path, entry.mode) is not None:
            continue
        file = target / entry.path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(contents.get(entry.blob, b""))
