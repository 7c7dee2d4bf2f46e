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
from typing import Any, NamedTuple

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

# Stands in for pip: the tests never install anything, but check that pip would be given a project to install, and
# note the folder it was run from (with `python -m`, that folder comes first on Python's path).
_PIP_STAND_IN = """
python() {
  if [ "$1" = "-m" ] && [ "$2" = "pip" ] && [ "$3" = "install" ]; then
    shift 3
    for target in "$@"; do
      case "$target" in
        -*) ;;
        *) test -f "$target/pyproject.toml" || { echo "pip: no project in $target" >&2; return 1; }
           echo "$PWD|$target" >> "$PIP_LOG" ;;
      esac
    done
  else
    command python "$@"
  fi
}
"""
SHA_PIN = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$")
# `nq43 check --head` comes with the gate's change (the check reads the head commit, not the working tree).
HEAD_OPTION = "--head" in {
    opt
    for param in typer.main.get_command(app).commands["check"].params  # type: ignore[attr-defined]
    for opt in param.opts
}
NEEDS_HEAD = pytest.mark.skipif(not HEAD_OPTION, reason="nq43 check --head is not there yet (gate task)")


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
        for line in script.replace("\\\n", " ").split("\n"):
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


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_the_pull_request_check_runs_from_the_base_branch_s_workflow() -> None:
    """pull_request_target: GitHub takes this file from the base branch, so a pull request cannot rewrite it."""
    workflow = load(GITHUB_PR)
    assert set(triggers(workflow)) == {"pull_request_target"}
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job


def test_the_pull_request_workflow_never_checks_out_or_runs_the_pull_request() -> None:
    workflow = load(GITHUB_PR)
    (checkout,) = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["ref"] == "${{ github.sha }}"  # the base branch's last commit
    assert checkout["with"]["path"] == "base" and checkout["with"]["fetch-depth"] == 0
    install, fetch, check = [s for s in steps(workflow) if "run" in s]
    # nq43 is installed from the base checkout, pip run from an empty folder outside every checkout
    assert install["working-directory"] == "${{ runner.temp }}"
    assert install["run"] == 'python -m pip install --quiet "$GITHUB_WORKSPACE/base"'
    # the head commit is only fetched into the base checkout, by SHA, and given to nq43 check by SHA
    assert fetch["working-directory"] == check["working-directory"] == "base"
    assert fetch["env"]["HEAD_SHA"] == check["env"]["HEAD_SHA"] == "${{ github.event.pull_request.head.sha }}"
    fetch_words = shlex.split(fetch["run"].replace("\\\n", " "))
    assert fetch_words[0] == "git" and fetch_words[-5:] == ["fetch", "--quiet", "--no-tags", "origin", "$HEAD_SHA"]
    assert check["env"]["BASE_SHA"] == "${{ github.sha }}"
    assert nq43_commands([check["run"]]) == [
        [
            "check",
            "--base",
            "$BASE_SHA",
            "--head",
            "$HEAD_SHA",
            "--actor",
            "$PR_AUTHOR",
            "--format",
            "github",
            "--summary",
            "$GITHUB_STEP_SUMMARY",
        ]
    ]
    # nothing the pull request controls is written into a script: values reach the shell as variables only
    for step in (install, fetch, check):
        assert "${{" not in step["run"]
    text = GITHUB_PR.read_text(encoding="utf-8")
    assert "pull_request.head.ref" not in text and "head_ref" not in text and "refs/pull/" not in text


def test_the_actor_is_the_author_of_the_pull_request() -> None:
    *_, check = [s for s in steps(load(GITHUB_PR)) if "run" in s]
    assert check["env"]["PR_AUTHOR"] == "${{ github.event.pull_request.user.login }}"
    assert "GITHUB_ACTOR" not in check["run"]


