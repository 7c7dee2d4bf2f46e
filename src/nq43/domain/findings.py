"""Problems found in a user's file, as data: `Finding(path, line, column, code, args)`."""

from collections.abc import Iterable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import NamedTuple

from nq43.domain.catalogue import CATALOGUE, Entry
from nq43.domain.formwording import FORM_WORDING, is_form_path
from nq43.domain.records import EMPTY_MAP, Note
from nq43.support.text import Lang, Text


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Finding(NamedTuple):
    """One problem at one place; the text is looked up from `code` in the chosen language when shown."""

    path: str
    line: int
    column: int
    code: str
    args: Mapping[str, object] = EMPTY_MAP
    # Where a clerk finds the place in a file without lines (a Word form): "bảng nhiệm vụ, dòng 3, cột Trạng thái"
    place: Text | None = None

    @property
    def severity(self) -> Severity:
        return Severity(CATALOGUE[self.code].severity)

    @property
    def on_form(self) -> bool:
        """The finding is on a note written in the Word form: it is said in the form's words, at a place."""
        return is_form_path(self.path)

    def _entry(self) -> Entry:
        return (FORM_WORDING.get(self.code) if self.on_form else None) or CATALOGUE[self.code]

    def message(self, lang: Lang = "vi") -> str:
        return self._entry().message(lang, self.args)

    def hint(self, lang: Lang = "vi") -> str:
        return self._entry().hint_text(lang, self.args)

    def where(self, lang: Lang = "vi") -> str:
        """The place in words, "" for a text file (its line and column say it)."""
        return self.place.get(lang) if self.place is not None else ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def finding(path: str, line: int, column: int, code: str, /, **args: object) -> Finding:
    """Build a finding; fails at once (a bug, not a user error) when the code is not in the catalogue.

    Positional-only, so that a message may take arguments named like the parameters ("column" in NQ102).
    """
    if code not in CATALOGUE:
        raise KeyError(f"unknown finding code {code}")
    return Finding(path, line, column, code, MappingProxyType(dict(args)))


def error_count(findings: Iterable[Finding]) -> int:
    """How many of the findings are errors."""
    return sum(f.severity is Severity.ERROR for f in findings)


def has_errors(findings: Iterable[Finding], *, strict: bool = False) -> bool:
    """True when a finding should fail the run: any error, or any warning under --strict."""
    return any(strict or f.severity is Severity.ERROR for f in findings)


class CheckedNote(NamedTuple):
    """A note file with everything found in it (reading, format and cross-references)."""

    path: str
    note: Note | None
    findings: tuple[Finding, ...]

    @property
    def valid(self) -> bool:
        return self.note is not None and not has_errors(self.findings)
