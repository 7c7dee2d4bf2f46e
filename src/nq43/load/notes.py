"""Read a quarterly note: front matter (YAML, checked against the schema) and body sections (Markdown)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from markdown_it import MarkdownIt

from nq43.domain.findings import Finding, finding, has_errors
from nq43.domain.records import Amendment, Note, Quarter, Section, TaskReport
from nq43.domain.vocabulary import Status
from nq43.load import schema
from nq43.load.docxsafety import inspect_docx
from nq43.load.formread import UnreadableForm, form_text
from nq43.load.formwords import Place, form_args
from nq43.load.layout import is_form
from nq43.load.limits import MAX_TABLE_COLUMNS
from nq43.load.source import Source, check_text, read_bytes, read_source
from nq43.load.yamlload import YamlDoc, load_yaml
from nq43.support.vietnamese import slug

FENCE = "---"
NEXT_QUARTER_SLUG = "nhiem-vu-trong-tam-quy-toi"
NEXT_QUARTER_HEADING = "Nhiệm vụ trọng tâm quý tới"
RESULTS, DIFFICULTIES, PROPOSALS = "Kết quả", "Khó khăn, vướng mắc", "Kiến nghị, đề xuất"
_SUBSECTIONS = {
    "ket-qua": "results",
    "ket-qua-thuc-hien": "results",
    "kho-khan-vuong-mac": "difficulties",
    "kho-khan": "difficulties",
    "ton-tai-han-che": "difficulties",
    "kien-nghi-de-xuat": "proposals",
    "kien-nghi": "proposals",
    "de-xuat": "proposals",
}
_TASK_HEADING = re.compile(r"(?P<id>\d+\.\d+)\.?(?:\s+(?P<title>.*))?")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def parse_date(text: object) -> date | None:
    """A real calendar date from "YYYY-MM-DD", or None (2025-02-30 is None)."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


class FrontMatter(NamedTuple):
    yaml_text: str
    body: str
    body_offset: int  # lines of the file before the body


def split_front_matter(text: str, path: str) -> tuple[FrontMatter | None, list[Finding]]:
    """Cut the YAML between the first two "---" lines from the Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return None, [finding(path, 1, 1, "NQ201")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return FrontMatter("\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 1), []
    return None, [finding(path, 1, 1, "NQ202")]


@cache
def _markdown() -> Any:
    # Only the block structure is read here (which lines are headings); inline parsing (emphasis, links in
    # every paragraph) would double the cost for nothing, and the report parses each section to render it.
    return MarkdownIt("commonmark").enable("table").disable("inline")


def _headings(tokens: list[Any]) -> list[tuple[int, int, str]]:
    """Level, body line and text of every "##" and "###" heading, as CommonMark reads them (none in code)."""
    return [
        (int(tok.tag[1]), tok.map[0], inline.content.strip())
        for tok, inline in pairwise(tokens)
        if tok.type == "heading_open" and tok.tag in ("h2", "h3") and tok.map is not None
    ]


def _wide_tables(tokens: list[Any], offset: int, path: str) -> list[Finding]:
    """NQ510 for each table with more columns than a landscape A4 page holds, on the table's first line."""
    findings: list[Finding] = []
    start: int | None = None
    columns = 0
    for tok in tokens:
        if tok.type == "table_open" and tok.map is not None:
            start, columns = tok.map[0], 0
        elif tok.type == "th_open":
            columns += 1
        elif tok.type == "thead_close" and start is not None:
            if columns > MAX_TABLE_COLUMNS:
                line = start + 1 + offset
                findings.append(finding(path, line, 1, "NQ510", columns=columns, limit=MAX_TABLE_COLUMNS))
            start = None
    return findings


class Body(NamedTuple):
    sections: tuple[Section, ...]
    next_quarter: str
    headings: tuple[tuple[str, int], ...]  # every "## " heading's text and file line, for cross-checks


def _content(lines: list[str], start: int, end: int) -> str:
    return "\n".join(lines[start:end]).strip("\n").rstrip()


def is_blank(markdown: str) -> bool:
    """True when Markdown holds nothing but white space and HTML comments (a skeleton's placeholders)."""
    return not _COMMENT.sub("", markdown).strip()


