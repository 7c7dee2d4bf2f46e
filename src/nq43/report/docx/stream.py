"""The body streamed into word/document.xml in place of two placeholder paragraphs.

python-docx builds and saves the package with two placeholder paragraphs for a body (and, between them, the
paragraph that ends the portrait section, which it lays out); the final package streams the body in their place,
a few thousand paragraphs at a time. Neither the body's whole text nor its lxml tree is ever held: for a province
(300 units) they took 500 MB, and moving a parsed tree into python-docx's document cost more than writing it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from nq43.report.document import Paragraph, ReportDocument
from nq43.report.docx.body import Body
from nq43.report.docx.formatting import Style, ppr
from nq43.report.docx.frame import header_block, signature_block
from nq43.report.docx.geometry import LANDSCAPE_TEXT_WIDTH, RULE_PARAGRAPH, SPACE_BEFORE, TEXT_WIDTH
from nq43.report.docx.sections import section_break

# The body stands in python-docx's document as these two paragraphs, around the section break (when there is an
# appendix) and before the last section properties; the final package streams the real body in their place.
_PLACEHOLDERS = ("nq43-body-main", "nq43-body-appendix")


def has_appendix(document: ReportDocument) -> bool:
    return bool(document.appendix or document.appendix_title)


def _placeholder(name: str) -> str:
    return f"<w:p><w:r><w:t>{name}</w:t></w:r></w:p>"


def placeholder_body(document: ReportDocument) -> str:
    """The paragraphs python-docx's document holds for a body: the placeholders, and the section break between
    them when there is an appendix."""
    main, appendix = (_placeholder(name) for name in _PLACEHOLDERS)
    return main + (section_break() if has_appendix(document) else "") + appendix


def stream_document(
    saved: bytes, document: ReportDocument, links: Mapping[str, str], write: Callable[[bytes], object]
) -> None:
    """word/document.xml as python-docx saved it, with the body written piece by piece in place of the
    placeholders: neither the body's whole text nor its tree is ever held."""
    main, appendix = (_placeholder(name).encode() for name in _PLACEHOLDERS)
    if saved.count(main) != 1 or saved.count(appendix) != 1:
        raise RuntimeError("python-docx did not save the body's placeholders as written")
    head, rest = saved.split(main)
    middle, tail = rest.split(appendix)
    # a lone surrogate (from a YAML "\ud800" escape) is the one thing UTF-8 cannot encode: it is dropped
    body = Body(links, lambda xml: write(xml.encode("utf-8", "ignore")))
    write(head)
    _write_main(document, body)
    write(middle)
    _write_appendix(document, body)
    write(tail)


def _write_main(document: ReportDocument, body: Body) -> None:
    """The portrait part of the body: header, content and signature."""
    body.add(header_block(document, body.runs))
    content = document.body
    last = content[-1] if content else None
    if isinstance(last, Paragraph):  # the closing paragraph ("./.") stays on the page of the signature
        body.blocks(content[:-1], TEXT_WIDTH)
        body.paragraph(last.runs, Style(keep_next=True))
    else:
        body.blocks(content, TEXT_WIDTH)
    body.add(signature_block(document))
    body.flush()


def _write_appendix(document: ReportDocument, body: Body) -> None:
    """The landscape appendix after the section break; without one, the paragraph that closes the body."""
    if has_appendix(document):
        centred = Style(align="center", first_line=0, bold=True, keep_next=True, before=0)
        body.add(f"<w:p>{ppr(centred)}{body.runs(document.appendix_label, centred)}</w:p>")
        title = Style(align="center", first_line=0, bold=True, upper=True, keep_next=True, before=0)
        body.add(f"<w:p>{ppr(title)}{body.runs(document.appendix_title, title)}</w:p>")
        note = Style(align="center", first_line=0, italic=True, keep_next=True, before=0, after=SPACE_BEFORE * 2)
        body.add(f"<w:p>{ppr(note)}{body.runs(document.appendix_note, note)}</w:p>")
        body.blocks(document.appendix, LANDSCAPE_TEXT_WIDTH)
    else:
        # Word wants a paragraph, not a table, at the end of the body
        body.add(f"<w:p>{ppr(Style(first_line=0, before=0, after=0), exact=RULE_PARAGRAPH)}</w:p>")
    body.flush()
