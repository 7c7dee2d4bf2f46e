from __future__ import annotations

from datetime import date

from notekit import SHIPPED
from nq43.check.repository import load_repository
from nq43.domain.periods import Period
from nq43.domain.records import Quarter, ReportingRule
from nq43.load.calendar import (
    Calendar,
    DayOff,
    Extension,
    WorkingDay,
    due_date,
    first_due_quarter,
    load_calendar,
    nominal_due,
    reported_quarters,
)
from nq43.load.directive import load_directive

RULE = ReportingRule(due_before_day=10, due_months=(3, 6, 9, 12), merged_with="", consolidated_by="vp", reported_to="")
NO_MOVE = Calendar(move_due_date=False)


def test_before_the_tenth_means_the_ninth_is_the_last_day():
    assert nominal_due(RULE, Quarter(2025, 1)) == date(2025, 3, 9)
    assert nominal_due(RULE, Quarter(2025, 4)) == date(2025, 12, 9)
    due = due_date(RULE, NO_MOVE, Quarter(2025, 1))
    assert due.day == date(2025, 3, 9)
    assert due.before == date(2025, 3, 10)


def test_a_due_date_on_a_sunday_moves_to_monday():
    due = due_date(RULE, Calendar(), Quarter(2025, 1))  # 9/3/2025 is a Sunday
    assert due.day == date(2025, 3, 10)
    assert due.moved_over == ((date(2025, 3, 9), "Chủ nhật"),)


def test_a_due_date_on_a_saturday_moves_over_the_whole_weekend():
    due = due_date(RULE, Calendar(), Quarter(2024, 1))  # 9/3/2024 is a Saturday
    assert due.day == date(2024, 3, 11)
    assert [d for d, _ in due.moved_over] == [date(2024, 3, 9), date(2024, 3, 10)]


def test_a_working_day_due_date_stays():
    assert due_date(RULE, Calendar(), Quarter(2025, 2)).day == date(2025, 6, 9)  # a Monday
    assert due_date(RULE, Calendar(), Quarter(2025, 2)).moved_over == ()


def test_a_holiday_moves_the_due_date_past_itself_and_the_weekend_after():
    # Tuesday 9/9/2025 made a day off, with Wednesday: the due date moves to Thursday.
    holiday = DayOff(date(2025, 9, 9), date(2025, 9, 10), "Nghỉ lễ")
    due = due_date(RULE, Calendar(days_off=(holiday,)), Quarter(2025, 3))
    assert due.day == date(2025, 9, 11)
    assert due.moved_over == ((date(2025, 9, 9), "Nghỉ lễ"), (date(2025, 9, 10), "Nghỉ lễ"))
    # A holiday on a Friday 12/12/2025 rule variant: due before the 13th, then Sat, Sun -> Monday.
    friday = DayOff(date(2025, 12, 12), date(2025, 12, 12), "Nghỉ")
    rule = ReportingRule(13, (3, 6, 9, 12), "", "vp", "")
    assert due_date(rule, Calendar(days_off=(friday,)), Quarter(2025, 4)).day == date(2025, 12, 15)


def test_a_make_up_saturday_is_a_working_day():
    # due before 27/4 (a Sunday): the 26th is Saturday, worked in 2025 to make up for Friday 2/5.
    rule = ReportingRule(27, (4, 4, 4, 4), "", "vp", "")
    plain = due_date(rule, Calendar(), Quarter(2025, 2))
    assert plain.day == date(2025, 4, 28)
    swapped = Calendar(working_days=(WorkingDay(date(2025, 4, 26), "Làm bù"),))
    assert due_date(rule, swapped, Quarter(2025, 2)).day == date(2025, 4, 26)


def test_move_can_be_turned_off():
    assert due_date(RULE, NO_MOVE, Quarter(2024, 1)).day == date(2024, 3, 9)


