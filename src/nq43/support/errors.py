"""Problems in how nq43 was called or with its surroundings (not in a user's file): the core raises these,
named after what went wrong; the command line tells them in the user's language and chooses the exit code."""

from __future__ import annotations

from nq43.support.text import Lang, Text


class Nq43Error(Exception):
    """One clear sentence in both languages; its blanks are filled from the keyword arguments."""

    def __init__(self, text: Text, /, **values: object) -> None:
        super().__init__(text.get("vi", **values))
        self.text = text
        self.values = values

    def message(self, lang: Lang = "vi") -> str:
        return self.text.format(lang, self.values)


class UsageError(Nq43Error):
    """An option or argument that cannot be used as given (a wrong value, a missing file, a clash)."""


class RootNotFound(Nq43Error):
    """No nq43 repository (a folder holding data/directive.yaml) where one was looked for."""


class GitHistoryMissing(Nq43Error):
    """git cannot give what a submission check needs: no repository, no commit, no base, no shared history."""


class RemoteUnknown(Nq43Error):
    """A git remote that is not a GitHub or GitLab repository nq43 can make links for."""


class ReportRefused(Nq43Error):
    """A report that cannot be built or issued as asked (a bad number, a draft to issue, a second issue)."""


class IssuedReportKept(Nq43Error):
    """An issued report nq43 will not write over, or cannot prove or amend as asked (its record, its commit, a
    rebuilt copy that differs): the command's verdict, like a finding, not a wrong call."""


class OutputError(Nq43Error):
    """An output could not be written (read-only or full disk); nothing was left half-written."""


class InputChanged(Nq43Error):
    """A file changed or vanished while nq43 was using it; running the command again settles it."""


class PdfNotMade(OutputError):
    """The PDF could not be made: LibreOffice is missing, failed, or did not finish in time."""
