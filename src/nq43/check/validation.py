"""Check a note against the directive: its unit, quarter, tasks, indicators, dates and sections."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from nq43.domain.findings import Finding, finding
from nq43.domain.records import Directive
from nq43.domain.vocabulary import Split, Status
from nq43.load.layout import note_names
from nq43.load.notes import NoteRead, parse_date
from nq43.load.schema import suggestion

if TYPE_CHECKING:
    from nq43.load.yamlload import YamlDoc

# The schema's own date pattern (re.search, as jsonschema runs it): the schema reports a date in the wrong
# form, so this module reports only a date in the right form that does not exist (2025-02-30).
_SCHEMA_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _impossible_date(value: object) -> bool:
    return isinstance(value, str) and _SCHEMA_DATE.search(value) is not None and parse_date(value) is None


def _known(ids: list[str]) -> str:
    return ", ".join(ids) if ids else "(không có)"


def check_note(
    read: NoteRead, directive: Directive, *, folder: str | None, file_name: str, today: date
) -> list[Finding]:
    """Cross-reference findings for a note that could be parsed (`read.note` and `read.doc` are set).

    `folder` is the unit folder the note sits in (None when it is outside data/units/).
    """
    note, doc, body = read.note, read.doc, read.body
    if note is None or doc is None or body is None:
        return []
    data: dict[str, Any] = doc.data
    path = note.path
    findings: list[Finding] = []
    add = findings.append

    unit = directive.unit(note.unit)
    if note.unit and unit is None:
        unit_ids = [u.id for u in directive.units]
        vi, en = suggestion(note.unit, unit_ids)
        add(
            finding(
                path,
                *doc.where(("unit",)),
                "NQ401",
                unit=note.unit,
                known=_known(unit_ids),
                suggestion=vi,
                suggestion_en=en,
            )
        )
    if unit is not None and folder is not None and folder != note.unit:
        add(finding(path, *doc.where(("unit",)), "NQ402", unit=note.unit, folder=folder))
    if note.quarter is not None and file_name not in note_names(note.quarter):
        add(finding(path, *doc.where(("quarter",)), "NQ403", name=file_name, quarter=str(note.quarter)))

    for field in ("submitted",):
        if _impossible_date(data.get(field)):
            add(finding(path, *doc.where((field,)), "NQ306", field=field, value=data[field]))
    if note.submitted is not None:
        if note.submitted > today:
            add(finding(path, *doc.where(("submitted",)), "NQ407", value=data["submitted"], today=today.isoformat()))
        if note.quarter is not None and note.submitted < note.quarter.first_day:
            add(
                finding(
                    path,
                    *doc.where(("submitted",)),
                    "NQ408",
                    value=data["submitted"],
                    quarter=str(note.quarter),
                    start=note.quarter.first_day.isoformat(),
                )
            )
    for index, amendment in enumerate(data.get("amends") or ()):
        if isinstance(amendment, dict) and _impossible_date(amendment.get("date")):
            add(
                finding(
                    path,
                    *doc.where(("amends", index, "date")),
                    "NQ306",
                    field=f"amends.{index}.date",
                    value=amendment["date"],
                )
            )

    if unit is None:
        return findings
    own = [t.id for t in directive.tasks_of(unit.id)]
    tasks = data.get("tasks")
    entries: dict[str, Any] = tasks if isinstance(tasks, dict) else {}
    for task_id, entry in entries.items():
        where = ("tasks", task_id)
        if task_id not in own:
            # never suggest a task the note already has
            vi, en = suggestion(task_id, [t for t in own if t not in entries])
            add(
                finding(
                    path,
                    *doc.where(where, key=True),
                    "NQ404",
                    task=task_id,
                    unit=unit.id,
                    known=_known(own),
                    suggestion=vi,
                    suggestion_en=en,
                )
            )
            continue
        if not isinstance(entry, dict):
            continue
        findings.extend(_check_task_entry(doc, path, task_id, entry, directive, note.submitted))
    for task_id in own:
        if task_id not in entries:
            add(finding(path, *doc.where(("tasks",), key=True), "NQ405", task=task_id))

    present = {s.task for s in body.sections}
    for section in body.sections:
        if section.task not in own:
            vi, en = suggestion(section.task, [t for t in own if t not in present])
            add(
                finding(
                    path,
                    section.line,
                    1,
                    "NQ502",
                    task=section.task,
                    unit=unit.id,
                    known=_known(own),
                    suggestion=vi,
                    suggestion_en=en,
                )
            )
    for task in directive.tasks_of(unit.id):
        if task.id not in present:
            line = doc.where(("tasks", task.id), key=True)[0] if task.id in entries else 1
            add(finding(path, line, 1, "NQ501", task=task.id, title=task.title))
    return findings


def _check_task_entry(
    doc: YamlDoc, path: str, task_id: str, entry: dict[str, Any], directive: Directive, submitted: date | None
) -> list[Finding]:
    findings: list[Finding] = []
    where = ("tasks", task_id)
    progress = entry.get("progress")
    status = Status.from_code(entry.get("status"))
    done = status is not None and status.facts.split is Split.DONE
    if done and isinstance(progress, (int, float)) and progress < 100:
        findings.append(finding(path, *doc.where((*where, "progress")), "NQ409", task=task_id, progress=progress))
    completed = entry.get("completed")
    if isinstance(completed, str):
        day = parse_date(completed)
        if _impossible_date(completed):
            findings.append(
                finding(
                    path,
                    *doc.where((*where, "completed")),
                    "NQ306",
                    field=f"tasks.{task_id}.completed",
                    value=completed,
                )
            )
        elif day is not None and submitted is not None and day > submitted:
            findings.append(
                finding(
                    path,
                    *doc.where((*where, "completed")),
                    "NQ411",
                    task=task_id,
                    value=completed,
                    submitted=submitted.isoformat(),
                )
            )
    indicators = entry.get("indicators")
    own = [i.id for i in directive.indicators_of(task_id)]
    for indicator_id, value in indicators.items() if isinstance(indicators, dict) else ():
        at = doc.where((*where, "indicators", indicator_id), key=True)
        indicator = directive.indicator(indicator_id)
        if indicator is None:
            vi, en = suggestion(indicator_id, [i.id for i in directive.indicators if i.id not in (indicators or {})])
            findings.append(
                finding(path, *at, "NQ406", indicator=indicator_id, known=_known(own), suggestion=vi, suggestion_en=en)
            )
            continue
        if indicator.task != task_id:
            findings.append(
                finding(path, *at, "NQ410", indicator=indicator_id, owner_task=indicator.task, task=task_id)
            )
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            continue  # the schema has said so
        low, high = indicator.minimum, indicator.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            # the same wording as the schema's range findings: "0 – 100", "≥ 0", "≤ 100"
            span = f"≥ {low:g}" if high is None else f"≤ {high:g}" if low is None else f"{low:g} – {high:g}"
            findings.append(
                finding(
                    path,
                    *doc.where((*where, "indicators", indicator_id)),
                    "NQ305",
                    field=f"tasks.{task_id}.indicators.{indicator_id}",
                    value=value,
                    range=span,
                )
            )
    return findings
