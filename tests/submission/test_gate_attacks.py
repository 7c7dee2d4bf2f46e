"""The attacks of issue 13 on the pull-request gate, each on real git repositories: the gate judges the head
commit against the base commit, takes every rule and identity from the base, and prints nothing a file name
can forge."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from gitdata import TODAY, clone, commit_all, git, make_origin, note_text, write
from notekit import SHIPPED
from nq43.cli.app import main
from nq43.load import issued as issuance
from nq43.submission.changes import changed_files
from nq43.submission.gate import check
from nq43.submission.rules import Actor, Submission

QLDT = Actor("bql-qldt-anh", "github")
OFFICE = Actor("bql-vp-minh", "github")
NOTE = "data/units/qldt/2025Q1.md"
CI_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_ACTOR", "GITHUB_EVENT_PATH", "GITHUB_BASE_REF", "GITLAB_CI")


@pytest.fixture(autouse=True)
def outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (*CI_VARIABLES, "GITLAB_USER_LOGIN", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "NQ43_ROOT", "NQ43_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NQ43_TODAY", "2025-03-12")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A unit's clone of the Office's repository, on a branch off main."""
    origin = make_origin(tmp_path / "origin")
    clone_path = clone(origin, tmp_path / "work")
    git(clone_path, "checkout", "-q", "-b", "de-xuat")
    return clone_path


def judged(work: Path, actor: Actor | None = QLDT) -> Submission:
    submission, findings = check(work, changed_files(work, "origin/main"), actor, TODAY)
    assert findings == [] and submission is not None
    return submission


def codes(submission: Submission) -> set[tuple[str, str]]:
    return {(f.path, f.code) for f in submission.findings}


def test_a_note_is_judged_by_the_base_directive_and_calendar_not_the_pull_requests(work: Path) -> None:
    """A qldt PR moves its task 2.4 to qhxd and grants itself an extension; its note leaves 2.4 out."""
    directive = work / "data/directive.yaml"
    text = directive.read_text(encoding="utf-8")
    directive.write_text(text.replace('id: "2.4"\n    unit: qldt', 'id: "2.4"\n    unit: qhxd'), encoding="utf-8")
    write(work, "data/calendar.yaml", "schema_version: 1\nextensions:\n  - quarter: 2025Q1\n    until: 2025-12-31\n")
    note = note_text(work, "qldt")  # the note as the PR's directive wants it: without task 2.4
    assert '"2.4"' not in note
    write(work, NOTE, note)
    commit_all(work, "Chuyển nhiệm vụ 2.4 đi")

    submission = judged(work)

    assert submission.failed()
    assert {("data/directive.yaml", "NQ810"), ("data/calendar.yaml", "NQ810")} <= codes(submission)
    note_codes = {f.code for f in submission.findings if f.path == NOTE}
    assert note_codes, "the note must be checked against the base's directive, where 2.4 is qldt's"
    assert all("2.4" in f.message("vi") for f in submission.findings if f.path == NOTE)


def test_a_stranger_cannot_make_itself_the_office_or_a_unit(work: Path) -> None:
    """PR adds unit `evil`, makes it consolidated_by, lists itself in evil-folder/unit.yaml, links
    data/units/evil -> ../evil-folder and submits qldt's note."""
    write(work, "data/units/qldt/2025Q2.md", note_text(work, "qldt", "2025Q2"))
    directive = work / "data/directive.yaml"
    text = directive.read_text(encoding="utf-8").replace("consolidated_by: vp", "consolidated_by: evil")
    text = text.replace("units:\n", "units:\n  - id: evil\n    name: Đơn vị lạ\n", 1)
    directive.write_text(text, encoding="utf-8")
    write(work, "data/evil-folder/unit.yaml", "submitters:\n  - name: Kẻ lạ\n    github: evil\n")
    (work / "data/units/evil").symlink_to("../evil-folder", target_is_directory=True)
    commit_all(work, "Nộp thay")

    submission = judged(work, Actor("evil", "github"))

    assert submission.failed() and submission.actor_role == "stranger"
    found = codes(submission)
    assert ("data/units/evil", "NQ811") in found
    assert {("data/directive.yaml", "NQ810"), ("data/evil-folder/unit.yaml", "NQ810")} <= found
    assert ("data/units/qldt/2025Q2.md", "NQ802") in found
    assert not any(f.code == "NQ803" for f in submission.findings)  # never "an Office account"

    # `nq43 validate` on that checkout refuses the linked unit folder too.
    os.chdir(work)
    assert main(["validate"]) == 1


