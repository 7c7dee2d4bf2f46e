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
    # A note as a Word form (.docx) may carry pictures: its size is the .docx's (DOCX_LIMITS below); the text it
    # stands for has a note's limits.
    "form": Limits(size=20 * _MIB, lines=5_000, values=10_000),
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


class DocxLimits(NamedTuple):
    """How large a Word note (.docx, a zip of XML parts and pictures) may be, checked by load/docxsafety.py."""

    size: int  # the .docx file itself, bytes (NQ123)
    members: int  # parts in the zip (NQ124)
    unpacked: int  # all parts together, unpacked, bytes (NQ125)
    ratio: int  # unpacked : packed of one part over `ratio_from` bytes (NQ126)
    ratio_from: int  # bytes
    part: int  # one part, unpacked, bytes (NQ127)


# A filled form is a few pages of text and perhaps a few pictures. Word stores text parts deflated 5-15:1 (a
# 100-page document.xml with tables is 3-5 MiB unpacked, 300-500 KB packed) and pictures as they are (a photo
# Word has compressed to its default 220 ppi is 0.2-2 MiB; an uncompressed phone photo 3-8 MiB). So: a file of
# 20 MiB holds a dozen photos; it unpacks to about as much, plus the text: 40 MiB leaves twice that and still
# inflates in a fraction of a second. Word writes 15-30 parts and one per picture: 2,000 is far above any form.
# One part up to 10 MiB takes the largest photo or document.xml; a part over 1 MiB packed more than 100:1 is
# not text nor a picture (Word's most repetitive tables reach 30-50:1) but a bomb: 100 MB of zeros is 100 KB.
DOCX_LIMITS = DocxLimits(
    size=LIMITS["form"].size,
    members=2_000,
    unpacked=40 * _MIB,
    ratio=100,
    ratio_from=_MIB,
    part=10 * _MIB,
)
