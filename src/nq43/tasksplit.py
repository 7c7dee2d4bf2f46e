"""How a task stands in the government's split: completed on time or late, in progress within or past its
deadline, not started, recurring, or not reported; and the counts as a Vietnamese report states them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from nq43.models import Status, Task, TaskReport
from nq43.vietnamese import date_short


class Standing(str, Enum):
    COMPLETED_ON_TIME = "completed-on-time"
    COMPLETED_LATE = "completed-late"
    IN_PROGRESS = "in-progress"  # not completed, deadline not passed (or no deadline)
    OVERDUE = "overdue"  # not completed and its deadline has passed
    NOT_STARTED = "not-started"
    RECURRING = "recurring"
    NOT_REPORTED = "not-reported"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]


_LABELS = {
    Standing.COMPLETED_ON_TIME: ("Đã hoàn thành đúng hạn", "Completed on time"),
    Standing.COMPLETED_LATE: ("Đã hoàn thành quá hạn", "Completed late"),
    Standing.IN_PROGRESS: ("Đang thực hiện trong hạn", "In progress, within deadline"),
    Standing.OVERDUE: ("Chưa hoàn thành, quá hạn", "Not completed, past deadline"),
    Standing.NOT_STARTED: ("Chưa thực hiện", "Not started"),
    Standing.RECURRING: ("Thường xuyên", "Recurring"),
    Standing.NOT_REPORTED: ("Chưa báo cáo", "Not reported"),
}


def standing(task: Task, report: TaskReport | None, cutoff: date, submitted: date | None = None) -> Standing:
    """Classify one task as of `cutoff` (the data cut-off date) from what its unit reported.

    A completed task without a completion date is taken as completed on the day its note was submitted.
    """
    if report is None:
        return Standing.NOT_REPORTED
    if report.status is Status.RECURRING:
        return Standing.RECURRING
    if report.status is Status.COMPLETED:
        done = report.completed or submitted
        late = task.deadline is not None and done is not None and done > task.deadline
        return Standing.COMPLETED_LATE if late else Standing.COMPLETED_ON_TIME
    if task.deadline is not None and cutoff > task.deadline:
        return Standing.OVERDUE
    if report.status is Status.NOT_STARTED:
        return Standing.NOT_STARTED
    return Standing.IN_PROGRESS


@dataclass(frozen=True)
class Tally:
    """Counts of tasks by standing, with the cut-off date they are valid for."""

    counts: dict[Standing, int]
    cutoff: date

    @classmethod
    def of(cls, standings: Iterable[Standing], cutoff: date) -> Tally:
        counter = Counter(standings)
        return cls({s: counter.get(s, 0) for s in Standing}, cutoff)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def completed(self) -> int:
        return self.counts[Standing.COMPLETED_ON_TIME] + self.counts[Standing.COMPLETED_LATE]

    @property
    def not_completed(self) -> int:
        return self.counts[Standing.IN_PROGRESS] + self.counts[Standing.OVERDUE]

    def sentence(self) -> str:
        """The totals as a Vietnamese report gives them."""
        c = self.counts
        parts = [
            f"đã hoàn thành {self.completed} (đúng hạn {c[Standing.COMPLETED_ON_TIME]}, quá hạn {c[Standing.COMPLETED_LATE]})",
            f"đang thực hiện {self.not_completed} (trong hạn {c[Standing.IN_PROGRESS]}, quá hạn {c[Standing.OVERDUE]})",
            f"chưa thực hiện {c[Standing.NOT_STARTED]}",
            f"thường xuyên {c[Standing.RECURRING]}",
        ]
        if c[Standing.NOT_REPORTED]:
            parts.append(f"chưa có báo cáo {c[Standing.NOT_REPORTED]}")
        return f"Tổng số {self.total} nhiệm vụ: {'; '.join(parts)} (số liệu tính đến ngày {date_short(self.cutoff)})."

    def sentence_en(self) -> str:
        c = self.counts
        parts = [
            f"completed {self.completed} (on time {c[Standing.COMPLETED_ON_TIME]}, late {c[Standing.COMPLETED_LATE]})",
            f"in progress {self.not_completed} (within deadline {c[Standing.IN_PROGRESS]}, past deadline {c[Standing.OVERDUE]})",
            f"not started {c[Standing.NOT_STARTED]}",
            f"recurring {c[Standing.RECURRING]}",
        ]
        if c[Standing.NOT_REPORTED]:
            parts.append(f"not reported {c[Standing.NOT_REPORTED]}")
        return f"{self.total} tasks in all: {'; '.join(parts)} (as of {self.cutoff.isoformat()})."
