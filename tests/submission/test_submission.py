"""The rules of a submission by pull request, on the shipped directive, without git (the base's side is given)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from formkit import filled_form, opened, save, set_amendment
from gitdata import SOURCE, TODAY, make_origin, note_text, write
from nq43.check.codeowners import office
from nq43.check.repository import check_note_file, load_repository, note_files
from nq43.domain.catalogue import CATALOGUE
from nq43.domain.findings import Finding
from nq43.domain.periods import Period
from nq43.domain.records import Amendment, Directive, Quarter, Submitter
from nq43.load.directive import load_directive
from nq43.load.formwords import LATE_REASON
from nq43.load.issued import IssueRecord, content_hash
from nq43.load.notes import parse_note
from nq43.submission.changes import Change, ChangeSet
from nq43.submission.rules import Actor, Before, Submission, assess, is_note_path, unit_folder

QLDT = Actor("bql-qldt-anh", "github")
OFFICE = Actor("bql-vp-minh", "github")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_origin(tmp_path / "repo")


def directive_of(root: Path) -> Directive:
    directive, findings = load_directive(root)
    assert directive is not None, findings
    return directive


def judge(
    root: Path, changes: Sequence[Change], actor: Actor | None = QLDT, before: Before | None = None, today: date = TODAY
) -> Submission:
    """Check the notes among `changes` as they are on disk, as `nq43 check` does, and judge the submission."""
    directive = directive_of(root)
    notes = {
        c.path: check_note_file(root / c.path, root, directive, today)
        for c in changes
        if not c.deleted and is_note_path(c.path) and (root / c.path).is_file()
    }
    contents = {p: (root / p).read_bytes() for p in notes}
    _, stray = note_files(root)
    changeset = ChangeSet("origin/main", "b" * 40, "m" * 40, "h" * 40, tuple(changes))
    return assess(changeset, directive, notes, contents, stray, base_side(directive, before), actor, today)


def base_side(directive: Directive, before: Before | None = None) -> Before:
    """The base's side as the gate reads it: the units' submitters and the Office, unless the test sets them."""
    before = before or Before()
    office_unit = office(directive)
    submitters = before.submitters or {u.id: u.submitters for u in directive.units}
    return before._replace(submitters=submitters, office=before.office or (office_unit.id if office_unit else None))


def codes(findings: Sequence[Finding]) -> list[tuple[str, str]]:
    return [(f.path, f.code) for f in findings]


def test_a_clean_submission(root: Path) -> None:
    write(root, "data/units/qldt/2025Q1.md", note_text(root, "qldt"))
    result = judge(root, [Change("A", "data/units/qldt/2025Q1.md")])
    assert result.findings == ()
    assert not result.failed()
    assert result.unit_id == "qldt" and result.unit is not None and result.unit.name == "Phòng Quản lý Đầu tư"
    assert result.actor_role == "submitter"
    assert [n.path for n in result.notes] == ["data/units/qldt/2025Q1.md"]
    assert result.notes[0].checked.valid and result.notes[0].issued is None
    assert result.office_review == () and result.other_units == ()


def test_an_invalid_note_gets_the_validators_findings_exactly(root: Path) -> None:
    text = note_text(root, "qldt").replace("status: thuong-xuyen", "status: xong", 1)
    text = text.replace("quarter: 2025Q1", "quarter: 2025Q5")
    write(root, "data/units/qldt/2025Q1.md", text)
    result = judge(root, [Change("A", "data/units/qldt/2025Q1.md")])
    validated = load_repository(root, TODAY, [root / "data/units/qldt/2025Q1.md"]).findings
    assert result.findings == validated
    assert {"NQ304", "NQ307"} <= {f.code for f in result.findings}
    assert result.failed()


def test_a_note_of_another_unit_is_refused_to_its_non_submitter(root: Path) -> None:
    write(root, "data/units/vp/2025Q1.md", note_text(root, "vp"))
    result = judge(root, [Change("M", "data/units/vp/2025Q1.md")])
    assert result.unit_id == "vp"
    assert result.actor_role == "stranger"
    assert codes(result.findings) == [("data/units/vp/2025Q1.md", "NQ802")]
    message = result.findings[0].message("vi")
    assert message == (
        'Tài khoản "bql-qldt-anh" không có trong danh sách người nộp của đơn vị vp (data/units/vp/unit.yaml).'
    )
    assert "Nguyễn Thị Hương (bql-vp-huong), Trần Văn Minh (bql-vp-minh)" in result.findings[0].hint("vi")


def test_a_pull_request_stays_in_one_units_folder(root: Path) -> None:
    write(root, "data/units/qldt/2025Q1.md", note_text(root, "qldt"))
    write(root, "data/units/vp/2025Q1.md", note_text(root, "vp"))
    write(root, "data/units/tnmt/2025Q1.md", note_text(root, "tnmt"))
    changes = [
        Change("A", "data/units/qldt/2025Q1.md"),
        Change("A", "data/units/tnmt/2025Q1.md"),
        Change("A", "data/units/vp/2025Q1.md"),
    ]
    result = judge(root, changes)
    assert result.unit_id == "qldt"  # the actor's own unit, though listed first only by chance
    assert result.other_units == ("tnmt", "vp")
    assert codes(result.findings) == [("data/units/tnmt/2025Q1.md", "NQ801"), ("data/units/vp/2025Q1.md", "NQ801")]
    assert result.findings[0].message("en") == (
        "This file is in the folder of unit tnmt, but this pull request submits for unit qldt; "
        "a pull request may change one unit's folder only."
    )


def test_without_an_actor_the_unit_with_most_files_is_the_submitter(root: Path) -> None:
    write(root, "data/units/vp/2025Q1.md", note_text(root, "vp"))
    write(root, "data/units/vp/2025Q2.md", note_text(root, "vp", "2025Q2"))
    write(root, "data/units/qldt/2025Q1.md", note_text(root, "qldt"))
    changes = [
        Change("A", "data/units/qldt/2025Q1.md"),
        Change("A", "data/units/vp/2025Q1.md"),
        Change("A", "data/units/vp/2025Q2.md"),
    ]
    result = judge(root, changes, actor=None, today=date(2025, 6, 5))
    assert result.unit_id == "vp" and result.actor_role == "not-checked"
    assert codes(result.findings) == [("data/units/qldt/2025Q1.md", "NQ801")]


def test_the_office_may_submit_for_a_unit_with_a_warning(root: Path) -> None:
    write(root, "data/units/qldt/2025Q1.md", note_text(root, "qldt"))
    result = judge(root, [Change("A", "data/units/qldt/2025Q1.md")], actor=OFFICE)
    assert result.actor_role == "office"
    assert codes(result.findings) == [("data/units/qldt/2025Q1.md", "NQ803")]
    assert not result.failed() and result.failed(strict=True)


def test_submitters_come_from_the_base_not_from_the_branch(root: Path) -> None:
    write(root, "data/units/qldt/2025Q1.md", note_text(root, "qldt"))
    newcomer = Actor("nguoi-moi", "github")
    unit_yaml = root / "data/units/qldt/unit.yaml"
    unit_yaml.write_text(
        unit_yaml.read_text(encoding="utf-8") + "  - name: Người Mới\n    github: nguoi-moi\n", encoding="utf-8"
    )
    changes = [Change("A", "data/units/qldt/2025Q1.md"), Change("M", "data/units/qldt/unit.yaml")]
    base_side = Before(submitters={"qldt": (Submitter("Phạm Quốc Anh", github="bql-qldt-anh"),)})
    refused = judge(root, changes, actor=newcomer, before=base_side)
    assert refused.actor_role == "stranger" and "NQ802" in {f.code for f in refused.findings}
    assert [c.path for c in refused.office_review] == ["data/units/qldt/unit.yaml"]
    # Once the Office has merged the new submitter into main, the same person may submit.
    assert judge(root, changes, actor=newcomer).actor_role == "submitter"


def test_logins_compare_without_case_and_per_service() -> None:
    both = Submitter("A", github="Bql-Anh", gitlab="anh.gitlab")
    assert Actor("bql-anh", "github").matches(both)
    assert not Actor("bql-anh", "gitlab").matches(both)
    assert Actor("ANH.GITLAB", "gitlab").matches(both)
    assert Actor("anh.gitlab").matches(both) and Actor("bql-anh").matches(both)
    assert not Actor("anh.gitlab", "github").matches(both)


def test_files_that_are_not_notes_need_the_office(root: Path) -> None:
    changes = [
        Change("M", "data/directive.yaml"),
        Change("A", "templates/bao-cao.md.j2"),
        Change("M", "src/nq43/cli.py"),
        Change("M", ".github/workflows/pull-request.yml"),
        Change("D", "docs/cu.md"),
    ]
    result = judge(root, changes)
    assert codes(result.findings) == sorted((c.path, "NQ810") for c in changes)
    assert result.unit_id is None and result.actor_role == "stranger" and result.failed()
    assert [c.path for c in result.office_review] == [c.path for c in changes]
    by_office = judge(root, changes, actor=OFFICE)
    assert by_office.findings == () and by_office.actor_role == "office" and not by_office.failed()
    unknown = judge(root, changes, actor=None)
    assert {f.code for f in unknown.findings} == {"NQ810"} and unknown.actor_role == "not-checked"


def test_other_files_in_a_unit_folder_are_findings_never_ignored(root: Path) -> None:
    write(root, "data/units/qldt/Báo cáo.docx", b"PK\x03\x04")
    write(root, "data/units/qldt/bao-cao-quy-1.md", note_text(root, "qldt"))
    write(root, "data/units/vp/cu.pdf", b"%PDF")  # already on main, not this pull request's doing
    changes = [Change("A", "data/units/qldt/Báo cáo.docx"), Change("A", "data/units/qldt/bao-cao-quy-1.md")]
    result = judge(root, changes)
    assert codes(result.findings) == [
        ("data/units/qldt/Báo cáo.docx", "NQ111"),
        ("data/units/qldt/bao-cao-quy-1.md", "NQ111"),
    ]
    assert "2025Q1.md" in result.findings[1].message("vi")


def test_deleting_or_renaming_away_a_note_is_refused(root: Path) -> None:
    write(root, "data/units/qldt/2025Q2.md", note_text(root, "qldt", "2025Q2"))
    write(root, "data/units/qldt/2025Q1.md", note_text(root, "qldt"))
    changes = [
        Change("D", "data/units/qldt/2024Q4.md"),
        Change("R", "data/units/qldt/2025Q2.md", "data/units/qldt/2025Q3.md"),
        Change("R", "data/units/qldt/2025Q1.md", "data/units/qldt/nhap.md"),
    ]
    result = judge(root, changes, today=date(2025, 6, 5))
    assert codes(result.findings) == [("data/units/qldt/2024Q4.md", "NQ808"), ("data/units/qldt/2025Q3.md", "NQ808")]
    assert result.findings[0].message("vi") == (
        "Pull request xoá ghi chú đã nộp data/units/qldt/2024Q4.md; ghi chú là hồ sơ nên không được xoá."
    )


def issued(root: Path, path: str, on: date = date(2025, 3, 20)) -> Before:
    """The base's side after the 2025Q1 report was issued from the note now at `path`."""
    data = (root / path).read_bytes()
    record = IssueRecord(Period.of(Quarter(2025, 1)), "45/BC-BQL", on, "c" * 40, {path: content_hash(data)})
    return Before(notes={path: parse_note(data.decode("utf-8"), path).note}, issued={"2025Q1": record})


