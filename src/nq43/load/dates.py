"""When each note was submitted: the day it first reached the main branch, set by the forge.

The front matter's `submitted` is what a unit says; git history is what happened. Where `data/` is in a git
repository, the date that counts is read from the first-parent history of HEAD (the main branch as the forge
built it): the first commit on that line that brought the note to its path (a merge commit, a squash commit or
a commit the forge rebased), with that commit's committer date, which the forge sets when it merges. So merge,
squash and rebase give the same day, and the dates a unit puts into its own commits (author dates, or
GIT_COMMITTER_DATE on the branch's commits) do not count. A later change to the note keeps that first day and is
listed with its own day. A note moved to another path lands anew.
Exceptions, each said in a notice (a Finding with an NQ72x code):
- a shallow clone cannot see past its graft: a note added in the graft commit may be older, so its
  `submitted` date is used;
- a note not yet committed is dated by its `submitted` date, for now;
- sample notes (`sample: true`) were put into the repository long after the dates they carry: their
  `submitted` date counts;
- a note that landed after the day in view (`--today` in the past) was not yet submitted on that day.
Outside git the `submitted` date is all there is, and no notice is given.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from nq43.domain.findings import Finding, finding
from nq43.domain.records import EMPTY_MAP, Note
from nq43.support.git import git
from nq43.support.vietnamese import date_short

# Where the git date and the `submitted` date may differ without a word: a note committed late in the
# evening and merged the next morning is not news.
TOLERANCE_DAYS = 1


class GitDates(NamedTuple):
    """What git history says of the notes: the day each one first reached the branch, and the days it changed."""

    in_git: bool = False
    shallow: bool = False
    landed: Mapping[str, date] = EMPTY_MAP
    beyond_graft: frozenset[str] = frozenset()  # first seen in a shallow clone's graft commit: maybe older
    changed: Mapping[str, tuple[date, ...]] = EMPTY_MAP  # later changes on the branch, oldest first


NO_GIT = GitDates()


def parse_log(text: str, grafts: Iterable[str] = ()) -> tuple[dict[str, date], set[str], dict[str, tuple[date, ...]]]:
    """First-landed dates, the notes first seen in a graft commit, and later change dates, from
    `git log --first-parent --reverse --format=%x01%H %cs --name-status --diff-filter=AM` output."""
    graft_set = set(grafts)
    landed: dict[str, date] = {}
    beyond: set[str] = set()
    changed: dict[str, list[date]] = {}
    commit, day = "", None
    for line in text.splitlines():
        if line.startswith("\x01"):
            commit, _, stamp = line[1:].partition(" ")
            try:
                day = date.fromisoformat(stamp.strip())
            except ValueError:
                day = None
            continue
        status, _, path = line.partition("\t")
        if status not in ("A", "M") or not path or day is None:
            continue
        if path in landed:
            changed.setdefault(path, []).append(day)
            continue
        if status != "A":
            continue
        landed[path] = day
        if commit in graft_set:
            beyond.add(path)
    return landed, beyond, {path: tuple(days) for path, days in changed.items()}


def git_dates(root: Path, pathspecs: Iterable[str], revision: str = "HEAD") -> GitDates:
    """Ask git, in two calls, when each note under `pathspecs` (relative to `root`) first landed on the
    first-parent history of `revision` (an issued report's commit, for a rebuild of it)."""
    head = git(root, "rev-parse", "--is-shallow-repository", "--git-path", "shallow")
    if head is None:
        return NO_GIT
    lines = head.splitlines()
    shallow = bool(lines) and lines[0].strip() == "true"
    grafts: list[str] = []
    if shallow and len(lines) > 1:
        graft_file = Path(lines[1].strip())
        try:
            grafts = (graft_file if graft_file.is_absolute() else root / graft_file).read_text().split()
        except OSError:
            grafts = []
    specs = list(pathspecs)
    if not specs:
        return GitDates(True, shallow)
    log = git(
        root,
        "-c",
        "core.quotePath=false",
        "log",
        "--first-parent",  # the branch as the forge built it: merges, squashes and rebased commits
        "--diff-merges=first-parent",
        "--reverse",
        "--no-renames",
        "--relative",
        "--diff-filter=AM",
        "--name-status",
        "--format=%x01%H %cs",
        revision,
        "--",
        *specs,
    )
    if log is None:  # no commit yet
        return GitDates(True, shallow)
    landed, beyond, changed = parse_log(log, grafts)
    return GitDates(True, shallow, MappingProxyType(landed), frozenset(beyond), MappingProxyType(changed))


class DateSource(str, Enum):
    GIT = "git"
    SUBMITTED = "submitted"
    NONE = "none"


class Submission(NamedTuple):
    """The day a note counts as submitted, where that day comes from, and both dates as known."""

    path: str
    day: date | None
    source: DateSource
    landed: date | None  # first landed on the branch, from git
    declared: date | None  # the note's own `submitted`
    pending: bool = False  # landed after the day in view: not yet submitted then
    notices: tuple[Finding, ...] = ()
    changes: tuple[date, ...] = ()  # later changes to the note on the branch, each with its own day

    @property
    def disagree(self) -> bool:
        """True when the git date and the `submitted` date differ by more than a day: show both."""
        return (
            self.landed is not None
            and self.declared is not None
            and abs((self.landed - self.declared).days) > TOLERANCE_DAYS
        )


def _show(day: date | None) -> str:
    return date_short(day) if day is not None else "?"


def submission(path: str, note: Note | None, dates: GitDates, today: date) -> Submission:
    """Decide the day `note` (at `path`) counts as submitted, as of `today`."""
    declared = note.submitted if note is not None else None
    sample = note is not None and note.sample
    landed = dates.landed.get(path)
    notices: list[Finding] = []
    source = DateSource.SUBMITTED if declared is not None else DateSource.NONE
    day = declared
    if dates.in_git:
        if sample:
            if landed is not None:
                notices.append(finding(path, 1, 1, "NQ721", submitted=_show(declared), landed=_show(landed)))
        elif landed is None:
            notices.append(finding(path, 1, 1, "NQ722", submitted=_show(declared)))
        elif path in dates.beyond_graft:
            notices.append(finding(path, 1, 1, "NQ720", submitted=_show(declared)))
            landed = None  # not known: the graft commit only says "no later than"
        else:
            day, source = landed, DateSource.GIT
    result = Submission(path, day, source, landed, declared)
    if result.disagree and source is DateSource.GIT and landed is not None and declared is not None:
        notices.append(
            finding(
                path, 1, 1, "NQ723", landed=_show(landed), submitted=_show(declared), days=abs((landed - declared).days)
            )
        )
    pending = source is DateSource.GIT and day is not None and day > today
    if pending:
        notices.append(finding(path, 1, 1, "NQ724", landed=_show(day), today=_show(today)))
    changes = tuple(d for d in dates.changed.get(path, ()) if d <= today)
    return Submission(path, day, source, landed, declared, pending, tuple(notices), changes)
