"""The shipped CI files (GitHub Actions, GitLab CI, pre-commit) are well formed, call nq43 commands that exist
with options they accept, and work: their scripts are run here on a real repository, pip excepted."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml

from gitdata import GIT_ENV, SOURCE, clone, commit_all, git, make_origin, note_text, write
from nq43.cli.app import app, main

GITHUB_PR = SOURCE / ".github/workflows/pull-request.yml"
GITHUB_MAIN = SOURCE / ".github/workflows/main.yml"
GITLAB = SOURCE / ".gitlab-ci.yml"
HOOKS = SOURCE / ".pre-commit-hooks.yaml"
UNIT_GUIDE = SOURCE / "docs/huong-dan-don-vi.md"

# Stands in for pip: the tests never install anything, but check that pip would be given a project to install.
_PIP_STAND_IN = """
python() {
  if [ "$1" = "-m" ] && [ "$2" = "pip" ] && [ "$3" = "install" ]; then
    shift 3
    for target in "$@"; do
      case "$target" in
        -*) ;;
        *) test -f "$target/pyproject.toml" || { echo "pip: no project in $target" >&2; return 1; } ;;
      esac
    done
  else
    command python "$@"
  fi
}
"""


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict[Any, Any]) -> Any:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true


def steps_run(workflow: dict[str, Any]) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def nq43_commands(scripts: list[str]) -> list[list[str]]:
    """Every `nq43 ...` command in the scripts, split as the shell would (variables left as written)."""
    found = []
    for script in scripts:
        for line in script.split("\n"):
            words = shlex.split(line.strip(), comments=True) if line.strip() else []
            if words[:1] == ["nq43"]:
                found.append(words[1:])
    return found


def every_command() -> list[list[str]]:
    gitlab = load(GITLAB)
    scripts = steps_run(load(GITHUB_PR)) + steps_run(load(GITHUB_MAIN))
    scripts += [line for job in gitlab.values() if isinstance(job, dict) and "script" in job for line in job["script"]]
    scripts += [hook["entry"] for hook in load(HOOKS)]
    return nq43_commands(scripts)


def test_the_pull_request_workflow() -> None:
    workflow = load(GITHUB_PR)
    assert "pull_request" in triggers(workflow)
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert nq43_commands(steps_run(workflow)) == [
        ["check", "--base", "origin/$GITHUB_BASE_REF", "--format", "github", "--summary", "$GITHUB_STEP_SUMMARY"]
    ]


def test_the_main_workflow() -> None:
    workflow = load(GITHUB_MAIN)
    assert triggers(workflow)["push"] == {"branches": ["main"]}
    assert nq43_commands(steps_run(workflow)) == [["validate", "--format", "github"], ["codeowners", "--check"]]


def test_the_gitlab_pipeline() -> None:
    pipeline = load(GITLAB)
    assert pipeline["variables"]["GIT_DEPTH"] == "0"
    check_job, validate_job = pipeline["nq43-check"], pipeline["nq43-validate"]
    assert check_job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert validate_job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert check_job["artifacts"]["paths"] == ["nq43-check.md"] and check_job["artifacts"]["when"] == "always"
    assert nq43_commands(check_job["script"]) == [
        ["check", "--base", "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "--summary", "nq43-check.md"]
    ]


def test_the_pre_commit_hooks() -> None:
    hooks = {hook["id"]: hook for hook in load(HOOKS)}
    assert set(hooks) == {"nq43-validate", "nq43-check"}
    for hook in hooks.values():
        assert {"id", "name", "entry", "language"} <= set(hook) and hook["language"] == "python"
    assert hooks["nq43-validate"]["entry"] == "nq43 validate" and re.match(hooks["nq43-validate"]["files"], "data/x")
    assert hooks["nq43-check"]["pass_filenames"] is False and hooks["nq43-check"]["stages"] == ["pre-push"]


def test_the_guide_shows_a_pre_commit_config_using_these_hooks() -> None:
    text = UNIT_GUIDE.read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if "repos:" in b]
    assert blocks, "docs/huong-dan-don-vi.md shows no .pre-commit-config.yaml"
    ids = {hook["id"] for hook in load(HOOKS)}
    for config in blocks:
        for repo in config["repos"]:
            for hook in repo["hooks"]:
                assert hook["id"] in ids or repo["repo"] == "local"
                if repo["repo"] == "local":
                    assert shlex.split(hook["entry"])[0] == "nq43"


@pytest.mark.parametrize("command", every_command(), ids=" ".join)
def test_every_command_exists_with_those_options(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command[0], "--help"]) == 0
    capsys.readouterr()
    declared = typer.main.get_command(app).commands[command[0]].params  # type: ignore[attr-defined]
    accepted = {name for param in declared for name in (*param.opts, *param.secondary_opts)}
    assert {w for w in command if w.startswith("--")} <= accepted


# --- the scripts, run for real -------------------------------------------------------------------------------------


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    """A folder with an `nq43` that runs this checkout's nq43, put first on PATH."""
    folder = tmp_path / "bin"
    folder.mkdir()
    shim = folder / "nq43"
    shim.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m nq43 "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return folder


