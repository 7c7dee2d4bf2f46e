"""Judge a pull request as a unit's submission, rule by rule.

Each rule is a function `(proposal, before) -> findings`: `proposal` is what the pull request brings (its
changes, its notes as checked, who opened it), `before` is the base branch's state (the units' submitters, the
Office, the issue records, the earlier notes). Adding a rule is a function and a row in `RULES`. Pure: git is
read elsewhere (gate.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Literal, NamedTuple

from nq43.check.codeowners import TARGETS
from nq43.domain.findings import CheckedNote, Finding, error_count, finding, has_errors
from nq43.domain.records import EMPTY_MAP, Amendment, Directive, Note, Quarter, Submitter, Unit
from nq43.load.issued import IssueRecord
from nq43.load.layout import NOTE_NAME, UNIT_FILE, UNITS_DIR, note_stem
from nq43.submission.amending import amendment_findings
from nq43.submission.changes import Change, ChangeSet
from nq43.submission.trees import unsafe
from nq43.support.vietnamese import nfc

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
    office: str | None = None  # the unit whose submitters are the Office (`consolidated_by` of the base's directive)


class Proposal(NamedTuple):
    """What the pull request brings: its changes, its notes as checked (`notes`, `contents` by path), the
    findings about the data it changes, and who opened it."""

    changes: ChangeSet
    directive: Directive  # the directive the notes are checked against (the base's, unless the Office changes it)
    notes: Mapping[str, CheckedNote]
    contents: Mapping[str, bytes]
    repository_findings: Sequence[Finding]
    actor: Actor | None
    today: date

    @property
    def items(self) -> tuple[Change, ...]:
        return self.changes.changes


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
    office_review: tuple[Change, ...]  # files outside the notes: the Office's alone to change (NQ810 for anyone else)
    findings: tuple[Finding, ...]

    @property
    def unit(self) -> Unit | None:
        return self.directive.unit(self.unit_id) if self.unit_id else None

    @property
    def errors(self) -> int:
        return error_count(self.findings)

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
            if any(actor.matches(s) for s in _submitters(unit_id, before)):
                return unit_id
    return ranked[0]


def _submitters(unit_id: str, before: Before) -> tuple[Submitter, ...]:
    """The unit's submitters as the base lists them; none when the base has no unit.yaml for it (never the
    pull request's own list)."""
    return before.submitters.get(unit_id, ())


def _login(submitter: Submitter, service: Service | None) -> str | None:
    if service == "github":
        return submitter.github
    return submitter.gitlab if service == "gitlab" else submitter.github or submitter.gitlab


def _accounts(submitters: Sequence[Submitter], service: Service | None) -> str:
    names = [f"{s.name} ({login})" if (login := _login(s, service)) else s.name for s in submitters]
    return ", ".join(names) if names else "—"


def _named_submitter(proposal: Proposal, unit_id: str, submitters: Sequence[Submitter]) -> Submitter | None:
    """The listed submitter whose name the unit's note gives as `prepared_by`, if any."""
    for change in proposal.items:
        checked = proposal.notes.get(change.path)
        if change.deleted or unit_folder(change.path) != unit_id or checked is None or checked.note is None:
            continue
        prepared = nfc(checked.note.prepared_by).strip().casefold()
        for submitter in submitters:
            if nfc(submitter.name).strip().casefold() == prepared:
                return submitter
    return None


def _quarter_of(path: str, checked: CheckedNote | None) -> Quarter | None:
    if checked is not None and checked.note is not None and checked.note.quarter is not None:
        return checked.note.quarter
    try:
        return Quarter.parse(note_stem(path))
    except ValueError:
        return None


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


def main_unit(proposal: Proposal, before: Before) -> str | None:
    return _main_unit(proposal.items, proposal.directive, before, proposal.actor)


def actor_role(proposal: Proposal, before: Before) -> ActorRole:
    """Who opened the pull request, judged by the base: a submitter of its unit, the Office, or a stranger."""
    actor = proposal.actor
    if actor is None:
        return "not-checked"
    unit_id = main_unit(proposal, before)
    if unit_id is not None and any(actor.matches(s) for s in _submitters(unit_id, before)):
        return "submitter"
    if before.office is not None and any(actor.matches(s) for s in _submitters(before.office, before)):
        return "office"
    return "stranger"


def is_unit_file(change: Change) -> bool:
    """A file a unit's pull request may change: anything in a unit's folder except its unit.yaml."""
    return unit_folder(change.path) is not None and not change.path.endswith("/" + UNIT_FILE)


def _issued_change(proposal: Proposal, before: Before, change: Change) -> IssueRecord | None:
    """The quarter's issue record when `change` alters a note of an issued report."""
    checked = proposal.notes.get(change.path)
    quarter = _quarter_of(change.path, checked)
    record = before.issued.get(str(quarter)) if quarter else None
    if record is not None and record.changed(change.path, proposal.contents.get(change.path, b"")):
        return record
    return None


# --- the rules: each (proposal, before) -> findings ---


def data_findings(proposal: Proposal, before: Before) -> list[Finding]:
    """Findings about the directive, unit files and stray files, kept when they are about what the PR changes."""
    return [f for f in proposal.repository_findings if _relevant(f, proposal.items)]


