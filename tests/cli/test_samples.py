"""The sample data shipped in the repository: it validates cleanly and gives every command something to show."""

from __future__ import annotations

from datetime import date

import pytest

from notekit import SHIPPED
from nq43.check.repository import Repository, load_repository
from nq43.cli.app import main
from nq43.domain.records import Note, Quarter
from nq43.domain.vocabulary import Status

ROOT = SHIPPED
TODAY = date(2025, 3, 31)
Q1, Q4 = Quarter(2025, 1), Quarter(2024, 4)


@pytest.fixture(scope="module")
def repo() -> Repository:
    return load_repository(ROOT, TODAY)


def _notes(repo: Repository, quarter: Quarter) -> dict[str, Note]:
    return {n.note.unit: n.note for n in repo.notes_for(quarter) if n.note is not None}


def test_shipped_data_has_no_findings_at_all(repo: Repository) -> None:
    assert repo.directive is not None
    assert [(f.path, f.line, f.code) for f in repo.findings] == []
    assert all(n.valid for n in repo.notes)


def test_validate_command_is_clean_on_the_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--root", str(ROOT), "--today", TODAY.isoformat(), "--strict"])

    out, err = capsys.readouterr()
    assert (code, out) == (0, "")
    assert err.endswith(": 0 lỗi, 0 cảnh báo.\n")


def test_every_unit_has_a_2025q1_note_marked_as_sample(repo: Repository) -> None:
    assert repo.directive is not None
    notes = _notes(repo, Q1)

    assert sorted(notes) == sorted(u.id for u in repo.directive.units)
    for unit, note in notes.items():
        assert note.path == f"data/units/{unit}/2025Q1.md"
        assert note.sample is True


def test_every_sample_note_says_so_in_its_first_line() -> None:
    files = sorted((ROOT / "data" / "units").glob("*/20*Q*.md"))

    assert files
    for file in files:
        first, second = file.read_text(encoding="utf-8").split("\n")[:2]
        assert first == "---"
        assert second.startswith("# DỮ LIỆU MẪU"), file


def test_2025q1_uses_every_status_and_reports_each_task_with_a_section(repo: Repository) -> None:
    assert repo.directive is not None
    notes = _notes(repo, Q1)

    statuses = {report.status for note in notes.values() for report in note.tasks.values()}
    assert statuses == set(Status)
    for unit, note in notes.items():
        own = {t.id for t in repo.directive.tasks_of(unit)}
        assert set(note.tasks) == own
        assert {s.task for s in note.sections} == own
        assert note.next_quarter


def test_completed_tasks_carry_their_completion_date(repo: Repository) -> None:
    for note in _notes(repo, Q1).values():
        for report in note.tasks.values():
            if report.status is Status.COMPLETED:
                assert report.completed is not None
                assert report.progress in (None, 100)


def test_two_units_submitted_2025q1_late_and_six_on_time(repo: Repository) -> None:
    # due "before the 10th" of the quarter's last month: the dashboard needs both kinds to show
    due = date(2025, 3, 10)
    submitted = {unit: note.submitted for unit, note in _notes(repo, Q1).items()}

    late = sorted(unit for unit, day in submitted.items() if day is None or day >= due)
    assert len(late) == 2
    assert all(day is not None and date(2025, 3, 3) <= day < due for unit, day in submitted.items() if unit not in late)


def test_previous_quarter_gives_indicator_values_to_compare(repo: Repository) -> None:
    assert repo.directive is not None
    q1, q4 = _notes(repo, Q1), _notes(repo, Q4)

    assert len(q4) == 5
    for unit, note in q4.items():
        assert note.submitted is not None and date(2024, 12, 1) <= note.submitted < date(2024, 12, 10)
        indicators = {i.id for t in repo.directive.tasks_of(unit) for i in repo.directive.indicators_of(t.id)}
        previous = {k for r in note.tasks.values() for k in r.indicators}
        current = {k for r in q1[unit].tasks.values() for k in r.indicators}
        assert previous == current == indicators
