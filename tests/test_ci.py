"""CI runs what the README tells a new maintainer to run: the README's second command is .ci/run's last line."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    """The command lines of the README's set-up block ("two commands"), comments left out."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block is not None, "README.md has no ```bash block with the set-up commands"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]


def test_readme_has_two_commands() -> None:
    commands = _readme_commands()
    assert len(commands) == 2, commands
    assert commands[0].startswith("python3 -m venv .venv")


def test_ci_runs_the_readme_test_command() -> None:
    lines = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[-1] == _readme_commands()[1]


def test_the_test_command_measures_coverage_with_a_floor() -> None:
    command = _readme_commands()[1]
    assert "--cov=nq43" in command
    floor = re.search(r"--cov-fail-under=(\d+)", command)
    assert floor is not None and 50 <= int(floor.group(1)) <= 100, command
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r"\[tool\.coverage\.run\]\nbranch = true\n", pyproject), "branch coverage is configured"
    assert '"pytest-cov' in pyproject