def test_extension_for_a_unit_and_for_the_quarter():
    calendar = Calendar(
        extensions=(
            Extension(Quarter(2025, 2), "qldt", date(2025, 6, 20), "Chờ số liệu"),
            Extension(Quarter(2025, 2), None, date(2025, 6, 16), "Lịch họp"),
        )
    )
    assert due_date(RULE, calendar, Quarter(2025, 2), "qldt").day == date(2025, 6, 20)
    assert due_date(RULE, calendar, Quarter(2025, 2), "vp").day == date(2025, 6, 16)
    assert due_date(RULE, calendar, Quarter(2025, 2)).day == date(2025, 6, 16)
    assert due_date(RULE, calendar, Quarter(2025, 3), "qldt").extension is None
    # the later date counts when a unit's extension is shorter than the quarter's
    shorter = Calendar(
        extensions=(
            Extension(Quarter(2025, 2), "qldt", date(2025, 6, 12), "x"),
            Extension(Quarter(2025, 2), None, date(2025, 6, 18), "y"),
        )
    )
    assert due_date(RULE, shorter, Quarter(2025, 2), "qldt").day == date(2025, 6, 18)


def test_an_extension_on_a_sunday_is_kept_as_granted():
    calendar = Calendar(extensions=(Extension(Quarter(2025, 2), None, date(2025, 6, 15), "x"),))  # a Sunday
    assert due_date(RULE, calendar, Quarter(2025, 2)).day == date(2025, 6, 15)


def test_leap_year_due_before_the_first_of_march():
    rule = ReportingRule(1, (3, 6, 9, 12), "", "vp", "")
    assert nominal_due(rule, Quarter(2028, 1)) == date(2028, 2, 29)
    assert nominal_due(rule, Quarter(2027, 1)) == date(2027, 2, 28)
    # 29/2/2028 is a Tuesday: it stays
    assert due_date(rule, Calendar(), Quarter(2028, 1)).day == date(2028, 2, 29)


def test_leap_year_quarters_and_weekends():
    assert Quarter(2028, 1).last_day == date(2028, 3, 31)
    assert due_date(RULE, Calendar(), Quarter(2028, 3)).day == date(2028, 9, 11)  # 9/9/2028 is a Saturday


def test_shipped_calendar_is_clean_and_knows_2025():
    root = SHIPPED
    directive, _ = load_directive(root)
    calendar, findings = load_calendar(root, directive)
    assert findings == []
    assert calendar is not None
    assert calendar.covers(2025)
    assert calendar.day_off(date(2025, 1, 29)) is not None  # mùng 1 Tết Ất Tỵ
    assert calendar.day_off(date(2025, 5, 2)) is not None  # Friday swapped
    assert calendar.day_off(date(2025, 4, 26)) is None  # Saturday worked
    assert calendar.day_off(date(2025, 9, 1)) is not None
    assert due_date(directive.reporting, calendar, Quarter(2025, 1)).day == date(2025, 3, 10)


def test_no_calendar_file_means_weekends_only(repo):
    directive, _ = load_directive(repo.root)
    calendar, findings = load_calendar(repo.root, directive)
    assert findings == [] and calendar == Calendar()


def _codes(findings):
    return [(f.code, f.line) for f in findings]


def test_calendar_errors_are_findings_with_lines(repo):
    repo.calendar(
        "schema_version: 1\n"
        "days_off:\n"
        "  - from: 2025-02-30\n"
        "    name: Ngày không có\n"
        "  - from: 2025-05-04\n"
        "    to: 2025-04-30\n"
        "    name: Ngược\n"
        "working_days:\n"
        "  - date: 2025-05-03\n"
        "    name: Làm bù\n"
        "extensions:\n"
        "  - quarter: 2025Q2\n"
        "    unit: khong-co\n"
        "    until: 2025-06-20\n"
        "    reason: x\n"
        "  - quarter: 2025Q2\n"
        "    until: 2025-06-20\n"
        "    reason: x\n"
        "  - quarter: 2025Q2\n"
        "    until: 2025-06-21\n"
        "    reason: y\n"
    )
    directive, _ = load_directive(repo.root)
    calendar, findings = load_calendar(repo.root, directive)
    assert calendar is None
    assert _codes(findings) == [("NQ306", 3), ("NQ701", 6), ("NQ703", 13), ("NQ704", 19)]
    assert "2025-02-30" in findings[0].message()
    assert findings[1].message() == "Khoảng nghỉ kết thúc (2025-04-30) trước khi bắt đầu (2025-05-04)."