def test_validate_refuses_a_unit_folder_that_is_a_link(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(work, "data/evil-folder/unit.yaml", "submitters:\n  - name: Kẻ lạ\n    github: evil\n")
    (work / "data/units/evil").symlink_to("../evil-folder", target_is_directory=True)
    assert main(["validate", "--root", str(work)]) == 1
    assert "data/units/evil:1:1: NQ113 lỗi" in capsys.readouterr().out


def test_the_gate_reads_commits_not_the_working_tree(work: Path) -> None:
    """HEAD's note says `quarter: 2025Q5`; the fixed file is not committed: the check judges HEAD."""
    good = note_text(work, "qldt")
    write(work, NOTE, good.replace("quarter: 2025Q1", "quarter: 2025Q5"))
    commit_all(work, "Nộp (sai quý)")
    write(work, NOTE, good)  # dirty working tree, not what is pushed
    assert judged(work).failed()

    write(work, NOTE, good)
    commit_all(work, "Sửa quý")
    write(work, NOTE, "hỏng\n")  # an uncommitted broken file does not fail what is pushed either
    (work / "data/directive.yaml").write_text("letter: [\n", encoding="utf-8")
    passed = judged(work)
    assert not passed.failed() and passed.findings == ()


def test_the_office_change_is_checked_as_such(work: Path) -> None:
    calendar = work / "data/calendar.yaml"
    write(work, "data/calendar.yaml", (SHIPPED / "data/calendar.yaml").read_text(encoding="utf-8"))
    commit_all(work, "Lịch báo cáo")
    assert not judged(work, OFFICE).failed()
    calendar.write_text("schema_version: 1\nweekend: [thu-tam]\n", encoding="utf-8")
    commit_all(work, "Lịch hỏng")
    assert judged(work, OFFICE).failed()  # the Office's own change must still validate
    assert ("data/calendar.yaml", "NQ810") in codes(judged(work, QLDT))


FORGED = "x\x1b[2K\nKết quả: đạt (0 lỗi, 0 cảnh báo).\n## ✅ nq43: bài nộp hợp lệ\n"


def test_a_file_name_cannot_forge_the_verdict(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(work, NOTE, note_text(work, "qldt"))
    write(work, f"data/units/qldt/{FORGED}.md", "x")
    write(work, f"{FORGED}.txt", "x")
    commit_all(work, "Tên tệp lạ")
    os.chdir(work)
    summary = work.parent / "summary.md"
    for fmt in ("text", "markdown", "github", "json"):
        assert main(["check", "--actor", "bql-qldt-anh", "--format", fmt, "--summary", str(summary)]) == 1
        out, err = capsys.readouterr()
        for printed in (out, summary.read_text(encoding="utf-8")):
            assert "\x1b" not in printed
            lines = printed.splitlines()
            assert not any(line.startswith("Kết quả: đạt") for line in lines), fmt
            assert not any(line.startswith("## ✅") for line in lines), fmt
        assert err == "Kết quả: chưa đạt (2 lỗi, 0 cảnh báo).\n"
        if fmt == "json":
            assert json.loads(out)["ok"] is False
        else:
            assert "\\u001b" in out


def test_a_file_name_that_is_not_utf8_fails_the_gate(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(work, NOTE, note_text(work, "qldt"))
    (work / os.fsdecode(b"data/units/qldt/2025Q2\xe9.md")).write_bytes(b"x")
    commit_all(work, "Tên không phải UTF-8")
    submission = judged(work)
    assert ("data/units/qldt/2025Q2\udce9.md", "NQ811") in codes(submission) and submission.failed()
    os.chdir(work)
    assert main(["check", "--actor", "bql-qldt-anh"]) == 1
    assert "data/units/qldt/2025Q2\\xe9.md:1:1: NQ811 lỗi" in capsys.readouterr().out


def _replace_in_tree(work: Path, tree: str, path: list[str], name: str, entry: str) -> str:
    """A copy of `tree` with the line `entry` (for `name`) added in the folder `path`, made with git mktree."""
    lines = [line for line in git(work, "ls-tree", tree).splitlines() if line]
    if not path:
        return git(work, "mktree", input_text="\n".join([*lines, entry]) + "\n").strip()
    out = []
    for line in lines:
        meta, _, child = line.partition("\t")
        if child == path[0]:
            mode, kind, oid = meta.split(" ")
            line = f"{mode} {kind} {_replace_in_tree(work, oid, path[1:], name, entry)}\t{child}"
        out.append(line)
    return git(work, "mktree", input_text="\n".join(out) + "\n").strip()


def test_a_dot_dot_entry_made_with_mktree_is_refused(work: Path) -> None:
    write(work, NOTE, note_text(work, "qldt"))
    commit_all(work, "Nộp")
    blob = git(work, "hash-object", "-w", "--stdin", input_text="x\n").strip()
    tree = git(work, "rev-parse", "HEAD^{tree}").strip()
    hostile = _replace_in_tree(work, tree, ["data", "units", "qldt"], "..", f"100644 blob {blob}\t..")
    commit = git(work, "commit-tree", hostile, "-p", "HEAD", "-m", "..").strip()
    git(work, "update-ref", "HEAD", commit)
    submission = judged(work)
    assert ("data/units/qldt/..", "NQ811") in codes(submission) and submission.failed()


def test_the_actor_shown_is_the_pull_requests_author(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(work, NOTE, note_text(work, "qldt"))
    commit_all(work, "Nộp")
    event = work.parent / "event.json"
    event.write_text(json.dumps({"pull_request": {"user": {"login": "nguoi-la"}}}), encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_ACTOR", "bql-qldt-anh")  # a submitter pushed the last commit
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    os.chdir(work)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "Người nộp: nguoi-la — KHÔNG có trong danh sách người nộp của đơn vị" in out


BOMB = (
    "quarter: 2025Q1\nissued_on: 2025-03-20\na: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 5)}]\n" for i in range(12))
    + "number: *m\n"
)


def test_an_issue_record_with_nested_aliases_is_refused_at_once(work: Path) -> None:
    assert len(BOMB.encode()) < 1024
    started = time.monotonic()
    assert issuance.parse(BOMB) is None
    assert time.monotonic() - started < 2
    origin = work.parent / "origin"
    write(origin, "reports/2025Q1/issued.yaml", BOMB)
    commit_all(origin, "Hồ sơ phát hành hỏng")
    git(work, "fetch", "-q", "origin")
    write(work, NOTE, note_text(work, "qldt"))
    commit_all(work, "Nộp")
    started = time.monotonic()
    assert not judged(work).failed()
    assert time.monotonic() - started < 10


def test_a_fetched_head_commit_is_judged_without_a_checkout(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CI can keep the base checked out and read the pull request's head commit only as data (--head)."""
    write(work, NOTE, note_text(work, "qldt").replace("quarter: 2025Q1", "quarter: 2025Q5"))
    bad = commit_all(work, "Nộp (sai quý)")
    git(work, "checkout", "-q", "main")
    os.chdir(work)
    assert main(["check", "--actor", "bql-qldt-anh", "--head", bad]) == 1
    assert "data/units/qldt/2025Q1.md" in capsys.readouterr().out
    assert not (work / NOTE).exists()  # nothing of the pull request was checked out
    assert main(["check", "--actor", "bql-qldt-anh", "--head", "khong-co"]) == 2
