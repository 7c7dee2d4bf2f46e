"""The status views as facts for scripts: JSON (every view whole) and CSV (one row per unit, task, or task and
quarter), built from the status objects themselves; they carry the same facts as the pages."""

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from nq43.check.history import TaskHistory, UnitStatus, count_state
from nq43.check.reporters import as_dicts
from nq43.domain.periods import PeriodKind
from nq43.domain.tasksplit import Tally
from nq43.domain.vocabulary import Standing, State, Status
from nq43.load.calendar import DueDate
from nq43.support.text import Lang, Text
from nq43.tracking import wording
from nq43.tracking.status import PeriodRecord, QuarterStatus, TaskTrack, UnitHistory, View
from nq43.tracking.wording import days_text, standing_label, state_label, status_label


def _day(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _due_dict(due: DueDate, today: date) -> dict[str, Any]:
    ext = due.extension
    return {
        "date": _day(due.day),
        "before": _day(due.before),
        "nominal": _day(due.nominal),
        "moved_over": [{"date": _day(d), "reason": why} for d, why in due.moved_over],
        "extension": None
        if ext is None
        else {"until": _day(ext.until), "reason": ext.reason, "reference": ext.reference},
        "days_left": (due.day - today).days,
    }


def unit_dict(status: UnitStatus, lang: Lang) -> dict[str, Any]:
    sub = status.submission
    counted = sub is not None and not sub.pending
    return {
        "unit": status.unit.id,
        "number": status.unit.number,
        "name": status.unit.name,
        "quarter": str(status.quarter),
        "state": status.state.value,
        "state_label": state_label(status.state, lang),
        "days": status.days,
        "days_text": days_text(status, lang),
        "due": _day(status.due.day),
        "extension": None if status.due.extension is None else _day(status.due.extension.until),
        "path": status.path,
        "submitted": _day(sub.day) if sub is not None and counted else None,
        "date_source": sub.source.value if sub is not None and counted else None,
        "landed": _day(sub.landed) if sub is not None else None,
        "declared": _day(sub.declared) if sub is not None else None,
        "dates_disagree": bool(sub and sub.disagree),
        "changes": [_day(day) for day in sub.changes] if sub is not None else [],  # later changes, each dated
        "errors": status.errors,
        "tasks": {s.value: status.counts.get(s, 0) for s in Status} if status.state.submitted else None,
    }


def _tally_counts(tally: Tally) -> dict[str, Any]:
    return {"total": tally.total, **{s.value: tally.counts[s] for s in Standing}}


def _task_dict(view: QuarterStatus, lang: Lang) -> list[dict[str, Any]]:
    return [
        {
            "task": line.task.id,
            "unit": line.unit.id,
            "title": line.task.title,
            "status": line.report.status.value if line.report else None,
            "status_label": status_label(line.report.status if line.report else None, lang),
            "progress": line.report.progress if line.report else None,
            "standing": line.standing.value,
            "standing_label": standing_label(line.standing, lang),
        }
        for line in view.tasks
    ]


def _indicators(values: Mapping[str, float]) -> str:
    """A quarter's indicator values in one cell: "1.1a=72.5; 1.1b=12"."""
    return "; ".join(f"{key}={value:g}" for key, value in values.items())


def _history_task(item: TaskHistory, lang: Lang) -> dict[str, Any]:
    return {
        "task": item.task.id,
        "unit": item.unit.id,
        "title": item.task.title,
        "stalled": item.stalled,
        "unchanged_quarters": item.still,
        "not_started_past_deadline": item.idle,
        "quarters": [
            {
                "quarter": str(e.quarter),
                "status": e.report.status.value if e.report else None,
                "status_label": status_label(e.report.status if e.report else None, lang),
                "progress": e.report.progress if e.report else None,
                "indicators": dict(e.indicators),
                "standing": e.standing.value,
            }
            for e in item.entries
        ],
    }


def as_data(view: View, lang: Lang) -> dict[str, Any]:
    if isinstance(view, QuarterStatus):
        return {
            "view": "quarter",
            "quarter": str(view.quarter),
            "today": _day(view.today),
            "due": _due_dict(view.due, view.today),
            "submitted": view.submitted,
            "units_total": len(view.units),
            "states": {s.value: view.count(s) for s in State},
            "units": [unit_dict(u, lang) for u in view.units],
            "tasks": _task_dict(view, lang),
            "tally": {**_tally_counts(view.tally), "sentence": view.tally.sentence(lang)},
            "notices": as_dicts(view.notices, lang),
        }
    if isinstance(view, UnitHistory):
        return {
            "view": "unit",
            "unit": view.unit.id,
            "name": view.unit.name,
            "today": _day(view.today),
            "quarters": [str(q) for q in view.quarters],
            "notes": [unit_dict(s, lang) for s in view.notes],
            "tasks": [_history_task(t, lang) for t in view.tasks],
            "notices": as_dicts(view.notices, lang),
        }
    if isinstance(view, TaskTrack):
        return {
            "view": "task",
            "today": _day(view.today),
            **_history_task(view.history, lang),
            "notes": [unit_dict(e.note, lang) for e in view.history.entries],
            "notices": as_dicts(view.notices, lang),
        }
    return _period_data(view, lang)


def _period_data(view: PeriodRecord, lang: Lang) -> dict[str, Any]:
    cutoff = view.tally.cutoff
    return {
        "view": "year" if view.period.kind is PeriodKind.YEAR else "period",
        "period": str(view.period),
        "year": view.year,
        "today": _day(view.today),
        "quarters": [str(q) for q in view.quarters],
        "units": [
            {
                "unit": unit.id,
                "number": unit.number,
                "name": unit.name,
                "quarters": [unit_dict(s, lang) for s in row],
                **{state.value: count_state(row, state) for state in State},
            }
            for unit, row in view.rows
        ],
        "tasks": [{**_history_task(t, lang), "standing_at_end": t.standing_at(cutoff).value} for t in view.tasks],
        "tally": {**_tally_counts(view.tally), "cutoff": _day(cutoff)},
        "notices": as_dicts(view.notices, lang),
    }


def json_text(view: View, lang: Lang) -> str:
    return json.dumps(as_data(view, lang), ensure_ascii=False, indent=2) + "\n"


# The columns of the CSV and the spreadsheet, defined once: key (the CSV's header, stable for scripts) and heading
# (the spreadsheet's header, in the reader's language). A heading the pages also show is theirs (wording.py); the
# task counts are headed by the statuses' own labels.
HEADINGS: dict[str, Text] = {
    "quarter": Text("Quý", "Quarter"),
    "unit": Text("Mã đơn vị", "Unit id"),
    "number": wording.NO,
    "name": wording.UNIT,
    "state": Text("Tình trạng (mã)", "State (code)"),
    "state_label": wording.STATE,
    "days": wording.DAYS,
    "days_text": Text("Sớm, muộn, còn hạn", "Early, late, left"),
    "due": Text("Hạn nộp", "Due"),
    "extension": Text("Gia hạn đến", "Extended to"),
    "submitted": wording.DATE,
    "date_source": Text("Nguồn ngày nộp", "Date source"),
    "landed": Text("Ngày vào kho", "Landed"),
    "declared": Text("Ngày ghi trong ghi chú", "Declared"),
    "dates_disagree": Text("Hai ngày khác nhau", "Dates disagree"),
    "errors": Text("Số lỗi", "Errors"),
    **{s.value: s.label for s in Status},
    "path": Text("Tệp ghi chú", "Note file"),
    "task": Text("Mã nhiệm vụ", "Task"),
    "title": Text("Nhiệm vụ", "Task title"),
    "status": Text("Trạng thái (mã)", "Status (code)"),
    "status_label": Text("Trạng thái", "Status"),
    "progress": Text("Tiến độ (%)", "Progress (%)"),
    "standing": Text("Phân loại (mã)", "Standing (code)"),
    "standing_label": wording.STANDING,
    "note_state": Text("Tình trạng ghi chú (mã)", "Note state (code)"),
    "note_days": Text("Số ngày của ghi chú", "Note days"),
    "stalled": Text("Đứng yên", "Stalled"),
    "indicators": wording.INDICATORS,
}

_UNIT_FIELDS = (
    "quarter",
    "unit",
    "number",
    "name",
    "state",
    "state_label",
    "days",
    "days_text",
    "due",
    "extension",
    "submitted",
    "date_source",
    "landed",
    "declared",
    "dates_disagree",
    "errors",
    *(s.value for s in Status),
    "path",
)
_TASK_FIELDS = (
    "quarter",
    "task",
    "unit",
    "title",
    "status",
    "status_label",
    "progress",
    "standing",
    "standing_label",
)
_HISTORY_FIELDS = (
    "unit",
    "task",
    "title",
    "quarter",
    "status",
    "status_label",
    "progress",
    "indicators",
    "standing",
    "note_state",
    "note_days",
    "stalled",
)

# Excel on Windows reads a CSV without a byte order mark in the local code page, so Vietnamese turns to mojibake.
BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Table:
    """One status view as rows of values (None for an empty cell), each row keyed by the columns."""

    columns: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...]

    def headings(self, lang: Lang) -> list[str]:
        return [HEADINGS[key].get(lang) for key in self.columns]

    def values(self, row: Mapping[str, Any]) -> list[Any]:
        return [row.get(key) for key in self.columns]


