"""Gather what `nq43 check` judges from git: the notes of the head commit, everything else from the base commit."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from nq43.check.codeowners import office, stale
from nq43.check.repository import check_note_file, note_files
from nq43.domain.findings import CheckedNote, Finding
from nq43.domain.records import Directive, Note, Submitter
from nq43.load import issued as issuance
from nq43.load.calendar import load_calendar
from nq43.load.directive import load_directive
from nq43.load.layout import UNIT_FILE, UNITS_DIR, is_form, note_stem
from nq43.load.notes import parse_note, read_note
from nq43.load.yamlload import load_yaml
from nq43.submission.changes import ChangeSet, show
from nq43.submission.rules import (
    Actor,
    Before,
    Proposal,
    Service,
    Submission,
    actor_role,
    is_note_path,
    is_unit_file,
    judge,
)
from nq43.submission.trees import REGULAR, Entry, blobs, checkout_data, unsafe, write
from nq43.support.git import git_bytes
from nq43.support.vietnamese import nfc

DEFAULT_BASE = "origin/main"


def pull_request_author(event_path: str | None) -> str | None:
    """The login of whoever opened the pull request, from the GitHub event file ($GITHUB_EVENT_PATH)."""
    if not event_path:
        return None
    try:
        event: Any = json.loads(Path(event_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    pull_request = event.get("pull_request") if isinstance(event, dict) else None
    user = pull_request.get("user") if isinstance(pull_request, dict) else None
    login = user.get("login") if isinstance(user, dict) else None
    return login if isinstance(login, str) and login else None


def actor_from_env(environ: Mapping[str, str], explicit: str | None = None) -> Actor | None:
    """Who opened the pull request: --actor, else what the CI says; None outside CI (nothing to check).

    On GitHub it is the pull request's author from the event file (`pull_request.user.login`), never
    GITHUB_ACTOR, which names whoever triggered the run (anyone who pushed one commit to the branch). GitLab
    gives no variable with a merge request's author: GITLAB_USER_LOGIN is the user who started the pipeline,
    usually the last one to push, so on GitLab the check tells who pushed, not who opened the request.
    """
    service: Service | None = None
    if environ.get("GITHUB_ACTIONS") == "true":
        service = "github"
    elif environ.get("GITLAB_CI") == "true":
        service = "gitlab"
    if explicit:
        return Actor(explicit.strip().removeprefix("@"), service)
    if service == "github":
        author = pull_request_author(environ.get("GITHUB_EVENT_PATH"))
        return Actor(author, "github") if author else None
    if service == "gitlab" and environ.get("GITLAB_USER_LOGIN"):
        return Actor(environ["GITLAB_USER_LOGIN"], "gitlab")
    return None


def default_base(environ: Mapping[str, str]) -> str:
    """The branch a pull request goes into, as CI names it; origin/main elsewhere."""
    for variable in ("GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"):
        if environ.get(variable):
            return f"origin/{environ[variable]}"
    return DEFAULT_BASE


def _submitters(text: str | None) -> tuple[Submitter, ...] | None:
    """The submitters of a unit.yaml's text; None when there is no such file at that revision."""
    if text is None:
        return None
    doc, _ = load_yaml(text, UNIT_FILE)  # the notes' safe loader: no aliases, bounded size
    data: Any = doc.data if doc is not None else None
    entries = data.get("submitters") if isinstance(data, dict) else None
    out = []
    for entry in entries if isinstance(entries, list) else ():
        if isinstance(entry, dict):

            def text_of(key: str, e: dict[str, Any] = entry) -> str | None:
                value = e.get(key)
                return str(value) if isinstance(value, (str, int)) else None

            out.append(Submitter(name=text_of("name") or "", github=text_of("github"), gitlab=text_of("gitlab")))
    return tuple(out)


def _note_at(root: Path, rev: str, path: str) -> Note | None:
    if is_form(path):  # a Word form is read from its bytes, through the same safety checks as on the branch
        data = git_bytes(root, "show", f"{rev}:./{path}")
        if data is None:
            return None
        with tempfile.TemporaryDirectory(prefix="nq43-base-") as folder:
            file = Path(folder) / Path(path).name
            file.write_bytes(data)
            return read_note(file, path).note
    text = show(root, rev, path)
    return parse_note(nfc(text.lstrip("\ufeff")), path).note if text is not None else None


