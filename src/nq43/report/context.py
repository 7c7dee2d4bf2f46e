"""The report's context: the variables a report template sees (documented in docs/mau-bao-cao.md), as plain
records. `model.build_context` fills them from the directive and the notes.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from nq43.domain.periods import Period
from nq43.domain.records import Letter, Quarter, Resolution
from nq43.report.document import Markdown
from nq43.support.vietnamese import date_short


class QuarterInfo(NamedTuple):
    code: str  # "2025Q1"
    year: int
    number: int
    roman: str  # "I"
    label: str  # "quý I năm 2025"
    short: str  # "quý I/2025"
    first_day: date
    last_day: date

    @classmethod
    def of(cls, quarter: Quarter) -> QuarterInfo:
        return cls(
            str(quarter),
            quarter.year,
            quarter.number,
            quarter.roman,
            quarter.label(),
            f"quý {quarter.roman}/{quarter.year}",
            quarter.first_day,
            quarter.last_day,
        )


class PeriodInfo(NamedTuple):
    code: str  # "2025Q1", "2025H1", "2025"
    kind: str  # "quarter", "half-year", "year"
    year: int
    number: int  # the quarter (1-4) or the half (1-2); 1 for a year
    label: str  # "quý I năm 2025", "6 tháng đầu năm 2025", "năm 2025"
    first_day: date
    last_day: date

    @classmethod
    def of(cls, period: Period) -> PeriodInfo:
        return cls(
            str(period),
            period.kind.row.name_en,
            period.year,
            period.number,
            period.label(),
            period.first_day,
            period.last_day,
        )


class IndicatorValue(NamedTuple):
    id: str
    name: str
    measure: str
    value: float | None
    value_text: str  # "72,5" or "" when not reported
    previous: float | None
    previous_text: str
    target: float | None
    target_text: str


class TaskEntry(NamedTuple):
    id: str
    title: str
    text: str
    unit_id: str
    unit_name: str
    unit_short_name: str
    recurring: bool
    deadline: date | None
    deadline_text: str  # "30/6/2025" or ""
    reported: bool
    status: str  # "hoan-thanh" ... or "" when not reported
    status_label: str  # "Đã hoàn thành" ... or "Chưa báo cáo"
    progress: float | None
    progress_text: str  # "72,5%" or ""
    standing: str  # Standing value, e.g. "completed-on-time"
    standing_label: str  # "Đã hoàn thành đúng hạn" ...
    results: Markdown
    difficulties: Markdown
    proposals: Markdown
    indicators: tuple[IndicatorValue, ...]


class UnitEntry(NamedTuple):
    id: str
    number: int
    name: str
    short_name: str
    reported: bool
    note_path: str
    submitted: date | None
    submitted_text: str
    prepared_by: str
    approved_by: str
    sample: bool
    invalid_note: bool  # not reported: the unit sent a note for the period that does not validate (--allow-invalid)
    tasks: tuple[TaskEntry, ...]
    next_quarter: Markdown
    has_difficulties: bool
    has_proposals: bool


class Erratum(NamedTuple):
    unit_name: str
    path: str
    date: date
    date_text: str
    reason: str


class TallyInfo(NamedTuple):
    """The tasks counted as `domain.tasksplit` splits them; the parts add up to `total`."""

    total: int  # with_deadline + without_deadline + recurring + not_reported
    with_deadline: int  # completed + not_completed
    completed: int  # completed_on_time + completed_late
    completed_on_time: int
    completed_late: int
    not_completed: int  # within_deadline + overdue
    within_deadline: int  # in_progress + not_started
    in_progress: int
    not_started: int
    overdue: int
    without_deadline: int  # completed_no_deadline + in_progress_no_deadline + not_started_no_deadline
    completed_no_deadline: int
    in_progress_no_deadline: int
    not_started_no_deadline: int
    recurring: int
    not_reported: int
    cutoff: date
    sentence: str


class ResolutionInfo(NamedTuple):
    number: str
    date: date
    date_text: str  # "19/7/2024"
    issuer: str
    subject: str

    @classmethod
    def of(cls, resolution: Resolution) -> ResolutionInfo:
        return cls(
            resolution.number, resolution.date, date_short(resolution.date), resolution.issuer, resolution.subject
        )


class LetterInfo(NamedTuple):
    number: str
    date_text: str
    subject: str
    issuing_agency: str

    @classmethod
    def of(cls, letter: Letter) -> LetterInfo:
        return cls(letter.number, letter.date_text, letter.subject, letter.issuing_agency)


class Letterhead(NamedTuple):
    """What every document the Board issues (a report, a letter) has at its head and its foot in Decree 30's
    layout: the agency, the number, the place and date, the signature block and the recipients. Built once by
    `model.letterhead`; a template sees each field as a variable of its own (`number_line`, `signer` ...)."""

    date: date
    date_text: str  # "ngày 10 tháng 3 năm 2025"
    place: str
    place_date: str  # "Hải Phòng, ngày 10 tháng 3 năm 2025"
    number: str  # "05" or ""
    symbol: str  # "BC-BQL" (a report), "BQL-VP" (a letter)
    number_text: str  # "05/BC-BQL" or "      /BC-BQL"
    number_line: str  # "Số: 05/BC-BQL"
    parent_agency: str
    issuing_agency: str
    issuing_agency_lines: tuple[str, ...]
    agency_name: str  # "Ban Quản lý Khu kinh tế Hải Phòng"
    national_title: str
    motto: str
    authority: tuple[str, ...]
    signer: str
    recipients_heading: str
    recipients: tuple[str, ...]
    draft_mark: str


class ReportContext(NamedTuple):
    """The variables of a report template; every text here is plain text except the `Markdown` fields."""

    period: PeriodInfo
    quarter: QuarterInfo  # the period's last quarter (the period itself in a quarter's report)
    previous_quarter: QuarterInfo
    next_quarter: QuarterInfo
    letterhead: Letterhead
    addressee: str
    doc_type: str
    resolution: ResolutionInfo
    letter: LetterInfo
    draft: bool
    draft_reasons: tuple[str, ...]  # "option" (--draft), "sample" (sample data)
    units: tuple[UnitEntry, ...]
    reported_units: tuple[UnitEntry, ...]
    missing_units: tuple[UnitEntry, ...]  # not reported: no note, or (with --allow-invalid) an invalid one
    tasks: tuple[TaskEntry, ...]
    tally: TallyInfo
    indicators: tuple[IndicatorValue, ...]  # those with a value this quarter or the previous one
    errata: tuple[Erratum, ...]
    issued: bool  # an issue record exists for the period
    over_period: PeriodOverview | None = None  # a six-month or annual report only: the period quarter by quarter


# --- a six-month or annual report: the period quarter by quarter (report/periodmodel.py fills these) ---


class QuarterWork(NamedTuple):
    """A task in one quarter of the period, as that quarter's note of its unit reported it."""

    quarter: QuarterInfo
    reported: bool
    status_label: str  # "Đang thực hiện" ... or "Chưa báo cáo"
    progress_text: str  # "60%" or ""
    results: Markdown  # the quarter's "Kết quả" in full; a template condenses it with the `lead` filter


