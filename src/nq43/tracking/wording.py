"""What the status views say, in both languages: their headings and sentences, and the text of each fact
(a date, a percentage, a state, how far from the due date) that the pages, JSON and CSV share."""

from datetime import date
from typing import assert_never

from nq43.check.history import UnitStatus
from nq43.domain.records import Quarter
from nq43.domain.vocabulary import Standing, State, Status
from nq43.load.calendar import WEEKDAY_NAMES, WEEKDAY_NAMES_EN, DueDate
from nq43.load.dates import DateSource
from nq43.support.text import Lang, Text
from nq43.support.vietnamese import date_short, number

# the head of the quarter page
QUARTER_TITLE = Text(
    "Tình hình báo cáo {quarter} thực hiện Nghị quyết {resolution}, tính đến ngày {today}",
    "Reporting on Resolution {resolution} for {quarter}, as of {today}",
)
DUE = Text("Hạn nộp: {due}", "Due: {due}")
DUE_BEFORE = Text("công văn: trước ngày {before}", "the letter: before {before}")
MOVED = Text("{day} là {why} nên hạn chuyển sang {due}", "{day} is {why}, so it moves to {due}")
LEFT = Text("còn {n} ngày", "{n} days left")
TODAY_DUE = Text("hạn là hôm nay", "due today")
PAST = Text("hạn đã qua {n} ngày", "{n} days past")
SUBMITTED = Text("{n}/{total} đơn vị đã nộp", "{n}/{total} units submitted")
BREAKDOWN = Text(
    "đúng hạn {on_time}, muộn {late}, có lỗi {invalid}",
    "on time {on_time}, late {late}, invalid {invalid}",
)
MISSING = Text("chưa nộp {n} (quá hạn {overdue})", "missing {n} (overdue {overdue})")
# column headings
NO = Text("STT", "No.")
UNIT = Text("Đơn vị", "Unit")
STATE = Text("Tình trạng", "State")
DATE = Text("Ngày nộp", "Submitted")
DAYS = Text("Số ngày", "Days")
TASK = Text("Nhiệm vụ", "Task")
ID = Text("Mã", "Id")
REPORTED = Text("Báo cáo", "Reported")
PROGRESS = Text("Tiến độ", "Progress")
STANDING = Text("Phân loại", "Standing")
REMARK = Text("Ghi chú", "Remark")
# how far a note is from its due date, and its date
EARLY = Text("sớm {n} ngày", "{n} days early")
ON_DAY = Text("đúng ngày hạn", "on the due day")
LATE = Text("muộn {n} ngày", "{n} days late")
OVERDUE = Text("quá hạn {n} ngày", "{n} days overdue")
EXTENDED = Text("gia hạn đến {day}", "extended to {day}")
ERRORS = Text("{n} lỗi", "{n} errors")
DECLARED = Text("ghi chú ghi {day}", "note says {day}")
# closing lines, notices, and the other pages' words
FIX = Text(
    'Ghi chú {path} có lỗi, chưa được tính: chạy "nq43 validate {path}" để xem lỗi và cách sửa.',
    '{path} is invalid and not counted: run "nq43 validate {path}" for the errors and how to fix them.',
)
REMIND = Text(
    "{count} đơn vị quá hạn chưa có ghi chú hợp lệ: lập công văn đôn đốc bằng `nq43 remind --quarter {quarter}`.",
    "{count} unit(s) overdue without a valid note: write a reminder with `nq43 remind --quarter {quarter}`.",
)
NOTICES = Text("Lưu ý:", "Notices:")
HISTORY_TITLE = Text(
    "{unit}: nhiệm vụ qua các quý, tính đến ngày {today}",
    "{unit}: tasks quarter by quarter, as of {today}",
)
NOTES_ROW = Text("Ghi chú quý", "Quarterly note")
STALLED = Text("đứng yên {n} quý", "unchanged for {n} quarters")
STALLED_LINE = Text(
    "Nhiệm vụ đứng yên (báo cáo giống nhau nhiều quý liền): {tasks}.",
    "Stalled tasks (the same report several quarters in a row): {tasks}.",
)
IDLE = Text("chưa thực hiện, đã quá hạn", "not started, past its deadline")
PERIOD_TITLE = Text(
    "{period}: tình hình nộp ghi chú quý của các đơn vị, tính đến ngày {today}",
    "{period}: the units' quarterly notes, as of {today}",
)
ON_TIME_COUNT = Text("Đúng hạn", "On time")
LATE_COUNT = Text("Muộn", "Late")
MISSING_COUNT = Text("Chưa nộp", "Missing")
PERIOD_TASKS = Text(
    "Nhiệm vụ đến cuối kỳ (theo ghi chú gần nhất trong kỳ của đơn vị)",
    "Tasks at the end of the period (as the unit's latest note in the period reports them)",
)
TASK_TITLE = Text(
    "Nhiệm vụ {task} ({unit}): qua các quý, tính đến ngày {today}",
    "Task {task} ({unit}): quarter by quarter, as of {today}",
)
INDICATORS = Text("Chỉ tiêu", "Indicators")
# the name of the quarter view's sheet in an xlsx workbook
QUARTER_SHEET = Text("Tình hình quý {quarter}", "Quarter {quarter}")
TASKS_SHEET = Text("Nhiệm vụ {quarter}", "Tasks {quarter}")
CHECK_SUMMARY = Text(
    "nq43 status --check: {overdue} ghi chú quá hạn chưa nộp, {invalid} ghi chú có lỗi.",
    "nq43 status --check: {overdue} note(s) overdue, {invalid} invalid note(s).",
)
LEGEND = Text("Số nhiệm vụ theo trạng thái đơn vị báo cáo: {items}.", "Tasks by reported status: {items}.")
LEGEND_ITEM = Text("{short} {label}", "{short} = {label}")