@pytest.mark.parametrize("path", [GITHUB_PR, GITHUB_MAIN], ids=lambda p: p.name)
def test_actions_are_pinned_and_leave_no_credentials(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines and all(SHA_PIN.match(line) for line in lines), lines
    for step in steps(load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_the_main_workflow() -> None:
    workflow = load(GITHUB_MAIN)
    assert triggers(workflow)["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read"}
    install = next(s for s in steps(workflow) if "pip install" in s.get("run", ""))
    assert install["working-directory"] == "${{ runner.temp }}"
    assert nq43_commands(steps_run(workflow)) == [["validate", "--format", "github"], ["codeowners", "--check"]]


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    """zizmor, the GitHub Actions security linter; an accepted finding is suppressed inline with its reason."""
    zizmor = shutil.which("zizmor")
    if zizmor is None:
        pytest.skip('zizmor is not installed (pip install -e ".[test]" installs it)')
    done = subprocess.run(
        [zizmor, "--offline", "--persona", "auditor", "--no-progress", str(GITHUB_PR.parent)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout
    for line in GITHUB_PR.read_text(encoding="utf-8").splitlines():
        if "zizmor: ignore[" in line:
            assert re.search(r"zizmor: ignore\[[a-z-]+\] -- \S", line), "an ignored finding must give its reason"


def test_the_gitlab_pipeline() -> None:
    pipeline = load(GITLAB)
    check_job, validate_job = pipeline["nq43-check"], pipeline["nq43-validate"]
    assert check_job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert validate_job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert check_job["artifacts"]["paths"] == ["nq43-check.md"] and check_job["artifacts"]["when"] == "always"
    # the merge request is not checked out: the target branch is cloned, the merge request's commit fetched as data
    assert check_job["variables"]["GIT_STRATEGY"] == "none"
    script = check_job["script"]
    assert '"$CI_CONFIG_PATH" in *@*)' in script[0]  # refuses a pipeline definition taken from the data project
    assert 'python -m pip install --quiet "$nq43_tmp/base"' in script
    assert script[script.index('python -m pip install --quiet "$nq43_tmp/base"') - 1].endswith('cd "$nq43_tmp/install"')
    assert nq43_commands(script) == [
        [
            "check",
            "--base",
            "$base_sha",
            "--head",
            "$head_sha",
            "--actor",
            "$CI_MERGE_REQUEST_AUTHOR",
            "--summary",
            "$CI_PROJECT_DIR/nq43-check.md",
        ]
    ]
    assert "GITLAB_USER_LOGIN" not in "".join(script)


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


def test_the_pre_commit_rev_is_a_revision_that_exists() -> None:
    """The repository has no tags: the guide pins a commit of main and says how to get it, never a made-up tag."""
    text = UNIT_GUIDE.read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if "repos:" in b]
    revs = [repo["rev"] for config in blocks for repo in config["repos"] if repo["repo"] != "local"]
    assert revs and all(rev == "<sha của main>" or re.fullmatch(r"[0-9a-f]{40}", rev) for rev in revs)
    assert "git rev-parse origin/main" in text
    for doc in [SOURCE / "README.md", *sorted((SOURCE / "docs").glob("*.md"))]:
        assert not re.search(r"\brev:\s*v\d", doc.read_text(encoding="utf-8")), doc.name


@pytest.mark.parametrize("command", every_command(), ids=" ".join)
def test_every_command_exists_with_those_options(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    if "--head" in command and not HEAD_OPTION:
        pytest.skip("nq43 check --head is not there yet (gate task)")
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
        "PIP_LOG": str(bin_dir / "pip.log"),
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


def open_pull_request(origin: Path, work: Path, ref: str) -> str:
    """Push the unit's branch where the forge keeps a pull request's head; the forge serves any commit by SHA."""
    git(work, "push", "-q", "origin", f"HEAD:{ref}")
    git(origin, "config", "uploadpack.allowAnySHA1InWant", "true")
    return git(work, "rev-parse", "HEAD").strip()


_EXPRESSION = re.compile(r"\$\{\{\s*([\w.]+)\s*\}\}")


class Runner(NamedTuple):
    """Runs a GitHub Actions job the way the runner does: checkout clones, run steps run in their folder."""

    origin: Path
    workspace: Path
    temp: Path
    bin_dir: Path
    context: dict[str, str]

    def expand(self, value: Any) -> str:
        return _EXPRESSION.sub(lambda m: self.context[m[1]], str(value))

    def run(self, workflow: dict[str, Any], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        done = subprocess.CompletedProcess[str]([], 0, "", "")
        for step in steps(workflow):
            uses = step.get("uses", "")
            if uses.startswith("actions/checkout@"):
                options = step.get("with", {})
                target = self.workspace / options.get("path", ".")
                assert options["persist-credentials"] is False
                git(self.workspace.parent, "clone", "-q", f"file://{self.origin}", str(target))
                git(target, "checkout", "-q", "--detach", self.expand(options.get("ref", "${{ github.sha }}")))
            elif "run" in step:
                cwd = Path(self.expand(step.get("working-directory", ".")))
                step_env = {**env, **{k: self.expand(v) for k, v in step.get("env", {}).items()}}
                done = run_script(step["run"], self.workspace / cwd, self.bin_dir, step_env)
                if done.returncode != 0:
                    return done
        return done


def github_run(origin: Path, tmp_path: Path, bin_dir: Path, work: Path, author: str) -> tuple[Runner, Any]:
    head = open_pull_request(origin, work, "refs/pull/1/head")
    workspace, temp = tmp_path / "workspace", tmp_path / "runner"
    workspace.mkdir()
    temp.mkdir()
    context = {
        "github.sha": git(origin, "rev-parse", "main").strip(),
        "github.event.pull_request.head.sha": head,
        "github.event.pull_request.user.login": author,
        "github.token": "không-dùng",
        "runner.temp": str(temp),
    }
    runner = Runner(origin, workspace, temp, bin_dir, context)
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTOR": "bql-qldt-anh",  # whoever pushed last: never the one who counts
        "GITHUB_WORKSPACE": str(workspace),
        "RUNNER_TEMP": str(temp),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
    }
    return runner, runner.run(load(GITHUB_PR), env)


@NEEDS_HEAD
def test_the_pull_request_workflow_runs(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    work = unit_clone(origin, tmp_path / "work")
    runner, done = github_run(origin, tmp_path, bin_dir, work, "bql-qldt-anh")
    assert done.returncode == 0, done.stdout + done.stderr
    # nq43 came from the base checkout, pip run from the runner's empty temporary folder
    assert (bin_dir / "pip.log").read_text().split() == [f"{runner.temp}|{runner.workspace}/base"]
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## ✅ nq43: bài nộp hợp lệ")
    assert not (runner.workspace / "base/data/units/qldt/2025Q1.md").exists()  # the note was read from the commit


@NEEDS_HEAD
def test_the_pull_request_workflow_fails_an_invalid_note(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    wrong_quarter = note_text(origin, "qldt").replace("quarter: 2025Q1", "quarter: 2025Q2")
    work = unit_clone(origin, tmp_path / "work", wrong_quarter)
    _, done = github_run(origin, tmp_path, bin_dir, work, "bql-qldt-anh")
    assert done.returncode == 1
    assert "::error file=data/units/qldt/2025Q1.md,line=5,col=10,title=NQ403::" in done.stdout
    assert "NQ403" in (tmp_path / "summary.md").read_text(encoding="utf-8")


@NEEDS_HEAD
def test_a_stranger_s_pull_request_fails_whoever_pushed_last(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    work = unit_clone(origin, tmp_path / "work")
    _, done = github_run(origin, tmp_path, bin_dir, work, "nguoi-la")
    assert done.returncode == 1
    assert "nguoi-la" in done.stdout


@NEEDS_HEAD
def test_a_pull_request_cannot_run_its_code_nor_rewrite_its_check(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    """The attacks of issue 13: a PR that edits the workflow to `echo`, and one that ships `pip/__main__.py` (run
    by `python -m pip` from the PR checkout) and a sitecustomize.py. None of it is run; the check still judges."""
    marker = tmp_path / "chay-ma-cua-pr"
    work = unit_clone(origin, tmp_path / "work")
    payload = f"open({str(marker)!r}, 'w').close()\n"
    write(work, "pip/__main__.py", payload)
    write(work, "sitecustomize.py", payload)
    write(work, ".github/workflows/pull-request.yml", "on: pull_request\njobs: {check: {steps: [{run: echo}]}}\n")
    commit_all(work, "Thêm mã")
    runner, done = github_run(origin, tmp_path, bin_dir, work, "bql-qldt-anh")
    assert not marker.exists()
    assert not (runner.workspace / "base/pip").exists() and not (runner.workspace / "base/sitecustomize.py").exists()
    assert done.returncode == 1, done.stdout  # changes outside the unit's notes: an error, not a pass


def test_the_main_workflow_runs(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    workspace, temp = tmp_path / "workspace", tmp_path / "runner"
    workspace.mkdir()
    temp.mkdir()
    context = {"github.sha": git(origin, "rev-parse", "main").strip(), "runner.temp": str(temp)}
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(workspace), "RUNNER_TEMP": str(temp)}
    done = Runner(origin, workspace, temp, bin_dir, context).run(load(GITHUB_MAIN), env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (bin_dir / "pip.log").read_text().split() == [f"{temp}|{workspace}"]


def gitlab_env(tmp_path: Path, origin: Path, **changes: str) -> dict[str, str]:
    project_dir = tmp_path / "builds"
    project_dir.mkdir(exist_ok=True)
    env = {
        "GITLAB_CI": "true",
        "GITLAB_USER_LOGIN": "bql-qldt-anh",
        "CI_CONFIG_PATH": ".gitlab-ci.yml@bql/nq43-ci:main",
        "CI_PIPELINE_SOURCE": "merge_request_event",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
        "CI_MERGE_REQUEST_IID": "1",
        "CI_MERGE_REQUEST_AUTHOR": "bql-qldt-anh",
        "CI_REPOSITORY_URL": f"file://{origin}",
        "CI_PROJECT_DIR": str(project_dir),
        "TMPDIR": str(tmp_path),
    }
    return {**env, **changes}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"CI_CONFIG_PATH": ".gitlab-ci.yml"}, "cấu hình CI phải lấy từ dự án của Văn phòng"),
        ({"CI_MERGE_REQUEST_AUTHOR": ""}, "CI_MERGE_REQUEST_AUTHOR"),
    ],
    ids=["pipeline from the data project", "no author"],
)
def test_the_gitlab_check_refuses_to_run_unprotected(
    origin: Path, tmp_path: Path, bin_dir: Path, changes: dict[str, str], message: str
) -> None:
    script = "\n".join(load(GITLAB)["nq43-check"]["script"])
    done = run_script(script, tmp_path, bin_dir, gitlab_env(tmp_path, origin, **changes))
    assert done.returncode == 1 and message in done.stderr
    assert not (bin_dir / "pip.log").exists()


@NEEDS_HEAD
def test_the_gitlab_pipeline_runs(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    pipeline = load(GITLAB)
    work = unit_clone(origin, tmp_path / "work")
    head = open_pull_request(origin, work, "refs/merge-requests/1/head")
    env = gitlab_env(tmp_path, origin, CI_COMMIT_SHA=head)
    done = run_script("\n".join(pipeline["nq43-check"]["script"]), tmp_path / "builds", bin_dir, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "builds/nq43-check.md").read_text(encoding="utf-8").startswith("## ✅ nq43: bài nộp hợp lệ")
    ((cwd, target),) = [line.split("|") for line in (bin_dir / "pip.log").read_text().split()]
    assert cwd.endswith("/install") and target.endswith("/base") and Path(cwd).parent == Path(target).parent


def test_the_gitlab_validate_job_runs(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    main_clone = clone(origin, tmp_path / "main")
    env = {"GITLAB_CI": "true", "CI_PROJECT_DIR": str(main_clone), "TMPDIR": str(tmp_path)}
    done = run_script("\n".join(load(GITLAB)["nq43-validate"]["script"]), main_clone, bin_dir, env)
    assert done.returncode == 0, done.stderr
    ((cwd, target),) = [line.split("|") for line in (bin_dir / "pip.log").read_text().split()]
    assert target == str(main_clone) and not Path(cwd).is_relative_to(main_clone)


def test_the_pre_commit_hooks_run(origin: Path, tmp_path: Path, bin_dir: Path) -> None:
    work = unit_clone(origin, tmp_path / "work")
    for hook in load(HOOKS):
        files = " data/units/qldt/2025Q1.md data/units/qldt/unit.yaml" if hook.get("pass_filenames", True) else ""
        done = run_script(hook["entry"] + files, work, bin_dir, {})
        assert done.returncode == 0, (hook["id"], done.stdout, done.stderr)
    write(work, "data/units/qldt/2025Q1.md", "không có phần đầu\n")
    done = run_script(load(HOOKS)[0]["entry"] + " data/units/qldt/2025Q1.md", work, bin_dir, {})
    assert done.returncode == 1 and "NQ201" in done.stdout