def test_a_note_of_an_issued_report_changes_only_with_an_amendment(root: Path) -> None:
    path = "data/units/qldt/2025Q1.md"
    write(root, path, note_text(root, "qldt"))
    before = issued(root, path)
    write(root, path, note_text(root, "qldt", results="Đã rà soát 14 khu công nghiệp."))
    result = judge(root, [Change("M", path)], before=before, today=date(2025, 4, 2))
    assert codes(result.findings) == [(path, "NQ804")]
    assert result.findings[0].message("vi") == (
        "Báo cáo quý I năm 2025 đã phát hành (số 45/BC-BQL, ngày 2025-03-20); ghi chú này chỉ được sửa khi thêm một "
        'mục mới vào "amends:" ghi ngày và lý do sửa.'
    )
    assert "date: 2025-04-02" in result.findings[0].hint("vi")
    assert result.notes[0].issued is not None and result.notes[0].amendments == ()


def test_an_amendment_dated_after_the_issue_is_accepted(root: Path) -> None:
    path = "data/units/qldt/2025Q1.md"
    write(root, path, note_text(root, "qldt"))
    before = issued(root, path)
    amends = 'amends:\n  - date: 2025-04-01\n    reason: "Sửa số khu công nghiệp đã rà soát (14, không phải 12)"'
    write(root, path, note_text(root, "qldt", results="Đã rà soát 14 khu công nghiệp.", extra_front=amends))
    result = judge(root, [Change("M", path)], before=before, today=date(2025, 4, 2))
    assert result.findings == ()
    (item,) = result.notes
    assert item.issued is not None and item.issued.number == "45/BC-BQL"
    assert [(a.date, a.reason) for a in item.amendments] == [
        (date(2025, 4, 1), "Sửa số khu công nghiệp đã rà soát (14, không phải 12)")
    ]