def day_text(day: date | None, lang: Lang) -> str:
    """A date: 10/3/2025 in Vietnamese, ISO in English (so that no reader takes 10/3 for October)."""
    if day is None:
        return ""
    return date_short(day) if lang == "vi" else day.isoformat()


def percent_text(value: float | None, lang: Lang) -> str:
    if value is None:
        return ""
    return f"{number(value)}%" if lang == "vi" else f"{value:g}%"


def quarter_text(quarter: Quarter, lang: Lang) -> str:
    return quarter.label() if lang == "vi" else f"{quarter} (quarter {quarter.number} of {quarter.year})"


def quarter_short(quarter: Quarter, lang: Lang) -> str:
    return f"Quý {quarter.roman}/{quarter.year}" if lang == "vi" else str(quarter)


def state_label(state: State, lang: Lang) -> str:
    return state.label.get(lang)


def status_label(status: Status | None, lang: Lang) -> str:
    if status is None:
        return Standing.NOT_REPORTED.label.get(lang)
    return status.label.get(lang)


def standing_label(value: Standing, lang: Lang) -> str:
    return value.label.get(lang)


def legend(lang: Lang) -> str:
    """What the status columns' short headings stand for, one per status."""
    items = (LEGEND_ITEM.get(lang, short=s.short.get(lang), label=s.label.get(lang).lower()) for s in Status)
    return LEGEND.get(lang, items=", ".join(items))


def days_text(status: UnitStatus, lang: Lang) -> str:
    """How far from the due date: sớm 2 ngày, muộn 3 ngày, quá hạn 5 ngày, còn 20 ngày; an extension said."""
    n = status.days
    state = status.state
    match state:
        case State.ON_TIME:
            text = EARLY.get(lang, n=n) if n else ON_DAY.get(lang)
        case State.LATE:
            text = LATE.get(lang, n=n)
        case State.OVERDUE:
            text = OVERDUE.get(lang, n=n)
        case State.NOT_DUE:
            text = LEFT.get(lang, n=n) if n else TODAY_DUE.get(lang)
        case State.INVALID:
            late = LATE.get(lang, n=n) if n else ""
            text = ", ".join(t for t in (ERRORS.get(lang, n=status.errors), late) if t)
        case _:
            assert_never(state)
    if status.due.extension is not None:
        text += f" ({EXTENDED.get(lang, day=day_text(status.due.day, lang))})"
    return text


def submitted_text(status: UnitStatus, lang: Lang) -> str:
    sub = status.submission
    if sub is None or sub.day is None or sub.pending:
        return ""
    text = day_text(sub.day, lang)
    if sub.disagree and sub.source is DateSource.GIT:
        text += f" ({DECLARED.get(lang, day=day_text(sub.declared, lang))})"
    return text


def due_line(due: DueDate, today: date, lang: Lang) -> str:
    """The due date, why it is that day, and how far off it is: "Hạn nộp: 10/3/2025 (công văn: trước ngày
    10/3/2025; 9/3/2025 là Chủ nhật nên hạn chuyển sang 10/3/2025), đã quá hạn 2 ngày"."""
    shown = day_text(due.day, lang)
    details = [DUE_BEFORE.get(lang, before=day_text(due.before, lang))]
    if due.moved_over:
        first, why = due.moved_over[0]
        named = WEEKDAY_NAMES_EN[WEEKDAY_NAMES.index(why)] if why in WEEKDAY_NAMES else f"a day off ({why})"
        details.append(MOVED.get(lang, day=day_text(first, lang), why=Text(why, named), due=shown))
    if due.extension is not None:
        details.append(EXTENDED.get(lang, day=shown) + f": {due.extension.reason}")
    left = (due.day - today).days
    when = LEFT.get(lang, n=left) if left > 0 else TODAY_DUE.get(lang) if left == 0 else PAST.get(lang, n=-left)
    return f"{DUE.get(lang, due=shown)} ({'; '.join(details)}), {when}"
