"""The .docx package: python-docx's document with the template's parts replaced, the links related, places held
for the body and the sections set up, saved, then written again with the body streamed in and fixed zip entries.

python-docx stamps each zip entry with the current time, so its package is written again with the entries in a
fixed order and a fixed time: the same input gives the same bytes (core properties take the report's date,
relationship ids follow the document). Web links are related first, in document order, since the relationships
are saved with the package before the body is written.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from nq43.report.document import ReportDocument, inlines_of
from nq43.report.docx.formatting import xml_safe
from nq43.report.docx.parts import parse, replace_template_parts, set_core_properties
from nq43.report.docx.sections import set_up_sections
from nq43.report.docx.stream import placeholder_body, stream_document
from nq43.support.zippack import Write, repack


def build_docx(document: ReportDocument) -> bytes:
    """The .docx file of the report: the same document always gives the same bytes."""
    word = docx.Document()
    replace_template_parts(word)
    set_core_properties(word.core_properties, document)
    part = word.part
    links = relate_links(document, lambda url: part.relate_to(url, RT.HYPERLINK, is_external=True))
    _hold_places_for_body(word, document)
    set_up_sections(word, document)
    saved = io.BytesIO()
    word.save(saved)
    return _repackage(saved.getvalue(), document, links)


def relate_links(document: ReportDocument, relate: Callable[[str], str]) -> dict[str, str]:
    """The relationship id of each web address of the document, related in the order a reader meets them.

    They are related before the body is written: python-docx saves the relationships with the package, and the
    body is streamed in afterwards. An address that is not an absolute web or mail address gets none.
    """
    links: dict[str, str] = {}
    parts = (
        [document.summary]
        + [runs for block in document.body for runs in inlines_of(block)]
        + [document.appendix_label, document.appendix_title, document.appendix_note]
        + [runs for block in document.appendix for runs in inlines_of(block)]
    )
    for runs in parts:
        for run in runs:
            target = run.link
            if target is None or target in links:
                continue
            try:
                split = urlsplit(target)
            except ValueError:
                continue
            if split.scheme in ("http", "https", "mailto") and (split.scheme == "mailto" or split.netloc):
                links[target] = relate(xml_safe(target))
    return links


def _hold_places_for_body(word: Document, document: ReportDocument) -> None:
    """The template's body replaced by the placeholders (and the section break before an appendix), closed by
    the document's last section properties."""
    body = word.element.body
    final = body.sectPr
    final.attrib.clear()  # the template's rsids
    placeholders = parse("w:body", placeholder_body(document))
    placeholders.append(final)  # the document's last section properties close the body
    word.element.replace(body, placeholders)


def _repackage(saved: bytes, document: ReportDocument, links: Mapping[str, str]) -> bytes:
    """python-docx's package again with fixed zip entries (support/zippack.py); the body is compressed once, as
    it is written into word/document.xml."""

    def body(skeleton: bytes, write: Write) -> None:
        stream_document(skeleton, document, links, write)

    return repack(saved, streamed={"word/document.xml": body})
