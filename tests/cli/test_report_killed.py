"""`nq43 report` killed (SIGKILL) at random moments, as real processes: the folder always holds the old pair or the
new pair once the next run has settled it, and the next run leaves no temporary file."""

from __future__ import annotations

import hashlib
import random
import subprocess
import sys
import time
from pathlib import Path

from nq43.support.output import settle
from reportdata import full_notes, make_repo

KILLS = 50
BUDGET_SECONDS = 30.0
NAMES = ("bao-cao-2025Q1.docx", "bao-cao-2025Q1.md")


def _command(root: Path, day: str, out: Path) -> list[str]:
    options = ["--root", str(root), "--quarter", "2025Q1", "--today", "2025-03-31", "--date", day, "--out", str(out)]
    return [sys.executable, "-m", "nq43", "report", *options]


def _pair(folder: Path) -> tuple[str, str]:
    docx, md = (hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in NAMES)
    return docx, md


def _run(root: Path, day: str, out: Path) -> float:
    started = time.monotonic()
    subprocess.run(_command(root, day, out), check=True, capture_output=True)
    return time.monotonic() - started


def test_a_kill_at_any_moment_leaves_the_old_pair_or_the_new_pair(tmp_path: Path) -> None:
    root = make_repo(tmp_path, full_notes())
    days = ("2025-03-10", "2025-03-20")
    pairs: dict[str, tuple[str, str]] = {}
    for day in days:
        duration = _run(root, day, tmp_path / day)
        pairs[day] = _pair(tmp_path / day)
    assert pairs[days[0]][0] != pairs[days[1]][0] and pairs[days[0]][1] != pairs[days[1]][1]
    folder = tmp_path / "out"
    _run(root, days[0], folder)
    current = days[0]

    rng = random.Random(43)
    left: set[str] = set()
    deadline = time.monotonic() + BUDGET_SECONDS
    for _ in range(KILLS):
        if time.monotonic() > deadline:
            break
        target = days[1] if current == days[0] else days[0]
        process = subprocess.Popen(_command(root, target, folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 1.05) * duration)  # aimed at the end of the run, where the files are written
        process.kill()
        process.wait()

        settle(folder, NAMES)  # what the next run does first
        assert sorted(entry.name for entry in folder.iterdir()) == sorted(NAMES)
        pair = _pair(folder)
        assert pair in (pairs[current], pairs[target])
        left.add("new" if pair == pairs[target] else "old")
        current = target if pair == pairs[target] else current

    assert left == {"old", "new"}
    (folder / f".{NAMES[0]}.abcd1234.tmp").write_bytes(b"left by an older nq43")
    _run(root, days[1], folder)
    assert sorted(entry.name for entry in folder.iterdir()) == sorted(NAMES)
    assert _pair(folder) == pairs[days[1]]
