"""The domain's words, each defined once with everything about it.

A term is an enum whose members carry a frozen record of facts: the code written in files and JSON is the
member's value, the record holds its labels and how the rest of nq43 treats it. Everything else derives from
these tables: the note schema's status enum, the note skeleton, the status legend and tables, the report's
split, the docs (tests hold the docs and the shipped schema file to them). To add a value, add one member here;
docs/bao-tri.md lists what else a maintainer then does.

Code that branches over a term uses `match` with `typing.assert_never`, so that mypy flags a forgotten value.
A member prints as its code (`StrEnum`), never as its Python name.
"""

from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Protocol, Self, assert_never

from nq43.support.text import Text
from nq43.support.vietnamese import slug


class Facts(Protocol):
    """What every term's record has: its label."""

    @property
    def label(self) -> Text: ...


class Term(StrEnum):
    """A labelled enum: `Member = "code", Facts(...)`; the value is the code, `facts` the record."""

    facts: Facts

    def __new__(cls, code: str, facts: Facts) -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.facts = facts
        return member

    @classmethod
    def from_code(cls, code: object) -> Self | None:
        """The member written `code` exactly, or None."""
        return next((member for member in cls if member.value == code), None)

    @classmethod
    def of(cls, code: str) -> Self:
        """The member written `code`; a ValueError for any other text (a bug: codes come from nq43 itself)."""
        member = cls.from_code(code)
        if member is None:
            raise ValueError(f"{code!r} is not a {cls.__name__} code")
        return member

    @property
    def label(self) -> Text:
        return self.facts.label


# --- a task's status, as a unit reports it in its note ---


class Split(Enum):
    """How the report's split (the government's classification) counts a reported status."""

    DONE = "done"  # completed: on time or late, by the completion date against the deadline
    UNDERWAY = "underway"  # not completed: within its deadline, or overdue once the deadline has passed
    NOT_STARTED = "not-started"  # not started: overdue too once the deadline has passed
    RECURRING = "recurring"  # no end point: counted apart, never overdue

    @property
    def unfinished(self) -> bool:
        """A task that should move from one quarter to the next (a repeated report of it stands still)."""
        match self:
            case Split.UNDERWAY | Split.NOT_STARTED:
                return True
            case Split.DONE | Split.RECURRING:
                return False
            case _:
                assert_never(self)


@dataclass(frozen=True, slots=True)
class StatusFacts:
    label: Text  # as the report and the tables write it
    short: Text  # a column heading of the status table: "HT"
    split: Split
    aliases: tuple[str, ...] = ()  # other spellings a clerk may write: refused, with the code as the fix


