"""Commits as folders: the files of one commit, read with `git ls-tree` and `git cat-file`, written to a
private temporary folder so that the ordinary loaders can read them. The working tree is never read, so
uncommitted files cannot change what the gate judges."""

from __future__ import annotations

from pathlib import Path

from nq43.check.codeowners import TARGETS
from nq43.load.issued import RECORD_NAME, REPORTS_DIR
from nq43.support.gittree import REGULAR, Entry, blobs, entries, unsafe, write

__all__ = ["REGULAR", "Entry", "blobs", "checkout_data", "entries", "unsafe", "write"]


def checkout_data(root: Path, commit: str, target: Path) -> list[Entry]:
    """Write what nq43 reads of `commit` (data/, the issue records, the CODEOWNERS files) under `target`."""
    wanted = ["data", REPORTS_DIR, *TARGETS.values()]
    files = [
        e
        for e in entries(root, commit, wanted)
        if not e.path.startswith(REPORTS_DIR + "/") or e.path.endswith("/" + RECORD_NAME)
    ]
    write(target, files, blobs(root, (e.blob for e in files if e.mode in REGULAR)))
    target.mkdir(parents=True, exist_ok=True)
    return files
