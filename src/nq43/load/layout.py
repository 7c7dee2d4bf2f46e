"""Where things are in an nq43 repository, and which folder is one."""

from __future__ import annotations

import os
import re
from pathlib import Path

from nq43.domain.formwording import FORM_SUFFIX, is_form_path
from nq43.support.errors import RootNotFound
from nq43.support.text import Text

DIRECTIVE_FILE = "data/directive.yaml"
UNITS_DIR = "data/units"  # one folder per unit: unit.yaml and the unit's notes, <YEAR>Q<n>.md
UNIT_FILE = "unit.yaml"
# A quarter's note is Markdown (<YEAR>Q<n>.md) or the Word form that `nq43 new --docx` makes (<YEAR>Q<n>.docx)
MARKDOWN, FORM = ".md", FORM_SUFFIX
NOTE_SUFFIXES = (MARKDOWN, FORM)
NOTE_NAME = re.compile(r"\d{4}Q\d+\.(?:md|docx)")
ROOT_ENV = "NQ43_ROOT"

_NOT_IN_GIVEN = Text(
    'Không thấy {directive} trong thư mục "{given}" (--root hoặc {env}).',
    'No {directive} in "{given}" (--root or {env}).',
)
_NOT_FOUND = Text(
    "Không tìm thấy {directive} ở thư mục hiện tại hay các thư mục cha. "
    "Chạy lệnh trong kho nq43, hoặc chỉ ra kho bằng --root hay biến {env}.",
    "No {directive} here or in any parent folder. Run inside an nq43 repository, or give --root or {env}.",
)


def note_names(quarter: object) -> tuple[str, ...]:
    """The names a note of `quarter` may have: 2025Q1.md, 2025Q1.docx."""
    return tuple(f"{quarter}{suffix}" for suffix in NOTE_SUFFIXES)


def unit_folder(unit_id: str) -> str:
    """A unit's folder, relative to the repository: data/units/qldt."""
    return f"{UNITS_DIR}/{unit_id}"


def note_path(unit_id: str, quarter: object, suffix: str = MARKDOWN) -> str:
    """A unit's note of `quarter`, relative to the repository: data/units/qldt/2025Q1.md (or .docx)."""
    return f"{unit_folder(unit_id)}/{quarter}{suffix}"


def note_stem(path: str) -> str:
    """The quarter a note's file name gives: "2025Q1" of ".../2025Q1.md" or ".../2025Q1.docx"."""
    name = path.rsplit("/", 1)[-1]
    return next((name.removesuffix(s) for s in NOTE_SUFFIXES if name.endswith(s)), name)


def is_form(path: str | Path) -> bool:
    """A note written in the Word form, told by its name."""
    return is_form_path(str(path))


def find_root(explicit: Path | None = None, start: Path | None = None) -> Path:
    """The folder holding `data/directive.yaml`: `explicit`, else $NQ43_ROOT, else the nearest parent."""
    given = explicit or (Path(os.environ[ROOT_ENV]) if os.environ.get(ROOT_ENV) else None)
    if given is not None:
        if not (given / DIRECTIVE_FILE).is_file():
            raise RootNotFound(_NOT_IN_GIVEN, directive=DIRECTIVE_FILE, given=given, env=ROOT_ENV)
        return given.resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / DIRECTIVE_FILE).is_file():
            return folder
    raise RootNotFound(_NOT_FOUND, directive=DIRECTIVE_FILE, env=ROOT_ENV)
