"""The skeleton of a note (`nq43 new`): it parses, names every task, and only its empty results stop it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from notekit import SHIPPED, TODAY, make_repo, submitted_on, write_note
from nq43.check.repository import load_repository
from nq43.domain.periods import Period
from nq43.domain.records import Amendment, Directive, Quarter
from nq43.domain.vocabulary import Status
from nq43.load.directive import load_directive
from nq43.load.issued import IssueRecord
from nq43.load.notes import parse_note
from nq43.submission.amending import amendment_findings
from nq43.submission.skeleton import previous_note, skeleton

UNITS = ["vp", "qldt", "qhxd", "dngsdt", "qlld", "tnmt", "vpdd", "ttdvvl"]


@pytest.fixture(scope="module")
def directive() -> Directive:
    loaded, _ = load_directive(SHIPPED)
    assert loaded is not None
    return loaded


@pytest.mark.parametrize("unit_id", UNITS)
def test_skeleton_parses_and_has_every_task_heading(directive: Directive, unit_id: str) -> None:
    unit = directive.unit(unit_id)
    assert unit is not None
    text = skeleton(directive, unit, Quarter(2025, 2), "Nguyễn Văn An")
    assert "\nsubmitted:  # ngày nộp, ghi khi nộp, dạng NĂM-THÁNG-NGÀY\n" in text  # left for the unit
    read = parse_note(submitted_on(text, date(2025, 6, 5)), f"data/units/{unit_id}/2025Q2.md")
    assert read.note is not None
    tasks = directive.tasks_of(unit_id)
    assert [f.code for f in read.findings] == ["NQ504"] * len(tasks)
    assert read.note.unit == unit_id
    assert read.note.quarter == Quarter(2025, 2)
    assert read.note.submitted == date(2025, 6, 5)
    assert list(read.note.tasks) == [t.id for t in tasks]
    for task in tasks:
        assert f"\n## {task.id}. {task.title}\n" in text
        expected = Status.RECURRING if task.recurring else Status.IN_PROGRESS
        assert read.note.tasks[task.id].status is expected
    assert "\n## Nhiệm vụ trọng tâm quý tới\n" in text


@pytest.mark.parametrize("unit_id", UNITS)
def test_unfilled_skeleton_fails_only_for_its_empty_results(tmp_path: Path, directive: Directive, unit_id: str) -> None:
    root = make_repo(tmp_path)
    unit = directive.unit(unit_id)
    assert unit is not None
    write_note(
        root,
        submitted_on(skeleton(directive, unit, Quarter(2025, 1), "Nguyễn Văn An"), date(2025, 3, 5)),
        f"data/units/{unit_id}/2025Q1.md",
    )
    repo = load_repository(root, TODAY)
    tasks = directive.tasks_of(unit_id)
    assert [(f.code, f.args["task"]) for f in repo.findings] == [("NQ504", t.id) for t in tasks]


def test_indicators_are_offered_commented_out(directive: Directive) -> None:
    unit = directive.unit("qldt")
    assert unit is not None
    text = skeleton(directive, unit, Quarter(2025, 1), "An")
    assert "    #   ty-le-lap-day: 0  # Tỷ lệ lấp đầy bình quân các khu công nghiệp (%)\n" in text
    read = parse_note(text, "n.md")
    assert read.note is not None
    assert dict(read.note.tasks["2.1"].indicators) == {}


def test_name_with_quotes_and_backslashes_stays_one_yaml_string(directive: Directive) -> None:
    unit = directive.unit("vp")
    assert unit is not None
    name = 'Trần "Tí" \\ Văn: #1'
    read = parse_note(skeleton(directive, unit, Quarter(2025, 1), name), "n.md")
    assert read.note is not None
    assert read.note.prepared_by == name


def test_empty_name_is_reported_when_validated(tmp_path: Path, directive: Directive) -> None:
    root = make_repo(tmp_path)
    unit = directive.unit("qlld")
    assert unit is not None
    write_note(root, skeleton(directive, unit, Quarter(2025, 1)), "data/units/qlld/2025Q1.md")
    repo = load_repository(root, TODAY)
    assert [(f.code, f.line) for f in repo.findings] == [("NQ308", 6), ("NQ308", 7), ("NQ504", 15)]
    assert [f.args.get("field") for f in repo.findings[:2]] == ["prepared_by", "submitted"]


# --- starting from the unit's previous note ------------------------------------------------------------------------

QLDT_Q1 = """\
---
unit: qldt
quarter: 2025Q1
prepared_by: Phạm Quốc Anh
submitted: 2025-03-06
tasks:
  "2.1":
    status: thuong-xuyen
    indicators:
      ty-le-lap-day: 72.5
  "2.2":
    status: hoan-thanh
    progress: 100
    completed: 2025-02-20
  "2.4":
    status: chua-thuc-hien
    progress: 0
---

## 2.1. Rà soát

### Kết quả

