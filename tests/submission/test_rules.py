"""Each rule of the PR gate alone: a function from the pull request's side and the base's side to findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gitdata import TODAY, make_origin, note_text, write
from nq43.check.repository import check_note_file
from nq43.domain.findings import Finding, finding
from nq43.domain.periods import Period
from nq43.domain.records import Directive, Quarter
from nq43.load.directive import load_directive
from nq43.load.issued import AmendmentRecord, IssueRecord, content_hash
from nq43.submission import rules
from nq43.submission.changes import Change, ChangeSet
from nq43.submission.rules import Actor, Before, Proposal

QLDT = Actor("bql-qldt-anh", "github")
OFFICE = Actor("bql-vp-minh", "github")
NOTE = "data/units/qldt/2025Q1.md"


@pytest.fixture
def directive(tmp_path: Path) -> Directive:
    loaded, _ = load_directive(make_origin(tmp_path / "repo"))
    assert loaded is not None
    return loaded


def base(directive: Directive, **more: Any) -> Before:
    return Before(submitters={u.id: u.submitters for u in directive.units}, office="vp")._replace(**more)


def proposal(directive: Directive, *changes: Change, actor: Actor | None = QLDT, **more: Any) -> Proposal:
    changeset = ChangeSet("origin/main", "b" * 40, "m" * 40, "h" * 40, changes)
    return Proposal(changeset, directive, {}, {}, (), actor, TODAY)._replace(**more)


def paths(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.path, f.code) for f in findings]


def test_every_rule_is_in_the_list() -> None:
    named = [
        rules.data_findings,
        rules.unsafe_paths,
        rules.one_unit,
        rules.outside_the_notes,
        rules.note_findings,
        rules.kept_notes,
        rules.amendments,
        rules.right_person,
    ]
    assert list(rules.RULES) == named


def test_unsafe_paths(directive: Directive) -> None:
    changes = [
        Change("A", "data/units/qldt/lien-ket", mode="120000"),
        Change("A", "data/units/qldt/..", mode="100644"),
        Change("A", "data/units/qldt/.git/config"),
        Change("A", "data/units/qldt/caf\udce9.md"),
        Change("A", "data/units/qldt/kho-con", mode="160000"),
        Change("A", NOTE),
        Change("D", "data/units/qldt/cu-lien-ket", mode="000000"),
    ]
    found = rules.unsafe_paths(proposal(directive, *changes), base(directive))
    assert paths(found) == [(c.path, "NQ811") for c in changes[:5]]


def test_one_unit(directive: Directive) -> None:
    changes = (Change("A", NOTE), Change("A", "data/units/vp/2025Q1.md"))
    assert paths(rules.one_unit(proposal(directive, *changes), base(directive))) == [
        ("data/units/vp/2025Q1.md", "NQ801")
    ]


def test_outside_the_notes_only_the_office_listed_in_the_base(directive: Directive) -> None:
    changes = (Change("M", "data/directive.yaml"), Change("M", "data/units/qldt/unit.yaml"), Change("A", NOTE))
    expected = [("data/directive.yaml", "NQ810"), ("data/units/qldt/unit.yaml", "NQ810")]
    assert paths(rules.outside_the_notes(proposal(directive, *changes), base(directive))) == expected
    assert rules.outside_the_notes(proposal(directive, *changes, actor=OFFICE), base(directive)) == []
    # An Office that the base does not list is nobody.
    assert paths(rules.outside_the_notes(proposal(directive, *changes, actor=OFFICE), base(directive, office=None)))


def test_note_findings_and_kept_notes(directive: Directive, tmp_path: Path) -> None:
    root = make_origin(tmp_path / "other")
    write(root, NOTE, note_text(root, "qldt").replace("quarter: 2025Q1", "quarter: 2025Q5"))
    checked = check_note_file(root / NOTE, root, directive, TODAY)
    pr = proposal(directive, Change("A", NOTE), notes={NOTE: checked})
    assert rules.note_findings(pr, base(directive)) == list(checked.findings) != []
    gone = proposal(directive, Change("D", "data/units/qldt/2024Q4.md"), Change("R", NOTE, "data/units/qldt/2024Q3.md"))
    assert paths(rules.kept_notes(gone, base(directive))) == [
        ("data/units/qldt/2024Q4.md", "NQ808"),
        ("data/units/qldt/2024Q3.md", "NQ808"),
    ]


def test_amendments(directive: Directive, tmp_path: Path) -> None:
    root = make_origin(tmp_path / "other")
    write(root, NOTE, note_text(root, "qldt"))
    checked = check_note_file(root / NOTE, root, directive, TODAY)
    record = IssueRecord(Period.of(Quarter(2025, 1)), "45/BC-BQL", date(2025, 3, 10), None, {NOTE: "0" * 64})
    pr = proposal(directive, Change("M", NOTE), notes={NOTE: checked}, contents={NOTE: (root / NOTE).read_bytes()})
    issued = {"2025Q1": record}
    assert paths(rules.amendments(pr, base(directive, issued=issued, notes={NOTE: checked.note}))) == [(NOTE, "NQ804")]
    assert rules.amendments(pr, base(directive)) == []
    # a note the issued report did not have is a late note, not a change
    late = proposal(directive, Change("A", NOTE), notes={NOTE: checked}, contents={NOTE: (root / NOTE).read_bytes()})
    [found] = rules.amendments(late, base(directive, issued=issued))
    assert found.code == "NQ812"
    assert "khi chưa có ghi chú này" in found.message() and "ghi chú này chỉ được sửa" not in found.message()
    assert "Nộp bổ sung" in found.hint()


def test_amendments_follow_the_latest_link_of_the_chain(directive: Directive, tmp_path: Path) -> None:
    root = make_origin(tmp_path / "other")
    write(root, NOTE, note_text(root, "qldt"))
    data = (root / NOTE).read_bytes()
    checked = check_note_file(root / NOTE, root, directive, TODAY)
    pr = proposal(directive, Change("M", NOTE), notes={NOTE: checked}, contents={NOTE: data})
    original = IssueRecord(Period.of(Quarter(2025, 1)), "45", date(2025, 3, 10), None, {NOTE: "0" * 64})
    amended = AmendmentRecord("47", date(2025, 3, 20), None, "dinh-chinh", "x", {NOTE: content_hash(data)})
    # the note is the version the latest amendment used: nothing to amend
    chain = {"2025Q1": original._replace(amendments=(amended,))}
    assert rules.amendments(pr, base(directive, issued=chain, notes={NOTE: checked.note})) == []
    # changed after the latest amendment: it needs a new `amends:` entry again
    later = amended._replace(notes={NOTE: "1" * 64})
    chain = {"2025Q1": original._replace(amendments=(amended, later))}
    assert paths(rules.amendments(pr, base(directive, issued=chain, notes={NOTE: checked.note}))) == [(NOTE, "NQ804")]


def test_an_amendment_with_a_malformed_date_is_not_told_to_add_amends(directive: Directive, tmp_path: Path) -> None:
    root = make_origin(tmp_path / "other")
    text = note_text(root, "qldt").replace("tasks:", "amends:\n  - {date: 2025-04-31, reason: sửa số liệu}\ntasks:")
    write(root, NOTE, text)
    checked = check_note_file(root / NOTE, root, directive, TODAY)
    record = IssueRecord(Period.of(Quarter(2025, 1)), "45/BC-BQL", date(2025, 3, 10), None, {NOTE: "0" * 64})
    pr = proposal(directive, Change("M", NOTE), notes={NOTE: checked}, contents={NOTE: text.encode()})
    [found] = rules.amendments(pr, base(directive, issued={"2025Q1": record}, notes={NOTE: checked.note}))
    assert found.code == "NQ813"
    assert found.line == text.split("\n").index("  - {date: 2025-04-31, reason: sửa số liệu}") + 1
    assert "thêm" not in found.message() and "năm-tháng-ngày" in found.hint()


def test_right_person_judged_by_the_base(directive: Directive) -> None:
    pr = proposal(directive, Change("A", NOTE), actor=Actor("nguoi-la", "github"))
    assert paths(rules.right_person(pr, base(directive))) == [(NOTE, "NQ802")]
    assert rules.right_person(proposal(directive, Change("A", NOTE)), base(directive)) == []
    assert paths(rules.right_person(proposal(directive, Change("A", NOTE), actor=OFFICE), base(directive))) == [
        (NOTE, "NQ803")
    ]
    # No fallback to the directive's (or the pull request's) list when the base has no unit.yaml for the unit.
    assert paths(rules.right_person(proposal(directive, Change("A", NOTE)), Before())) == [(NOTE, "NQ802")]


def test_a_listed_person_on_another_account_is_told_so(directive: Directive, tmp_path: Path) -> None:
    root = make_origin(tmp_path / "other")
    write(root, NOTE, note_text(root, "qldt").replace("Nguyễn Văn A", "Phạm Quốc Anh"))
    checked = check_note_file(root / NOTE, root, directive, TODAY)
    pr = proposal(directive, Change("A", NOTE), actor=Actor("anh-ca-nhan", "github"), notes={NOTE: checked})
    [found] = rules.right_person(pr, base(directive))
    assert found.code == "NQ814"
    assert found.message() == (
        'Tài khoản "anh-ca-nhan" không phải tài khoản ghi cho Phạm Quốc Anh trong danh sách người nộp của đơn vị '
        "qldt (bql-qldt-anh)."
    )
    assert "data/units/qldt/unit.yaml" in found.hint() and "Nhờ" not in found.hint()
    # someone the list does not name is still told whom to ask
    other = proposal(directive, Change("A", NOTE), actor=Actor("anh-ca-nhan", "github"))
    assert paths(rules.right_person(other, base(directive))) == [(NOTE, "NQ802")]


def test_a_new_rule_is_a_function_and_a_row(directive: Directive) -> None:
    def no_mondays(pr: Proposal, before: Before) -> list[Finding]:
        return [finding(c.path, 1, 1, "NQ810", actor="x") for c in pr.items] if pr.today.weekday() == 0 else []

    pr = proposal(directive, Change("A", NOTE), today=date(2025, 3, 10))
    assert paths(list(rules.judge(pr, base(directive), (*rules.RULES, no_mondays)).findings)) == [(NOTE, "NQ810")]
