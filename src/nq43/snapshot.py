"""Remember what `nq43 status` read and checked, so that the next call can start from it.

Reading the directive, the calendar and the notes, checking them and asking git when each note landed is most
of what a status call costs (issue 6: YAML alone takes longer to import than the rest of the call). The
snapshot is that work's result (`status.Inputs`), kept in the user's cache folder and used again only while
everything it came from is as it was:
- every file and folder under data/ (name, kind, size, inode, modification and change time);
- git's HEAD, its branch and the files that change what history means (`gitrepo.head_state`);
- nq43 itself (its files), the Python that runs it and the versions of the installed packages;
- the day in view, and the quarters and unit asked for.
Any doubt means no snapshot: a git layout the reading does not know, a file changed in the last two seconds
(a second change within the file system's time resolution could go unseen), a cache folder that cannot be
written. NQ43_NO_CACHE=1 turns it off.

A snapshot is a pickle, so it lives in a private folder of the user's, never in the repository (where a pull
request could place one), and is read only when the user owns it and no one else can write it.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
import time
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

import nq43
from nq43.gitrepo import head_state

if TYPE_CHECKING:
    from datetime import date

    from nq43.models import Quarter
    from nq43.status import Inputs

NO_CACHE_ENV = "NQ43_NO_CACHE"
FORMAT = 1  # raise when the content of a snapshot changes in a way its key does not show
# A file changed this recently may change again within the file system's time resolution, unseen.
SETTLE_NS = 2_000_000_000

Entry = tuple[str, int, int, int, int, int]  # path, mode, size, inode, modified, changed (ns)


class State(NamedTuple):
    """Everything a status call's inputs depend on: equal states, equal inputs."""

    format: int
    code: tuple[Any, ...]
    root: str
    today: str
    selection: tuple[tuple[str, ...] | None, str | None]
    git: tuple[object, ...]
    files: tuple[Entry, ...]


def remembered_inputs(
    root: Path, today: date, quarters: Iterable[Quarter] | None = None, unit: str | None = None
) -> Inputs:
    """`status.gather(root, today, quarters, unit)`, from the snapshot when nothing it depends on has changed."""
    from nq43.status import gather

    wanted = None if quarters is None else sorted(set(quarters))
    started = time.time_ns()
    switched_off = os.environ.get(NO_CACHE_ENV, "") not in ("", "0")
    state = None if switched_off else current_state(root, today, wanted, unit)
    file = None if state is None else snapshot_file(root, wanted, unit)
    if state is not None and file is not None:
        remembered = load(file, state)
        if remembered is not None:
            return remembered
    result = gather(root, today, wanted, unit)
    if state is not None and file is not None and settled(state, started):
        save(file, state, result)
    return result


def current_state(root: Path, today: date, quarters: list[Quarter] | None, unit: str | None) -> State | None:
    """Everything a status call's inputs depend on; None when that cannot be told surely."""
    git = head_state(root)
    if git is None or not hasattr(os, "getuid"):  # without owners to check (Windows), no snapshot is trusted
        return None
    try:
        files = tuple(_tree(os.path.join(root, "data"), ""))
        code = _code()
    except OSError:
        return None
    selection = (None if quarters is None else tuple(str(q) for q in quarters), unit)
    return State(FORMAT, code, str(root), today.isoformat(), selection, git, files)


def settled(state: State, started: int) -> bool:
    """True when no file under data/ changed in the SETTLE_NS before `started`."""
    newest = max((max(modified, changed) for *_, modified, changed in state.files), default=0)
    return newest < started - SETTLE_NS


def cache_folder() -> str | None:
    """$XDG_CACHE_HOME/nq43/status, else ~/.cache/nq43/status (a relative XDG_CACHE_HOME is ignored, as the
    XDG specification says); None without a home folder."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "nq43", "status") if os.path.isabs(base) else None


def snapshot_file(root: Path, quarters: list[Quarter] | None, unit: str | None) -> str | None:
    """One file per repository and question (the quarters and unit asked for)."""
    folder = cache_folder()
    if folder is None:
        return None
    asked = "-".join([*(map(str, quarters) if quarters is not None else ["all"]), *([unit] if unit else [])])
    return os.path.join(folder, f"{zlib.crc32(os.fsencode(root)):08x}-{zlib.crc32(asked.encode()):08x}.pickle")


def load(file: str, state: State) -> Inputs | None:
    """The inputs a snapshot holds, if it is ours, private and taken in `state`; None otherwise."""
    try:
        with open(file, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
            saved_state, saved = pickle.load(handle)
    except Exception:  # a missing, partly written, foreign or outdated snapshot is simply not used
        return None
    return saved if saved_state == state else None


def save(file: str, state: State, result: Inputs) -> None:
    """Keep `result` for the next call; a snapshot that cannot be written is not an error, only slower."""
    from nq43.output import write_atomic  # and with it tempfile: only when a snapshot is written

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {MappingProxyType: _reduce_proxy}
    try:
        os.makedirs(os.path.dirname(file), mode=0o700, exist_ok=True)
        pickler.dump((state, result))
        write_atomic(Path(file), buffer.getvalue())
        os.chmod(file, 0o600)
    except Exception:  # any failure only means that the next call reads everything again
        return


def _reduce_proxy(proxy: Mapping[Any, Any]) -> tuple[Any, ...]:
    """Pickle a read-only mapping (which pickle refuses) as a copy, read back by `_read_only`."""
    return _read_only, (dict(proxy),)


def _read_only(data: dict[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(data)


def _tree(folder: str, prefix: str) -> list[Entry]:
    """Every entry under `folder`, depth first in name order: (path, mode, size, inode, modified, changed).

    Links are listed, not followed; the walk keeps its own stack, so no depth of folders can overflow Python's.
    """
    found = []
    pending = [(folder, prefix)]
    while pending:
        here, start = pending.pop()
        with os.scandir(here) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        below = []
        for entry in entries:
            info = entry.stat(follow_symlinks=False)
            name = start + entry.name
            found.append((name, info.st_mode, info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns))
            if entry.is_dir(follow_symlinks=False):
                below.append((entry.path, name + "/"))
        pending += reversed(below)
    return found


def _code() -> tuple[Any, ...]:
    """nq43's own files, the Python, and every installed package with its version (from the .dist-info names)."""
    package = os.path.dirname(nq43.__file__)
    own = tuple((name, size, modified) for name, _, size, _, modified, _ in _tree(package, "")
                if "__pycache__" not in name)
    installed = []
    for folder in sys.path:
        if folder.endswith(("site-packages", "dist-packages")) and os.path.isdir(folder):
            installed += sorted(name for name in os.listdir(folder) if name.endswith(".dist-info"))
    return nq43.__version__, sys.version, own, tuple(installed)