Đã rà soát.
"""


def _filled(text: str, day: date) -> str:
    """What the unit does with the skeleton: writes the day it submits and each task's results."""
    return submitted_on(text, day).replace(
        "<!-- Kết quả thực hiện trong quý: việc đã làm, số liệu, văn bản đã ban hành. -->", "Đã làm trong quý."
    )


def test_values_are_carried_from_the_latest_earlier_readable_note(tmp_path: Path, directive: Directive) -> None:
    root = make_repo(tmp_path)
    write_note(root, QLDT_Q1, "data/units/qldt/2025Q1.md")
    write_note(root, "---\nunit: [\n---\n", "data/units/qldt/2025Q2.md")  # later but unreadable: skipped
    write_note(root, QLDT_Q1.replace("2025Q1", "2025Q4"), "data/units/qldt/2025Q4.md")  # not earlier: skipped
    write_note(root, QLDT_Q1.replace("2025Q1", "2024Q4").replace("72.5", "60"), "data/units/qldt/2024Q4.md")
    previous = previous_note(root, "qldt", Quarter(2025, 3))
    assert previous is not None and previous.path == "data/units/qldt/2025Q1.md"
    unit = directive.unit("qldt")
    assert unit is not None
    text = skeleton(directive, unit, Quarter(2025, 3), "An", previous=previous)
    assert "(data/units/qldt/2025Q1.md)" in text.split("\n")[3]
    assert "\n    status: chua-thuc-hien  # quý 2025Q1: chua-thuc-hien — cập nhật (" in text
    assert "\n    progress: 0  # quý 2025Q1: 0 — cập nhật; tiến độ, phần trăm\n" in text
    assert "\n      ty-le-lap-day: 72.5  # quý 2025Q1: 72.5 — cập nhật; Tỷ lệ lấp đầy" in text
    assert "\n    #   so-nha-dau-tu-thu-cap: 0  # " in text  # not in the previous note: still offered, commented
    read = parse_note(submitted_on(text, date(2025, 9, 5)), "data/units/qldt/2025Q3.md")
    assert read.note is not None
    tasks = read.note.tasks
    assert (tasks["2.4"].status, tasks["2.4"].progress) == (Status.NOT_STARTED, 0)
    assert (tasks["2.2"].status, tasks["2.2"].progress, tasks["2.2"].completed) == (
        Status.COMPLETED,
        100,
        date(2025, 2, 20),
    )
    assert dict(tasks["2.1"].indicators) == {"ty-le-lap-day": 72.5}
    assert tasks["2.3"].status is Status.RECURRING  # not in the previous note: the default, unmarked
    assert '\n  "2.3":\n    status: thuong-xuyen  # hoan-thanh | ' in text
    # filled in, it validates with no finding at all
    write_note(root, _filled(text, date(2025, 9, 5)), "data/units/qldt/2025Q3.md")
    repo = load_repository(root, date(2025, 10, 1))
    assert [f.code for f in repo.findings if f.path == "data/units/qldt/2025Q3.md"] == []


def test_no_earlier_note_means_the_plain_skeleton(tmp_path: Path, directive: Directive) -> None:
    root = make_repo(tmp_path)
    write_note(root, QLDT_Q1, "data/units/qldt/2025Q1.md")
    assert previous_note(root, "qldt", Quarter(2025, 1)) is None
    assert previous_note(root, "vp", Quarter(2025, 2)) is None
    assert previous_note(tmp_path / "nowhere", "qldt", Quarter(2025, 2)) is None
    unit = directive.unit("qldt")
    assert unit is not None
    text = skeleton(directive, unit, Quarter(2025, 2), previous=None)
    assert "cập nhật" not in text and "amends" not in text


def test_an_issued_quarter_asks_for_amends_and_passes_the_gate_filled(tmp_path: Path, directive: Directive) -> None:
    record = IssueRecord(Period.of(Quarter(2025, 2)), "112", date(2025, 6, 13), None, {})
    unit = directive.unit("qldt")
    assert unit is not None
    text = skeleton(directive, unit, Quarter(2025, 2), "An", issued=record)
    assert (
        "# Báo cáo quý II năm 2025 đã phát hành (số 112, ngày 2025-06-13): ghi chú này là đính chính, "
        'phải có "amends:".\n# Bỏ dấu # ở dòng dưới, ghi ngày sửa (NĂM-THÁNG-NGÀY) và lý do:\n'
        '# amends: [{date: YYYY-MM-DD, reason: "..."}]\ntasks:\n'
    ) in text
    filled = _filled(text, date(2025, 6, 20)).replace(
        '# amends: [{date: YYYY-MM-DD, reason: "..."}]', 'amends: [{date: 2025-06-20, reason: "Nộp bổ sung"}]'
    )
    root = make_repo(tmp_path)
    path = "data/units/qldt/2025Q2.md"
    write_note(root, filled, path)
    checked = next(iter(load_repository(root, date(2025, 6, 20)).notes))
    assert checked.findings == ()
    findings, added = amendment_findings(checked, filled.encode(), None, record, date(2025, 6, 20))
    assert findings == [] and added == (Amendment(date(2025, 6, 20), "Nộp bổ sung"),)
