"""What a period's report says, as plain data: the frame from the directive, the content from the notes.

Pure: it reads nothing and writes nothing. `select_notes` sorts a quarter's notes into usable and invalid;
`build_context` turns the usable ones into a `ReportContext`, the variables a report template sees
(documented in docs/mau-bao-cao.md, its records in `context`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import NamedTuple

from nq43.domain.findings import CheckedNote, Finding, error_count, finding
from nq43.domain.periods import Period
from nq43.domain.records import Directive, Note, Quarter, Task, TaskReport, Unit
from nq43.domain.tasksplit import Tally, standing
from nq43.domain.vocabulary import Standing
from nq43.load.issued import IssueRecord
from nq43.load.layout import UNITS_DIR, note_stem
from nq43.report.context import (
    Erratum,
    IndicatorValue,
    Letterhead,
    LetterInfo,
    PeriodInfo,
    PeriodOverview,
    QuarterInfo,
    ReportContext,
    ResolutionInfo,
    TallyInfo,
    TaskEntry,
    UnitEntry,
)
from nq43.report.document import Markdown
from nq43.report.markdownwrite import normalise
from nq43.support.vietnamese import date_long, date_short, number, percent

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOC_TYPE = "BÁO CÁO"
DRAFT_MARK = "DỰ THẢO"
RECIPIENTS_HEADING = "Nơi nhận:"
BLANK_NUMBER = "     "  # a number left for the Office to write in by hand: "Số:      /BC-BQL"


class ReportOptions(NamedTuple):
    period: Period
    date: date  # the date on the report, also the data cut-off date of the task counts
    number: str = ""  # "" leaves the number blank
    signer: str | None = None  # overrides the data's signer
    draft: bool = False


class Selection(NamedTuple):
    """A quarter's notes: the one usable note of each unit, and the notes that do not validate. For a longer
    period, `used` holds each unit's latest note and `earlier` the period's other valid notes."""

    used: Mapping[str, Note]  # unit id -> note
    invalid: tuple[CheckedNote, ...]
    earlier: tuple[Note, ...] = ()

    def every(self) -> tuple[Note, ...]:
        """Every valid note the report draws on, in path order."""
        return tuple(sorted((*self.used.values(), *self.earlier), key=lambda n: n.path))

    def blocking_findings(self) -> tuple[Finding, ...]:
        return tuple(f for n in self.invalid for f in n.findings)


def note_quarter(checked: CheckedNote) -> str:
    """The quarter a note file is for: its name says so even when its content cannot be read."""
    return note_stem(checked.path)


def select_notes(directive: Directive, checked: Sequence[CheckedNote], quarter: Quarter) -> Selection:
    """The notes of `quarter`: valid ones by unit (the first by path when a unit has two), and the invalid ones."""
    used: dict[str, Note] = {}
    invalid: list[CheckedNote] = []
    known = {u.id for u in directive.units}
    for item in sorted(checked, key=lambda c: c.path):
        note = item.note
        if note_quarter(item) != str(quarter) and (note is None or note.quarter != quarter):
            continue
        if not item.valid or note is None or note.unit not in known or note.unit in used:
            invalid.append(item)
        else:
            used[note.unit] = note
    return Selection(used, tuple(invalid))


def format_number(text: str) -> str:
    """A document number as Decree 30 writes it: below 10 with a leading zero ("5" -> "05")."""
    text = text.strip()
    return text.zfill(2) if text.isdigit() else text


def letterhead(
    directive: Directive, day: date, number: str, symbol: str, signer: str | None, recipients: tuple[str, ...]
) -> Letterhead:
    """The head and foot of a document the Board issues on `day`: `number` as given ("" leaves it blank),
    `signer` in place of the data's signer when given."""
    config = directive.report
    letter = directive.letter
    number_part = format_number(number)
    number_text = f"{number_part or BLANK_NUMBER}/{symbol}"
    return Letterhead(
        date=day,
        date_text=date_long(day),
        place=config.place,
        place_date=f"{config.place}, {date_long(day)}",
        number=number_part,
        symbol=symbol,
        number_text=number_text,
        number_line=f"Số: {number_text}",
        parent_agency=letter.parent_agency,
        issuing_agency=letter.issuing_agency,
        issuing_agency_lines=letter.issuing_agency_lines,
        agency_name=config.agency_name or letter.issuing_agency,
        national_title=NATIONAL_TITLE,
        motto=MOTTO,
        authority=config.signing.authority,
        signer=(signer or "").strip() or config.signing.name,
        recipients_heading=RECIPIENTS_HEADING,
        recipients=recipients,
        draft_mark=DRAFT_MARK,
    )


