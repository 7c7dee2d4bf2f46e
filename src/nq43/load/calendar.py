"""The reporting calendar: when a quarter's note is due, after days off and extensions (`data/calendar.yaml`).

The rule, decided once and used everywhere:
- The letter says "trước ngày 10 tháng 3, 6, 9, 12": *before* the 10th. The last day on which a note is on
  time (the due date, "hạn nộp") is therefore the 9th of the quarter's due month, inclusive: for 2025Q1 a
  note submitted on 9/3/2025 is on time, one submitted on 10/3/2025 is one day late - unless that 9th is a
  day off.
- A due date that falls on a day off (weekend, public holiday, Tết, a day off swapped by the Government)
  moves to the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5: "Trường hợp ngày cuối cùng của thời
  hạn là ngày nghỉ cuối tuần hoặc ngày nghỉ lễ thì thời hạn kết thúc tại thời điểm kết thúc ngày làm việc tiếp
  theo ngày nghỉ đó"). 9/3/2025 is a Sunday, so 2025Q1 is due on Monday 10/3/2025. `move_due_date: false`
  in the calendar turns this off.
- An extension granted for a quarter (every unit) or to one unit gives the due date itself, as granted; it
  is not moved again. When both exist, the later date counts.
- Lateness is counted in calendar days.
"""

from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from nq43.domain.findings import Finding, finding
from nq43.domain.periods import Period
from nq43.domain.records import Directive, Quarter, ReportingRule
from nq43.load.directive import read_yaml_file  # the same reading, YAML and schema machinery as the directive
from nq43.load.notes import parse_date
from nq43.load.yamlload import YamlDoc

CALENDAR_FILE = "data/calendar.yaml"
WEEKDAYS = ("thu-hai", "thu-ba", "thu-tu", "thu-nam", "thu-sau", "thu-bay", "chu-nhat")
WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A due date never moves further than this; only absurd data (every day off for months) gets near it.
_MAX_MOVE_DAYS = 62


class DayOff(NamedTuple):
    """Days off from `first` to `last`, inclusive."""

    first: date
    last: date
    name: str
    source: str = ""

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


class WorkingDay(NamedTuple):
    """A weekend day that is worked (to make up for a day off swapped elsewhere)."""

    day: date
    name: str
    source: str = ""


class Extension(NamedTuple):
    quarter: Quarter
    unit: str | None  # None: every unit
    until: date
    reason: str
    reference: str = ""


