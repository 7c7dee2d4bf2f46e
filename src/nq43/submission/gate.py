"""Gather what `nq43 check` judges: the branch's changes, its notes as they are now, and the base's side from git."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from nq43.check.codeowners import office, stale
from nq43.check.repository import check_note_file, note_files
from nq43.domain.findings import CheckedNote, Finding
from nq43.domain.records import Note, Submitter
from nq43.load import issued as issuance
from nq43.load.directive import load_directive
from nq43.load.layout import UNIT_FILE, UNITS_DIR
from nq43.load.notes import parse_note
from nq43.submission.changes import ChangeSet, show
from nq43.submission.rules import Actor, Before, Service, Submission, assess, is_note_path, unit_folder
from nq43.support.vietnamese import nfc

DEFAULT_BASE = "origin/main"


def actor_from_env(environ: Mapping[str, str], explicit: str | None = None) -> Actor | None:
    """Who pushed: --actor, else what GitHub Actions or GitLab CI says; None outside CI (nothing to check)."""
    service: Service | None = None
    if environ.get("GITHUB_ACTIONS") == "true":
        service = "github"
    elif environ.get("GITLAB_CI") == "true":
        service = "gitlab"
    if explicit:
        return Actor(explicit.strip().removeprefix("@"), service)
    if environ.get("GITHUB_ACTOR"):
        return Actor(environ["GITHUB_ACTOR"], "github")
    if environ.get("GITLAB_USER_LOGIN"):
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
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError:
        return ()
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


def check(root: Path, changes: ChangeSet, actor: Actor | None, today: date) -> tuple[Submission | None, list[Finding]]:
    """Judge the branch; (None, the directive's findings) when the directive itself cannot be read."""
    directive, findings = load_directive(root)
    if directive is None:
        return None, findings
    _, stray = note_files(root)
    findings += stray + stale(root, directive)

    notes: dict[str, CheckedNote] = {}
    contents: dict[str, bytes] = {}
    for change in changes.changes:
        file = root / change.path
        if change.deleted or not is_note_path(change.path) or not file.is_file():
            continue
        notes[change.path] = check_note_file(file, root, directive, today)
        try:
            contents[change.path] = file.read_bytes()
        except OSError:
            contents[change.path] = b""  # the note's own findings (NQ101) say why

    earlier = [c.old_path or c.path for c in changes.changes if c.path in notes]
    units = {u for c in changes.changes for u in (unit_folder(c.path), unit_folder(c.old_path or "")) if u}
    office_unit = office(directive)
    if office_unit is not None:
        units.add(office_unit.id)
    quarters = {p.rsplit("/", 1)[-1].removesuffix(".md") for p in notes}
    quarters |= {str(n.note.quarter) for n in notes.values() if n.note is not None and n.note.quarter is not None}
    before = read_before(root, changes.base_commit, earlier, sorted(units), sorted(quarters))
    return assess(changes, directive, notes, contents, findings, before, actor, today), []
