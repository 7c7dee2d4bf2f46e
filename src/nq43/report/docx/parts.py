"""The package's parts besides the body, in place of what python-docx's default template brings: the thumbnail
of an empty page, the theme (Calibri), Word 2010's copy of the styles, web settings, numbering and custom XML go;
the styles (Calibri through the theme, 10 pt after, US Letter tab stops), the settings (rsids, a document id),
the font table, app.xml ("Microsoft Macintosh Word") and the core properties ("python-docx", 2013) are replaced.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml

from nq43.report.document import ReportDocument
from nq43.report.docx.formatting import xml_safe
from nq43.report.docx.geometry import BODY_SIZE, FIRST_LINE_INDENT, SPACE_BEFORE, TEXT_WIDTH
from nq43.support.vietnamese import clean

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# The relationships of python-docx's template that go: from the package, the thumbnail of an empty page and
# app.xml (replaced); from the document every one but styles and settings (rewritten in place), which drops the
# theme (Calibri, Cambria), Word 2010's copy of the styles, web settings, numbering, custom XML and the font
# table (replaced).
_PACKAGE_RELS_DROPPED = frozenset(
    {
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
    }
)
_DOCUMENT_RELS_KEPT = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
    }
)

_FONTS = (
    '<w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman" '
    'w:cs="Times New Roman"/>'
)
_LANG = '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>'


def _styles_xml() -> str:
    """What replaces the template's styles: its docDefaults and Normal name Calibri through the theme, 10 pt
    after and 1.15 lines, and its Header style has tab stops for US Letter."""

    def paragraph_style(style_id: str, name: str, ppr: str, rpr: str = "", extra: str = "") -> str:
        return (
            f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Normal"/>{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'
        )

    body_spacing = f'<w:spacing w:before="{SPACE_BEFORE}" w:after="0" w:line="240" w:lineRule="auto"/>'
    size = f'<w:sz w:val="{BODY_SIZE * 2}"/><w:szCs w:val="{BODY_SIZE * 2}"/>'
    return (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{_FONTS}{size}{_LANG}</w:rPr></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{body_spacing}</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f'<w:pPr>{body_spacing}<w:ind w:firstLine="{FIRST_LINE_INDENT}"/><w:jc w:val="both"/></w:pPr>'
        f'<w:rPr>{_FONTS}<w:color w:val="000000"/>{size}{_LANG}</w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr><w:spacing w:before="0" w:after="0" '
        'w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>'
        f"<w:rPr>{_FONTS}</w:rPr>"
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        + paragraph_style(
            "Heading1",
            "heading 1",
            '<w:keepNext/><w:outlineLvl w:val="0"/>',
            "<w:b/><w:bCs/><w:caps/>",
            '<w:next w:val="Normal"/>',
        )
        + paragraph_style(
            "Heading2",
            "heading 2",
            '<w:keepNext/><w:outlineLvl w:val="1"/>',
            "<w:b/><w:bCs/>",
            '<w:next w:val="Normal"/>',
        )
        + paragraph_style(
            "Heading3", "heading 3", '<w:keepNext/><w:outlineLvl w:val="2"/>', "", '<w:next w:val="Normal"/>'
        )
        + paragraph_style(
            "Header",
            "header",
            f'<w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH // 2}"/>'
            f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs><w:spacing w:before="0" w:after="0"/>'
            '<w:ind w:firstLine="0"/><w:jc w:val="center"/>',
        )
    )


# The template's settings carry an rsid list, a document id, a US decimal point and Word 2010 compatibility.
_SETTINGS = (
    '<w:zoom w:percent="100"/>'
    f'<w:defaultTabStop w:val="{FIRST_LINE_INDENT}"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="vi-VN"/>'
    '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
)

# The template's font table lists Calibri, Cambria, Arial, MS Mincho and more; the report uses one font.
_FONT_TABLE = (
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
)

# The template's names "Microsoft Macintosh Word", a Normal.dotm template and the counts of an empty page.
_APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>nq43</Application></Properties>"
)


def parse(tag: str, content: str) -> Any:
    """`content` as the children of a WordprocessingML element `tag`, parsed by python-docx."""
    return parse_xml(f"<{tag} {nsdecls('w', 'r')}>{content}</{tag}>")


def _replace_children(element: Any, content: str) -> None:
    """The template's part keeps its place in the package; what it says is replaced by `content`."""
    for child in list(element):
        element.remove(child)
    element.attrib.clear()  # rsids and markup-compatibility flags of the template
    element.extend(list(parse(element.tag.replace("{" + _W + "}", "w:"), content)))


def replace_template_parts(word: Document) -> None:
    """The template's parts and relationships that a report must not carry dropped, the rest rewritten."""
    part = word.part
    package = part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype in _PACKAGE_RELS_DROPPED:
            package.rels.pop(rid)
    for rid, rel in list(part.rels.items()):
        if rel.reltype not in _DOCUMENT_RELS_KEPT:
            part.rels.pop(rid)
    package.relate_to(
        XmlPart(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, parse_xml(_APP), package),
        RT.EXTENDED_PROPERTIES,
    )
    part.relate_to(
        XmlPart(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, parse("w:fonts", _FONT_TABLE), package),
        RT.FONT_TABLE,
    )
    _replace_children(word.styles.element, _styles_xml())
    _replace_children(word.settings.element, _SETTINGS)


def set_core_properties(core: Any, document: ReportDocument) -> None:
    """Everything from the report, nothing from the clock or the template ("python-docx", 2013)."""
    core.title = xml_safe(clean(document.title))
    core.author = xml_safe(clean(document.author))
    core.keywords = xml_safe(", ".join(k for k in document.keywords if k))
    core.subject = core.comments = core.category = ""
    core.last_modified_by = "nq43"
    core.revision = 1
    core.created = core.modified = document.created.replace(tzinfo=None)
    core.language = "vi-VN"
    if document.frame.draft:
        core.content_status = xml_safe(document.frame.draft_mark.capitalize())
