"""Judge a pull request as a unit's submission: its notes validate, it stays in one unit's folder, the right
person sends it, and a note of an issued report changes only with an amendment. Pure: git is read elsewhere."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Literal, NamedTuple

from nq43.check.codeowners import TARGETS, office
from nq43.check.repository import NOTE_NAME
from nq43.domain.findings import CheckedNote, Finding, Severity, finding, has_errors
from nq43.domain.records import EMPTY_MAP, Amendment, Directive, Note, Quarter, Submitter, Unit
from nq43.load.issued import IssueRecord
from nq43.load.layout import UNIT_FILE, UNITS_DIR
from nq43.submission.changes import Change, ChangeSet

Service = Literal["github", "gitlab"]
ActorRole = Literal["submitter", "office", "stranger", "not-checked"]

_UNIT_FILE_PATH = re.compile(re.escape(UNITS_DIR) + r"/([^/]+)/(.+)")


class Actor(NamedTuple):
    """Who pushed, as CI tells it; `service` None compares the login with both kinds of account."""

    login: str
    service: Service | None = None

    def matches(self, submitter: Submitter) -> bool:
        # Both services treat logins case-insensitively.
        accounts = {"github": submitter.github, "gitlab": submitter.gitlab}
        wanted = [accounts[self.service]] if self.service else list(accounts.values())
        return any(a is not None and a.casefold() == self.login.casefold() for a in wanted)


class Before(NamedTuple):
    """The base branch's side: what was there before the pull request. Read from the base, never from the
    branch, so that a pull request cannot grant itself a submitter or un-issue a report."""

    notes: Mapping[str, Note | None] = EMPTY_MAP  # earlier version of each changed note
    submitters: Mapping[str, tuple[Submitter, ...]] = EMPTY_MAP  # unit id -> submitters
    issued: Mapping[str, IssueRecord] = EMPTY_MAP  # quarter ("2025Q1") -> issue record


class SubmittedNote(NamedTuple):
    change: Change
    checked: CheckedNote
    issued: IssueRecord | None  # the quarter's issue record when the note differs from the issued version
    amendments: tuple[Amendment, ...] = ()  # entries this pull request adds to `amends:`

    @property
    def path(self) -> str:
        return self.checked.path


class Submission(NamedTuple):
    """What a pull request submits and everything wrong with it."""

    changes: ChangeSet
    directive: Directive
    unit_id: str | None  # the unit the pull request submits for (None when it touches no unit's folder)
    other_units: tuple[str, ...]  # further unit folders it touches (each file there is a finding)
    actor: Actor | None
    actor_role: ActorRole
    notes: tuple[SubmittedNote, ...]
    office_review: tuple[Change, ...]  # files outside the notes: allowed, but the Office must review them
    findings: tuple[Finding, ...]

    @property
    def unit(self) -> Unit | None:
        return self.directive.unit(self.unit_id) if self.unit_id else None

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    def failed(self, strict: bool = False) -> bool:
        return has_errors(self.findings, strict=strict)


def unit_folder(path: str) -> str | None:
    """The unit id whose folder holds `path` (data/units/<id>/...), else None."""
    match = _UNIT_FILE_PATH.fullmatch(path)
    return match[1] if match else None


def is_note_path(path: str) -> bool:
    """True for data/units/<unit>/<YYYY>Q<n>.md: the place and name of a quarterly note."""
    match = _UNIT_FILE_PATH.fullmatch(path)
    return match is not None and NOTE_NAME.fullmatch(match[2]) is not None


def _touched(change: Change) -> list[str]:
    return [u for u in (unit_folder(change.path), unit_folder(change.old_path or "")) if u]


def _main_unit(changes: Sequence[Change], directive: Directive, before: Before, actor: Actor | None) -> str | None:
    """The unit a pull request submits for: the actor's own among those it touches, else the one with most files."""
    counts: dict[str, int] = {}
    for change in changes:
        for unit_id in _touched(change):
            counts[unit_id] = counts.get(unit_id, 0) + 1
    if not counts:
        return None
    order = {u.id: u.number for u in directive.units}
    ranked = sorted(counts, key=lambda u: (-counts[u], order.get(u, len(order) + 1), u))
    if actor is not None:
        for unit_id in sorted(counts, key=lambda u: (order.get(u, len(order) + 1), u)):
            if any(actor.matches(s) for s in _submitters(unit_id, directive, before)):
                return unit_id
    return ranked[0]


def _submitters(unit_id: str, directive: Directive, before: Before) -> tuple[Submitter, ...]:
    if unit_id in before.submitters:
        return before.submitters[unit_id]
    unit = directive.unit(unit_id)
    return unit.submitters if unit else ()


def _accounts(submitters: Sequence[Submitter], service: Service | None) -> str:
    names = []
    for s in submitters:
        login = s.github if service == "github" else s.gitlab if service == "gitlab" else s.github or s.gitlab
        names.append(f"{s.name} ({login})" if login else s.name)
    return ", ".join(names) if names else "—"


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def _line_of_key(text: str, key: str) -> int:
    """The line of a top-level front matter key, else 1 (the front matter's first line)."""
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    for number, line in enumerate(text.split("\n"), start=1):
        if number > 1 and line.rstrip() in ("---", "..."):
            break
        if pattern.match(line):
            return number
    return 1


def _line_of_date(text: str, day: date, start: int) -> int:
    for number, line in enumerate(text.split("\n")[start - 1 :], start=start):
        if day.isoformat() in line:
            return number
    return start