class Status(Term):
    """A task's status in a unit's quarterly note; the code is what the note's front matter holds."""

    facts: StatusFacts

    COMPLETED = (
        "hoan-thanh",
        StatusFacts(Text("Đã hoàn thành", "Completed"), Text("HT", "Done"), Split.DONE, ("Hoàn thành",)),
    )
    IN_PROGRESS = (
        "dang-thuc-hien",
        StatusFacts(
            Text("Đang thực hiện", "In progress"), Text("ĐTH", "Doing"), Split.UNDERWAY, ("Đang triển khai", "Đang làm")
        ),
    )
    NOT_STARTED = (
        "chua-thuc-hien",
        StatusFacts(Text("Chưa thực hiện", "Not started"), Text("CTH", "NS"), Split.NOT_STARTED, ("Chưa triển khai",)),
    )
    RECURRING = (
        "thuong-xuyen",
        StatusFacts(Text("Thường xuyên", "Recurring"), Text("TX", "Rec"), Split.RECURRING, ("Thực hiện thường xuyên",)),
    )

    @property
    def short(self) -> Text:
        return self.facts.short

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every way of writing this status that nq43 recognises (to name the code in the fix)."""
        return (self.value, self.label.vi, self.label.en, *self.facts.aliases)

    @classmethod
    def recognise(cls, text: object) -> "Status | None":
        """The status a spelling means ("Đã hoàn thành", "da hoan thanh", "Đang triển khai"), or None.

        Only the code is valid in a note; this names the code in the fix of a note that wrote another spelling.
        """
        if not isinstance(text, str):
            return None
        wanted = slug(text)
        return next((s for s in cls if wanted in {slug(spelling) for spelling in s.spellings}), None)


# --- a task's standing in the report's split, as of the data cut-off date ---


@dataclass(frozen=True, slots=True)
class StandingFacts:
    label: Text
    style: str = ""  # its row's colour in the status task table (a rich style; "" for none)


class Standing(Term):
    """Where a task stands in the government's split: what the report counts.

    Only a task with a deadline is split into on time / late, within / past its deadline; a task without one
    stands by its status alone ("không quy định thời hạn"); a recurring task has no end point and is counted apart.
    """

    facts: StandingFacts

    # a task with a deadline
    COMPLETED_ON_TIME = (
        "completed-on-time",
        StandingFacts(Text("Đã hoàn thành đúng hạn", "Completed on time"), "green"),
    )
    COMPLETED_LATE = "completed-late", StandingFacts(Text("Đã hoàn thành quá hạn", "Completed late"), "yellow")
    IN_PROGRESS = "in-progress", StandingFacts(Text("Đang thực hiện trong hạn", "In progress, within deadline"))
    NOT_STARTED = "not-started", StandingFacts(Text("Chưa thực hiện, trong hạn", "Not started, within deadline"))
    OVERDUE = "overdue", StandingFacts(Text("Chưa hoàn thành, quá hạn", "Not completed, past deadline"), "bold red")
    # a task without a deadline
    COMPLETED_NO_DEADLINE = (
        "completed-no-deadline",
        StandingFacts(Text("Đã hoàn thành, không quy định thời hạn", "Completed, no deadline"), "green"),
    )
    IN_PROGRESS_NO_DEADLINE = (
        "in-progress-no-deadline",
        StandingFacts(Text("Đang thực hiện, không quy định thời hạn", "In progress, no deadline")),
    )
    NOT_STARTED_NO_DEADLINE = (
        "not-started-no-deadline",
        StandingFacts(Text("Chưa thực hiện, không quy định thời hạn", "Not started, no deadline")),
    )
    # any task
    RECURRING = "recurring", StandingFacts(Text("Thường xuyên", "Recurring"))
    NOT_REPORTED = "not-reported", StandingFacts(Text("Chưa báo cáo", "Not reported"), "dim")

    @property
    def style(self) -> str:
        return self.facts.style


# --- where one unit's note for one quarter stands (nq43 status) ---


@dataclass(frozen=True, slots=True)
class StateFacts:
    label: Text
    symbol: str  # before the label on a terminal
    style: str  # its row's colour in the status tables (a rich style)
    submitted: bool  # the unit has sent a note
    counted: bool  # the note's tasks are counted (it validates)
    failing: bool  # what `nq43 status --check` fails on


class State(Term):
    """Where one unit's note for one quarter stands."""

    facts: StateFacts

    # on time: submitted on or before the due date; late: after it; overdue: missing, the due date has passed;
    # not due: missing, the due date has not passed yet; invalid: submitted, but it does not validate.
    ON_TIME = "on-time", StateFacts(Text("Đúng hạn", "On time"), "✓", "green", True, True, False)
    LATE = "late", StateFacts(Text("Nộp muộn", "Late"), "✓", "yellow", True, True, False)
    OVERDUE = "overdue", StateFacts(Text("Chưa nộp, quá hạn", "Missing, overdue"), "✗", "bold red", False, False, True)
    NOT_DUE = "not-due", StateFacts(Text("Chưa đến hạn", "Not yet due"), "…", "dim", False, False, False)
    INVALID = "invalid", StateFacts(Text("Ghi chú có lỗi", "Invalid note"), "⚠", "bold magenta", True, False, True)

    @property
    def symbol(self) -> str:
        return self.facts.symbol

    @property
    def style(self) -> str:
        return self.facts.style

    @property
    def submitted(self) -> bool:
        return self.facts.submitted

    @property
    def counted(self) -> bool:
        return self.facts.counted

    @property
    def failing(self) -> bool:
        return self.facts.failing
