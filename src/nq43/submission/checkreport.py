"""A submission check shown as text, JSON, GitHub annotations, or a Markdown summary (job summary, PR comment)."""

from __future__ import annotations

import json
from datetime import date
from typing import Literal

from nq43.check import reporters
from nq43.check.reporters import shown
from nq43.domain.findings import Finding
from nq43.domain.vocabulary import Status
from nq43.submission.changes import Change
from nq43.submission.rules import Submission, SubmittedNote
from nq43.support.text import Lang, Text
from nq43.support.vietnamese import date_short, percent

CheckFormat = Literal["text", "json", "github", "markdown"]

_L: dict[str, Text] = {
    "title_ok": Text("nq43: bài nộp hợp lệ", "nq43: the submission is acceptable"),
    "title_bad": Text("nq43: bài nộp chưa hợp lệ", "nq43: the submission is not acceptable yet"),
    "counts": Text("{errors} lỗi, {warnings} cảnh báo", "{errors} error(s), {warnings} warning(s)"),
    "unit": Text("Đơn vị", "Unit"),
    "no_unit": Text("(không sửa thư mục của đơn vị nào)", "(no unit's folder is changed)"),
    "actor": Text("Người nộp", "Submitted by"),
    "not_checked": Text(
        "không kiểm tra (không biết người mở pull request: chạy ngoài CI hoặc CI không cho biết; thêm --actor)",
        "not checked (the pull request's author is unknown: not in CI, or the CI does not say; add --actor)",
    ),
    "not_office": Text("không có trong danh sách của Văn phòng", "not among the Office's accounts"),
    "submitter": Text("có trong danh sách người nộp của đơn vị", "among the unit's submitters"),
    "office": Text("tài khoản của Văn phòng, nộp thay đơn vị", "an Office account, submitting for the unit"),
    "stranger": Text("KHÔNG có trong danh sách người nộp của đơn vị", "NOT among the unit's submitters"),
    "base": Text("So với", "Compared with"),
    "files": Text("{n} tệp thay đổi", "{n} file(s) changed"),
    "note": Text("Ghi chú", "Note"),
    "valid": Text("hợp lệ", "valid"),
    "invalid": Text("chưa hợp lệ", "not valid"),
    "unreadable": Text("không đọc được", "unreadable"),
    "prepared_by": Text("Người soạn", "Prepared by"),
    "submitted": Text("Ngày nộp", "Submitted"),
    "issued": Text(
        "Báo cáo quý này đã phát hành (số {number}, ngày {date}): thay đổi là đính chính.",
        "This quarter's report was issued (number {number}, {date}): the change is an amendment.",
    ),
    "amendment": Text("Đính chính mới", "New amendment"),
    "task": Text("Nhiệm vụ", "Task"),
    "status": Text("Trạng thái", "Status"),
    "progress": Text("Tiến độ", "Progress"),
    "not_reported": Text("(chưa báo)", "(not reported)"),
    "office_review": Text("Cần Văn phòng xem xét", "For the Office to review"),
    "office_review_text": Text(
        "Các tệp này không phải ghi chú của đơn vị; chỉ tài khoản của Văn phòng được sửa, và Văn phòng phải duyệt:",
        "These files are not a unit's notes; only an Office account may change them, and the Office must review:",
    ),
    "findings": Text("Lỗi và cảnh báo", "Errors and warnings"),
    "file": Text("Tệp", "File"),
    "line": Text("Dòng", "Line"),
    "code": Text("Mã", "Code"),
    "level": Text("Mức", "Level"),
    "message": Text("Nội dung", "Message"),
    "hint": Text("Cách sửa", "Fix"),
    "no_notes": Text("Pull request này không nộp ghi chú quý nào.", "This pull request submits no quarterly note."),
    "fetched": Text("Đã tải thêm lịch sử git", "Fetched missing git history"),
    "other_units": Text(
        "Pull request còn sửa thư mục của đơn vị khác", "The pull request also changes the folders of other units"
    ),
    "result": Text("Kết quả", "Result"),
    "passed": Text("đạt", "passed"),
    "failed": Text("chưa đạt", "failed"),
}
_CHANGE = {
    "A": Text("thêm mới", "added"),
    "M": Text("sửa", "modified"),
    "D": Text("xoá", "deleted"),
    "R": Text("đổi tên", "renamed"),
    "C": Text("sao chép", "copied"),
    "T": Text("đổi loại", "type changed"),
}


def _w(key: str, lang: Lang, **args: object) -> str:
    return _L[key].get(lang, **args)


def _change(change: Change, lang: Lang) -> str:
    known = _CHANGE.get(change.status)
    kind = known.get(lang) if known else change.status
    return f"{kind} {shown(change.old_path)} →" if change.old_path else kind


def _unit_line(submission: Submission, lang: Lang) -> str:
    unit = submission.unit
    if unit is not None:
        return shown(f"{unit.number}. {unit.name} ({unit.id})")
    return shown(submission.unit_id) if submission.unit_id else _w("no_unit", lang)


