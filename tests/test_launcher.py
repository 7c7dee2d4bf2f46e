"""The launcher: `nq43 --help` and plain `nq43 status` without typer, and the same results as through typer."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from nq43 import launcher, status_command
from nq43.cli import app
from nq43.launcher import STATUS_CHOICES, STATUS_ENV, STATUS_FLAGS, STATUS_VALUES, SUMMARIES, main, status_call


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    for name in ("NQ43_TODAY", "NQ43_ROOT", "NQ43_LANG", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


def _typer_status():
    return typer.main.get_command(app).commands["status"]


# ------------------------------------------------------------------------------------------------ --help


def test_the_overview_lists_every_command_once_with_its_line() -> None:
    commands = typer.main.get_command(app).commands
    assert set(SUMMARIES) == set(commands)
    text = launcher.overview()
    for name, line in SUMMARIES.items():
        assert sum(row.split()[:1] == [name] for row in text.splitlines()) == 1
        assert line in text
        assert commands[name].short_help == line  # typer's own listing says the same


def test_help_goes_to_stdout_and_no_arguments_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    for option in ("--help", "-h"):
        assert main([option]) == 0
        out, err = capsys.readouterr()
        assert out == launcher.overview() and err == ""
    assert main([]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == launcher.overview()


def test_a_command_s_help_is_typer_s(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Usage: nq43 status [OPTIONS]") and "--quarter" in out


def test_help_loads_neither_typer_nor_typing() -> None:
    """`nq43 --help` costs python's start-up and little more (docs/performance.md); status: test_cli_status.py."""
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"  # python's start-up may load some already (a site hook)
        "from nq43.launcher import main\n"
        "rc = main(['--help'])\n"
        "print(rc, sorted({'typer', 'typing', 'pathlib'} & (set(sys.modules) - before)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "0 []"


# ------------------------------------------------------------------------------------------------ status


def test_the_fast_status_options_are_the_typer_command_s() -> None:
    run_parameters = set(inspect.signature(status_command.run).parameters)
    seen: set[str] = set()
    for param in _typer_status().params:
        flags = [flag for flag in param.opts if flag.startswith("--")]
        assert len(flags) == 1, param.opts
        flag = flags[0]
        seen.add(flag)
        table = STATUS_FLAGS if param.is_flag else STATUS_VALUES
        assert flag in table, f"{flag} is missing from the launcher's status options"
        name = table[flag]
        assert name in run_parameters
        assert STATUS_ENV.get(name) == param.envvar
        choices = getattr(param.type, "choices", None)
        assert STATUS_CHOICES.get(name) == (tuple(str(c) for c in choices) if choices else None)
    assert seen == set(STATUS_FLAGS) | set(STATUS_VALUES)


@pytest.mark.parametrize("args", [
    ["--help"], ["-h"], ["--year", "abc"], ["--format", "xml"], ["--lang", "fr"], ["--bogus"], ["--quarter"],
    ["--quarter", "--tasks"], ["--tasks=1"], ["extra"], ["--", "--tasks"],
])
def test_what_the_fast_path_is_not_sure_of_goes_to_typer(args: list[str]) -> None:
    assert status_call(args, {}) is None


def test_values_come_from_options_then_the_environment() -> None:
    environ = {"NQ43_TODAY": "2025-03-12", "NQ43_LANG": "en", "NQ43_ROOT": "/data", "NQ43_TEMPLATE": "x"}
    assert status_call(["--year=2025", "--tasks", "--lang", "vi"], environ) == {
        "year": 2025, "tasks": True, "lang": "vi", "day": "2025-03-12", "root": Path("/data"),
    }
    assert status_call([], {"NQ43_LANG": ""}) == {}


@pytest.fixture
def q1(repo):
    """2025Q1: vp early, qhxd late, tnmt invalid, the rest missing."""
    repo.calendar()
    repo.note("vp", "2025Q1", "2025-03-05", {"1.1": ("hoan-thanh", 100), "1.2": ("dang-thuc-hien", 72.5)})
    repo.note("qhxd", "2025Q1", "2025-03-11")
    repo.note("tnmt", "2025Q1", "2025-03-03", broken=True)
    return repo


@pytest.mark.parametrize("args", [
    [], ["--quarter", "2025Q1"], ["--quarter=2025Q1", "--tasks"], ["--unit", "vp"], ["--unit", "vp", "--year", "2025"],
    ["--year", "2025", "--format", "csv"], ["--format", "json"], ["--check"], ["--lang", "en", "--tasks"],
    ["--quarter", "2025Q5"], ["--unit", "nobody"], ["--tasks", "--year", "2025"], ["--year", "12"],
    ["--today", "2025-02-30"],
])
def test_fast_and_typer_status_give_the_same_result(q1, capsys, monkeypatch, args: list[str]) -> None:
    argv = ["status", "--root", str(q1.root), *([] if "--today" in args else ["--today", "2025-03-12"]), *args]
    assert status_call(argv[1:], {}) is not None
    fast = (main(argv), *capsys.readouterr())
    monkeypatch.setattr(launcher, "status_call", lambda *_: None)
    through_typer = (main(argv), *capsys.readouterr())
    assert fast == through_typer
