"""Task standing in the government split, and the totals sentence."""

from __future__ import annotations

from datetime import date

from nq43.domain.records import Task, TaskReport
from nq43.domain.tasksplit import Tally, standing
from nq43.domain.vocabulary import Standing, Status

DEADLINE = date(2025, 3, 1)
TASK = Task("2.2", "qldt", "t", "x", recurring=False, deadline=DEADLINE)
OPEN_ENDED = Task("2.1", "qldt", "t", "x", recurring=True)


def report(status: Status, completed: date | None = None) -> TaskReport:
    return TaskReport("2.2", status, completed=completed)


def test_completed_on_or_before_the_deadline_is_on_time_after_it_late() -> None:
    assert standing(TASK, report(Status.COMPLETED, DEADLINE), date(2025, 3, 31)) is Standing.COMPLETED_ON_TIME
    assert standing(TASK, report(Status.COMPLETED, date(2025, 3, 2)), date(2025, 3, 31)) is Standing.COMPLETED_LATE


def test_completed_without_a_date_counts_from_the_submission() -> None:
    assert (
        standing(TASK, report(Status.COMPLETED), date(2025, 3, 31), submitted=date(2025, 3, 5))
        is Standing.COMPLETED_LATE
    )
    assert (
        standing(TASK, report(Status.COMPLETED), date(2025, 3, 31), submitted=date(2025, 2, 5))
        is Standing.COMPLETED_ON_TIME
    )


def test_unfinished_work_is_overdue_only_after_its_deadline() -> None:
    assert standing(TASK, report(Status.IN_PROGRESS), DEADLINE) is Standing.IN_PROGRESS
    assert standing(TASK, report(Status.IN_PROGRESS), date(2025, 3, 2)) is Standing.OVERDUE
    assert standing(TASK, report(Status.NOT_STARTED), date(2025, 3, 2)) is Standing.OVERDUE
    assert standing(TASK, report(Status.NOT_STARTED), DEADLINE) is Standing.NOT_STARTED


def test_no_deadline_never_overdue_recurring_and_missing_reports() -> None:
    assert standing(OPEN_ENDED, report(Status.IN_PROGRESS), date(2030, 1, 1)) is Standing.IN_PROGRESS
    assert standing(OPEN_ENDED, report(Status.RECURRING), date(2030, 1, 1)) is Standing.RECURRING
    assert standing(OPEN_ENDED, None, date(2030, 1, 1)) is Standing.NOT_REPORTED


def test_the_totals_read_as_a_report_gives_them() -> None:
    tally = Tally.of(
        [
            Standing.COMPLETED_ON_TIME,
            Standing.COMPLETED_LATE,
            Standing.OVERDUE,
            Standing.RECURRING,
            Standing.NOT_REPORTED,
        ],
        date(2025, 3, 10),
    )
    assert tally.total == 5 and tally.completed == 2 and tally.not_completed == 1
    assert tally.sentence() == (
        "Tổng số 5 nhiệm vụ: đã hoàn thành 2 (đúng hạn 1, quá hạn 1); đang thực hiện 1 (trong hạn 0, quá hạn 1); "
        "chưa thực hiện 0; thường xuyên 1; chưa có báo cáo 1 (số liệu tính đến ngày 10/3/2025)."
    )
    assert tally.sentence("en") == (
        "5 tasks in all: completed 2 (on time 1, late 1); in progress 1 (within deadline 0, past deadline 1); "
        "not started 0; recurring 1; not reported 1 (as of 2025-03-10)."
    )
