"""Find the repository, walk `data/`, and read and check everything in it: the one entry to the data."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from nq43.check.codeowners import stale
from nq43.check.history import NoteIndex
from nq43.check.validation import check_note
from nq43.domain.findings import CheckedNote, Finding, Severity, finding
from nq43.domain.records import Directive, Quarter
from nq43.load.calendar import Calendar, load_calendar
from nq43.load.dates import NO_GIT, GitDates, Submission, git_dates, submission
from nq43.load.directive import load_directive
from nq43.load.layout import FORM, MARKDOWN, NOTE_NAME, NOTE_SUFFIXES, UNIT_FILE, UNITS_DIR, is_form, note_names
from nq43.load.notes import read_note
from nq43.load.source import display_path
from nq43.support.errors import UsageError
from nq43.support.text import Text

_IGNORED = {".gitkeep", ".DS_Store"}
_NO_SUCH_PATH = Text('Không có tệp hay thư mục "{path}".', 'No such file or folder: "{path}".')


class Repository(NamedTuple):
    root: Path
    directive: Directive | None
    notes: tuple[CheckedNote, ...]
    findings: tuple[Finding, ...]  # every finding, the notes' included, sorted by place

    def notes_for(self, quarter: Quarter) -> list[CheckedNote]:
        return [n for n in self.notes if n.note is not None and n.note.quarter == quarter]


def note_files(root: Path) -> tuple[list[Path], list[Finding]]:
    """Every note under data/units/, and a finding for every other file there (none is ignored silently)."""
    units_dir = root / UNITS_DIR
    notes: list[Path] = []
    findings: list[Finding] = []
    if not units_dir.is_dir():
        return notes, findings
    for folder in sorted(p for p in units_dir.iterdir()):
        if folder.is_symlink():
            target = str(folder.readlink())
            findings.append(finding(display_path(folder, root), 1, 1, "NQ113", target=target))
            continue
        if not folder.is_dir():
            findings.append(finding(display_path(folder, root), 1, 1, "NQ111", reason="chỉ chứa thư mục của đơn vị"))
            continue
        for entry in sorted(folder.iterdir()):
            name = entry.name
            if name == UNIT_FILE or name in _IGNORED:
                continue
            if entry.is_file() and NOTE_NAME.fullmatch(name):
                notes.append(entry)
            else:
                reason = (
                    "tên ghi chú phải có dạng <NĂM>Q<quý>.md (hoặc .docx), ví dụ 2025Q1.md"
                    if name.endswith((MARKDOWN, FORM))
                    else "thư mục con không được phép"
                    if entry.is_dir()
                    else "chỉ nhận unit.yaml và ghi chú .md hoặc biểu mẫu .docx"
                )
                findings.append(finding(display_path(entry, root), 1, 1, "NQ111", reason=reason))
    return notes, findings


def check_note_file(file: Path, root: Path, directive: Directive | None, today: date) -> CheckedNote:
    """Read one note and check it against the directive."""
    path = display_path(file, root)
    read = read_note(file, path, inside=root / "data")
    findings = list(read.findings)
    # a quarter's other kind of note beside this one: said on each, so a pull request adding either one fails
    twin = file.with_suffix(MARKDOWN if is_form(file) else FORM)
    if twin.is_file():
        markdown, form = (twin, file) if is_form(file) else (file, twin)
        findings.append(finding(path, 1, 1, "NQ520", markdown=markdown.name, form=form.name))
    if directive is not None:
        parent = file.parent
        units = root / UNITS_DIR
        # the plain comparison settles the usual case (a file found under data/units/) without resolving links
        folder = parent.name if parent.parent == units or parent.parent.resolve() == units.resolve() else None
        findings += read.placed(check_note(read, directive, folder=folder, file_name=file.name, today=today))
    return CheckedNote(path, read.note, tuple(sorted(findings, key=Finding.sort_key)))


class Checked(NamedTuple):
    """What `nq43 validate` needs of a whole check: the directive, how many notes were read, every finding."""

    directive: Directive | None
    note_count: int
    findings: tuple[Finding, ...]  # sorted by place


def load_repository(root: Path, today: date, paths: Iterable[Path] | None = None) -> Repository:
    """Read the directive and the notes (all of them, or those under `paths`), checking everything."""
    directive, setup, notes = _check_all(root, today, paths)
    kept = tuple(notes)
    every = [*setup, *(f for n in kept for f in n.findings)]
    return Repository(root, directive, kept, tuple(sorted(every, key=Finding.sort_key)))


def check_repository(root: Path, today: date, paths: Iterable[Path] | None = None) -> Checked:
    """The same check as `load_repository`, keeping only the findings: a note is let go once it is checked, so
    memory does not grow with the number of notes."""
    directive, every, notes = _check_all(root, today, paths)
    count = 0
    for note in notes:
        count += 1
        every.extend(note.findings)
    return Checked(directive, count, tuple(sorted(every, key=Finding.sort_key)))


def _check_all(
    root: Path, today: date, paths: Iterable[Path] | None
) -> tuple[Directive | None, list[Finding], Iterator[CheckedNote]]:
    """The directive, the findings about everything but the notes, and the notes checked one by one."""
    directive, findings = load_directive(root)
    findings += load_calendar(root, directive)[1]
    files, stray = note_files(root)
    if paths is not None:
        given = list(paths)
        wanted = [p.resolve() for p in given]
        for p in wanted:
            if not p.exists():
                raise UsageError(_NO_SUCH_PATH, path=p)
        # a path named as given (not followed): a link is checked as the link, which reports it (NQ109)
        named = {Path(os.path.abspath(p)) for p in given}

        def chosen(file: Path) -> bool:
            resolved = file.resolve() if not file.is_symlink() else file.absolute()
            return Path(os.path.abspath(file)) in named or any(resolved == w or w in resolved.parents for w in wanted)

        listed = {f.resolve() for f in files} | {Path(os.path.abspath(f)) for f in files}
        extra = [
            Path(os.path.abspath(p))
            for p, w in zip(given, wanted, strict=True)
            if w.is_file()
            and p.suffix in NOTE_SUFFIXES
            and (Path(os.path.abspath(p)) if p.is_symlink() else w) not in listed
        ]
        files = [f for f in files if chosen(f)] + extra
        stray = [s for s in stray if chosen(root / s.path)]
    elif directive is not None:
        # the whole repository is being checked: its CODEOWNERS too
        findings += stale(root, directive)
    notes = (check_note_file(f, root, directive, today) for f in files)
    return directive, [*findings, *stray], notes


def load_quarters(root: Path, today: date, quarters: Iterable[Quarter]) -> Repository:
    """Read the directive and only the notes named for `quarters` (a report needs two quarters, not ten years)."""
    directive, findings = load_directive(root)
    files, _ = note_files(root)
    names = {name for q in quarters for name in note_names(q)}
    notes = tuple(check_note_file(f, root, directive, today) for f in files if f.name in names)
    every = [*findings, *(f for n in notes for f in n.findings)]
    return Repository(root, directive, notes, tuple(sorted(every, key=Finding.sort_key)))


# --- the notes by unit and quarter, dated from git: what `nq43 status` and the period reports need ---


class Inputs(NamedTuple):
    """What the views need, read from the repository: None and findings when the data cannot be used."""

    directive: Directive | None
    calendar: Calendar | None
    notes: NoteIndex
    submissions: Mapping[str, Submission]
    findings: tuple[Finding, ...]  # why the directive or the calendar cannot be used
    quarters: frozenset[Quarter] = frozenset()  # every quarter any unit has a note for, read or not


def note_place(path: Path) -> tuple[str, Quarter] | None:
    """(unit, quarter) from a note's place, data/units/<unit>/<YYYYQn>.md (or .docx); None for any other name."""
    try:
        return path.parent.name, Quarter.parse(path.stem)
    except ValueError:
        return None


