"""A submission check shown as text, JSON, GitHub annotations, or a Markdown summary (job summary, PR comment)."""

from __future__ import annotations

import json
from datetime import date
from typing import Literal

from nq43.check import reporters
from nq43.check.reporters import shown
from nq43.domain.catalogue import Lang
from nq43.domain.findings import Finding, Severity
from nq43.domain.records import Status
from nq43.submission.changes import Change
from nq43.submission.rules import Submission, SubmittedNote
from nq43.support.vietnamese import date_short, percent

CheckFormat = Literal["text", "json", "github", "markdown"]

_L = {
    "vi": {
        "title_ok": "nq43: bài nộp hợp lệ",
        "title_bad": "nq43: bài nộp chưa hợp lệ",
        "counts": "{errors} lỗi, {warnings} cảnh báo",
        "unit": "Đơn vị",
        "no_unit": "(không sửa thư mục của đơn vị nào)",
        "actor": "Người nộp",
        "not_checked": "không kiểm tra (không chạy trong CI, không có --actor)",
        "submitter": "có trong danh sách người nộp của đơn vị",
        "office": "tài khoản của Văn phòng, nộp thay đơn vị",
        "stranger": "KHÔNG có trong danh sách người nộp của đơn vị",
        "base": "So với",
        "files": "{n} tệp thay đổi",
        "note": "Ghi chú",
        "valid": "hợp lệ",
        "invalid": "chưa hợp lệ",
        "unreadable": "không đọc được",
        "prepared_by": "Người soạn",
        "submitted": "Ngày nộp",
        "issued": "Báo cáo quý này đã phát hành (số {number}, ngày {date}): thay đổi là đính chính.",
        "amendment": "Đính chính mới",
        "task": "Nhiệm vụ",
        "status": "Trạng thái",
        "progress": "Tiến độ",
        "not_reported": "(chưa báo)",
        "office_review": "Cần Văn phòng xem xét",
        "office_review_text": "Các tệp này không phải ghi chú của đơn vị; chỉ tài khoản của Văn phòng được sửa, "
        "và Văn phòng phải duyệt:",
        "findings": "Lỗi và cảnh báo",
        "file": "Tệp",
        "line": "Dòng",
        "code": "Mã",
        "level": "Mức",
        "message": "Nội dung",
        "hint": "Cách sửa",
        "no_notes": "Pull request này không nộp ghi chú quý nào.",
        "fetched": "Đã tải thêm lịch sử git",
        "other_units": "Pull request còn sửa thư mục của đơn vị khác",
        "result": "Kết quả",
        "passed": "đạt",
        "failed": "chưa đạt",
    },
    "en": {
        "title_ok": "nq43: the submission is acceptable",
        "title_bad": "nq43: the submission is not acceptable yet",
        "counts": "{errors} error(s), {warnings} warning(s)",
        "unit": "Unit",
        "no_unit": "(no unit's folder is changed)",
        "actor": "Submitted by",
        "not_checked": "not checked (not in CI, no --actor)",
        "submitter": "among the unit's submitters",
        "office": "an Office account, submitting for the unit",
        "stranger": "NOT among the unit's submitters",
        "base": "Compared with",
        "files": "{n} file(s) changed",
        "note": "Note",
        "valid": "valid",
        "invalid": "not valid",
        "unreadable": "unreadable",
        "prepared_by": "Prepared by",
        "submitted": "Submitted",
        "issued": "This quarter's report was issued (number {number}, {date}): the change is an amendment.",
        "amendment": "New amendment",
        "task": "Task",
        "status": "Status",
        "progress": "Progress",
        "not_reported": "(not reported)",
        "office_review": "For the Office to review",
        "office_review_text": "These files are not a unit's notes; only an Office account may change them, and the "
        "Office must review:",
        "findings": "Errors and warnings",
        "file": "File",
        "line": "Line",
        "code": "Code",
        "level": "Level",
        "message": "Message",
        "hint": "Fix",
        "no_notes": "This pull request submits no quarterly note.",
        "fetched": "Fetched missing git history",
        "other_units": "The pull request also changes the folders of other units",
        "result": "Result",
        "passed": "passed",
        "failed": "failed",
    },
}
_CHANGE = {
    "vi": {"A": "thêm mới", "M": "sửa", "D": "xoá", "R": "đổi tên", "C": "sao chép", "T": "đổi loại"},
    "en": {"A": "added", "M": "modified", "D": "deleted", "R": "renamed", "C": "copied", "T": "type changed"},
}
_LEVEL = {
    "vi": {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning"},
}


def _change(change: Change, lang: Lang) -> str:
    kind = _CHANGE[lang].get(change.status, change.status)
    return f"{kind} {shown(change.old_path)} →" if change.old_path else kind


def _unit_line(submission: Submission, lang: Lang) -> str:
    unit = submission.unit
    if unit is not None:
        return shown(f"{unit.number}. {unit.name} ({unit.id})")
    return shown(submission.unit_id) if submission.unit_id else _L[lang]["no_unit"]


def _actor_line(submission: Submission, lang: Lang) -> str:
    if submission.actor is None or submission.actor_role == "not-checked":
        return _L[lang]["not_checked"]
    return f"{shown(submission.actor.login)} — {_L[lang][submission.actor_role]}"


def _note_state(item: SubmittedNote, lang: Lang) -> str:
    if item.checked.note is None:
        return _L[lang]["unreadable"]
    return _L[lang]["valid" if item.checked.valid else "invalid"]


def _status_label(status: Status, lang: Lang) -> str:
    return status.label if lang == "vi" else status.label_en


def _progress(value: float | None, lang: Lang) -> str:
    if value is None:
        return "—"
    return percent(value) if lang == "vi" else f"{value:g}%"


def _day(value: date | None, lang: Lang) -> str:
    if value is None:
        return "—"
    return date_short(value) if lang == "vi" else value.isoformat()


def result_line(submission: Submission, lang: Lang = "vi", strict: bool = False) -> str:
    labels = _L[lang]
    verdict = labels["failed"] if submission.failed(strict) else labels["passed"]
    counts = labels["counts"].format(errors=submission.errors, warnings=submission.warnings)
    return f"{labels['result']}: {verdict} ({counts})."


def text(submission: Submission, lang: Lang = "vi") -> str:
    """The overview, one fact a line, then every finding as `nq43 validate` prints it."""
    labels = _L[lang]
    changes = submission.changes
    out = [
        f"{labels['base']}: {shown(changes.base)} ({labels['files'].format(n=len(changes.changes))})",
        f"{labels['unit']}: {_unit_line(submission, lang)}",
        f"{labels['actor']}: {_actor_line(submission, lang)}",
    ]
    if submission.other_units:
        out.append(f"{labels['other_units']}: {shown(', '.join(submission.other_units))}")
    for item in submission.notes:
        out.append(f"{labels['note']}: {shown(item.path)} ({_change(item.change, lang)}) — {_note_state(item, lang)}")
    if not submission.notes:
        out.append(labels["no_notes"])
    if submission.office_review:
        out.append(f"{labels['office_review']}:")
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
        labels = _L[lang]
        listed = "\n".join(f"- {shown(c.path)} ({_change(c, lang)})" for c in submission.office_review)
        body = _escape_data(labels["office_review_text"] + "\n" + listed)
        out += f"::notice title={labels['office_review']}::{body}\n"
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
    labels = _L[lang]
    failed = submission.failed(strict)
    counts = labels["counts"].format(errors=submission.errors, warnings=submission.warnings)
    title = f"{'❌' if failed else '✅'} {labels['title_bad' if failed else 'title_ok']} ({counts})"
    changes = submission.changes
    out = [
        f"## {title}",
        "",
        "| | |",
        "|---|---|",
        f"| {labels['unit']} | {_cell(_unit_line(submission, lang))} |",
        f"| {labels['actor']} | {_cell(_actor_line(submission, lang))} |",
        f"| {labels['base']} | {_code(changes.base)} ({labels['files'].format(n=len(changes.changes))}) |",
    ]
    if submission.other_units:
        out.append(f"| {labels['other_units']} | {_cell(', '.join(submission.other_units))} |")
    if changes.fetched:
        out.append(f"| {labels['fetched']} | {_cell('; '.join(changes.fetched))} |")
    out.append("")
    if not submission.notes:
        out += [labels["no_notes"], ""]
    for item in submission.notes:
        note = item.checked.note
        quarter = note.quarter if note is not None else None
        heading = f"### {labels['note']} "
        if quarter is not None:
            heading += (quarter.label() if lang == "vi" else str(quarter)) + " — "
        heading += f"{_code(item.path)} ({_change(item.change, lang)})"
        out += [heading, ""]
        facts = [f"**{_note_state(item, lang)}**"]
        if note is not None:
            if note.prepared_by:
                facts.append(f"{labels['prepared_by']}: {_cell(note.prepared_by)}")
            facts.append(f"{labels['submitted']}: {_day(note.submitted, lang)}")
        out += [" · ".join(facts), ""]
        if item.issued is not None:
            issued_on = _day(item.issued.issued_on, lang)
            out += [labels["issued"].format(number=_cell(item.issued.number), date=issued_on), ""]
        for amendment in item.amendments:
            out += [f"- {labels['amendment']} ({_day(amendment.date, lang)}): {_cell(amendment.reason)}"]
        if item.amendments:
            out.append("")
        if note is not None:
            tasks = submission.directive.tasks_of(note.unit)
            if tasks:
                out += [f"| {labels['task']} | {labels['status']} | {labels['progress']} |", "|---|---|---:|"]
                for task in tasks:
                    report = note.tasks.get(task.id)
                    status = _status_label(report.status, lang) if report else labels["not_reported"]
                    progress = _progress(report.progress, lang) if report else "—"
                    out.append(f"| {task.id}. {_cell(task.title)} | {status} | {progress} |")
                out.append("")
    if submission.office_review:
        out += [f"### {labels['office_review']}", "", labels["office_review_text"], ""]
        out += [f"- {_code(c.path)} ({_change(c, lang)})" for c in submission.office_review]
        out.append("")
    if submission.findings:
        out += [f"### {labels['findings']} ({len(submission.findings)})", ""]
        out += [
            "| " + " | ".join(labels[k] for k in ("file", "line", "code", "level", "message", "hint")) + " |",
            "|---|---:|---|---|---|---|",
        ]
        out += [_finding_row(f, lang) for f in submission.findings]
        out.append("")
    return "\n".join(out)


def _finding_row(f: Finding, lang: Lang) -> str:
    return (
        f"| {_code(f.path)} | {f.line} | {f.code} | {_LEVEL[lang][f.severity]} | {_cell(f.message(lang))} | "
        f"{_cell(f.hint(lang))} |"
    )


def render(submission: Submission, fmt: CheckFormat, lang: Lang = "vi", strict: bool = False) -> str:
    if fmt == "text":
        return text(submission, lang)
    if fmt == "json":
        return json_text(submission, lang, strict)
    if fmt == "github":
        return github(submission, lang)
    return markdown(submission, lang, strict)