def parse_body(body: str, offset: int, path: str) -> tuple[Body, list[Finding]]:
    """Sections of the body; findings for headings that break the format. Lines are file lines."""
    findings: list[Finding] = []
    lines = body.split("\n")
    tokens = _markdown().parse(body)
    headings = _headings(tokens)
    first_h2 = next((line for level, line, _ in headings if level == 2), len(lines))
    if not is_blank(_content(lines, 0, first_h2)):
        first = next(i for i, text in enumerate(lines[:first_h2]) if text.strip())
        findings.append(finding(path, first + 1 + offset, 1, "NQ508"))

    sections: list[Section] = []
    seen: dict[str, int] = {}
    next_quarter = ""
    ends = [line for _, line, _ in headings[1:]] + [len(lines)]
    index = 0
    while index < len(headings):
        level, line, text = headings[index]
        # the block of this "##" runs until the next "##"
        stop = next((i for i in range(index + 1, len(headings)) if headings[i][0] == 2), len(headings))
        block_end = ends[stop - 1]
        file_line = line + 1 + offset
        if level == 3:  # a "###" before any "##": already reported as text outside sections
            index += 1
            continue
        match = _TASK_HEADING.fullmatch(text)
        if match is None and slug(text) == NEXT_QUARTER_SLUG:  # a task heading ("2.1. ...") never slugs to it
            next_quarter = _content(lines, line + 1, block_end)
        elif match is None:
            findings.append(finding(path, file_line, 1, "NQ506", heading=text))
        elif match["id"] in seen:
            findings.append(finding(path, file_line, 1, "NQ505", task=match["id"], first_line=seen[match["id"]]))
        else:
            seen[match["id"]] = file_line
            parts, part_findings = _subsections(
                headings[index:stop], ends[index:stop], lines, match["id"], offset, path
            )
            findings.extend(part_findings)
            sections.append(Section(match["id"], (match["title"] or "").strip(), file_line, **parts))
        index = stop
    h2 = tuple((text, line + 1 + offset) for level, line, text in headings if level == 2)
    return Body(tuple(sections), next_quarter, h2), findings + _wide_tables(tokens, offset, path)


def _subsections(
    headings: list[tuple[int, int, str]], ends: list[int], lines: list[str], task: str, offset: int, path: str
) -> tuple[dict[str, str], list[Finding]]:
    """Split one task's block into results, difficulties and proposals by its "###" headings.

    Text between the task's "##" heading and its first "###" is kept at the head of the results, never dropped.
    """
    findings: list[Finding] = []
    parts: dict[str, list[str]] = {"results": [], "difficulties": [], "proposals": []}
    intro = _content(lines, headings[0][1] + 1, ends[0])
    seen: set[str] = set()
    has_results = False
    for (level, line, text), end in zip(headings[1:], ends[1:], strict=True):
        if level != 3:
            continue
        name = _SUBSECTIONS.get(slug(text))
        file_line = line + 1 + offset
        if name is None:
            vi, en = schema.suggestion(text, [RESULTS, DIFFICULTIES, PROPOSALS])
            findings.append(finding(path, file_line, 1, "NQ507", heading=text, suggestion=vi, suggestion_en=en))
            name = "results"
        elif name in seen:
            findings.append(finding(path, file_line, 1, "NQ509", heading=text, task=task))
        else:
            seen.add(name)
            has_results = has_results or name == "results"
        content = _content(lines, line + 1, end)
        if content:
            parts[name].append(content)
    if not has_results:
        findings.append(finding(path, headings[0][1] + 1 + offset, 1, "NQ503", task=task))
    elif is_blank("\n\n".join(parts["results"])):
        results_line = next(
            line for level, line, text in headings if level == 3 and _SUBSECTIONS.get(slug(text)) == "results"
        )
        findings.append(finding(path, results_line + 1 + offset, 1, "NQ504", task=task))
    if intro:
        parts["results"].insert(0, intro)
    return {name: "\n\n".join(chunks) for name, chunks in parts.items()}, findings


def _task_reports(data: dict[str, Any]) -> dict[str, TaskReport]:
    reports = {}
    tasks = data.get("tasks")
    for task_id, entry in tasks.items() if isinstance(tasks, dict) else ():
        status = Status.from_code(entry.get("status")) if isinstance(entry, dict) else None
        if status is None:
            continue
        progress = entry.get("progress")
        indicators = entry.get("indicators")
        reports[task_id] = TaskReport(
            task=task_id,
            status=status,
            progress=float(progress) if isinstance(progress, (int, float)) and not isinstance(progress, bool) else None,
            completed=parse_date(entry.get("completed")),
            indicators={
                k: float(v)
                for k, v in (indicators.items() if isinstance(indicators, dict) else ())
                if isinstance(v, (int, float)) and not isinstance(v, bool)
            },
        )
    return reports