def _quarter_of(path: str, checked: CheckedNote | None) -> Quarter | None:
    if checked is not None and checked.note is not None and checked.note.quarter is not None:
        return checked.note.quarter
    try:
        return Quarter.parse(path.rsplit("/", 1)[-1].removesuffix(".md"))
    except ValueError:
        return None


def _amendment_findings(
    submitted: CheckedNote, data: bytes, prior: Note | None, record: IssueRecord, today: date
) -> tuple[list[Finding], tuple[Amendment, ...]]:
    """A note of an issued quarter may change only with a new, well-dated `amends:` entry; old ones stay."""
    note = submitted.note
    if note is None:
        return [], ()
    text = _text(data)
    path = submitted.path
    at = _line_of_key(text, "amends")
    earlier = prior.amends if prior is not None else ()
    added = tuple(a for a in note.amends if a not in earlier)
    findings = [finding(path, at, 1, "NQ807", value=a.date.isoformat()) for a in earlier if a not in note.amends]
    if not added:
        quarter = record.period
        findings.append(
            finding(
                path,
                at,
                1,
                "NQ804",
                quarter=str(quarter),
                quarter_label=quarter.label(),
                number=record.number,
                issued=record.issued_on.isoformat(),
                today=today.isoformat(),
            )
        )
    for amendment in added:
        line = _line_of_date(text, amendment.date, at)
        if amendment.date < record.issued_on:
            findings.append(
                finding(path, line, 1, "NQ805", value=amendment.date.isoformat(), issued=record.issued_on.isoformat())
            )
        if amendment.date > today:
            findings.append(finding(path, line, 1, "NQ806", value=amendment.date.isoformat(), today=today.isoformat()))
    return findings, added


def _relevant(f: Finding, changes: Sequence[Change]) -> bool:
    """A finding about the data (not a note) concerns this pull request when it is about a file it changes,
    or a folder holding one; a stale CODEOWNERS concerns it when it changes who submits."""
    for change in changes:
        if change.deleted:
            continue
        if f.path == change.path or change.path.startswith(f.path.rstrip("/") + "/"):
            return True
    if f.code == "NQ809":
        return any(c.path.endswith("/" + UNIT_FILE) or c.path in TARGETS.values() for c in changes)
    return False


def assess(
    changes: ChangeSet,
    directive: Directive,
    notes: Mapping[str, CheckedNote],
    contents: Mapping[str, bytes],
    repository_findings: Sequence[Finding],
    before: Before,
    actor: Actor | None,
    today: date,
) -> Submission:
    """Judge the pull request.

    `notes` are the changed notes as they are on the branch (checked by the same validator as
    `nq43 validate`), `contents` their bytes; `repository_findings` are the findings about the directive, the
    units' files and stray files (only those about files this pull request changes are kept).
    """
    items = changes.changes
    findings: list[Finding] = [f for f in repository_findings if _relevant(f, items)]
    unit_id = _main_unit(items, directive, before, actor)

    others: list[str] = []
    for change in items:
        for other in _touched(change):
            if other != unit_id:
                findings.append(finding(change.path, 1, 1, "NQ801", other=other, unit=unit_id))
                if other not in others:
                    others.append(other)

    submitted: list[SubmittedNote] = []
    office_review: list[Change] = []
    for change in items:
        if change.old_path and is_note_path(change.old_path) and change.status == "R":
            findings.append(finding(change.old_path, 1, 1, "NQ808", file=change.old_path))
        if change.deleted:
            if is_note_path(change.path):
                findings.append(finding(change.path, 1, 1, "NQ808", file=change.path))
            elif unit_folder(change.path) is None or change.path.endswith("/" + UNIT_FILE):
                office_review.append(change)
            continue
        folder = unit_folder(change.path)
        if folder is None or change.path.endswith("/" + UNIT_FILE):
            office_review.append(change)
            continue
        checked = notes.get(change.path)
        if checked is None:
            continue  # not a note: the repository findings (NQ111) say what is wrong with it
        findings.extend(checked.findings)
        quarter = _quarter_of(change.path, checked)
        record = before.issued.get(str(quarter)) if quarter else None
        data = contents.get(change.path, b"")
        added: tuple[Amendment, ...] = ()
        if record is not None and record.changed(change.path, data):
            prior = before.notes.get(change.old_path or change.path)
            more, added = _amendment_findings(checked, data, prior, record, today)
            findings.extend(more)
        else:
            record = None
        submitted.append(SubmittedNote(change, checked, record, added))

    role: ActorRole = "not-checked"
    if actor is not None and unit_id is not None:
        own = _submitters(unit_id, directive, before)
        office_unit = office(directive)
        office_submitters = _submitters(office_unit.id, directive, before) if office_unit else ()
        where = next(
            (c.path for c in items if unit_folder(c.path) == unit_id and not c.deleted),
            next(c.path for c in items if unit_id in _touched(c)),
        )
        if any(actor.matches(s) for s in own):
            role = "submitter"
        elif any(actor.matches(s) for s in office_submitters):
            role = "office"
            findings.append(finding(where, 1, 1, "NQ803", actor=actor.login, unit=unit_id))
        else:
            role = "stranger"
            findings.append(
                finding(where, 1, 1, "NQ802", actor=actor.login, unit=unit_id, known=_accounts(own, actor.service))
            )

    unique = sorted({(f.sort_key(), repr(sorted(f.args.items()))): f for f in findings}.values(), key=Finding.sort_key)
    return Submission(
        changes, directive, unit_id, tuple(others), actor, role, tuple(submitted), tuple(office_review), tuple(unique)
    )
