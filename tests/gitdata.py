"""Real git repositories holding nq43 data, for the tests of `nq43 check` and its parts (not a test module)."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

from notekit import submitted_on
from nq43.domain.records import Quarter
from nq43.load.directive import load_directive
from nq43.submission.skeleton import skeleton

SOURCE = Path(__file__).resolve().parent.parent
TODAY = date(2025, 3, 12)
# Fixed identity and dates: commits are the same on every run, and no global git configuration is needed.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Kiểm thử",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Kiểm thử",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_AUTHOR_DATE": "2025-03-05T09:00:00+07:00",
    "GIT_COMMITTER_DATE": "2025-03-05T09:00:00+07:00",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(cwd: Path, *args: str, input_text: str | None = None) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        input=input_text,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def commit_all(cwd: Path, message: str) -> str:
    git(cwd, "add", "-A")
    git(cwd, "commit", "-q", "-m", message)
    return git(cwd, "rev-parse", "HEAD").strip()


def make_origin(path: Path) -> Path:
    """A repository with the shipped directive and units on `main` (no notes), like the Board's own."""
    (path / "data" / "units").mkdir(parents=True)
    shutil.copy(SOURCE / "data" / "directive.yaml", path / "data" / "directive.yaml")
    for unit in sorted((SOURCE / "data" / "units").iterdir()):
        (path / "data" / "units" / unit.name).mkdir()
        shutil.copy(unit / "unit.yaml", path / "data" / "units" / unit.name / "unit.yaml")
    git(path, "init", "-q", "-b", "main")
    commit_all(path, "Công văn và các đơn vị")
    return path


def clone(origin: Path, path: Path, *options: str) -> Path:
    git(origin.parent, "clone", "-q", *options, f"file://{origin}", str(path))
    return path


def note_text(
    root: Path,
    unit_id: str,
    quarter: str = "2025Q1",
    *,
    results: str = "Đã rà soát và báo cáo Ban.",
    extra_front: str = "",
    submitted: date | None = None,
) -> str:
    """A valid note of the unit: the skeleton of `nq43 new`, filled in."""
    directive, _ = load_directive(root)
    assert directive is not None
    unit = directive.unit(unit_id)
    assert unit is not None
    period = Quarter.parse(quarter)
    day = submitted or max(TODAY, period.first_day)
    text = submitted_on(skeleton(directive, unit, period, "Nguyễn Văn A"), day)
    text = text.replace("<!-- Kết quả thực hiện trong quý: việc đã làm, số liệu, văn bản đã ban hành. -->", results)
    if extra_front:
        text = text.replace("\ntasks:\n", f"\n{extra_front.rstrip()}\ntasks:\n", 1)
    return text


def write(root: Path, path: str, text: str | bytes) -> Path:
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        file.write_bytes(text)
    else:
        file.write_text(text, encoding="utf-8")
    return file
