"""What an amendment of an issued report says, as plain data: what changed in each unit's note since the last
issued document of the chain (the report, or its latest amendment), and the documents it cites.

Pure: it reads nothing and writes nothing (`amend` reads the notes and writes the document).

The kind (documented in docs/mau-bao-cao.md): a correcting report ("Báo cáo đính chính") when a note the chain
already used changes a figure (a task's status, progress or an indicator value); otherwise (a unit that reported
after the issue, or a change of wording only) a supplementary report ("Báo cáo bổ sung").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import NamedTuple

from nq43.domain.records import Amendment, Directive, Indicator, Note, TaskReport
from nq43.domain.vocabulary import Standing
from nq43.load.issued import IssueRecord
from nq43.report.document import Markdown
from nq43.report.markdownwrite import normalise
from nq43.support.vietnamese import date_short, number, percent

SUPPLEMENT = "bo-sung"
CORRECTION = "dinh-chinh"
KIND_WORDS = {SUPPLEMENT: "bổ sung", CORRECTION: "đính chính"}
LATE_REASON = "Đơn vị gửi báo cáo sau khi báo cáo đã được ban hành"
TEXT_CHANGED = "nội dung được sửa (xem dưới đây)"


class Change(NamedTuple):
    """One figure of one task, as issued and as it is now."""

    unit_name: str
    unit_short_name: str
    task_id: str
    task_title: str
    what: str  # "Tình hình thực hiện", "Tiến độ", "Chỉ tiêu: <tên> (<đơn vị tính>)", "Kết quả thực hiện"
    before: str
    after: str
    figure: bool  # a status, progress or indicator (what makes a correction)


class TaskText(NamedTuple):
    id: str
    title: str
    results: Markdown


class Reason(NamedTuple):
    date: date | None
    date_text: str
    reason: str


class UnitChange(NamedTuple):
    id: str
    name: str
    short_name: str
    note_path: str
    late: bool  # the note was not in the last issued document
    reasons: tuple[Reason, ...]
    changes: tuple[Change, ...]
    texts: tuple[TaskText, ...]  # tasks whose results are new or reworded, with the text as it is now


class CitedDocument(NamedTuple):
    number_text: str  # "05/BC-BQL"
    date: date
    date_text: str  # "10/3/2025"
    title: str  # "" for the report itself, "bổ sung" or "đính chính" for an amendment


class AmendmentInfo(NamedTuple):
    """The `amendment` variable of report-amend.md.j2 (documented in docs/mau-bao-cao.md)."""

    kind: str  # "bo-sung" or "dinh-chinh"
    title: str  # "bổ sung" or "đính chính"
    title_cap: str  # "Bổ sung" or "Đính chính"
    title_upper: str  # "BỔ SUNG" or "ĐÍNH CHÍNH"
    sequence: int  # 1 for the first amendment of the report
    original: CitedDocument
    previous: tuple[CitedDocument, ...]  # earlier amendments, oldest first
    units: tuple[UnitChange, ...]
    changes: tuple[Change, ...]  # every unit's changes, in order (the appendix)


def cited(record: IssueRecord, symbol: str) -> tuple[CitedDocument, tuple[CitedDocument, ...]]:
    """The issued report and its earlier amendments as the amendment cites them."""
    original = CitedDocument(f"{record.number}/{symbol}", record.issued_on, date_short(record.issued_on), "")
    previous = tuple(
        CitedDocument(f"{a.number}/{symbol}", a.issued_on, date_short(a.issued_on), KIND_WORDS.get(a.kind, a.kind))
        for a in record.amendments
    )
    return original, previous


def unit_change(directive: Directive, before: Note | None, after: Note) -> UnitChange:
    """What changed in a unit's note: `before` is the version the last issued document used (None: it had none)."""
    unit = directive.unit(after.unit)
    name = unit.name if unit is not None else after.unit
    short = (unit.short_name or unit.name) if unit is not None else after.unit
    indicators = {i.id: i for i in directive.indicators}
    changes: list[Change] = []
    texts: list[TaskText] = []
    for task in directive.tasks_of(after.unit):
        old, new = (before.tasks.get(task.id) if before else None), after.tasks.get(task.id)
        rows = _figures(old, new, indicators)
        changes += [Change(name, short, task.id, task.title, what, b, a, True) for what, b, a in rows]
        old_text = _results(before, task.id)
        new_text = _results(after, task.id)
        if new_text != old_text and new_text:
            texts.append(TaskText(task.id, task.title, new_text))
            if before is not None:
                changes.append(Change(name, short, task.id, task.title, "Kết quả thực hiện", "", TEXT_CHANGED, False))
    reasons = tuple(_reason(a) for a in new_amendments(before, after)) or (Reason(None, "", LATE_REASON),)
    return UnitChange(after.unit, name, short, after.path, before is None, reasons, tuple(changes), tuple(texts))


def new_amendments(before: Note | None, after: Note) -> tuple[Amendment, ...]:
    """The `amends:` entries the note has gained since the issued version."""
    earlier = before.amends if before is not None else ()
    return tuple(a for a in after.amends if a not in earlier)


def kind_of(units: Sequence[UnitChange]) -> str:
    """A correction when a note already used changes a figure, else a supplement (see the module's text)."""
    corrects = any(not u.late and any(c.figure for c in u.changes) for u in units)
    return CORRECTION if corrects else SUPPLEMENT


def amendment_info(
    kind: str, sequence: int, original: CitedDocument, previous: tuple[CitedDocument, ...], units: Sequence[UnitChange]
) -> AmendmentInfo:
    word = KIND_WORDS[kind]
    return AmendmentInfo(
        kind,
        word,
        word[:1].upper() + word[1:],
        word.upper(),
        sequence,
        original,
        previous,
        tuple(units),
        tuple(c for u in units for c in u.changes),
    )


def _reason(amendment: Amendment) -> Reason:
    return Reason(amendment.date, date_short(amendment.date), amendment.reason)


def _results(note: Note | None, task_id: str) -> Markdown:
    section = note.section(task_id) if note is not None else None
    return normalise(section.results) if section is not None else Markdown("")


def _figures(
    old: TaskReport | None, new: TaskReport | None, indicators: Mapping[str, Indicator]
) -> list[tuple[str, str, str]]:
    """The status, progress and indicator values that differ, as (what, before, after) texts."""
    not_reported = Standing.NOT_REPORTED.label.vi
    rows: list[tuple[str, str, str]] = []
    status_before = old.status.label.vi if old is not None else not_reported
    status_after = new.status.label.vi if new is not None else not_reported
    if status_before != status_after:
        rows.append(("Tình hình thực hiện", status_before, status_after))
    progress_before = _percent(old.progress if old is not None else None)
    progress_after = _percent(new.progress if new is not None else None)
    if progress_before != progress_after:
        rows.append(("Tiến độ", progress_before, progress_after))
    values_before = dict(old.indicators) if old is not None else {}
    values_after = dict(new.indicators) if new is not None else {}
    for key in sorted(set(values_before) | set(values_after)):
        b, a = values_before.get(key), values_after.get(key)
        if b != a:
            indicator = indicators.get(key)
            label = f"Chỉ tiêu: {indicator.name} ({indicator.measure})" if indicator is not None else f"Chỉ tiêu: {key}"
            rows.append((label, _number(b), _number(a)))
    return rows


def _percent(value: float | None) -> str:
    return percent(value) if value is not None else "không ghi"


def _number(value: float | None) -> str:
    return number(value) if value is not None else "không ghi"