@pytest.mark.parametrize(("day", "code"), [("2025-03-19", "NQ805"), ("2025-04-03", "NQ806")])
def test_an_amendment_must_be_dated_between_the_issue_and_today(root: Path, day: str, code: str) -> None:
    path = "data/units/qldt/2025Q1.md"
    write(root, path, note_text(root, "qldt"))
    before = issued(root, path)
    text = note_text(root, "qldt", results="Sửa.", extra_front=f"amends:\n  - date: {day}\n    reason: Sửa số liệu")
    write(root, path, text)
    result = judge(root, [Change("M", path)], before=before, today=date(2025, 4, 2))
    assert codes(result.findings) == [(path, code)]
    line = text.split("\n").index(f"  - date: {day}") + 1
    assert result.findings[0].line == line


def test_earlier_amendments_cannot_be_removed(root: Path) -> None:
    path = "data/units/qldt/2025Q1.md"
    first = "amends:\n  - date: 2025-04-01\n    reason: Lần sửa thứ nhất"
    write(root, path, note_text(root, "qldt", results="Lần 1.", extra_front=first))
    before = issued(root, path, on=date(2025, 3, 20))
    second = "amends:\n  - date: 2025-05-02\n    reason: Lần sửa thứ hai"
    write(root, path, note_text(root, "qldt", results="Lần 2.", extra_front=second))
    result = judge(root, [Change("M", path)], before=before, today=date(2025, 5, 2))
    assert codes(result.findings) == [(path, "NQ807")]
    assert result.findings[0].args["value"] == "2025-04-01"


