"""Placeholder until the docxsafe branch lands: the safety check of an uploaded .docx (issue 16, part 3)."""

from nq43.domain.findings import Finding


def inspect_docx(data: bytes, path: str) -> list[Finding]:
    """Findings for what makes a .docx unsafe to open (none yet: the real check comes from docxsafe)."""
    return []
