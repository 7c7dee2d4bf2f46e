"""Problems in how nq43 was called (not in a user's file): one clear sentence, in both languages."""

from __future__ import annotations


class Nq43Error(Exception):
    """A usage or environment error; the CLI prints it and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, vi: str, en: str | None = None) -> None:
        super().__init__(vi)
        self.vi = vi
        self.en = en or vi

    def text(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en


class OutputError(Nq43Error):
    """An output could not be written (read-only or full disk); nothing was left half-written."""

    exit_code = 1
