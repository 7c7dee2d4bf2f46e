"""Shared fixtures: a small nq43 repository built in tmp_path from the shipped directive and units."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pytest

SHIPPED = Path(__file__).resolve().parents[1]


class RepoBuilder:
    """An nq43 repository in a temporary folder: the shipped directive and unit.yaml files, notes on demand,
    and git commits with chosen dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "data" / "units").mkdir(parents=True)
        shutil.copy(SHIPPED / "data" / "directive.yaml", root / "data" / "directive.yaml")
        for unit in (SHIPPED / "data" / "units").iterdir():
            if (unit / "unit.yaml").is_file():
                (root / "data" / "units" / unit.name).mkdir()
                shutil.copy(unit / "unit.yaml", root / "data" / "units" / unit.name / "unit.yaml")

    def calendar(self, text: str | None = None) -> Path:
        """Write data/calendar.yaml: the shipped one, or `text`."""
        target = self.root / "data" / "calendar.yaml"
        if text is None:
            shutil.copy(SHIPPED / "data" / "calendar.yaml", target)
        else:
            target.write_text(text, encoding="utf-8")
        return target

    def note(
        self,
        unit: str,
        quarter: str,
        submitted: date | str | None,
        statuses: Mapping[str, tuple[str, float | None]] | None = None,
        *,
        sample: bool = False,
        tasks: list[str] | None = None,
        broken: bool = False,
    ) -> Path:
        """Write a valid note (or, with `broken`, one whose results section is empty)."""
        from nq43.load.directive import load_directive

        directive, _ = load_directive(self.root)
        assert directive is not None
        ids = tasks if tasks is not None else [t.id for t in directive.tasks_of(unit)]
        statuses = dict(statuses or {})
        lines = ["---", f"unit: {unit}", f"quarter: {quarter}", 'prepared_by: "Nguyễn Văn An"']
        if submitted is not None:
            lines.append(f"submitted: {submitted if isinstance(submitted, str) else submitted.isoformat()}")
        if sample:
            lines.append("sample: true")
        lines.append("tasks:")
        for task_id in ids:
            task = directive.task(task_id)
            default = ("thuong-xuyen", None) if task is not None and task.recurring else ("dang-thuc-hien", 50)
            status, progress = statuses.get(task_id, default)
            lines.append(f'  "{task_id}":')
            lines.append(f"    status: {status}")
            if progress is not None:
                lines.append(f"    progress: {progress:g}")
        lines.append("---")
        for task_id in ids:
            task = directive.task(task_id)
            lines += ["", f"## {task_id}. {task.title if task else 'Nhiệm vụ'}", "", "### Kết quả", ""]
            lines.append("" if broken else "Đã triển khai theo kế hoạch của quý.")
        path = self.root / "data" / "units" / unit / f"{quarter}.md"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    # --- git ---

    def git(self, *args: str, day: str | None = None, cwd: Path | None = None) -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Văn phòng",
            "GIT_AUTHOR_EMAIL": "vp@example.org",
            "GIT_COMMITTER_NAME": "Văn phòng",
            "GIT_COMMITTER_EMAIL": "vp@example.org",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        if day is not None:
            env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = f"{day}T10:00:00+07:00"
        done = subprocess.run(["git", *args], cwd=cwd or self.root, env=env, capture_output=True, text=True, check=True)
        return done.stdout

    def init(self, day: str = "2024-12-01") -> None:
        """A git repository whose first commit holds the directive and the units."""
        self.git("init", "-q", "-b", "main")
        self.commit("Khởi tạo", day)

    def commit(self, message: str, day: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, day=day)


@pytest.fixture
def repo(tmp_path: Path) -> RepoBuilder:
    return RepoBuilder(tmp_path / "kho")