def unsafe_paths(proposal: Proposal, before: Before) -> list[Finding]:
    """Links, submodules, `..`, absolute, `.git` and non-UTF-8 paths are refused (NQ811)."""
    found = []
    for change in proposal.items:
        for path, mode in ((change.path, "" if change.deleted else change.mode), (change.old_path, "")):
            reason = unsafe(path, mode) if path is not None else None
            if reason is not None and path is not None:
                found.append(finding(path, 1, 1, "NQ811", reason=reason))
    return found


def one_unit(proposal: Proposal, before: Before) -> list[Finding]:
    """A pull request changes one unit's folder (NQ801 for each file of another unit)."""
    unit_id = main_unit(proposal, before)
    return [
        finding(change.path, 1, 1, "NQ801", other=other, unit=unit_id)
        for change in proposal.items
        for other in _touched(change)
        if other != unit_id
    ]


def outside_the_notes(proposal: Proposal, before: Before) -> list[Finding]:
    """Only the Office, listed in the base, may change files outside the units' notes folders (NQ810)."""
    if actor_role(proposal, before) == "office":
        return []
    login = proposal.actor.login if proposal.actor else "—"
    return [finding(c.path, 1, 1, "NQ810", actor=login) for c in proposal.items if not is_unit_file(c)]


def note_findings(proposal: Proposal, before: Before) -> list[Finding]:
    """Each added or changed note validates as `nq43 validate` would check it."""
    return [
        f for c in proposal.items if not c.deleted and c.path in proposal.notes for f in proposal.notes[c.path].findings
    ]


def kept_notes(proposal: Proposal, before: Before) -> list[Finding]:
    """A submitted note is a record: it is never deleted or renamed away (NQ808)."""
    found = []
    for change in proposal.items:
        if change.old_path and is_note_path(change.old_path) and change.status == "R":
            found.append(finding(change.old_path, 1, 1, "NQ808", file=change.old_path))
        if change.deleted and is_note_path(change.path):
            found.append(finding(change.path, 1, 1, "NQ808", file=change.path))
    return found


def amendments(proposal: Proposal, before: Before) -> list[Finding]:
    """A note of an issued report changes only with a new, well-dated `amends:` entry (NQ804-NQ807)."""
    found: list[Finding] = []
    for change in proposal.items:
        record = None if change.deleted else _issued_change(proposal, before, change)
        checked = proposal.notes.get(change.path)
        if record is None or checked is None:
            continue
        prior = before.notes.get(change.old_path or change.path)
        data = proposal.contents.get(change.path, b"")
        found += amendment_findings(checked, data, prior, record, proposal.today)[0]
    return found


def right_person(proposal: Proposal, before: Before) -> list[Finding]:
    """The pull request's author is a submitter of the unit (NQ802), or the Office submitting for it (NQ803)."""
    unit_id = main_unit(proposal, before)
    role = actor_role(proposal, before)
    actor = proposal.actor
    if actor is None or unit_id is None or role in ("submitter", "not-checked"):
        return []
    items = proposal.items
    where = next(
        (c.path for c in items if unit_folder(c.path) == unit_id and not c.deleted),
        next(c.path for c in items if unit_id in _touched(c)),
    )
    if role == "office":
        return [finding(where, 1, 1, "NQ803", actor=actor.login, unit=unit_id)]
    submitters = _submitters(unit_id, before)
    named = _named_submitter(proposal, unit_id, submitters)
    if named is not None:
        # the person is listed, under another account: never tell her to ask herself
        login = _login(named, actor.service) or "—"
        return [finding(where, 1, 1, "NQ814", actor=actor.login, unit=unit_id, name=named.name, login=login)]
    known = _accounts(submitters, actor.service)
    return [finding(where, 1, 1, "NQ802", actor=actor.login, unit=unit_id, known=known)]


Rule = Callable[[Proposal, Before], list[Finding]]
RULES: tuple[Rule, ...] = (
    data_findings,
    unsafe_paths,
    one_unit,
    outside_the_notes,
    note_findings,
    kept_notes,
    amendments,
    right_person,
)


def _submitted_notes(proposal: Proposal, before: Before) -> tuple[SubmittedNote, ...]:
    out = []
    for change in proposal.items:
        checked = proposal.notes.get(change.path)
        if change.deleted or checked is None or not is_unit_file(change):
            continue
        record = _issued_change(proposal, before, change)
        added: tuple[Amendment, ...] = ()
        if record is not None:
            prior = before.notes.get(change.old_path or change.path)
            data = proposal.contents.get(change.path, b"")
            added = amendment_findings(checked, data, prior, record, proposal.today)[1]
        out.append(SubmittedNote(change, checked, record, added))
    return tuple(out)


def judge(proposal: Proposal, before: Before, rules: Sequence[Rule] = RULES) -> Submission:
    """Run every rule and gather what the pull request submits."""
    findings = [f for rule in rules for f in rule(proposal, before)]
    unit_id = main_unit(proposal, before)
    others = tuple(dict.fromkeys(o for c in proposal.items for o in _touched(c) if o != unit_id))
    office_review = tuple(c for c in proposal.items if not is_unit_file(c))
    unique = sorted({(f.sort_key(), repr(sorted(f.args.items()))): f for f in findings}.values(), key=Finding.sort_key)
    return Submission(
        proposal.changes,
        proposal.directive,
        unit_id,
        others,
        proposal.actor,
        actor_role(proposal, before),
        _submitted_notes(proposal, before),
        office_review,
        tuple(unique),
    )


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
    """Judge the pull request with every rule of `RULES`."""
    return judge(Proposal(changes, directive, notes, contents, repository_findings, actor, today), before)