@pytest.fixture
def origin(tmp_path: Path, bin_dir: Path) -> Path:
    """The Board's repository: data, a pyproject for pip to find, and CODEOWNERS as `nq43 codeowners` makes them."""
    origin = make_origin(tmp_path / "origin")
    shutil.copy(SOURCE / "pyproject.toml", origin / "pyproject.toml")
    assert main(["codeowners", "--root", str(origin)]) == 0
    commit_all(origin, "CODEOWNERS")
    return origin


def run_script(script: str, cwd: Path, bin_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        **GIT_ENV,
        **env,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(SOURCE / "src"),
        "NQ43_TODAY": "2025-03-12",
    }
    for name in ("NQ43_ROOT", "NQ43_LANG", "GITHUB_ACTOR", "GITLAB_USER_LOGIN"):
        if name not in env:
            full_env.pop(name, None)
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _PIP_STAND_IN + script],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
    )


def unit_clone(origin: Path, path: Path, note: str | None = None) -> Path:
    work = clone(origin, path)
    git(work, "checkout", "-q", "-b", "qldt-2025q1")
    write(work, "data/units/qldt/2025Q1.md", note if note is not None else note_text(work, "qldt"))
    commit_all(work, "Nộp ghi chú quý I")
    return work


def test_the_pull_request_workflow_runs(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    work = unit_clone(origin, tmp_path / "work")
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTOR": "bql-qldt-anh",
        "GITHUB_BASE_REF": "main",
        "RUNNER_TEMP": str(tmp_path / "runner"),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    (tmp_path / "runner").mkdir()
    for script in steps_run(load(GITHUB_PR)):
        done = run_script(script, work, bin_dir, env)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "runner/nq43-base/pyproject.toml").is_file()  # nq43 came from the base branch
    assert summary.read_text(encoding="utf-8").startswith("## ✅ nq43: bài nộp hợp lệ (0 lỗi, 0 cảnh báo)\n")


def test_the_pull_request_workflow_fails_an_invalid_note(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    wrong_quarter = note_text(origin, "qldt").replace("quarter: 2025Q1", "quarter: 2025Q2")
    work = unit_clone(origin, tmp_path / "work", wrong_quarter)
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTOR": "bql-qldt-anh",
        "GITHUB_BASE_REF": "main",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
    }
    *setup, check = steps_run(load(GITHUB_PR))
    for script in setup:
        assert run_script(script, work, bin_dir, env).returncode == 0
    done = run_script(check, work, bin_dir, env)
    assert done.returncode == 1
    assert "::error file=data/units/qldt/2025Q1.md,line=5,col=10,title=NQ403::" in done.stdout
    assert "| `data/units/qldt/2025Q1.md` | 5 | NQ403 | lỗi |" in (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_the_main_workflow_runs(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    work = clone(origin, tmp_path / "work")
    for script in steps_run(load(GITHUB_MAIN)):
        done = run_script(script, work, bin_dir, {"GITHUB_ACTIONS": "true"})
        assert done.returncode == 0, done.stderr


def test_the_gitlab_pipeline_runs(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    pipeline = load(GITLAB)
    work = unit_clone(origin, tmp_path / "work")
    git(work, "update-ref", "-d", "refs/remotes/origin/main")  # GitLab fetches only the merge request's branch
    env = {
        "GITLAB_CI": "true",
        "GITLAB_USER_LOGIN": "bql-qldt-anh",
        "CI_PIPELINE_SOURCE": "merge_request_event",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
        "TMPDIR": str(tmp_path),
    }
    done = run_script("\n".join(pipeline["nq43-check"]["script"]), work, bin_dir, env)
    assert done.returncode == 0, done.stderr
    assert (work / "nq43-check.md").read_text(encoding="utf-8").startswith("## ✅ nq43: bài nộp hợp lệ")
    assert "Người nộp: bql-qldt-anh — có trong danh sách người nộp của đơn vị" in done.stdout

    main_clone = clone(origin, tmp_path / "main")
    done = run_script("\n".join(pipeline["nq43-validate"]["script"]), main_clone, bin_dir, {"GITLAB_CI": "true"})
    assert done.returncode == 0, done.stderr


def test_the_pre_commit_hooks_run(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    work = unit_clone(origin, tmp_path / "work")
    for hook in load(HOOKS):
        files = " data/units/qldt/2025Q1.md data/units/qldt/unit.yaml" if hook.get("pass_filenames", True) else ""
        done = run_script(hook["entry"] + files, work, bin_dir, {})
        assert done.returncode == 0, (hook["id"], done.stdout, done.stderr)
    write(work, "data/units/qldt/2025Q1.md", "không có phần đầu\n")
    done = run_script(load(HOOKS)[0]["entry"] + " data/units/qldt/2025Q1.md", work, bin_dir, {})
    assert done.returncode == 1 and "NQ201" in done.stdout
