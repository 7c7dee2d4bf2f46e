"""Write the report's document model as a Word .docx laid out by Decree 30/2020/NĐ-CP (Appendix I).

The package is python-docx's: `docx.Document()` gives the parts, and python-docx sets the sections (A4, margins,
orientation, header distance, a first page without number), creates the header parts, writes the core
properties and relates the web links. The body is written as WordprocessingML text straight into the zip entry
of word/document.xml, and the package is written again so that the same report gives the same bytes. Tests
reopen the file with python-docx and LibreOffice. Only this package imports python-docx.

One job a module, in the order a report is written:
  geometry    the page's numbers (A4, margins, sizes, columns, rule lines) and text widths
  formatting  text escaped for XML, run and paragraph properties
  tables      content tables and their column widths
  body        headings, paragraphs, lists, quotes, code and tables, handed on in pieces
  frame       the header block and the signature block
  sections    page layout, the section break before the appendix, page headers
  parts       styles, settings, font table, app and core properties in place of the template's
  stream      the body streamed into word/document.xml in place of its placeholders
  package     `build_docx`: the package built, saved and written again with fixed bytes
"""

from nq43.report.docx.package import build_docx

__all__ = ["build_docx"]