class TaskOverPeriod(NamedTuple):
    id: str
    title: str
    unit_id: str
    unit_name: str
    unit_short_name: str
    deadline_text: str
    reported: bool  # some quarter of the period reported it
    status_label: str  # at the end of the period: as the unit's latest note in the period reported it
    progress_text: str
    standing_label: str  # "Đang thực hiện trong hạn" ... as of the report's date
    stalled: bool  # unchanged two quarters or more, or not started past its deadline (check/history.py)
    stalled_since: QuarterInfo | None  # the first quarter of the latest reports that left it as it was
    quarters: tuple[QuarterWork, ...]  # one per quarter of the period


class QuarterRecord(NamedTuple):
    """A unit's note for one quarter of the period."""

    quarter: QuarterInfo
    state: str  # State value: "on-time", "late", "overdue", "not-due", "invalid"
    state_label: str  # "Đúng hạn", "Nộp muộn", "Chưa nộp, quá hạn", "Chưa đến hạn", "Ghi chú có lỗi"
    submitted_text: str  # "5/3/2025" or ""


class UnitOverPeriod(NamedTuple):
    id: str
    number: int
    name: str
    short_name: str
    reported: bool  # sent at least one valid note in the period
    record: tuple[QuarterRecord, ...]  # one per quarter of the period
    on_time: int
    late: int
    missing: int  # past the due date with no valid note
    on_time_quarters: tuple[QuarterInfo, ...]
    late_quarters: tuple[QuarterInfo, ...]
    missing_quarters: tuple[QuarterInfo, ...]
    missing_text: str  # "quý I, quý II năm 2025" or ""
    tasks: tuple[TaskOverPeriod, ...]


class IndicatorOverPeriod(NamedTuple):
    id: str
    name: str
    measure: str
    values: tuple[str, ...]  # one per quarter of the period, "" when not reported
    change_text: str  # last value reported in the period minus the first ("+2,5", "-1", "0"); "" with fewer than two
    target_text: str


class PeriodOverview(NamedTuple):
    """The period quarter by quarter: what a six-month or annual report adds to the quarter's variables."""

    quarters: tuple[QuarterInfo, ...]
    next_period: PeriodInfo
    units: tuple[UnitOverPeriod, ...]
    tasks: tuple[TaskOverPeriod, ...]
    stalled: tuple[TaskOverPeriod, ...]
    indicators: tuple[IndicatorOverPeriod, ...]  # those with a value in some quarter of the period
    incomplete_units: tuple[UnitOverPeriod, ...]  # units with a quarter missing


class LateEntry(NamedTuple):
    """A unit a reminder letter goes to: it sent no note, or one that does not validate."""

    id: str
    name: str
    submitted: bool  # it sent a note, which does not validate
    due: date  # its due date (an extension may make it later than the quarter's)
    due_text: str  # "ngày 09 tháng 6 năm 2025"
    problems: tuple[str, ...]  # what to put right in its note, in plain words (no file, line or code)


class ReminderContext(NamedTuple):
    """The variables of the reminder letter's template (remind.md.j2, documented in docs/mau-bao-cao.md)."""

    quarter: QuarterInfo
    due: date  # the quarter's due date (data/calendar.yaml)
    due_text: str
    by: date  # the new date the units are asked to report by
    by_text: str
    letterhead: Letterhead  # the letter's date, number, signer ...
    reported_to: str  # whom the Board reports to: "Ủy ban nhân dân thành phố Hải Phòng"
    greeting: str  # "Kính gửi:"
    addressees: tuple[str, ...]  # the late units' names
    resolution: ResolutionInfo
    letter: LetterInfo
    draft: bool
    late: tuple[LateEntry, ...]
    missing: tuple[LateEntry, ...]  # no note sent
    invalid: tuple[LateEntry, ...]  # a note sent that does not validate