def build_context(
    directive: Directive,
    selection: Selection,
    options: ReportOptions,
    *,
    previous: Mapping[str, Note] | None = None,
    record: IssueRecord | None = None,
    over_period: PeriodOverview | None = None,
) -> ReportContext:
    """Everything the report says, for `options.period`, from the directive and the selected notes.

    `previous` holds the previous quarter's valid notes by unit (their indicator values are shown beside
    this quarter's); `record` is the quarter's issue record when the report has been issued; `over_period`,
    for a six-month or annual report, the period quarter by quarter (periodmodel.build_overview).
    """
    quarter = options.period.last_quarter
    used = selection.used
    cutoff = options.date
    indicators_of_task, indicator_rows = _indicators(directive, used, previous or {})
    units = _units(directive, selection, cutoff, indicators_of_task)
    config = directive.report
    reasons = _draft_reasons(options, selection.every())
    return ReportContext(
        period=PeriodInfo.of(options.period),
        quarter=QuarterInfo.of(quarter),
        previous_quarter=QuarterInfo.of(quarter.previous()),
        next_quarter=QuarterInfo.of(quarter.next()),
        letterhead=letterhead(
            directive, options.date, options.number, config.symbol, options.signer, config.recipients
        ),
        addressee=config.addressee,
        doc_type=DOC_TYPE,
        resolution=ResolutionInfo.of(directive.resolution),
        letter=LetterInfo.of(directive.letter),
        draft=bool(reasons),
        draft_reasons=reasons,
        units=units,
        reported_units=tuple(u for u in units if u.reported),
        missing_units=tuple(u for u in units if not u.reported),
        tasks=tuple(t for u in units for t in u.tasks),
        tally=_tally(units, cutoff),
        indicators=indicator_rows,
        errata=_errata(directive, used),
        issued=record is not None,
        over_period=over_period,
    )


def _indicators(
    directive: Directive, used: Mapping[str, Note], previous: Mapping[str, Note]
) -> tuple[dict[str, list[IndicatorValue]], tuple[IndicatorValue, ...]]:
    """Each indicator's value this quarter and the previous one, by task; and those with either value."""
    values = _indicator_values(used)
    before = _indicator_values(previous)
    indicators_of_task: dict[str, list[IndicatorValue]] = {}
    indicator_rows: list[IndicatorValue] = []
    for indicator in directive.indicators:
        row = IndicatorValue(
            indicator.id,
            indicator.name,
            indicator.measure,
            values.get(indicator.id),
            figure_text(values.get(indicator.id)),
            before.get(indicator.id),
            figure_text(before.get(indicator.id)),
            indicator.target,
            figure_text(indicator.target),
        )
        indicators_of_task.setdefault(indicator.task, []).append(row)
        if row.value is not None or row.previous is not None:
            indicator_rows.append(row)
    return indicators_of_task, tuple(indicator_rows)


def _indicator_values(notes: Mapping[str, Note]) -> dict[str, float]:
    values: dict[str, float] = {}
    for note in notes.values():
        for report in note.tasks.values():
            values.update(report.indicators)
    return values


def figure_text(value: float | None) -> str:
    """A figure as the report prints it ("72,5"), "" when there is none."""
    return "" if value is None else number(value)


def _units(
    directive: Directive,
    selection: Selection,
    cutoff: date,
    indicators_of_task: Mapping[str, Sequence[IndicatorValue]],
) -> tuple[UnitEntry, ...]:
    """Every unit of the directive in order, with its tasks as its note reports them (or does not)."""
    tasks_of: dict[str, list[Task]] = {}
    for task in directive.tasks:
        tasks_of.setdefault(task.unit, []).append(task)
    invalid = {_unit_of_invalid(item) for item in selection.invalid}
    units: list[UnitEntry] = []
    for unit in directive.units:
        note = selection.used.get(unit.id)
        entries = tuple(
            _task_entry(task, unit, note, cutoff, tuple(indicators_of_task.get(task.id, ())))
            for task in tasks_of.get(unit.id, ())
        )
        units.append(_unit_entry(unit, note, entries, invalid_note=note is None and unit.id in invalid))
    return tuple(units)


def _unit_of_invalid(item: CheckedNote) -> str:
    """The unit an invalid note is from: the unit folder it sits in (data/units/<unit>/), else the unit it names."""
    inside = item.path.removeprefix(f"{UNITS_DIR}/")
    if inside != item.path and inside.count("/") == 1:
        return inside.split("/")[0]
    return item.note.unit if item.note is not None else ""


def _tally(units: Sequence[UnitEntry], cutoff: date) -> TallyInfo:
    """The tasks counted by standing, in the order the report lists them."""
    tally = Tally.of([Standing.of(task.standing) for unit in units for task in unit.tasks], cutoff)
    counts = tally.counts
    return TallyInfo(
        total=tally.total,
        with_deadline=tally.with_deadline,
        completed=tally.completed,
        completed_on_time=counts[Standing.COMPLETED_ON_TIME],
        completed_late=counts[Standing.COMPLETED_LATE],
        not_completed=tally.not_completed,
        within_deadline=tally.within_deadline,
        in_progress=counts[Standing.IN_PROGRESS],
        not_started=counts[Standing.NOT_STARTED],
        overdue=counts[Standing.OVERDUE],
        without_deadline=tally.without_deadline,
        completed_no_deadline=counts[Standing.COMPLETED_NO_DEADLINE],
        in_progress_no_deadline=counts[Standing.IN_PROGRESS_NO_DEADLINE],
        not_started_no_deadline=counts[Standing.NOT_STARTED_NO_DEADLINE],
        recurring=counts[Standing.RECURRING],
        not_reported=counts[Standing.NOT_REPORTED],
        cutoff=cutoff,
        sentence=tally.sentence(),
    )