def _actor_line(submission: Submission, lang: Lang) -> str:
    if submission.actor is None or submission.actor_role == "not-checked":
        return _w("not_checked", lang)
    # with no unit's folder changed, a stranger is judged against the Office's list only
    role = "not_office" if submission.actor_role == "stranger" and submission.unit_id is None else submission.actor_role
    return f"{shown(submission.actor.login)} — {_w(role, lang)}"


def _note_state(item: SubmittedNote, lang: Lang) -> str:
    if item.checked.note is None:
        return _w("unreadable", lang)
    return _w("valid" if item.checked.valid else "invalid", lang)


def _status_label(status: Status, lang: Lang) -> str:
    return status.label.get(lang)


def _progress(value: float | None, lang: Lang) -> str:
    if value is None:
        return "—"
    return percent(value) if lang == "vi" else f"{value:g}%"


def _day(value: date | None, lang: Lang) -> str:
    if value is None:
        return "—"
    return date_short(value) if lang == "vi" else value.isoformat()


def result_line(submission: Submission, lang: Lang = "vi", strict: bool = False) -> str:
    verdict = _w("failed", lang) if submission.failed(strict) else _w("passed", lang)
    counts = _w("counts", lang, errors=submission.errors, warnings=submission.warnings)
    return f"{_w('result', lang)}: {verdict} ({counts})."


def text(submission: Submission, lang: Lang = "vi") -> str:
    """The overview, one fact a line, then every finding as `nq43 validate` prints it."""
    changes = submission.changes
    out = [
        f"{_w('base', lang)}: {shown(changes.base)} ({_w('files', lang, n=len(changes.changes))})",
        f"{_w('unit', lang)}: {_unit_line(submission, lang)}",
        f"{_w('actor', lang)}: {_actor_line(submission, lang)}",
    ]
    if submission.other_units:
        out.append(f"{_w('other_units', lang)}: {shown(', '.join(submission.other_units))}")
    for item in submission.notes:
        out.append(f"{_w('note', lang)}: {shown(item.path)} ({_change(item.change, lang)}) — {_note_state(item, lang)}")
    if not submission.notes:
        out.append(_w("no_notes", lang))
    if submission.office_review:
        out.append(f"{_w('office_review', lang)}:")
        out += [f"  - {shown(c.path)} ({_change(c, lang)})" for c in submission.office_review]
    body = "\n".join(out) + "\n"
    if submission.findings:
        body += "\n" + reporters.text(submission.findings, lang)
    return body


def _note_dict(item: SubmittedNote, submission: Submission, lang: Lang) -> dict[str, object]:
    note = item.checked.note
    tasks = []
    if note is not None:
        for task in submission.directive.tasks_of(note.unit):
            report = note.tasks.get(task.id)
            tasks.append(
                {
                    "id": task.id,
                    "title": task.title,
                    "status": report.status.value if report else None,
                    "status_label": _status_label(report.status, lang) if report else None,
                    "progress": report.progress if report else None,
                }
            )
    return {
        "path": shown(item.path),
        "change": item.change.status,
        "old_path": shown(item.change.old_path) if item.change.old_path else None,
        "valid": item.checked.valid,
        "unit": note.unit if note else None,
        "quarter": str(note.quarter) if note and note.quarter else None,
        "prepared_by": note.prepared_by if note else None,
        "submitted": note.submitted.isoformat() if note and note.submitted else None,
        "sample": note.sample if note else None,
        "tasks": tasks,
        "issued": (
            {"number": item.issued.number, "issued_on": item.issued.issued_on.isoformat()} if item.issued else None
        ),
        "amendments": [{"date": a.date.isoformat(), "reason": a.reason} for a in item.amendments],
    }


def json_text(submission: Submission, lang: Lang = "vi", strict: bool = False) -> str:
    changes = submission.changes
    unit = submission.unit
    data = {
        "ok": not submission.failed(strict),
        "base": changes.base,
        "base_commit": changes.base_commit,
        "merge_base": changes.merge_base,
        "head_commit": changes.head_commit,
        "fetched": list(changes.fetched),
        "unit": {"id": unit.id, "number": unit.number, "name": unit.name}
        if unit
        else ({"id": submission.unit_id} if submission.unit_id else None),
        "other_units": list(submission.other_units),
        "actor": {"login": submission.actor.login, "service": submission.actor.service, "role": submission.actor_role}
        if submission.actor
        else None,
        "changes": [
            {"status": c.status, "path": shown(c.path), "old_path": shown(c.old_path) if c.old_path else None}
            for c in changes.changes
        ],
        "notes": [_note_dict(n, submission, lang) for n in submission.notes],
        "office_review": [shown(c.path) for c in submission.office_review],
        "errors": submission.errors,
        "warnings": submission.warnings,
        "findings": reporters.as_dicts(submission.findings, lang),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github(submission: Submission, lang: Lang = "vi") -> str:
    """An annotation on the line of each finding, and one notice naming the files the Office must review."""
    out = reporters.github(submission.findings, lang)
    if submission.office_review:
        listed = "\n".join(f"- {shown(c.path)} ({_change(c, lang)})" for c in submission.office_review)
        body = _escape_data(_w("office_review_text", lang) + "\n" + listed)
        out += f"::notice title={_w('office_review', lang)}::{body}\n"
    return out


# Characters that make Markdown inline markup (emphasis, code, links, strike-through, tables, escapes).
_MARKDOWN_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]~|"})


