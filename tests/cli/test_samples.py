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
# The whole sample record (2024Q4 to 2025Q4) is looked at from the end of 2025: a note's `submitted` day must
# not be after "today" (NQ407).
TODAY = date(2025, 12, 31)
Q1, Q4 = Quarter(2025, 1), Quarter(2024, 4)
YEAR_2025 = [Quarter(2025, n) for n in range(1, 5)]


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

    assert sorted(q4) == ["dngsdt", "qhxd", "qldt", "tnmt", "ttdvvl", "vp", "vpdd"]  # qlld missing on purpose
    for unit, note in q4.items():
        assert note.submitted is not None and date(2024, 12, 1) <= note.submitted < date(2024, 12, 10)
        indicators = {i.id for t in repo.directive.tasks_of(unit) for i in repo.directive.indicators_of(t.id)}
        previous = {k for r in note.tasks.values() for k in r.indicators}
        current = {k for r in q1[unit].tasks.values() for k in r.indicators}
        assert previous == current == indicators


def test_2025_has_a_note_per_unit_and_quarter_but_one_missing_and_one_late(repo: Repository) -> None:
    # the record the six-month and annual reports show: dngsdt misses 2025Q3; qhxd submits 2025Q4 after its
    # due day (9/12/2025); everything else of 2025Q2 to 2025Q4 is on time
    assert repo.directive is not None
    units = sorted(u.id for u in repo.directive.units)
    dues = {Quarter(2025, 2): date(2025, 6, 9), Quarter(2025, 3): date(2025, 9, 9), Quarter(2025, 4): date(2025, 12, 9)}
    missing, late = [], []
    for quarter in YEAR_2025:
        notes = _notes(repo, quarter)
        missing += [(str(quarter), unit) for unit in units if unit not in notes]
        due = dues.get(quarter)
        late += [(str(quarter), u) for u, n in notes.items() if due and n.submitted is not None and n.submitted > due]
        assert all(note.sample for note in notes.values())
    assert missing == [("2025Q3", "dngsdt")]
    assert late == [("2025Q4", "qhxd")]


def test_2025_has_a_task_done_one_stalled_and_one_not_started(repo: Repository) -> None:
    def progress(unit: str, task: str) -> list[tuple[str, float | None]]:
        reports = [_notes(repo, quarter)[unit].tasks[task] for quarter in YEAR_2025]
        return [(report.status.value, report.progress) for report in reports]

    assert progress("qldt", "2.2")[1:] == [("dang-thuc-hien", 70)] * 3  # stalled from 2025Q2 on
    assert {status for status, _ in progress("qldt", "2.4")} == {"chua-thuc-hien"}
    assert progress("vp", "1.2")[2:] == [("hoan-thanh", 100)] * 2  # done in 2025Q3
    in_progress = [("dang-thuc-hien", 50), ("dang-thuc-hien", 65), ("dang-thuc-hien", 85)]
    assert progress("tnmt", "6.1") == [*in_progress, ("hoan-thanh", 100)]  # done in 2025Q4