def _unit_row(status: UnitStatus, lang: Lang) -> dict[str, Any]:
    data = unit_dict(status, lang)
    counts = data.pop("tasks") or {}
    return {**data, **{s.value: counts.get(s.value) for s in Status}}


def _history_rows(items: Sequence[TaskHistory], lang: Lang) -> list[dict[str, Any]]:
    """One row per task and quarter."""
    rows = []
    for item in items:
        data = _history_task(item, lang)
        for entry, cell in zip(item.entries, data["quarters"], strict=True):
            rows.append(
                {
                    "unit": item.unit.id,
                    "task": item.task.id,
                    "title": item.task.title,
                    **cell,
                    "indicators": _indicators(entry.indicators),
                    "note_state": entry.note.state.value,
                    "note_days": entry.note.days,
                    "stalled": item.stalled,
                }
            )
    return rows


def table(view: View, lang: Lang, tasks: bool = False) -> Table:
    """One row per unit (quarter view), per task (--tasks), per task and quarter (--unit, --task), per unit and
    quarter (--period, --year); the same facts as the pages. The CSV and the spreadsheet are both written from it."""
    if isinstance(view, QuarterStatus) and tasks:
        rows = [{"quarter": str(view.quarter), **row} for row in _task_dict(view, lang)]
        return Table(_TASK_FIELDS, tuple(rows))
    if isinstance(view, QuarterStatus):
        return Table(_UNIT_FIELDS, tuple(_unit_row(u, lang) for u in view.units))
    if isinstance(view, UnitHistory):
        return Table(_HISTORY_FIELDS, tuple(_history_rows(view.tasks, lang)))
    if isinstance(view, TaskTrack):
        return Table(_HISTORY_FIELDS, tuple(_history_rows((view.history,), lang)))
    return Table(_UNIT_FIELDS, tuple(_unit_row(s, lang) for _, row in view.rows for s in row))


def csv_cell(value: Any) -> str:
    """A value as the CSV writes it: empty for none, true/false for a yes/no, the number or text otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def csv_text(view: View, lang: Lang, tasks: bool = False) -> str:
    """The view's table as CSV, headed by the column keys, starting with a byte order mark for Excel."""
    data = table(view, lang, tasks)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(data.columns)
    writer.writerows([csv_cell(v) for v in data.values(row)] for row in data.rows)
    return BOM + out.getvalue()