def _cell(value: object) -> str:
    """Text that stays inside one Markdown table cell, list item or heading and cannot inject markup into the
    page: hidden and control characters written as escapes (no line break survives), HTML characters as
    entities, Markdown's own characters escaped."""
    text = shown(str(value)).translate(_MARKDOWN_SPECIAL)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _code(value: str) -> str:
    """A path as inline code: escapes for hidden characters (no line break survives), no backtick to close the
    span early, and no bare `|` to split a table row."""
    return "`" + shown(value).replace("`", "'").replace("|", "\\|") + "`"


def markdown(submission: Submission, lang: Lang = "vi", strict: bool = False) -> str:
    """The summary a reviewer reads: what was submitted, for which unit and quarter, each task's status, findings."""
    failed = submission.failed(strict)
    counts = _w("counts", lang, errors=submission.errors, warnings=submission.warnings)
    title = f"{'❌' if failed else '✅'} {_w('title_bad' if failed else 'title_ok', lang)} ({counts})"
    changes = submission.changes
    out = [
        f"## {title}",
        "",
        "| | |",
        "|---|---|",
        f"| {_w('unit', lang)} | {_cell(_unit_line(submission, lang))} |",
        f"| {_w('actor', lang)} | {_cell(_actor_line(submission, lang))} |",
        f"| {_w('base', lang)} | {_code(changes.base)} ({_w('files', lang, n=len(changes.changes))}) |",
    ]
    if submission.other_units:
        out.append(f"| {_w('other_units', lang)} | {_cell(', '.join(submission.other_units))} |")
    if changes.fetched:
        out.append(f"| {_w('fetched', lang)} | {_cell('; '.join(changes.fetched))} |")
    out.append("")
    if not submission.notes:
        out += [_w("no_notes", lang), ""]
    for item in submission.notes:
        note = item.checked.note
        quarter = note.quarter if note is not None else None
        heading = f"### {_w('note', lang)} "
        if quarter is not None:
            heading += (quarter.label() if lang == "vi" else str(quarter)) + " — "
        heading += f"{_code(item.path)} ({_change(item.change, lang)})"
        out += [heading, ""]
        facts = [f"**{_note_state(item, lang)}**"]
        if note is not None:
            if note.prepared_by:
                facts.append(f"{_w('prepared_by', lang)}: {_cell(note.prepared_by)}")
            facts.append(f"{_w('submitted', lang)}: {_day(note.submitted, lang)}")
        out += [" · ".join(facts), ""]
        if item.issued is not None:
            issued_on = _day(item.issued.issued_on, lang)
            out += [_w("issued", lang, number=_cell(item.issued.number), date=issued_on), ""]
        for amendment in item.amendments:
            out += [f"- {_w('amendment', lang)} ({_day(amendment.date, lang)}): {_cell(amendment.reason)}"]
        if item.amendments:
            out.append("")
        if note is not None:
            tasks = submission.directive.tasks_of(note.unit)
            if tasks:
                out += [f"| {_w('task', lang)} | {_w('status', lang)} | {_w('progress', lang)} |", "|---|---|---:|"]
                for task in tasks:
                    report = note.tasks.get(task.id)
                    status = _status_label(report.status, lang) if report else _w("not_reported", lang)
                    progress = _progress(report.progress, lang) if report else "—"
                    out.append(f"| {task.id}. {_cell(task.title)} | {status} | {progress} |")
                out.append("")
    if submission.office_review:
        out += [f"### {_w('office_review', lang)}", "", _w("office_review_text", lang), ""]
        out += [f"- {_code(c.path)} ({_change(c, lang)})" for c in submission.office_review]
        out.append("")
    if submission.findings:
        out += [f"### {_w('findings', lang)} ({len(submission.findings)})", ""]
        out += [
            "| " + " | ".join(_w(k, lang) for k in ("file", "line", "code", "level", "message", "hint")) + " |",
            "|---|---:|---|---|---|---|",
        ]
        out += [_finding_row(f, lang) for f in submission.findings]
        out.append("")
    return "\n".join(out)


def _finding_row(f: Finding, lang: Lang) -> str:
    level = reporters.severity_label(f.severity, lang)
    line = _cell(f.where(lang)) if f.on_form else f.line  # a Word form has no lines: the place in words
    return f"| {_code(f.path)} | {line} | {f.code} | {level} | {_cell(f.message(lang))} | {_cell(f.hint(lang))} |"


def render(submission: Submission, fmt: CheckFormat, lang: Lang = "vi", strict: bool = False) -> str:
    if fmt == "text":
        return text(submission, lang)
    if fmt == "json":
        return json_text(submission, lang, strict)
    if fmt == "github":
        return github(submission, lang)
    return markdown(submission, lang, strict)
