"""How a task stands in the government's split: completed on time or late, in progress within or past its
deadline, not started, recurring, or not reported; and the counts as a Vietnamese report states them."""

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple, assert_never

from nq43.domain.records import Task, TaskReport
from nq43.domain.vocabulary import Split, Standing
from nq43.support.text import Lang, Text
from nq43.support.vietnamese import date_short


def standing(task: Task, report: TaskReport | None, cutoff: date, submitted: date | None = None) -> Standing:
    """Classify one task as of `cutoff` (the data cut-off date) from what its unit reported.

    A completed task without a completion date is taken as completed on the day its note was submitted.
    """
    if report is None:
        return Standing.NOT_REPORTED
    past_deadline = task.deadline is not None and cutoff > task.deadline
    split = report.status.facts.split
    match split:
        case Split.RECURRING:
            return Standing.RECURRING
        case Split.DONE:
            done = report.completed or submitted
            late = task.deadline is not None and done is not None and done > task.deadline
            return Standing.COMPLETED_LATE if late else Standing.COMPLETED_ON_TIME
        case Split.UNDERWAY:
            return Standing.OVERDUE if past_deadline else Standing.IN_PROGRESS
        case Split.NOT_STARTED:
            return Standing.OVERDUE if past_deadline else Standing.NOT_STARTED
        case _:
            assert_never(split)


class Tally(NamedTuple):
    """Counts of tasks by standing, with the cut-off date they are valid for."""

    counts: dict[Standing, int]
    cutoff: date

    @classmethod
    def of(cls, standings: Iterable[Standing], cutoff: date) -> "Tally":
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

    def sentence(self, lang: Lang = "vi") -> str:
        """The totals as a Vietnamese report gives them (or in English)."""
        c = self.counts
        values = {
            "total": self.total,
            "completed": self.completed,
            "on_time": c[Standing.COMPLETED_ON_TIME],
            "late": c[Standing.COMPLETED_LATE],
            "not_completed": self.not_completed,
            "within": c[Standing.IN_PROGRESS],
            "overdue": c[Standing.OVERDUE],
            "not_started": c[Standing.NOT_STARTED],
            "recurring": c[Standing.RECURRING],
            "not_reported": c[Standing.NOT_REPORTED],
            "cutoff": date_short(self.cutoff) if lang == "vi" else self.cutoff.isoformat(),
        }
        parts = [*_PARTS, _NOT_REPORTED] if c[Standing.NOT_REPORTED] else list(_PARTS)
        return _WHOLE.get(lang, parts="; ".join(p.format(lang, values) for p in parts), **values)


# The totals sentence: the whole, its parts in order, and the part said only when some task was not reported.
_WHOLE = Text(
    "Tổng số {total} nhiệm vụ: {parts} (số liệu tính đến ngày {cutoff}).",
    "{total} tasks in all: {parts} (as of {cutoff}).",
)
_PARTS = (
    Text(
        "đã hoàn thành {completed} (đúng hạn {on_time}, quá hạn {late})",
        "completed {completed} (on time {on_time}, late {late})",
    ),
    Text(
        "đang thực hiện {not_completed} (trong hạn {within}, quá hạn {overdue})",
        "in progress {not_completed} (within deadline {within}, past deadline {overdue})",
    ),
    Text("chưa thực hiện {not_started}", "not started {not_started}"),
    Text("thường xuyên {recurring}", "recurring {recurring}"),
)
_NOT_REPORTED = Text("chưa có báo cáo {not_reported}", "not reported {not_reported}")
