"""The .docx package: python-docx's document with the template's parts replaced, the links related, places held
for the body and the sections set up, saved, then written again with the body streamed in and fixed zip entries.

python-docx stamps each zip entry with the current time, so its package is written again with the entries in a
fixed order and a fixed time: the same input gives the same bytes (core properties take the report's date,
relationship ids follow the document). Web links are related first, in document order, since the relationships
are saved with the package before the body is written.
"""

from __future__ import annotations

import io
import zipfile
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

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries: the earliest time a zip can hold, the same every run
# Zip entries in this order (the rest by name after them): the content types first, as readers expect.
_ENTRY_ORDER = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
)


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
    """python-docx's package again, its entries in a fixed order and with a fixed time (zipfile stamps each
    entry with the current time), so that the same report gives the same bytes; the body is compressed once, as
    it is written into word/document.xml."""
    source = zipfile.ZipFile(io.BytesIO(saved))
    rank = {name: index for index, name in enumerate(_ENTRY_ORDER)}
    names = sorted(source.namelist(), key=lambda name: (rank.get(name, len(rank)), name))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED  # at zlib's default level, 6
            info.create_system = 0
            info.external_attr = 0
            if name == "word/document.xml":
                with archive.open(info, "w") as entry:
                    stream_document(source.read(name), document, links, entry.write)
            else:
                archive.writestr(info, source.read(name))
    return buffer.getvalue()
