"""Writing outputs: atomic replacement, no overwrite for new notes, clear errors, nothing left behind."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from nq43.cli.app import exit_code
from nq43.support.errors import OutputError
from nq43.support.output import create_new, write_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_atomic_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao" / "2025Q1.md"
    write_atomic(target, "Báo cáo quý I\n")
    assert target.read_bytes() == "Báo cáo quý I\n".encode()
    write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert leftovers(target.parent) == []


def no_space(*_: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_keeps_the_old_file_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OutputError) as raised:
        write_atomic(target, b"new")
    assert exit_code(raised.value) == 1
    assert raised.value.message("vi") == (
        f'Không ghi được "{target}": No space left on device. Tệp cũ (nếu có) vẫn nguyên vẹn.'
    )
    assert (
        raised.value.message("en") == f'Cannot write "{target}": No space left on device. Any previous file is intact.'
    )
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_failed_rename_and_interrupt_leave_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"old")

    def read_only(*_: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only)
    with pytest.raises(OutputError, match="Read-only file system"):
        write_atomic(target, b"new")
    assert leftovers(tmp_path) == []

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError):
        write_atomic(blocker / "bao-cao.docx", b"new")


def test_killed_while_writing_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"previous report")
    child = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from nq43.support import output\n"
        "def stall(fd):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "output.os.fsync = stall\n"
        "output.write_atomic(Path(sys.argv[1]), b'new report' * 100000)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", child, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "writing\n"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
    assert target.read_bytes() == b"previous report"


def test_concurrent_writers_give_one_complete_file(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.docx"
    payloads = [bytes([65 + i]) * 200_000 for i in range(8)]
    threads = [threading.Thread(target=write_atomic, args=(target, p)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_bytes() in payloads
    assert leftovers(tmp_path) == []


def test_create_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "data" / "units" / "qldt" / "2025Q1.md"
    assert create_new(target, "khung\n") is True
    assert target.read_text(encoding="utf-8") == "khung\n"
    before = os.stat(target).st_mtime_ns
    time.sleep(0.01)
    assert create_new(target, "khác\n") is False
    assert target.read_text(encoding="utf-8") == "khung\n"
    assert os.stat(target).st_mtime_ns == before
    assert leftovers(target.parent) == []


def test_create_new_does_not_follow_a_dangling_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    link = tmp_path / "2025Q1.md"
    link.symlink_to(outside)
    assert create_new(link, "khung\n") is False
    assert not outside.exists()


def test_create_new_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OutputError):
        create_new(tmp_path / "2025Q1.md", "khung\n")
    assert list(tmp_path.iterdir()) == []


def test_new_files_get_the_usual_permissions_not_private_ones(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        target = tmp_path / "report.md"
        write_atomic(target, "x")
        assert target.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)


def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640
