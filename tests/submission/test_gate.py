"""What `nq43 check` gathers from CI's environment and from the base branch in git."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from formkit import filled_form
from gitdata import TODAY, clone, commit_all, git, make_origin, note_text, write
from nq43.domain.periods import Period
from nq43.domain.records import Quarter, Submitter
from nq43.load import issued as issuance
from nq43.load.issued import IssueRecord, content_hash
from nq43.submission.changes import changed_files
from nq43.submission.gate import DEFAULT_BASE, actor_from_env, check, default_base, read_before
from nq43.submission.rules import Actor


def test_actor_from_ci_or_option(tmp_path: Path) -> None:
    assert actor_from_env({}) is None
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"user": {"login": "nguoi-la"}}}), encoding="utf-8")
    # GITHUB_ACTOR is whoever triggered the run (a submitter pushing to a stranger's PR): the PR's author counts.
    on_github = {"GITHUB_ACTIONS": "true", "GITHUB_ACTOR": "bql-qldt-anh", "GITHUB_EVENT_PATH": str(event)}
    assert actor_from_env(on_github) == Actor("nguoi-la", "github")
    assert actor_from_env({"GITHUB_ACTIONS": "true", "GITHUB_ACTOR": "bql-qldt-anh"}) is None
    assert actor_from_env({"GITLAB_CI": "true", "GITLAB_USER_LOGIN": "anh.qldt"}) == Actor("anh.qldt", "gitlab")
    in_actions = {"GITHUB_ACTIONS": "true", "GITHUB_ACTOR": "x"}
    assert actor_from_env(in_actions, "@bql-vp-minh") == Actor("bql-vp-minh", "github")
    assert actor_from_env({}, "bql-vp-minh") == Actor("bql-vp-minh", None)


def test_default_base_follows_the_ci() -> None:
    assert default_base({}) == DEFAULT_BASE == "origin/main"
    assert default_base({"GITHUB_BASE_REF": "release"}) == "origin/release"
    assert default_base({"GITHUB_BASE_REF": "", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "chinh"}) == "origin/chinh"


def test_the_base_side_is_read_from_git_not_from_the_branch(tmp_path: Path) -> None:
    origin = make_origin(tmp_path / "origin")
    path = "data/units/qldt/2025Q1.md"
    write(origin, path, note_text(origin, "qldt", extra_front="amends:\n  - date: 2025-03-25\n    reason: Sửa lần 1"))
    record = IssueRecord(
        Period.of(Quarter(2025, 1)),
        "45/BC-BQL",
        date(2025, 3, 20),
        None,
        {path: content_hash((origin / path).read_bytes())},
    )
    write(origin, "reports/2025Q1/issued.yaml", issuance.dump(record))
    commit_all(origin, "Phát hành báo cáo quý I")
    work = clone(origin, tmp_path / "work")
    git(work, "checkout", "-q", "-b", "qldt")
    (work / "reports/2025Q1/issued.yaml").unlink()  # a branch cannot un-issue a report
    unit_yaml = work / "data/units/qldt/unit.yaml"
    unit_yaml.write_text(
        unit_yaml.read_text(encoding="utf-8") + "  - name: Người Mới\n    github: nguoi-moi\n", encoding="utf-8"
    )
    commit_all(work, "Thử")

    before = read_before(
        work, "origin/main", [path, "data/units/qldt/2026Q1.md"], ["qldt", "khong-co"], ["2025Q1", "2025Q2"]
    )

    assert before.submitters == {"qldt": (Submitter("Phạm Quốc Anh", github="bql-qldt-anh", gitlab="bql-qldt-anh"),)}
    assert before.issued == {"2025Q1": record}
    note = before.notes[path]
    assert note is not None and [a.reason for a in note.amends] == ["Sửa lần 1"]
    assert before.notes["data/units/qldt/2026Q1.md"] is None


def test_check_on_a_real_branch(tmp_path: Path) -> None:
    origin = make_origin(tmp_path / "origin")
    work = clone(origin, tmp_path / "work")
    git(work, "checkout", "-q", "-b", "qldt")
    write(work, "data/units/qldt/2025Q1.md", note_text(work, "qldt"))
    commit_all(work, "Nộp")
    submission, findings = check(work, changed_files(work, "origin/main"), Actor("bql-qldt-anh", "github"), TODAY)
    assert findings == [] and submission is not None
    assert submission.findings == () and submission.actor_role == "submitter"
    assert [n.path for n in submission.notes] == ["data/units/qldt/2025Q1.md"]


def test_check_stops_at_an_unreadable_directive_of_the_office(tmp_path: Path) -> None:
    origin = make_origin(tmp_path / "origin")
    work = clone(origin, tmp_path / "work")
    git(work, "checkout", "-q", "-b", "x")
    write(work, "data/directive.yaml", "letter: [\n")
    commit_all(work, "Hỏng")
    submission, findings = check(work, changed_files(work, "origin/main"), Actor("bql-vp-minh", "github"), TODAY)
    assert submission is None and [f.code for f in findings] == ["NQ204"]
    # A unit's pull request cannot touch the directive at all: the base's directive is used, the change refused.
    submission, findings = check(work, changed_files(work, "origin/main"), Actor("bql-qldt-anh", "github"), TODAY)
    assert findings == [] and submission is not None
    assert [(f.path, f.code) for f in submission.findings] == [("data/directive.yaml", "NQ810")]


def test_check_takes_an_uploaded_word_form_as_the_note(tmp_path: Path) -> None:
    origin = make_origin(tmp_path / "origin")
    work = clone(origin, tmp_path / "work")
    git(work, "checkout", "-q", "-b", "qldt-upload")
    write(work, "data/units/qldt/2025Q2.docx", filled_form())
    commit_all(work, "Add files via upload")
    submission, findings = check(
        work, changed_files(work, "origin/main"), Actor("bql-qldt-anh", "github"), date(2025, 6, 6)
    )
    assert findings == [] and submission is not None
    assert submission.findings == ()
    assert [n.path for n in submission.notes] == ["data/units/qldt/2025Q2.docx"]
    note = submission.notes[0].checked.note
    assert note is not None and note.tasks["2.2"].status.value == "hoan-thanh"


def test_check_fails_a_markdown_note_added_beside_the_quarters_word_form(tmp_path: Path) -> None:
    """The base has the unit's form for 2025Q2; a pull request adding 2025Q2.md too is NQ520, not a pass that
    leaves main with two notes for the quarter."""
    origin = make_origin(tmp_path / "origin")
    write(origin, "data/units/qldt/2025Q2.docx", filled_form())
    commit_all(origin, "Biểu mẫu quý 2")
    work = clone(origin, tmp_path / "work")
    git(work, "checkout", "-q", "-b", "qldt-markdown")
    write(work, "data/units/qldt/2025Q2.md", note_text(work, "qldt", "2025Q2", submitted=date(2025, 6, 6)))
    commit_all(work, "Thêm ghi chú Markdown")

    submission, findings = check(
        work, changed_files(work, "origin/main"), Actor("bql-qldt-anh", "github"), date(2025, 6, 6)
    )

    assert findings == [] and submission is not None
    assert [(f.path, f.code) for f in submission.findings] == [("data/units/qldt/2025Q2.md", "NQ520")]