class Calendar(NamedTuple):
    weekend: frozenset[int] = frozenset({5, 6})  # date.weekday(): Saturday, Sunday
    move_due_date: bool = True
    days_off: tuple[DayOff, ...] = ()
    working_days: tuple[WorkingDay, ...] = ()
    extensions: tuple[Extension, ...] = ()

    def day_off(self, day: date) -> str | None:
        """Why `day` is not a working day (the holiday's name, or the weekday), or None when it is one."""
        for off in self.days_off:
            if day in off:
                return off.name
        if day.weekday() in self.weekend and all(w.day != day for w in self.working_days):
            return WEEKDAY_NAMES[day.weekday()]
        return None

    def working_days_after(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (days off and weekends skipped, as for a due date)."""
        found = 0
        while found < count:
            day += timedelta(days=1)
            if self.day_off(day) is None:
                found += 1
        return day

    def covers(self, year: int) -> bool:
        """True when the calendar lists days off for `year` (without them a due date may be wrong)."""
        return any(off.first.year <= year <= off.last.year for off in self.days_off)

    def extension(self, quarter: Quarter, unit: str | None) -> Extension | None:
        """The extension that applies (the later one when both the quarter and the unit have one)."""
        found = [e for e in self.extensions if e.quarter == quarter and (e.unit is None or e.unit == unit)]
        return max(found, key=lambda e: e.until) if found else None


class DueDate(NamedTuple):
    """When a quarter's note is due: the last day on which it is on time."""

    quarter: Quarter
    unit: str | None
    nominal: date  # the day before `due_before_day`, as the letter has it
    day: date  # the due date that counts
    moved_over: tuple[tuple[date, str], ...] = ()  # the days off it was moved over, with why
    extension: Extension | None = None

    @property
    def before(self) -> date:
        """The letter's wording: "trước ngày 10/3/2025"."""
        return self.nominal + timedelta(days=1)


def nominal_due(rule: ReportingRule, quarter: Quarter) -> date:
    """The day before `due_before_day` of the quarter's due month (9/3/2025 for 2025Q1)."""
    months = rule.due_months
    month = months[quarter.number - 1] if len(months) == 4 else quarter.last_month
    return date(quarter.year, month, 1) + timedelta(days=rule.due_before_day - 2)


def first_due_quarter(directive: Directive) -> Quarter:
    """The first quarter the letter asks a note for: the first whose due date falls after the month the letter is
    dated (it is dated by month: "tháng 9 năm 2024" asks first for 2024Q4, due before 10/12/2024)."""
    letter = directive.letter
    quarter = Quarter(letter.year, (letter.month - 1) // 3 + 1)
    month_after = date(letter.year + letter.month // 12, letter.month % 12 + 1, 1)
    while nominal_due(directive.reporting, quarter) < month_after:
        quarter = quarter.next()
    return quarter


def reported_quarters(directive: Directive, period: Period) -> tuple[Quarter, ...]:
    """The quarters of `period` the letter asks notes for (a year that began before the letter is a partial
    year); all of them when it asks for none (a period before the letter, asked for all the same)."""
    first = first_due_quarter(directive)
    asked = tuple(quarter for quarter in period.quarters() if quarter >= first)
    return asked or period.quarters()


def due_date(rule: ReportingRule, calendar: Calendar, quarter: Quarter, unit: str | None = None) -> DueDate:
    """The due date of `unit`'s note for `quarter` (of every unit's, when `unit` is None)."""
    nominal = nominal_due(rule, quarter)
    day = nominal
    moved: list[tuple[date, str]] = []
    if calendar.move_due_date:
        while (why := calendar.day_off(day)) is not None and len(moved) < _MAX_MOVE_DAYS:
            moved.append((day, why))
            day += timedelta(days=1)
    extension = calendar.extension(quarter, unit)
    if extension is not None and extension.until > day:
        return DueDate(quarter, unit, nominal, extension.until, tuple(moved), extension)
    return DueDate(quarter, unit, nominal, day, tuple(moved))


# --- reading data/calendar.yaml ---


def _day(value: Any) -> date | None:
    return parse_date(value)


def build_calendar(
    data: dict[str, Any], doc: YamlDoc, path: str, unit_ids: list[str], rule: ReportingRule | None = None
) -> tuple[Calendar, list[Finding]]:
    """The Calendar from schema-checked data, with findings for what the schema cannot see."""
    findings: list[Finding] = []

    def real_date(where: tuple[str | int, ...], value: Any) -> date | None:
        day = _day(value)
        if day is None:
            findings.append(finding(path, *doc.where(where), "NQ306", field=".".join(map(str, where)), value=value))
        return day

    days_off: list[DayOff] = []
    for index, entry in enumerate(data.get("days_off") or ()):
        first = real_date(("days_off", index, "from"), entry["from"])
        last = real_date(("days_off", index, "to"), entry["to"]) if "to" in entry else first
        if first is None or last is None:
            continue
        if last < first:
            findings.append(
                finding(path, *doc.where(("days_off", index, "to")), "NQ701", first=entry["from"], last=entry["to"])
            )
            continue
        days_off.append(DayOff(first, last, entry["name"], entry.get("source", "")))

    working: list[WorkingDay] = []
    for index, entry in enumerate(data.get("working_days") or ()):
        day = real_date(("working_days", index, "date"), entry["date"])
        if day is None:
            continue
        clash = next((off for off in days_off if day in off), None)
        if clash is not None:
            findings.append(
                finding(path, *doc.where(("working_days", index, "date")), "NQ702", day=entry["date"], name=clash.name)
            )
        working.append(WorkingDay(day, entry["name"], entry.get("source", "")))

    weekend = frozenset(WEEKDAYS.index(name) for name in data.get("weekend", ("thu-bay", "chu-nhat")))
    base = Calendar(weekend, bool(data.get("move_due_date", True)), tuple(days_off), tuple(working))

    extensions: list[Extension] = []
    seen: dict[tuple[Quarter, str | None], int] = {}
    for index, entry in enumerate(data.get("extensions") or ()):
        quarter = Quarter.parse(entry["quarter"])  # the schema's pattern has made sure it parses
        unit = entry.get("unit")
        until = real_date(("extensions", index, "until"), entry["until"])
        at = doc.where(("extensions", index))
        if unit is not None and unit_ids and unit not in unit_ids:
            findings.append(
                finding(path, *doc.where(("extensions", index, "unit")), "NQ703", unit=unit, known=", ".join(unit_ids))
            )
            continue
        key = (quarter, unit)
        if key in seen:
            findings.append(finding(path, *at, "NQ704", quarter=str(quarter), unit=unit or "*", first_line=seen[key]))
            continue
        seen[key] = at[0]
        if until is None:
            continue
        if rule is not None and until <= (usual := due_date(rule, base, quarter).day):
            findings.append(
                finding(
                    path,
                    *doc.where(("extensions", index, "until")),
                    "NQ705",
                    until=entry["until"],
                    due=usual.isoformat(),
                    quarter=str(quarter),
                )
            )
        extensions.append(Extension(quarter, unit, until, entry["reason"], entry.get("reference", "")))
    return Calendar(base.weekend, base.move_due_date, base.days_off, base.working_days, tuple(extensions)), findings


def load_calendar(root: Path, directive: Directive | None) -> tuple[Calendar | None, list[Finding]]:
    """Read `data/calendar.yaml` (optional: without it, weekends only); None when the file is unusable."""
    file = root / CALENDAR_FILE
    if not file.exists() and not file.is_symlink():
        return Calendar(), []
    doc, findings = read_yaml_file(file, CALENDAR_FILE, "calendar", root / "data")
    if doc is None:
        return None, findings
    unit_ids = [u.id for u in directive.units] if directive is not None else []
    rule = directive.reporting if directive is not None else None
    calendar, more = build_calendar(doc.data, doc, CALENDAR_FILE, unit_ids, rule)
    findings += more
    if any(f.severity == "error" for f in findings):
        return None, sorted(findings, key=Finding.sort_key)
    return calendar, sorted(findings, key=Finding.sort_key)
