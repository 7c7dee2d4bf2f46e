"""The document model of a rendered template: the frame Decree 30 fixes in place, from the letterhead, and the
parts the template words (`rendering` gives them). The .docx writer (`docx/`) takes it from here.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from nq43.report.context import Letterhead, ReportContext
from nq43.report.document import Frame, ReportDocument, plain_text
from nq43.report.markdownread import parse_inline
from nq43.report.rendering import Rendered, parse_part


def letterhead_frame(
    head: Letterhead,
    *,
    doc_type: str,
    draft: bool,
    letter: bool = False,
    greeting: str = "",
    addressees: tuple[str, ...] = (),
) -> Frame:
    """The parts Decree 30 fixes in place, from the letterhead: a report's (`doc_type` "BÁO CÁO"), or a letter's
    (no document type, the addressees after `greeting`)."""
    return Frame(
        parent_agency=head.parent_agency,
        issuing_agency_lines=head.issuing_agency_lines,
        national_title=head.national_title,
        motto=head.motto,
        number_line=head.number_line,
        place_date=head.place_date,
        doc_type=doc_type,
        authority=head.authority,
        signer=head.signer,
        recipients_heading=head.recipients_heading,
        recipients=head.recipients,
        draft=draft,
        draft_mark=head.draft_mark,
        letter=letter,
        greeting=greeting,
        addressees=addressees,
    )


def issued_document(head: Letterhead, frame: Frame, rendered: Rendered, code: str) -> ReportDocument:
    """The document model of the .docx: the frame, the worded parts from the template (a letter's appendix parts
    are empty), the file's properties from the letterhead; `code` is the period's ("2025Q1")."""
    parts = rendered.parts
    summary = parse_inline(parts["summary"])
    return ReportDocument(
        frame=frame,
        summary=summary,
        body=parse_part(rendered, "body"),
        appendix_label=parse_inline(parts["appendix_label"]),
        appendix_title=parse_inline(parts["appendix_title"]),
        appendix_note=parse_inline(parts["appendix_note"]),
        appendix=parse_part(rendered, "appendix"),
        title=f"{frame.doc_type} {plain_text(summary)}".strip(),
        author=head.agency_name,
        created=datetime.combine(head.date, time(0, 0), tzinfo=UTC),
        keywords=(code, head.number_text.strip()),
    )


def report_document(context: ReportContext, rendered: Rendered) -> ReportDocument:
    """The document model of the report's .docx."""
    frame = letterhead_frame(context.letterhead, doc_type=context.doc_type, draft=context.draft)
    return issued_document(context.letterhead, frame, rendered, context.period.code)
