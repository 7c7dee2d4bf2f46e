"""How large each kind of file may be: one table, read by the file reader and the YAML reader.

A file over a limit is refused unread (size), before its Markdown or YAML is parsed (lines), or while the YAML
parser's events are counted (values), so that no file can make nq43 slow; the finding's fix names the kind.
"""

from __future__ import annotations

from typing import NamedTuple

from nq43.domain.catalogue import LIMIT_ADVICE, FileKind
from nq43.support.text import Text

_MIB = 1024 * 1024


class Limits(NamedTuple):
    size: int  # bytes (NQ108)
    lines: int  # lines of the file (NQ112)
    values: int  # YAML keys, values and list items (NQ211)


LIMITS: dict[FileKind, Limits] = {
    # A quarterly note is a few pages of text with a few dozen YAML values; more is a mistake or an attack.
    "note": Limits(size=2 * _MIB, lines=5_000, values=10_000),
    # A unit names itself and its submitters; the calendar holds due dates and days off: a few dozen lines each.
    "unit": Limits(size=2 * _MIB, lines=5_000, values=10_000),
    "calendar": Limits(size=2 * _MIB, lines=5_000, values=10_000),
    # The Office's directive fits a province: 1,000 units with 8 tasks each (bench/generate.py) is 2.9 MB,
    # 59,430 lines and 124,628 values; the limits leave five times that.
    "directive": Limits(size=16 * _MIB, lines=300_000, values=650_000),
}


def advice(code: str, kind: FileKind) -> dict[str, Text]:
    """The argument that gives a limit's finding (NQ108, NQ112, NQ211) the fix for this kind of file."""
    return {"advice": LIMIT_ADVICE[code, kind]}


# The widest table a note may hold: the report's appendix is A4 landscape, 242 mm of text width
# (report/docx/geometry.py: 297 mm less the 35 mm and 20 mm margins); 16 columns of at least 15 mm fit (NQ510).
MAX_TABLE_COLUMNS = 16
