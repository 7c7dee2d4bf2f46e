"""Decree 30's frame around the body: the header block (agency and national title, number, place and date,
document type and summary, with their rule lines; for a letter, the summary under the number and the
addressees) and the signature block (recipients, authority, signer), each a borderless two-column table of
fixed layout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from nq43.report.document import Inline, ReportDocument, plain_text
from nq43.report.docx.formatting import TABLE_LOOK, Style, ppr, text_run
from nq43.report.docx.geometry import (
    BODY_SIZE,
    HEADER_COLUMNS,
    HEADER_INDENT,
    LETTER_SUMMARY_SIZE,
    ROOM_TO_SIGN,
    RULE_PARAGRAPH,
    RULE_SHARE,
    SIGNATURE_COLUMNS,
    SPACE_BEFORE,
    TEXT_WIDTH,
    text_width,
)
from nq43.support.vietnamese import clean


def _cell(width: int, paragraphs: Iterable[str]) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{"".join(paragraphs)}</w:tc>'


def _frame_table(columns: tuple[int, int], rows: Sequence[tuple[str, str]], *, indent: int, cant_split: bool) -> str:
    """A borderless two-column table of fixed layout, every cell and grid width set."""
    none = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(columns)}" w:type="dxa"/>'
        f'<w:tblInd w:w="{indent}" w:type="dxa"/>'
        f"<w:tblBorders>{none}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f"{TABLE_LOOK}</w:tblPr>"
        f'<w:tblGrid><w:gridCol w:w="{columns[0]}"/><w:gridCol w:w="{columns[1]}"/></w:tblGrid>'
    ]
    for left, right in rows:
        out.append("<w:tr>" + ("<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""))
        out.append(_cell(columns[0], [left]) + _cell(columns[1], [right]))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _line(
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str = "center",
    before: int = 0,
    left: int = 0,
    keep_next: bool = False,
) -> str:
    style = Style(
        size=size, align=align, first_line=0, before=before, bold=bold, italic=italic, left=left, keep_next=keep_next
    )
    return f"<w:p>{ppr(style)}{text_run(clean(text), size, bold, italic)}</w:p>"


def _rule_xml(length: int, width: int, *, after: int = 0) -> str:
    side = max(0, (width - length) // 2)
    style = Style(align="center", first_line=0, left=side, right=side, before=0, after=after)
    return f"<w:p>{ppr(style, border_bottom=True, exact=RULE_PARAGRAPH)}</w:p>"


def rule_lengths(document: ReportDocument) -> dict[str, int]:
    """The rule lines' lengths in twips: under the issuing agency and the summary a share of the text's
    length, under the motto the motto's own length."""
    frame = document.frame
    agency = max((text_width(clean(line), 13, bold=True) for line in frame.issuing_agency_lines), default=0)
    summary = min(text_width(plain_text(document.summary), BODY_SIZE, bold=True), TEXT_WIDTH)
    return {
        "agency": round(agency * RULE_SHARE),
        "motto": text_width(clean(frame.motto), BODY_SIZE, bold=True),
        "summary": round(summary * RULE_SHARE),
    }


def header_block(document: ReportDocument, runs: Callable[[Inline, Style], str]) -> str:
    """The header table, the document type, the summary (its runs written by `runs`) and the rule under it."""
    frame = document.frame
    rules = rule_lengths(document)
    left = [_line(frame.parent_agency, 13)]
    left += [_line(line, 13, bold=True) for line in frame.issuing_agency_lines]
    left.append(_rule_xml(rules["agency"], HEADER_COLUMNS[0]))
    right = [
        _line(frame.national_title.upper(), 13, bold=True),
        _line(frame.motto, BODY_SIZE, bold=True),
        _rule_xml(rules["motto"], HEADER_COLUMNS[1]),
    ]
    number = _line(frame.number_line, 13, before=SPACE_BEFORE * 2)
    if frame.letter:  # a letter's summary (trích yếu) stands under its number, upright
        subject = Style(size=LETTER_SUMMARY_SIZE, align="center", first_line=0, before=SPACE_BEFORE)
        number += f"<w:p>{ppr(subject)}{runs(document.summary, subject)}</w:p>"
    date = _line(frame.place_date, BODY_SIZE, italic=True, before=SPACE_BEFORE * 2)
    table = _frame_table(
        HEADER_COLUMNS, [("".join(left), "".join(right)), (number, date)], indent=HEADER_INDENT, cant_split=True
    )
    if frame.letter:
        return table + _greeting(frame.greeting, frame.addressees)
    title = _line(frame.doc_type, BODY_SIZE, bold=True, before=SPACE_BEFORE * 4, keep_next=True)
    summary_style = Style(align="center", first_line=0, before=0, bold=True, keep_next=True)
    summary = f"<w:p>{ppr(summary_style)}{runs(document.summary, summary_style)}</w:p>"
    return table + title + summary + _rule_xml(rules["summary"], TEXT_WIDTH, after=SPACE_BEFORE * 2)


def _greeting(label: str, addressees: Sequence[str]) -> str:
    """ "Kính gửi:" and the addressees, a centred block: one addressee on the same line; several one per line,
    each after "- " and ending with ";" (the last with "."), aligned after the label."""
    if len(addressees) == 1:
        return _line(f"{label} {addressees[0]}", BODY_SIZE, before=SPACE_BEFORE * 3, keep_next=True)
    lines = [f"- {name}{'.' if i == len(addressees) - 1 else ';'}" for i, name in enumerate(addressees)]
    label_width = text_width(clean(label) + " ", BODY_SIZE)
    widest = max((text_width(clean(line), BODY_SIZE) for line in lines), default=0)
    left = max(0, (TEXT_WIDTH - label_width - widest) // 2)
    out = [_line(label, BODY_SIZE, align="left", before=SPACE_BEFORE * 3, left=left, keep_next=True)]
    out += [_line(line, BODY_SIZE, align="left", left=left + label_width, keep_next=True) for line in lines]
    return "".join(out)


def signature_block(document: ReportDocument) -> str:
    frame = document.frame
    left = [_line(frame.recipients_heading, 12, bold=True, italic=True, align="left", before=SPACE_BEFORE)]
    left += [_line("- " + line.strip().removeprefix("- ").strip(), 11, align="left") for line in frame.recipients]
    right = [
        _line(line.upper(), BODY_SIZE, bold=True, before=SPACE_BEFORE if i == 0 else 0)
        for i, line in enumerate(frame.authority)
    ]
    right.append(_line(frame.signer, BODY_SIZE, bold=True, before=ROOM_TO_SIGN))
    return _frame_table(SIGNATURE_COLUMNS, [("".join(left), "".join(right))], indent=0, cant_split=True)
