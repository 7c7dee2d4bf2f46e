"""Whether a report may be issued: every reason it may not, one sentence each, so a clerk fixes them all at once.

A report is sent to the City as it comes out, so it is issued only when the letter it cites is signed (a number
and a day), no note used is sample data, no note of the quarter is invalid (even when --allow-invalid leaves it
out) and it is not marked as a draft. Units that did not report do not stop it: the command names them. In a git
repository, every note used must also be committed as it is (`not_committed`): the issue record names the commit,
and `--as-issued` rebuilds the report from it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from nq43.domain.findings import error_count
from nq43.domain.records import Letter
from nq43.load.issued import content_hash
from nq43.load.layout import DIRECTIVE_FILE
from nq43.report.model import Selection
from nq43.support.git import git, git_bytes, is_repository
from nq43.support.text import Lang, Text

LETTER_NUMBER = Text(
    'Công văn được trích dẫn ({file}, letter.number: "{number}") chưa có số: ghi số công văn đã ký, '
    'ví dụ "125/BQL-VP".',
    'The cited letter ({file}, letter.number: "{number}") has no number: write the signed letter\'s number, '
    'e.g. "125/BQL-VP".',
)
LETTER_DAY = Text(
    'Công văn được trích dẫn ({file}, letter.date_text: "{day}") chưa có ngày: ghi ngày ký, '
    'ví dụ "ngày 20 tháng 9 năm 2024".',
    'The cited letter ({file}, letter.date_text: "{day}") has no day: write the day it was signed, '
    'e.g. "ngày 20 tháng 9 năm 2024".',
)
SAMPLE_NOTE = Text(
    "Ghi chú {path} là dữ liệu mẫu (sample: true): thay bằng báo cáo thật của đơn vị và bỏ dòng sample.",
    "Note {path} is sample data (sample: true): replace it with the unit's real report and remove the sample line.",
)
INVALID_NOTE = Text(
    "Ghi chú {path} không hợp lệ ({errors} lỗi): sửa theo `nq43 validate {path}` "
    "(--allow-invalid không dùng được khi ban hành).",
    "Note {path} is not valid ({errors} error(s)): fix it as `nq43 validate {path}` says "
    "(--allow-invalid cannot be used when issuing).",
)
NOT_COMMITTED = Text(
    "Ghi chú {path} chưa được commit đúng như bản đang có: commit trước khi ban hành (git add {path}, git commit), "
    "để bản ghi issued.yaml chỉ đúng commit chứa các ghi chú đã dùng (--as-issued dựng lại từ đó).",
    "Note {path} is not committed as it is now: commit it before issuing (git add {path}, git commit), so that "
    "issued.yaml names a commit holding the notes used (--as-issued rebuilds from it).",
)
DRAFT = Text(
    "Báo cáo đang được đánh dấu DỰ THẢO (--draft): bỏ --draft để ban hành.",
    "The report is marked as a draft (--draft): leave out --draft to issue it.",
)


class Reason(NamedTuple):
    """One reason a report cannot be issued: its sentence and the values for its blanks."""

    text: Text
    values: dict[str, object]

    def get(self, lang: Lang) -> str:
        return self.text.format(lang, self.values)


def letter_has_number(letter: Letter) -> bool:
    """A letter's number is written when a digit comes before its sign ("125/BQL-VP", not "/BQL-VP")."""
    return bool(re.match(r"\s*\d", letter.number))


def letter_has_day(letter: Letter) -> bool:
    """A letter's date is written when it names the day ("ngày 20 tháng 9 năm 2024", not "ngày    tháng 9")."""
    return bool(re.search(r"\d", letter.date_text.split("tháng", 1)[0]))


def not_ready(letter: Letter, selection: Selection, draft: bool) -> tuple[Reason, ...]:
    """Every reason the report cannot be issued, in the order a clerk meets them; none when it is ready."""
    reasons: list[Reason] = []
    if not letter_has_number(letter):
        reasons.append(Reason(LETTER_NUMBER, {"file": DIRECTIVE_FILE, "number": letter.number}))
    if not letter_has_day(letter):
        reasons.append(Reason(LETTER_DAY, {"file": DIRECTIVE_FILE, "day": letter.date_text}))
    for note in selection.every():
        if note.sample:
            reasons.append(Reason(SAMPLE_NOTE, {"path": note.path}))
    for checked in selection.invalid:
        errors = error_count(checked.findings)
        reasons.append(Reason(INVALID_NOTE, {"path": checked.path, "errors": errors}))
    if draft:
        reasons.append(Reason(DRAFT, {}))
    return tuple(reasons)


def not_committed(root: Path, selection: Selection) -> tuple[Reason, ...]:
    """A reason for each note used that differs from its version in HEAD (none outside a git repository)."""
    if not is_repository(root):
        return ()
    head = (git(root, "rev-parse", "--verify", "-q", "HEAD") or "").strip()
    reasons: list[Reason] = []
    for note in sorted(selection.used.values(), key=lambda n: n.path):
        committed = git_bytes(root, "show", f"{head}:./{note.path}") if head else None
        if committed is None or content_hash(committed) != content_hash((root / note.path).read_bytes()):
            reasons.append(Reason(NOT_COMMITTED, {"path": note.path}))
    return tuple(reasons)
