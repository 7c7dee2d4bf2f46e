"""The plain, frozen data that every part of nq43 reads: the directive, its units and tasks, the notes."""

from collections.abc import Mapping
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import Any, NamedTuple

from nq43.domain.periods import Quarter as Quarter  # a note's quarter; read from here as well
from nq43.domain.vocabulary import Status

# The default of every empty mapping field: read-only, so one can be shared.
EMPTY_MAP: Mapping[Any, Any] = MappingProxyType({})


class Signing(NamedTuple):
    authority: tuple[str, ...]
    name: str


class Letter(NamedTuple):
    """The Board's letter that assigns the tasks (the seed document), as written."""

    number: str
    place: str
    date_text: str
    month: int
    year: int
    parent_agency: str
    issuing_agency: str
    issuing_agency_lines: tuple[str, ...]
    abbreviation: str
    subject: str
    addressee: str
    preamble: tuple[str, ...]
    closing: str
    signing: Signing
    recipients: tuple[str, ...]


class Resolution(NamedTuple):
    number: str
    date: date
    issuer: str
    subject: str


class Slip(NamedTuple):
    """A slip in the official text, kept as written and explained here."""

    where: str
    text: str
    intended: str
    note: str


class ReportingRule(NamedTuple):
    due_before_day: int
    due_months: tuple[int, ...]
    merged_with: str
    consolidated_by: str
    reported_to: str


class ReportConfig(NamedTuple):
    """Who signs and who receives the consolidated report."""

    symbol: str
    place: str
    addressee: str
    signing: Signing
    recipients: tuple[str, ...]
    agency_name: str = ""  # the issuing agency as written in a sentence: "Ban Quản lý Khu kinh tế Hải Phòng"


class Submitter(NamedTuple):
    name: str
    github: str | None = None
    gitlab: str | None = None
    email: str | None = None


class Unit(NamedTuple):
    id: str
    number: int
    name: str
    short_name: str = ""
    kind: str = ""
    submitters: tuple[Submitter, ...] = ()


class Task(NamedTuple):
    id: str
    unit: str
    title: str
    text: str
    recurring: bool
    deadline: date | None = None
    coordinates_with: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()

    @property
    def sort_key(self) -> tuple[int, int]:
        major, minor = self.id.split(".")
        return int(major), int(minor)


class Indicator(NamedTuple):
    id: str
    name: str
    measure: str
    unit: str
    task: str
    minimum: float | None = None
    maximum: float | None = None
    target: float | None = None


class _DirectiveParts(NamedTuple):
    letter: Letter
    resolution: Resolution
    slips: tuple[Slip, ...]
    reporting: ReportingRule
    report: ReportConfig
    units: tuple[Unit, ...]
    tasks: tuple[Task, ...]
    indicators: tuple[Indicator, ...]


class Directive(_DirectiveParts):
    """The letter and what it assigns, with look-ups by id.

    Look-ups are by index, built on first use: a scan of every unit and task for each note would make checking a
    province's notes grow with units x notes. A NamedTuple has no room for the index, so this subclass keeps one
    (it is the one record with an instance `__dict__`).
    """

    @cached_property
    def _index(self) -> "_DirectiveIndex":
        return _DirectiveIndex(self)

    def unit(self, unit_id: str) -> Unit | None:
        return self._index.units.get(unit_id)

    def task(self, task_id: str) -> Task | None:
        return self._index.tasks.get(task_id)

    def tasks_of(self, unit_id: str) -> tuple[Task, ...]:
        return self._index.tasks_of.get(unit_id, ())

    def indicator(self, indicator_id: str) -> Indicator | None:
        return self._index.indicators.get(indicator_id)

    def indicators_of(self, task_id: str) -> tuple[Indicator, ...]:
        return self._index.indicators_of.get(task_id, ())


class _DirectiveIndex:
    """A directive's units, tasks and indicators by id (the first of each id, as a scan would find)."""

    def __init__(self, directive: Directive) -> None:
        self.units: dict[str, Unit] = {}
        for unit in directive.units:
            self.units.setdefault(unit.id, unit)
        self.tasks: dict[str, Task] = {}
        tasks_of: dict[str, list[Task]] = {}
        for task in directive.tasks:
            self.tasks.setdefault(task.id, task)
            tasks_of.setdefault(task.unit, []).append(task)
        self.tasks_of = {unit_id: tuple(tasks) for unit_id, tasks in tasks_of.items()}
        self.indicators: dict[str, Indicator] = {}
        indicators_of: dict[str, list[Indicator]] = {}
        for indicator in directive.indicators:
            self.indicators.setdefault(indicator.id, indicator)
            indicators_of.setdefault(indicator.task, []).append(indicator)
        self.indicators_of = {task_id: tuple(items) for task_id, items in indicators_of.items()}


class TaskReport(NamedTuple):
    """What a note's front matter says of one task."""

    task: str
    status: Status
    progress: float | None = None
    completed: date | None = None
    indicators: Mapping[str, float] = EMPTY_MAP


class Section(NamedTuple):
    """A task's section of a note's body; the texts are Markdown source, rendered later."""

    task: str
    title: str
    line: int
    results: str
    difficulties: str = ""
    proposals: str = ""


class Amendment(NamedTuple):
    date: date
    reason: str


class Note(NamedTuple):
    """A unit's quarterly note, as far as it could be read (fields it lacks are None or empty)."""

    path: str
    unit: str
    quarter: Quarter | None
    prepared_by: str
    approved_by: str
    submitted: date | None
    sample: bool
    tasks: Mapping[str, TaskReport]
    sections: tuple[Section, ...]
    next_quarter: str = ""
    amends: tuple[Amendment, ...] = ()

    def section(self, task_id: str) -> Section | None:
        return next((s for s in self.sections if s.task == task_id), None)
