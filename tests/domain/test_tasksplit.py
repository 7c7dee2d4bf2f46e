"""Task standing in the government split, and the totals sentence."""

from __future__ import annotations

from datetime import date

from nq43.domain.records import Task, TaskReport
from nq43.domain.tasksplit import WITH_DEADLINE, WITHOUT_DEADLINE, Tally, standing
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


def test_no_deadline_is_counted_by_status_alone_never_overdue() -> None:
    no_deadline = Task("2.4", "qldt", "t", "x", recurring=False)
    later = date(2030, 1, 1)
    assert standing(no_deadline, report(Status.COMPLETED), later, submitted=later) is Standing.COMPLETED_NO_DEADLINE
    assert standing(no_deadline, report(Status.IN_PROGRESS), later) is Standing.IN_PROGRESS_NO_DEADLINE
    assert standing(no_deadline, report(Status.NOT_STARTED), later) is Standing.NOT_STARTED_NO_DEADLINE
    assert Standing.COMPLETED_NO_DEADLINE.label.vi == "Đã hoàn thành, không quy định thời hạn"


def test_recurring_and_missing_reports() -> None:
    assert standing(OPEN_ENDED, report(Status.RECURRING), date(2030, 1, 1)) is Standing.RECURRING
    assert standing(TASK, report(Status.RECURRING), date(2030, 1, 1)) is Standing.RECURRING
    assert standing(OPEN_ENDED, None, date(2030, 1, 1)) is Standing.NOT_REPORTED


MIXED = [
    Standing.COMPLETED_ON_TIME,
    Standing.COMPLETED_LATE,
    Standing.IN_PROGRESS,
    Standing.NOT_STARTED,
    Standing.OVERDUE,
    Standing.COMPLETED_NO_DEADLINE,
    Standing.IN_PROGRESS_NO_DEADLINE,
    Standing.IN_PROGRESS_NO_DEADLINE,
    Standing.RECURRING,
    Standing.NOT_REPORTED,
]


def test_the_totals_split_only_tasks_with_a_deadline_and_add_up() -> None:
    tally = Tally.of(MIXED, date(2025, 3, 10))
    assert tally.total == 10
    assert tally.with_deadline == 5 and tally.completed == 2 and tally.not_completed == 3
    assert tally.within_deadline == 2 and tally.counts[Standing.OVERDUE] == 1
    assert tally.without_deadline == 3
    assert tally.total == tally.with_deadline + tally.without_deadline + tally.counts[Standing.RECURRING] + 1
    assert tally.sentence() == (
        "Tổng số 10 nhiệm vụ: 5 nhiệm vụ có thời hạn, trong đó đã hoàn thành 2 (đúng hạn 1, quá hạn 1), "
        "chưa hoàn thành 3 (trong hạn 2, quá hạn 1); 3 nhiệm vụ không quy định thời hạn, trong đó đã hoàn thành 1, "
        "đang thực hiện 2, chưa thực hiện 0; 1 nhiệm vụ thường xuyên; 1 nhiệm vụ chưa có báo cáo "
        "(số liệu tính đến ngày 10/3/2025)."
    )
    assert tally.sentence("en") == (
        "10 tasks in all: 5 with a deadline, of which completed 2 (on time 1, late 1), not completed 3 "
        "(within deadline 2, past deadline 1); 3 without a deadline, of which completed 1, in progress 2, "
        "not started 0; 1 recurring; 1 not reported (as of 2025-03-10)."
    )


def test_without_any_deadline_the_totals_never_say_on_time_or_late() -> None:
    standings = [Standing.COMPLETED_NO_DEADLINE, Standing.NOT_STARTED_NO_DEADLINE, Standing.RECURRING]
    sentence = Tally.of(standings, date(2025, 3, 31)).sentence()
    assert sentence == (
        "Tổng số 3 nhiệm vụ: 2 nhiệm vụ không quy định thời hạn, trong đó đã hoàn thành 1, đang thực hiện 0, "
        "chưa thực hiện 1; 1 nhiệm vụ thường xuyên (số liệu tính đến ngày 31/3/2025)."
    )
    assert "đúng hạn" not in sentence and "trong hạn" not in sentence and "quá hạn" not in sentence
    assert Tally.of([], date(2025, 3, 31)).sentence() == "Tổng số 0 nhiệm vụ (số liệu tính đến ngày 31/3/2025)."


def test_every_standing_is_counted_in_exactly_one_part_of_the_totals() -> None:
    parts = [*WITH_DEADLINE, *WITHOUT_DEADLINE, Standing.RECURRING, Standing.NOT_REPORTED]
    assert sorted(parts) == sorted(Standing)  # a new standing must join a part, or the totals would not add up