def gather(
    root: Path,
    today: date,
    quarters: Iterable[Quarter] | None = None,
    unit: str | None = None,
    dates: GitDates | None = None,
) -> Inputs:
    """Read the directive, the calendar and the notes of `quarters` (all, when None) of `unit` (every unit,
    when None), check the notes, and date them from git history (`dates` given: from those)."""
    wanted_quarters = set(quarters) if quarters is not None else None
    files = []
    every: set[Quarter] = set()
    for file in note_files(root)[0]:
        place = note_place(file)
        if place is None:
            continue
        every.add(place[1])
        if unit is not None and place[0] != unit:
            continue
        if wanted_quarters is not None and place[1] not in wanted_quarters:
            continue
        files.append(file)
    directive, directive_findings = load_directive(root)
    if directive is None:
        return Inputs(None, None, {}, {}, tuple(f for f in directive_findings if f.severity is Severity.ERROR))
    calendar, calendar_findings = load_calendar(root, directive)
    if calendar is None:
        return Inputs(directive, None, {}, {}, tuple(calendar_findings))
    checked = [check_note_file(file, root, directive, today) for file in files]
    index, subs = dated(root, today, directive, checked, wanted_quarters, unit, dates)
    return Inputs(directive, calendar, index, subs, (), frozenset(every))


def note_pathspecs(quarters: Iterable[Quarter] | None = None, unit: str | None = None) -> list[str]:
    """The git pathspecs of the notes of `quarters` (all, when None) of `unit` (every unit, when None)."""
    folder = unit or "*"
    names = [n for q in sorted(set(quarters)) for n in note_names(q)] if quarters is not None else None
    return [f":(glob)data/units/{folder}/{name}" for name in names or [f"*{s}" for s in NOTE_SUFFIXES]]


def dated(
    root: Path,
    today: date,
    directive: Directive,
    checked: Iterable[CheckedNote],
    quarters: Iterable[Quarter] | None = None,
    unit: str | None = None,
    dates: GitDates | None = None,
) -> tuple[NoteIndex, Mapping[str, Submission]]:
    """Checked notes by (unit, quarter), and the day each counts as submitted: from git history of the notes of
    `quarters` (all, when None) of `unit` (every unit, when None), or from `dates` when given."""
    unit_ids = {u.id for u in directive.units}
    index: dict[tuple[str, Quarter], CheckedNote] = {}
    for note in checked:
        place = note_place(Path(note.path))
        if place is not None and place[0] in unit_ids:
            index[place] = note
    if dates is None:
        dates = git_dates(root, note_pathspecs(quarters, unit)) if index else NO_GIT
    subs = {n.path: submission(n.path, n.note, dates, today) for n in index.values()}
    return MappingProxyType(index), MappingProxyType(subs)