def read_before(
    root: Path, rev: str, note_paths: Iterable[str], unit_ids: Iterable[str], quarters: Iterable[str]
) -> Before:
    """The base's side at `rev`: earlier versions of the notes, the units' submitters, the issue records."""
    submitters = {}
    for unit_id in unit_ids:
        found = _submitters(show(root, rev, f"{UNITS_DIR}/{unit_id}/{UNIT_FILE}"))
        if found is not None:
            submitters[unit_id] = found
    issued = {}
    for quarter in quarters:
        text = show(root, rev, f"{issuance.REPORTS_DIR}/{quarter}/{issuance.RECORD_NAME}")
        record = issuance.parse(text) if text is not None else None
        if record is not None:
            issued[quarter] = record
    return Before(notes={p: _note_at(root, rev, p) for p in note_paths}, submitters=submitters, issued=issued)


def _overlay(root: Path, changes: ChangeSet, target: Path, *, everything: bool) -> None:
    """Put the pull request's files, as its head commit holds them, over the base's copy in `target`: the files
    of units' folders (unit.yaml aside) or, for the Office, every changed file. Deleted files are removed."""
    wanted = [c for c in changes.changes if everything or is_unit_file(c)]
    gone = [c.path for c in wanted if c.deleted or c.mode not in REGULAR]
    gone += [c.old_path for c in wanted if c.status == "R" and c.old_path is not None]
    for path in gone:
        if unsafe(path, "") is None and (target / path).is_file():
            (target / path).unlink()
    live = [Entry(c.mode, c.blob, c.path) for c in wanted if not c.deleted and c.blob is not None]
    write(target, live, blobs(root, (e.blob for e in live if e.mode in REGULAR)))


def check(root: Path, changes: ChangeSet, actor: Actor | None, today: date) -> tuple[Submission | None, list[Finding]]:
    """Judge the branch's head commit against its base commit; the working tree is never read.

    The directive, calendar, units and their submitters, the Office and the issue records come from the base;
    the notes from the head. Only when the pull request's author is the Office (as the base lists it) are the
    other changed files taken from the head too, and checked as the Office's change.
    (None, the directive's findings) when the directive cannot be read.
    """
    with tempfile.TemporaryDirectory(prefix="nq43-check-") as folder:
        base_dir, head_dir = Path(folder) / "base", Path(folder) / "head"
        checkout_data(root, changes.base_commit, base_dir)
        base_directive, findings = load_directive(base_dir)
        if base_directive is None:
            return None, findings
        office_unit = office(base_directive)
        before = _before(root, changes, base_dir, base_directive, office_unit.id if office_unit else None)
        probe = Proposal(changes, base_directive, {}, {}, (), actor, today)
        by_office = actor_role(probe, before) == "office"

        shutil.copytree(base_dir, head_dir, symlinks=True)
        _overlay(root, changes, head_dir, everything=by_office)
        directive, findings = load_directive(head_dir) if by_office else (base_directive, [])
        if directive is None:
            return None, findings
        _, stray = note_files(head_dir)
        findings += load_calendar(head_dir, directive)[1] + stray + stale(head_dir, directive)
        notes: dict[str, CheckedNote] = {}
        contents: dict[str, bytes] = {}
        for change in changes.changes:
            file = head_dir / change.path
            if change.deleted or not is_note_path(change.path) or unsafe(change.path, change.mode) is not None:
                continue
            if not file.is_file():
                continue
            notes[change.path] = check_note_file(file, head_dir, directive, today)
            contents[change.path] = file.read_bytes()
        return judge(Proposal(changes, directive, notes, contents, findings, actor, today), before), []


def _before(root: Path, changes: ChangeSet, base_dir: Path, directive: Directive, office_id: str | None) -> Before:
    """The base's side, read from the base commit: every unit's submitters, the issue records, earlier notes."""
    note_paths = [c.old_path or c.path for c in changes.changes if is_note_path(c.path)]
    quarters = {note_stem(c.path) for c in changes.changes if is_note_path(c.path)}
    quarters |= {str(q) for q in _issued_quarters(base_dir)}
    return read_before(
        root, changes.base_commit, note_paths, [u.id for u in directive.units], sorted(quarters)
    )._replace(office=office_id)


def _issued_quarters(base_dir: Path) -> list[str]:
    folder = base_dir / issuance.REPORTS_DIR
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / issuance.RECORD_NAME).is_file())
