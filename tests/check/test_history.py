"""A task's history and a unit's reporting record across quarters (check/history.py), on notes written here."""

from __future__ import annotations

from datetime import date

from conftest import RepoBuilder
from nq43.check.history import TaskHistory, UnitStatus, count_state, history_quarters, task_history, unit_record
from nq43.check.repository import gather
from nq43.domain.records import Quarter
from nq43.domain.vocabulary import Standing, State
from nq43.load.dates import NO_GIT

QUARTERS = [Quarter(2024, 4), Quarter(2025, 1), Quarter(2025, 2), Quarter(2025, 3)]
TODAY = date(2025, 7, 20)


def _history(
    repo: RepoBuilder,
    task_id: str,
    *,
    deadline: date | None = None,
    today: date = TODAY,
    quarters: list[Quarter] = QUARTERS,
) -> tuple[tuple[UnitStatus, ...], TaskHistory]:
    inputs = gather(repo.root, today, None, dates=NO_GIT)
    directive, calendar = inputs.directive, inputs.calendar
    assert directive is not None and calendar is not None
    task = directive.task(task_id)
    assert task is not None
    if deadline is not None:
        task = task._replace(deadline=deadline)
    unit = directive.unit(task.unit)
    assert unit is not None
    record = unit_record(directive, calendar, unit, quarters, inputs.notes, inputs.submissions, today)
    return record, task_history(task, unit, record, inputs.notes, today)


def test_each_quarter_has_the_report_the_standing_and_the_units_submission(repo: RepoBuilder) -> None:
    repo.note("qldt", "2024Q4", "2024-12-05", {"2.2": ("dang-thuc-hien", 30)})
    repo.note("qldt", "2025Q1", "2025-03-12", {"2.2": ("dang-thuc-hien", 45)})  # due 10/3: late
    record, history = _history(repo, "2.2")
    assert [s.state for s in record] == [State.ON_TIME, State.LATE, State.OVERDUE, State.NOT_DUE]
    assert count_state(record, State.OVERDUE) == 1
    assert [e.quarter for e in history.entries] == QUARTERS
    assert [r.progress if r else None for r in history.reports] == [30, 45, None, None]
    assert history.standings == (
        Standing.IN_PROGRESS_NO_DEADLINE,
        Standing.IN_PROGRESS_NO_DEADLINE,
        Standing.NOT_REPORTED,
        Standing.NOT_REPORTED,
    )
    assert [e.note.state for e in history.entries] == [s.state for s in record]
    assert history.latest is not None and history.latest.quarter == Quarter(2025, 1)
    assert not history.stalled  # progress moved; a missing quarter does not count as standing still


def test_the_same_progress_two_quarters_running_is_stalled(repo: RepoBuilder) -> None:
    repo.note("qldt", "2025Q1", "2025-03-05", {"2.2": ("dang-thuc-hien", 60)})
    repo.note("qldt", "2025Q2", "2025-06-05", {"2.2": ("dang-thuc-hien", 60)})
    _, history = _history(repo, "2.2")
    assert history.still == 2 and history.stalled and not history.idle


def test_a_finished_task_is_never_stalled(repo: RepoBuilder) -> None:
    repo.note("qldt", "2025Q1", "2025-03-05", {"2.2": ("hoan-thanh", 100)})
    repo.note("qldt", "2025Q2", "2025-06-05", {"2.2": ("hoan-thanh", 100)})
    _, history = _history(repo, "2.2")
    assert history.still == 0 and not history.stalled


def test_not_started_past_the_deadline_is_stalled_at_once(repo: RepoBuilder) -> None:
    repo.note("qldt", "2025Q2", "2025-06-05", {"2.4": ("chua-thuc-hien", 0)})
    _, before = _history(repo, "2.4", deadline=date(2025, 9, 30))
    assert not before.stalled
    _, after = _history(repo, "2.4", deadline=date(2025, 5, 31))
    assert after.idle and after.stalled and after.still == 1
    assert after.standing_at(date(2025, 6, 30)) is Standing.OVERDUE


def test_standing_at_the_end_of_a_period_uses_the_latest_report(repo: RepoBuilder) -> None:
    repo.note("qldt", "2025Q1", "2025-03-05", {"2.2": ("hoan-thanh", 100)})
    _, history = _history(repo, "2.2")
    assert history.standing_at(date(2025, 6, 30)) is Standing.COMPLETED_NO_DEADLINE  # the letter sets no deadline
    _, nothing = _history(repo, "2.3", quarters=[Quarter(2025, 2)])
    assert nothing.standing_at(date(2025, 6, 30)) is Standing.NOT_REPORTED


def test_history_quarters_run_from_the_first_note() -> None:
    assert history_quarters(date(2025, 7, 1), [Quarter(2025, 1)]) == [
        Quarter(2025, 1),
        Quarter(2025, 2),
        Quarter(2025, 3),
    ]
