"""Write outputs atomically: a temporary file beside the target, then a rename, so no half file survives.

A set of files that belong together (a report's .docx and .md) is replaced as one with `replace_together`: the
new files are staged in a folder beside the targets, a marker commits the set, then they are renamed into place;
the next run finishes a committed swap or drops an uncommitted one (`settle`), so a kill at any moment leaves the
old set or the new set, never one new file beside an old one.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

from nq43.support.errors import OutputError
from nq43.support.text import Text

_NOT_WRITTEN = Text(
    'Không ghi được "{path}": {reason}. Tệp cũ (nếu có) vẫn nguyên vẹn.',
    'Cannot write "{path}": {reason}. Any previous file is intact.',
)


def _failure(path: Path, error: OSError) -> OutputError:
    return OutputError(_NOT_WRITTEN, path=path, reason=error.strerror or str(error))


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _temporary(path: Path, data: bytes) -> Path:
    """Write data to a new temporary file in the target's folder, flushed to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would, or the old file's.
        os.fchmod(handle, _mode_for(path))
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace `path` with `data` in one step; readers see the old file or the new one, never a mix."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        temporary = _temporary(path, payload)
    except OSError as error:
        raise _failure(path, error) from None
    try:
        os.replace(temporary, path)
    except BaseException as error:  # Ctrl-C included: never leave the temporary file behind
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise _failure(path, error) from None
        raise


def create_new(path: Path, data: bytes | str) -> bool:
    """Write `path` only if it does not exist yet (atomically); False when it already exists."""
    try:
        temporary = _temporary(path, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as error:
        raise _failure(path, error) from None
    try:
        os.link(temporary, path)
    except FileExistsError:
        return False
    except OSError as error:
        raise _failure(path, error) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return True


# A set of files replaced together (a report's .docx and .md): see `replace_together`.
STAGING_DIR = ".nq43-dang-ghi"
READY_MARKER = ".xong"
_LEGACY_TEMPORARY = re.compile(r"\.(?P<target>.+)\.[A-Za-z0-9_]{8}\.tmp")


def replace_together(folder: Path, files: Mapping[str, bytes | str]) -> list[Path]:
    """Replace several files of `folder` as one set: after a kill at any moment, the next call (or `settle`)
    leaves either every old file or every new one, never a mix.

    How: every new file is written, flushed, into the staging folder `folder/.nq43-dang-ghi/` (same file system);
    then the marker `.xong` is created in it, which is the commit point; then each file is renamed into place and
    the staging folder removed. `settle` runs first: a staging folder with the marker is a swap that was
    interrupted after the commit point, so it is finished (the files still staged are renamed into place); one
    without the marker was interrupted before any target was touched, so it is deleted. Only one run may write
    a folder at a time.
    """
    staging = folder / STAGING_DIR
    try:
        settle(folder, tuple(files))
        staging.mkdir(parents=True)
        try:
            for name, data in files.items():
                _write_synced(staging / name, data.encode("utf-8") if isinstance(data, str) else data, folder / name)
            _sync_folder(staging)
            (staging / READY_MARKER).touch()
            _sync_folder(staging)
        except BaseException:  # Ctrl-C included: not committed, so drop what was staged
            _discard(staging)
            raise
        try:
            _finish(folder)
        except OSError:
            if all((staging / name).exists() for name in files):  # nothing moved yet: undo instead
                _discard(staging)
            raise
    except OSError as error:
        raise _failure(folder, error) from None
    return [folder / name for name in files]


def settle(folder: Path, names: tuple[str, ...] = ()) -> None:
    """Finish or undo a swap a killed run left in `folder`, and remove the temporary files `write_atomic` left
    beside any of `names`. Only the names nq43 itself makes are touched."""
    staging = folder / STAGING_DIR
    if (staging / READY_MARKER).exists():
        _finish(folder)
    elif staging.is_dir():
        _discard(staging)
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        match = _LEGACY_TEMPORARY.fullmatch(entry.name)
        if match and match["target"] in names and entry.is_file() and not entry.is_symlink():
            entry.unlink()


def _discard(staging: Path) -> None:
    """Drop an uncommitted swap: the marker first (so a kill meanwhile cannot commit a partial set), then the
    staged files nq43 wrote, then the folder."""
    with contextlib.suppress(OSError):
        (staging / READY_MARKER).unlink(missing_ok=True)
        for entry in staging.iterdir():
            if entry.is_file() and not entry.is_symlink():
                entry.unlink()
        staging.rmdir()


def _finish(folder: Path) -> None:
    """Roll a committed swap forward: rename every staged file into place, then drop the marker and the folder."""
    staging = folder / STAGING_DIR
    for entry in sorted(staging.iterdir()):
        if entry.name != READY_MARKER:
            os.replace(entry, folder / entry.name)
    _sync_folder(folder)
    (staging / READY_MARKER).unlink()
    staging.rmdir()


def _write_synced(path: Path, data: bytes, replacing: Path) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(handle, _mode_for(replacing))
    with os.fdopen(handle, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _sync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
