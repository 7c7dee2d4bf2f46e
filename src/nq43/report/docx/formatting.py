"""Direct formatting in WordprocessingML: text escaped as lxml writes it, run properties, paragraph properties.

Every paragraph and run is formatted directly; nothing is left to a style default.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from nq43.report.docx.geometry import BODY_SIZE, FIRST_LINE_INDENT, RULE_SIZE, SPACE_BEFORE

# XML escapes as lxml writes them in text (the streamed body is the text python-docx would have saved), and the
# characters that vietnamese.clean drops (controls, zero-width, bidi), dropped again here at C speed: an entity
# in a note (`&#x202E;`) can bring one back after cleaning, and XML cannot hold most.
_DROPPED = (
    *range(0, 9),
    11,
    12,
    *range(14, 32),
    *range(0x7F, 0xA0),
    0xFFFE,
    0xFFFF,
    0x200B,
    0x200C,
    0x200D,
    0x2060,
    0xFEFF,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
)
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\t": " ", "\r": " ", "\n": " ", **{chr(c): None for c in _DROPPED}}
)
_UNESCAPED = str.maketrans({"\t": " ", "\r": " ", "\n": " ", **{chr(c): None for c in _DROPPED}})
_NEEDS_ESCAPE = re.compile("[&<>\t\r\n" + "".join(re.escape(chr(c)) for c in _DROPPED) + "]")


def escape(text: str) -> str:
    """Text for the body's XML, as lxml would have written it."""
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def xml_safe(text: str) -> str:
    """Text for python-docx to write (it escapes; lxml refuses what XML cannot hold)."""
    return text.translate(_UNESCAPED)


class Style(NamedTuple):
    """Direct formatting of a paragraph (everything written out, nothing left to Word's defaults)."""

    size: float = BODY_SIZE
    align: str = "both"
    first_line: int = FIRST_LINE_INDENT
    left: int = 0
    right: int = 0
    before: int = SPACE_BEFORE
    after: int = 0
    bold: bool = False
    italic: bool = False
    upper: bool = False
    keep_next: bool = False
    outline: int | None = None
    style_id: str | None = None


BODY = Style()


@lru_cache(maxsize=256)
def rpr(size: float, bold: bool, italic: bool, *, underline: bool = False, boxed: bool = False) -> str:
    """A run's properties (<w:rPr>)."""
    half = round(size * 2)
    return (
        "<w:rPr>"
        + ("<w:b/><w:bCs/>" if bold else "")
        + ("<w:i/><w:iCs/>" if italic else "")
        + f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        + ('<w:u w:val="single"/>' if underline else "")
        + ('<w:bdr w:val="single" w:sz="8" w:space="1" w:color="000000"/>' if boxed else "")
        + "</w:rPr>"
    )


def text_run(text: str, size: float, bold: bool = False, italic: bool = False, **extra: bool) -> str:
    return f'<w:r>{rpr(size, bold, italic, **extra)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


_TINY_MARK = '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'  # the mark of a rule paragraph, 1 pt
TABLE_LOOK = (
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
    'w:noHBand="0" w:noVBand="0"/>'
)


@lru_cache(maxsize=1024)  # a report uses a few dozen paragraph formats, hundreds of thousands of times
def ppr(
    style: Style,
    *,
    border_bottom: bool = False,
    exact: int | None = None,
    section: str = "",
) -> str:
    """A paragraph's properties (<w:pPr>); `exact` makes it a rule line of that height, `section` ends a section."""
    line = f'w:line="{exact}" w:lineRule="exact"' if exact is not None else 'w:line="240" w:lineRule="auto"'
    first = f' w:firstLine="{style.first_line}"'  # always written: 0 too, else Normal's 1 cm applies
    return (
        "<w:pPr>"
        + (f'<w:pStyle w:val="{style.style_id}"/>' if style.style_id else "")
        + ("<w:keepNext/>" if style.keep_next else "")
        + (
            f'<w:pBdr><w:bottom w:val="single" w:sz="{RULE_SIZE}" w:space="1" w:color="000000"/></w:pBdr>'
            if border_bottom
            else ""
        )
        + f'<w:spacing w:before="{style.before}" w:after="{style.after}" {line}/>'
        + f'<w:ind w:left="{style.left}" w:right="{style.right}"{first}/>'
        + f'<w:jc w:val="{style.align}"/>'
        + (f'<w:outlineLvl w:val="{style.outline}"/>' if style.outline is not None else "")
        + (rpr(style.size, style.bold, style.italic) if exact is None else _TINY_MARK)
        + section
        + "</w:pPr>"
    )
