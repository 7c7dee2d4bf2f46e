"""The sections: A4 pages with the decree's margins (portrait, then a landscape appendix), the break between
them, and the page headers (the page number from the second page on, the draft mark).
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Twips

from nq43.report.document import ReportDocument
from nq43.report.docx.formatting import Style, ppr, rpr, text_run
from nq43.report.docx.geometry import (
    BODY_SIZE,
    FOOTER_DISTANCE,
    HEADER_DISTANCE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)
from nq43.report.docx.parts import parse
from nq43.support.vietnamese import clean

# The portrait section that ends before the appendix: its properties ride in the last paragraph, where Word
# looks for them; page size, margins and headers are then set on it through python-docx.
_SECTION_PROPERTIES = '<w:sectPr><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>'


def set_up_sections(word: Document, document: ReportDocument) -> None:
    """Each section laid out (the first portrait, the appendix's landscape) and the first section's headers
    written: the appendix has no header of its own, it goes on with the page numbers."""
    portrait, *appendix = word.sections
    _lay_out(portrait, landscape=False)
    for section in appendix:
        _lay_out(section, landscape=True)
    default_header, first_header = _headers(document)
    portrait.header.is_linked_to_previous = False
    portrait.first_page_header.is_linked_to_previous = False
    portrait.different_first_page_header_footer = True
    _fill_header(portrait.header, default_header)
    _fill_header(portrait.first_page_header, first_header)


def _lay_out(section: Any, *, landscape: bool) -> None:
    """A4 with the decree's margins, through python-docx's section properties."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Twips(PAGE_HEIGHT if landscape else PAGE_WIDTH)
    section.page_height = Twips(PAGE_WIDTH if landscape else PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Twips(HEADER_DISTANCE), Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)


def section_break() -> str:
    """The empty paragraph that ends the portrait section before the appendix and carries its properties."""
    return f"<w:p>{ppr(Style(first_line=0, before=0, after=0), exact=20, section=_SECTION_PROPERTIES)}</w:p>"


def _draft_paragraph(mark: str) -> str:
    style = Style(size=13, align="right", first_line=0, before=0)
    return f"<w:p>{ppr(style)}{text_run(clean(mark), 13, True, boxed=True)}</w:p>"


def _page_number_paragraph() -> str:
    style = Style(align="center", first_line=0, before=0, style_id="Header")
    props = rpr(BODY_SIZE, False, False)
    return (
        f"<w:p>{ppr(style)}"
        f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{props}<w:t>2</w:t></w:r>"
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def _headers(document: ReportDocument) -> tuple[str, str]:
    """The paragraphs of the header of every page but the first (its page number), and of the first page's
    (none: Decree 30)."""
    draft = _draft_paragraph(document.frame.draft_mark) if document.frame.draft else ""
    first = draft or f"<w:p>{ppr(Style(first_line=0, before=0, style_id='Header'))}</w:p>"
    return draft + _page_number_paragraph(), first


def _fill_header(header: Any, paragraphs: str) -> None:
    element = header.part.element
    for child in list(element):
        element.remove(child)
    element.extend(list(parse("w:hdr", paragraphs)))
