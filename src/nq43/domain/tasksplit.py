"""How a task stands in the government's split, and the counts as a Vietnamese report states them.

A task with a deadline is completed on time or late, or not completed within or past its deadline (the split
the Prime Minister's Office's task reports use). A task without a deadline is counted by its status alone and
said to have none ("không quy định thời hạn"). A recurring task has no end point and is counted apart; so is a
task its unit has not reported.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple, assert_never

from nq43.domain.records import Task, TaskReport
from nq43.domain.vocabulary import Split, Standing
from nq43.support.text import Lang, Text
from nq43.support.vietnamese import date_short

# The standings of a task with a deadline, and of one without.
WITH_DEADLINE = (
    Standing.COMPLETED_ON_TIME,
    Standing.COMPLETED_LATE,
    Standing.IN_PROGRESS,
    Standing.NOT_STARTED,
    Standing.OVERDUE,
)
WITHOUT_DEADLINE = (
    Standing.COMPLETED_NO_DEADLINE,
    Standing.IN_PROGRESS_NO_DEADLINE,
    Standing.NOT_STARTED_NO_DEADLINE,
)


def standing(task: Task, report: TaskReport | None, cutoff: date, submitted: date | None = None) -> Standing:
    """Classify one task as of `cutoff` (the data cut-off date) from what its unit reported.

    A completed task without a completion date is taken as completed on the day its note was submitted.
    """
    if report is None:
        return Standing.NOT_REPORTED
    deadline = task.deadline
    split = report.status.facts.split
    match split:
        case Split.RECURRING:
            return Standing.RECURRING
        case Split.DONE:
            if deadline is None:
                return Standing.COMPLETED_NO_DEADLINE
            done = report.completed or submitted
            late = done is not None and done > deadline
            return Standing.COMPLETED_LATE if late else Standing.COMPLETED_ON_TIME
        case Split.UNDERWAY:
            if deadline is None:
                return Standing.IN_PROGRESS_NO_DEADLINE
            return Standing.OVERDUE if cutoff > deadline else Standing.IN_PROGRESS
        case Split.NOT_STARTED:
            if deadline is None:
                return Standing.NOT_STARTED_NO_DEADLINE
            return Standing.OVERDUE if cutoff > deadline else Standing.NOT_STARTED
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
    def with_deadline(self) -> int:
        return sum(self.counts[s] for s in WITH_DEADLINE)

    @property
    def without_deadline(self) -> int:
        return sum(self.counts[s] for s in WITHOUT_DEADLINE)

    @property
    def completed(self) -> int:
        """Tasks with a deadline completed, on time or late."""
        return self.counts[Standing.COMPLETED_ON_TIME] + self.counts[Standing.COMPLETED_LATE]

    @property
    def within_deadline(self) -> int:
        """Tasks with a deadline not completed, their deadline not passed (in progress or not started)."""
        return self.counts[Standing.IN_PROGRESS] + self.counts[Standing.NOT_STARTED]

    @property
    def not_completed(self) -> int:
        """Tasks with a deadline not completed, within or past their deadline."""
        return self.within_deadline + self.counts[Standing.OVERDUE]

    def sentence(self, lang: Lang = "vi") -> str:
        """The totals as a Vietnamese report gives them (or in English): each group said only when it has tasks."""
        c = self.counts
        values = {
            "total": self.total,
            "with_deadline": self.with_deadline,
            "completed": self.completed,
            "on_time": c[Standing.COMPLETED_ON_TIME],
            "late": c[Standing.COMPLETED_LATE],
            "not_completed": self.not_completed,
            "within": self.within_deadline,
            "overdue": c[Standing.OVERDUE],
            "without_deadline": self.without_deadline,
            "done": c[Standing.COMPLETED_NO_DEADLINE],
            "doing": c[Standing.IN_PROGRESS_NO_DEADLINE],
            "idle": c[Standing.NOT_STARTED_NO_DEADLINE],
            "recurring": c[Standing.RECURRING],
            "not_reported": c[Standing.NOT_REPORTED],
            "cutoff": date_short(self.cutoff) if lang == "vi" else self.cutoff.isoformat(),
        }
        parts = "; ".join(part.format(lang, values) for key, part in _PARTS if values[key])
        return (_WHOLE if parts else _NONE).get(lang, parts=parts, **values)


# The totals sentence: the whole, and its parts in order, each keyed by the count that says whether it is given.
_WHOLE = Text(
    "Tổng số {total} nhiệm vụ: {parts} (số liệu tính đến ngày {cutoff}).",
    "{total} tasks in all: {parts} (as of {cutoff}).",
)
_NONE = Text("Tổng số 0 nhiệm vụ (số liệu tính đến ngày {cutoff}).", "No tasks (as of {cutoff}).")
_PARTS = (
    (
        "with_deadline",
        Text(
            "{with_deadline} nhiệm vụ có thời hạn, trong đó đã hoàn thành {completed} (đúng hạn {on_time}, "
            "quá hạn {late}), chưa hoàn thành {not_completed} (trong hạn {within}, quá hạn {overdue})",
            "{with_deadline} with a deadline, of which completed {completed} (on time {on_time}, late {late}), "
            "not completed {not_completed} (within deadline {within}, past deadline {overdue})",
        ),
    ),
    (
        "without_deadline",
        Text(
            "{without_deadline} nhiệm vụ không quy định thời hạn, trong đó đã hoàn thành {done}, "
            "đang thực hiện {doing}, chưa thực hiện {idle}",
            "{without_deadline} without a deadline, of which completed {done}, in progress {doing}, not started {idle}",
        ),
    ),
    ("recurring", Text("{recurring} nhiệm vụ thường xuyên", "{recurring} recurring")),
    ("not_reported", Text("{not_reported} nhiệm vụ chưa có báo cáo", "{not_reported} not reported")),
)
