"""The code stays clean: ruff and strict mypy, as configured in pyproject.toml, pass on it.

Each check is skipped (with the reason) when its tool is not installed; `pip install -e '.[test]'` installs them.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# A cold mypy run over src/ takes about half a minute; the limit only stops a hang from stalling the suite.
TIMEOUT = 300


def _tool(module: str) -> list[str] | None:
    """The command that runs a tool: its module under this Python, else its executable on PATH."""
    if importlib.util.find_spec(module) is not None:
        return [sys.executable, "-m", module]
    found = shutil.which(module)
    return [found] if found else None


def _report(done: subprocess.CompletedProcess[str]) -> str:
    return f"exit {done.returncode}\n{done.stdout}{done.stderr}"


def test_ruff_finds_nothing() -> None:
    ruff = _tool("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    done = subprocess.run(
        [*ruff, "check", "src", "tests"], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert done.returncode == 0, _report(done)


def test_mypy_strict_finds_nothing() -> None:
    mypy = _tool("mypy")
    if mypy is None:
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    for stubs in ("types-PyYAML",):
        try:
            metadata.distribution(stubs)
        except metadata.PackageNotFoundError:
            pytest.skip(f"{stubs} is not installed, so mypy cannot type the calls into it (pip install -e '.[test]')")
    # The files and the strictness come from [tool.mypy] in pyproject.toml, as when a maintainer runs `mypy`.
    done = subprocess.run(mypy, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, _report(done)


def test_ruff_format_changes_nothing() -> None:
    ruff = _tool("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    done = subprocess.run(
        [*ruff, "format", "--check", "src", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, _report(done)