def test_an_unchanged_issued_note_needs_no_amendment(root: Path) -> None:
    path = "data/units/qldt/2025Q1.md"
    write(root, path, note_text(root, "qldt"))
    result = judge(root, [Change("M", path)], before=issued(root, path), today=date(2025, 4, 2))
    assert result.findings == () and result.notes[0].issued is None


def test_a_late_note_for_an_issued_quarter_is_an_amendment_too(root: Path) -> None:
    write(root, "data/units/vp/2025Q1.md", note_text(root, "vp"))
    before = issued(root, "data/units/vp/2025Q1.md")
    write(root, "data/units/qldt/2025Q1.md", note_text(root, "qldt"))
    result = judge(root, [Change("A", "data/units/qldt/2025Q1.md")], before=before, today=date(2025, 4, 2))
    assert codes(result.findings) == [("data/units/qldt/2025Q1.md", "NQ812")]
    assert "khi chưa có ghi chú này" in result.findings[0].message("vi")


def test_a_late_form_for_an_issued_quarter_needs_its_corrections_table(root: Path) -> None:
    path = "data/units/qldt/2025Q2.docx"
    record = IssueRecord(Period.of(Quarter(2025, 2)), "45/BC-BQL", date(2025, 6, 20), "c" * 40, {})
    before = Before(issued={"2025Q2": record})
    document = opened(filled_form())
    write(root, path, save(document))
    late = judge(root, [Change("A", path)], before=before, today=date(2025, 7, 2))
    assert codes(late.findings) == [(path, "NQ812")]
    assert "bảng Đính chính" in late.findings[0].message("vi") and "amends" not in late.findings[0].hint("vi")

    set_amendment(document, 1, "2/7/2025", LATE_REASON)
    write(root, path, save(document))
    accepted = judge(root, [Change("A", path)], before=before, today=date(2025, 7, 2))
    assert accepted.findings == ()
    assert accepted.notes[0].amendments == (Amendment(date(2025, 7, 2), LATE_REASON),)


def test_a_stale_codeowners_concerns_a_pull_request_that_changes_submitters(root: Path) -> None:
    write(root, ".github/CODEOWNERS", '# Sinh tự động bởi "nq43 codeowners" cũ\n* @ai-do\n')
    directive = directive_of(root)
    from nq43.check.codeowners import stale

    findings = stale(root, directive)
    changeset = ChangeSet("origin/main", "b" * 40, "m" * 40, "h" * 40, (Change("M", "data/units/qldt/unit.yaml"),))
    base = base_side(directive)
    result = assess(changeset, directive, {}, {}, findings, base, OFFICE, TODAY)
    assert codes(result.findings) == [(".github/CODEOWNERS", "NQ809"), ("data/units/qldt/unit.yaml", "NQ803")]
    unrelated = ChangeSet("origin/main", "b" * 40, "m" * 40, "h" * 40, (Change("M", "src/nq43/cli.py"),))
    assert assess(unrelated, directive, {}, {}, findings, base, OFFICE, TODAY).findings == ()


def test_paths_of_notes_and_unit_folders() -> None:
    assert is_note_path("data/units/qldt/2025Q1.md")
    assert not is_note_path("data/units/qldt/2025q1.md")
    assert not is_note_path("data/units/qldt/sub/2025Q1.md")
    assert not is_note_path("data/2025Q1.md")
    assert unit_folder("data/units/qldt/x/y.docx") == "qldt"
    assert unit_folder("data/units/qldt") is None and unit_folder("data/directive.yaml") is None


def test_every_submission_code_is_documented() -> None:
    documented = (SOURCE / "docs/ma-loi.md").read_text(encoding="utf-8")
    ours = [code for code in CATALOGUE if code.startswith("NQ8")]
    assert ours == [f"NQ8{n:02d}" for n in range(1, 15)]
    assert [code for code in ours if f"\n### {code}\n" not in documented] == []
