"""Write outputs atomically: a temporary file beside the target, then a rename, so no half file survives."""

from __future__ import annotations

import contextlib
import os
import tempfile
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


def create_new(path: Path, data: str) -> bool:
    """Write `path` only if it does not exist yet (atomically); False when it already exists."""
    try:
        temporary = _temporary(path, data.encode("utf-8"))
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
