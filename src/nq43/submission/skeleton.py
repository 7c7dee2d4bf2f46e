"""The skeleton of a unit's quarterly note (`nq43 new`): front matter and headings, ready to fill in.

A unit's tasks go on from quarter to quarter, so the skeleton starts from the unit's previous note: each task's
status, progress, completion date and indicator values are carried forward and marked to be updated. The day of
submission is left for the unit to write when it submits. A quarter whose report is already issued gets a note
that its skeleton is an amendment and needs `amends:`.
"""

from __future__ import annotations

from pathlib import Path

from nq43.domain.records import Directive, Note, Quarter, Task, TaskReport, Unit
from nq43.domain.vocabulary import Status
from nq43.load.issued import IssueRecord
from nq43.load.layout import UNITS_DIR, note_names
from nq43.load.notes import DIFFICULTIES, NEXT_QUARTER_HEADING, PROPOSALS, RESULTS, read_note

AMENDS_EXAMPLE = 'amends: [{date: YYYY-MM-DD, reason: "..."}]'


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _number(value: float) -> str:
    """A number as the unit would write it: 60, 72.5."""
    return str(int(value)) if value.is_integer() else repr(value)


def previous_note(root: Path, unit_id: str, quarter: Quarter) -> Note | None:
    """The unit's note of the latest quarter before `quarter` that can be read, None when there is none."""
    folder = root / UNITS_DIR / unit_id
    earlier: list[tuple[Quarter, Path]] = []
    for file in folder.iterdir() if folder.is_dir() else ():
        try:
            found = Quarter.parse(file.stem)
        except ValueError:
            continue
        if found < quarter and file.name in note_names(found):
            earlier.append((found, file))
    for _, file in sorted(earlier, reverse=True):
        note = read_note(file, f"{UNITS_DIR}/{unit_id}/{file.name}", inside=root / "data").note
        if note is not None:
            return note
    return None


def opening(task: Task, before: TaskReport | None) -> TaskReport:
    """What a new note starts with for `task`: what the unit's last note said of it (`before`), else a recurring
    task as recurring and any other in progress at 0 %."""
    if before is not None:
        return before
    if task.recurring:
        return TaskReport(task.id, Status.RECURRING)
    return TaskReport(task.id, Status.IN_PROGRESS, progress=0.0)


def _carried(what: str, quarter: Quarter | None) -> str:
    """The mark on a carried value: where it came from, and that it is to be updated."""
    return f"quý {quarter}: {what} — cập nhật"


def _task_lines(directive: Directive, task: Task, before: TaskReport | None, since: Quarter | None) -> list[str]:
    task_id = task.id
    choices = " | ".join(s.value for s in Status)
    if before is None:
        first = opening(task, None)
        lines = [f"    status: {first.status}  # {choices}"]
        if first.progress is not None:
            lines.append(f"    progress: {_number(first.progress)}  # tiến độ, phần trăm")
    else:
        lines = [f"    status: {before.status}  # {_carried(before.status, since)} ({choices})"]
        if before.progress is not None:
            value = _number(before.progress)
            lines.append(f"    progress: {value}  # {_carried(value, since)}; tiến độ, phần trăm")
        if before.completed is not None:
            lines.append(f"    completed: {before.completed.isoformat()}  # ngày hoàn thành, ghi ở quý {since}")
    indicators = directive.indicators_of(task_id)
    kept = before.indicators if before is not None else {}
    if any(i.id in kept for i in indicators):
        lines.append("    indicators:  # chỉ tiêu: ghi số liệu của quý")
    elif indicators:
        lines.append("    # indicators:  # chỉ tiêu: bỏ dấu # ở đầu dòng này và dòng chỉ tiêu, ghi số liệu của quý")
    for i in indicators:
        if i.id in kept:
            value = _number(kept[i.id])
            lines.append(f"      {i.id}: {value}  # {_carried(value, since)}; {i.name} ({i.measure})")
        else:
            lines.append(f"    #   {i.id}: 0  # {i.name} ({i.measure})")
    return lines


def skeleton(
    directive: Directive,
    unit: Unit,
    quarter: Quarter,
    prepared_by: str = "",
    *,
    previous: Note | None = None,
    issued: IssueRecord | None = None,
) -> str:
    """Markdown with YAML front matter listing every task of `unit`, each with the headings the format asks.

    `previous` is the unit's last note (its values are carried forward, marked), `issued` the quarter's issue
    record when its report has already been issued (the note is then an amendment)."""
    tasks = directive.tasks_of(unit.id)
    lines = [
        "---",
        f"# Ghi chú quý của {unit.name}: điền các trường dưới đây, rồi viết nội dung từng nhiệm vụ.",
        "# Hướng dẫn: docs/ghi-chu-quy.md. Kiểm tra: nq43 validate " + f"data/units/{unit.id}/{quarter}.md",
    ]
    if previous is not None:
        lines.append(
            f"# Trạng thái, tiến độ và chỉ tiêu chép từ ghi chú quý {previous.quarter} ({previous.path}): "
            'sửa theo thực tế quý này mọi dòng ghi "— cập nhật".'
        )
    lines += [
        f"unit: {unit.id}",
        f"quarter: {quarter}",
        f"prepared_by: {_quoted(prepared_by)}  # họ tên người soạn",
        "submitted:  # ngày nộp, ghi khi nộp, dạng NĂM-THÁNG-NGÀY",
    ]
    if issued is not None:
        lines += [
            f"# Báo cáo {issued.period.label()} đã phát hành (số {issued.number}, ngày {issued.issued_on.isoformat()}):"
            ' ghi chú này là đính chính, phải có "amends:".',
            "# Bỏ dấu # ở dòng dưới, ghi ngày sửa (NĂM-THÁNG-NGÀY) và lý do:",
            f"# {AMENDS_EXAMPLE}",
        ]
    lines.append("tasks:")
    for task in tasks:
        before = previous.tasks.get(task.id) if previous is not None else None
        since = previous.quarter if previous is not None else None
        lines.append(f"  {_quoted(task.id)}:")
        lines += _task_lines(directive, task, before, since)
    lines += ["---", ""]
    for task in tasks:
        lines += [
            f"## {task.id}. {task.title}",
            "",
            f"### {RESULTS}",
            "",
            "<!-- Kết quả thực hiện trong quý: việc đã làm, số liệu, văn bản đã ban hành. -->",
            "",
            f"### {DIFFICULTIES}",
            "",
            f"### {PROPOSALS}",
            "",
        ]
    lines += [f"## {NEXT_QUARTER_HEADING}", "", "<!-- Những việc đơn vị sẽ tập trung làm trong quý tới. -->", ""]
    return "\n".join(lines)