Places = tuple[Place | None, ...]


def placed(findings: Iterable[Finding], places: Places | None) -> tuple[Finding, ...]:
    """Findings on the lines of a note read out of a Word form, moved to the places in the form those lines
    come from (a finding about the whole file stays as it is)."""
    if places is None:
        return tuple(findings)
    moved = []
    for f in findings:
        place = places[f.line - 1] if 0 < f.line <= len(places) else None
        said = f._replace(args=MappingProxyType(form_args(f.args)))
        moved.append(said if place is None else said._replace(line=place.block, column=1, place=place.text))
    return tuple(moved)


class NoteRead(NamedTuple):
    """A note as far as it could be read, with the findings of the reading; `note` is None when unreadable.

    `places` is set for a note read out of a Word form: where each line of its text is in the form (`placed`
    moves the findings of later checks there too)."""

    note: Note | None
    findings: tuple[Finding, ...]
    doc: YamlDoc | None = None
    body: Body | None = None
    places: Places | None = None

    def placed(self, findings: Iterable[Finding]) -> tuple[Finding, ...]:
        return placed(findings, self.places)


def parse_note(text: str, path: str) -> NoteRead:
    """Parse a note's text (already decoded and NFC) without looking at the directive."""
    front, findings = split_front_matter(text, path)
    if front is None:
        return NoteRead(None, tuple(findings))
    doc, yaml_findings = load_yaml(front.yaml_text, path, line_offset=1)
    findings += yaml_findings
    if doc is None:
        return NoteRead(None, tuple(findings))
    if not isinstance(doc.data, dict):
        findings.append(finding(path, 1, 1, "NQ203", what="Phần đầu YAML", found=schema.describe(doc.data)))
        return NoteRead(None, tuple(findings), doc)
    data: dict[str, Any] = doc.data
    findings += schema.check("note", doc, path)
    body, body_findings = parse_body(front.body, front.body_offset, path)
    findings += body_findings
    quarter_text = data.get("quarter")
    try:
        quarter = Quarter.parse(quarter_text) if isinstance(quarter_text, str) else None
    except ValueError:
        quarter = None
    amends = data.get("amends")
    note = Note(
        path=path,
        unit=data["unit"] if isinstance(data.get("unit"), str) else "",
        quarter=quarter,
        prepared_by=str(data.get("prepared_by") or ""),
        approved_by=str(data.get("approved_by") or ""),
        submitted=parse_date(data.get("submitted")),
        sample=data.get("sample") is True,
        tasks=_task_reports(data),
        sections=body.sections,
        next_quarter=body.next_quarter,
        amends=tuple(
            Amendment(d, str(a.get("reason", "")))
            for a in (amends if isinstance(amends, list) else ())
            if isinstance(a, dict) and (d := parse_date(a.get("date"))) is not None
        ),
    )
    return NoteRead(note, tuple(findings), doc, body)


def note_text(
    file: Path, path: str, *, inside: Path | None = None, received: date | None = None, as_form: bool = False
) -> tuple[Source, Places | None]:
    """A note file's text: a Markdown note's own, or the Markdown a Word form (a .docx, or any file `as_form`)
    stands for with the places of its lines in the form (`received` then replaces the form's day of submission).
    Never raises for a user's file."""
    if not (as_form or is_form(file)):
        return read_source(file, path, inside=inside), None
    data, refused = read_bytes(file, path, inside=inside, kind="form")
    if data is None:
        return Source(path, None, refused), None
    unsafe = tuple(inspect_docx(data, path))
    if has_errors(unsafe):
        return Source(path, None, unsafe), None
    try:
        form = form_text(data, received=received)
    except UnreadableForm as error:
        return Source(path, None, (*unsafe, finding(path, 1, 1, "NQ521", reason=str(error)))), None
    if form is None:
        return Source(path, None, (*unsafe, finding(path, 1, 1, "NQ522"))), None
    checked = check_text(form.text, path)
    return Source(path, checked.text, unsafe + placed(checked.findings, form.places)), form.places


def read_note(file: Path, path: str, *, inside: Path | None = None) -> NoteRead:
    """Read and parse a note file (Markdown, or the Word form); every problem is a finding, never an exception."""
    source, places = note_text(file, path, inside=inside)
    if source.text is None:
        return NoteRead(None, source.findings)
    result = parse_note(source.text, path)
    findings = source.findings + placed(result.findings, places)
    return NoteRead(result.note, findings, result.doc, result.body, places)
