"""The command line's side that needs no typer: option values checked (dates, quarters), messages to stderr,
and what stdout can show."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from nq43.cli import messages
from nq43.domain.periods import Period, Quarter
from nq43.support.errors import UsageError
from nq43.support.text import Lang

if TYPE_CHECKING:  # the tracking core is loaded by the command that shows a page, not for every command
    from nq43.tracking.pages import Display


def echo_err(text: str) -> None:
    sys.stderr.write(text + ("" if text.endswith("\n") else "\n"))


def shown_path(path: Path, base: Path) -> str:
    """A file a command wrote, as the user finds it: from the repository's root when inside it, else as given."""
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return str(path)


def said_written(written: Iterable[Path], removed: Iterable[Path], base: Path, lang: Lang) -> None:
    """The files a command wrote, one a line on stdout; each stale PDF it removed, on stderr."""
    for path in written:
        sys.stdout.write(shown_path(path, base) + "\n")
    for path in removed:
        echo_err(messages.PDF_REMOVED.get(lang, path=shown_path(path, base)))


def day_option(value: str | None, option: str) -> date | None:
    """A date given as `option` (--today, --date), or None when the option was not given."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(messages.NOT_A_DATE, option=option, value=value) from None


def today(value: str | None) -> date:
    """--today, or the clock: the only place the real date is read."""
    return day_option(value, "--today") or date.today()


def quarter_option(value: str) -> Quarter:
    try:
        return Quarter.parse(value)
    except ValueError:
        raise UsageError(messages.NOT_A_QUARTER, value=value) from None


def period_option(value: str) -> Period:
    try:
        return Period.parse(value)
    except ValueError:
        raise UsageError(messages.NOT_A_PERIOD, value=value) from None


def display(tty: bool) -> Display:
    """What stdout can show: a terminal gets a rich table (colour unless NO_COLOR), a pipe plain text."""
    from nq43.tracking.pages import DEFAULT_WIDTH, Display

    if tty:
        return Display(tty=True, color=not os.environ.get("NO_COLOR"), width=shutil.get_terminal_size().columns)
    columns = os.environ.get("COLUMNS", "")
    return Display(width=int(columns) if columns.isdigit() and int(columns) >= 20 else DEFAULT_WIDTH)