def _draft_reasons(options: ReportOptions, notes: Sequence[Note]) -> tuple[str, ...]:
    """Why the report is a draft: "option" (--draft), "sample" (sample data); none for a final report."""
    reasons = (("option", options.draft), ("sample", any(n.sample for n in notes)))
    return tuple(reason for reason, present in reasons if present)


def _errata(directive: Directive, used: Mapping[str, Note]) -> tuple[Erratum, ...]:
    """The amendments of the notes used, unit by unit in the directive's order, each unit's by date."""
    return tuple(
        Erratum(unit.name, note.path, amendment.date, date_short(amendment.date), amendment.reason)
        for unit in directive.units
        if (note := used.get(unit.id)) is not None
        for amendment in sorted(note.amends, key=lambda a: a.date)
    )


def status_label(report: TaskReport | None) -> str:
    """A task's status as its report gives it ("Đang thực hiện" ...), "Chưa báo cáo" without a report."""
    return report.status.label.vi if report is not None else Standing.NOT_REPORTED.label.vi


def progress_text(report: TaskReport | None) -> str:
    """A task's progress as reported ("72,5%"), "" when not reported."""
    return percent(report.progress) if report is not None and report.progress is not None else ""


def _task_entry(
    task: Task, unit: Unit, note: Note | None, cutoff: date, indicators: tuple[IndicatorValue, ...]
) -> TaskEntry:
    report = note.tasks.get(task.id) if note is not None else None
    section = note.section(task.id) if note is not None else None
    state = standing(task, report, cutoff, note.submitted if note is not None else None)
    return TaskEntry(
        id=task.id,
        title=task.title,
        text=task.text,
        unit_id=unit.id,
        unit_name=unit.name,
        unit_short_name=unit.short_name or unit.name,
        recurring=task.recurring,
        deadline=task.deadline,
        deadline_text=date_short(task.deadline) if task.deadline else "",
        reported=report is not None,
        status=report.status.value if report is not None else "",
        status_label=status_label(report),
        progress=report.progress if report is not None else None,
        progress_text=progress_text(report),
        standing=state.value,
        standing_label=state.label.vi,
        results=normalise(section.results) if section is not None else Markdown(""),
        difficulties=normalise(section.difficulties) if section is not None else Markdown(""),
        proposals=normalise(section.proposals) if section is not None else Markdown(""),
        indicators=indicators,
    )


def _unit_entry(unit: Unit, note: Note | None, tasks: tuple[TaskEntry, ...], *, invalid_note: bool) -> UnitEntry:
    return UnitEntry(
        id=unit.id,
        number=unit.number,
        name=unit.name,
        short_name=unit.short_name or unit.name,
        reported=note is not None,
        note_path=note.path if note is not None else "",
        submitted=note.submitted if note is not None else None,
        submitted_text=date_short(note.submitted) if note is not None and note.submitted else "",
        prepared_by=note.prepared_by if note is not None else "",
        approved_by=note.approved_by if note is not None else "",
        sample=note.sample if note is not None else False,
        invalid_note=invalid_note,
        tasks=tasks,
        next_quarter=normalise(note.next_quarter) if note is not None else Markdown(""),
        has_difficulties=any(t.difficulties for t in tasks),
        has_proposals=any(t.proposals for t in tasks),
    )


def report_findings(directive: Directive, selection: Selection, context: ReportContext) -> list[Finding]:
    """Warnings that the report was built with something missing or marked (shown on the terminal, never in the
    document: a unit whose note is invalid is named there only as not having sent a valid report)."""
    findings: list[Finding] = []
    for item in selection.invalid:
        errors = error_count(item.findings)
        findings += [finding(item.path, 1, 1, "NQ901", errors=errors, file=item.path), *item.findings]
    overview = context.over_period
    missing = (
        [(u.id, u.name, q.code) for u in overview.units for q in u.missing_quarters]
        if overview is not None
        else [(u.id, u.name, context.quarter.code) for u in context.missing_units if not u.invalid_note]
    )  # a unit whose note is invalid is said by NQ901
    for unit_id, name, quarter in missing:
        findings.append(
            finding(f"{UNITS_DIR}/{unit_id}/{quarter}.md", 1, 1, "NQ902", unit=name, unit_id=unit_id, quarter=quarter)
        )
    findings += [finding(note.path, 1, 1, "NQ903") for note in selection.every() if note.sample]
    return findings
