"""Where things are in an nq43 repository, and which folder is one."""

from __future__ import annotations

import os
from pathlib import Path

from nq43.support.errors import Nq43Error

DIRECTIVE_FILE = "data/directive.yaml"
UNITS_DIR = "data/units"  # one folder per unit: unit.yaml and the unit's notes, <YEAR>Q<n>.md
UNIT_FILE = "unit.yaml"
ROOT_ENV = "NQ43_ROOT"


def find_root(explicit: Path | None = None, start: Path | None = None) -> Path:
    """The folder holding `data/directive.yaml`: `explicit`, else $NQ43_ROOT, else the nearest parent."""
    given = explicit or (Path(os.environ[ROOT_ENV]) if os.environ.get(ROOT_ENV) else None)
    if given is not None:
        if not (given / DIRECTIVE_FILE).is_file():
            raise Nq43Error(
                f'Không thấy {DIRECTIVE_FILE} trong thư mục "{given}" (--root hoặc {ROOT_ENV}).',
                f'No {DIRECTIVE_FILE} in "{given}" (--root or {ROOT_ENV}).',
            )
        return given.resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / DIRECTIVE_FILE).is_file():
            return folder
    raise Nq43Error(
        f"Không tìm thấy {DIRECTIVE_FILE} ở thư mục hiện tại hay các thư mục cha. "
        f"Chạy lệnh trong kho nq43, hoặc chỉ ra kho bằng --root hay biến {ROOT_ENV}.",
        f"No {DIRECTIVE_FILE} here or in any parent folder. "
        f"Run inside an nq43 repository, or give --root or {ROOT_ENV}.",
    )
