"""The skeleton of a note (`nq43 new`): it parses, names every task, and only its empty results stop it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from notekit import SHIPPED, TODAY, make_repo, write_note
from nq43.check.repository import load_repository
from nq43.domain.records import Directive, Quarter
from nq43.domain.vocabulary import Status
from nq43.load.directive import load_directive
from nq43.load.notes import parse_note
from nq43.submission.skeleton import skeleton

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
    text = skeleton(directive, unit, Quarter(2025, 2), date(2025, 6, 5), "Nguyễn Văn An")
    read = parse_note(text, f"data/units/{unit_id}/2025Q2.md")
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
        skeleton(directive, unit, Quarter(2025, 1), date(2025, 3, 5), "Nguyễn Văn An"),
        f"data/units/{unit_id}/2025Q1.md",
    )
    repo = load_repository(root, TODAY)
    tasks = directive.tasks_of(unit_id)
    assert [(f.code, f.args["task"]) for f in repo.findings] == [("NQ504", t.id) for t in tasks]


def test_indicators_are_offered_commented_out(directive: Directive) -> None:
    unit = directive.unit("qldt")
    assert unit is not None
    text = skeleton(directive, unit, Quarter(2025, 1), TODAY, "An")
    assert "    #   ty-le-lap-day: 0  # Tỷ lệ lấp đầy bình quân các khu công nghiệp (%)\n" in text
    read = parse_note(text, "n.md")
    assert read.note is not None
    assert dict(read.note.tasks["2.1"].indicators) == {}


def test_name_with_quotes_and_backslashes_stays_one_yaml_string(directive: Directive) -> None:
    unit = directive.unit("vp")
    assert unit is not None
    name = 'Trần "Tí" \\ Văn: #1'
    read = parse_note(skeleton(directive, unit, Quarter(2025, 1), TODAY, name), "n.md")
    assert read.note is not None
    assert read.note.prepared_by == name


def test_empty_name_is_reported_when_validated(tmp_path: Path, directive: Directive) -> None:
    root = make_repo(tmp_path)
    unit = directive.unit("qlld")
    assert unit is not None
    write_note(root, skeleton(directive, unit, Quarter(2025, 1), date(2025, 3, 5)), "data/units/qlld/2025Q1.md")
    repo = load_repository(root, TODAY)
    assert [(f.code, f.line) for f in repo.findings] == [("NQ308", 6), ("NQ504", 15)]