def test_working_day_inside_days_off_and_useless_extension(repo):
    repo.calendar(
        "schema_version: 1\n"
        "days_off:\n"
        "  - {from: 2025-04-30, to: 2025-05-04, name: Lễ}\n"
        "working_days:\n"
        "  - {date: 2025-05-03, name: Làm bù}\n"
        "extensions:\n"
        "  - {quarter: 2025Q2, until: 2025-06-05, reason: Nhầm}\n"
    )
    directive, _ = load_directive(repo.root)
    calendar, findings = load_calendar(repo.root, directive)
    assert _codes(findings) == [("NQ702", 5), ("NQ705", 7)]
    assert calendar is None  # NQ702 is an error
    assert findings[1].severity == "warning"


def test_schema_errors_and_validate_reports_them(repo):
    repo.calendar(
        "schema_version: 1\nweekend: [thu-bay, chu-nhat]\nholidays: []\n"
        "extensions:\n  - quarter: 2025Q5\n    until: x\n    reason: r\n"
    )
    repository = load_repository(repo.root, date(2025, 3, 12))
    codes = [(f.path, f.code) for f in repository.findings]
    assert ("data/calendar.yaml", "NQ303") in codes  # unknown field "holidays"
    assert ("data/calendar.yaml", "NQ307") in codes  # quarter 2025Q5 is no quarter


def test_calendar_that_is_not_yaml(repo):
    repo.calendar("schema_version: 1\ndays_off:\n\t- from: 2025-01-01\n")
    calendar, findings = load_calendar(repo.root, None)
    assert calendar is None and [f.code for f in findings] == ["NQ206"]


def test_working_days_after_skip_weekends_and_days_off_but_count_make_up_days():
    assert Calendar().working_days_after(date(2025, 6, 16), 5) == date(2025, 6, 23)  # Monday to Monday
    holidays = Calendar(
        days_off=(DayOff(date(2025, 4, 30), date(2025, 5, 4), "30/4 - 1/5"),),
        working_days=(WorkingDay(date(2025, 4, 26), "Làm bù"),),
    )
    # Friday 25/4: Saturday 26/4 (worked), Monday 28, Tuesday 29, then the holiday to Sunday 4/5, Monday 5, Tuesday 6
    assert holidays.working_days_after(date(2025, 4, 25), 5) == date(2025, 5, 6)


def test_the_first_quarter_asked_for_is_the_first_due_after_the_letters_month() -> None:
    directive, _ = load_directive(SHIPPED)
    assert directive is not None  # the shipped letter is dated "tháng 9 năm 2024": 2024Q3 was due 9/9/2024
    letter = directive.letter

    assert first_due_quarter(directive) == Quarter(2024, 4)
    assert reported_quarters(directive, Period.parse("2024")) == (Quarter(2024, 4),)  # a partial year
    assert reported_quarters(directive, Period.parse("2025H1")) == (Quarter(2025, 1), Quarter(2025, 2))
    assert reported_quarters(directive, Period.parse("2023")) == Period.parse("2023").quarters()  # before: all
    in_august = directive._replace(letter=letter._replace(month=8))
    assert first_due_quarter(in_august) == Quarter(2024, 3)
    in_december = directive._replace(letter=letter._replace(month=12))
    assert first_due_quarter(in_december) == Quarter(2025, 1)
